/**
 * Taking a payment (收款): in one transaction the unit's ledger is locked, late fees due by the
 * payment date (company time zone) are assessed and recorded, the amount settles the open bills
 * oldest first, a remainder becomes credit or is refused (settings.overpayment), the receipt gets
 * its number, and the ledger records it. Any refusal leaves nothing written (payment-store.ts).
 */
import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/core';
import { DateTime } from 'luxon';
import { RuleRefusedError, WuyeError, type Principal } from '../../../core/plugin-api.js';
import { Bill, BillLine, Payment } from '../db/entities.js';
import { positiveFen, yuan } from './amounts.js';
import { billingConfig } from './settings.js';
import { openBills, planSettlement } from './settle.js';
import { recordPayment } from './payment-store.js';
import { receiptNumber, type PaymentRequest } from './payment-writes.js';
import { paymentView } from './views.js';
import { periodLabel } from '../domain/period-label.js';
import type { BillingServices } from './settings.js';

export const PAYMENT_METHODS = ['cash', 'transfer', 'pos', 'online'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export interface PaymentInput {
  unitId: number;
  amount: string;
  method: PaymentMethod;
  reference?: string;
  receiptNo?: string;
  payerName?: string;
}

function duplicate(pointer: string, message: string): WuyeError {
  return new WuyeError('WUYE_DUPLICATE', 409, message, [{ pointer, code: 'duplicate', message }]);
}

/** Receipt numbers: prefix + year (company time zone) + a per-company, per-year serial: SJ2026000042. */
export async function nextReceiptNo(services: BillingServices, em: EntityManager, companyId: number, prefix: string, now: Date, timezone: string): Promise<string> {
  const year = DateTime.fromJSDate(now, { zone: timezone }).year;
  const serial = await services.nextSerial(em, companyId, `receipt:${year}`);
  return receiptNumber(prefix, year, serial);
}

const UNIT = 'select id, project_id from unit where id = ? and company_id = ?';

/** The unit's project, if the unit is the caller's company's and in a project they may see; else 404 (as services.unitFor). */
async function unitProject(services: BillingServices, principal: Principal, unitId: number): Promise<number> {
  const [unit] = await services.sql.query<{ project_id: number | string }>(UNIT, [unitId, principal.companyId]);
  const scope = unit ? await services.projectScope(principal) : null;
  if (!unit || (scope !== null && !scope.includes(Number(unit.project_id)))) throw new WuyeError('WUYE_NOT_FOUND', 404, 'unit not found');
  return Number(unit.project_id);
}

/**
 * Takes a payment. Permission, amount, unit and the settings in force are checked first (kept in
 * memory: no statement but the unit's); the write itself is payment-store.ts — prepared statements,
 * one transaction on SQLite, one statement on PostgreSQL.
 */
export async function takePayment(services: BillingServices, principal: Principal, input: PaymentInput) {
  await services.requirePermission(principal, 'billing.collect');
  const amountFen = positiveFen(input.amount, '/amount');
  const companyId = principal.companyId;
  const projectId = await unitProject(services, principal, input.unitId);
  const now = services.now();
  const config = await billingConfig(services, companyId, projectId, undefined, now);
  const request: PaymentRequest = {
    companyId, projectId, unitId: input.unitId, cashierId: principal.staffId, amountFen, method: input.method, reference: input.reference ?? null,
    payerName: input.payerName ?? null, receiptNo: input.receiptNo ?? null, receiptPrefix: config.settings.receiptPrefix,
    // config.today is the company-local date of now: its year is the receipt's year
    receiptYear: Number(config.today.slice(0, 4)), now, today: config.today, lateFee: config.settings.lateFee,
    overpayment: config.settings.overpayment,
  };
  try {
    const paid = await recordPayment(services.sql, request);
    return paymentView({
      id: paid.id, unitId: request.unitId, receiptNo: paid.receiptNo, amountFen, method: request.method, reference: request.reference, payerName: request.payerName,
      cashierId: request.cashierId, allocations: paid.allocations, creditFen: paid.creditFen, receivedAt: now,
    }, paid.bills);
  } catch (err) {
    // two concurrent requests with the same receipt or reference: the database's unique index decides
    if (err instanceof UniqueConstraintViolationException) {
      throw /reference/.test(err.message) ? duplicate('/reference', 'this payment reference has already been recorded') : duplicate('/receiptNo', 'this receipt number has already been used');
    }
    throw err;
  }
}

/**
 * What a payment would do, without writing anything (the cashier's confirmation step before
 * 确认收款): late fees to today, the bills and periods it would settle (late fee, principal), the
 * fee items of each bill, and the remainder kept as credit — or the same refusal the payment would
 * get (amount, over-payment policy).
 */
export async function previewPayment(services: BillingServices, principal: Principal, input: Pick<PaymentInput, 'unitId' | 'amount' | 'method'>) {
  await services.requirePermission(principal, 'billing.collect');
  const amountFen = positiveFen(input.amount, '/amount');
  const em = services.orm.em.fork();
  const unit = await services.unitFor(principal, input.unitId, em);
  const config = await billingConfig(services, principal.companyId, unit.projectId, em);
  const bills = await openBills(em, principal.companyId, unit.id);
  const plan = planSettlement(bills, amountFen, config.today, config.settings.lateFee);
  if (plan.remainderFen > 0 && config.settings.overpayment === 'refuse') {
    throw new RuleRefusedError(`the amount exceeds what the unit owes (${yuan(plan.outstandingFen)})`, [{ pointer: '/amount', code: 'overpayment', message: `at most ${yuan(plan.outstandingFen)} is outstanding` }]);
  }
  const lines = bills.length ? await em.find(BillLine, { billId: { $in: bills.map((b) => b.id) }, companyId: principal.companyId }, { orderBy: { id: 'asc' } }) : [];
  const byId = new Map(bills.map((b) => [b.id, b]));
  return {
    unitId: unit.id, amount: yuan(amountFen), method: input.method, asOf: config.today, outstanding: yuan(plan.outstandingFen),
    allocations: plan.allocations.map((a) => {
      const bill = byId.get(a.billId)!;
      return {
        billId: a.billId, billNumber: bill.number, periodKey: bill.periodKey, periodLabel: periodLabel(bill.periodKey),
        items: [...new Set(lines.filter((l) => l.billId === a.billId).map((l) => l.description))], lateFee: yuan(a.lateFeeFen), principal: yuan(a.principalFen),
      };
    }),
    credit: yuan(plan.remainderFen),
  };
}

/** A payment of the caller's company in a project they may see, else 404. */
export async function paymentFor(services: BillingServices, principal: Principal, id: number, em: EntityManager): Promise<Payment> {
  const payment = await em.findOne(Payment, { id, companyId: principal.companyId });
  if (!payment) throw new WuyeError('WUYE_NOT_FOUND', 404, 'payment not found');
  await services.unitFor(principal, payment.unitId, em);
  return payment;
}

export async function billsOfPayment(em: EntityManager, payment: Payment): Promise<Map<number, Bill>> {
  const ids = payment.allocations.map((a) => a.billId);
  if (ids.length === 0) return new Map();
  return new Map((await em.find(Bill, { id: { $in: ids }, companyId: payment.companyId })).map((b) => [b.id, b]));
}
