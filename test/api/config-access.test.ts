/**
 * Who may read the company's configuration. The documents, versions and diffs carry every role's
 * permissions, fee rates, drafts not yet active and each change's reason and author: only roles
 * with config.view or config.edit (the company admin by default) read them. Every staff member
 * gets the staff app's read model instead (GET /api/app-config): role titles, the forms and
 * layouts they fill, follow-up policies, the calendar and their own permissions — nothing else.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKernel, type TestKernel } from '../../core/testing/harness.js';

const NON_ADMIN = ['frontdesk', 'frontdesk-jr', 'concierge', 'assistant', 'supervisor', 'manager', 'director', 'gm', 'technician', 'engineering', 'security', 'cashier', 'finance', 'hradmin'];
const READ_ROUTES = ['/api/config', '/api/config?project=CH', '/api/config/versions', '/api/config/versions/1', '/api/config/versions/2', '/api/config/versions/2/diff', '/api/config/export'];

let kernel: TestKernel;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  kernel = await startTestKernel({ startAt: '2026-09-30T02:00:00Z' });
  await kernel.seed();
  for (const u of [...NON_ADMIN, 'admin']) tokens[u] = await kernel.login(u);
  // a proposal not yet active, with its reason: what other roles must not read
  const proposed = await kernel.call(tokens.admin!, 'POST', '/api/config/versions', {
    reason: '下月起滞纳金调整为千分之五（内部讨论稿）',
    patch: { plugins: { billing: { config: { lateFee: { ratePerDay: '0.005' } } } } },
  });
  expect(proposed.statusCode, proposed.body).toBe(201);
}, 120_000);
afterAll(async () => kernel?.close());

describe('the configuration read routes need config.view or config.edit', () => {
  it.each(NON_ADMIN)('%s gets 403 on every configuration read route', async (username) => {
    for (const url of READ_ROUTES) {
      const res = await kernel.call(tokens[username]!, 'GET', url);
      expect(res.statusCode, `${username} ${url}: ${res.body}`).toBe(403);
      expect(res.json()).toMatchObject({ code: 'WUYE_FORBIDDEN' });
      expect(res.body).not.toContain('0.005');
    }
  });

  it('the company admin reads them all', async () => {
    for (const url of READ_ROUTES) {
      const res = await kernel.call(tokens.admin!, 'GET', url);
      expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
    }
    expect((await kernel.call(tokens.admin!, 'GET', '/api/config/versions/2')).json().reason).toBe('下月起滞纳金调整为千分之五（内部讨论稿）');
  });

  it('a role the company gives config.view reads the configuration but still may not change it', async () => {
    const proposed = await kernel.call(tokens.admin!, 'POST', '/api/config/versions', {
      reason: '主管可查看配置', patch: { roles: { supervisor: { permissions: ['config.view'] } } },
    });
    expect(proposed.statusCode, proposed.body).toBe(201);
    const number = proposed.json().number as number;
    // based on version 1, which is still in force (version 2 stays a proposal)
    const activated = await kernel.call(tokens.admin!, 'POST', `/api/config/versions/${number}/activate`, {});
    expect(activated.statusCode, activated.body).toBe(200);
    try {
      expect((await kernel.call(tokens.supervisor!, 'GET', '/api/config')).statusCode).toBe(200);
      expect((await kernel.call(tokens.supervisor!, 'GET', '/api/config/versions')).statusCode).toBe(200);
      expect((await kernel.call(tokens.supervisor!, 'POST', '/api/config/check', { patch: {} })).statusCode).toBe(403);
      expect((await kernel.call(tokens.supervisor!, 'POST', '/api/config/versions', { reason: 'x', patch: {} })).statusCode).toBe(403);
    } finally {
      const back = await kernel.call(tokens.admin!, 'POST', '/api/config/rollback', { reason: '撤回' });
      expect(back.statusCode, back.body).toBe(200);
    }
    expect((await kernel.call(tokens.supervisor!, 'GET', '/api/config')).statusCode).toBe(403);
  });

  it('reading still needs a session', async () => {
    expect((await kernel.call(null, 'GET', '/api/config')).statusCode).toBe(401);
    expect((await kernel.call(null, 'GET', '/api/app-config')).statusCode).toBe(401);
  });
});

describe('the staff app read model (GET /api/app-config)', () => {
  it.each([...NON_ADMIN, 'admin'])('%s gets role titles, forms, layouts, follow-up policies and the calendar, and only their own permissions', async (username) => {
    const res = await kernel.call(tokens[username]!, 'GET', '/api/app-config');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(Object.keys(body).sort()).toEqual(['calendar', 'permissions', 'plugins', 'roles']);
    // every role's title (assignees, escalations), never another role's permissions
    expect(body.roles.supervisor).toEqual({ title: { 'zh-CN': '客服主管', en: expect.any(String) } });
    for (const role of Object.values(body.roles) as Record<string, unknown>[]) expect(Object.keys(role)).toEqual(['title']);
    // forms and layouts the staff fill, follow-up policies for the 回访 page
    expect(body.plugins.complaints.forms.complaint.properties.content['x-label']['zh-CN']).toBeTruthy();
    expect(body.plugins.complaints.ui).toBeTypeOf('object');
    expect(body.plugins.complaints.workflows.complaint).toEqual({ followUp: expect.objectContaining({ form: expect.any(String) }) });
    expect(Object.keys(body.plugins).sort()).toEqual(['billing', 'community-events', 'complaints', 'duty-desk', 'intake', 'paid-services', 'parcel-desk', 'renovation', 'service-desk']);
    for (const plugin of Object.values(body.plugins) as Record<string, unknown>[]) expect(Object.keys(plugin).sort()).toEqual(['forms', 'ui', 'workflows']);
    expect(body.calendar.timezone).toBe('Asia/Shanghai');
    // nothing of the configuration document: no drafts, reasons, authors, settings (fee rates) or rules
    const text = res.body;
    for (const secret of ['0.005', '内部讨论稿', 'ratePerDay', 'authorId', '"manifest"', '"lateFee"']) expect(text, secret).not.toContain(secret);
    // the caller's own permissions, as the server decides them
    expect([...body.permissions].sort()).toEqual(expectedPermissions(username));
  });
});

/** The demo roles' permissions (plugins/service-desk and the plugins adding to its roles). */
function expectedPermissions(username: string): string[] {
  const res = EXPECTED[username];
  if (!res) throw new Error(`no expectation for ${username}`);
  return [...res].sort();
}

const EXPECTED: Record<string, string[]> = {};
beforeAll(async () => {
  // Read the expectation from the effective configuration as the admin sees it: each user's roles
  // plus the roles merged into them, and every permission those roles carry.
  const config = (await kernel.call(tokens.admin!, 'GET', '/api/config')).json() as { effective: { roles: Record<string, { permissions: string[]; mergedInto?: string }> } };
  const staff = (await kernel.call(tokens.admin!, 'GET', '/api/staff')).json() as { items: { username: string; roles: string[] }[] };
  for (const s of staff.items) {
    const acting = new Set<string>();
    const add = (r: string) => {
      if (acting.has(r)) return;
      acting.add(r);
      for (const [id, role] of Object.entries(config.effective.roles)) if (role.mergedInto === r) add(id);
    };
    s.roles.forEach(add);
    EXPECTED[s.username] = [...new Set([...acting].flatMap((r) => config.effective.roles[r]?.permissions ?? []))];
  }
});
