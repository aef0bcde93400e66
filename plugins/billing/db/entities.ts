/**
 * The billing plugin's tables. Amounts are integer fen (分) in bigint columns, read as JS numbers
 * (exact up to 2^53 fen); rates and quantities are decimal strings. Every row carries company_id
 * and every query filters by it.
 */
import { BigIntType, EntitySchema } from '@mikro-orm/core';

const fen = () => ({ type: new BigIntType('number') });
const isoDate = (nullable = false) => ({ type: 'string', length: 10, nullable });

/** One run of the billing for a period (a company, optionally one project): resumable, idempotent. */
export class BillingRun {
  id!: number;
  companyId!: number;
  /** null = every project of the company */
  projectId?: number | null;
  periodKey!: string;
  status!: 'running' | 'done';
  configVersionId!: number;
  unitsTotal!: number;
  billsCreated!: number;
  startedAt!: Date;
  finishedAt?: Date | null;
}
export const BillingRunSchema = new EntitySchema<BillingRun>({
  class: BillingRun,
  tableName: 'billing_run',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    companyId: { type: 'integer' },
    projectId: { type: 'integer', nullable: true },
    periodKey: { type: 'string', length: 16 },
    status: { type: 'string', length: 16 },
    configVersionId: { type: 'integer' },
    unitsTotal: { type: 'integer' },
    billsCreated: { type: 'integer' },
    startedAt: { type: 'datetime' },
    finishedAt: { type: 'datetime', nullable: true },
  },
  indexes: [{ properties: ['companyId', 'periodKey'] }],
});

/** A unit's bill for one period (month, quarter or half-year), with its notice calendar. */
export class Bill {
  id!: number;
  companyId!: number;
  projectId!: number;
  unitId!: number;
  /** e.g. BL-2026-12-000123 */
  number!: string;
  /** 2026-12 (month), 2027-Q1 (quarter), 2027-H1 (half-year) */
  periodKey!: string;
  periodStart!: string;
  periodEnd!: string;
  /** the dates of the cycle table: payment notice, last day to pay, reminder and its term, final notice and its term */
  noticeOn!: string;
  dueOn!: string;
  reminderOn!: string;
  reminderDueOn!: string;
  finalNoticeOn!: string;
  finalDueOn!: string;
  /** sum of the lines (without late fees) */
  principalFen!: number;
  /** late fees assessed so far */
  lateFeeFen!: number;
  /** late fees were assessed up to (excluding) this date; null = never */
  lateFeeThrough?: string | null;
  /** paid so far, principal and late fee together */
  paidFen!: number;
  /** of paidFen, the part that went to principal */
  principalPaidFen!: number;
  /** developer: the bill's days were before the unit's handover and moved to the developer (ledger/handover.ts) */
  status!: 'open' | 'paid' | 'developer';
  configVersionId!: number;
  runId?: number | null;
  createdAt!: Date;
  paidAt?: Date | null;
}
export const BillSchema = new EntitySchema<Bill>({
  class: Bill,
  tableName: 'billing_bill',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    companyId: { type: 'integer' },
    projectId: { type: 'integer' },
    unitId: { type: 'integer' },
    number: { type: 'string', length: 40 },
    periodKey: { type: 'string', length: 16 },
    periodStart: isoDate(),
    periodEnd: isoDate(),
    noticeOn: isoDate(),
    dueOn: isoDate(),
    reminderOn: isoDate(),
    reminderDueOn: isoDate(),
    finalNoticeOn: isoDate(),
    finalDueOn: isoDate(),
    principalFen: fen(),
    lateFeeFen: fen(),
    lateFeeThrough: isoDate(true),
    paidFen: fen(),
    principalPaidFen: fen(),
    status: { type: 'string', length: 16 },
    configVersionId: { type: 'integer' },
    runId: { type: 'integer', nullable: true },
    createdAt: { type: 'datetime' },
    paidAt: { type: 'datetime', nullable: true },
  },
  uniques: [{ properties: ['companyId', 'unitId', 'periodKey'] }, { properties: ['companyId', 'number'] }],
  indexes: [
    { properties: ['companyId', 'status', 'dueOn'] },
    { properties: ['companyId', 'projectId', 'periodKey', 'id'] },
    { properties: ['runId'] },
    // the notices job: payment notices due by date; arrears: open bills per unit, oldest first
    { properties: ['companyId', 'noticeOn'] },
    { properties: ['companyId', 'status', 'unitId', 'periodStart'] },
  ],
});

