/**
 * Paid service orders (特约(有偿)服务) end to end over HTTP on the demo company, with a controlled
 * clock: acceptance and dispatch with the 15-minute reply clock, pickup, the price confirmed from
 * the catalog in the plugin's settings, completion with the customer's signature, rework and
 * escalation to the manager, damage and compensation, write-off at the desk, decline, the
 * follow-up due by the 10th of the next month, and the printed work order in three copies.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKernel, type TestKernel } from '../../core/testing/harness.js';
import type { SeededRegistry } from '../../core/testing/harness.js';
import { readFileSync } from 'node:fs';

interface CaseBody {
  id: number;
  serial: string;
  state: string;
  version: number;
  unitId: number | null;
  data: Record<string, unknown>;
  assigneeRole: string | null;
  overdue: boolean;
  closedAt: string | null;
  availableTransitions: string[];
  deadlines: { key: string; dueAt: string; status: string; metAt: string | null; escalatedToRole: string | null }[];
  followUps: { id: number; dueAt: string; method: string; roles: string[]; status: string; satisfied: boolean | null }[];
}
interface ErrorBody { statusCode: number; code: string; message: string; issues: { pointer: string; code: string; message: string }[] }

let kernel: TestKernel;
let reg: SeededRegistry;
const tokens: Record<string, string> = {};

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** Beijing time: '2026-09-14 09:00' -> Date */
const bj = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`);
const SIGNATURE = `data:image/png;base64,${'iVBORw0KGgo'.repeat(4)}`;
const catalog = (JSON.parse(readFileSync(new URL('./plugin.json', import.meta.url), 'utf8')) as {
  config: { defaults: { catalog: Record<string, { price: string; unit: string; checklist: string[] }> } };
}).config.defaults.catalog;

beforeAll(async () => {
  kernel = await startTestKernel({ plugins: ['service-desk', 'billing', 'paid-services'], startAt: bj('2026-09-14 09:00') });
  reg = await kernel.seed();
  for (const u of ['frontdesk', 'assistant', 'supervisor', 'manager', 'technician', 'engineering', 'admin', 'frontdesk-jr']) tokens[u] = await kernel.login(u);
});
afterAll(async () => kernel?.close());

const project = () => reg.projects.get('CH')!.id;
const unit101 = () => reg.units.get('CH/1/101')!.id;
const owner = () => reg.people.get('张伟')!.id;

async function get(id: number, as = 'supervisor'): Promise<CaseBody> {
  const res = await kernel.call(tokens[as]!, 'GET', `/api/cases/serviceOrder/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as CaseBody;
}

function registerRaw(data: Record<string, unknown> = {}, envelope: Record<string, unknown> = { unitId: unit101(), personId: owner() }) {
  return kernel.call(tokens.frontdesk!, 'POST', '/api/cases/serviceOrder', {
    projectId: project(),
    ...envelope,
    data: {
      channel: 'phone', customerName: '张伟', contactPhone: '13800000001', serviceItem: 'tapValve',
      appointmentAt: '2026-09-14T14:00:00+08:00', description: '厨房水龙头关不紧，一直滴水', ...data,
    },
  });
}

async function register(data: Record<string, unknown> = {}): Promise<CaseBody> {
  const res = await registerRaw(data);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as CaseBody;
}

function attempt(as: string, c: { id: number; version: number }, transition: string, data?: Record<string, unknown>) {
  return kernel.call(tokens[as]!, 'POST', `/api/cases/serviceOrder/${c.id}/transitions/${transition}`, { version: c.version, ...(data ? { data } : {}) });
}

async function take(as: string, c: { id: number; version: number }, transition: string, data?: Record<string, unknown>): Promise<CaseBody> {
  const res = await attempt(as, c, transition, data);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as CaseBody;
}

const price = (data: Record<string, unknown> = {}) => ({
  serviceItem: 'tapValve', quantity: 1, materialsSource: 'warehouse', materials: '单把水龙头一个', materialsCost: '60', customerAgreed: true, ...data,
});
const completion = (data: Record<string, unknown> = {}) => ({
  workDone: '更换水龙头，开水试验不渗漏', completedAt: kernel.clock.now().toISOString(), customerTested: true, customerSignature: SIGNATURE, ...data,
});

