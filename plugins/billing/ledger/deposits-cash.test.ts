/**
 * Deposits through their whole life (received, deducted with reason, topped up, refund requested,
 * approved by someone else) and the cashier's day: takings by method in the company's time zone,
 * the closing with its difference, one closing a day.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { balance, expectIssue, ledgerWorld, snapshot, type LedgerWorld } from './test-support/ledger-world.js';

let w: LedgerWorld;
let unit: number;

interface DepositAnswer { deposit: { id: number; held: string; status: string; version: number; refundRequestedBy: number | null; refundApprovedBy: number | null } }

beforeAll(async () => {
  w = await ledgerWorld('2026-11-25T02:00:00Z');
  unit = w.unit('CH/1/201');
});

afterAll(async () => {
  await w?.kernel.close();
});

const deposit = async (username: string, path: string, body: unknown) => w.call(username, 'POST', `/api/billing/deposits${path}`, body);

describe('deposits', () => {
  let id: number;

  it('receives, deducts with a reason, tops up, and is refunded after approval by another person', async () => {
    const received = await deposit('cashier', '', { unitId: unit, purpose: 'renovation', amount: '2000.00', method: 'cash', note: '装修押金' });
    expect(received.statusCode, received.body).toBe(201);
    id = (received.json() as DepositAnswer).deposit.id;
    expect((received.json() as DepositAnswer).deposit).toMatchObject({ held: '2000.00', status: 'held', version: 1 });

    const deducted = await deposit('finance', `/${id}/deductions`, { amount: '300.00', reason: '损坏公共设施：楼道墙面', version: 1 });
    expect(deducted.statusCode, deducted.body).toBe(201);
    expect((deducted.json() as DepositAnswer).deposit).toMatchObject({ held: '1700.00', version: 2 });

    const topped = await deposit('cashier', `/${id}/top-ups`, { amount: '500.00', method: 'transfer', version: 2 });
    expect(topped.statusCode, topped.body).toBe(201);
    expect((topped.json() as DepositAnswer).deposit).toMatchObject({ held: '2200.00', version: 3 });

    const requested = await deposit('cashier', `/${id}/refund-requests`, { reason: '装修完工验收合格', version: 3 });
    expect(requested.statusCode, requested.body).toBe(201);
    expect((requested.json() as DepositAnswer).deposit).toMatchObject({ status: 'refundRequested', version: 4 });

    // a cashier may not approve refunds at all
    const before = await snapshot(w);
    expect((await deposit('cashier', `/${id}/refund-decisions`, { approve: true, version: 4 })).statusCode).toBe(403);
    expect(await snapshot(w)).toEqual(before);

    const approved = await deposit('manager', `/${id}/refund-decisions`, { approve: true, note: '同意退还', version: 4 });
    expect(approved.statusCode, approved.body).toBe(201);
    expect((approved.json() as DepositAnswer).deposit).toMatchObject({ held: '0.00', status: 'refunded', version: 5 });
    expect((approved.json() as DepositAnswer).deposit.refundApprovedBy).toBe(w.registry.staff.get('manager')!.id);

    expect(await balance(w, unit, 'deposit')).toBe(0);
    const kinds = await w.knex()('billing_ledger_entry').where({ deposit_id: id }).orderBy('id').select('kind', 'amount_fen');
    expect(kinds.map((k: { kind: string; amount_fen: unknown }) => [k.kind, Number(k.amount_fen)])).toEqual([
      ['depositReceived', 200000], ['depositDeducted', -30000], ['depositReceived', 50000], ['depositRefunded', -220000],
    ]);
  });

  it('refuses self-approval, deducting more than held, stale versions and changes after the refund — writing nothing', async () => {
    const received = await deposit('finance', '', { unitId: unit, purpose: 'keys', amount: '100.00', method: 'cash' });
    expect(received.statusCode, received.body).toBe(201);
    const other = (received.json() as DepositAnswer).deposit.id;
    const before = await snapshot(w);
    expectIssue(await deposit('finance', `/${other}/deductions`, { amount: '100.01', reason: '超额', version: 1 }), 422, '/amount');
    expectIssue(await deposit('finance', `/${other}/deductions`, { amount: '-1.00', reason: '负数', version: 1 }), 400, '/amount');
    expectIssue(await deposit('finance', `/${other}/deductions`, { amount: '0', reason: '零', version: 1 }), 400, '/amount');
    expectIssue(await deposit('finance', `/${other}/deductions`, { amount: '10.00', reason: '过期版本', version: 7 }), 409, '/version');
    expect((await deposit('cashier', `/${other}/deductions`, { amount: '10.00', reason: '收费员无权扣除', version: 1 })).statusCode).toBe(403);
    expectIssue(await deposit('cashier', `/${id}/top-ups`, { amount: '10.00', method: 'cash', version: 5 }), 422, '/amount');
    expect((await deposit('cashier', '/999999/top-ups', { amount: '10.00', method: 'cash', version: 1 })).statusCode).toBe(404);
    expect(await snapshot(w)).toEqual(before);

    const requested = await deposit('finance', `/${other}/refund-requests`, { reason: '退还钥匙', version: 1 });
    expect(requested.statusCode, requested.body).toBe(201);
    const self = await deposit('finance', `/${other}/refund-decisions`, { approve: true, version: 2 });
    expect(self.statusCode, self.body).toBe(403);
    expect((self.json() as { message: string }).message).toContain('someone other than');
    const rejected = await deposit('director', `/${other}/refund-decisions`, { approve: false, note: '钥匙未归还', version: 2 });
    expect(rejected.statusCode, rejected.body).toBe(201);
    expect((rejected.json() as DepositAnswer).deposit).toMatchObject({ status: 'held', held: '100.00', version: 3 });

    const list = await w.call('cashier', 'GET', `/api/billing/deposits?unitId=${unit}&status=held`);
    expect((list.json() as { items: { id: number }[] }).items.map((d) => d.id)).toEqual([other]);
  });
});

describe('daily cash balancing', () => {
  const pay = async (at: string, amount: string, method: string) => {
    w.kernel.clock.set(at);
    const res = await w.call('cashier', 'POST', '/api/billing/payments', { unitId: unit, amount, method });
    expect(res.statusCode, res.body).toBe(201);
  };

  it('totals a cashier’s business day by method in the company’s time zone', async () => {
    await pay('2026-11-25T16:30:00Z', '100.00', 'cash'); // 00:30 on 26 Nov in Shanghai
    await pay('2026-11-26T03:00:00Z', '50.50', 'cash');
    await pay('2026-11-26T04:00:00Z', '30.00', 'pos');
    await pay('2026-11-26T16:01:00Z', '999.00', 'cash'); // 00:01 on 27 Nov: the next day
    w.kernel.clock.set('2026-11-26T05:00:00Z');
    const dep = await deposit('cashier', '', { unitId: unit, purpose: 'parking-card', amount: '200.00', method: 'cash' });
    expect(dep.statusCode, dep.body).toBe(201);
    w.kernel.clock.set('2026-11-26T09:00:00Z');

    const day = await w.call('cashier', 'GET', '/api/billing/cash/daily?date=2026-11-26');
    expect(day.statusCode, day.body).toBe(200);
    expect(day.json()).toEqual({
      date: '2026-11-26', cashierId: w.registry.staff.get('cashier')!.id, receipts: 4, total: '380.50',
      byMethod: { cash: '350.50', transfer: '0.00', pos: '30.00', online: '0.00' }, closing: null,
    });
    // finance may look at the cashier's day; the cashier may not look at finance's
    const asFinance = await w.call('finance', 'GET', `/api/billing/cash/daily?date=2026-11-26&cashierId=${w.registry.staff.get('cashier')!.id}`);
    expect((asFinance.json() as { total: string }).total).toBe('380.50');
    expect((await w.call('cashier', 'GET', `/api/billing/cash/daily?date=2026-11-26&cashierId=${w.registry.staff.get('finance')!.id}`)).statusCode).toBe(403);
  });

  it('closes the day with the difference between counted and expected cash, once', async () => {
    const closed = await w.call('cashier', 'POST', '/api/billing/cash/closings', { date: '2026-11-26', countedCash: '340.50', note: '短款10元' });
    expect(closed.statusCode, closed.body).toBe(201);
    expect((closed.json() as { closing: unknown }).closing).toMatchObject({ expectedCash: '350.50', countedCash: '340.50', difference: '-10.00' });
    const before = await snapshot(w);
    expectIssue(await w.call('cashier', 'POST', '/api/billing/cash/closings', { date: '2026-11-26', countedCash: '350.50' }), 409, '/date');
    expectIssue(await w.call('cashier', 'POST', '/api/billing/cash/closings', { date: '2026-11-27', countedCash: '-1' }), 400, '/countedCash');
    expect(await snapshot(w)).toEqual(before);
    const day = await w.call('cashier', 'GET', '/api/billing/cash/daily?date=2026-11-26');
    expect((day.json() as { closing: { difference: string } }).closing.difference).toBe('-10.00');
    const closedPayments = await w.knex()('billing_payment').whereNotNull('closing_id').count({ n: '*' });
    expect(Number(closedPayments[0]!.n)).toBe(3);
  });
});