/** One line of a bill: which fee, at which rate (and since when it applied), on what quantity. */
export class BillLine {
  id!: number;
  companyId!: number;
  billId!: number;
  /** the fee item's code in the settings, or the posting plugin's id for a posted charge */
  feeCode!: string;
  kind!: 'area' | 'fixed' | 'metered' | 'oneOff' | 'charge';
  description!: string;
  /** decimal strings: area × months, consumption, count… */
  quantity!: string;
  unitPrice!: string;
  /** entrusted (e.g. 0.7) or vacancy factor; '1' when none */
  factor!: string;
  amountFen!: number;
  /** effective date of the rate used (traceability); null for posted charges */
  rateFrom?: string | null;
  /** where the amount comes from: meter readings, a work order serial… */
  source?: string | null;
  chargeId?: number | null;
}
export const BillLineSchema = new EntitySchema<BillLine>({
  class: BillLine,
  tableName: 'billing_bill_line',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    companyId: { type: 'integer' },
    billId: { type: 'integer' },
    feeCode: { type: 'string', length: 64 },
    kind: { type: 'string', length: 16 },
    description: { type: 'string', length: 200 },
    quantity: { type: 'string', length: 32 },
    unitPrice: { type: 'string', length: 32 },
    factor: { type: 'string', length: 16 },
    amountFen: fen(),
    rateFrom: isoDate(true),
    source: { type: 'string', length: 200, nullable: true },
    chargeId: { type: 'integer', nullable: true },
  },
  indexes: [{ properties: ['billId'] }],
});

/** A charge posted by another plugin (a paid work order, debris removal…): it goes on the unit's next bill. */
export class Charge {
  id!: number;
  companyId!: number;
  projectId!: number;
  unitId!: number;
  sourcePlugin!: string;
  /** e.g. the work order's serial; (company, plugin, ref) is unique, so posting twice changes nothing */
  sourceRef!: string;
  description!: string;
  amountFen!: number;
  occurredAt!: Date;
  /** set when a billing run puts it on a bill */
  billId?: number | null;
  caseId?: number | null;
  createdAt!: Date;
}
export const ChargeSchema = new EntitySchema<Charge>({
  class: Charge,
  tableName: 'billing_charge',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    companyId: { type: 'integer' },
    projectId: { type: 'integer' },
    unitId: { type: 'integer' },
    sourcePlugin: { type: 'string', length: 64 },
    sourceRef: { type: 'string', length: 64 },
    description: { type: 'string', length: 200 },
    amountFen: fen(),
    occurredAt: { type: 'datetime' },
    billId: { type: 'integer', nullable: true },
    caseId: { type: 'integer', nullable: true },
    createdAt: { type: 'datetime' },
  },
  uniques: [{ properties: ['companyId', 'sourcePlugin', 'sourceRef'] }],
  indexes: [{ properties: ['companyId', 'unitId', 'billId'] }],
});

/**
 * The per-unit ledger, append-only. `receivable`: + is owed (charges, late fees), − is settled
 * (payments, write-offs); `deposit`: + held, − deducted or refunded. `credit`: prepayment held
 * for future bills (+ held, − applied).
 */
