/** Shapes of the billing plugin's answers (plugins/billing, HTTP contract): money as yuan strings, dates YYYY-MM-DD. */
import type { LocalizedTitle } from '../../../ui/src/plugin-ui-api.js';

export interface BillSummary {
  id: number;
  number: string;
  unitId: number;
  unitLabel: string;
  periodKey: string;
  principal: string;
  lateFee: string;
  paid: string;
  outstanding: string;
  status: 'open' | 'paid' | string;
  dueOn: string;
}

export interface BillDetail extends BillSummary {
  projectId: number;
  periodStart: string;
  periodEnd: string;
  noticeOn: string;
  reminderOn: string;
  reminderDueOn: string;
  finalNoticeOn: string;
  finalDueOn: string;
}

export interface BillLine {
  feeCode: string;
  kind: string;
  description: LocalizedTitle | string | null;
  quantity: string;
  unitPrice: string;
  factor: string;
  amount: string;
  rateFrom: string | null;
  source: string | null;
}

export interface NoticeView {
  kind: 'payment' | 'reminder' | 'final' | string;
  issuedOn: string;
  dueOn: string;
  amount: string;
}

export interface Allocation {
  billId: number;
  billNumber: string | null;
  periodKey?: string | null;
  periodLabel?: string | null;
  lateFee: string;
  principal: string;
}

export interface PaymentView {
  id: number;
  unitId?: number;
  receiptNo: string;
  amount: string;
  method: string;
  reference?: string | null;
  payerName?: string | null;
  allocations: Allocation[];
  credit: string;
  receivedAt: string;
}

/** What a payment would settle (POST /api/billing/payments/preview): nothing is booked yet. */
export interface PaymentPreview {
  unitId: number;
  amount: string;
  method: string;
  asOf: string;
  outstanding: string;
  allocations: { billId: number; billNumber: string; periodKey: string; periodLabel: string; items: string[]; lateFee: string; principal: string }[];
  credit: string;
}

export interface DepositView {
  id: number;
  purpose: string;
  amount?: string;
  balance?: string;
  status: string;
  [key: string]: unknown;
}

export interface AccountView {
  unit: { id: number; number: string; label?: string; building: { id: number; name: string } | null; project: { id: number; code: string; name: string } | null; area: string; unitType: string; status: string };
  owner: { name: string; phone: string | null } | null;
  receivable: string;
  credit: string;
  depositsHeld: string;
  openBills: BillSummary[];
  pendingCharges: { id: number; sourcePlugin: string; sourceRef: string; description: LocalizedTitle | string | null; amount: string; occurredAt: string }[];
  deposits: DepositView[];
  lastDunningStep: { step: string; title: LocalizedTitle | null; note: string; recordedAt: string } | null;
}

export interface LedgerEntryView {
  id: number;
  account: string;
  kind: string;
  amount: string;
  billId: number | null;
  paymentId: number | null;
  depositId: number | null;
  description: LocalizedTitle | string | null;
  occurredAt: string;
}

export interface KeysetPage<T> {
  items: T[];
  nextCursor: string | number | null;
}

export interface ArrearsItem {
  unitId: number;
  unitLabel: string;
  projectId?: number;
  owner: { name: string; phone: string | null } | null;
  outstanding: string;
  lateFee: string;
  oldestPeriod: string;
  monthsUnpaid: number;
  lastStep: { step: string; title: LocalizedTitle | null; recordedAt: string } | null;
  nextStep: { code: string; title: LocalizedTitle; afterMonthsUnpaid: number } | null;
  oldestPeriodLabel?: string;
}

export interface CollectionRate {
  label: 'thisMonth' | 'lastMonth' | 'monthBefore';
  periodKey: string;
  billed: string;
  collected: string;
  rate: string | null;
  target: string;
  met: boolean;
}

export interface DailyCash {
  date: string;
  cashierId: number;
  byMethod: Record<string, string>;
  receipts: number;
  total: string;
  closing: { expectedCash: string; countedCash: string; difference: string } | null;
}

export interface RunView {
  id: number;
  periodKey: string;
  projectId: number | null;
  status: string;
  unitsTotal: number;
  billsCreated: number;
  startedAt: string;
  finishedAt: string | null;
}

export interface PeriodView {
  periodKey: string;
  start: string;
  end: string;
  dueOn: string;
}

/** The whole arrears list's figures (GET /api/billing/arrears, first page). */
export interface ArrearsTotals { units: number; outstanding: string; lateFee: string }