/** registered -> accepted and dispatched -> picked up -> price confirmed */
async function toInProgress(data: Record<string, unknown> = {}, priceData: Record<string, unknown> = {}): Promise<CaseBody> {
  let c = await register(data);
  c = await take('assistant', c, 'accept', {});
  c = await take('technician', c, 'pickUp', { pickedUpAt: kernel.clock.now().toISOString() });
  return take('technician', c, 'confirmPrice', price(priceData));
}

const clock = (c: CaseBody, key: string) => c.deadlines.filter((d) => d.key === key);

describe('serviceOrder: a paid order from registration to follow-up', () => {
  let id: number;

  it('registers 《特约(有偿)服务登记表》 with a TY serial, in the dispatch assistant’s queue', async () => {
    const c = await register();
    id = c.id;
    expect(c.serial).toMatch(/^TY-2026-\d{6}$/);
    expect(c.state).toBe('registered');
    expect(c.assigneeRole).toBe('assistant');
    expect(c.unitId).toBe(unit101());
    // the desk that registers may accept and dispatch it (调度中心或前台值班), a technician may not yet act
    expect(c.availableTransitions).toEqual(['accept', 'decline', 'cancel']);
    expect((await get(id, 'technician')).availableTransitions).toEqual([]);
  });

  it('accepting dispatches to the technician, copies the checklist and starts the 15-minute reply clock', async () => {
    const c = await take('assistant', await get(id), 'accept', { dispatchNote: '带水龙头一个' });
    expect(c.state).toBe('dispatched');
    expect(c.assigneeRole).toBe('technician');
    expect(c.data.checklist).toEqual(catalog.tapValve!.checklist);
    expect(c.data.priceUnit).toBe('个');
    const full = await get(id);
    expect(clock(full, 'reply')).toEqual([expect.objectContaining({ status: 'running', dueAt: bj('2026-09-14 09:15').toISOString() })]);
  });

  it('the technician picks up within 15 minutes: the reply clock is met', async () => {
    kernel.clock.advance(10 * MINUTE);
    const c = await take('technician', await get(id), 'pickUp', { pickedUpAt: kernel.clock.now().toISOString(), arrivalPromisedAt: '2026-09-14T13:50:00+08:00' });
    expect(c.state).toBe('pickedUp');
    const full = await get(id);
    expect(clock(full, 'reply')[0]).toMatchObject({ status: 'met', metAt: bj('2026-09-14 09:10').toISOString() });
  });

  it('confirms the price from the catalog: list price + materials, computed by the server whatever the client sent', async () => {
    kernel.clock.set(bj('2026-09-14 13:55'));
    const c = await take('technician', await get(id), 'confirmPrice', price({ amount: '0.01', unitPrice: '1.00', servicePrice: '1.00' }));
    expect(c.state).toBe('inProgress');
    expect(c.data).toMatchObject({ unitPrice: '25.00', servicePrice: '25.00', materialsCost: '60', amount: '85.00', priceUnit: '个' });
  });

  it('completes with the customer’s test and signature; the follow-up is due by the 10th of next month', async () => {
    kernel.clock.set(bj('2026-09-14 14:40'));
    const c = await take('technician', await get(id), 'complete', completion());
    expect(c.state).toBe('completed');
    expect(c.assigneeRole).toBe('assistant');
    const full = await get(id);
    const tenthOfOctober = new Date('2026-10-10T23:59:59.999+08:00').toISOString();
    expect(full.followUps).toEqual([expect.objectContaining({ status: 'due', method: 'any', roles: ['assistant'], dueAt: tenthOfOctober })]);
    expect(clock(full, 'followUp')).toEqual([expect.objectContaining({ status: 'running', dueAt: tenthOfOctober })]);
    // what billing needs to list the charge on the unit's monthly notice: serial, unit, amount
    expect(full).toMatchObject({ serial: expect.stringMatching(/^TY-/), unitId: unit101(), data: expect.objectContaining({ amount: '85.00' }) });
  });

  it('the dispatch assistant follows up on site; a satisfied follow-up closes the order', async () => {
    const full = await get(id, 'assistant');
    const bySupervisor = await kernel.call(tokens.supervisor!, 'POST', `/api/follow-ups/${full.followUps[0]!.id}/complete`, {
      caseVersion: full.version, data: { method: 'phone', satisfied: true, satisfaction: 'satisfied', visitorNote: '电话回访' },
    });
    expect(bySupervisor.statusCode).toBe(403); // paid-service follow-ups are the dispatch assistant's
    kernel.clock.set(bj('2026-10-09 10:00'));
    const res = await kernel.call(tokens.assistant!, 'POST', `/api/follow-ups/${full.followUps[0]!.id}/complete`, {
      caseVersion: full.version, data: { method: 'onSite', satisfied: true, satisfaction: 'verySatisfied', residentSignature: SIGNATURE },
    });
    expect(res.statusCode, res.body).toBe(200);
    const closed = await get(id);
    expect(closed.state).toBe('closed');
    expect(closed.deadlines.every((d) => d.status === 'met')).toBe(true);
    const summary = (await kernel.call(tokens.manager!, 'GET', '/api/cases/serviceOrder/summary?month=2026-09')).json();
    expect(summary.followUps).toMatchObject({ done: 1, satisfied: 1, onSite: 1 });
  });

  it('prints 《服务工作单》 in three copies with the serial, the price and the checklist', async () => {
    const c = await get(id);
    const res = await kernel.call(tokens.assistant!, 'GET', `/api/cases/serviceOrder/${id}/documents/workOrder`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    const html = res.body;
    for (const copy of ['第一联 业主联', '第二联 客服中心存档联', '第三联 财务核算联']) expect(html).toContain(copy);
    expect(html.split(c.serial).length - 1).toBeGreaterThanOrEqual(3);
    expect(html.split('¥85.00').length - 1).toBe(3);
    for (const expected of ['服务工作单', '水龙头、闸阀维修', '¥25.00 / 个', '¥60', '<img class="signature" alt="客户签名"', catalog.tapValve!.checklist[3]!, '1栋 101']) {
      expect(html).toContain(expected);
    }
  });
});

describe('serviceOrder: the 15-minute reply promise', () => {
  it('an order nobody picks up is overdue after 15 minutes and escalated to engineering by the job', async () => {
    kernel.clock.set(bj('2026-09-15 09:00'));
    let c = await take('assistant', await register(), 'accept', {});
    kernel.clock.advance(14 * MINUTE);
    expect((await kernel.runJobs()).overdue).toBe(0);
    kernel.clock.advance(2 * MINUTE);
    expect((await kernel.runJobs()).overdue).toBe(1);
    c = await get(c.id);
    expect(c.overdue).toBe(true);
    expect(c.assigneeRole).toBe('engineering'); // technician reportsTo engineering
    expect(clock(c, 'reply')[0]).toMatchObject({ status: 'overdue', escalatedToRole: 'engineering' });
    expect((await kernel.runJobs()).overdue).toBe(0); // idempotent
    // the engineering department picks it up (re-dispatches to a technician)
    c = await take('engineering', c, 'pickUp', { pickedUpAt: kernel.clock.now().toISOString(), pickupNote: '改派谢工' });
    expect(c.state).toBe('pickedUp');
    expect(c.assigneeRole).toBe('technician');
    expect((await get(c.id)).overdue).toBe(false);
  });
});

describe('serviceOrder: rework, escalation to the manager', () => {
  it('unsatisfied at acceptance: rework; unsatisfied again: escalated to the manager, who arranges another rework', async () => {
    kernel.clock.set(bj('2026-09-16 09:00'));
    let c = await toInProgress({ serviceItem: 'airConditioner', description: '空调不制冷' }, { serviceItem: 'airConditioner', materialsSource: 'warehouse', materials: '制冷剂', materialsCost: '120.00' });
    expect(c.data).toMatchObject({ unitPrice: '80.00', amount: '200.00', checklist: catalog.airConditioner!.checklist });
    expect((c.data.checklist as string[]).some((s) => s.includes('0.49～0.54MPa') && s.includes('1.17～1.37MPa'))).toBe(true);
    const forged = await attempt('technician', c, 'reject', { rejectionReason: '制冷效果仍差', reworkCount: 99 });
    expect(forged.statusCode).toBe(400); // the count is the server's
    expect((forged.json() as ErrorBody).issues).toEqual([expect.objectContaining({ pointer: '/data/reworkCount', code: 'hidden-field' })]);
    c = await take('technician', c, 'reject', { rejectionReason: '制冷效果仍差' });
    expect(c.state).toBe('rework');
    expect(c.assigneeRole).toBe('technician');
    expect(c.data.reworkCount).toBe(1); // counted by the server
    let full = await get(c.id);
    expect(clock(full, 'rework')[0]).toMatchObject({ status: 'running', dueAt: bj('2026-09-18 09:00').toISOString() });
    c = await take('technician', c, 'reject', { rejectionReason: '返工后仍有异响' });
    expect(c.state).toBe('escalated');
    expect(c.assigneeRole).toBe('manager');
    expect(c.data.reworkCount).toBe(2);
    // only the manager decides now
    expect((await attempt('technician', c, 'arrangeRework', { managerInstruction: 'x' })).statusCode).toBe(403);
    c = await take('manager', c, 'arrangeRework', { managerInstruction: '改由工程部主管带队返工，费用不变' });
    expect(c.state).toBe('rework');
    c = await take('technician', c, 'complete', completion({ workDone: '更换风扇电机，试运转正常' }));
    expect(c.state).toBe('completed');
    full = await get(c.id);
    expect(full.data.amount).toBe('200.00');
    expect(full.followUps).toHaveLength(1);
  });

  it('an unsatisfied follow-up sends the order back for rectification, followed up again', async () => {
    kernel.clock.set(bj('2026-09-17 09:00'));
    let c = await toInProgress();
    c = await take('technician', c, 'complete', completion());
    const first = await get(c.id, 'assistant');
    const res = await kernel.call(tokens.assistant!, 'POST', `/api/follow-ups/${first.followUps[0]!.id}/complete`, {
      caseVersion: first.version, data: { method: 'phone', satisfied: true, satisfaction: 'unsatisfied', shortcomings: '仍有渗水', visitorNote: '电话回访，客户不满意' },
    });
    expect(res.statusCode, res.body).toBe(200);
    c = await get(c.id);
    expect(c.state).toBe('rectifying');
    expect(c.assigneeRole).toBe('technician');
    // the work is not completed (and charged) a second time: rectification has its own step
    expect(c.availableTransitions).toEqual(['finishRectification']);
    c = await take('technician', c, 'finishRectification', { rectificationDone: '重新缠生料带，试水无渗漏' });
    expect(c.state).toBe('completed');
    expect((await get(c.id)).followUps.map((f) => f.status)).toEqual(['done', 'due']);
  });
});

describe('serviceOrder: damage to the customer’s property', () => {
  it('is reported to the manager, who agrees the compensation; work resumes where it was', async () => {
    kernel.clock.set(bj('2026-09-18 09:00'));
    let c = await toInProgress({ serviceItem: 'gasStove', description: '灶具打不着火' }, { serviceItem: 'gasStove', materialsSource: 'none', materialsCost: '0' });
    expect(c.data.amount).toBe('40.00');
    c = await take('technician', c, 'reportDamage', { damageDescription: '拆装时碰碎台面玻璃一块', estimatedLoss: '300', damageReportedIn: 'rework' });
    expect(c.state).toBe('damageReported');
    expect(c.assigneeRole).toBe('manager');
    expect(c.data.damageReportedIn).toBe('inProgress'); // recorded by the server
    const byTechnician = await attempt('technician', c, 'settleDamage', { compensationAmount: '300', compensationAgreement: 'x', customerAcceptedCompensation: true });
    expect(byTechnician.statusCode).toBe(403);
    const notAccepted = await attempt('manager', c, 'settleDamage', { compensationAmount: '280.00', compensationAgreement: '按市价赔偿', customerAcceptedCompensation: false });
    expect(notAccepted.statusCode).toBe(400);
    expect((notAccepted.json() as ErrorBody).issues[0]!.pointer).toBe('/data/customerAcceptedCompensation');
    c = await take('manager', c, 'settleDamage', { compensationAmount: '280.00', compensationAgreement: '按市价赔偿台面玻璃，由管理处承担', customerAcceptedCompensation: true });
    expect(c.state).toBe('inProgress');
    expect(c.assigneeRole).toBe('technician');
    expect(c.data).toMatchObject({ compensationAmount: '280.00', amount: '40.00' });
    const html = (await kernel.call(tokens.manager!, 'GET', `/api/cases/serviceOrder/${c.id}/documents/workOrder`)).body;
    expect(html).toContain('拆装时碰碎台面玻璃一块');
    expect(html).toContain('¥280.00');
  });

  it('reported during rework, it returns to rework', async () => {
    let c = await toInProgress();
    c = await take('technician', c, 'reject', { rejectionReason: '仍滴水' });
    c = await take('technician', c, 'reportDamage', { damageDescription: '划伤橱柜门' });
    c = await take('manager', c, 'settleDamage', { compensationAmount: '50', compensationAgreement: '补漆', customerAcceptedCompensation: true });
    expect(c.state).toBe('rework');
  });
});

describe('serviceOrder: write-off and decline', () => {
  it('a cancelled order is written off at the desk with its reason; nothing is left running', async () => {
    kernel.clock.set(bj('2026-09-21 09:00'));
    let c = await take('assistant', await register(), 'accept', {});
    c = await take('technician', c, 'pickUp', { pickedUpAt: kernel.clock.now().toISOString() });
    expect((await attempt('technician', c, 'cancel', { cancelReason: 'customerCancelled', cancelNote: '客户取消' })).statusCode).toBe(403);
    c = await take('frontdesk', c, 'cancel', { cancelReason: 'customerCancelled', cancelNote: '客户临时外出，取消服务；工作单已交回前台核销' });
    expect(c.state).toBe('cancelled');
    const full = await get(c.id);
    expect(full.closedAt).not.toBeNull();
    expect(full.followUps).toEqual([]);
    expect(full.deadlines.every((d) => d.status === 'met')).toBe(true);
    expect(full.data.amount).toBeUndefined();
  });

  it('a need outside the catalog is declined with the reason explained', async () => {
    const c = await register({ serviceItem: 'airConditioner', description: '要求移机并加装新空调' });
    const noReason = await attempt('assistant', c, 'decline', { declineReason: 'outsideScope' });
    expect(noReason.statusCode).toBe(400);
    expect((noReason.json() as ErrorBody).issues.map((i) => i.pointer)).toEqual(['/data/declineExplanation']);
    const d = await take('assistant', c, 'decline', { declineReason: 'outsideScope', declineExplanation: '管理处暂不提供空调移机，已致歉并推荐厂家售后，开通后将公告通知' });
    expect(d.state).toBe('declined');
    const html = (await kernel.call(tokens.assistant!, 'GET', `/api/cases/serviceOrder/${c.id}/documents/workOrder`)).body;
    expect(html).toContain('超出管理处服务范围');
  });
});

describe('serviceOrder: refused input', () => {
  it('an item that is not in the catalog is refused at registration, naming the field', async () => {
    const res = await registerRaw({ serviceItem: 'windowCleaning' });
    expect(res.statusCode).toBe(400);
    const body = res.json() as ErrorBody;
    expect(body.issues).toEqual([expect.objectContaining({ pointer: '/data/serviceItem', code: 'enum' })]);
  });

  it('a price that is not a decimal string is refused, naming the field, and nothing is written', async () => {
    let c = await register();
    c = await take('assistant', c, 'accept', {});
    c = await take('technician', c, 'pickUp', { pickedUpAt: kernel.clock.now().toISOString() });
    for (const bad of [60, '60.005', '-5', '60元', '1e3']) {
      const res = await attempt('technician', c, 'confirmPrice', price({ materialsCost: bad }));
      expect(res.statusCode, `materialsCost ${JSON.stringify(bad)}`).toBe(400);
      expect((res.json() as ErrorBody).issues.map((i) => i.pointer)).toContain('/data/materialsCost');
    }
    const notAgreed = await attempt('technician', c, 'confirmPrice', price({ customerAgreed: false }));
    expect(notAgreed.statusCode).toBe(400);
    expect((notAgreed.json() as ErrorBody).issues[0]!.pointer).toBe('/data/customerAgreed');
    const unknownItem = await attempt('technician', c, 'confirmPrice', price({ serviceItem: 'carWash' }));
    expect(unknownItem.statusCode).toBe(400);
    expect((unknownItem.json() as ErrorBody).issues[0]!.pointer).toBe('/data/serviceItem');
    const after = await get(c.id);
    expect([after.state, after.version, after.data.amount]).toEqual(['pickedUp', c.version, undefined]);
  });

  it('roles: the front desk cannot confirm a price, a technician cannot accept, another project’s desk cannot see the order', async () => {
    const c = await register();
    const byTechnician = await attempt('technician', c, 'accept', {});
    expect(byTechnician.statusCode).toBe(403);
    expect((byTechnician.json() as ErrorBody).code).toBe('WUYE_FORBIDDEN');
    const accepted = await take('assistant', c, 'accept', {});
    const picked = await take('technician', accepted, 'pickUp', { pickedUpAt: kernel.clock.now().toISOString() });
    expect((await attempt('frontdesk', picked, 'confirmPrice', price())).statusCode).toBe(403);
    expect((await kernel.call(tokens['frontdesk-jr']!, 'GET', `/api/cases/serviceOrder/${c.id}`)).statusCode).toBe(404);
  });

  it('an order without the unit cannot be accepted: its charge goes on the unit’s monthly notice', async () => {
    const res = await registerRaw({}, {});
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json() as CaseBody;
    const refused = await attempt('assistant', c, 'accept', {});
    expect(refused.statusCode).toBe(422);
    expect((refused.json() as ErrorBody).message).toContain('栋房号');
    expect((await get(c.id)).state).toBe('registered');
  });

  it('the printed work order escapes what customers and staff typed', async () => {
    const c = await register({ customerName: '<img src=x onerror=alert(1)>', description: '<script>alert("x")</script> 换灯管' });
    const html = (await kernel.call(tokens.assistant!, 'GET', `/api/cases/serviceOrder/${c.id}/documents/workOrder`)).body;
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; 换灯管');
  });
});

describe('serviceOrder: the catalog is a company setting, patched one item at a time', () => {
  it('a new price for one item and a withdrawn item apply to orders opened after activation; open orders keep theirs', async () => {
    kernel.clock.set(bj('2026-09-22 09:00'));
    const before = await take('assistant', await register(), 'accept', {});
    const beforeStove = await take('assistant', await register({ serviceItem: 'gasStove' }), 'accept', {});

    const proposed = await kernel.call(tokens.admin!, 'POST', '/api/config/versions', {
      reason: '水龙头维修调价；暂停煤气灶维修',
      patch: { plugins: { 'paid-services': { config: { catalog: { tapValve: { price: '28.00' }, gasStove: { active: false } } } } } },
    });
    expect(proposed.statusCode, proposed.body).toBe(201);
    const number = (proposed.json() as { number: number }).number;
    const activated = await kernel.call(tokens.admin!, 'POST', `/api/config/versions/${number}/activate`, {});
    expect(activated.statusCode, activated.body).toBe(200);

    // a price that is not a decimal string is refused in the setting too
    const badPrice = await kernel.call(tokens.admin!, 'POST', '/api/config/versions', {
      reason: '错误价格', patch: { plugins: { 'paid-services': { config: { catalog: { tapValve: { price: '28元' } } } } } },
    });
    expect(badPrice.statusCode).toBe(400);
    expect(JSON.stringify(badPrice.json())).toContain('tapValve');

    const after = await toInProgress();
    expect(after.data).toMatchObject({ unitPrice: '28.00', amount: '88.00', checklist: catalog.tapValve!.checklist }); // the rest of the item is unchanged

    const old = await take('technician', await take('technician', before, 'pickUp', { pickedUpAt: kernel.clock.now().toISOString() }), 'confirmPrice', price());
    expect(old.data.amount).toBe('85.00'); // opened under the old price list

    // opened before the change, the withdrawn item is still served at the old price
    const oldStove = await take('technician', await take('technician', beforeStove, 'pickUp', { pickedUpAt: kernel.clock.now().toISOString() }), 'confirmPrice', price({ serviceItem: 'gasStove', materialsCost: '0' }));
    expect(oldStove.data.amount).toBe('40.00');
    // a new one cannot even be registered: the withdrawn item is no longer an option of the form
    const refusedNew = await registerRaw({ serviceItem: 'gasStove' });
    expect(refusedNew.statusCode).toBe(400);
    expect((refusedNew.json() as ErrorBody).issues.map((i) => i.pointer)).toContain('/data/serviceItem');
    // the options the staff app receives follow the settings in force
    const types = (await kernel.call(tokens.frontdesk!, 'GET', '/api/case-types')).json() as { items: { caseType: string; form: { schema: { properties: Record<string, { enum?: string[] }> } } }[] };
    const offered = types.items.find((t) => t.caseType === 'serviceOrder')!.form.schema.properties.serviceItem!.enum!;
    expect(offered).toContain('tapValve');
    expect(offered).not.toContain('gasStove');
    // the technician and the customer pick another item from the list instead
    let stove = await take('assistant', await register({ serviceItem: 'gasWaterHeater' }), 'accept', {});
    stove = await take('technician', stove, 'pickUp', { pickedUpAt: kernel.clock.now().toISOString() });
    const switched = await take('technician', stove, 'confirmPrice', price({ serviceItem: 'gasWaterHeater', materialsCost: '0' }));
    expect(switched.data).toMatchObject({ serviceItem: 'gasWaterHeater', unitPrice: '60.00', amount: '60.00', priceUnit: '台' });
  });
});

describe('paid-services: the examples in examples/ are valid requests', () => {
  const example = (name: string) => JSON.parse(readFileSync(new URL(`./examples/${name}`, import.meta.url), 'utf8')) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

  it('create, confirm the price (with the documented result) and complete a service order', async () => {
    kernel.clock.set(bj('2026-09-14 13:00'));
    const create = example('create-service-order.json');
    const res = await kernel.call(tokens.frontdesk!, 'POST', '/api/cases/serviceOrder', { ...create, projectId: project(), unitId: unit101(), personId: owner() });
    expect(res.statusCode, res.body).toBe(201);
    let c = await take('assistant', res.json() as CaseBody, 'accept', {});
    c = await take('technician', c, 'pickUp', { pickedUpAt: kernel.clock.now().toISOString() });
    const confirm = example('confirm-price.json');
    c = await take('technician', c, confirm.transition, confirm.data);
    expect(c.data).toMatchObject(confirm.result);
    const complete = example('complete-with-signature.json');
    c = await take('technician', c, complete.transition, complete.data);
    expect(c.state).toBe('completed');
  });

  it('the repair requests register, and the catalog patch is a valid configuration change', async () => {
    const inHome = example('create-repair-in-home.json');
    const a = await kernel.call(tokens.frontdesk!, 'POST', '/api/cases/repair', { ...inHome, projectId: project(), unitId: reg.units.get('CH/1/102')!.id, personId: reg.people.get('王芳')!.id });
    expect(a.statusCode, a.body).toBe(201);
    expect((a.json() as CaseBody).data.charge).toBe('paid');
    const common = example('create-repair-common-area.json');
    const b = await kernel.call(tokens.frontdesk!, 'POST', '/api/cases/repair', { ...common, projectId: project() });
    expect(b.statusCode, b.body).toBe(201);
    expect((b.json() as CaseBody).data.charge).toBe('free');
    const check = await kernel.call(tokens.admin!, 'POST', '/api/config/check', { patch: example('catalog-patch.json').patch });
    expect(check.statusCode, check.body).toBe(200);
    expect(check.json()).toMatchObject({ valid: true, issues: [] });
  });
});
