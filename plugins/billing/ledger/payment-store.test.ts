/**
 * The payment store's guarantees where requests cannot reach them: a bill another writer changed
 * between the store's read and its write is never paid twice — on PostgreSQL (read, then one
 * statement) the payment is planned again from the fresh figures; if the bill keeps changing it
 * is refused with 409, nothing written and no receipt number taken. And services.sql refuses a
 * statement that does not filter by company.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PreparedSql, SqlQuery } from '../../../core/plugin-api.js';
import type { BillingServices } from './settings.js';
import { recordPayment } from './payment-store.js';
import type { PaymentRequest } from './payment-writes.js';
import { billPeriod, billsOf, ledgerWorld, snapshot, type LedgerWorld } from './test-support/ledger-world.js';

let w: LedgerWorld;
let services: BillingServices;

beforeAll(async () => {
  w = await ledgerWorld('2026-09-20T02:00:00Z');
  await billPeriod(w, '2026-10', '2026-09-20T02:00:00Z');
  w.kernel.clock.set('2026-10-05T02:00:00Z'); // before any late fee
  services = w.kernel.pluginServices.get('billing') as BillingServices;
});

afterAll(async () => {
  await w?.kernel.close();
});

async function request(unitId: number, amountFen: number): Promise<PaymentRequest> {
  const finance = w.registry.staff.get('finance')!;
  const view = await services.configFor(w.registry.company.id, w.registry.projects.get('CH')!.id);
  return {
    companyId: w.registry.company.id, projectId: w.registry.projects.get('CH')!.id, unitId, cashierId: finance.id, amountFen, method: 'cash',
    reference: null, payerName: null, receiptNo: null, receiptPrefix: view.settings.receiptPrefix, receiptYear: 2026, now: w.kernel.clock.now(),
    today: '2026-10-05', lateFee: view.settings.lateFee, overpayment: view.settings.overpayment,
  };
}

/**
 * services.sql with another cashier's payment of 1.00 slipped in right after the store reads the
 * unit's open bills, `times` times (on SQLite inside the store's transaction: the only place it
 * could happen there).
 */
function interleaved(times: number): PreparedSql {
  const sql = services.sql;
  let left = times;
  const wrap = (query: SqlQuery): SqlQuery => async <R extends Record<string, unknown>>(text: string, params: readonly unknown[] = []) => {
    const rows = await query<R>(text, params);
    if (left > 0 && /from billing_bill where company_id = \? and unit_id = \?/.test(text)) {
      left--;
      await query('update billing_bill set paid_fen = paid_fen + 100, principal_paid_fen = principal_paid_fen + 100 where company_id = ? and unit_id = ?', [params[0], params[1]]);
    }
    return rows;
  };
  return { dialect: sql.dialect, query: wrap(sql.query), transaction: (work) => sql.transaction((query) => work(wrap(query))) };
}

async function receiptsTaken(): Promise<number> {
  const row = await w.knex()('counter').where({ company_id: w.registry.company.id, key: 'billing:receipt:2026' }).first();
  return Number(row?.value ?? 0);
}

describe('a bill changed between the read and the write', () => {
  it('is never paid twice: PostgreSQL plans again from the new figures; SQLite (nothing can interleave outside a test) refuses with 409', async () => {
    const unit = w.unit('CH/1/101');
    const before = await billsOf(w, unit);
    const receipts = await receiptsTaken();
    const attempt = recordPayment(interleaved(1), await request(unit, 5000));
    if (services.dialect === 'postgresql') {
      const paid = await attempt;
      // planned from 1.00 already paid: 50.00 more, nothing over the bill
      expect(paid.allocations).toEqual([{ billId: before[0]!.id, lateFeeFen: 0, principalFen: 5000 }]);
      expect((await billsOf(w, unit))[0]!.paidFen).toBe(before[0]!.paidFen + 100 + 5000);
      expect(paid.receiptNo).toBe(`SJ2026${String(receipts + 1).padStart(6, '0')}`);
    } else {
      await expect(attempt).rejects.toMatchObject({ statusCode: 409 });
      expect((await billsOf(w, unit))[0]!.paidFen).toBe(before[0]!.paidFen); // the interleaved write rolled back with it
      expect(await receiptsTaken()).toBe(receipts);
    }
  });

  it('a bill that keeps changing: 409, nothing of the payment written, no receipt number taken', async () => {
    const unit = w.unit('CH/1/102');
    const receipts = await receiptsTaken();
    const paidBefore = (await billsOf(w, unit))[0]!.paidFen;
    const before = await snapshot(w);
    await expect(recordPayment(interleaved(100), await request(unit, 5000))).rejects.toMatchObject({ statusCode: 409 });
    const after = await snapshot(w);
    expect({ ...after, paid: 0 }).toEqual({ ...before, paid: 0 });
    // only the interleaved 1.00 writes stay (PostgreSQL: one per attempt; SQLite: rolled back with the store's transaction)
    expect((await billsOf(w, unit))[0]!.paidFen).toBe(paidBefore + (services.dialect === 'postgresql' ? 4 * 100 : 0));
    expect(await receiptsTaken()).toBe(receipts);
    const next = await w.call('cashier', 'POST', '/api/billing/payments', { unitId: unit, amount: '1.00', method: 'cash' });
    expect(next.statusCode, next.body).toBe(201);
    expect((next.json() as { payment: { receiptNo: string } }).payment.receiptNo).toBe(`SJ2026${String(receipts + 1).padStart(6, '0')}`);
  });
});

describe('services.sql', () => {
  it('refuses a statement that does not filter by company, before running it', async () => {
    const before = await snapshot(w);
    await expect(services.sql.query('select count(*) as n from billing_payment')).rejects.toThrow(/company_id/);
    await expect(services.sql.transaction((query) => query('update billing_bill set paid_fen = 0'))).rejects.toThrow(/company_id/);
    expect(await snapshot(w)).toEqual(before);
  });
});
