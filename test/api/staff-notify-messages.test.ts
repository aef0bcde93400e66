/**
 * The notify effect to staff, through HTTP on the demo company: a complaint classified major is
 * reported to the director (complaints: `to: "role"`), a repair order written off at the desk tells
 * the technician who held it (paid-services: `to: "assignee"`). Each is a staff notification of kind
 * "message" with the message's title and its text rendered from the plugin's template, written with
 * the transition (a refused transition writes none), only to staff of that role who can see the
 * case's project, never to another company, never to the actor, once, and not to whoever switched
 * "message" off.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoRegistry, startTestKernel, type TestKernel } from '../../core/testing/harness.js';
import type { SeededRegistry } from '../../core/registry/seed-registry.js';
import type { StaffNotificationView } from '../../core/http/routes/notifications.js';
import { unreadCounts } from '../support/unread-stream.js';

let kernel: TestKernel;
let reg: SeededRegistry;
const t: Record<string, string> = {};

beforeAll(async () => {
  kernel = await startTestKernel({ plugins: ['service-desk', 'complaints', 'billing', 'paid-services'], startAt: '2026-11-02T09:00:00+08:00' });
  reg = await kernel.seed();
  // test data: a second company with the same people under prefixed usernames
  const other = demoRegistry();
  other.company = { code: 'OTHER', name: '另一家物业' };
  other.staff = other.staff!.map((s) => ({ ...s, username: `o-${s.username}` }));
  await kernel.seed(other);
  for (const u of ['frontdesk', 'frontdesk-jr', 'supervisor', 'manager', 'assistant', 'technician', 'technician2', 'admin', 'o-director']) t[u] = await kernel.login(u);
  // test data: one director per 管理处 — the role bound to its projects, a director for each
  const proposed = await kernel.call(t.admin!, 'POST', '/api/config/versions', { reason: '每个管理处一名主任', patch: { roles: { director: { allProjects: false } } } });
  expect(proposed.statusCode, proposed.body).toBe(201);
  const activated = await kernel.call(t.admin!, 'POST', `/api/config/versions/${proposed.json().number}/activate`, {});
  expect(activated.statusCode, activated.body).toBe(200);
  for (const [username, name, project] of [['director-ch', '管理处主任 梁栋', 'CH'], ['director-jr', '管理处主任 江涛', 'JR']] as const) {
    const made = await kernel.call(t.admin!, 'POST', '/api/staff', { username, name, password: 'Wuye-dir-2026!', roles: ['director'], projectIds: [reg.projects.get(project)!.id] });
    expect(made.statusCode, made.body).toBe(201);
    t[username] = await kernel.login(username, 'Wuye-dir-2026!');
  }
}, 240_000);
afterAll(async () => kernel?.close());

async function messages(as: string, caseId: number) {
  const res = await kernel.call(t[as]!, 'GET', '/api/notifications?limit=100');
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().items as StaffNotificationView[]).filter((n) => n.caseId === caseId && n.kind === 'message');
}
const unread = async (as: string) => (await kernel.call(t[as]!, 'GET', '/api/notifications/unread-count')).json().unread as number;

async function complaint(content: string, projectCode = 'CH') {
  const res = await kernel.call(t[projectCode === 'CH' ? 'frontdesk' : 'frontdesk-jr']!, 'POST', '/api/cases/complaint', { projectId: reg.projects.get(projectCode)!.id, data: { channel: 'letter', complainantName: '王芳', content } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number; version: number; serial: string };
}
const take = (as: string, type: string, c: { id: number; version: number }, transition: string, data?: Record<string, unknown>) =>
  kernel.call(t[as]!, 'POST', `/api/cases/${type}/${c.id}/transitions/${transition}`, { version: c.version, ...(data ? { data } : {}) });

/** TEST DATA: a common-area electrical repair registered by phone at the front desk of 翠湖花园. */
async function registerRepair(d: { customerName: string; contactPhone: string; appointmentAt: string; location: string; content: string }) {
  const created = await kernel.call(t.frontdesk!, 'POST', '/api/cases/repair', {
    projectId: reg.projects.get('CH')!.id, data: { channel: 'phone', area: 'commonArea', category: 'electrical', ...d },
  });
  expect(created.statusCode, created.body).toBe(201);
  return created;
}

