/**
 * Roles that build on other roles (issue 18, "Roles"): a company adds 夜班值班员 "with the front
 * desk's rights" through the configuration API alone — no copying of the front desk into every
 * workflow's role lists — and its members can do what the front desk does. A role merged into
 * another shows under the new role's title, so cases still assigned to the old one read right.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKernel, type SeededRegistry, type TestKernel } from '../../core/testing/harness.js';

let kernel: TestKernel;
let reg: SeededRegistry;
const tokens: Record<string, string> = {};
const NIGHT_PASSWORD = 'Night-Duty-2026!';

async function changeConfig(patch: Record<string, unknown>, reason: string) {
  const proposed = await kernel.call(tokens.admin!, 'POST', '/api/config/versions', { patch, reason });
  if (proposed.statusCode !== 201) return proposed;
  const { number } = proposed.json() as { number: number };
  return kernel.call(tokens.admin!, 'POST', `/api/config/versions/${number}/activate`, {});
}

const versionCount = async () => ((await kernel.call(tokens.admin!, 'GET', '/api/config/versions')).json() as { items: unknown[] }).items.length;

function registerComplaint(token: string) {
  return kernel.call(token, 'POST', '/api/cases/complaint', {
    projectId: reg.projects.get('CH')!.id, unitId: reg.units.get('CH/1/101')!.id, personId: reg.people.get('张伟')!.id,
    data: { channel: 'phone', complainantName: '张伟', contactPhone: '13800000001', content: '夜里楼道灯不亮' },
  });
}

beforeAll(async () => {
  kernel = await startTestKernel({ plugins: ['service-desk', 'complaints'] });
  reg = await kernel.seed();
  for (const u of ['admin', 'supervisor']) tokens[u] = await kernel.login(u);
});
afterAll(async () => kernel?.close());

describe('a role that extends the front desk', () => {
  it('a new role without extends may not do the front desk’s work', async () => {
    const res = await changeConfig({ roles: { nightDuty: { title: { 'zh-CN': '夜班值班员', en: 'Night duty' } } } }, '新增夜班值班员岗位');
    expect(res.statusCode, res.body).toBe(200);
    const staff = await kernel.call(tokens.admin!, 'POST', '/api/staff', { username: 'night1', name: '夜班 王强', password: NIGHT_PASSWORD, roles: ['nightDuty'], projectIds: [reg.projects.get('CH')!.id] });
    expect(staff.statusCode, staff.body).toBe(201);
    tokens.night1 = await kernel.login('night1', NIGHT_PASSWORD);
    expect((await registerComplaint(tokens.night1)).statusCode).toBe(403);
  });

  it('extending the front desk through the configuration API gives its members the front desk’s steps and queue', async () => {
    const res = await changeConfig({ roles: { nightDuty: { extends: ['frontDesk'] } } }, '夜班值班员具有前台接待的全部权限');
    expect(res.statusCode, res.body).toBe(200);

    const created = await registerComplaint(tokens.night1!);
    expect(created.statusCode, created.body).toBe(201);
    const c = created.json() as { id: number; version: number };
    const classified = await kernel.call(tokens.supervisor!, 'POST', `/api/cases/complaint/${c.id}/transitions/classify`, {
      version: c.version, data: { nature: 'valid', severity: 'minor', category: 'repair' },
    });
    expect(classified.statusCode, classified.body).toBe(200);
    const routed = classified.json() as { version: number };
    // the front desk answers the resident within the clock: so may the night duty
    const page = await kernel.call(tokens.night1!, 'GET', `/api/cases/complaint/${c.id}`);
    expect((page.json() as { availableTransitions: string[] }).availableTransitions).toContain('answer');
    const answered = await kernel.call(tokens.night1!, 'POST', `/api/cases/complaint/${c.id}/transitions/answer`, {
      version: routed.version, data: { answerContent: '已安排电工明早处理', answerMethod: 'phone' },
    });
    expect(answered.statusCode, answered.body).toBe(200);
    expect((answered.json() as { state: string }).state).toBe('answered');
    // the front desk's permissions come with it
    const me = await kernel.call(tokens.night1!, 'GET', '/api/app-config');
    const front = await kernel.call(await kernel.login('frontdesk'), 'GET', '/api/app-config');
    const perms = (r: typeof me) => (r.json() as { permissions: string[] }).permissions;
    expect(perms(me)).toEqual(expect.arrayContaining(perms(front)));
  });

  it('an unknown role or a loop in extends is refused on its field and nothing is activated', async () => {
    const before = await versionCount();
    const unknown = await kernel.call(tokens.admin!, 'POST', '/api/config/check', { patch: { roles: { nightDuty: { extends: ['frontDesk', 'wizard'] } } } });
    expect(unknown.statusCode).toBe(200);
    expect((unknown.json() as { issues: { pointer: string; code: string }[] }).issues).toContainEqual(expect.objectContaining({ pointer: '/document/roles/nightDuty/extends/1', code: 'unknown-role' }));
    const proposed = await kernel.call(tokens.admin!, 'POST', '/api/config/versions', { patch: { roles: { frontDesk: { extends: ['nightDuty'] } } }, reason: '循环' });
    expect(proposed.statusCode).toBe(400);
    expect((proposed.json() as { issues: { pointer: string; code: string }[] }).issues).toContainEqual(expect.objectContaining({ code: 'role-cycle' }));
    expect(await versionCount()).toBe(before);
  });

  it('a role merged into another shows under that role’s title', async () => {
    const res = await changeConfig({ roles: { buildingConcierge: { mergedInto: 'frontDesk' } } }, '楼栋客服并入前台接待');
    expect(res.statusCode, res.body).toBe(200);
    const view = (await kernel.call(tokens.supervisor!, 'GET', '/api/app-config')).json() as { roles: Record<string, { title: { 'zh-CN': string } }> };
    expect(view.roles.buildingConcierge!.title['zh-CN']).toBe('前台接待');
    expect(view.roles.frontDesk!.title['zh-CN']).toBe('前台接待');
  });
});