export class LedgerEntry {
  id!: number;
  companyId!: number;
  projectId!: number;
  unitId!: number;
  account!: 'receivable' | 'deposit' | 'credit';
  kind!: 'charge' | 'lateFee' | 'payment' | 'creditApplied' | 'overpayment' | 'depositReceived' | 'depositDeducted' | 'depositRefunded' | 'refund' | 'writeOff' | 'developerTransfer';
  amountFen!: number;
  billId?: number | null;
  paymentId?: number | null;
  depositId?: number | null;
  description!: string;
  /** how money changed hands for deposits received or topped up (cash, transfer, pos, online): the cash closing counts them */
  method?: string | null;
  actorId?: number | null;
  occurredAt!: Date;
}
export const LedgerEntrySchema = new EntitySchema<LedgerEntry>({
  class: LedgerEntry,
  tableName: 'billing_ledger_entry',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    companyId: { type: 'integer' },
    projectId: { type: 'integer' },
    unitId: { type: 'integer' },
    account: { type: 'string', length: 16 },
    kind: { type: 'string', length: 24 },
    amountFen: fen(),
    billId: { type: 'integer', nullable: true },
    paymentId: { type: 'integer', nullable: true },
    depositId: { type: 'integer', nullable: true },
    description: { type: 'string', length: 200 },
    method: { type: 'string', length: 16, nullable: true },
    actorId: { type: 'integer', nullable: true },
    occurredAt: { type: 'datetime' },
  },
  indexes: [
    { properties: ['companyId', 'unitId', 'id'] },
    { properties: ['billId'] },
    // units holding credit (the notices job applies it) and a cashier's deposit takings of a day
    { properties: ['companyId', 'account', 'unitId'] },
    { properties: ['companyId', 'actorId', 'occurredAt'] },
  ],
});

/** A payment taken by a cashier (or received online), with its receipt serial. */
export class Payment {
  id!: number;
  companyId!: number;
  projectId!: number;
  unitId!: number;
  /** printed receipt number: generated, or a pre-issued one (home collection); unique per company */
  receiptNo!: string;
  method!: 'cash' | 'transfer' | 'pos' | 'online';
  amountFen!: number;
  /** bank / POS / online transaction reference: unique per company and method */
  reference?: string | null;
  payerName?: string | null;
  receivedAt!: Date;
  cashierId!: number;
  /** how the amount was applied: [{ billId, lateFeeFen, principalFen }], oldest bill first */
  allocations!: { billId: number; lateFeeFen: number; principalFen: number }[];
  /** the part kept as credit for future bills */
  creditFen!: number;
  /** the daily cash closing that balanced it */
  closingId?: number | null;
  createdAt!: Date;
}
export const PaymentSchema = new EntitySchema<Payment>({
  class: Payment,
  tableName: 'billing_payment',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    companyId: { type: 'integer' },
    projectId: { type: 'integer' },
    unitId: { type: 'integer' },
    receiptNo: { type: 'string', length: 40 },
    method: { type: 'string', length: 16 },
    amountFen: fen(),
    reference: { type: 'string', length: 64, nullable: true },
    payerName: { type: 'string', length: 100, nullable: true },
    receivedAt: { type: 'datetime' },
    cashierId: { type: 'integer' },
    allocations: { type: 'json' },
    creditFen: fen(),
    closingId: { type: 'integer', nullable: true },
    createdAt: { type: 'datetime' },
  },
  uniques: [{ properties: ['companyId', 'receiptNo'] }, { properties: ['companyId', 'method', 'reference'] }],
  indexes: [{ properties: ['companyId', 'unitId', 'id'] }, { properties: ['companyId', 'cashierId', 'receivedAt'] }, { properties: ['companyId', 'receivedAt', 'id'] }],
});

/** A deposit held for a unit (renovation, keys…): deducted with reason, topped up, refunded after approval. */
export class Deposit {
  id!: number;
  companyId!: number;
  projectId!: number;
  unitId!: number;
  purpose!: string;
  sourcePlugin?: string | null;
  sourceRef?: string | null;
  heldFen!: number;
  status!: 'held' | 'refundRequested' | 'refunded';
  refundRequestedBy?: number | null;
  refundApprovedBy?: number | null;
  version!: number;
  createdAt!: Date;
  updatedAt!: Date;
}
export const DepositSchema = new EntitySchema<Deposit>({
  class: Deposit,
  tableName: 'billing_deposit',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    companyId: { type: 'integer' },
    projectId: { type: 'integer' },
    unitId: { type: 'integer' },
    purpose: { type: 'string', length: 64 },
    sourcePlugin: { type: 'string', length: 64, nullable: true },
    sourceRef: { type: 'string', length: 64, nullable: true },
    heldFen: fen(),
    status: { type: 'string', length: 24 },
    refundRequestedBy: { type: 'integer', nullable: true },
    refundApprovedBy: { type: 'integer', nullable: true },
    version: { type: 'integer' },
    createdAt: { type: 'datetime' },
    updatedAt: { type: 'datetime' },
  },
  indexes: [{ properties: ['companyId', 'unitId'] }, { properties: ['companyId', 'status', 'id'] }],
});

