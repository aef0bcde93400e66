/**
 * Recording a payment with prepared statements (services.sql), not the ORM: a payment runs per
 * request at the cashier's desk and under online-payment load, and the ORM's path (about ten
 * statements parsed anew each time, change tracking) cost ten times the statements' own work.
 *
 * SQLite: one transaction on the single connection — open bills, duplicate checks, the plan, the
 * claims, the receipt counter, the payment, its ledger rows and the audit entry. Nothing else can
 * run between them, so the plan cannot go stale.
 *
 * PostgreSQL: the open bills are read on their own, then ONE statement writes everything — claims,
 * receipt counter, payment, ledger rows, audit — and commits. The `receipt:<year>` counter row is
 * the one every payment of the company waits for; it is now locked only for that statement and its
 * commit, not for a transaction's round trips. Each claim is conditional on the figures the plan
 * was made from; a bill that changed in between (another payment of the unit) aborts the statement
 * — nothing written, no number taken — and the payment is planned again from fresh figures.
 * Duplicate receipt numbers and references are refused by the unique indexes, as before.
 */
import { WuyeError, type PreparedSql } from '../../../core/plugin-api.js';
import type { Allocation } from './allocation.js';
import { yuan } from './amounts.js';
import { planPaymentWrites, receiptCounterKey, receiptNumber, withReceipt, type PaymentRequest } from './payment-writes.js';
import type { SettleBill } from './settle.js';

export interface RecordedPayment {
  id: number;
  receiptNo: string;
  allocations: Allocation[];
  creditFen: number;
  /** the unit's open bills as the payment found them, by id */
  bills: Map<number, SettleBill>;
}

const OPEN_BILLS = `select id, number, period_key, period_start, due_on, reminder_due_on, final_due_on, principal_fen, late_fee_fen, late_fee_through,
  paid_fen, principal_paid_fen from billing_bill where company_id = ? and unit_id = ? and status = 'open' order by period_start, id`;
const RECEIPT_USED = 'select 1 as used from billing_payment where company_id = ? and receipt_no = ? limit 1';
const REFERENCE_USED = 'select 1 as used from billing_payment where company_id = ? and method = ? and reference = ? limit 1';

type BillRow = Record<'id' | 'principal_fen' | 'late_fee_fen' | 'paid_fen' | 'principal_paid_fen', number | string> &
  Record<'number' | 'period_key' | 'period_start' | 'due_on' | 'reminder_due_on' | 'final_due_on', string> & { late_fee_through: string | null };

/** bigint columns come back as strings on PostgreSQL */
function billOf(r: BillRow): SettleBill {
  return {
    id: Number(r.id), number: r.number, periodKey: r.period_key, periodStart: r.period_start, dueOn: r.due_on, reminderDueOn: r.reminder_due_on,
    finalDueOn: r.final_due_on, principalFen: Number(r.principal_fen), lateFeeFen: Number(r.late_fee_fen), lateFeeThrough: r.late_fee_through,
    paidFen: Number(r.paid_fen), principalPaidFen: Number(r.principal_paid_fen),
  };
}

function duplicate(pointer: string, message: string): WuyeError {
  return new WuyeError('WUYE_DUPLICATE', 409, message, [{ pointer, code: 'duplicate', message }]);
}

function billChanged(): WuyeError {
  return new WuyeError('WUYE_CONFLICT', 409, 'a bill of this unit changed while the payment was being recorded; nothing was written, please retry');
}

/** A friendly refusal for a receipt number or reference already used (the unique indexes decide races). */
async function refuseDuplicates(query: PreparedSql['query'], req: PaymentRequest): Promise<void> {
  if (req.receiptNo !== null && (await query(RECEIPT_USED, [req.companyId, req.receiptNo])).length > 0) {
    throw duplicate('/receiptNo', `receipt ${req.receiptNo} has already been used`);
  }
  if (req.reference !== null && (await query(REFERENCE_USED, [req.companyId, req.method, req.reference])).length > 0) {
    throw duplicate('/reference', `a ${req.method} payment with reference ${req.reference} has already been recorded`);
  }
}

export function recordPayment(sql: PreparedSql, req: PaymentRequest): Promise<RecordedPayment> {
  return sql.dialect === 'postgresql' ? recordOnPostgres(sql, req) : recordOnSqlite(sql, req);
}

