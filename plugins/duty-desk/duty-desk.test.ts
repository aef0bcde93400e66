/**
 * duty-desk over HTTP: the 日清日审 board lists exactly the open cases of the project — overdue
 * first, then due today, with promised times and progress told — never closed ones, another
 * project's or another company's; the supervisor signs each day off once. The duty log
 * (《值班记录表》) is walked through: entries stamped into the list, handover with both signatures
 * (a missing incoming signature refused naming the field), the supervisor's check, the printout.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoRegistry, startTestKernel, type SeededRegistry, type TestKernel } from '../../core/testing/harness.js';
import type { DailyReview } from './daily-review.js';

const HOUR = 3600_000;
const SIGNATURE = `data:image/png;base64,${'iVBORw0KGgo'.repeat(4)}`;
const SIGNATURE_2 = `data:image/png;base64,${'R0lGODlh'.repeat(4)}`;

let kernel: TestKernel;
let reg: SeededRegistry;
let other: SeededRegistry;
const t: Record<string, string> = {};

beforeAll(async () => {
  kernel = await startTestKernel({ plugins: ['service-desk', 'complaints', 'duty-desk'], startAt: '2026-12-07T09:00:00+08:00' });
  reg = await kernel.seed();
  const doc = demoRegistry();
  doc.company = { code: 'OTHER', name: '另一家物业' };
  doc.staff = doc.staff!.map((s) => ({ ...s, username: `o-${s.username}` }));
  other = await kernel.seed(doc);
  for (const u of ['frontdesk', 'frontdesk-jr', 'supervisor', 'manager', 'o-frontdesk', 'o-supervisor', 'technician']) t[u] = await kernel.login(u);
});
afterAll(async () => kernel?.close());

const CH = () => reg.projects.get('CH')!.id;
const JR = () => reg.projects.get('JR')!.id;

async function complaint(token: string, projectId: number, content: string) {
  const res = await kernel.call(token, 'POST', '/api/cases/complaint', { projectId, data: { channel: 'letter', complainantName: '王芳', content } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number; version: number; serial: string };
}
const boardOf = async (token: string, projectId: number, date?: string) => {
  const res = await kernel.call(token, 'GET', `/api/duty-desk/daily-review?projectId=${projectId}${date ? `&date=${date}` : ''}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as DailyReview;
};

describe('日清日审 board', () => {
  it('lists exactly the open cases of the project, overdue first, then due today, with promise and progress told', async () => {
    const later = await complaint(t.frontdesk!, CH(), '公共区域绿化修剪');
    const promised = await complaint(t.frontdesk!, CH(), '楼道灯坏了');
    const closed = await complaint(t.frontdesk!, CH(), '重复登记');
    const elsewhere = await complaint(t['frontdesk-jr']!, JR(), '大堂空调不制冷');
    const foreign = await complaint(t['o-frontdesk']!, other.projects.get('CH')!.id, '另一家公司的事项');
    // one closed: never on the board
    const cancel = await kernel.call(t.supervisor!, 'POST', `/api/cases/complaint/${closed.id}/transitions/cancel`, { version: closed.version, data: { cancelReason: 'duplicate', cancelNote: '重复' } });
    expect(cancel.statusCode, cancel.body).toBe(200);
    // promised for this afternoon (due today), then postponed once to tomorrow morning... and told
    const p1 = await kernel.call(t.frontdesk!, 'POST', `/api/cases/complaint/${promised.id}/promise`, { promisedAt: new Date(kernel.clock.now().getTime() + 3 * HOUR).toISOString(), version: promised.version });
    expect(p1.statusCode, p1.body).toBe(200);
    const told = await kernel.call(t.frontdesk!, 'POST', `/api/cases/complaint/${promised.id}/progress-told`, { channel: 'phone', note: '已告知业主下午维修' });
    expect(told.statusCode, told.body).toBe(201);
    // the afternoon passes without the promise kept: overdue
    kernel.clock.advance(4 * HOUR);

    const board = await boardOf(t.supervisor!, CH());
    const ids = board.items.map((i) => i.id);
    expect(ids).toContain(later.id);
    expect(ids).toContain(promised.id);
    expect(ids).not.toContain(closed.id);
    expect(ids).not.toContain(elsewhere.id);
    expect(ids).not.toContain(foreign.id);
    expect(board.items[0]!.group).toBe('overdue');
    expect(board.items.find((i) => i.id === promised.id)).toMatchObject({ group: 'overdue', promiseMissed: true, postponed: false, caseType: 'complaint', serial: promised.serial, lastToldAt: told.json().lastToldAt });
    const groups = board.items.map((i) => i.group);
    expect(groups).toEqual([...groups].sort((a, b) => ['overdue', 'dueToday', 'open'].indexOf(a) - ['overdue', 'dueToday', 'open'].indexOf(b)));
    expect(board.counts).toMatchObject({ open: board.items.length, overdue: groups.filter((g) => g === 'overdue').length });
    // exactly the open cases of the project: the same set the case list gives
    const listed = (await kernel.call(t.supervisor!, 'GET', `/api/cases/complaint?projectId=${CH()}&open=true&limit=100`)).json() as { items: { id: number }[] };
    expect(new Set(board.items.filter((i) => i.caseType === 'complaint').map((i) => i.id))).toEqual(new Set(listed.items.map((i) => i.id)));
  });

  it('is the supervisor’s: other roles 403, another company’s project 404', async () => {
    expect((await kernel.call(t.technician!, 'GET', `/api/duty-desk/daily-review?projectId=${CH()}`)).statusCode).toBe(403);
    expect((await kernel.call(t['o-supervisor']!, 'GET', `/api/duty-desk/daily-review?projectId=${CH()}`)).statusCode).toBe(404);
    expect((await kernel.call(t.supervisor!, 'GET', `/api/duty-desk/daily-review?projectId=${CH()}&date=someday`)).statusCode).toBe(400);
  });

  it('signs each project’s day off once', async () => {
    const first = await kernel.call(t.supervisor!, 'POST', '/api/duty-desk/daily-review/sign', { projectId: CH(), note: '已逐项检查，超时事项已督办' });
    expect(first.statusCode, first.body).toBe(201);
    const signed = first.json() as DailyReview;
    expect(signed.signOff).toMatchObject({ signedByName: '客服主管 罗斌', note: '已逐项检查，超时事项已督办', openCount: signed.counts.open });
    const again = await kernel.call(t.manager!, 'POST', '/api/duty-desk/daily-review/sign', { projectId: CH(), note: '再签一次' });
    expect(again.statusCode).toBe(409);
    expect(again.json().issues[0]).toMatchObject({ pointer: '/date', code: 'duty-already-signed' });
    expect((await boardOf(t.supervisor!, CH())).signOff?.note).toBe('已逐项检查，超时事项已督办');
    // another project's day is its own
    expect((await kernel.call(t.supervisor!, 'POST', '/api/duty-desk/daily-review/sign', { projectId: JR(), note: '金融大厦已审' })).statusCode).toBe(201);
    const future = await kernel.call(t.supervisor!, 'POST', '/api/duty-desk/daily-review/sign', { projectId: CH(), date: '2026-12-31', note: '提前签' });
    expect(future.statusCode).toBe(422);
  });
});

describe('duty log and shift handover (值班记录表)', () => {
  it('logs entries, hands over with both signatures, is checked by the supervisor and prints', async () => {
    const opened = await kernel.call(t.frontdesk!, 'POST', '/api/cases/dutyShift', { projectId: CH(), data: { shiftDate: '2026-12-07', shift: 'morning', dutyStaffName: '林小红' } });
    expect(opened.statusCode, opened.body).toBe(201);
    let shift = opened.json() as { id: number; version: number; serial: string; state: string; data: Record<string, unknown> };
    expect(shift.state).toBe('onDuty');
    const log = async (entry: Record<string, unknown>) => {
      const res = await kernel.call(t.frontdesk!, 'POST', `/api/cases/dutyShift/${shift.id}/transitions/logEntry`, { version: shift.version, data: { entryTime: kernel.clock.now().toISOString(), ...entry } });
      expect(res.statusCode, res.body).toBe(200);
      shift = res.json();
    };
    await log({ entryKind: 'call', entryContent: '3-1201业主来电报修厨房漏水', entryAction: '已转维修中心', entryCaseSerial: 'BX-2026-000001' });
    kernel.clock.advance(HOUR);
    // a client cannot rewrite the list: what it sends along is ignored
    await log({ entryKind: 'incident', entryContent: '地下车库积水', entryAction: '通知工程部抽水', entries: [] });
    const entries = shift.data.entries as Record<string, unknown>[];
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({ kind: 'call', content: '3-1201业主来电报修厨房漏水', action: '已转维修中心', caseSerial: 'BX-2026-000001', recordedBy: '前台 林小红' });
    expect(shift.data).not.toHaveProperty('entryContent');

    const handover = { openItems: [{ item: '3-1201漏水待维修回复', caseSerial: 'BX-2026-000001' }], equipmentChecked: true, outgoingSignature: SIGNATURE, incomingStaffName: '前台 许文' };
    const missing = await kernel.call(t.frontdesk!, 'POST', `/api/cases/dutyShift/${shift.id}/transitions/handOver`, { version: shift.version, data: handover });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().issues.map((i: { pointer: string }) => i.pointer)).toContain('/data/incomingSignature');
    const stranger = await kernel.call(t.frontdesk!, 'POST', `/api/cases/dutyShift/${shift.id}/transitions/handOver`, { version: shift.version, data: { ...handover, incomingStaffName: '张三', incomingSignature: SIGNATURE_2 } });
    expect(stranger.statusCode).toBe(422);
    expect(stranger.json().issues[0]).toMatchObject({ pointer: '/data/incomingStaffName', code: 'duty-unknown-colleague' });
    expect((await kernel.call(t.frontdesk!, 'GET', `/api/cases/dutyShift/${shift.id}`)).json().state).toBe('onDuty');

    // the colleagues the handover picks from
    const colleagues = (await kernel.call(t.frontdesk!, 'GET', `/api/duty-desk/colleagues?projectId=${CH()}`)).json() as { items: { name: string }[] };
    expect(colleagues.items.map((c) => c.name)).not.toContain('前台 林小红');

    const handed = await kernel.call(t.frontdesk!, 'POST', `/api/cases/dutyShift/${shift.id}/transitions/handOver`, { version: shift.version, data: { ...handover, incomingStaffName: colleagues.items.find((c) => c.name === '前台 许文') ? '前台 许文' : colleagues.items[0]!.name, incomingSignature: SIGNATURE_2 } });
    expect(handed.statusCode, handed.body).toBe(200);
    expect(handed.json()).toMatchObject({ state: 'handedOver', assigneeRole: 'supervisor' });
    expect(typeof handed.json().data.incomingStaffId).toBe('number');

    expect((await kernel.call(t.frontdesk!, 'POST', `/api/cases/dutyShift/${shift.id}/transitions/review`, { version: handed.json().version, data: { reviewResult: 'ok' } })).statusCode).toBe(403);
    const reviewed = await kernel.call(t.supervisor!, 'POST', `/api/cases/dutyShift/${shift.id}/transitions/review`, { version: handed.json().version, data: { reviewResult: 'ok', reviewNote: '记录完整' } });
    expect(reviewed.statusCode, reviewed.body).toBe(200);
    expect(reviewed.json().state).toBe('reviewed');

    const print = await kernel.call(t.supervisor!, 'GET', `/api/cases/dutyShift/${shift.id}/documents/dutyRecord`);
    expect(print.statusCode).toBe(200);
    const html = print.body;
    for (const text of ['值班记录表', shift.serial, '早班', '来电', '突发事件', '3-1201业主来电报修厨房漏水', '通知工程部抽水', '3-1201漏水待维修回复', '交接双方已共同核实', '记录完整，交接清楚', '客服主管 罗斌']) expect(html).toContain(text);
    expect(html).toContain(`src="${SIGNATURE}"`);
    expect(html).toContain(`src="${SIGNATURE_2}"`);
    expect(html).not.toMatch(/\b(morning|incident|onDuty|undefined)\b/);
  });
});
