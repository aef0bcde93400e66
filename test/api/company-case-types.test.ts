/**
 * Case types a company builds itself (issue 17; core/config/company-case-types.ts): a company admin
 * defines a key-lending procedure (钥匙借用) in the configuration — draft, dry run, proposal,
 * activation — and the front desk lends and takes back a key over HTTP on the same running
 * kernel: the generic case routes serve it, the work queue, the case page, printing, the overdue
 * escalation on working days and the monthly report know it. Invalid definitions are refused on
 * the control concerned with nothing activated; another company never sees the type; a rollback
 * stops new loans while an open one is returned under the version it was opened under.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { demoRegistry, startTestKernel, type SeededRegistry, type TestKernel } from '../../core/testing/harness.js';
import { ROOT_DIR } from '../../core/kernel.js';
import { pluginFromConfigCommand } from '../../core/cli/commands/plugin-from-config.js';

interface Issue { pointer: string; code: string; message: string }
interface CaseBody {
  id: number; serial: string; state: string; version: number; data: Record<string, unknown>; configVersionId?: number;
  availableTransitions: string[]; documents?: { id: string }[];
  deadlines?: { key: string; status: string; escalatedToRole: string | null; dueAt: string }[];
}

/** TEST DATA: the key-lending type as the configuration editor writes it (test/fixtures/company-case-types/key-loan.json). */
export function keyLoanType(): Record<string, unknown> {
  const def = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/company-case-types/key-loan.json'), 'utf8')) as Record<string, unknown>;
  delete def._comment;
  return def;
}

let kernel: TestKernel;
let demo: SeededRegistry;
let other: SeededRegistry;
const tokens = new Map<string, string>();
const token = async (username: string) => tokens.get(username) ?? tokens.set(username, await kernel.login(username)).get(username)!;

/** checks and dry runs go to the draft pool's worker threads, and the export boots a second kernel: slow on a busy machine */
const SLOW = 120_000;
// Monday 2026-11-02 09:00 Beijing
const START = '2026-11-02T09:00:00+08:00';

beforeAll(async () => {
  kernel = await startTestKernel({ plugins: ['service-desk'], startAt: START });
  demo = await kernel.seed();
  const doc = demoRegistry();
  doc.company = { code: 'BAY', name: '海湾物业服务有限公司' };
  doc.projects = doc.projects.map((p) => ({ ...p, code: `B${p.code}` }));
  doc.staff = doc.staff.map((s) => ({ ...s, username: `bay-${s.username}`, projects: Array.isArray(s.projects) ? s.projects.map((c) => `B${c}`) : s.projects }));
  other = await kernel.seed(doc);
});
afterAll(async () => kernel?.close());

async function versions(username = 'admin'): Promise<{ number: number; status: string; current: boolean }[]> {
  return ((await kernel.call(await token(username), 'GET', '/api/config/versions')).json() as { items: { number: number; status: string; current: boolean }[] }).items;
}

async function proposeAndActivate(document: unknown, reason: string): Promise<number> {
  const admin = await token('admin');
  const proposed = await kernel.call(admin, 'POST', '/api/config/versions', { document, reason });
  expect(proposed.statusCode, proposed.body).toBe(201);
  const number = (proposed.json() as { number: number }).number;
  const activated = await kernel.call(admin, 'POST', `/api/config/versions/${number}/activate`, {});
  expect(activated.statusCode, activated.body).toBe(200);
  return number;
}

function lend(username: string, borrowerName = '李师傅', project = demo) {
  return kernel.call(tokens.get(username) ?? null, 'POST', '/api/cases/xKeyLoan', {
    projectId: project.projects.get(project === demo ? 'CH' : 'BCH')!.id,
    unitId: project.units.get(project === demo ? 'CH/1/101' : 'BCH/1/101')!.id,
    data: { keyName: '1栋101 入户门钥匙', borrowerName, borrowerPhone: '13800000001', purpose: 'renovation', dueAt: '2026-11-02T18:00:00+08:00' },
  });
}