const CLAIM = `update billing_bill set late_fee_fen = ?, late_fee_through = ?, paid_fen = ?, principal_paid_fen = ?, status = ?, paid_at = ?
  where id = ? and company_id = ? and status = 'open' and late_fee_fen = ? and paid_fen = ? returning id`;
const NEXT_RECEIPT = 'insert into counter (company_id, key, value) values (?, ?, 1) on conflict (company_id, key) do update set value = counter.value + 1 returning value';
const INSERT_PAYMENT = `insert into billing_payment (company_id, project_id, unit_id, receipt_no, method, amount_fen, reference, payer_name, received_at,
  cashier_id, allocations, credit_fen, closing_id, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null, ?) returning id`;
const INSERT_ENTRY = `insert into billing_ledger_entry (company_id, project_id, unit_id, account, kind, amount_fen, bill_id, payment_id, deposit_id,
  description, actor_id, occurred_at, method) values (?, ?, ?, ?, ?, ?, ?, ?, null, ?, ?, ?, ?)`;
const INSERT_AUDIT = `insert into audit_entry (company_id, actor_id, action, target, data, created_at) values (?, ?, 'billing.payment', ?, ?, ?)`;

async function recordOnSqlite(sql: PreparedSql, req: PaymentRequest): Promise<RecordedPayment> {
  return sql.transaction(async (query) => {
    const bills = (await query<BillRow>(OPEN_BILLS, [req.companyId, req.unitId])).map(billOf);
    await refuseDuplicates(query, req);
    const writes = planPaymentWrites(bills, req);
    for (const c of writes.claims) {
      const claimed = await query(CLAIM, [c.lateFeeFen, c.lateFeeThrough, c.paidFen, c.principalPaidFen, c.paid ? 'paid' : 'open', c.paid ? req.now : null,
        c.id, req.companyId, c.seenLateFeeFen, c.seenPaidFen]);
      if (claimed.length === 0) throw billChanged();
    }
    const receiptNo = req.receiptNo
      ?? receiptNumber(req.receiptPrefix, req.receiptYear, Number((await query<{ value: number }>(NEXT_RECEIPT, [req.companyId, receiptCounterKey(req.receiptYear)]))[0]!.value));
    const [payment] = await query<{ id: number }>(INSERT_PAYMENT, [req.companyId, req.projectId, req.unitId, receiptNo, req.method, req.amountFen, req.reference,
      req.payerName, req.now, req.cashierId, JSON.stringify(writes.allocations), writes.creditFen, req.now]);
    const id = Number(payment!.id);
    // late fees first, then the money: the order the ledger shows them in
    for (const e of writes.entries) {
      await query(INSERT_ENTRY, [req.companyId, req.projectId, req.unitId, e.account, e.kind, e.amountFen, e.billId, e.ofPayment ? id : null,
        withReceipt(e, receiptNo), req.cashierId, req.now, e.method]);
    }
    await query(INSERT_AUDIT, [req.companyId, req.cashierId, `billing_payment:${id}`, JSON.stringify({ receiptNo, amount: yuan(req.amountFen), unitId: req.unitId }), req.now]);
    return { id, receiptNo, allocations: writes.allocations, creditFen: writes.creditFen, bills: new Map(bills.map((b) => [b.id, b])) };
  });
}

/**
 * The whole write in one statement (data-modifying CTEs run as one: all or nothing). Parameters
 * are cast: in INSERT … SELECT PostgreSQL would otherwise take them as text.
 *
 * The last SELECT fails the statement when fewer bills were claimed than planned, with a runtime
 * cast error carrying BILL_CHANGED: a conditional UPDATE that finds a bill changed by a concurrent
 * commit re-checks its condition on the new row and skips it, and only an error undoes the rows
 * the statement already wrote. (A constant expression would be folded at planning, so the failing
 * value is built from the claim count.)
 */