/** A meter reading (water, electricity, gas); consumption between readings is billed once. */
export class MeterReading {
  id!: number;
  companyId!: number;
  unitId!: number;
  meter!: string;
  /** decimal string */
  reading!: string;
  readOn!: string;
  source?: string | null;
  /** the bill that charged the consumption up to this reading */
  billedBillId?: number | null;
  createdAt!: Date;
}
export const MeterReadingSchema = new EntitySchema<MeterReading>({
  class: MeterReading,
  tableName: 'billing_meter_reading',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    companyId: { type: 'integer' },
    unitId: { type: 'integer' },
    meter: { type: 'string', length: 32 },
    reading: { type: 'string', length: 32 },
    readOn: isoDate(),
    source: { type: 'string', length: 100, nullable: true },
    billedBillId: { type: 'integer', nullable: true },
    createdAt: { type: 'datetime' },
  },
  indexes: [{ properties: ['companyId', 'unitId', 'meter', 'readOn'] }],
});

/** A payment notice, reminder or final notice issued for a bill on its date. */
export class Notice {
  id!: number;
  companyId!: number;
  billId!: number;
  unitId!: number;
  kind!: 'payment' | 'reminder' | 'final';
  issuedOn!: string;
  dueOn!: string;
  /** what was outstanding when it was issued */
  amountFen!: number;
  createdAt!: Date;
}
export const NoticeSchema = new EntitySchema<Notice>({
  class: Notice,
  tableName: 'billing_notice',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    companyId: { type: 'integer' },
    billId: { type: 'integer' },
    unitId: { type: 'integer' },
    kind: { type: 'string', length: 16 },
    issuedOn: isoDate(),
    dueOn: isoDate(),
    amountFen: fen(),
    createdAt: { type: 'datetime' },
  },
  uniques: [{ properties: ['billId', 'kind'] }],
  indexes: [{ properties: ['companyId', 'issuedOn'] }],
});

/** One step of the dunning ladder taken for a unit in arrears (phone/SMS, letter, visit, legal). */
export class DunningStep {
  id!: number;
  companyId!: number;
  unitId!: number;
  step!: string;
  note!: string;
  outcome?: string | null;
  actorId!: number;
  recordedAt!: Date;
}
export const DunningStepSchema = new EntitySchema<DunningStep>({
  class: DunningStep,
  tableName: 'billing_dunning_step',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    companyId: { type: 'integer' },
    unitId: { type: 'integer' },
    step: { type: 'string', length: 32 },
    note: { type: 'string', length: 500 },
    outcome: { type: 'string', length: 200, nullable: true },
    actorId: { type: 'integer' },
    recordedAt: { type: 'datetime' },
  },
  indexes: [{ properties: ['companyId', 'unitId', 'id'] }],
});

/** A cashier's daily cash balancing (日清): expected from receipts vs counted. */
export class CashClosing {
  id!: number;
  companyId!: number;
  cashierId!: number;
  businessDate!: string;
  expectedCashFen!: number;
  countedCashFen!: number;
  differenceFen!: number;
  /** totals by method and receipt count */
  totals!: Record<string, unknown>;
  note?: string | null;
  createdAt!: Date;
}
export const CashClosingSchema = new EntitySchema<CashClosing>({
  class: CashClosing,
  tableName: 'billing_cash_closing',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    companyId: { type: 'integer' },
    cashierId: { type: 'integer' },
    businessDate: isoDate(),
    expectedCashFen: fen(),
    countedCashFen: fen(),
    differenceFen: fen(),
    totals: { type: 'json' },
    note: { type: 'string', length: 500, nullable: true },
    createdAt: { type: 'datetime' },
  },
  uniques: [{ properties: ['companyId', 'cashierId', 'businessDate'] }],
});

export const BILLING_ENTITIES = [
  BillingRunSchema, BillSchema, BillLineSchema, ChargeSchema, LedgerEntrySchema, PaymentSchema, DepositSchema, MeterReadingSchema, NoticeSchema, DunningStepSchema, CashClosingSchema,
];
