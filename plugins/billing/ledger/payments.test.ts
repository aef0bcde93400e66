/**
 * Payments end to end: bills made by the billing run, late fees assessed at the payment date on a
 * worked example, allocation oldest first (late fee, then principal), receipts with increasing
 * serials and 大写 amounts, over-payment under both policies, and every refused request leaving
 * nothing written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { balance, billPeriod, billsOf, expectIssue, ledgerWorld, otherCompany, snapshot, type LedgerWorld } from './test-support/ledger-world.js';

let w: LedgerWorld;
let unit: number;

interface PaymentAnswer {
  payment: { id: number; receiptNo: string; amount: string; method: string; credit: string; allocations: { billId: number; billNumber: string; periodKey: string; lateFee: string; principal: string }[] };
}

beforeAll(async () => {
  w = await ledgerWorld('2026-09-20T02:00:00Z');
  unit = w.unit('CH/1/101'); // 89.50 m² residential at 2.50/m²: 223.75 a month
  // each month billed before it starts, as finance would
  await billPeriod(w, '2026-10', '2026-09-20T02:00:00Z');
  await billPeriod(w, '2026-11', '2026-10-20T02:00:00Z');
  await billPeriod(w, '2026-12', '2026-11-20T02:00:00Z');
  w.kernel.clock.set('2026-11-25T02:00:00Z'); // 10:00 on 25 Nov in Shanghai
});

afterAll(async () => {
  await w?.kernel.close();
});

describe('POST /api/billing/payments', () => {
  it('assesses late fees to the payment date and pays the oldest bill first, late fee before principal', async () => {
    const before = await billsOf(w, unit);
    expect(before.map((b) => [b.periodKey, b.principalFen])).toEqual([['2026-10', 22375], ['2026-11', 22375], ['2026-12', 22375]]);

    // the confirmation step: what 300.00 would settle, without booking anything
    const ledgerBefore = await balance(w, unit, 'receivable');
    const preview = await w.call('cashier', 'POST', '/api/billing/payments/preview', { unitId: unit, amount: '300.00', method: 'cash' });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toMatchObject({ preview: {
      amount: '300.00', method: 'cash', asOf: '2026-11-25', credit: '0.00',
      allocations: [
        { periodKey: '2026-10', periodLabel: '2026年10月', items: ['物业管理费'], lateFee: '36.92', principal: '223.75' },
        { periodKey: '2026-11', periodLabel: '2026年11月', items: ['物业管理费'], lateFee: '16.11', principal: '23.22' },
      ],
    } });
    expect(await balance(w, unit, 'receivable')).toBe(ledgerBefore);
    expect((await billsOf(w, unit)).map((b) => b.paidFen)).toEqual([0, 0, 0]);
    expectIssue(await w.call('cashier', 'POST', '/api/billing/payments/preview', { unitId: unit, amount: '0', method: 'cash' }), 400, '/amount');
    expect((await w.call('frontdesk', 'POST', '/api/billing/payments/preview', { unitId: unit, amount: '1.00', method: 'cash' })).statusCode).toBe(403);

    const res = await w.call('cashier', 'POST', '/api/billing/payments', { unitId: unit, amount: '300.00', method: 'cash', payerName: '张伟' });
    expect(res.statusCode, res.body).toBe(201);
    const { payment } = res.json() as PaymentAnswer;
    // Worked example (3‰ a day from the period's first day, chargeable after the final notice's term):
    //   2026-10: 223.75 × 0.003 × 55 days (1 Oct – 24 Nov) = 36.91875 → 36.92
    //   2026-11: 223.75 × 0.003 × 24 days (1 Nov – 24 Nov) = 16.11
    //   2026-12: final term ends 12 Dec, nothing yet
    // 300.00 = 36.92 + 223.75 (October) + 16.11 + 23.22 (November)
    expect(payment.allocations.map((a) => [a.periodKey, a.lateFee, a.principal])).toEqual([['2026-10', '36.92', '223.75'], ['2026-11', '16.11', '23.22']]);
    expect(payment.credit).toBe('0.00');
    expect(payment.receiptNo).toBe('SJ2026000001');

    const after = await billsOf(w, unit);
    expect(after.map((b) => [b.periodKey, b.lateFeeFen, b.paidFen, b.principalPaidFen, b.status])).toEqual([
      ['2026-10', 3692, 26067, 22375, 'paid'],
      ['2026-11', 1611, 3933, 2322, 'open'],
      ['2026-12', 0, 0, 0, 'open'],
    ]);
    // the receivable balance is what the bills still owe: 200.53 + 223.75
    expect(await balance(w, unit, 'receivable')).toBe(20053 + 22375);
  });

  it('keeps an over-payment as credit (default policy) and numbers receipts in sequence', async () => {
    const res = await w.call('cashier', 'POST', '/api/billing/payments', { unitId: unit, amount: '500.00', method: 'transfer', reference: 'TRX-0001' });
    expect(res.statusCode, res.body).toBe(201);
    const { payment } = res.json() as PaymentAnswer;
    expect(payment.receiptNo).toBe('SJ2026000002');
    expect(payment.allocations.map((a) => [a.periodKey, a.lateFee, a.principal])).toEqual([['2026-11', '0.00', '200.53'], ['2026-12', '0.00', '223.75']]);
    expect(payment.credit).toBe('75.72');
    expect((await billsOf(w, unit)).every((b) => b.status === 'paid')).toBe(true);
    expect(await balance(w, unit, 'receivable')).toBe(0);
    expect(await balance(w, unit, 'credit')).toBe(7572);

    const account = await w.call('cashier', 'GET', `/api/billing/units/${unit}/account`);
    expect(account.statusCode, account.body).toBe(200);
    expect(account.json()).toMatchObject({ receivable: '0.00', credit: '75.72', depositsHeld: '0.00', openBills: [], owner: { name: '张伟' } });

    const ledger = await w.call('cashier', 'GET', `/api/billing/units/${unit}/ledger?limit=3`);
    const page = ledger.json() as { items: { kind: string; account: string; amount: string }[]; nextCursor: string };
    expect(page.items.map((e) => [e.account, e.kind, e.amount])).toEqual([['credit', 'overpayment', '75.72'], ['receivable', 'payment', '-223.75'], ['receivable', 'payment', '-200.53']]);
    const next = await w.call('cashier', 'GET', `/api/billing/units/${unit}/ledger?limit=3&cursor=${page.nextCursor}`);
    expect((next.json() as { items: { kind: string }[] }).items.map((e) => e.kind)).toEqual(['payment', 'payment', 'lateFee']);
  });

  it('prints the receipt with the amount in capital numerals and the payer name escaped', async () => {
    const res = await w.call('cashier', 'POST', '/api/billing/payments', { unitId: unit, amount: '1234.50', method: 'pos', reference: 'POS-77', payerName: '<b>李</b>' });
    expect(res.statusCode, res.body).toBe(201);
    const { payment } = res.json() as PaymentAnswer;
    expect(payment.receiptNo).toBe('SJ2026000003');
    const receipt = await w.call('cashier', 'GET', `/api/billing/payments/${payment.id}/receipt`);
    expect(receipt.statusCode, receipt.body).toBe(200);
    expect(receipt.headers['content-type']).toContain('text/html');
    expect(receipt.body).toContain('人民币壹仟贰佰叁拾肆元伍角整');
    expect(receipt.body).toContain('SJ2026000003');
    expect(receipt.body).toContain('&lt;b&gt;李&lt;/b&gt;');
    expect(receipt.body).not.toContain('<b>李</b>');
    expect(receipt.body).toContain('收费员 冯玲');
    // one page per copy (联次) of the settings, each naming the fee items and months it paid, with the payee's seal box
    expect(receipt.body).toContain('<td>预收款</td><td>以后各期</td>');
    const all = (await w.call('cashier', 'GET', `/api/billing/payments?unitId=${unit}`)).json() as { items: { id: number; receiptNo: string }[] };
    const firstReceipt = await w.call('cashier', 'GET', `/api/billing/payments/${all.items.find((p) => p.receiptNo === 'SJ2026000001')!.id}/receipt`);
    const copies = firstReceipt.body.split('class="wuye-document receipt receipt-copy"').slice(1);
    expect(copies.map((c) => /class="copy-label">([^<]*)</.exec(c)?.[1])).toEqual(['第一联 存根', '第二联 收据（交款人）', '第三联 记账']);
    for (const copy of copies) {
      expect(copy).toContain('物业管理费');
      expect(copy).toContain('<td>物业管理费</td><td>2026年10月（2026-10-01 至 2026-10-31）</td><td>¥223.75</td><td>¥36.92</td><td>¥260.67</td>');
      expect(copy).toContain('<td>物业管理费</td><td>2026年11月（2026-11-01 至 2026-11-30）</td><td>¥23.22</td><td>¥16.11</td><td>¥39.33</td>');
      expect(copy).toContain('收款单位（盖章）');
    }
    // in the company's language only
    expect(receipt.body.replace(/<[^>]*>/g, ' ')).not.toMatch(/Receipt|Cashier|Amount|Applied|Paid by/);

    const first = await w.call('cashier', 'GET', '/api/billing/payments?date=2026-11-25&limit=1');
    const list = first.json() as { items: { receiptNo: string }[]; nextCursor: string | null };
    expect(list.items.map((p) => p.receiptNo)).toEqual(['SJ2026000003']);
    expect(list.nextCursor).not.toBeNull();
  });

  it('accepts a pre-issued receipt number once', async () => {
    const ok = await w.call('cashier', 'POST', '/api/billing/payments', { unitId: unit, amount: '10.00', method: 'cash', receiptNo: 'PRE-000123' });
    expect(ok.statusCode, ok.body).toBe(201);
    expect((ok.json() as PaymentAnswer).payment.receiptNo).toBe('PRE-000123');
  });

  describe('refused requests write nothing', () => {
    const refusals: [string, () => Promise<{ statusCode: number; body: string; json(): unknown }>, number, string][] = [
      ['a negative amount', () => w.call('cashier', 'POST', '/api/billing/payments', { unitId: unit, amount: '-5.00', method: 'cash' }), 400, '/amount'],
      ['a zero amount', () => w.call('cashier', 'POST', '/api/billing/payments', { unitId: unit, amount: '0.00', method: 'cash' }), 400, '/amount'],
      ['three decimals', () => w.call('cashier', 'POST', '/api/billing/payments', { unitId: unit, amount: '1.005', method: 'cash' }), 400, '/amount'],
      ['a number instead of a string', () => w.call('cashier', 'POST', '/api/billing/payments', { unitId: unit, amount: 12.5, method: 'cash' }), 400, '/amount'],
      ['an unknown method', () => w.call('cashier', 'POST', '/api/billing/payments', { unitId: unit, amount: '1.00', method: 'cheque' }), 400, '/method'],
      ['a duplicate receipt number', () => w.call('cashier', 'POST', '/api/billing/payments', { unitId: unit, amount: '1.00', method: 'cash', receiptNo: 'PRE-000123' }), 409, '/receiptNo'],
      ['a generated receipt number given again', () => w.call('cashier', 'POST', '/api/billing/payments', { unitId: unit, amount: '1.00', method: 'cash', receiptNo: 'SJ2026000001' }), 409, '/receiptNo'],
      ['a duplicate transfer reference', () => w.call('cashier', 'POST', '/api/billing/payments', { unitId: unit, amount: '1.00', method: 'transfer', reference: 'TRX-0001' }), 409, '/reference'],
    ];
    it.each(refusals)('%s', async (_name, send, status, pointer) => {
      const before = await snapshot(w);
      expectIssue(await send(), status, pointer);
      expect(await snapshot(w)).toEqual(before);
    });

    it('the same reference under another method is a different payment', async () => {
      const res = await w.call('cashier', 'POST', '/api/billing/payments', { unitId: unit, amount: '1.00', method: 'online', reference: 'TRX-0001' });
      expect(res.statusCode, res.body).toBe(201);
    });

    it('an unknown unit, a unit of another company, a unit outside the cashier’s projects: 404', async () => {
      const foreign = await w.kernel.seed(otherCompany());
      const foreignUnit = foreign.units.get('XY/9/901')!.id;
      const jrUnit = w.unit('JR/A/1001');
      const before = await snapshot(w);
      for (const unitId of [999999, foreignUnit, jrUnit]) {
        const res = await w.call('cashier', 'POST', '/api/billing/payments', { unitId, amount: '10.00', method: 'cash' });
        expect(res.statusCode, res.body).toBe(404);
      }
      // and the other company's cashier cannot pay into ours
      const res = await w.call('other-cashier', 'POST', '/api/billing/payments', { unitId: unit, amount: '10.00', method: 'cash' });
      expect(res.statusCode, res.body).toBe(404);
      expect(await snapshot(w)).toEqual(before);
    });

    it('a role without billing.collect: 403', async () => {
      const before = await snapshot(w);
      const res = await w.call('frontdesk', 'POST', '/api/billing/payments', { unitId: unit, amount: '10.00', method: 'cash' });
      expect(res.statusCode, res.body).toBe(403);
      const receipt = await w.call('frontdesk', 'GET', '/api/billing/payments/1/receipt');
      expect(receipt.statusCode).toBe(403);
      expect(await snapshot(w)).toEqual(before);
    });
  });
});

describe('concurrent payments for one unit', () => {
  it('never allocate the same debt twice', async () => {
    const target = w.unit('CH/1/201');
    const [a, b] = await Promise.all([
      w.call('cashier', 'POST', '/api/billing/payments', { unitId: target, amount: '400.00', method: 'cash' }),
      w.call('finance', 'POST', '/api/billing/payments', { unitId: target, amount: '400.00', method: 'cash' }),
    ]);
    expect([a.statusCode, b.statusCode], `${a.body} ${b.body}`).toEqual([201, 201]);
    const bills = await billsOf(w, target);
    expect(bills.reduce((sum, x) => sum + x.paidFen, 0)).toBe(80000);
    for (const bill of bills) expect(bill.paidFen).toBeLessThanOrEqual(bill.principalFen + bill.lateFeeFen);
    const allocated = [a, b].flatMap((r) => (r.json() as PaymentAnswer).payment.allocations).reduce((sum, x) => sum + Math.round(Number(x.lateFee) * 100) + Math.round(Number(x.principal) * 100), 0);
    expect(allocated).toBe(80000);
    expect(await balance(w, target, 'receivable')).toBe(bills.reduce((sum, x) => sum + x.principalFen + x.lateFeeFen - x.paidFen, 0));
  });
});

describe('over-payment refused by the company’s policy', () => {
  it('refuses more than the outstanding amount with 422 naming /amount and the figure, and writes nothing', async () => {
    const admin = await w.token('admin');
    const proposed = await w.kernel.call(admin, 'POST', '/api/config/versions', { reason: '不收预收款', patch: { plugins: { billing: { config: { overpayment: 'refuse' } } } } });
    expect(proposed.statusCode, proposed.body).toBe(201);
    const activated = await w.kernel.call(admin, 'POST', `/api/config/versions/${(proposed.json() as { number: number }).number}/activate`, {});
    expect(activated.statusCode, activated.body).toBe(200);

    const other = w.unit('CH/1/102'); // 120.00 m²: 300.00 a month, three months billed, none paid
    const bills = await billsOf(w, other);
    expect(bills.map((b) => b.principalFen)).toEqual([30000, 30000, 30000]);
    // late fees on 25 Nov: October 300 × 0.003 × 55 = 49.50; November 300 × 0.003 × 24 = 21.60 → 971.10 owed
    const before = await snapshot(w);
    const res = await w.call('cashier', 'POST', '/api/billing/payments', { unitId: other, amount: '1000.00', method: 'cash' });
    expectIssue(res, 422, '/amount');
    expect((res.json() as { message: string }).message).toContain('971.10');
    expect(await snapshot(w)).toEqual(before);

    const exact = await w.call('cashier', 'POST', '/api/billing/payments', { unitId: other, amount: '971.10', method: 'cash' });
    expect(exact.statusCode, exact.body).toBe(201);
    expect((exact.json() as PaymentAnswer).payment.credit).toBe('0.00');
    expect((await billsOf(w, other)).every((b) => b.status === 'paid')).toBe(true);
  });
});
