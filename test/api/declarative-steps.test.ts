/**
 * The declarations any workflow can use instead of plugin code (issue #17), through a fixture
 * procedure that has none (test/fixtures/declarative/key-loans, test data): the core appendRow
 * effect, a deadline taking a transition when it expires, a rule operator a plugin contributes,
 * and the date.* operators on the company calendar — over HTTP on a test kernel — and the
 * load-time refusals of bad declarations, each naming its file and JSON pointer.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT_DIR } from '../../core/kernel.js';
import { loadPlugins } from '../../core/declarations/load-plugins.js';
import { DeclarationError } from '../../core/errors.js';
import { startTestKernel, type TestKernel } from '../../core/testing/harness.js';
import type { RegistryDocument } from '../../core/registry/seed-registry.js';

const PLUGINS_DIR = path.join(ROOT_DIR, 'test/fixtures/declarative');
const WF = 'plugins/key-loans/loan.workflow.json';

function registry(code: string): RegistryDocument {
  return {
    company: { code, name: `${code} 物业` },
    projects: [{ code: 'P1', name: '一期', buildings: [{ code: '1', name: '1栋', units: [{ number: '101', area: '80.00', unitType: 'residential', status: 'occupied' }] }] }],
    staff: [
      { username: `${code}-clerk`, name: '钥匙管理员', password: 'wuye2026', roles: ['clerk'], projects: '*' },
      { username: `${code}-boss`, name: '主管', password: 'wuye2026', roles: ['boss'], projects: '*' },
    ],
  };
}

interface CaseBody { id: number; version: number; state: string; assigneeRole: string | null; data: Record<string, unknown> }

describe('declared steps: appendRow, onExpiry, contributed and date operators', () => {
  let kernel: TestKernel;
  let clerk: string;
  let boss: string;
  let projectId: number;
  let clerkId: number;

  beforeAll(async () => {
    // Monday 2026-12-07 10:00 in Shanghai
    kernel = await startTestKernel({ pluginsDir: PLUGINS_DIR, plugins: ['key-loans'], startAt: '2026-12-07T02:00:00Z' });
    const seeded = await kernel.seed(registry('kl'));
    projectId = seeded.projects.get('P1')!.id;
    clerk = await kernel.login('kl-clerk');
    boss = await kernel.login('kl-boss');
    clerkId = (await kernel.call(clerk, 'GET', '/api/auth/me')).json().id as number;
  });
  afterAll(async () => kernel?.close());

  const lend = async (borrower: string): Promise<CaseBody> => {
    const res = await kernel.call(clerk, 'POST', '/api/cases/loan', { projectId, data: { borrower, keyType: 'door' } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as CaseBody;
  };
  const take = async (token: string, c: CaseBody, transition: string, data?: Record<string, unknown>) =>
    kernel.call(token, 'POST', `/api/cases/loan/${c.id}/transitions/${transition}`, { version: c.version, ...(data ? { data } : {}) });
  const get = async (c: { id: number }) => (await kernel.call(boss, 'GET', `/api/cases/loan/${c.id}`)).json() as CaseBody;

  it('rules call a plugin-contributed operator and the date operators on the company calendar', async () => {
    const loan = await lend('张三');
    const res = await take(clerk, loan, 'terms');
    expect(res.statusCode, res.body).toBe(200);
    // key-loans.deposit reads the plugin's settings; Mon + 3 working days = Thu; the month's last day
    expect((res.json() as CaseBody).data).toMatchObject({ deposit: '50.00', returnBy: '2026-12-10', monthEnd: '2026-12-31' });
  });

  it('form rules and a document condition use the date operators at run time, like guards do', async () => {
    // errorIf: a promised date before today (Monday 2026-12-07 in Shanghai) is refused on its field
    const early = await kernel.call(clerk, 'POST', '/api/cases/loan', { projectId, data: { borrower: '钱七', keyType: 'door', promisedBy: '2026-12-04' } });
    expect(early.statusCode, early.body).toBe(400);
    expect(early.json().issues).toEqual([expect.objectContaining({ pointer: '/data/promisedBy', code: 'rule-error' })]);
    // computed: two working days from today
    const created = await kernel.call(clerk, 'POST', '/api/cases/loan', { projectId, data: { borrower: '钱七', keyType: 'door', promisedBy: '2026-12-08' } });
    expect(created.statusCode, created.body).toBe(201);
    const loan = created.json() as CaseBody;
    expect(loan.data).toMatchObject({ promisedBy: '2026-12-08', suggestedBy: '2026-12-09' });
    // the slip's availableIf compares this month (date.today) with the month of the loan
    const page = (await kernel.call(clerk, 'GET', `/api/cases/loan/${loan.id}`)).json() as { documents: { id: string }[] };
    expect(page.documents.map((d) => d.id)).toEqual(['slip']);
    const printed = await kernel.call(clerk, 'GET', `/api/cases/loan/${loan.id}/documents/slip`);
    expect(printed.statusCode, printed.body).toBe(200);
    expect(printed.body).toContain('2026-12-09');
  });

  it('appendRow appends stamped rows, clears the fields it copied and refuses past maxRows', async () => {
    let loan = await lend('李四');
    for (const note of ['第一次电话催还', '第二次电话催还']) {
      const res = await take(clerk, loan, 'remind', { reminderNote: note });
      expect(res.statusCode, res.body).toBe(200);
      loan = res.json() as CaseBody;
    }
    expect(loan.data.reminders).toEqual([
      { no: 1, note: '第一次电话催还', channel: 'phone', at: '2026-12-07T02:00:00.000Z', date: '2026-12-07', staffId: clerkId, role: 'clerk' },
      { no: 2, note: '第二次电话催还', channel: 'phone', at: '2026-12-07T02:00:00.000Z', date: '2026-12-07', staffId: clerkId, role: 'clerk' },
    ]);
    expect(loan.data).not.toHaveProperty('reminderNote');
    const third = await take(clerk, loan, 'remind', { reminderNote: '第三次' });
    expect(third.statusCode).toBe(422);
    expect(third.json().issues[0]).toMatchObject({ pointer: '/data/reminders', code: 'too-many-rows', params: { name: 'reminders', limit: 2 } });
    expect(await get(loan)).toMatchObject({ version: loan.version, data: { reminders: loan.data.reminders } });
  });

  it('an expired deadline takes its onExpiry transition as the platform, once', async () => {
    const start = kernel.clock.now();
    const overdueLoan = await lend('王五');
    const returned = await lend('赵六');
    expect((await take(clerk, returned, 'giveBack')).statusCode).toBe(200);
    // two working days from Monday: due by the end of Wednesday; on Thursday the job runs
    kernel.clock.set('2026-12-10T03:00:00Z');
    await kernel.runJobs();
    await kernel.runJobs();
    const after = await get(overdueLoan);
    expect(after).toMatchObject({ state: 'overdue', assigneeRole: 'boss' });
    const events = (await kernel.call(boss, 'GET', `/api/cases/loan/${overdueLoan.id}/events`)).json() as { items: { type: string; transition: string | null; actorId: number | null; data: Record<string, unknown> }[] };
    expect(events.items.filter((e) => e.transition === 'markOverdue')).toEqual([expect.objectContaining({ type: 'transition', actorId: null, data: expect.objectContaining({ deadline: 'loanDue' }) })]);
    expect(events.items.filter((e) => e.type === 'overdue')).toEqual([expect.objectContaining({ data: expect.objectContaining({ deadline: 'loanDue', onExpiry: 'markOverdue' }) })]);
    expect((await get(returned)).state).toBe('returned');
    kernel.clock.set(start);
  });
});

/** Copies the fixture, changes its workflow, and returns the refusal's issues as code@pointer. */
async function refusalsOf(change: (wf: Record<string, any>) => void): Promise<string[]> { // eslint-disable-line @typescript-eslint/no-explicit-any
  // beside the fixture, so that its index.ts reaches core/plugin-api.ts by the same relative path
  const dir = mkdtempSync(path.join(ROOT_DIR, 'test/fixtures/_declared-'));
  try {
    cpSync(path.join(PLUGINS_DIR, 'key-loans'), path.join(dir, 'key-loans'), { recursive: true });
    const file = path.join(dir, 'key-loans/loan.workflow.json');
    const wf = JSON.parse(readFileSync(file, 'utf8'));
    change(wf);
    writeFileSync(file, JSON.stringify(wf));
    const err = await loadPlugins({ pluginsDir: dir }).then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(DeclarationError);
    return (err as DeclarationError).issues.map((i) => `${i.code}@${i.file === WF ? '' : i.file}${i.pointer}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('bad declarations are refused when the workflow loads', () => {
  const appendParams = (wf: Record<string, any>) => wf.transitions.remind.effects[0].params; // eslint-disable-line @typescript-eslint/no-explicit-any

  it('appendRow: an unknown list, a field that is not a list, an unknown source field and column', async () => {
    expect(await refusalsOf((wf) => { appendParams(wf).field = 'visits'; })).toEqual(['unknown-field@/transitions/remind/effects/0/params/field']);
    expect(await refusalsOf((wf) => { appendParams(wf).field = 'borrower'; })).toEqual(['not-a-list@/transitions/remind/effects/0/params/field']);
    expect(await refusalsOf((wf) => { appendParams(wf).row.note = 'remark'; })).toEqual(['unknown-field@/transitions/remind/effects/0/params/row/note']);
    expect(await refusalsOf((wf) => { appendParams(wf).row.colour = { value: 'red' }; })).toEqual(['unknown-column@/transitions/remind/effects/0/params/row/colour']);
    expect(await refusalsOf((wf) => { appendParams(wf).unique = ['colour']; })).toEqual(['unknown-column@/transitions/remind/effects/0/params/unique/0']);
    expect(await refusalsOf((wf) => { delete appendParams(wf).row; })).toEqual(['schema-required@/transitions/remind/effects/0/params/row']);
  });

  it('onExpiry: an unknown transition, or one that cannot leave the states the clock runs in', async () => {
    expect(await refusalsOf((wf) => { wf.deadlines.loanDue.onExpiry.transition = 'lose'; })).toEqual(['unknown-transition@/deadlines/loanDue/onExpiry/transition']);
    expect(await refusalsOf((wf) => { wf.transitions.markOverdue.from = ['overdue']; wf.transitions.markOverdue.to = 'lent'; })).toEqual(['transition-not-available@/deadlines/loanDue/onExpiry/transition']);
  });

  it('rules: an operator nobody registered, and a bad literal of a date operator', async () => {
    expect(await refusalsOf((wf) => { wf.transitions.terms.effects[0].value = { 'nobody.lookup': ['debris'] }; })).toEqual(['rule-operator-not-allowed@/transitions/terms/effects/0/value']);
    expect(await refusalsOf((wf) => { wf.transitions.terms.effects[1].value = { 'date.addWorkingDays': ['2026-13-01', 3] }; })).toEqual(['rule-invalid-argument@/transitions/terms/effects/1/value/date.addWorkingDays/0']);
  });
});
