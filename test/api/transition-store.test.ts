/**
 * Staff transitions without the ORM (core/cases/transition-fast-path.ts and the dialect's
 * transition store): one read and one write, with the same outcome as the ORM transaction — the
 * case row, its events, clocks and follow-ups — the same refusals writing nothing, a stale version
 * refused with 409, and no case of another company reachable.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoRegistry, startTestKernel, type SeededRegistry, type TestKernel } from '../../core/testing/harness.js';
import type { CaseDetail } from '../../core/http/api-types.js';

let kernel: TestKernel;
let reg: SeededRegistry;
const tokens: Record<string, string> = {};

interface CaseBody { id: number; serial: string; version: number; state: string; [k: string]: unknown }
type Step = [who: string, transition: string, data?: Record<string, unknown>];

beforeAll(async () => {
  kernel = await startTestKernel({ plugins: ['service-desk', 'complaints'], startAt: '2026-11-02T09:00:00+08:00' });
  reg = await kernel.seed();
  const other = demoRegistry();
  other.company = { code: 'OTHER', name: '另一家物业' };
  other.staff = other.staff!.map((s) => ({ ...s, username: `o-${s.username}` }));
  await kernel.seed(other);
  for (const u of ['frontdesk', 'supervisor', 'manager', 'engineering', 'assistant', 'o-supervisor']) tokens[u] = await kernel.login(u);
});
afterAll(async () => kernel?.close());

async function register(content = '楼道灯坏了三天没人修'): Promise<CaseBody> {
  const res = await kernel.call(tokens.frontdesk!, 'POST', '/api/cases/complaint', {
    projectId: reg.projects.get('CH')!.id, unitId: reg.units.get('CH/1/101')!.id, personId: reg.people.get('张伟')!.id,
    data: { channel: 'phone', complainantName: '张伟', contactPhone: '13800000001', content },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as CaseBody;
}

async function take(who: string, c: { id: number; version: number }, transition: string, data?: Record<string, unknown>) {
  return kernel.call(tokens[who]!, 'POST', `/api/cases/complaint/${c.id}/transitions/${transition}`, { version: c.version, ...(data ? { data } : {}) });
}

/** The case as the API shows it, with its events, clocks and follow-ups, without the ids that differ between two cases. */
async function outcome(id: number) {
  const detail = (await kernel.call(tokens.manager!, 'GET', `/api/cases/complaint/${id}`)).json() as CaseDetail;
  const events = ((await kernel.call(tokens.manager!, 'GET', `/api/cases/complaint/${id}/events`)).json() as { items: Record<string, unknown>[] }).items;
  const { id: _id, serial: _serial, followUps, followUpForm, ...rest } = detail;
  return {
    ...rest,
    followUpForm: followUpForm && { ...followUpForm, followUpId: 'same' },
    followUps: followUps.map(({ id: _f, ...f }) => f),
    events: events.map(({ id: _e, ...e }) => e),
  };
}

/** Runs the steps on a new case, through the fast path or the ORM transaction; answers of every step. */
async function run(steps: Step[], fast: boolean) {
  kernel.cases.useFastTransitions(fast);
  try {
    let c = await register();
    const answers: unknown[] = [];
    for (const [who, transition, data] of steps) {
      const res = await take(who, c, transition, data);
      expect(res.statusCode, `${transition}: ${res.body}`).toBe(200);
      const { id: _id, serial: _serial, ...body } = res.json() as CaseBody;
      answers.push(body);
      c = res.json() as CaseBody;
    }
    return { answers, outcome: await outcome(c.id) };
  } finally {
    kernel.cases.useFastTransitions(true);
  }
}