describe('a company builds its own key-lending procedure', () => {
  const document = { caseTypes: { xKeyLoan: keyLoanType() } };

  it('before activation the type is nowhere', async () => {
    await token('frontdesk');
    expect((await lend('frontdesk')).statusCode).toBe(404);
    expect((await kernel.call(await token('frontdesk'), 'GET', '/api/cases/xKeyLoan')).statusCode).toBe(404);
    const types = (await kernel.call(await token('frontdesk'), 'GET', '/api/case-types')).json() as { items: { caseType: string }[] };
    expect(types.items.map((t) => t.caseType)).not.toContain('xKeyLoan');
  });

  it('the admin drafts it, dry-runs a loan through it (overdue on working days) and activates it', async () => {
    const admin = await token('admin');
    const saved = await kernel.call(admin, 'PUT', '/api/config/drafts/mine', { version: 0, baseVersion: 1, document });
    expect(saved.statusCode, saved.body).toBe(200);
    const checked = await kernel.call(admin, 'POST', '/api/config/check', { document });
    expect(checked.json(), checked.body).toMatchObject({ valid: true, issues: [] });

    const dry = await kernel.call(admin, 'POST', '/api/config/dry-run', {
      document, caseType: 'xKeyLoan', projectCode: 'CH', start: '2026-11-06T09:00:00+08:00', // a Friday
      create: { data: { keyName: '会所钥匙', borrowerName: '王先生', purpose: 'other', dueAt: '2026-11-06T18:00:00+08:00' } },
      steps: [{ transition: 'returnKey', data: { condition: 'intact' }, afterMinutes: 4 * 24 * 60 }],
    });
    expect(dry.statusCode, dry.body).toBe(200);
    const steps = (dry.json() as { steps: { state: string; clocks: { key: string; dueAt: string; status: string; escalatedTo: string | null }[] }[] }).steps;
    expect(steps.map((s) => s.state)).toEqual(['lent', 'returned']);
    // one working day from Friday is the end of Monday (Beijing): returned on Tuesday, the loan was overdue and escalated
    expect(steps[0]!.clocks[0]).toMatchObject({ key: 'returnBy', dueAt: '2026-11-09T15:59:59.999Z' });
    expect(steps[1]!.clocks[0]).toMatchObject({ key: 'returnBy', escalatedTo: 'supervisor' });
    expect((await versions()).filter((v) => v.current).map((v) => v.number)).toEqual([1]);

    await proposeAndActivate(document, '钥匙借用流程上线');
  }, SLOW);

  it('the staff app describes it: case types with its form, app config with its layout', async () => {
    const desk = await token('frontdesk');
    const types = (await kernel.call(desk, 'GET', '/api/case-types')).json() as { items: { caseType: string; canCreate: boolean; form: { name: string; schema: unknown; ui: unknown }; documents: { id: string }[] }[] };
    const keyLoan = types.items.find((t) => t.caseType === 'xKeyLoan');
    expect(keyLoan).toMatchObject({ canCreate: true, form: { name: 'keyLoan', ui: { form: 'keyLoan' } }, documents: [{ id: 'slip' }] });
    const app = (await kernel.call(desk, 'GET', '/api/app-config')).json() as { plugins: Record<string, { forms: Record<string, unknown>; workflows: Record<string, unknown> }> };
    expect(Object.keys(app.plugins['x-key-loan']!.forms).sort()).toEqual(['keyLoan', 'keyReturn']);
    expect(Object.keys(app.plugins['x-key-loan']!.workflows)).toEqual(['xKeyLoan']);
    // the OpenAPI document shows the companies' routes once, generically: no company's type is named in it
    const openapi = (await kernel.call(null, 'GET', '/api/openapi.json')).json() as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(openapi.paths['/api/cases/{type}']!).sort()).toEqual(['get', 'post']);
    expect(Object.keys(openapi.paths['/api/cases/{type}/{id}/transitions/{transition}']!)).toEqual(['post']);
    expect(Object.keys(openapi.paths).filter((p) => p.includes('xKeyLoan'))).toEqual([]);
    // a technician may not lend keys
    await token('technician');
    expect((await lend('technician')).statusCode).toBe(403);
  });

  let loan: CaseBody;

  it('the front desk lends a key, without a restart: queue, case page, print', async () => {
    const desk = await token('frontdesk');
    const bad = await kernel.call(desk, 'POST', '/api/cases/xKeyLoan', { projectId: demo.projects.get('CH')!.id, data: { keyName: '钥匙', purpose: 'lost' } });
    expect(bad.statusCode).toBe(400);
    const pointers = (bad.json() as { issues: Issue[] }).issues.map((i) => i.pointer);
    expect(pointers).toEqual(expect.arrayContaining(['/data/borrowerName', '/data/purpose']));

    const created = await lend('frontdesk', '<b>李师傅</b>');
    expect(created.statusCode, created.body).toBe(201);
    loan = created.json() as CaseBody;
    expect(loan).toMatchObject({ state: 'lent', availableTransitions: ['returnKey'] });
    expect(loan.serial).toMatch(/^YS-/);

    const queue = (await kernel.call(desk, 'GET', '/api/queue?scope=team')).json() as { items: { caseType: string; id: number }[] };
    expect(queue.items).toContainEqual(expect.objectContaining({ caseType: 'xKeyLoan', id: loan.id }));
    const list = (await kernel.call(desk, 'GET', '/api/cases/xKeyLoan?open=true')).json() as { items: { id: number }[] };
    expect(list.items.map((c) => c.id)).toEqual([loan.id]);

    const page = (await kernel.call(desk, 'GET', `/api/cases/xKeyLoan/${loan.id}`)).json() as CaseBody & { transitionForms: Record<string, { form: { name: string } }> };
    expect(page.transitionForms.returnKey!.form.name).toBe('keyReturn');
    expect(page.deadlines).toEqual([expect.objectContaining({ key: 'returnBy', status: 'running', dueAt: '2026-11-03T15:59:59.999Z' })]);

    const printed = await kernel.call(desk, 'GET', `/api/cases/xKeyLoan/${loan.id}/documents/slip`);
    expect(printed.statusCode, printed.body).toBe(200);
    expect(printed.headers['content-type']).toContain('text/html');
    expect(printed.body).toContain('钥匙借用登记单');
    expect(printed.body).toContain('1栋101 入户门钥匙');
    expect(printed.body).toContain('装修');
    // the borrower's name is printed as text, never as markup
    expect(printed.body).toContain('&lt;b&gt;李师傅&lt;/b&gt;');
    expect(printed.body).not.toContain('<b>李师傅');
    expect((await kernel.call(desk, 'GET', `/api/cases/xKeyLoan/${loan.id}/links`)).statusCode).toBe(200);

    // the household archive of 1栋101 lists the loan with its type's title
    const archive = await kernel.call(await token('supervisor'), 'GET', `/api/units/${demo.units.get('CH/1/101')!.id}/archive`);
    expect(archive.statusCode, archive.body).toBe(200);
    expect((archive.json() as { cases: { caseType: string; id: number; title: string | null }[] }).cases).toContainEqual(expect.objectContaining({ caseType: 'xKeyLoan', id: loan.id, title: '1栋101 入户门钥匙' }));
  });

  it('a loan not returned within a working day escalates to the supervisor; returning it closes the loan', async () => {
    // lent on Monday, due at the end of Tuesday: still out on Wednesday morning
    kernel.clock.set('2026-11-04T10:00:00+08:00');
    await kernel.runJobs();
    const desk = await token('frontdesk');
    const page = (await kernel.call(desk, 'GET', `/api/cases/xKeyLoan/${loan.id}`)).json() as CaseBody;
    expect(page.deadlines).toEqual([expect.objectContaining({ key: 'returnBy', status: 'overdue', escalatedToRole: 'supervisor' })]);

    const missing = await kernel.call(desk, 'POST', `/api/cases/xKeyLoan/${loan.id}/transitions/returnKey`, { version: page.version, data: {} });
    expect(missing.statusCode).toBe(400);
    expect((missing.json() as { issues: Issue[] }).issues.map((i) => i.pointer)).toContain('/data/condition');
    const returned = await kernel.call(desk, 'POST', `/api/cases/xKeyLoan/${loan.id}/transitions/returnKey`, { version: page.version, data: { condition: 'intact' } });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(returned.json()).toMatchObject({ state: 'returned', availableTransitions: [] });
    const events = (await kernel.call(desk, 'GET', `/api/cases/xKeyLoan/${loan.id}/events`)).json() as { items: { transitionTitle: { 'zh-CN': string } | null }[] };
    expect(events.items.map((e) => e.transitionTitle?.['zh-CN'] ?? null)).toContain('归还钥匙');
  });

  it('the monthly report counts the loans, by purpose, in the API and the workbook', async () => {
    const manager = await token('manager');
    const report = await kernel.call(manager, 'GET', '/api/reports/monthly?month=2026-11');
    expect(report.statusCode, report.body).toBe(200);
    const keyLoans = (report.json() as { caseTypes: { caseType: string; title: { 'zh-CN': string }; cases: { total: number; closed: number; overdue: number }; fields: { field: string; items: { key: unknown; count: number }[] }[] }[] }).caseTypes.find((t) => t.caseType === 'xKeyLoan');
    expect(keyLoans).toMatchObject({ title: { 'zh-CN': '钥匙借用' }, cases: { total: 1, closed: 1 } });
    expect(keyLoans!.fields).toEqual([expect.objectContaining({ field: 'purpose', items: [expect.objectContaining({ key: 'renovation', count: 1, label: expect.objectContaining({ 'zh-CN': '装修' }) })] })]);
    const summary = await kernel.call(manager, 'GET', '/api/cases/xKeyLoan/summary?month=2026-11');
    expect(summary.statusCode, summary.body).toBe(200);
    const xlsx = await kernel.call(manager, 'GET', '/api/reports/monthly.xlsx?month=2026-11');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.includes(Buffer.from('xl/worksheets'))).toBe(true);
  });

  it('another company does not see the type: 404, not in its case types or app config', async () => {
    const bayDesk = await token('bay-frontdesk');
    expect((await kernel.call(bayDesk, 'GET', `/api/cases/xKeyLoan/${loan.id}`)).statusCode).toBe(404);
    expect((await kernel.call(bayDesk, 'GET', '/api/cases/xKeyLoan')).statusCode).toBe(404);
    expect((await kernel.call(bayDesk, 'GET', '/api/cases/xKeyLoan/summary?month=2026-11')).statusCode).toBe(404);
    expect((await lend('bay-frontdesk', '赵六', other)).statusCode).toBe(404);
    const types = (await kernel.call(bayDesk, 'GET', '/api/case-types')).json() as { items: { caseType: string }[] };
    expect(types.items.map((t) => t.caseType)).not.toContain('xKeyLoan');
    const app = (await kernel.call(bayDesk, 'GET', '/api/app-config')).json() as { plugins: Record<string, unknown> };
    expect(Object.keys(app.plugins)).not.toContain('x-key-loan');
  });
});