describe('notify to a role: a major complaint is reported to the director', () => {
  it('reaches the director of the case\'s project, with the rendered text, once', async () => {
    const c = await complaint('物业费收取后电梯三个月未修，业主联名要求停缴物业费');
    const before = await unread('director-ch');
    const res = await take('supervisor', 'complaint', c, 'classify', { nature: 'major', severity: 'major', category: 'facilities', classificationNote: '业主联名，影响恶劣' });
    expect(res.statusCode, res.body).toBe(200);
    const [m, ...more] = await messages('director-ch', c.id);
    expect(more).toEqual([]);
    expect(m).toMatchObject({ kind: 'message', caseType: 'complaint', serial: c.serial, readAt: null, data: { template: 'majorComplaint', title: { 'zh-CN': '重大投诉报告' } } });
    expect(m!.data.text).toBe(`翠湖花园重大投诉（${c.serial}）：物业费收取后电梯三个月未修，业主联名要求停缴物业费。重大投诉当日报告管理处主任，请知悉并督办。`);
    expect(await unread('director-ch')).toBe(before + 1);
    // the jobs (the fan-out announcing it) add no second row
    await kernel.runJobs();
    await kernel.runJobs();
    expect(await messages('director-ch', c.id)).toHaveLength(1);
    // the director of 金融大厦, another company's director, other roles and the actor: nothing
    for (const who of ['director-jr', 'o-director', 'manager', 'supervisor', 'frontdesk']) expect(await messages(who, c.id), who).toEqual([]);
  });

  it('a valid (not major) complaint tells no director; a refused transition writes nothing', async () => {
    const c = await complaint('楼道灯坏了');
    expect((await take('supervisor', 'complaint', c, 'classify', { nature: 'valid', severity: 'minor', category: 'repair' })).statusCode).toBe(200);
    expect(await messages('director-ch', c.id)).toEqual([]);
    const d = await complaint('保安态度恶劣');
    // a stale version is refused: nothing of the transition is written
    expect((await take('supervisor', 'complaint', { id: d.id, version: d.version + 5 }, 'classify', { nature: 'major', severity: 'major', category: 'facilities', classificationNote: '业主联名，影响恶劣' })).statusCode).toBe(409);
    expect(await messages('director-ch', d.id)).toEqual([]);
  });

  it('a major complaint in 金融大厦 reaches its own director; a director who switched "message" off hears nothing', async () => {
    const put = await kernel.call(t['director-ch']!, 'PUT', '/api/notifications/preferences', { kinds: { message: false } });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().kinds).toMatchObject({ message: false, escalatedToMe: true });
    const jr = await complaint('写字楼空调全层停运两天', 'JR');
    expect((await take('supervisor', 'complaint', jr, 'classify', { nature: 'major', severity: 'major', category: 'facilities', classificationNote: '业主联名，影响恶劣' })).statusCode).toBe(200);
    expect((await messages('director-jr', jr.id)).map((m) => m.data.text)).toEqual([`金融大厦重大投诉（${jr.serial}）：写字楼空调全层停运两天。重大投诉当日报告管理处主任，请知悉并督办。`]);
    expect(await messages('director-ch', jr.id)).toEqual([]);
    const ch = await complaint('地下车库积水');
    expect((await take('supervisor', 'complaint', ch, 'classify', { nature: 'major', severity: 'major', category: 'facilities', classificationNote: '业主联名，影响恶劣' })).statusCode).toBe(200);
    expect(await messages('director-ch', ch.id)).toEqual([]);
    expect((await kernel.call(t['director-ch']!, 'PUT', '/api/notifications/preferences', { kinds: { message: true } })).statusCode).toBe(200);
  });
});