describe('transitions without the ORM', () => {
  const paths: Record<string, Step[]> = {
    'minor, handled and replied (the reply has a notify effect: the ORM way)': [
      ['supervisor', 'classify', { nature: 'valid', severity: 'minor', category: 'repair' }],
      ['engineering', 'handle', { cause: '灯管老化', correctiveAction: '更换灯管', handledBy: '韩志' }],
      ['frontdesk', 'reply', { replyMethod: 'phone', replyContent: '已更换灯管' }],
    ],
    'major: answered, escalated, handled': [
      ['supervisor', 'classify', { nature: 'major', severity: 'major', category: 'facilities', classificationNote: '涉及人身安全' }],
      ['manager', 'answer', { answerContent: '经理上门致歉', answerMethod: 'visit' }],
      ['manager', 'escalate'],
      ['manager', 'handle', { cause: '维保不及时', correctiveAction: '更换维保单位', handledBy: '高雅' }],
    ],
    'invalid: explained and closed': [
      ['supervisor', 'classify', { nature: 'invalid', severity: 'minor', category: 'noise', classificationNote: '邻里纠纷' }],
      ['assistant', 'explain', { explanation: '已说明', explanationMethod: 'phone', residentAccepted: true }],
    ],
    'pending, resumed, reclassified, classified again': [
      ['supervisor', 'classify', { nature: 'pending', severity: 'minor', category: 'repair', classificationNote: '等待业委会决定' }],
      ['supervisor', 'resume'],
      ['supervisor', 'reclassify'],
      ['supervisor', 'classify', { nature: 'valid', severity: 'important', category: 'fees' }],
    ],
    cancelled: [['supervisor', 'cancel', { cancelReason: 'enteredByMistake', cancelNote: '误登记' }]],
  };
  for (const [name, steps] of Object.entries(paths)) {
    it(`${name}: the same answers, case, events, clocks and follow-ups as the ORM transaction`, async () => {
      const orm = await run(steps, false);
      kernel.clock.set(new Date('2026-11-02T09:00:00+08:00'));
      const fast = await run(steps, true);
      kernel.clock.set(new Date('2026-11-02T09:00:00+08:00'));
      expect(fast.answers).toEqual(orm.answers);
      expect(fast.outcome).toEqual(orm.outcome);
    });
  }

  it('a classify is one read and one write, none of them through the ORM transaction', async () => {
    const c = await register();
    const connection = kernel.orm.em.getConnection() as unknown as { logQuery(query: string, context?: unknown): void };
    const original = connection.logQuery;
    const statements: string[] = [];
    connection.logQuery = function (this: unknown, query: string, context?: unknown) {
      if (/work_case|case_event|case_deadline|begin|commit/i.test(query)) statements.push(query);
      return original.call(this, query, context);
    };
    try {
      const res = await take('supervisor', c, 'classify', { nature: 'valid', severity: 'minor', category: 'repair' });
      expect(res.statusCode, res.body).toBe(200);
    } finally {
      connection.logQuery = original;
    }
    // SQLite: prepared statements on the ORM's connection (none logged); PostgreSQL: one read, one statement
    expect(statements.length).toBeLessThanOrEqual(2);
    expect(statements.some((s) => /^\s*begin/i.test(s))).toBe(false);
    const after = await outcome(c.id);
    expect(after.events.map((e) => e.type)).toEqual(['created', 'transition']);
    expect(after.deadlines.map((d) => [d.key, d.status])).toEqual([['forward', 'met'], ['resolve', 'running']]);
  });

  it('two classifications of one version: one is taken, the other gets 409 naming /version and writes nothing', async () => {
    const c = await register();
    const data = { nature: 'valid', severity: 'minor', category: 'repair' };
    const answers = await Promise.all([take('supervisor', c, 'classify', data), take('manager', c, 'classify', { ...data, severity: 'important' })]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    const refused = answers.find((a) => a.statusCode === 409)!.json() as { issues: { pointer: string; code: string }[] };
    expect(refused.issues[0]).toMatchObject({ pointer: '/version', code: 'stale' });
    const after = await outcome(c.id);
    expect(after.version).toBe(2);
    expect(after.events.map((e) => e.type)).toEqual(['created', 'transition']);
    expect(after.deadlines.map((d) => d.key)).toEqual(['forward', 'resolve']);
    // the version the client saw is gone: refused as well
    const again = await take('supervisor', c, 'classify', data);
    expect(again.statusCode).toBe(409);
  });

  it('refusals write nothing: a stale version, the form, the state, the role', async () => {
    const c = await register();
    const before = await outcome(c.id);
    const stale = await take('supervisor', { id: c.id, version: 5 }, 'classify', { nature: 'valid', severity: 'minor', category: 'repair' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().issues[0]).toMatchObject({ pointer: '/version', code: 'stale' });
    const form = await take('supervisor', c, 'classify', { nature: 'valid', severity: 'minor' });
    expect(form.statusCode).toBe(400);
    expect(JSON.stringify(form.json().issues)).toContain('category');
    const state = await take('engineering', c, 'handle', { cause: '无', correctiveAction: '无', handledBy: '无' });
    expect(state.statusCode).toBe(422);
    expect(state.json().issues[0]).toMatchObject({ pointer: '/transition', code: 'invalid-state' });
    const role = await take('engineering', c, 'classify', { nature: 'valid', severity: 'minor', category: 'repair' });
    expect(role.statusCode).toBe(403);
    expect(await outcome(c.id)).toEqual(before);
  });

  it("another company's staff cannot reach the case: 404, nothing written", async () => {
    const c = await register();
    const before = await outcome(c.id);
    const res = await take('o-supervisor', c, 'classify', { nature: 'valid', severity: 'minor', category: 'repair' });
    expect(res.statusCode).toBe(404);
    expect(await outcome(c.id)).toEqual(before);
  });
});
