/**
 * Repairs (报修) end to end over HTTP on the demo company: free or paid decided by the repairCharge
 * rule (common area or warranty ⇒ free), common-area items dispatched directly, in-home items
 * reviewed by the engineering supervisor first, paid repairs priced from the catalog, the leak
 * test, follow-up windows per category, and the printed 《维修工作单》.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKernel, type TestKernel } from '../../core/testing/harness.js';
import type { SeededRegistry } from '../../core/testing/harness.js';

interface CaseBody {
  id: number;
  serial: string;
  state: string;
  version: number;
  unitId: number | null;
  severity: string | null;
  data: Record<string, unknown>;
  assigneeRole: string | null;
  availableTransitions: string[];
  deadlines: { key: string; dueAt: string; status: string }[];
  followUps: { id: number; dueAt: string; method: string; roles: string[]; status: string }[];
}
interface ErrorBody { statusCode: number; code: string; message: string; issues: { pointer: string; code: string }[] }

let kernel: TestKernel;
let reg: SeededRegistry;
const tokens: Record<string, string> = {};
const bj = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`);
const SIGNATURE = `data:image/png;base64,${'iVBORw0KGgo'.repeat(4)}`;

beforeAll(async () => {
  kernel = await startTestKernel({ plugins: ['service-desk', 'billing', 'paid-services'], startAt: bj('2026-10-12 09:00') });
  reg = await kernel.seed();
  for (const u of ['frontdesk', 'concierge', 'assistant', 'supervisor', 'manager', 'technician', 'engineering', 'security']) tokens[u] = await kernel.login(u);
});
afterAll(async () => kernel?.close());

const project = () => reg.projects.get('CH')!.id;
const unit = (key = 'CH/1/102') => reg.units.get(key)!.id;

async function get(id: number, as = 'supervisor'): Promise<CaseBody> {
  const res = await kernel.call(tokens[as]!, 'GET', `/api/cases/repair/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as CaseBody;
}

function registerRaw(data: Record<string, unknown>, envelope: Record<string, unknown> = {}, as = 'frontdesk') {
  return kernel.call(tokens[as]!, 'POST', '/api/cases/repair', {
    projectId: project(),
    ...envelope,
    data: { channel: 'phone', customerName: '王芳', contactPhone: '13800000002', appointmentAt: '2026-10-12T15:00:00+08:00', ...data },
  });
}

async function register(data: Record<string, unknown>, envelope: Record<string, unknown> = {}, as = 'frontdesk'): Promise<CaseBody> {
  const res = await registerRaw(data, envelope, as);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as CaseBody;
}
const inHome = (data: Record<string, unknown>) => register({ area: 'inHome', category: 'plumbing', content: '卫生间坐便器水箱一直流水', ...data }, { unitId: unit() });
const commonArea = (data: Record<string, unknown>) => register({ area: 'commonArea', location: '2栋电梯厅', category: 'electrical', content: '电梯厅灯不亮', ...data });

function attempt(as: string, c: { id: number; version: number }, transition: string, data?: Record<string, unknown>) {
  return kernel.call(tokens[as]!, 'POST', `/api/cases/repair/${c.id}/transitions/${transition}`, { version: c.version, ...(data ? { data } : {}) });
}
async function take(as: string, c: { id: number; version: number }, transition: string, data?: Record<string, unknown>): Promise<CaseBody> {
  const res = await attempt(as, c, transition, data);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as CaseBody;
}
const pickUp = (c: CaseBody) => take('technician', c, 'pickUp', { pickedUpAt: kernel.clock.now().toISOString() });
const completion = (data: Record<string, unknown> = {}) => ({
  workDone: '已修复，试用正常', completedAt: kernel.clock.now().toISOString(), customerTested: true, customerSignature: SIGNATURE, ...data,
});
const clock = (c: CaseBody, key: string) => c.deadlines.filter((d) => d.key === key);

describe('repair: a common-area item is free and dispatched directly to the technician', () => {
  let c: CaseBody;

  it('is registered with a BX serial and charge free, even without a unit', async () => {
    c = await commonArea({ category: 'safety', content: '3栋消防通道应急灯不亮' });
    expect(c.serial).toMatch(/^BX-2026-\d{6}$/);
    expect(c.data.charge).toBe('free');
    expect(c.severity).toBe('safety');
    expect(c.assigneeRole).toBe('assistant');
  });

  it('dispatch goes straight to the technician with the 15-minute reply clock; no engineering review', async () => {
    c = await take('assistant', c, 'dispatch', {});
    expect(c.state).toBe('dispatched');
    expect(c.assigneeRole).toBe('technician');
    expect(clock(await get(c.id), 'reply')[0]).toMatchObject({ status: 'running', dueAt: bj('2026-10-12 09:15').toISOString() });
    c = await pickUp(c);
    expect(c.state).toBe('pickedUp'); // free: no price to confirm
    expect(c.availableTransitions).toEqual(['startWork']);
    const priced = await attempt('technician', c, 'confirmPrice', { serviceItem: 'fluorescentLamp', quantity: 1, materialsSource: 'none', materialsCost: '0', customerAgreed: true });
    expect(priced.statusCode).toBe(422); // a free repair is never priced
  });

  it('completes with a signature; a safety item is followed up within 2 days', async () => {
    c = await take('technician', c, 'startWork', { findings: '应急灯电池老化', materialsSource: 'warehouse', materials: '应急灯电池一组' });
    kernel.clock.set(bj('2026-10-12 11:00'));
    c = await take('technician', c, 'complete', completion());
    expect(c.state).toBe('completed');
    const full = await get(c.id);
    expect(clock(full, 'followUp')[0]).toMatchObject({ status: 'running', dueAt: bj('2026-10-14 11:00').toISOString() });
    expect(full.followUps).toEqual([expect.objectContaining({ status: 'due', method: 'any', roles: ['assistant'], dueAt: bj('2026-10-14 11:00').toISOString() })]);
    expect(full.data.amount).toBeUndefined();
  });

  it('an unsatisfied follow-up sends it back for rectification; the rectification is followed up again', async () => {
    const full = await get(c.id, 'assistant');
    const res = await kernel.call(tokens.assistant!, 'POST', `/api/follow-ups/${full.followUps[0]!.id}/complete`, {
      caseVersion: full.version, data: { method: 'phone', satisfied: false, satisfaction: 'unsatisfied', shortcomings: '第二天又不亮', visitorNote: '电话回访' },
    });
    expect(res.statusCode, res.body).toBe(200);
    let again = await get(c.id);
    expect([again.state, again.assigneeRole]).toEqual(['rectifying', 'technician']);
    expect(clock(again, 'followUp')[0]!.status).toBe('met');
    again = await take('technician', again, 'finishRectification', { rectificationDone: '更换应急灯整灯' });
    expect(again.state).toBe('completed');
    const later = await get(c.id);
    expect(later.followUps.map((f) => f.status)).toEqual(['done', 'due']);
    expect(clock(later, 'followUp').map((d) => d.status)).toEqual(['met', 'running']);
  });
});

describe('repair: in-home repairs are reviewed by the engineering supervisor first', () => {
  it('under warranty: free; the review confirms it and dispatches', async () => {
    kernel.clock.set(bj('2026-10-13 09:00'));
    let c = await inHome({ underWarranty: true, charge: 'paid' });
    expect(c.data.charge).toBe('free'); // computed by the server from area and warranty
    c = await take('frontdesk', c, 'dispatch', {});
    expect(c.state).toBe('reviewing');
    expect(c.assigneeRole).toBe('engineering');
    expect((await attempt('technician', c, 'approve', { underWarranty: true })).statusCode).toBe(403);
    c = await take('engineering', c, 'approve', { underWarranty: true, reviewNote: '交房两年内，开发商保修' });
    expect([c.state, c.assigneeRole, c.data.charge]).toEqual(['dispatched', 'technician', 'free']);
    c = await pickUp(c);
    expect(c.state).toBe('pickedUp');
  });

  it('without warranty: paid; the technician confirms the price from the catalog before the work', async () => {
    let c = await inHome({ underWarranty: false });
    expect(c.data.charge).toBe('paid');
    c = await take('frontdesk', c, 'dispatch', {});
    c = await take('engineering', c, 'approve', { underWarranty: false });
    c = await pickUp(c);
    expect(c.state).toBe('pricing');
    expect(c.availableTransitions).toEqual(['confirmPrice']); // no free start for a paid repair
    c = await take('technician', c, 'confirmPrice', { serviceItem: 'toiletCistern', quantity: 1, findings: '浮球阀损坏', materialsSource: 'warehouse', materials: '浮球阀一套', materialsCost: '18.50', customerAgreed: true });
    expect(c.state).toBe('inProgress');
    expect(c.data).toMatchObject({ unitPrice: '30.00', servicePrice: '30.00', amount: '48.50', priceUnit: '次' });
    c = await take('technician', c, 'complete', completion());
    const full = await get(c.id);
    expect(full).toMatchObject({ state: 'completed', unitId: unit(), data: expect.objectContaining({ charge: 'paid', amount: '48.50' }) });
    // plumbing ("others"): followed up within 2 days
    expect(clock(full, 'followUp')[0]!.dueAt).toBe(bj('2026-10-15 09:00').toISOString());
    const html = (await kernel.call(tokens.assistant!, 'GET', `/api/cases/repair/${c.id}/documents/workOrder`)).body;
    expect(html.split('¥48.50').length - 1).toBe(3);
    for (const text of [full.serial, '维修工作单', '第一联 业主联', '第三联 财务核算联', '有偿（按收费标准）', '坐便器水箱维修', '浮球阀一套']) expect(html).toContain(text);
  });

  it('the review may find the warranty expired: the repair becomes paid', async () => {
    let c = await inHome({ underWarranty: true });
    c = await take('assistant', c, 'dispatch', {});
    c = await take('engineering', c, 'approve', { underWarranty: false, reviewNote: '已过保修期' });
    expect(c.data.charge).toBe('paid');
    expect((await pickUp(c)).state).toBe('pricing');
  });

  it('the review may decline the repair with an explanation', async () => {
    let c = await inHome({ underWarranty: false, category: 'walls', content: '要求重新粉刷整个客厅' });
    c = await take('assistant', c, 'dispatch', {});
    c = await take('engineering', c, 'refuse', { declineReason: 'outsideScope', declineExplanation: '属装修范围，不在维修服务项目内，已向业主解释' });
    expect(c.state).toBe('declined');
  });

  it('an in-home repair needs the unit; the warranty question does not apply to common areas', async () => {
    const noUnit = await register({ area: 'inHome', category: 'plumbing', content: '水管漏水', underWarranty: false });
    const refused = await attempt('assistant', noUnit, 'dispatch', {});
    expect(refused.statusCode).toBe(422);
    expect((refused.json() as ErrorBody).message).toContain('栋房号');
    const warrantyInCommonArea = await registerRaw({ area: 'commonArea', location: '车库', category: 'electrical', content: '灯不亮', underWarranty: true });
    expect(warrantyInCommonArea.statusCode).toBe(400);
    expect((warrantyInCommonArea.json() as ErrorBody).issues).toEqual([expect.objectContaining({ pointer: '/data/underWarranty', code: 'hidden-field' })]);
    const noLocation = await registerRaw({ area: 'commonArea', category: 'electrical', content: '灯不亮' });
    expect(noLocation.statusCode).toBe(400);
    expect((noLocation.json() as ErrorBody).issues.map((i) => i.pointer)).toEqual(['/data/location']);
    const noWarrantyAnswer = await registerRaw({ area: 'inHome', category: 'plumbing', content: '漏水' }, { unitId: unit() });
    expect(noWarrantyAnswer.statusCode).toBe(400);
    expect((noWarrantyAnswer.json() as ErrorBody).issues.map((i) => i.pointer)).toEqual(['/data/underWarranty']);
  });
});

describe('repair: leaks are completed after a passed leak test and followed up within 3 days of it', () => {
  it('refuses completion without the leak test, then schedules the 3-day window', async () => {
    kernel.clock.set(bj('2026-10-14 10:00'));
    let c = await commonArea({ category: 'leak', location: '5栋地下车库顶板', content: '车库顶板渗水' });
    c = await take('assistant', c, 'dispatch', {});
    c = await pickUp(c);
    c = await take('technician', c, 'startWork', { findings: '楼上管井渗漏', materialsSource: 'warehouse', materials: '防水涂料' });
    const untested = await attempt('technician', c, 'complete', completion());
    expect(untested.statusCode).toBe(422);
    expect((untested.json() as ErrorBody).message).toContain('试漏');
    const failed = await attempt('technician', c, 'complete', completion({ leakTestHours: 24, leakTestPassed: false }));
    expect(failed.statusCode).toBe(422);
    kernel.clock.set(bj('2026-10-15 16:00'));
    c = await take('technician', c, 'complete', completion({ leakTestHours: 24, leakTestPassed: true }));
    expect(c.state).toBe('completed');
    const full = await get(c.id);
    expect(clock(full, 'followUp')[0]!.dueAt).toBe(bj('2026-10-18 16:00').toISOString());
    // the follow-up item itself is due with the clock (deadlineBySeverity: leaks 3 days)
    expect(full.followUps[0]!.dueAt).toBe(bj('2026-10-18 16:00').toISOString());
    // nobody follows up in time: the window escalates to the supervisor (assistant reportsTo supervisor)
    kernel.clock.set(bj('2026-10-18 16:30'));
    await kernel.runJobs();
    const late = await get(c.id);
    expect(late.assigneeRole).toBe('supervisor');
    expect(clock(late, 'followUp')[0]!.status).toBe('overdue');
    const html = (await kernel.call(tokens.supervisor!, 'GET', `/api/cases/repair/${c.id}/documents/workOrder`)).body;
    expect(html).toContain('免费（公共区域或保修期内）');
    expect(html).not.toContain('费用确认');
  });

  it('other categories get 2 days, safety facilities 2 days', async () => {
    kernel.clock.set(bj('2026-10-19 09:00'));
    for (const [category, dueDay] of [['doorsWindows', '2026-10-21'], ['safety', '2026-10-21']] as const) {
      let c = await commonArea({ category, content: `${category} 报修` });
      c = await take('assistant', c, 'dispatch', {});
      c = await take('technician', await pickUp(c), 'startWork', { findings: '已查看', materialsSource: 'none' });
      c = await take('technician', c, 'complete', completion());
      expect(clock(await get(c.id), 'followUp')[0]!.dueAt, category).toBe(new Date(`${dueDay}T09:00:00+08:00`).toISOString());
    }
  });
});

describe('repair: registration and roles', () => {
  it('any staff who receives a repair registers it (first-contact responsibility), the technician does not dispatch', async () => {
    const bySecurity = await register({ area: 'commonArea', location: '南门', category: 'publicFacilities', content: '道闸抬杆失灵' }, {}, 'security');
    expect(bySecurity.state).toBe('registered');
    expect((await attempt('technician', bySecurity, 'dispatch', {})).statusCode).toBe(403);
    // the building concierge registers but does not dispatch or write off
    expect((await attempt('concierge', bySecurity, 'cancel', { cancelReason: 'duplicate', cancelNote: '重复登记' })).statusCode).toBe(403);
    const c = await take('frontdesk', bySecurity, 'cancel', { cancelReason: 'duplicate', cancelNote: '重复登记' });
    expect(c.state).toBe('cancelled');
  });

  it('rejection after rework escalates to the manager, as for service orders', async () => {
    let c = await commonArea({ content: '走廊灯频闪' });
    c = await take('assistant', c, 'dispatch', {});
    c = await take('technician', await pickUp(c), 'startWork', { findings: '镇流器故障', materialsSource: 'warehouse', materials: '镇流器' });
    c = await take('technician', c, 'reject', { rejectionReason: '仍频闪' });
    expect([c.state, c.data.reworkCount]).toEqual(['rework', 1]);
    c = await take('technician', c, 'reject', { rejectionReason: '更换后仍频闪' });
    expect([c.state, c.assigneeRole]).toEqual(['escalated', 'manager']);
    c = await take('manager', c, 'complete', completion({ workDone: '更换整套灯具' }));
    expect(c.state).toBe('completed');
  });

  it('escapes what residents typed in the printed work order', async () => {
    const c = await commonArea({ content: '<b onmouseover=alert(1)>灯坏</b>', location: '<script>x</script>' });
    const html = (await kernel.call(tokens.assistant!, 'GET', `/api/cases/repair/${c.id}/documents/workOrder`)).body;
    expect(html).not.toContain('<b onmouseover');
    expect(html).not.toContain('<script>x');
    expect(html).toContain('&lt;b onmouseover&#x3D;alert(1)&gt;灯坏&lt;/b&gt;');
  });
});
