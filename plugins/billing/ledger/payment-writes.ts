/**
 * What a payment writes, planned from the unit's open bills before anything is written: the bill
 * claims (late fee assessed, amounts paid, conditional on the figures read), the ledger rows in the
 * order they are recorded (late fees, then the money: per bill, then the credit), the allocations
 * and the credit. Pure, so both stores (SQLite, PostgreSQL) write exactly the same rows, and a
 * refusal (over-payment policy) comes before any write.
 */
import { RuleRefusedError } from '../../../core/plugin-api.js';
import type { LateFeeSettings } from '../domain/late-fee.js';
import { periodLabel } from '../domain/period-label.js';
import type { Allocation } from './allocation.js';
import { yuan } from './amounts.js';
import { planSettlement, type SettleBill } from './settle.js';
import type { PaymentMethod } from './payments.js';

/** Everything a payment request carries, checked, with the settings in force. */
export interface PaymentRequest {
  companyId: number;
  projectId: number;
  unitId: number;
  cashierId: number;
  amountFen: number;
  method: PaymentMethod;
  reference: string | null;
  payerName: string | null;
  /** a pre-issued receipt number, or null: the next of the company's year */
  receiptNo: string | null;
  receiptPrefix: string;
  /** the year of `now` in the company's time zone: receipts are numbered per company and year */
  receiptYear: number;
  now: Date;
  /** the company-local date late fees are assessed to */
  today: string;
  lateFee: LateFeeSettings;
  overpayment: 'credit' | 'refuse';
}

export interface BillClaim {
  id: number;
  seenLateFeeFen: number;
  seenPaidFen: number;
  lateFeeFen: number;
  lateFeeThrough: string | null;
  paidFen: number;
  principalPaidFen: number;
  paid: boolean;
}

export interface PlannedEntry {
  account: 'receivable' | 'credit';
  kind: 'lateFee' | 'payment' | 'overpayment';
  amountFen: number;
  billId: number | null;
  /** an entry of the money itself: it names the payment, and its description ends with the receipt number */
  ofPayment: boolean;
  description: string;
  method: string | null;
}

export interface PaymentWrites {
  claims: BillClaim[];
  entries: PlannedEntry[];
  allocations: Allocation[];
  creditFen: number;
}

/** The counter row receipts are numbered from (services.nextSerial's key for billing's `receipt:<year>`). */
export function receiptCounterKey(year: number): string {
  return `billing:receipt:${year}`;
}

export function receiptNumber(prefix: string, year: number, serial: number): string {
  return `${prefix}${year}${String(serial).padStart(6, '0')}`;
}

/** The end of a money entry's description once its receipt number is known. */
export function withReceipt(entry: PlannedEntry, receiptNo: string): string {
  return entry.ofPayment ? `${entry.description}（收据 ${receiptNo}）` : entry.description;
}

export function planPaymentWrites(bills: readonly SettleBill[], req: PaymentRequest): PaymentWrites {
  const plan = planSettlement(bills, req.amountFen, req.today, req.lateFee);
  if (plan.remainderFen > 0 && req.overpayment === 'refuse') {
    const message = `the amount ${yuan(req.amountFen)} exceeds what the unit owes (${yuan(plan.outstandingFen)} including late fees to ${req.today}); over-payments are refused by this company's settings`;
    throw new RuleRefusedError(message, [{ pointer: '/amount', code: 'overpayment', message: `at most ${yuan(plan.outstandingFen)} is outstanding` }]);
  }
  const claims: BillClaim[] = plan.states
    .filter((s) => s.lateFeeFen !== s.seenLateFeeFen || s.paidFen !== s.seenPaidFen)
    .map((s) => ({
      id: s.bill.id, seenLateFeeFen: s.seenLateFeeFen, seenPaidFen: s.seenPaidFen, lateFeeFen: s.lateFeeFen, lateFeeThrough: s.lateFeeThrough,
      paidFen: s.paidFen, principalPaidFen: s.principalPaidFen, paid: s.bill.principalFen + s.lateFeeFen - s.paidFen <= 0,
    }));
  const byId = new Map(bills.map((b) => [b.id, b]));
  const entries: PlannedEntry[] = [];
  for (const a of plan.assessments) {
    entries.push({
      account: 'receivable', kind: 'lateFee', amountFen: a.addFen, billId: a.billId, ofPayment: false,
      description: `${periodLabel(byId.get(a.billId)!.periodKey)}滞纳金（计至 ${a.through} 前）`, method: null,
    });
  }
  for (const a of plan.allocations) {
    entries.push({
      account: 'receivable', kind: 'payment', amountFen: -(a.lateFeeFen + a.principalFen), billId: a.billId, ofPayment: true,
      description: `收款 ${periodLabel(byId.get(a.billId)!.periodKey)}`, method: req.method,
    });
  }
  if (plan.remainderFen > 0) {
    entries.push({ account: 'credit', kind: 'overpayment', amountFen: plan.remainderFen, billId: null, ofPayment: true, description: '预收款', method: req.method });
  }
  return { claims, entries, allocations: plan.allocations, creditFen: plan.remainderFen };
}
