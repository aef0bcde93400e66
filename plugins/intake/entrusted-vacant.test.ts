/**
 * Entrusted houses (房屋托管) and vacant units (空置房) over HTTP: the agreement with starting
 * readings makes the unit entrusted (billing then charges 70%), weekly outdoor checks are due on a
 * clock, a heavy-rain forecast starts the before/after checks, consumption over the limits raises
 * an alert for the supervisor; a vacant unit is inspected at least twice a month (a clock the
 * overdue job escalates), defects go to written rectification.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIGNATURE, answer, bj, intakeWorld, type CaseBody, type ErrorBody, type World } from './test-support/world.js';

let w: World;

beforeAll(async () => { w = await intakeWorld(bj('2026-11-02 09:00')); });
afterAll(async () => w?.kernel.close());

const clock = (c: CaseBody, key: string) => c.deadlines.filter((d) => d.key === key);
const running = (c: CaseBody) => c.deadlines.filter((d) => d.status === 'running').map((d) => d.key).sort();

describe('entrusted house', () => {
  const UNIT = 'CH/1/202'; // 89.50 m²
  let c: CaseBody;
  const check = (as: string, data: Record<string, unknown>) => w.take('entrustment', as, c, 'recordCheck', { checkedAt: w.now(), outdoorResult: 'ok', ...data });

  it('signs the agreement with the starting readings: the unit is entrusted and billed at 70%', async () => {
    c = await w.create('entrustment', UNIT, { ownerName: '刘洋', contactPhone: '13800000031', startDate: '2026-11-02', endDate: '2027-04-30', keysDeposited: 2 });
    expect(c.serial).toMatch(/^TG-2026-\d{6}$/);
    const malformed = await w.attempt('entrustment', 'frontdesk', c, 'start', { agreementSigned: true, entrustSignature: SIGNATURE, startWaterReading: '100.5', startElectricityReading: 'abc' });
    expect(malformed.statusCode).toBe(400);
    expect((malformed.json() as ErrorBody).issues.map((i) => i.pointer)).toEqual(['/data/startElectricityReading']);
    c = await w.take('entrustment', 'frontdesk', c, 'start', { agreementSigned: true, entrustSignature: SIGNATURE, startWaterReading: '100.5', startElectricityReading: '2000' });
    expect([c.state, c.assigneeRole]).toEqual(['monitoring', 'buildingConcierge']);
    expect(c.data).toMatchObject({ waterLimit: '5', electricityLimit: '20', feeFactor: '0.7', lastWaterReading: '100.5' });
    expect(((await w.kernel.call(w.tokens.frontdesk!, 'GET', `/api/units/${w.unit(UNIT)}`)).json() as { status: string }).status).toBe('entrusted');
    const readings = (await w.kernel.call(w.tokens.finance!, 'GET', `/api/billing/units/${w.unit(UNIT)}/meter-readings`)).json() as { items: { meter: string; reading: string }[] };
    expect(readings.items.map((r) => `${r.meter}:${r.reading}`).sort()).toEqual(['electricity:2000', 'water:100.5']);
    const run = await w.kernel.call(w.tokens.finance!, 'POST', '/api/billing/runs', { periodKey: '2026-12', projectId: w.project() });
    expect(run.statusCode, run.body).toBeLessThan(300);
    const account = (await w.kernel.call(w.tokens.cashier!, 'GET', `/api/billing/units/${w.unit(UNIT)}/account`)).json() as { openBills: { periodKey: string; principal: string }[] };
    // 89.50 m² × 2.50 × 0.7 = 156.625 → 156.63
    expect(account.openBills).toEqual([expect.objectContaining({ periodKey: '2026-12', principal: '156.63' })]);
    const agreement = await w.kernel.call(w.tokens.frontdesk!, 'GET', `/api/cases/entrustment/${c.id}/documents/agreement`);
    for (const text of ['托管协议', c.serial, '刘洋', '100.5', '不超过 5 m³', '不超过 20 kWh', '0.7']) expect(agreement.body).toContain(text);
  });

  it('a weekly outdoor check is due 7 days on; the overdue job escalates it; a check restarts it', async () => {
    c = await w.get('entrustment', c.id);
    expect(clock(c, 'weeklyCheck')).toEqual([expect.objectContaining({ status: 'running', dueAt: bj('2026-11-09 09:00').toISOString() })]);
    w.kernel.clock.set(bj('2026-11-09 10:00'));
    await w.kernel.runJobs();
    c = await w.get('entrustment', c.id);
    expect(clock(c, 'weeklyCheck')[0]).toMatchObject({ status: 'overdue', escalatedToRole: 'supervisor' });
    c = await check('concierge', { checkKind: 'weekly', waterReading: '102', electricityReading: '2008' });
    expect(c.state).toBe('monitoring');
    expect(c.data).toMatchObject({ waterUsed: '1.50', electricityUsed: '8.00', lastWaterReading: '102' });
    c = await w.get('entrustment', c.id);
    expect(clock(c, 'weeklyCheck').map((d) => d.status)).toEqual(['overdue', 'running']); // the late one stays marked overdue
    expect(clock(c, 'weeklyCheck')[1]!.dueAt).toBe(bj('2026-11-16 10:00').toISOString());
  });

  it('a heavy-rain forecast starts the check before the rain, then the one after', async () => {
    c = await w.take('entrustment', 'security', c, 'heavyRainForecast', { forecastAt: '2026-11-10T14:00:00+08:00', forecastNote: '气象台暴雨黄色预警' });
    expect([c.state, c.assigneeRole]).toEqual(['rainCheckBefore', 'buildingConcierge']);
    c = await w.get('entrustment', c.id);
    expect(clock(c, 'beforeRain')[0]).toMatchObject({ status: 'running', dueAt: bj('2026-11-09 16:00').toISOString() });
    expect(running(c)).toEqual(['beforeRain']);
    c = await check('concierge', { checkKind: 'beforeRain' });
    expect(c.state).toBe('rainCheckAfter');
    c = await w.get('entrustment', c.id);
    expect(running(c)).toEqual(['afterRain']);
  });

  it('consumption over the limits raises an alert for the supervisor', async () => {
    w.kernel.clock.set(bj('2026-11-11 09:00'));
    const malformed = await w.attempt('entrustment', 'concierge', c, 'recordCheck', { checkKind: 'afterRain', checkedAt: w.now(), outdoorResult: 'ok', waterReading: '1o6' });
    expect((malformed.json() as ErrorBody).issues.map((i) => i.pointer)).toEqual(['/data/waterReading']);
    const lower = await w.attempt('entrustment', 'concierge', c, 'recordCheck', { checkKind: 'afterRain', checkedAt: w.now(), outdoorResult: 'ok', waterReading: '99' });
    expect(lower.statusCode).toBe(422);
    expect((lower.json() as ErrorBody).issues[0]).toMatchObject({ pointer: '/data/waterReading', code: 'lower-than-previous' });
    c = await check('concierge', { checkKind: 'afterRain', outdoorResult: 'problem', problemNote: '阳台地漏积水，已疏通并电话告知业主', waterReading: '106', electricityReading: '2012' });
    expect([c.state, c.assigneeRole]).toEqual(['alert', 'supervisor']);
    expect(c.data).toMatchObject({ waterUsed: '5.50', electricityUsed: '12.00' }); // 106 − 100.5 > 5 m³
    expect(running(await w.get('entrustment', c.id))).toEqual(['alert']);
    expect((await w.attempt('entrustment', 'concierge', c, 'handleAlert', { cause: 'x', actionTaken: 'y', ownerNotified: true })).statusCode).toBe(403);
    c = await w.take('entrustment', 'supervisor', c, 'handleAlert', { cause: '卫生间水龙头未关紧', actionTaken: '关闭总阀', ownerNotified: true });
    expect(c.state).toBe('monitoring');
  });

  it('ends with the final readings; the unit is vacant again', async () => {
    c = await w.take('entrustment', 'frontdesk', c, 'end', { endedAt: '2026-11-11', endWaterReading: '106.2', endElectricityReading: '2013', keysReturnedToOwner: true, unitStatusAfter: 'vacant' });
    expect(c.state).toBe('ended');
    expect(((await w.kernel.call(w.tokens.frontdesk!, 'GET', `/api/units/${w.unit(UNIT)}`)).json() as { status: string }).status).toBe('vacant');
  });
});

describe('vacant unit', () => {
  const UNIT = 'CH/2/302';
  let c: CaseBody;

  it('is registered with an inspection due within half a month, escalated when missed', async () => {
    w.kernel.clock.set(bj('2026-11-12 09:00'));
    c = await w.create('vacantUnit', UNIT, { source: 'newHandover', vacantSince: '2026-10-01', keyLocation: '客服中心钥匙柜 B-12' }, 'concierge');
    expect(c.serial).toMatch(/^KZ-2026-\d{6}$/);
    expect([c.state, c.assigneeRole]).toEqual(['monitoring', 'buildingConcierge']);
    expect(clock(await w.get('vacantUnit', c.id), 'inspection')).toEqual([expect.objectContaining({ status: 'running', dueAt: bj('2026-11-27 09:00').toISOString() })]);
    w.kernel.clock.set(bj('2026-11-28 09:00'));
    await w.kernel.runJobs();
    c = await w.get('vacantUnit', c.id);
    expect(clock(c, 'inspection')[0]).toMatchObject({ status: 'overdue', escalatedToRole: 'supervisor' });
  });

  it('an inspection with defects goes to rectification with a written notice; the next one is due in 15 days', async () => {
    const incomplete = await w.attempt('vacantUnit', 'concierge', c, 'inspect', { inspectedAt: w.now(), inspectors: '李娜', inspectionItems: [{ item: 'entranceDoor', result: 'ok' }] });
    expect(incomplete.statusCode).toBe(422);
    expect((incomplete.json() as ErrorBody).message).toContain('有无私自占用');
    const items = await answer(w, 'vacant', { ceilingFloorLeaks: '卫生间天花渗水' });
    const noNotice = await w.attempt('vacantUnit', 'concierge', c, 'inspect', { inspectedAt: w.now(), inspectors: '李娜', inspectionItems: items });
    expect((noNotice.json() as ErrorBody).issues.map((i) => i.pointer).sort()).toEqual(['/data/noticeTo', '/data/rectifyBy']);
    c = await w.take('vacantUnit', 'concierge', c, 'inspect', { inspectedAt: w.now(), inspectors: '李娜', inspectionItems: items, noticeTo: 'engineering', rectifyBy: '2026-12-02' });
    expect([c.state, c.assigneeRole]).toEqual(['rectifying', 'engineering']);
    const full = await w.get('vacantUnit', c.id);
    expect(clock(full, 'inspection').map((d) => [d.status, d.dueAt])).toEqual([['overdue', bj('2026-11-27 09:00').toISOString()], ['running', bj('2026-12-13 09:00').toISOString()]]);
    expect(clock(full, 'rectify')[0]).toMatchObject({ status: 'running', dueAt: bj('2026-12-05 09:00').toISOString() });
    const notice = await w.kernel.call(w.tokens.engineering!, 'GET', `/api/cases/vacantUnit/${c.id}/documents/rectificationNotice`);
    for (const text of ['整改通知书', '卫生间天花渗水', '工程部', '2026-12-02']) expect(notice.body).toContain(text);
    expect(notice.body).not.toContain('可视对讲'); // only the defects
  });

  it('rectified, then inspected again within the month: the patrol sheet lists both inspections', async () => {
    w.kernel.clock.set(bj('2026-11-30 15:00'));
    c = await w.take('vacantUnit', 'engineering', c, 'rectified', { rectifiedAt: w.now(), rectificationDone: '更换楼上排水管接头，天花已修补', verifiedBy: '李娜' });
    expect(c.state).toBe('monitoring');
    w.kernel.clock.set(bj('2026-12-10 10:00'));
    c = await w.take('vacantUnit', 'concierge', c, 'inspect', { inspectedAt: w.now(), inspectors: '李娜', inspectionItems: await answer(w, 'vacant') });
    expect(c.state).toBe('monitoring');
    const sheet = await w.kernel.call(w.tokens.concierge!, 'GET', `/api/cases/vacantUnit/${c.id}/documents/patrolSheet`);
    expect(sheet.body).toContain('空置房巡查表');
    expect(sheet.body).toContain('2026-11-28 09:00');
    expect(sheet.body).toContain('2026-12-10 10:00');
    expect(sheet.body).toContain('卫生间天花渗水');
    expect((await w.attempt('vacantUnit', 'technician', c, 'close', { closeReason: 'movedIn' })).statusCode).toBe(403);
    c = await w.take('vacantUnit', 'frontdesk', c, 'close', { closeReason: 'movedIn' });
    expect(c.state).toBe('closed');
  });
});
