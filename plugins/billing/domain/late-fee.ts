/**
 * Late fee (滞纳金): "3‰ of the overdue amount per day, counted from the first day of the period"
 * (seed 001 第五篇), with rate, start, when it becomes chargeable, cap and rounding from settings.
 *
 * Conventions:
 * - Days are counted from `start` up to but EXCLUDING `asOf`: an assessment on 20 Jan charges the
 *   days up to 19 Jan and leaves `through` = 20 Jan (the bill's lateFeeThrough means "assessed up to,
 *   excluding, this date"). start = the period's first day (startsOn 'periodStart') or the day after
 *   the payment notice's last day (startsOn 'dayAfterDue').
 * - Nothing is charged until asOf is AFTER the chargeableAfter date (the notice's, the reminder's or
 *   the final notice's last day); once chargeable, the fee covers every day since `start`.
 * - Base = unpaid principal (principal − principal paid) by default, or with `base: "billPrincipal"` the
 *   bill's whole principal while any of it is unpaid. Late fees never bear late fees.
 * - Incremental assessments telescope: each one adds round(base × rate × days(start, asOf)) −
 *   round(base × rate × days(start, through)) with the base as it is now. When nothing was paid in
 *   between, the sum of increments equals one assessment over the whole span exactly (no rounding
 *   drift); after a partial payment, later days accrue on the smaller base.
 * - Cap (capOfPrincipal, e.g. "1" = at most the principal): total late fees ≤ cap × principal,
 *   rounded down to the fen so the cap is never exceeded.
 */
import { MoneyDecimal, addCalendarDays, daysBetween as calendarDaysBetween, roundMoney, toFen } from '../../../core/plugin-api.js';
import type { BillingSettings } from '../generated/settings.js';

export type LateFeeSettings = BillingSettings['lateFee'];

export interface LateFeeBill {
  periodStart: string;
  dueOn: string;
  reminderDueOn: string;
  finalDueOn: string;
  principalFen: number;
  principalPaidFen: number;
  lateFeeFen: number;
  lateFeeThrough: string | null;
}

export interface LateFeeAssessment {
  /** late fee to add, in fen (> 0) */
  addFen: number;
  /** the new lateFeeThrough: assessed up to, excluding, this date (= asOf) */
  through: string;
}

/** days counted from `from` up to, excluding, `to`; none when `to` is not after `from` */
function daysBetween(from: string, to: string): number {
  return Math.max(0, calendarDaysBetween(from, to));
}

/** The first day late fees are counted for. */
export function lateFeeStart(bill: Pick<LateFeeBill, 'periodStart' | 'dueOn'>, lateFee: LateFeeSettings): string {
  return lateFee.startsOn === 'periodStart' ? bill.periodStart : addCalendarDays(bill.dueOn, 1);
}

/** The last day an owner can pay without a late fee being charged. */
export function chargeableAfter(bill: Pick<LateFeeBill, 'dueOn' | 'reminderDueOn' | 'finalDueOn'>, lateFee: LateFeeSettings): string {
  return lateFee.chargeableAfter === 'due' ? bill.dueOn : lateFee.chargeableAfter === 'reminderDue' ? bill.reminderDueOn : bill.finalDueOn;
}

/** Late fee owed on `baseFen` for `days` days, rounded per the late-fee rounding, in fen. */
function accruedFen(baseFen: number, days: number, lateFee: LateFeeSettings): number {
  if (days <= 0) return 0;
  const yuan = new MoneyDecimal(baseFen).dividedBy(100).times(lateFee.ratePerDay).times(days);
  return Number(toFen(roundMoney(yuan, lateFee.rounding.places, lateFee.rounding.mode)));
}

/**
 * What to add to a bill's late fee as of `asOf`, or null when there is nothing to add: disabled,
 * not chargeable yet, nothing outstanding, already assessed through asOf, cap reached, or an
 * amount that rounds to zero (the days stay unassessed, so the next assessment still counts them).
 */
