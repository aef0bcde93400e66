/**
 * Date arithmetic plugins and rules share, on 'YYYY-MM-DD' dates (a date has no time zone; the
 * company calendar decides which day "today" is and which days are worked). One implementation
 * for the renovation works period, billing's late-fee days and the date.* rule operators.
 */
import { addDaysToIsoDate, assertIsoDate, dayNumber, daysInMonth } from './iso-date.js';

/** The calendar side of a company calendar these helpers need (WorkingCalendar has it). */
export interface WorkingDays {
  addWorkingDays(fromIsoDate: string, count: number): string;
  isWorkingDay(isoDate: string): boolean;
}

/** `days` calendar days after `isoDate` (negative: before). */
export function addCalendarDays(isoDate: string, days: number): string {
  assertIsoDate(isoDate, 'date');
  if (!Number.isSafeInteger(days)) throw new RangeError(`day count must be an integer, got ${days}`);
  return addDaysToIsoDate(isoDate, days);
}

/** Whole calendar days from `from` to `to`; negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  assertIsoDate(from, 'from date');
  assertIsoDate(to, 'to date');
  return dayNumber(to) - dayNumber(from);
}

/** The first day of the date's month. */
export function startOfMonth(isoDate: string): string {
  assertIsoDate(isoDate, 'date');
  return `${isoDate.slice(0, 7)}-01`;
}

/** The last day of the date's month (28th to 31st). */
export function endOfMonth(isoDate: string): string {
  assertIsoDate(isoDate, 'date');
  const last = daysInMonth(Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7)));
  return `${isoDate.slice(0, 7)}-${String(last).padStart(2, '0')}`;
}

/** The `count`-th working day after `isoDate` on the company calendar (0: that day if worked, else the next working day). */
export function addWorkingDays(calendar: WorkingDays, isoDate: string, count: number): string {
  return calendar.addWorkingDays(isoDate, count);
}

/**
 * Working days after `from` up to and including `to` on the company calendar (0 when `to` is not
 * after `from`): the count addWorkingDays would need to reach `to` from `from` when `to` is worked.
 */
export function workingDaysBetween(calendar: WorkingDays, from: string, to: string): number {
  const span = daysBetween(from, to);
  if (span > 3660) throw new RangeError(`working days between ${from} and ${to}: more than ten years apart`);
  let count = 0;
  for (let i = 1; i <= span; i++) if (calendar.isWorkingDay(addDaysToIsoDate(from, i))) count++;
  return count;
}