describe('invalid definitions are refused on the control concerned, and nothing is activated', () => {
  const variant = (change: (def: Record<string, any>) => void) => {
    const def = keyLoanType() as Record<string, any>;
    change(def);
    return { caseTypes: { xKeyLoan: def } };
  };
  const cases: [string, Record<string, unknown>, string, string][] = [
    ['a transition to a missing state', variant((d) => { d.workflow.transitions.returnKey.to = 'archived'; }), '/caseTypes/xKeyLoan/workflow/transitions/returnKey/to', 'unknown-state'],
    ['a role that does not exist', variant((d) => { d.workflow.transitions.returnKey.roles = ['keyKeeper']; }), '/caseTypes/xKeyLoan/workflow/transitions/returnKey/roles/0', 'unknown-role'],
    ['a template reading an unknown field', variant((d) => { d.templates['key-loan-slip'] = '<p>{{data.borrowerIdNumber}}</p>'; }), '/caseTypes/xKeyLoan/templates/key-loan-slip', 'unknown-template-variable'],
    ['a state nobody can leave', variant((d) => { d.workflow.states.lost = { title: { 'zh-CN': '已遗失' } }; d.workflow.transitions.reportLost = { title: { 'zh-CN': '报失' }, from: ['lent'], to: 'lost', roles: ['frontDesk'] }; }), '/caseTypes/xKeyLoan/workflow/states/lost', 'dead-end-state'],
    ['a failing rule example', variant((d) => { d.rules.longLoan.examples[1].result = true; }), '/caseTypes/xKeyLoan/rules/longLoan/examples/1/result', 'rule-example-failed'],
    ['a form field missing from the layout\'s form', variant((d) => { d.ui.keyLoan.sections[0].fields.push('keyColour'); }), '/caseTypes/xKeyLoan/ui/keyLoan/sections/0/fields/3', 'unknown-field'],
    ['a workflow whose caseType is not its key', variant((d) => { d.workflow.caseType = 'keyLoan'; }), '/caseTypes/xKeyLoan/workflow/caseType', 'case-type-mismatch'],
    ['a script in a print template', variant((d) => { d.templates['key-loan-slip'] = '<script>alert(1)</script>'; }), '/caseTypes/xKeyLoan/templates/key-loan-slip', 'template-markup'],
    ['a type id outside the company namespace', { caseTypes: { keyLoan: keyLoanType() } }, '/caseTypes', 'schema-propertyNames'],
    // conversions to a case type that does not exist, or onto a field its registration form lacks, are never offered: refused like a plugin's
    ['a conversion to a case type that does not exist', variant((d) => { d.workflow.conversions = { xNoSuchType: { label: { 'zh-CN': '转为不存在的业务' }, roles: ['frontDesk'], closeAs: 'returned' } }; }), '/caseTypes/xKeyLoan/workflow/conversions/xNoSuchType', 'unknown-case-type'],
    ['a conversion onto a field the target form lacks', variant((d) => { d.workflow.conversions = { serviceRequest: { label: { 'zh-CN': '转为报事' }, roles: ['frontDesk'], closeAs: 'returned', fields: { content: 'keyName', keyColour: 'keyName' } } }; }), '/caseTypes/xKeyLoan/workflow/conversions/serviceRequest/fields/keyColour', 'unknown-field'],
  ];

  it.each(cases)('%s', async (_label, document, pointer, code) => {
    const before = await versions();
    const admin = await token('admin');
    const proposed = await kernel.call(admin, 'POST', '/api/config/versions', { document, reason: '试试' });
    expect(proposed.statusCode).toBeGreaterThanOrEqual(400);
    expect(proposed.statusCode).toBeLessThan(500);
    const issues = (proposed.json() as { issues: Issue[] }).issues;
    expect(issues, JSON.stringify(issues)).toContainEqual(expect.objectContaining({ pointer: expect.stringMatching(new RegExp(`^(/document)?${pointer.replace(/[/]/g, '\\/')}`)), code }));
    expect(await versions()).toEqual(before);
  });

  it('sizes are bounded, with the field named', async () => {
    const states = Object.fromEntries(Array.from({ length: 31 }, (_, i) => [`s${i}`, { title: { 'zh-CN': `状态${i}` } }]));
    const tooMany = variant((d) => { d.workflow.states = { ...d.workflow.states, ...states }; });
    const admin = await token('admin');
    const res = await kernel.call(admin, 'POST', '/api/config/check', { document: tooMany });
    expect((res.json() as { issues: Issue[] }).issues).toContainEqual(expect.objectContaining({ pointer: '/document/caseTypes/xKeyLoan/workflow/states', code: 'maxProperties' }));
    const bigTemplate = variant((d) => { d.templates['key-loan-slip'] = `<p>${'钥'.repeat(50_001)}</p>`; });
    const big = await kernel.call(admin, 'POST', '/api/config/check', { document: bigTemplate });
    expect((big.json() as { issues: Issue[] }).issues).toContainEqual(expect.objectContaining({ pointer: '/document/caseTypes/xKeyLoan/templates/key-loan-slip', code: 'schema-maxLength' }));
  });
});