export function assessLateFee(bill: LateFeeBill, asOf: string, lateFee: LateFeeSettings): LateFeeAssessment | null {
  if (!lateFee.enabled) return null;
  if (!(asOf > chargeableAfter(bill, lateFee))) return null;
  const unpaidFen = bill.principalFen - bill.principalPaidFen;
  if (unpaidFen <= 0) return null;
  // the declared base: the unpaid principal (default), or the bill's whole principal while any is unpaid
  const baseFen = lateFee.base === 'billPrincipal' ? bill.principalFen : unpaidFen;
  const start = lateFeeStart(bill, lateFee);
  const from = bill.lateFeeThrough && bill.lateFeeThrough > start ? bill.lateFeeThrough : start;
  if (!(asOf > from)) return null;
  let addFen = accruedFen(baseFen, daysBetween(start, asOf), lateFee) - accruedFen(baseFen, daysBetween(start, from), lateFee);
  if (lateFee.capOfPrincipal !== undefined) {
    const capFen = Number(toFen(roundMoney(new MoneyDecimal(bill.principalFen).dividedBy(100).times(lateFee.capOfPrincipal), 2, 'down')));
    addFen = Math.min(addFen, capFen - bill.lateFeeFen);
  }
  return addFen > 0 ? { addFen, through: asOf } : null;
}

/**
 * How a bill's late fee as of `asOf` is reached, for the screen: base, rate, days, the raw product,
 * the rounding, the cap, and what was already recorded. `reason` says why nothing is charged
 * (disabled, not chargeable yet, principal paid). Same rules as assessLateFee: the total over
 * [start, asOf) on the current base, capped; `dueFen` is what is owed in late fees on asOf.
 */
export interface LateFeeExplanation {
  reason: 'charged' | 'disabled' | 'notChargeable' | 'paid';
  base: 'unpaidPrincipal' | 'billPrincipal';
  baseFen: number;
  ratePerDay: string;
  perMille: string;
  from: string;
  to: string;
  days: number;
  raw: string;
  rounding: LateFeeSettings['rounding'];
  roundedFen: number;
  capFen: number | null;
  capOfPrincipal: string | null;
  chargeableAfter: string;
  recordedFen: number;
  totalFen: number;
}

export function explainLateFee(bill: LateFeeBill, asOf: string, lateFee: LateFeeSettings): LateFeeExplanation {
  const unpaidFen = bill.principalFen - bill.principalPaidFen;
  const baseFen = lateFee.base === 'billPrincipal' ? bill.principalFen : unpaidFen;
  const from = lateFeeStart(bill, lateFee);
  const after = chargeableAfter(bill, lateFee);
  const days = daysBetween(from, asOf);
  const raw = new MoneyDecimal(baseFen).dividedBy(100).times(lateFee.ratePerDay).times(days);
  const capFen = lateFee.capOfPrincipal !== undefined ? Number(toFen(roundMoney(new MoneyDecimal(bill.principalFen).dividedBy(100).times(lateFee.capOfPrincipal), 2, 'down'))) : null;
  const reason = !lateFee.enabled ? 'disabled' : unpaidFen <= 0 ? 'paid' : !(asOf > after) ? 'notChargeable' : 'charged';
  const roundedFen = reason === 'charged' ? accruedFen(baseFen, days, lateFee) : 0;
  const added = assessLateFee(bill, asOf, lateFee)?.addFen ?? 0;
  return {
    reason, base: lateFee.base ?? 'unpaidPrincipal', baseFen, ratePerDay: lateFee.ratePerDay, perMille: new MoneyDecimal(lateFee.ratePerDay).times(1000).toFixed(),
    from, to: asOf, days, raw: raw.toFixed(6).replace(/0+$/, '').replace(/\.$/, ''), rounding: lateFee.rounding, roundedFen,
    capFen, capOfPrincipal: lateFee.capOfPrincipal ?? null, chargeableAfter: after, recordedFen: bill.lateFeeFen, totalFen: bill.lateFeeFen + added,
  };
}
