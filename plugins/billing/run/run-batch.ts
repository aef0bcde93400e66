/**
 * One batch of the billing run: a range of units (by id) billed in ONE transaction, so a run killed
 * at any moment leaves whole batches behind and a re-run continues exactly where it stopped.
 * Set-based: a handful of queries per batch whatever its size (no query per unit), multi-row inserts.
 *
 * For each unit without a bill for the period: fee lines (domain/fee-lines.ts) + metered consumption
 * from unbilled readings + the unit's unbilled posted charges, then the bill, its lines, one ledger
 * entry (receivable, charge, +principal), and charges / readings marked billed. For every unit of the
 * batch, late fees are assessed on its overdue open bills as of the run's date (domain/late-fee.ts).
 */
import { DateTime } from 'luxon';
import { computeFeeLines, type FeeLine } from '../domain/fee-lines.js';
import { assessLateFee, type LateFeeAssessment, type LateFeeBill } from '../domain/late-fee.js';
import type { BillingPeriod } from '../domain/cycle-calendar.js';
import type { BillingSettings } from '../generated/settings.js';
import { consumptionOf, type ReadingRow } from './meter-consumption.js';
import { claimLateFees, insertMany, sqlTime, type Trx } from './sql.js';
import type { PluginServices } from '../../../core/plugin-api.js';
import { MoneyDecimal } from '../../../core/plugin-api.js';
import { periodLabel } from '../domain/period-label.js';

export interface BatchUnit {
  id: number;
  projectId: number;
  area: string;
  unitType: string;
  status: string;
}

/** The settings and period a project bills with (a project may patch the company's settings). */
export interface ProjectTerms {
  settings: BillingSettings;
  configVersionId: number;
  /** null when the period key does not fit this project's cycle: its units are not billed */
  period: BillingPeriod | null;
}

export interface BatchContext {
  services: PluginServices;
  companyId: number;
  runId: number;
  periodKey: string;
  /** late fees are assessed as of this date (the run's start date in the company's time zone) */
  asOf: string;
  /** charges posted up to the run's start are billed; later ones wait for the next run */
  chargesUpTo: Date;
  /** the time written on the rows (the run's start, so a resumed run writes the same) */
  writtenAt: Date;
  termsOf(projectId: number): ProjectTerms;
}

export interface BatchResult {
  billsCreated: number;
  alreadyBilled: number;
  nothingToBill: number;
  lateFees: number;
}

interface ChargeRow { id: number; unitId: number; sourcePlugin: string; sourceRef: string; description: string; amountFen: number }
interface BillLineRow { feeCode: string; kind: string; description: string; quantity: string; unitPrice: string; factor: string; amountFen: number; rateFrom: string | null; source: string | null; chargeId: number | null }

/** Bill numbers are derived, not counted: a resumed run numbers a unit's bill exactly as an uninterrupted one. */
export function billNumber(periodKey: string, unitId: number): string {
  return `BL-${periodKey}-${String(unitId).padStart(8, '0')}`;
}

/** Bill lines name the fee item in the company's language only: they print on notices and receipts. */
function lineDescription(line: FeeLine): string {
  return line.title['zh-CN'];
}

