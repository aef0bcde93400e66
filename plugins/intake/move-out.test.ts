/**
 * Move-out (迁出) over HTTP: keys and cards checked against the move-in's register, the inspection
 * with readings and priced damage, settlement refused while keys are missing or the unit owes money
 * (named in the refusal), then paid at the cashier and settled, the damage charged through billing,
 * the goods release pass printed, security releases, the unit becomes vacant and enters the vacant
 * register.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIGNATURE, answer, bj, intakeWorld, type CaseBody, type ErrorBody, type World } from './test-support/world.js';

let w: World;
const UNIT = 'CH/2/201'; // 76.80 m², owner 黄强

beforeAll(async () => { w = await intakeWorld(bj('2026-10-15 10:00')); });
afterAll(async () => w?.kernel.close());

const take = (as: string, c: CaseBody, t: string, data?: Record<string, unknown>) => w.take('moveOut', as, c, t, data);
const attempt = (as: string, c: CaseBody, t: string, data?: Record<string, unknown>) => w.attempt('moveOut', as, c, t, data);
const application = { applicantKind: 'owner', applicantName: '黄强', contactPhone: '13800000021', plannedMoveOutDate: '2026-11-20', newContactPhone: '13800000022', newAddress: '深圳市南山区科技园1号' };

async function movedIn(): Promise<CaseBody> {
  let c = await w.create('moveIn', UNIT, { purchaserKind: 'owner', ownerName: '黄强', contactPhone: '13800000021', moveInNotice: await w.upload('frontdesk'), purchaseContract: await w.upload('frontdesk'), ownerIdCopy: await w.upload('frontdesk') });
  c = await w.take('moveIn', 'frontdesk', c, 'register', {
    householdMembers: [{ name: '黄强', relation: 'owner' }], emergencyContact: { name: '黄父', phone: '13800000023', relation: '父亲' },
    preliminaryContractSigned: true, covenantSigned: true, fireSafetyPledgeSigned: true, registrationSignature: SIGNATURE,
  });
  c = await w.take('moveIn', 'cashier', c, 'chargeFees', { paymentMethod: 'cash' }); // the move-in fees are paid at the counter
  return w.take('moveIn', 'frontdesk', c, 'handOverKeys', {
    keyRegister: [{ item: 'unitKey', count: 2 }, { item: 'accessCard', count: 2 }, { item: 'handbook', count: 1 }], handedOverAt: w.now(), keysSignature: SIGNATURE,
  });
}

describe('move-out refused while keys are missing or the unit owes money, then settled', () => {
  let c: CaseBody;

  it('bills the unit: the November management fee falls due (the move-in fees were paid at the counter)', async () => {
    await movedIn();
    const run = await w.kernel.call(w.tokens.finance!, 'POST', '/api/billing/runs', { periodKey: '2026-11', projectId: w.project() });
    expect(run.statusCode, run.body).toBeLessThan(300);
    w.kernel.clock.set(bj('2026-11-18 10:00')); // past the bill's last day to pay
  });

  it('returns keys, inspects with readings and priced damage', async () => {
    c = await w.create('moveOut', UNIT, application);
    expect(c.serial).toMatch(/^QC-2026-\d{6}$/);
    c = await take('frontdesk', c, 'returnKeys', { returnedItems: [{ item: 'unitKey', count: 2 }, { item: 'accessCard', count: 1 }], returnedAt: w.now() });
    expect([c.state, c.assigneeRole]).toEqual(['keysReturned', 'engineering']);
    const badReading = await attempt('engineering', c, 'inspect', {
      inspectedAt: w.now(), inspectors: '工程部王工、安护部赵队', inspectionItems: await answer(w, 'moveOut'), waterReading: '-1', electricityReading: '900', powerAndAcOff: true, renovation: 'restored',
    });
    expect(badReading.statusCode).toBe(400);
    expect((badReading.json() as ErrorBody).issues.map((i) => i.pointer)).toEqual(['/data/waterReading']);
    c = await take('engineering', c, 'inspect', {
      inspectedAt: w.now(), inspectors: '工程部王工、安护部赵队', inspectionItems: await answer(w, 'moveOut', { walls: '客厅墙面钉孔多处' }),
      waterReading: '88.5', electricityReading: '930', powerAndAcOff: true, fireFacilitiesOk: true, renovation: 'restored',
      damages: [{ location: '客厅', description: '墙面钉孔多处需修补', amount: '150.00' }, { location: '厨房', description: '橱柜门铰链损坏', amount: '50.5' }],
    });
    expect([c.state, c.assigneeRole, c.data.damageTotal]).toEqual(['inspected', 'finance', '200.50']);
    const readings = (await w.kernel.call(w.tokens.finance!, 'GET', `/api/billing/units/${w.unit(UNIT)}/meter-readings`)).json() as { items: { meter: string; reading: string }[] };
    expect(readings.items.map((r) => `${r.meter}:${r.reading}`).sort()).toEqual(['electricity:930', 'water:88.5']);
  });

  it('settlement is refused naming the keys and cards not returned', async () => {
    expect((await attempt('frontdesk', c, 'settle', { settledAt: w.now() })).statusCode).toBe(403);
    const refused = await attempt('finance', c, 'settle', { settledAt: w.now() });
    expect(refused.statusCode).toBe(422);
    const body = refused.json() as ErrorBody;
    expect(body.issues).toEqual([expect.objectContaining({ pointer: '/data/returnedItems', code: 'keys-not-returned' })]);
    expect(body.message).toContain('门禁卡 1（领用 2，已交回 1）');
    expect(body.message).not.toContain('房屋钥匙');
    expect(body.message).not.toContain('住户手册'); // the handbook stays with the owner
    expect((await w.get('moveOut', c.id)).state).toBe('inspected');
  });

  it('then refused naming what the unit owes, until the cashier is paid', async () => {
    c = await take('frontdesk', c, 'updateReturnedKeys', { returnedItems: [{ item: 'unitKey', count: 2 }, { item: 'accessCard', count: 2 }], returnedAt: w.now() });
    expect(c.state).toBe('inspected');
    const refused = await attempt('finance', c, 'settle', { settledAt: w.now() });
    expect(refused.statusCode).toBe(422);
    const message = (refused.json() as ErrorBody).message;
    expect(message).toMatch(/该单元欠费 ¥[\d.]+（2026-11 ¥[\d.]+）/);
    const owed = /欠费 ¥([\d.]+)/.exec(message)![1]!;
    // 76.80 m² × 2.50 = 192.00 management fee, with the late fee accrued since (the move-in fees were paid when taken)
    expect(Number(owed)).toBeGreaterThanOrEqual(192);
    expect(Number(owed)).toBeLessThan(272);
    const pay = async (amount: string) => {
      const paid = await w.kernel.call(w.tokens.cashier!, 'POST', '/api/billing/payments', { unitId: w.unit(UNIT), amount, method: 'cash' });
      expect(paid.statusCode, paid.body).toBe(201);
    };
    // the amount named includes the late fee accrued to today: one payment of it settles everything
    await pay(owed);
    c = await take('finance', c, 'settle', { settledAt: w.now(), depositNote: '无押金' });
    expect([c.state, c.assigneeRole]).toEqual(['settled', 'frontDesk']);
    const account = (await w.kernel.call(w.tokens.cashier!, 'GET', `/api/billing/units/${w.unit(UNIT)}/account`)).json() as { pendingCharges: unknown[] };
    expect(account.pendingCharges).toEqual([expect.objectContaining({ amount: '200.50', sourceRef: c.serial, description: `迁出损坏赔偿 ${c.serial}` })]);
  });

  it('issues the goods release pass; security releases; the unit becomes vacant and enters the vacant register', async () => {
    c = await take('frontdesk', c, 'issuePass', { passItems: [{ description: '沙发', quantity: 1 }, { description: '纸箱', quantity: 12 }], vehiclePlate: '粤B88888', moveOutAt: '2026-11-20T09:00:00+08:00', passSignature: SIGNATURE });
    expect([c.state, c.assigneeRole]).toEqual(['passIssued', 'security']);
    const pass = await w.kernel.call(w.tokens.security!, 'GET', `/api/cases/moveOut/${c.id}/documents/pass`);
    expect(pass.statusCode).toBe(200);
    for (const text of ['物品放行单', c.serial, '沙发', '纸箱', '12', '粤B88888', '黄强']) expect(pass.body).toContain(text);
    expect((await attempt('frontdesk', c, 'confirmMoveOut', { releasedAt: w.now(), goodsChecked: true, departmentsNotified: ['engineering'] })).statusCode).toBe(403);
    c = await take('security', c, 'confirmMoveOut', { releasedAt: w.now(), goodsChecked: true, departmentsNotified: ['engineering', 'finance', 'security'] });
    expect(c.state).toBe('movedOut');
    const unit = (await w.kernel.call(w.tokens.frontdesk!, 'GET', `/api/units/${w.unit(UNIT)}`)).json() as { status: string };
    expect(unit.status).toBe('vacant');
    const vacant = (await w.kernel.call(w.tokens.concierge!, 'GET', '/api/cases/vacantUnit')).json() as { items: { id: number }[] };
    expect(vacant.items).toHaveLength(1);
    const register = await w.get('vacantUnit', vacant.items[0]!.id);
    expect(register).toMatchObject({ unitId: w.unit(UNIT), state: 'monitoring', data: { source: 'moveOut', vacantSince: '2026-11-18', previousCase: c.serial, keyLocation: '客服中心钥匙柜' } });
  });
});

describe('move-out preconditions', () => {
  it('without a move-in on record the application’s list is the register; an unrestored renovation is refused', async () => {
    let c = await w.create('moveOut', 'CH/1/101', { ...application, applicantName: '张伟', keysIssued: [{ item: 'unitKey', count: 3 }, { item: 'parkingCard', count: 1 }] });
    c = await take('frontdesk', c, 'returnKeys', { returnedItems: [{ item: 'unitKey', count: 3 }], returnedAt: w.now() });
    c = await take('security', c, 'inspect', { inspectedAt: w.now(), inspectors: '安护部赵队', inspectionItems: await answer(w, 'moveOut'), waterReading: '10', electricityReading: '20', powerAndAcOff: true, renovation: 'notRestored' });
    const unrestored = await attempt('finance', c, 'settle', { settledAt: w.now() });
    expect(unrestored.statusCode).toBe(422);
    expect((unrestored.json() as ErrorBody).issues[0]).toMatchObject({ pointer: '/data/renovation' });
    expect((await attempt('engineering', c, 'cancel', { cancelNote: '业主暂缓迁出' })).statusCode).toBe(403);
    const withdrawn = await take('frontdesk', c, 'cancel', { cancelNote: '业主暂缓迁出' });
    expect(withdrawn.state).toBe('cancelled');
  });

  it('keys are checked before arrears: a missing parking card is named', async () => {
    let c = await w.create('moveOut', 'CH/1/102', { ...application, applicantName: '王芳', keysIssued: [{ item: 'unitKey', count: 2 }, { item: 'parkingCard', count: 1 }] });
    c = await take('frontdesk', c, 'returnKeys', { returnedItems: [{ item: 'unitKey', count: 2 }], returnedAt: w.now() });
    c = await take('engineering', c, 'inspect', { inspectedAt: w.now(), inspectors: '工程部王工', inspectionItems: await answer(w, 'moveOut'), waterReading: '10', electricityReading: '20', powerAndAcOff: true, renovation: 'keptByAgreement' });
    const refused = await attempt('cashier', c, 'settle', { settledAt: w.now() });
    expect((refused.json() as ErrorBody).message).toContain('停车卡 1（领用 1，已交回 0）');
  });
});
