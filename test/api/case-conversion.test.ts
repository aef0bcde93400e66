/**
 * The service work order (《服务工作单》, plugins/service-desk) and converting cases between
 * procedures (core/cases/convert-case.ts) over HTTP, on SQLite and PostgreSQL: a consultation
 * answered and closed at the desk; the 15-minute reply clock escalating to the supervisor when the
 * test clock moves; a "complaint" that is a consultation converted instead of cancelled, its data
 * carried over and the two cases linked both ways; a repair call handed to the repair procedure and
 * the work order resuming at its follow-up when the repair ends; bad input refused with nothing written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoRegistry, startTestKernel, type RegistryDocument, type SeededRegistry, type TestKernel } from '../../core/testing/harness.js';
import { CaseDeadline, CaseEvent, CaseLink, Counter, FollowUp, WorkCase } from '../../core/db/entities/index.js';

interface CaseBody {
  id: number;
  serial: string;
  caseType: string;
  state: string;
  stateTitle: { 'zh-CN': string } | null;
  version: number;
  data: Record<string, unknown>;
  assigneeRole: string | null;
  overdue: boolean;
  closedAt: string | null;
  unitId: number | null;
  personId: number | null;
  projectId: number;
  availableTransitions: string[];
  deadlines: { key: string; dueAt: string; status: string; metAt: string | null; overdueAt: string | null; escalatedToRole: string | null }[];
  followUps: { id: number; dueAt: string; status: string; satisfied: boolean | null }[];
}
interface LinkBody { kind: string; caseType: string; caseTypeTitle: { 'zh-CN': string }; id: number; serial: string; state: string; stateTitle: { 'zh-CN': string }; final: boolean; reason: string | null; actorName: string | null; resolvedAt: string | null }

let kernel: TestKernel;
let reg: SeededRegistry;
let other: SeededRegistry;
const tokens: Record<string, string> = {};
const bj = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`);
const SIGNATURE = `data:image/png;base64,${'iVBORw0KGgo'.repeat(4)}`;

function secondCompany(): RegistryDocument {
  const doc = demoRegistry();
  const codes: Record<string, string> = { CH: 'BCH', JR: 'BJR' };
  doc.company = { code: 'BETA', name: '贝塔物业管理有限公司' };
  doc.projects = doc.projects.map((p) => ({ ...p, code: codes[p.code]!, name: `贝塔${p.name}` }));
  doc.staff = doc.staff.map((s) => ({ ...s, username: `b-${s.username}`, projects: s.projects === '*' ? '*' : s.projects.map((c) => codes[c]!) }));
  return doc;
}

beforeAll(async () => {
  kernel = await startTestKernel({ plugins: ['service-desk', 'complaints', 'billing', 'paid-services'], startAt: bj('2026-10-13 09:00') });
  reg = await kernel.seed();
  other = await kernel.seed(secondCompany());
  for (const u of ['frontdesk', 'supervisor', 'assistant', 'engineering', 'technician', 'manager', 'b-frontdesk', 'frontdesk-jr']) tokens[u] = await kernel.login(u);
}, 240_000);
afterAll(async () => kernel?.close());

const ch = () => reg.projects.get('CH')!.id;
const unit101 = () => reg.units.get('CH/1/101')!.id;
const owner = () => reg.people.get('张伟')!.id;

async function get(type: string, id: number, as = 'supervisor'): Promise<CaseBody> {
  const res = await kernel.call(tokens[as]!, 'GET', `/api/cases/${type}/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as CaseBody;
}
async function links(type: string, id: number, as = 'supervisor'): Promise<LinkBody[]> {
  const res = await kernel.call(tokens[as]!, 'GET', `/api/cases/${type}/${id}/links`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { items: LinkBody[] }).items;
}
async function register(type: string, data: Record<string, unknown>, as = 'frontdesk'): Promise<CaseBody> {
  const res = await kernel.call(tokens[as]!, 'POST', `/api/cases/${type}`, { projectId: ch(), unitId: unit101(), personId: owner(), data });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as CaseBody;
}
async function take(type: string, as: string, c: { id: number; version: number }, transition: string, data?: Record<string, unknown>): Promise<CaseBody> {
  const res = await kernel.call(tokens[as]!, 'POST', `/api/cases/${type}/${c.id}/transitions/${transition}`, { version: c.version, ...(data ? { data } : {}) });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as CaseBody;
}
const request = (data: Record<string, unknown> = {}) => register('serviceRequest', { channel: 'phone', kind: 'consultation', customerName: '张伟', contactPhone: '13800000001', content: '请问本月管理费什么时候开始收？', receiverName: '林小红', ...data });

async function snapshot() {
  const em = kernel.orm.em.fork();
  const counters = await em.find(Counter, {}, { orderBy: { companyId: 'asc', key: 'asc' } });
  return {
    cases: await em.count(WorkCase, {}), events: await em.count(CaseEvent, {}), deadlines: await em.count(CaseDeadline, {}),
    followUps: await em.count(FollowUp, {}), links: await em.count(CaseLink, {}), counters: counters.map((c) => `${c.companyId}/${c.key}=${c.value}`),
  };
}

describe('service work order: a consultation answered and closed at the desk', () => {
  let c: CaseBody;
  it('is registered with an FW serial on the front desk, with the 15-minute reply clock', async () => {
    c = await request();
    expect(c.serial).toMatch(/^FW-2026-\d{6}$/);
    expect(c).toMatchObject({ state: 'registered', assigneeRole: 'frontDesk' });
    expect(c.availableTransitions).toEqual(['answer', 'handOn', 'cancel']);
    const full = await get('serviceRequest', c.id);
    expect(full.deadlines).toEqual([expect.objectContaining({ key: 'reply', status: 'running', dueAt: bj('2026-10-13 09:15').toISOString() })]);
  });

  it('is answered with the reply content and time and closed; the reply clock is met; no follow-up', async () => {
    kernel.clock.set(bj('2026-10-13 09:05'));
    c = await take('serviceRequest', 'frontdesk', c, 'answer', { replyContent: '本月管理费于15日开始收取，可到前台或线上缴纳。', repliedAt: kernel.clock.now().toISOString(), replyMethod: 'phone', needsFollowUp: false });
    expect(c.state).toBe('closed');
    expect(c.closedAt).toBe(bj('2026-10-13 09:05').toISOString());
    const full = await get('serviceRequest', c.id);
    expect(full.deadlines[0]).toMatchObject({ key: 'reply', status: 'met' });
    expect(full.followUps).toEqual([]);
    expect(full.data).toMatchObject({ replyContent: expect.stringContaining('15日'), repliedAt: bj('2026-10-13 09:05').toISOString() });
  });

  it('prints the 服务工作单 in Chinese with the receiver (首问责任人) and the answer', async () => {
    const res = await kernel.call(tokens.frontdesk!, 'GET', `/api/cases/serviceRequest/${c.id}/documents/sheet`);
    expect(res.statusCode, res.body).toBe(200);
    const html = res.body;
    expect(html).toContain('服务工作单');
    expect(html).toContain('首问责任人');
    expect(html).toContain('林小红');
    expect(html).toContain('咨询');
    expect(html).toContain('电话');
    expect(html).toContain('已按时答复');
    expect(html).not.toMatch(/consultation|phone\b|undefined/);
  });

  it('a help request is handed on to engineering (an event), done, back at the desk and answered with a follow-up', async () => {
    let h = await request({ kind: 'help', content: '家里跳闸了，请派人看看' });
    h = await take('serviceRequest', 'frontdesk', h, 'handOn', { handlerRole: 'engineering', instruction: '请电工15分钟内到场' });
    expect(h).toMatchObject({ state: 'dispatched', assigneeRole: 'engineering' });
    h = await take('serviceRequest', 'engineering', h, 'finishHandling', { handlingResult: '空开老化，已更换', handledAt: kernel.clock.now().toISOString() });
    expect(h).toMatchObject({ state: 'done', assigneeRole: 'frontDesk' });
    h = await take('serviceRequest', 'frontdesk', h, 'answer', { replyContent: '已修复', repliedAt: kernel.clock.now().toISOString(), replyMethod: 'phone', needsFollowUp: true });
    expect(h.state).toBe('followingUp');
    const full = await get('serviceRequest', h.id);
    expect(full.followUps).toHaveLength(1);
    const events = (await kernel.call(tokens.supervisor!, 'GET', `/api/cases/serviceRequest/${h.id}/events`)).json() as { items: { type: string; transition: string | null; data: Record<string, unknown> }[] };
    expect(events.items.map((e) => e.transition ?? e.type)).toEqual(['created', 'handOn', 'finishHandling', 'answer', 'followUpScheduled']);
    expect(events.items[1]!.data).toMatchObject({ handlerRole: 'engineering', instruction: '请电工15分钟内到场' });
  });
});

describe('service work order: the 15-minute reply clock', () => {
  it('escalates to the supervisor when nobody answers within 15 minutes', async () => {
    kernel.clock.set(bj('2026-10-13 14:00'));
    const c = await request({ kind: 'suggestion', content: '建议小区增加快递柜' });
    kernel.clock.set(bj('2026-10-13 14:14'));
    await kernel.runJobs();
    expect((await get('serviceRequest', c.id)).overdue).toBe(false);
    kernel.clock.set(bj('2026-10-13 14:16'));
    await kernel.runJobs();
    const after = await get('serviceRequest', c.id);
    expect(after.overdue).toBe(true);
    expect(after.deadlines[0]).toMatchObject({ key: 'reply', status: 'overdue', overdueAt: bj('2026-10-13 14:16').toISOString(), escalatedToRole: 'supervisor' });
    expect(after.assigneeRole).toBe('supervisor');
  });
});

describe('converting a complaint that is a consultation', () => {
  let complaint: CaseBody;
  let request: CaseBody;
  it('offers the conversion with the work order form prefilled from the complaint', async () => {
    kernel.clock.set(bj('2026-10-14 10:00'));
    complaint = await register('complaint', { channel: 'visit', complainantName: '张伟', contactPhone: '13800000001', content: '想问一下装修押金怎么退', place: '前台' });
    const res = await kernel.call(tokens.frontdesk!, 'GET', `/api/cases/complaint/${complaint.id}/conversions`);
    expect(res.statusCode, res.body).toBe(200);
    const offers = (res.json() as { items: { to: string; outcome: string; stateTitle: { 'zh-CN': string }; prefill: Record<string, unknown>; formPayload: { name: string } }[] }).items;
    const offer = offers.find((o) => o.to === 'serviceRequest')!;
    expect(offer).toMatchObject({ outcome: 'close', stateTitle: { 'zh-CN': '已转为咨询' }, formPayload: { name: 'serviceRequest' } });
    expect(offer.prefill).toEqual({ customerName: '张伟', contactPhone: '13800000001', content: '想问一下装修押金怎么退', place: '前台', kind: 'consultation', channel: 'visit' });
    // the paid-service procedure is for the supervisor and manager only
    expect(offers.map((o) => o.to)).toEqual(['serviceRequest']);
  });

  it('converts: the work order keeps the data, the complaint is closed as converted (not cancelled), links both ways', async () => {
    const before = await snapshot();
    const res = await kernel.call(tokens.frontdesk!, 'POST', `/api/cases/complaint/${complaint.id}/convert`, {
      to: 'serviceRequest', version: complaint.version, reason: '住户只是咨询装修押金退还',
      data: { customerName: '张伟', contactPhone: '13800000001', content: '想问一下装修押金怎么退', place: '前台', kind: 'consultation', channel: 'visit', receiverName: '林小红' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json() as { source: CaseBody; target: { caseType: string; id: number; serial: string } };
    expect(body.source).toMatchObject({ state: 'convertedToRequest', stateTitle: { 'zh-CN': '已转为咨询' } });
    expect(body.source.closedAt).not.toBeNull();
    expect(body.target.serial).toMatch(/^FW-/);
    request = await get('serviceRequest', body.target.id);
    expect(request).toMatchObject({ state: 'registered', unitId: unit101(), personId: owner(), projectId: ch() });
    expect(request.data).toMatchObject({ content: '想问一下装修押金怎么退', kind: 'consultation', channel: 'visit', customerName: '张伟' });
    const after = await snapshot();
    expect(after.cases).toBe(before.cases + 1);
    expect(after.links).toBe(before.links + 2);
    const fromComplaint = await links('complaint', complaint.id);
    expect(fromComplaint).toEqual([expect.objectContaining({ kind: 'convertedTo', caseType: 'serviceRequest', id: request.id, serial: request.serial, caseTypeTitle: { 'zh-CN': '服务工作单', en: 'Service work order' }, reason: '住户只是咨询装修押金退还', actorName: expect.stringContaining('林小红') })]);
    const fromRequest = await links('serviceRequest', request.id);
    expect(fromRequest).toEqual([expect.objectContaining({ kind: 'convertedFrom', caseType: 'complaint', id: complaint.id, serial: complaint.serial, state: 'convertedToRequest', final: true })]);
    const complaintEvents = (await kernel.call(tokens.supervisor!, 'GET', `/api/cases/complaint/${complaint.id}/events`)).json() as { items: { type: string; toState: string | null; data: Record<string, unknown> }[] };
    expect(complaintEvents.items.at(-1)).toMatchObject({ type: 'convertedTo', toState: 'convertedToRequest', data: { caseType: 'serviceRequest', serial: request.serial, reason: '住户只是咨询装修押金退还' } });
    const requestEvents = (await kernel.call(tokens.supervisor!, 'GET', `/api/cases/serviceRequest/${request.id}/events`)).json() as { items: { type: string; data: Record<string, unknown> }[] };
    expect(requestEvents.items.map((e) => e.type)).toEqual(['created', 'convertedFrom']);
    // the complaint's clocks stopped with it
    const full = await get('complaint', complaint.id);
    expect(full.deadlines.every((d) => d.status !== 'running')).toBe(true);
    expect(full.availableTransitions).toEqual([]);
  });
});

describe('a repair call handed to the repair procedure', () => {
  it('waits while the repair runs, and resumes at its follow-up when the repair ends', async () => {
    kernel.clock.set(bj('2026-10-15 09:00'));
    let wo = await request({ kind: 'repair', content: '2栋电梯厅灯不亮', place: '2栋电梯厅' });
    const offers = ((await kernel.call(tokens.frontdesk!, 'GET', `/api/cases/serviceRequest/${wo.id}/conversions`)).json() as { items: { to: string; outcome: string; prefill: Record<string, unknown> }[] }).items;
    expect(offers.map((o) => o.to)).toEqual(['complaint', 'repair', 'serviceOrder']);
    const repairOffer = offers.find((o) => o.to === 'repair')!;
    expect(repairOffer).toMatchObject({ outcome: 'wait', prefill: { customerName: '张伟', contactPhone: '13800000001', content: '2栋电梯厅灯不亮', location: '2栋电梯厅', channel: 'phone' } });
    const res = await kernel.call(tokens.frontdesk!, 'POST', `/api/cases/serviceRequest/${wo.id}/convert`, {
      to: 'repair', version: wo.version, reason: '公共区域报修，转维修程序',
      data: { ...repairOffer.prefill, area: 'commonArea', category: 'electrical', appointmentAt: '2026-10-15T15:00:00+08:00' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const { source, target } = res.json() as { source: CaseBody; target: { id: number; serial: string } };
    expect(source.state).toBe('inProcedure');
    expect(target.serial).toMatch(/^BX-/);
    wo = await get('serviceRequest', wo.id);
    expect(wo.deadlines.find((d) => d.key === 'reply')).toMatchObject({ status: 'met' }); // handing on answers the 15-minute promise
    expect(await links('serviceRequest', wo.id)).toEqual([expect.objectContaining({ kind: 'handedTo', caseType: 'repair', id: target.id, resolvedAt: null })]);

    let repair = await get('repair', target.id);
    repair = await take('repair', 'assistant', repair, 'dispatch', {});
    repair = await take('repair', 'technician', repair, 'pickUp', { pickedUpAt: kernel.clock.now().toISOString() });
    repair = await take('repair', 'technician', repair, 'startWork', { findings: '灯管老化', materialsSource: 'warehouse', materials: '灯管' });
    repair = await take('repair', 'technician', repair, 'complete', { workDone: '已更换灯管', completedAt: kernel.clock.now().toISOString(), customerTested: true, customerSignature: SIGNATURE });
    expect(repair.state).toBe('completed');
    expect((await get('serviceRequest', wo.id)).state).toBe('inProcedure'); // the repair has not ended: its own follow-up is due
    const full = await get('repair', repair.id, 'assistant');
    const done = await kernel.call(tokens.assistant!, 'POST', `/api/follow-ups/${full.followUps[0]!.id}/complete`, {
      caseVersion: full.version, data: { method: 'phone', satisfied: true, satisfaction: 'satisfied', visitorNote: '电话回访' },
    });
    expect(done.statusCode, done.body).toBe(200);
    expect((await get('repair', repair.id)).state).toBe('closed');

    wo = await get('serviceRequest', wo.id);
    expect(wo).toMatchObject({ state: 'followingUp', assigneeRole: 'assistant' });
    expect(wo.followUps).toEqual([expect.objectContaining({ status: 'due' })]);
    const events = (await kernel.call(tokens.supervisor!, 'GET', `/api/cases/serviceRequest/${wo.id}/events`)).json() as { items: { type: string; transition: string | null; actorId: number | null; data: Record<string, unknown> }[] };
    expect(events.items.map((e) => e.transition ?? e.type)).toEqual(['created', 'handedTo', 'procedureEnded', 'followUpScheduled']);
    expect(events.items[2]).toMatchObject({ actorId: null, data: { linked: { caseType: 'repair', serial: target.serial, state: 'closed' } } });
    expect((await links('serviceRequest', wo.id))[0]!.resolvedAt).not.toBeNull();
  });
});

describe('bad conversions are refused and write nothing', () => {
  let c: CaseBody;
  beforeAll(async () => {
    c = await register('complaint', { channel: 'phone', complainantName: '张伟', contactPhone: '13800000001', content: '咨询停车位' });
  });
  const body = (extra: Record<string, unknown> = {}) => ({
    to: 'serviceRequest', version: c.version, reason: '其实是咨询',
    data: { customerName: '张伟', contactPhone: '13800000001', content: '咨询停车位', kind: 'consultation', channel: 'phone' }, ...extra,
  });
  async function refused(as: string, id: number, payload: unknown, status: number, code: string) {
    const before = await snapshot();
    const res = await kernel.call(tokens[as]!, 'POST', `/api/cases/complaint/${id}/convert`, payload);
    expect(res.statusCode, res.body).toBe(status);
    expect((res.json() as { code: string }).code).toBe(code);
    expect(await snapshot()).toEqual(before);
    return res.json() as { issues: { pointer: string; code: string }[] };
  }

  it('an unknown target → 400 on /to', async () => {
    const err = await refused('frontdesk', c.id, body({ to: 'parcelDeposit' }), 400, 'WUYE_VALIDATION');
    expect(err.issues[0]).toMatchObject({ pointer: '/to', code: 'unknown-conversion' });
  });
  it('a role not allowed → 403', async () => {
    await refused('engineering', c.id, body(), 403, 'WUYE_FORBIDDEN');
    await refused('frontdesk', c.id, body({ to: 'serviceOrder', data: { customerName: '张伟', description: 'x', serviceItem: 'x', channel: 'phone', appointmentAt: '2026-10-16T10:00:00+08:00' } }), 403, 'WUYE_FORBIDDEN');
  });
  it('a missing required target field → 400 naming it', async () => {
    const { kind: _k, ...noKind } = body().data;
    const err = await refused('frontdesk', c.id, body({ data: noKind }), 400, 'WUYE_VALIDATION');
    expect(err.issues.map((i) => i.pointer)).toContain('/data/kind');
  });
  it('a stale version → 409', async () => {
    await refused('frontdesk', c.id, body({ version: c.version + 5 }), 409, 'WUYE_STALE_VERSION');
  });
  it("another company's case, or an unknown id → 404, the same answer", async () => {
    const theirs = await kernel.call(tokens['b-frontdesk']!, 'POST', '/api/cases/complaint', {
      projectId: other.projects.get('BCH')!.id, data: { channel: 'phone', complainantName: '李四', contactPhone: '13900000009', content: '外公司投诉' },
    });
    expect(theirs.statusCode, theirs.body).toBe(201);
    const foreign = await refused('frontdesk', (theirs.json() as CaseBody).id, body(), 404, 'WUYE_NOT_FOUND');
    const unknown = await refused('frontdesk', 2147483647, body(), 404, 'WUYE_NOT_FOUND');
    expect(foreign).toEqual(unknown);
    const linksRes = await kernel.call(tokens.frontdesk!, 'GET', `/api/cases/complaint/${(theirs.json() as CaseBody).id}/links`);
    expect(linksRes.statusCode).toBe(404);
  });
  it('extra or missing envelope fields → 400; a case already converted → 422', async () => {
    await refused('frontdesk', c.id, { ...body(), extra: 1 }, 400, 'WUYE_VALIDATION');
    const { reason: _r, ...noReason } = body();
    await refused('frontdesk', c.id, noReason, 400, 'WUYE_VALIDATION');
    const ok = await kernel.call(tokens.frontdesk!, 'POST', `/api/cases/complaint/${c.id}/convert`, body());
    expect(ok.statusCode, ok.body).toBe(201);
    const again = await refused('frontdesk', c.id, body({ version: (ok.json() as { source: CaseBody }).source.version }), 422, 'WUYE_REFUSED');
    expect(again.issues[0]).toMatchObject({ pointer: '/to', code: 'invalid-state' });
  });
});