export async function runBatch(trx: Trx, ctx: BatchContext, units: BatchUnit[]): Promise<BatchResult> {
  const { companyId, periodKey, services } = ctx;
  const lo = units[0]!.id;
  const hi = units[units.length - 1]!.id;
  const result: BatchResult = { billsCreated: 0, alreadyBilled: 0, nothingToBill: 0, lateFees: 0 };

  result.lateFees = await assessLateFees(trx, ctx, units);

  // a unit is billed once per stretch of time: a bill for this period, or for any period overlapping
  // it (after a switch of cycle, 2027-H1 is not billed to a unit that already has 2027-Q1); only
  // bills of runs count — a move-in's one-off bill of the day (ledger/handover.ts) covers no period
  const span = spanOf(units, ctx);
  const billed = new Set<number>();
  if (span) {
    const rows = await trx('billing_bill').select('unit_id').where({ company_id: companyId }).whereBetween('unit_id', [lo, hi])
      .where((q) => q.where({ period_key: periodKey }).orWhere((o) => o.whereNotNull('run_id').andWhere('period_start', '<=', span.end).andWhere('period_end', '>=', span.start)));
    for (const r of rows) billed.add(Number(r.unit_id));
  }
  const toBill = units.filter((u) => !billed.has(u.id) && ctx.termsOf(u.projectId).period !== null);
  result.nothingToBill += units.filter((u) => ctx.termsOf(u.projectId).period === null).length;
  result.alreadyBilled = units.length - toBill.length - result.nothingToBill;
  if (toBill.length === 0) return result;

  const readings = await readingsOf(trx, ctx, lo, hi);
  const charges = new Map<number, ChargeRow[]>();
  const chargeRows = await trx('billing_charge').select('id', 'unit_id', 'source_plugin', 'source_ref', 'description', 'amount_fen')
    .where({ company_id: companyId }).whereBetween('unit_id', [lo, hi]).whereNull('bill_id').where('created_at', '<=', sqlTime(services, ctx.chargesUpTo)).orderBy('id');
  for (const r of chargeRows) {
    const row: ChargeRow = { id: Number(r.id), unitId: Number(r.unit_id), sourcePlugin: r.source_plugin, sourceRef: r.source_ref, description: r.description, amountFen: Number(r.amount_fen) };
    charges.set(row.unitId, [...(charges.get(row.unitId) ?? []), row]);
  }

  // fee lines depend only on (project, area, type, status) unless the unit has readings: computed once per shape
  const shapes = new Map<string, FeeLine[]>();
  const planned: { unit: BatchUnit; terms: ProjectTerms & { period: BillingPeriod }; lines: BillLineRow[]; readingIds: number[]; chargeIds: number[] }[] = [];
  for (const unit of toBill) {
    const terms = ctx.termsOf(unit.projectId);
    const period = terms.period!;
    const unitReadings = readings.get(unit.id);
    let feeLines: FeeLine[];
    let readingIds: number[] = [];
    if (unitReadings) {
      const used = consumptionOf(unitReadings.unbilled, unitReadings.anchors);
      feeLines = computeFeeLines(terms.settings, unit, period, { consumption: used.consumption }).lines;
      const billedMeters = new Set(feeLines.filter((l) => l.kind === 'metered').map((l) => terms.settings.feeItems[l.feeCode]!.meter));
      readingIds = used.readingIds.filter((id) => billedMeters.has(unitReadings.unbilled.find((r) => r.id === id)!.meter));
    } else {
      const shape = `${unit.projectId}|${unit.area}|${unit.unitType}|${unit.status}`;
      feeLines = shapes.get(shape) ?? computeFeeLines(terms.settings, unit, period, {}).lines;
      shapes.set(shape, feeLines);
    }
    const unitCharges = charges.get(unit.id) ?? [];
    const lines: BillLineRow[] = feeLines.map((l) => ({
      feeCode: l.feeCode, kind: l.kind, description: lineDescription(l), quantity: l.quantity, unitPrice: l.unitPrice, factor: l.factor,
      amountFen: l.amountFen, rateFrom: l.rateFrom, source: l.source, chargeId: null,
    }));
    for (const c of unitCharges) {
      lines.push({
        feeCode: c.sourcePlugin, kind: 'charge', description: c.description, quantity: '1', unitPrice: new MoneyDecimal(c.amountFen).dividedBy(100).toFixed(2),
        factor: '1', amountFen: c.amountFen, rateFrom: null, source: c.sourceRef, chargeId: c.id,
      });
    }
    if (lines.length === 0) { result.nothingToBill += 1; continue; }
    planned.push({ unit, terms: terms as ProjectTerms & { period: BillingPeriod }, lines, readingIds, chargeIds: unitCharges.map((c) => c.id) });
  }
  if (planned.length === 0) return result;

  const at = sqlTime(services, ctx.writtenAt);
  await insertMany(trx, 'billing_bill', planned.map(({ unit, terms, lines }) => {
    const p = terms.period;
    const principal = lines.reduce((sum, l) => sum + l.amountFen, 0);
    return {
      company_id: companyId, project_id: unit.projectId, unit_id: unit.id, number: billNumber(periodKey, unit.id), period_key: periodKey,
      period_start: p.start, period_end: p.end, notice_on: p.noticeOn, due_on: p.dueOn, reminder_on: p.reminderOn, reminder_due_on: p.reminderDueOn,
      final_notice_on: p.finalNoticeOn, final_due_on: p.finalDueOn, principal_fen: principal, late_fee_fen: 0, late_fee_through: null,
      paid_fen: 0, principal_paid_fen: 0, status: principal > 0 ? 'open' : 'paid', config_version_id: terms.configVersionId, run_id: ctx.runId,
      created_at: at, paid_at: principal > 0 ? null : at,
    };
  }));
  const ids = new Map<number, number>();
  for (const r of await trx('billing_bill').select('id', 'unit_id').where({ company_id: companyId, period_key: periodKey, run_id: ctx.runId }).whereBetween('unit_id', [lo, hi])) ids.set(Number(r.unit_id), Number(r.id));

  const lineRows: Record<string, unknown>[] = [];
  const ledgerRows: Record<string, unknown>[] = [];
  for (const { unit, lines } of planned) {
    const billId = ids.get(unit.id)!;
    for (const l of lines) {
      lineRows.push({ company_id: companyId, bill_id: billId, fee_code: l.feeCode, kind: l.kind, description: l.description, quantity: l.quantity, unit_price: l.unitPrice,
        factor: l.factor, amount_fen: l.amountFen, rate_from: l.rateFrom, source: l.source, charge_id: l.chargeId });
    }
    ledgerRows.push({ company_id: companyId, project_id: unit.projectId, unit_id: unit.id, account: 'receivable', kind: 'charge', amount_fen: lines.reduce((s, l) => s + l.amountFen, 0),
      bill_id: billId, payment_id: null, deposit_id: null, description: `${periodLabel(periodKey)}账单 ${billNumber(periodKey, unit.id)}`, actor_id: null, occurred_at: at });
  }
  await insertMany(trx, 'billing_bill_line', lineRows);
  await insertMany(trx, 'billing_ledger_entry', ledgerRows);
  for (const { unit, readingIds, chargeIds } of planned) {
    const billId = ids.get(unit.id)!;
    if (chargeIds.length > 0) await trx('billing_charge').update({ bill_id: billId }).where({ company_id: companyId }).whereIn('id', chargeIds).whereNull('bill_id');
    if (readingIds.length > 0) await trx('billing_meter_reading').update({ billed_bill_id: billId }).where({ company_id: companyId }).whereIn('id', readingIds).whereNull('billed_bill_id');
  }
  result.billsCreated = planned.length;
  return result;
}

