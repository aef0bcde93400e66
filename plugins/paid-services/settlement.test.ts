/**
 * Monthly settlement (issue #5): a finished paid work order is posted to the unit's ledger by the
 * workflow effect billing.postCharge, appears on the unit's next monthly bill as a line with its
 * serial and amount, and a cashier's payment clears that bill — with a receipt and ledger entries.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKernel, type SeededRegistry, type TestKernel } from '../../core/testing/harness.js';

let kernel: TestKernel;
let reg: SeededRegistry;
const tokens: Record<string, string> = {};
const bj = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`);
const SIGNATURE = `data:image/png;base64,${'iVBORw0KGgo'.repeat(4)}`;

beforeAll(async () => {
  kernel = await startTestKernel({ plugins: ['service-desk', 'billing', 'paid-services'], startAt: bj('2026-11-09 09:00') });
  reg = await kernel.seed();
  for (const u of ['frontdesk', 'assistant', 'technician', 'finance', 'cashier']) tokens[u] = await kernel.login(u);
});
afterAll(async () => kernel?.close());

const unitId = () => reg.units.get('CH/1/101')!.id;

async function take(as: string, c: { id: number; version: number }, transition: string, data: Record<string, unknown> = {}) {
  const res = await kernel.call(tokens[as]!, 'POST', `/api/cases/serviceOrder/${c.id}/transitions/${transition}`, { version: c.version, data });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { id: number; version: number; serial: string; state: string; data: Record<string, unknown> };
}

async function finishedPaidOrder() {
  const res = await kernel.call(tokens.frontdesk!, 'POST', '/api/cases/serviceOrder', {
    projectId: reg.projects.get('CH')!.id, unitId: unitId(), personId: reg.people.get('张伟')!.id,
    data: { channel: 'phone', customerName: '张伟', contactPhone: '13800000001', serviceItem: 'tapValve', appointmentAt: '2026-11-09T14:00:00+08:00', description: '厨房水龙头滴水' },
  });
  expect(res.statusCode, res.body).toBe(201);
  let c = res.json() as { id: number; version: number; serial: string };
  c = await take('assistant', c, 'accept');
  c = await take('technician', c, 'pickUp', { pickedUpAt: kernel.clock.now().toISOString() });
  c = await take('technician', c, 'confirmPrice', { serviceItem: 'tapValve', quantity: 1, materialsSource: 'warehouse', materials: '水龙头一个', materialsCost: '60', customerAgreed: true });
  return take('technician', c, 'complete', { workDone: '更换水龙头', completedAt: kernel.clock.now().toISOString(), customerTested: true, customerSignature: SIGNATURE });
}

describe('a paid work order is settled on the next monthly bill', () => {
  let serial: string;
  let billId: number;
  let total: string;

  it('completing the order posts a pending charge with its serial and amount (once)', async () => {
    const order = await finishedPaidOrder();
    serial = order.serial;
    expect(order.state).toBe('completed');
    expect(order.data.amount).toBe('85.00');
    const account = (await kernel.call(tokens.cashier!, 'GET', `/api/billing/units/${unitId()}/account`)).json();
    expect(account.pendingCharges).toEqual([expect.objectContaining({ sourceRef: serial, amount: '85.00', description: `特约服务 ${serial}` })]);
    expect(account.receivable).toBe('0.00');
  });

  it("the December run puts it on the unit's bill beside the management fee", async () => {
    kernel.clock.set(bj('2026-11-15 08:00'));
    const run = await kernel.call(tokens.finance!, 'POST', '/api/billing/runs', { periodKey: '2026-12' });
    expect(run.statusCode, run.body).toBe(200);
    expect(run.json().run).toMatchObject({ status: 'done', billsCreated: 20 });
    const bills = (await kernel.call(tokens.cashier!, 'GET', `/api/billing/bills?unitId=${unitId()}&periodKey=2026-12`)).json();
    expect(bills.items).toHaveLength(1);
    billId = bills.items[0].id;
    const detail = (await kernel.call(tokens.cashier!, 'GET', `/api/billing/bills/${billId}`)).json();
    // 89.50 m² × 2.50 = 223.75 (residential management fee), + the work order 85.00
    expect(detail.lines).toEqual(expect.arrayContaining([
      expect.objectContaining({ feeCode: 'management', kind: 'area', amount: '223.75', rateFrom: '2026-01-01' }),
      expect.objectContaining({ kind: 'charge', amount: '85.00', description: `特约服务 ${serial}` }),
    ]));
    total = detail.bill.principal;
    expect(total).toBe('308.75');
    const account = (await kernel.call(tokens.cashier!, 'GET', `/api/billing/units/${unitId()}/account`)).json();
    expect(account.pendingCharges).toEqual([]);
    expect(account.receivable).toBe('308.75');
    // a second run changes nothing: the charge is billed once
    expect((await kernel.call(tokens.finance!, 'POST', '/api/billing/runs', { periodKey: '2026-12' })).json().run.billsCreated).toBe(0);
  });

  it('a cash payment clears the bill, with a receipt and ledger entries', async () => {
    kernel.clock.set(bj('2026-11-20 10:00'));
    const paid = await kernel.call(tokens.cashier!, 'POST', '/api/billing/payments', { unitId: unitId(), amount: total, method: 'cash', payerName: '张伟' });
    expect(paid.statusCode, paid.body).toBe(201);
    const payment = paid.json().payment;
    expect(payment.allocations).toEqual([expect.objectContaining({ billId, principal: '308.75', lateFee: '0.00' })]);
    expect(payment.receiptNo).toMatch(/^SJ/);
    const bill = (await kernel.call(tokens.cashier!, 'GET', `/api/billing/bills/${billId}`)).json().bill;
    expect(bill.status).toBe('paid');
    const receipt = await kernel.call(tokens.cashier!, 'GET', `/api/billing/payments/${payment.id}/receipt`);
    expect(receipt.statusCode).toBe(200);
    expect(receipt.body).toContain(payment.receiptNo);
    expect(receipt.body).toContain('叁佰零捌元柒角伍分');
    const ledger = (await kernel.call(tokens.cashier!, 'GET', `/api/billing/units/${unitId()}/ledger`)).json().items as { kind: string; amount: string }[];
    expect(ledger.map((e) => [e.kind, e.amount])).toEqual(expect.arrayContaining([['charge', '308.75'], ['payment', '-308.75']]));
    expect((await kernel.call(tokens.cashier!, 'GET', `/api/billing/units/${unitId()}/account`)).json().receivable).toBe('0.00');
  });
});
