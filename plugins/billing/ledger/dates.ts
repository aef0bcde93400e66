/**
 * Business dates: the ledger reasons in calendar dates of the company's time zone ('YYYY-MM-DD'),
 * and in instants only where rows carry timestamps (payments, ledger entries).
 */
import { DateTime } from 'luxon';

/**
 * UTC offsets (and their changes) fall on quarter hours, so every instant of one UTC quarter hour
 * has the same date in any zone: remembered per zone, since every payment asks for it and luxon's
 * zone conversion was a tenth of a payment's CPU.
 */
const QUARTER_HOUR_MS = 15 * 60_000;
const lastDate = new Map<string, { slot: number; date: string }>();

/** The calendar date of an instant in a time zone. */
export function localDate(instant: Date, timezone: string): string {
  const slot = Math.floor(instant.getTime() / QUARTER_HOUR_MS);
  const known = lastDate.get(timezone);
  if (known?.slot === slot) return known.date;
  const date = DateTime.fromJSDate(instant, { zone: timezone }).toFormat('yyyy-MM-dd');
  lastDate.set(timezone, { slot, date });
  return date;
}

/** The instants a local calendar day spans: [from, to). */
export function dayRange(isoDate: string, timezone: string): { from: Date; to: Date } {
  const start = DateTime.fromISO(isoDate, { zone: timezone }).startOf('day');
  return { from: start.toJSDate(), to: start.plus({ days: 1 }).toJSDate() };
}

/** The instant a local calendar day starts. */
export function startOfDay(isoDate: string, timezone: string): Date {
  return DateTime.fromISO(isoDate, { zone: timezone }).startOf('day').toJSDate();
}

/**
 * Whole months from `from` to `to` (dates): 2026-09-01 → 2026-12-01 is 3; one day short is 2.
 * Used for "months unpaid" counted from the oldest unpaid period's first day.
 */
export function wholeMonthsBetween(from: string, to: string): number {
  const months = DateTime.fromISO(to, { zone: 'utc' }).diff(DateTime.fromISO(from, { zone: 'utc' }), 'months').months;
  return Math.max(0, Math.floor(months + 1e-9));
}

/** `date` minus whole months (for "at least N months unpaid" as a period-start cutoff). */
export function minusMonths(date: string, months: number): string {
  return DateTime.fromISO(date, { zone: 'utc' }).minus({ months }).toFormat('yyyy-MM-dd');
}

export const ISO_DATE = { type: 'string', format: 'date' } as const;