/** The last day a late fee assessed up to (excluding) `through` covers. */
function dayBefore(through: string): string {
  return DateTime.fromISO(through, { zone: 'utc' }).minus({ days: 1 }).toISODate()!;
}

/** The widest [start, end] of the period over the batch's projects (projects may differ in cycle), or null if none bills it. */
function spanOf(units: BatchUnit[], ctx: BatchContext): { start: string; end: string } | null {
  const periods = [...new Set(units.map((u) => u.projectId))].map((id) => ctx.termsOf(id).period).filter((p): p is BillingPeriod => p !== null);
  if (periods.length === 0) return null;
  return { start: periods.map((p) => p.start).sort()[0]!, end: periods.map((p) => p.end).sort().reverse()[0]! };
}

/** Unbilled readings of the batch's units (read by the run's date), with the newest billed reading per meter as anchor. */
async function readingsOf(trx: Trx, ctx: BatchContext, lo: number, hi: number): Promise<Map<number, { unbilled: ReadingRow[]; anchors: ReadingRow[] }>> {
  const toRow = (r: Record<string, unknown>, billed: boolean): ReadingRow => ({ id: Number(r.id), unitId: Number(r.unit_id), meter: String(r.meter), reading: String(r.reading), readOn: String(r.read_on), billed });
  const byUnit = new Map<number, { unbilled: ReadingRow[]; anchors: ReadingRow[] }>();
  const open = await trx('billing_meter_reading').select('id', 'unit_id', 'meter', 'reading', 'read_on')
    .where({ company_id: ctx.companyId }).whereBetween('unit_id', [lo, hi]).whereNull('billed_bill_id').where('read_on', '<=', ctx.asOf);
  if (open.length === 0) return byUnit;
  for (const r of open) {
    const row = toRow(r, false);
    const entry = byUnit.get(row.unitId) ?? { unbilled: [], anchors: [] };
    entry.unbilled.push(row);
    byUnit.set(row.unitId, entry);
  }
  // meters read every month accumulate history: only the newest billed reading of each (unit, meter) is needed
  const anchors = await trx('billing_meter_reading as r').select('r.id', 'r.unit_id', 'r.meter', 'r.reading', 'r.read_on')
    .where('r.company_id', ctx.companyId).whereIn('r.unit_id', [...byUnit.keys()]).whereNotNull('r.billed_bill_id')
    .whereNotExists(function newer() {
      this.select(1).from('billing_meter_reading as n').whereRaw('n.company_id = r.company_id and n.unit_id = r.unit_id and n.meter = r.meter')
        .whereNotNull('n.billed_bill_id').whereRaw('(n.read_on > r.read_on or (n.read_on = r.read_on and n.id > r.id))');
    });
  for (const r of anchors) byUnit.get(Number(r.unit_id))!.anchors.push(toRow(r, true));
  return byUnit;
}