describe('plugin:from-config', () => {
  const dir = mkdtempSync(join(os.tmpdir(), 'wuye-from-config-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses an unknown company or type, and writes nothing', async () => {
    expect(await pluginFromConfigCommand.run(['NOPE', 'xKeyLoan', '--out', join(dir, 'a')], kernel)).toBe(1);
    expect(await pluginFromConfigCommand.run(['DEMO', 'xVisit', '--out', join(dir, 'a')], kernel)).toBe(1);
    expect(await pluginFromConfigCommand.run(['DEMO'], kernel)).toBe(2);
    expect(existsSync(join(dir, 'a'))).toBe(false);
  });

  it("refuses, as the plugin loader would, a folder whose case type an installed plugin declares, and leaves no folder", async () => {
    // the other company's own xServiceRequest would be written out as case type serviceRequest, service-desk's
    const def = keyLoanType() as { workflow: { caseType: string } };
    def.workflow.caseType = 'xServiceRequest';
    const admin = await token('bay-admin');
    const proposed = await kernel.call(admin, 'POST', '/api/config/versions', { document: { caseTypes: { xServiceRequest: def } }, reason: '自建报事流程' });
    expect(proposed.statusCode, proposed.body).toBe(201);
    const activated = await kernel.call(admin, 'POST', `/api/config/versions/${(proposed.json() as { number: number }).number}/activate`, {});
    expect(activated.statusCode, activated.body).toBe(200);

    const errors: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => { errors.push(args.join(' ')); });
    try {
      expect(await pluginFromConfigCommand.run(['BAY', 'xServiceRequest', '--out', join(dir, 'service-request')], kernel)).toBe(1);
    } finally {
      spy.mockRestore();
    }
    expect(errors.join('\n')).toContain('[duplicate-case-type] plugins/service-request/serviceRequest.workflow.json /caseType');
    expect(existsSync(join(dir, 'service-request'))).toBe(false);
  }, SLOW);

  it('writes the key-lending type as a plugin folder that loads in a kernel, where a loan runs through the same steps', async () => {
    const folder = join(dir, 'key-loan');
    expect(await pluginFromConfigCommand.run(['DEMO', 'xKeyLoan', '--out', folder], kernel)).toBe(0);
    for (const file of ['plugin.json', 'keyLoan.workflow.json', 'keyLoan.form.json', 'keyReturn.form.json', 'keyLoan.ui.json', 'key-loan.rules.json', 'templates/key-loan-slip.hbs', 'README.md']) {
      expect(existsSync(join(folder, file)), file).toBe(true);
    }
    expect(JSON.parse(readFileSync(join(folder, 'plugin.json'), 'utf8'))).toMatchObject({ id: 'key-loan', title: { 'zh-CN': '钥匙借用' }, dependsOn: ['service-desk'] });
    // a second run does not overwrite the developer's copy
    expect(await pluginFromConfigCommand.run(['DEMO', 'xKeyLoan', '--out', folder], kernel)).toBe(1);

    cpSync(join(ROOT_DIR, 'plugins', 'service-desk'), join(dir, 'service-desk'), { recursive: true });
    const plugin = await startTestKernel({ pluginsDir: dir, plugins: ['service-desk', 'key-loan'], startAt: START });
    try {
      const reg = await plugin.seed();
      const desk = await plugin.login('frontdesk');
      const created = await plugin.call(desk, 'POST', '/api/cases/keyLoan', {
        projectId: reg.projects.get('CH')!.id, unitId: reg.units.get('CH/1/101')!.id,
        data: { keyName: '1栋101 入户门钥匙', borrowerName: '李师傅', purpose: 'repair', dueAt: '2026-11-02T18:00:00+08:00' },
      });
      expect(created.statusCode, created.body).toBe(201);
      const id = (created.json() as CaseBody).id;
      const printed = await plugin.call(desk, 'GET', `/api/cases/keyLoan/${id}/documents/slip`);
      expect(printed.statusCode).toBe(200);
      expect(printed.body).toContain('钥匙借用登记单');
      plugin.clock.set('2026-11-04T10:00:00+08:00');
      await plugin.runJobs();
      const page = (await plugin.call(desk, 'GET', `/api/cases/keyLoan/${id}`)).json() as CaseBody;
      expect(page.deadlines).toEqual([expect.objectContaining({ key: 'returnBy', status: 'overdue', escalatedToRole: 'supervisor' })]);
      const returned = await plugin.call(desk, 'POST', `/api/cases/keyLoan/${id}/transitions/returnKey`, { version: page.version, data: { condition: 'intact' } });
      expect(returned.statusCode, returned.body).toBe(200);
      expect(returned.json()).toMatchObject({ state: 'returned' });
    } finally {
      await plugin.close();
    }
  }, SLOW);
});