const WRITE_PAYMENT_PG = `
with claims as (
  select * from jsonb_to_recordset(?::jsonb) as c(id int, seen_late_fee_fen bigint, seen_paid_fen bigint, late_fee_fen bigint, late_fee_through text,
    paid_fen bigint, principal_paid_fen bigint, paid boolean)
),
claimed as (
  update billing_bill b set late_fee_fen = c.late_fee_fen, late_fee_through = c.late_fee_through, paid_fen = c.paid_fen, principal_paid_fen = c.principal_paid_fen,
    status = case when c.paid then 'paid' else 'open' end, paid_at = case when c.paid then ?::timestamptz end
  from claims c
  where b.id = c.id and b.company_id = ?::int and b.status = 'open' and b.late_fee_fen = c.seen_late_fee_fen and b.paid_fen = c.seen_paid_fen
  returning b.id
),
counted as (
  insert into counter (company_id, key, value) select ?::int, ?::text, 1 where ?::text is null
  on conflict (company_id, key) do update set value = counter.value + 1
  returning value
),
numbered as (
  select coalesce(?::text, ?::text || (select lpad(value::text, greatest(6, length(value::text)), '0') from counted)) as receipt_no
),
payment as (
  insert into billing_payment (company_id, project_id, unit_id, receipt_no, method, amount_fen, reference, payer_name, received_at, cashier_id,
    allocations, credit_fen, closing_id, created_at)
  select ?::int, ?::int, ?::int, n.receipt_no, ?::text, ?::bigint, ?::text, ?::text, ?::timestamptz, ?::int, ?::jsonb, ?::bigint, null, ?::timestamptz from numbered n
  returning id, receipt_no
),
entries as (
  insert into billing_ledger_entry (company_id, project_id, unit_id, account, kind, amount_fen, bill_id, payment_id, deposit_id, description, actor_id, occurred_at, method)
  select ?::int, ?::int, ?::int, e.account, e.kind, e.amount_fen, e.bill_id, case when e.of_payment then p.id end, null,
    e.description || case when e.of_payment then '（收据 ' || p.receipt_no || '）' else '' end, ?::int, ?::timestamptz, e.method
  from jsonb_to_recordset(?::jsonb) as e(ord int, account text, kind text, amount_fen bigint, bill_id int, of_payment boolean, description text, method text)
  cross join payment p
  order by e.ord
),
audit as (
  insert into audit_entry (company_id, actor_id, action, target, data, created_at)
  select ?::int, ?::int, 'billing.payment', 'billing_payment:' || p.id, jsonb_build_object('receiptNo', p.receipt_no, 'amount', ?::text, 'unitId', ?::int), ?::timestamptz
  from payment p
)
select p.id, p.receipt_no,
  case when (select count(*) from claimed) = ?::int then 0 else ('BILL_CHANGED ' || (select count(*) from claimed))::int end as claims_missing
from payment p`;

/** Plans made from figures another payment changed first: planned again this many times before a 409. */
const ATTEMPTS = 4;

async function recordOnPostgres(sql: PreparedSql, req: PaymentRequest): Promise<RecordedPayment> {
  await refuseDuplicates(sql.query, req);
  for (let attempt = 1; ; attempt++) {
    const bills = (await sql.query<BillRow>(OPEN_BILLS, [req.companyId, req.unitId])).map(billOf);
    const writes = planPaymentWrites(bills, req);
    const claims = writes.claims.map((c) => ({
      id: c.id, seen_late_fee_fen: c.seenLateFeeFen, seen_paid_fen: c.seenPaidFen, late_fee_fen: c.lateFeeFen, late_fee_through: c.lateFeeThrough,
      paid_fen: c.paidFen, principal_paid_fen: c.principalPaidFen, paid: c.paid,
    }));
    const entries = writes.entries.map((e, ord) => ({
      ord, account: e.account, kind: e.kind, amount_fen: e.amountFen, bill_id: e.billId, of_payment: e.ofPayment, description: e.description, method: e.method,
    }));
    try {
      const [row] = await sql.query<{ id: number; receipt_no: string }>(WRITE_PAYMENT_PG, [
        JSON.stringify(claims), req.now, req.companyId,
        req.companyId, receiptCounterKey(req.receiptYear), req.receiptNo,
        req.receiptNo, `${req.receiptPrefix}${req.receiptYear}`,
        req.companyId, req.projectId, req.unitId, req.method, req.amountFen, req.reference, req.payerName, req.now, req.cashierId,
        JSON.stringify(writes.allocations), writes.creditFen, req.now,
        req.companyId, req.projectId, req.unitId, req.cashierId, req.now, JSON.stringify(entries),
        req.companyId, req.cashierId, yuan(req.amountFen), req.unitId, req.now,
        claims.length,
      ]);
      return { id: Number(row!.id), receiptNo: row!.receipt_no, allocations: writes.allocations, creditFen: writes.creditFen, bills: new Map(bills.map((b) => [b.id, b])) };
    } catch (err) {
      if (!String((err as Error)?.message).includes('BILL_CHANGED')) throw err;
      if (attempt >= ATTEMPTS) throw billChanged();
    }
  }
}
