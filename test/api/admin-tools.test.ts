/**
 * The admin editor's server side: dry runs of a draft configuration, rule dry runs, diffs, export,
 * staff accounts and the audit log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKernel, type TestKernel } from '../../core/testing/harness.js';
import type { SeededRegistry } from '../../core/registry/seed-registry.js';

let kernel: TestKernel;
let reg: SeededRegistry;
const t: Record<string, string> = {};
const bj = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`);

beforeAll(async () => {
  kernel = await startTestKernel({ plugins: ['service-desk', 'complaints'], startAt: bj('2026-09-30 10:00') });
  reg = await kernel.seed();
  for (const u of ['admin', 'supervisor', 'frontdesk']) t[u] = await kernel.login(u);
});
afterAll(async () => kernel?.close());

const MANUAL_B = { plugins: { complaints: { workflows: { complaint: { deadlines: {
  answer: { duration: { amount: 2, unit: 'days' } },
  resolve: { duration: { amount: 2, unit: 'days' }, bySeverity: { important: { amount: 3, unit: 'days' }, major: { amount: 10, unit: 'days' } } },
} } } } } };
const createData = { data: { channel: 'letter', complainantName: '王芳', content: '电梯停运' } };
const majorPath = [
  { transition: 'classify', data: { nature: 'major', severity: 'major', category: 'facilities', classificationNote: '安全' }, afterMinutes: 10 },
];

describe('dry run', () => {
  it('walks a major complaint through the current workflow: queue, clocks on the holiday calendar', async () => {
    const res = await kernel.call(t.admin!, 'POST', '/api/config/dry-run', { caseType: 'complaint', start: bj('2026-09-30 10:00').toISOString(), create: createData, steps: majorPath });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.valid).toBe(true);
    expect(body.steps.map((s: { state: string; assigneeRole: string }) => [s.state, s.assigneeRole])).toEqual([['registered', 'supervisor'], ['routed', 'engineering']]);
    const clocks = Object.fromEntries(body.steps[1].clocks.map((c: { key: string; dueAt: string; status: string }) => [c.key, [c.status, c.dueAt]]));
    expect(clocks.forward).toEqual(['met', bj('2026-09-30 10:30').toISOString()]);
    expect(clocks.answer).toEqual(['running', new Date('2026-10-10T23:59:59.999+08:00').toISOString()]);
    expect(clocks.resolve).toEqual(['running', new Date('2026-10-15T23:59:59.999+08:00').toISOString()]);
    // nothing was written
    expect((await kernel.call(t.admin!, 'GET', '/api/cases/complaint')).json().items).toEqual([]);
  });

  it('shows what manual B would change, before anything is proposed', async () => {
    const body = (await kernel.call(t.admin!, 'POST', '/api/config/dry-run', { patch: MANUAL_B, caseType: 'complaint', start: bj('2026-09-30 10:00').toISOString(), create: createData, steps: majorPath })).json();
    const clocks = Object.fromEntries(body.steps[1].clocks.map((c: { key: string; dueAt: string }) => [c.key, c.dueAt]));
    expect(clocks.answer).toBe(bj('2026-10-02 10:10').toISOString());
    expect(clocks.resolve).toBe(bj('2026-10-10 10:10').toISOString());
    expect((await kernel.call(t.admin!, 'GET', '/api/config/versions')).json().items).toHaveLength(1);
  });

  it('shows an overdue clock escalating, and a follow-up falling due', async () => {
    const body = (await kernel.call(t.admin!, 'POST', '/api/config/dry-run', {
      caseType: 'complaint', start: bj('2026-09-30 10:00').toISOString(), create: createData,
      steps: [
        { transition: 'classify', data: { nature: 'valid', severity: 'minor', category: 'repair' }, afterMinutes: 45 },
        { transition: 'handle', data: { cause: '老化', correctiveAction: '更换', handledBy: '工程部' }, afterMinutes: 60 },
        { transition: 'reply', data: { replyMethod: 'letter', replyContent: '已更换' }, afterMinutes: 60 },
      ],
    })).json();
    expect(body.steps[1].clocks.find((c: { key: string }) => c.key === 'forward')).toMatchObject({ status: 'overdue', escalatedTo: 'manager' });
    expect(body.steps[3].state).toBe('replied');
    expect(body.steps[3].followUp).toEqual({ dueAt: bj('2026-10-03 12:45').toISOString(), method: 'phone', roles: ['supervisor', 'manager'] });
  });

  it('reports a refused step (bad form data, wrong state) instead of failing, and an invalid draft with its issues', async () => {
    const refused = (await kernel.call(t.admin!, 'POST', '/api/config/dry-run', { caseType: 'complaint', create: createData, steps: [{ transition: 'reply', data: {} }] })).json();
    expect(refused.steps[1].refused.message).toContain('cannot be taken from state');
    const badForm = (await kernel.call(t.admin!, 'POST', '/api/config/dry-run', { caseType: 'complaint', create: createData, steps: [{ transition: 'classify', data: { nature: 'nonsense' } }] })).json();
    expect(badForm.steps[1].refused.issues.map((i: { pointer: string }) => i.pointer)).toContain('/data/nature');
    const invalid = (await kernel.call(t.admin!, 'POST', '/api/config/dry-run', { patch: { plugins: { complaints: { workflows: { complaint: { deadlines: { resolve: { duration: { amount: -1 } } } } } } } }, caseType: 'complaint', create: createData, steps: [] })).json();
    expect(invalid.valid).toBe(false);
    expect(invalid.issues[0].pointer).toBe('/document/plugins/complaints/workflows/complaint/deadlines/resolve/duration/amount');
  });

  it('refuses regular expressions in company configuration (one bad pattern could stall the shared server)', async () => {
    const res = await kernel.call(t.admin!, 'POST', '/api/config/versions', { reason: 'x', patch: { plugins: { complaints: { forms: { complaint: { properties: { place: { pattern: '^(a+)+$' } } } } } } } });
    expect(res.statusCode).toBe(400);
    expect(res.json().issues.map((i: { pointer: string; code: string }) => [i.pointer, i.code])).toContainEqual(['/document/plugins/complaints/forms/complaint/properties/place/pattern', 'pattern-not-allowed']);
  });

  it('evaluates a rule on sample data', async () => {
    const named = (await kernel.call(t.admin!, 'POST', '/api/config/dry-run/rule', { pluginId: 'complaints', rule: 'routeDepartment', context: { data: { category: 'fees' } } })).json();
    expect(named).toEqual({ result: 'finance', issues: [] });
    const given = (await kernel.call(t.admin!, 'POST', '/api/config/dry-run/rule', { pluginId: 'complaints', logic: { 'money.mul': ['1000.00', '0.003', 17] }, context: {} })).json();
    expect(given.result).toBe('51.00');
    const unsafe = (await kernel.call(t.admin!, 'POST', '/api/config/dry-run/rule', { pluginId: 'complaints', logic: { method: [{ var: 'data' }, 'toString'] }, context: {} })).json();
    expect(unsafe.result).toBeNull();
    expect(unsafe.issues[0].pointer).toMatch(/^\/logic/);
  });

  it('is for configuration editors only', async () => {
    expect((await kernel.call(t.supervisor!, 'POST', '/api/config/dry-run', { caseType: 'complaint', create: createData, steps: [] })).statusCode).toBe(403);
  });
});

describe('diff and export', () => {
  it('diffs a draft against the version in force, and a version against the one it was based on', async () => {
    const draft = (await kernel.call(t.admin!, 'POST', '/api/config/diff', { patch: MANUAL_B })).json();
    expect(draft.against).toBe(1);
    expect(draft.changes).toEqual([{ pointer: '/plugins', kind: 'added', after: MANUAL_B.plugins }]);
    const proposed = (await kernel.call(t.admin!, 'POST', '/api/config/versions', { patch: MANUAL_B, reason: '手册B' })).json();
    const diff = (await kernel.call(t.admin!, 'GET', `/api/config/versions/${proposed.number}/diff`)).json();
    expect(diff).toEqual({ number: 2, against: 1, changes: [{ pointer: '/plugins', kind: 'added', after: MANUAL_B.plugins }] });
  });

  it('counts the open cases that stay on each version', async () => {
    const created = await kernel.call(t.frontdesk!, 'POST', '/api/cases/complaint', { projectId: reg.projects.get('CH')!.id, ...createData });
    expect(created.statusCode).toBe(201);
    const versions = (await kernel.call(t.admin!, 'GET', '/api/config/versions')).json().items as { number: number; openCases: number }[];
    expect(versions.map((v) => [v.number, v.openCases])).toEqual([[2, 0], [1, 1]]);
  });

  it('exports the document in force as a JSON file', async () => {
    const res = await kernel.call(t.admin!, 'GET', '/api/config/export');
    expect(res.headers['content-disposition']).toContain('wuye-config-v1.json');
    expect(res.json()).toMatchObject({ version: 1, document: {} });
  });
});

describe('staff accounts', () => {
  it('creates an account that can log in, with its roles and projects, and audits it', async () => {
    const res = await kernel.call(t.admin!, 'POST', '/api/staff', { username: 'desk2', name: '前台 新人', password: 'secret-2026', roles: ['frontDesk'], projectIds: [reg.projects.get('JR')!.id] });
    expect(res.statusCode, res.body).toBe(201);
    const token = await kernel.login('desk2', 'secret-2026');
    expect((await kernel.call(token, 'GET', '/api/projects')).json().items.map((p: { code: string }) => p.code)).toEqual(['JR']);
    const audit = (await kernel.call(t.admin!, 'GET', '/api/audit')).json().items;
    expect(audit[0]).toMatchObject({ action: 'staff.create', data: expect.objectContaining({ username: 'desk2' }) });
    expect(JSON.stringify(audit)).not.toContain('secret-2026');
  });

  it('refuses unknown roles and another company\'s projects naming the entry, a taken username, and non-managers', async () => {
    const bad = await kernel.call(t.admin!, 'POST', '/api/staff', { username: 'x1', name: 'X', password: 'password1', roles: ['frontDesk', 'wizard'], projectIds: [999] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues.map((i: { pointer: string }) => i.pointer)).toEqual(['/roles/1', '/projectIds/0']);
    const taken = await kernel.call(t.admin!, 'POST', '/api/staff', { username: 'frontdesk', name: 'X', password: 'password1', roles: ['frontDesk'], projectIds: [] });
    expect(taken.statusCode).toBe(409);
    expect((await kernel.call(t.supervisor!, 'GET', '/api/staff')).statusCode).toBe(403);
  });

  it('changes roles and projects at once for a logged-in user; deactivation ends their sessions', async () => {
    const list = (await kernel.call(t.admin!, 'GET', '/api/staff')).json().items as { id: number; username: string }[];
    const desk = list.find((s) => s.username === 'frontdesk')!;
    const both = [reg.projects.get('CH')!.id, reg.projects.get('JR')!.id];
    const patched = await kernel.call(t.admin!, 'PATCH', `/api/staff/${desk.id}`, { roles: ['frontDesk', 'assistant'], projectIds: both });
    expect(patched.json()).toMatchObject({ roles: ['frontDesk', 'assistant'], projectIds: both });
    // new roles end the old sessions; the next login carries them
    expect((await kernel.call(t.frontdesk!, 'GET', '/api/auth/me')).statusCode).toBe(401);
    const fresh = await kernel.login('frontdesk');
    expect((await kernel.call(fresh, 'GET', '/api/auth/me')).json()).toMatchObject({ roles: ['frontDesk', 'assistant'], projectIds: both });
    expect((await kernel.call(t.admin!, 'PATCH', `/api/staff/${desk.id}`, { active: false })).statusCode).toBe(200);
    expect((await kernel.call(fresh, 'GET', '/api/auth/me')).statusCode).toBe(401);
    await expect(kernel.login('frontdesk')).rejects.toThrow(/401/);
    const self = list.find((s) => s.username === 'admin')!;
    // a staff manager with fewer powers cannot hand out more, nor take over a stronger account
    const v = (await kernel.call(t.admin!, 'POST', '/api/config/versions', { reason: 'HR manages staff', patch: { roles: { hrAdmin: { permissions: ['staff.manage'] } } } })).json();
    expect((await kernel.call(t.admin!, 'POST', `/api/config/versions/${v.number}/activate`, {})).statusCode).toBe(200);
    const hr = await kernel.login('hradmin');
    expect((await kernel.call(hr, 'GET', '/api/staff')).statusCode).toBe(200);
    const grant = await kernel.call(hr, 'POST', '/api/staff', { username: 'sneaky', name: 'S', password: 'password1', roles: ['companyAdmin'], projectIds: [] });
    expect(grant.statusCode).toBe(403);
    expect(grant.json().message).toContain('config.edit');
    expect((await kernel.call(hr, 'PATCH', `/api/staff/${self.id}`, { password: 'takeover-2026' })).statusCode).toBe(403);
    // … but may open an account in a role whose permissions it holds (the front desk now carries
    // registry.edit and cases.assign, which HR does not: refused; a technician carries none)
    expect((await kernel.call(hr, 'POST', '/api/staff', { username: 'desk3', name: '前台', password: 'desk3-pass-2026', roles: ['frontDesk'], projectIds: [] })).statusCode).toBe(403);
    expect((await kernel.call(hr, 'POST', '/api/staff', { username: 'tech3', name: '技工', password: 'tech3-pass-2026', roles: ['technician'], projectIds: [] })).statusCode).toBe(201);
    const lockout = await kernel.call(t.admin!, 'PATCH', `/api/staff/${self.id}`, { active: false });
    expect(lockout.statusCode).toBe(400);
  });
});
