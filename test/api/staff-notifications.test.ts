/**
 * Staff notifications (in the app): the fan-out job turns the case events and clocks the kernel
 * writes into one notification per recipient — a new complaint in the supervisors' queue, its
 * 30-minute clock due within the hour, the overdue job's escalation to the manager and the overdue
 * notice to whoever had it, a step back to an earlier state (rework), a named assignment — only for
 * staff who may see the case's project, never twice, and not of kinds the staff member turned off.
 * The list, unread count, mark read and preferences are the staff member's own: another company's
 * or colleague's ids are 404, bad input is a 400 naming the field. The live stream pushes the count.
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
  kernel = await startTestKernel({ plugins: ['service-desk', 'complaints'], startAt: '2026-11-02T09:00:00+08:00' });
  reg = await kernel.seed();
  // test data: a second company with the same people under prefixed usernames
  const other = demoRegistry();
  other.company = { code: 'OTHER', name: '另一家物业' };
  other.staff = other.staff!.map((s) => ({ ...s, username: `o-${s.username}` }));
  await kernel.seed(other);
  for (const u of ['frontdesk', 'frontdesk-jr', 'supervisor', 'manager', 'assistant', 'engineering', 'o-supervisor', 'o-manager']) t[u] = await kernel.login(u);
});
let closed = false;
afterAll(async () => { if (!closed) await kernel?.close(); });

async function register(content: string, as = 'frontdesk', projectCode = 'CH') {
  const res = await kernel.call(t[as]!, 'POST', '/api/cases/complaint', { projectId: reg.projects.get(projectCode)!.id, data: { channel: 'letter', complainantName: '王芳', content } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number; version: number; serial: string };
}

async function take(as: string, c: { id: number; version: number }, transition: string, data?: Record<string, unknown>) {
  const res = await kernel.call(t[as]!, 'POST', `/api/cases/complaint/${c.id}/transitions/${transition}`, { version: c.version, ...(data ? { data } : {}) });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { id: number; version: number };
}

async function list(as: string, query = '') {
  const res = await kernel.call(t[as]!, 'GET', `/api/notifications${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: StaffNotificationView[]; nextCursor: string | null; unread: number };
}

const kindsFor = async (as: string, caseId: number) => (await list(as, '?limit=100')).items.filter((n) => n.caseId === caseId).map((n) => n.kind).sort();

describe('staff notifications', () => {
  it('tells the supervisors of a new complaint in their queue and of its clock due within the hour, not the front desk that registered it', async () => {
    const c = await register('楼道灯坏了');
    await kernel.runJobs();
    expect(await kindsFor('supervisor', c.id)).toEqual(['assignedToRole', 'dueSoon']);
    expect(await kindsFor('frontdesk', c.id)).toEqual([]);
    // the manager sees all projects but does not act as a supervisor
    expect(await kindsFor('manager', c.id)).toEqual([]);
    const item = (await list('supervisor')).items.find((n) => n.caseId === c.id && n.kind === 'assignedToRole')!;
    expect(item).toMatchObject({ caseType: 'complaint', serial: c.serial, caseTitle: '楼道灯坏了', readAt: null, data: { state: 'registered', role: 'supervisor' } });
    // another company's supervisor hears nothing of it
    expect((await list('o-supervisor')).items).toEqual([]);
  });

  it('escalation by the overdue job reaches the manager as escalated and the supervisors as overdue — once, however often the jobs run', async () => {
    const c = await register('电梯异响');
    await kernel.runJobs();
    kernel.clock.advance(40 * 60_000);
    expect((await kernel.runJobs()).overdue).toBeGreaterThanOrEqual(1);
    // two runs at once (two instances) and a rerun write nothing twice
    await Promise.all([kernel.runJobs(), kernel.runJobs()]);
    await kernel.runJobs();
    expect(await kindsFor('manager', c.id)).toEqual(['escalatedToMe']);
    expect(await kindsFor('supervisor', c.id)).toEqual(['assignedToRole', 'dueSoon', 'overdue']);
    const escalated = (await list('manager')).items.find((n) => n.caseId === c.id)!;
    expect(escalated.data).toMatchObject({ deadline: 'forward', from: 'supervisor', to: 'manager' });
  });

  it('a step back to an earlier state is returned for rework; a named assignment is assigned to me', async () => {
    const c = await register('噪音扰民');
    let v = await take('supervisor', c, 'classify', { nature: 'valid', severity: 'minor', category: 'repair' });
    await kernel.runJobs();
    // the manager sends it back to classification: the supervisors' earlier work
    v = await take('manager', v, 'reclassify');
    await kernel.runJobs();
    expect(await kindsFor('supervisor', c.id)).toContain('returnedForRework');
    // the manager names the supervisor on the case (core/assignment's assign route)
    const assigned = await kernel.call(t.manager!, 'POST', `/api/cases/complaint/${c.id}/assign`, { version: v.version, staffId: reg.staff.get('supervisor')!.id });
    expect(assigned.statusCode, assigned.body).toBe(200);
    await kernel.runJobs();
    expect((await kindsFor('supervisor', c.id)).filter((k) => k === 'assignedToMe')).toEqual(['assignedToMe']);
    // taking a case oneself tells nobody
    const own = await register('门禁卡失效');
    const took = await kernel.call(t.supervisor!, 'POST', `/api/cases/complaint/${own.id}/assign`, { version: own.version, staffId: reg.staff.get('supervisor')!.id });
    expect(took.statusCode, took.body).toBe(200);
    await kernel.runJobs();
    expect(await kindsFor('supervisor', own.id)).not.toContain('assignedToMe');
  });

  it('a follow-up coming due is told to the roles that make it', async () => {
    const c = await register('水压不足');
    let v = await take('supervisor', c, 'classify', { nature: 'valid', severity: 'minor', category: 'repair' });
    v = await take('engineering', v, 'handle', { cause: '水泵故障', correctiveAction: '维修水泵', handledBy: '韩志' });
    v = await take('frontdesk', v, 'reply', { replyMethod: 'letter', replyContent: '已修复，感谢反馈' });
    await kernel.runJobs();
    expect(await kindsFor('manager', c.id)).not.toContain('followUpDue');
    // the follow-up is due within 3 days of the reply
    kernel.clock.advance(3 * 24 * 60 * 60_000 + 60_000);
    await kernel.runJobs();
    expect(await kindsFor('manager', c.id)).toContain('followUpDue');
    expect(await kindsFor('supervisor', c.id)).toContain('followUpDue');
    expect(await kindsFor('frontdesk', c.id)).not.toContain('followUpDue');
  });

  it('only staff who may see the project hear of its cases', async () => {
    const c = await register('金融大厦空调不制冷', 'frontdesk-jr', 'JR');
    await kernel.runJobs();
    // the supervisor works in both projects; the front desk of 翠湖花园 never sees 金融大厦
    expect(await kindsFor('supervisor', c.id)).toEqual(['assignedToRole', 'dueSoon']);
    expect(await kindsFor('frontdesk', c.id)).toEqual([]);
  });

  it('keyset pages, unread count, mark read and mark all read are the staff member’s own', async () => {
    const first = await list('supervisor', '?limit=2');
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).not.toBeNull();
    const second = await list('supervisor', `?limit=2&before=${first.nextCursor}`);
    expect(second.items[0]!.id).toBeLessThan(first.items[1]!.id);
    const count = (await kernel.call(t.supervisor!, 'GET', '/api/notifications/unread-count')).json().unread as number;
    expect(count).toBe(first.unread);
    expect(count).toBeGreaterThan(2);

    const target = first.items[0]!;
    // a colleague's and another company's staff cannot touch it
    expect((await kernel.call(t.manager!, 'POST', `/api/notifications/${target.id}/read`)).statusCode).toBe(404);
    expect((await kernel.call(t['o-supervisor']!, 'POST', `/api/notifications/${target.id}/read`)).statusCode).toBe(404);
    expect((await kernel.call(t.supervisor!, 'POST', '/api/notifications/999999/read')).statusCode).toBe(404);
    const read = await kernel.call(t.supervisor!, 'POST', `/api/notifications/${target.id}/read`);
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json()).toMatchObject({ unread: count - 1, notification: { id: target.id, readAt: kernel.clock.now().toISOString() } });

    const all = await kernel.call(t.supervisor!, 'POST', '/api/notifications/read-all', {});
    expect(all.json()).toMatchObject({ marked: count - 1, unread: 0 });
    expect((await list('supervisor', '?unread=true')).items).toEqual([]);
    // the manager's stay unread
    expect((await list('manager')).unread).toBeGreaterThan(0);
    expect((await kernel.call(null, 'GET', '/api/notifications')).statusCode).toBe(401);
  });

  it('refuses bad input naming the field and writes nothing', async () => {
    const before = (await kernel.call(t.supervisor!, 'GET', '/api/notifications/preferences')).json();
    expect(before).toEqual({ kinds: { assignedToMe: true, assignedToRole: true, dueSoon: true, overdue: true, escalatedToMe: true, returnedForRework: true, followUpDue: true, message: true } });
    const bad = [
      { kinds: { dueSoon: 'no' } },
      { kinds: { sms: false } },
      { kind: {} },
      {},
    ];
    for (const body of bad) {
      const res = await kernel.call(t.supervisor!, 'PUT', '/api/notifications/preferences', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(JSON.stringify(res.json().issues ?? res.json().message)).toMatch(/dueSoon|sms|kind/);
    }
    expect((await kernel.call(t.supervisor!, 'GET', '/api/notifications/preferences')).json()).toEqual(before);
    for (const q of ['?before=abc', '?limit=0', '?limit=101', '?colour=red']) {
      const res = await kernel.call(t.supervisor!, 'GET', `/api/notifications${q}`);
      expect(res.statusCode, q).toBe(400);
    }
    expect((await kernel.call(t.supervisor!, 'POST', '/api/notifications/abc/read')).statusCode).toBe(400);
    expect((await kernel.call(t.supervisor!, 'POST', '/api/notifications/read-all', { upTo: 'all' })).statusCode).toBe(400);
  });

  it('a kind turned off is not notified; the others still are', async () => {
    const put = await kernel.call(t.supervisor!, 'PUT', '/api/notifications/preferences', { kinds: { dueSoon: false } });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().kinds).toMatchObject({ dueSoon: false, assignedToRole: true });
    const c = await register('垃圾清运不及时');
    await kernel.runJobs();
    expect(await kindsFor('supervisor', c.id)).toEqual(['assignedToRole']);
    // another staff member's preferences are theirs
    expect((await kernel.call(t.manager!, 'GET', '/api/notifications/preferences')).json().kinds.dueSoon).toBe(true);
  });

  it('the live stream sends the unread count at once and again when the fan-out writes', async () => {
    const base = await kernel.app.listen({ port: 0, host: '127.0.0.1' });
    const controller = new AbortController();
    const res = await fetch(`${base}/api/notifications/stream`, { headers: { authorization: `Bearer ${t.assistant!}` }, signal: controller.signal });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const nextCount = unreadCounts(res);
    const start = await nextCount();
    // a complaint classified and handled lands in the assistants' queue (handled → assistant)
    const c = await register('电梯按钮失灵');
    let v = await take('supervisor', c, 'classify', { nature: 'valid', severity: 'minor', category: 'repair' });
    v = await take('engineering', v, 'handle', { cause: '按钮老化', correctiveAction: '更换按钮', handledBy: '韩志' });
    await kernel.runJobs();
    expect(await nextCount()).toBeGreaterThan(start);
    controller.abort();
  });

  it('closing the kernel ends the open streams instead of waiting for them (graceful shutdown)', async () => {
    const base = `http://127.0.0.1:${(kernel.app.server.address() as { port: number }).port}`;
    const res = await fetch(`${base}/api/notifications/stream`, { headers: { authorization: `Bearer ${t.manager!}` } });
    const reader = res.body!.getReader();
    await reader.read();
    closed = true;
    await kernel.close();
    // the server ended the stream: the reader reaches its end rather than hanging
    for (;;) if ((await reader.read()).done) break;
  });
});
