/**
 * date.* operators on the company calendar and the month: the date helpers of
 * core/calendar/date-helpers.ts as rule operators. Working days and "today" need the calendar and
 * clock of the rule's environment (core/rules/rule-environment.ts).
 */
import { addWorkingDays, endOfMonth, startOfMonth, workingDaysBetween } from '../../calendar/date-helpers.js';
import { describeValue } from '../../money/index.js';
import { requireCalendar, ruleEnvironment } from '../rule-environment.js';
import { civilFromDays } from '../../calendar/iso-date.js';
import { utcDayOf } from './date-ops.js';

// the calendar's own bound (a module without luxon: core/rules runs in the browser)
import { MAX_WORKING_DAYS } from '../../calendar/working-day-limit.js';

/** The date part of an ISO date or zoned date-time, as the existing date.* operators read it. */
function dateOf(op: string, value: unknown): string {
  return civilFromDays(utcDayOf(op, value));
}

function count(op: string, value: unknown): number {
  const n = typeof value === 'string' && /^\d{1,5}$/.test(value) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > MAX_WORKING_DAYS) {
    throw new RangeError(`${op}: working-day count must be an integer from 0 to ${MAX_WORKING_DAYS}, got ${describeValue(value)}`);
  }
  return n;
}

export function dateStartOfMonth(value: unknown): string {
  return startOfMonth(dateOf('date.startOfMonth', value));
}

export function dateEndOfMonth(value: unknown): string {
  return endOfMonth(dateOf('date.endOfMonth', value));
}

/** [iso, n]: the n-th working day after the date on the company calendar. */
export function dateAddWorkingDays(value: unknown, n: unknown): string {
  return addWorkingDays(requireCalendar('date.addWorkingDays'), dateOf('date.addWorkingDays', value), count('date.addWorkingDays', n));
}

/** [from, to]: working days after `from` up to and including `to`. */
export function dateWorkingDaysBetween(from: unknown, to: unknown): number {
  return workingDaysBetween(requireCalendar('date.workingDaysBetween'), dateOf('date.workingDaysBetween', from), dateOf('date.workingDaysBetween', to));
}

/** []: today's date on the company calendar, at the environment's clock. */
export function dateToday(): string {
  const now = ruleEnvironment().now;
  if (!now) throw new RangeError('date.today: needs the clock, which this rule is not evaluated with');
  return requireCalendar('date.today').localDate(now);
}

export function checkCountLiteral(value: unknown): string | undefined {
  return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= MAX_WORKING_DAYS ? undefined : `working-day count must be an integer from 0 to ${MAX_WORKING_DAYS}`;
}
