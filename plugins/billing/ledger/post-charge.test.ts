/**
 * A paid work order's charge flows to the next monthly bill and a payment clears it: the
 * `billing.postCharge` effect (called as the workflow engine calls it, inside the transition's
 * transaction), idempotent per case; refused without a unit or a positive amount. One-off fee items
 * are charged through POST /charges at the rate in force.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EffectTestContext } from '../../../core/testing/harness.js';
import { balance, billPeriod, billsOf, expectIssue, ledgerWorld, snapshot, type LedgerWorld } from './test-support/ledger-world.js';

let w: LedgerWorld;
let unit: number;

async function postCharge(overrides: Partial<EffectTestContext> = {}): Promise<void> {
  const registryUnit = w.registry.units.get('CH/1/101')!;
  await w.kernel.runEffect('billing.postCharge', {
    pluginId: 'paid-services', caseType: 'serviceOrder', caseId: 41, serial: 'YC-2026-000041', companyId: registryUnit.companyId, projectId: registryUnit.projectId, unitId: registryUnit.id,
    state: 'done', data: { fee: '120.00' }, actor: { staffId: 1, roles: ['cashier'] }, params: { amountField: 'fee', description: { 'zh-CN': '有偿服务费', en: 'Paid service' } },
    ...overrides,
  });
}

beforeAll(async () => {
  w = await ledgerWorld('2026-11-10T02:00:00Z');
  unit = w.unit('CH/1/101');
});

afterAll(async () => {
  await w?.kernel.close();
});

describe('billing.postCharge', () => {
  it('itemises with params.ref: one charge per reference of the case, each once', async () => {
    const other = w.unit('CH/1/201');
    await postCharge({ unitId: other, serial: 'ZX-2026-000077', data: { fee: '300.00' }, params: { amountField: 'fee', ref: 'debris', description: { 'zh-CN': '装修垃圾清运费' } } });
    await postCharge({ unitId: other, serial: 'ZX-2026-000077', data: { fee: '120.00' }, params: { amountField: 'fee', ref: 'passes', description: { 'zh-CN': '出入证工本费' } } });
    await postCharge({ unitId: other, serial: 'ZX-2026-000077', data: { fee: '120.00' }, params: { amountField: 'fee', ref: 'passes', description: { 'zh-CN': '出入证工本费' } } });
    const pending = (await w.call('cashier', 'GET', `/api/billing/units/${other}/account`)).json().pendingCharges as { sourceRef: string; amount: string }[];
    expect(pending.filter((c) => c.sourceRef.startsWith('ZX-2026-000077')).map((c) => [c.sourceRef, c.amount])).toEqual([['ZX-2026-000077:debris', '300.00'], ['ZX-2026-000077:passes', '120.00']]);
  });

  it('posts the charge once per case and shows it as pending on the account', async () => {
    await postCharge();
    await postCharge(); // the transition retried, or the effect declared twice: still one charge
    const account = await w.call('cashier', 'GET', `/api/billing/units/${unit}/account`);
    expect(account.statusCode, account.body).toBe(200);
    expect((account.json() as { pendingCharges: unknown[] }).pendingCharges).toEqual([
      expect.objectContaining({ sourcePlugin: 'paid-services', sourceRef: 'YC-2026-000041', description: '有偿服务费 YC-2026-000041', amount: '120.00' }),
    ]);
  });

  it.each([
    ['no unit', { unitId: null }],
    ['a negative amount', { data: { fee: '-120.00' } }],
    ['not a decimal string', { data: { fee: 120 } }],
    ['a missing amount', { data: {} }],
  ])('is refused (422) with %s and writes nothing', async (_name, overrides) => {
    const before = await snapshot(w);
    await expect(postCharge({ serial: 'YC-2026-000099', ...(overrides as Partial<EffectTestContext>) })).rejects.toMatchObject({ statusCode: 422 });
    expect(await snapshot(w)).toEqual(before);
  });

  it('posts nothing for a free service (0.00: a regular service of the service contract, DOMAIN.md paid-services; seed 001 五 便民服務), without a unit too', async () => {
    const before = await snapshot(w);
    await postCharge({ serial: 'YC-2026-000098', data: { fee: '0.00' } });
    await postCharge({ serial: 'YC-2026-000097', unitId: null, data: { fee: '0' } } as Partial<EffectTestContext>);
    expect(await snapshot(w)).toEqual(before);
  });

  it('goes on the next monthly bill, and a payment clears it with receipt and ledger entries', async () => {
    await billPeriod(w, '2026-12', '2026-11-10T02:00:00Z');
    const [bill] = await billsOf(w, unit);
    expect(bill!.principalFen).toBe(22375 + 12000);
    const detail = await w.call('cashier', 'GET', `/api/billing/bills/${bill!.id}`);
    const lines = (detail.json() as { lines: { kind: string; amount: string }[] }).lines;
    expect(lines.map((l) => [l.kind, l.amount])).toEqual(expect.arrayContaining([['area', '223.75'], ['charge', '120.00']]));
    const account = await w.call('cashier', 'GET', `/api/billing/units/${unit}/account`);
    expect((account.json() as { pendingCharges: unknown[] }).pendingCharges).toEqual([]);

    w.kernel.clock.set('2026-11-20T02:00:00Z');
    const paid = await w.call('cashier', 'POST', '/api/billing/payments', { unitId: unit, amount: '343.75', method: 'online', reference: 'WX-20261120-1' });
    expect(paid.statusCode, paid.body).toBe(201);
    const { payment } = paid.json() as { payment: { id: number; receiptNo: string } };
    expect((await billsOf(w, unit))[0]!.status).toBe('paid');
    expect(await balance(w, unit, 'receivable')).toBe(0);
    const entries = await w.knex()('billing_ledger_entry').where({ unit_id: unit }).orderBy('id').select('kind', 'amount_fen', 'payment_id');
    expect(entries.map((e: { kind: string; amount_fen: unknown }) => [e.kind, Number(e.amount_fen)])).toEqual([['charge', 34375], ['payment', -34375]]);
    const receipt = await w.call('cashier', 'GET', `/api/billing/payments/${payment.id}/receipt`);
    expect(receipt.body).toContain('叁佰肆拾叁元柒角伍分');
    expect(receipt.body).toContain(payment.receiptNo);
  });
});

describe('POST /api/billing/charges', () => {
  it('charges a one-off fee item at the rate for the unit type', async () => {
    const res = await w.call('finance', 'POST', '/api/billing/charges', { unitId: unit, feeCode: 'debris', quantity: '2', note: '两车' });
    expect(res.statusCode, res.body).toBe(201);
    expect((res.json() as { charge: unknown }).charge).toMatchObject({ sourcePlugin: 'billing', amount: '600.00', billId: null });
  });

  it('refuses a recurring fee item, a zero quantity and a cashier, writing nothing', async () => {
    const before = await snapshot(w);
    expectIssue(await w.call('finance', 'POST', '/api/billing/charges', { unitId: unit, feeCode: 'management' }), 422, '/feeCode');
    expectIssue(await w.call('finance', 'POST', '/api/billing/charges', { unitId: unit, feeCode: 'debris', quantity: '0' }), 400, '/quantity');
    expectIssue(await w.call('finance', 'POST', '/api/billing/charges', { unitId: unit, feeCode: 'debris', quantity: '-1' }), 400, '/quantity');
    expect((await w.call('cashier', 'POST', '/api/billing/charges', { unitId: unit, feeCode: 'debris' })).statusCode).toBe(403);
    expect((await w.call('finance', 'POST', '/api/billing/charges', { unitId: 999999, feeCode: 'debris' })).statusCode).toBe(404);
    expect(await snapshot(w)).toEqual(before);
  });
});