describe('rollback', () => {
  it('removes the type for new loans while an open loan is returned under its own version', async () => {
    const desk = await token('frontdesk');
    const open = (await lend('frontdesk', '周师傅')).json() as CaseBody;
    expect(open.state).toBe('lent');
    const admin = await token('admin');
    const rolled = await kernel.call(admin, 'POST', '/api/config/rollback', { reason: '暂停钥匙借用' });
    expect(rolled.statusCode, rolled.body).toBe(200);

    expect((await lend('frontdesk', '吴师傅')).statusCode).toBe(404);
    const types = (await kernel.call(desk, 'GET', '/api/case-types')).json() as { items: { caseType: string }[] };
    expect(types.items.map((t) => t.caseType)).not.toContain('xKeyLoan');
    // the open loan and the returned one stay listed and workable
    const list = (await kernel.call(desk, 'GET', '/api/cases/xKeyLoan')).json() as { items: { id: number }[] };
    expect(list.items.map((c) => c.id)).toContain(open.id);
    const page = (await kernel.call(desk, 'GET', `/api/cases/xKeyLoan/${open.id}`)).json() as CaseBody;
    expect(page.availableTransitions).toEqual(['returnKey']);
    const returned = await kernel.call(desk, 'POST', `/api/cases/xKeyLoan/${open.id}/transitions/returnKey`, { version: page.version, data: { condition: 'damaged', returnNote: '钥匙齿磨损' } });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(returned.json()).toMatchObject({ state: 'returned' });
    expect((await kernel.call(desk, 'GET', `/api/cases/xKeyLoan/${open.id}/documents/slip`)).statusCode).toBe(200);
  });
});