describe('messages to staff in the template list', () => {
  it('are marked toStaff, so no SMS template code is asked for them', async () => {
    const res = await kernel.call(t.admin!, 'GET', '/api/messages/templates');
    expect(res.statusCode, res.body).toBe(200);
    const toStaff = Object.fromEntries((res.json().items as { id: string; toStaff: boolean }[]).map((m) => [m.id, m.toStaff]));
    expect(toStaff).toMatchObject({ majorComplaint: true, repairCancelled: true, complaintReplied: false, repairDispatched: false });
  });
});

describe('notify to the assignee: a repair order written off tells its technician', () => {
  it('the technician named on the order gets the note; nobody else does', async () => {
    const created = await registerRepair({ customerName: '王芳', contactPhone: '13800000002', appointmentAt: '2026-11-02T15:00:00+08:00', location: '1栋大堂', content: '大堂灯不亮' });
    const dispatched = await take('assistant', 'repair', created.json(), 'dispatch', { technicianId: reg.staff.get('technician')!.id });
    expect(dispatched.statusCode, dispatched.body).toBe(200);
    expect(dispatched.json().assigneeId).toBe(reg.staff.get('technician')!.id);
    // dispatching is not a message to staff (the technician hears of it as 派给我)
    expect(await messages('technician', created.json().id)).toEqual([]);
    const cancelled = await take('frontdesk', 'repair', dispatched.json(), 'cancel', { cancelReason: 'customerCancelled', cancelNote: '业主自行修好了' });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    const got = await messages('technician', created.json().id);
    expect(got.map((m) => [m.data.title, m.data.text])).toEqual([[{ 'zh-CN': '维修单已核销', en: 'Repair order written off' }, `报修单（${created.json().serial}）已核销（取消）：业主自行修好了。无需上门，请将《维修工作单》交回客服中心。`]]);
    for (const who of ['technician2', 'frontdesk', 'assistant', 'supervisor']) expect(await messages(who, created.json().id), who).toEqual([]);
  });

  it('an order written off before anyone was named tells nobody', async () => {
    const created = await registerRepair({ customerName: '李雷', contactPhone: '13800000003', appointmentAt: '2026-11-02T16:00:00+08:00', location: '2栋电梯厅', content: '电梯厅灯闪' });
    expect((await take('frontdesk', 'repair', created.json(), 'cancel', { cancelReason: 'duplicate', cancelNote: '重复登记' })).statusCode).toBe(200);
    for (const who of ['technician', 'technician2', 'assistant', 'supervisor']) expect(await messages(who, created.json().id), who).toEqual([]);
  });

  it('the technician\'s open app hears of it live: the fan-out announces the row once the transition has committed', async () => {
    const created = await registerRepair({ customerName: '韩梅', contactPhone: '13800000004', appointmentAt: '2026-11-02T17:00:00+08:00', location: '3栋门厅', content: '门厅灯不亮' });
    const dispatched = await take('assistant', 'repair', created.json(), 'dispatch', { technicianId: reg.staff.get('technician')!.id });
    expect(dispatched.statusCode, dispatched.body).toBe(200);
    await kernel.runJobs();
    const base = await kernel.app.listen({ port: 0, host: '127.0.0.1' });
    const controller = new AbortController();
    const res = await fetch(`${base}/api/notifications/stream`, { headers: { authorization: `Bearer ${t.technician!}` }, signal: controller.signal });
    expect(res.status).toBe(200);
    const nextCount = unreadCounts(res);
    const start = await nextCount();
    expect((await take('frontdesk', 'repair', dispatched.json(), 'cancel', { cancelReason: 'customerCancelled', cancelNote: '业主外出' })).statusCode).toBe(200);
    await kernel.runJobs();
    expect(await nextCount()).toBe(start + 1);
    controller.abort();
  });
});