/** Late fees on the batch's overdue open bills of earlier periods as of the run's date; returns how many bills got one. */
async function assessLateFees(trx: Trx, ctx: BatchContext, units: BatchUnit[]): Promise<number> {
  const ids = units.map((u) => u.id);
  const rows = await trx('billing_bill').select('id', 'project_id', 'unit_id', 'number', 'period_key', 'period_start', 'due_on', 'reminder_due_on', 'final_due_on',
    'principal_fen', 'principal_paid_fen', 'late_fee_fen', 'late_fee_through')
    .where({ company_id: ctx.companyId, status: 'open' }).whereBetween('unit_id', [ids[0]!, ids[ids.length - 1]!])
    // the batch's own units: a run for one project leaves other projects' bills in the id range alone
    .whereIn('unit_id', ids)
    // `due_on || ''`: not an index term, so SQLite reads the batch's units through (company, status,
    // unit) instead of every open bill of the company due before the date (10k+ rows per batch)
    .whereRaw("(due_on || '') < ?", [ctx.asOf])
    // not the bills of the period being run: whether they exist yet depends on how far an interrupted
    // run got, and a re-run must assess exactly what an uninterrupted run does
    .whereNot({ period_key: ctx.periodKey }).orderBy('id');
  const entries: Record<string, unknown>[] = [];
  const at = sqlTime(ctx.services, ctx.writtenAt);
  const assessed: { id: number; bill: LateFeeBill; fee: LateFeeAssessment; row: Record<string, unknown> }[] = [];
  for (const r of rows) {
    const lateFee = ctx.termsOf(Number(r.project_id)).settings.lateFee;
    const bill: LateFeeBill = {
      periodStart: r.period_start, dueOn: r.due_on, reminderDueOn: r.reminder_due_on, finalDueOn: r.final_due_on,
      principalFen: Number(r.principal_fen), principalPaidFen: Number(r.principal_paid_fen), lateFeeFen: Number(r.late_fee_fen), lateFeeThrough: r.late_fee_through ?? null,
    };
    const fee = assessLateFee(bill, ctx.asOf, lateFee);
    if (fee) assessed.push({ id: Number(r.id), bill, fee, row: r });
  }
  // one set-based update, each bill claimed on the figures its fee was computed from: a payment
  // committing in between (which assesses late fees itself) wins, and that bill waits for the next run
  const claimed = await claimLateFees(trx, ctx.companyId, assessed.map(({ id, bill, fee }) => ({
    id, oldFeeFen: bill.lateFeeFen, oldThrough: bill.lateFeeThrough, principalPaidFen: bill.principalPaidFen, newFeeFen: bill.lateFeeFen + fee.addFen, through: fee.through,
  })));
  for (const { id, fee, row: r } of assessed) {
    if (!claimed.has(id)) continue;
    entries.push({ company_id: ctx.companyId, project_id: Number(r.project_id), unit_id: Number(r.unit_id), account: 'receivable', kind: 'lateFee', amount_fen: fee.addFen,
      bill_id: id, payment_id: null, deposit_id: null, description: `${periodLabel(String(r.period_key))}滞纳金（计至 ${dayBefore(fee.through)}）`, actor_id: null, occurred_at: at });
  }
  await insertMany(trx, 'billing_ledger_entry', entries);
  return entries.length;
}
