/**
 * date.* rule operators on ISO strings. Arithmetic is on calendar days of the UTC date, done with
 * integer civil-calendar formulas instead of Date, so results never depend on the server's time
 * zone or on Date's two-digit-year quirks.
 *
 * Accepted: 'YYYY-MM-DD', or a date-time with an explicit zone ('2024-03-01T08:00:00+08:00',
 * '...Z'). A date-time without a zone is refused: it would mean "server local time".
 */
import { describeValue } from '../../money/index.js';
// the day arithmetic is the calendar's (core/calendar/iso-date.ts): one implementation for the calendar, the date helpers and these operators
import { civilFromDays, daysFromCivil, daysInMonth } from '../../calendar/iso-date.js';

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|([+-])(\d{2}):(\d{2})))?$/;

const MINUTES_PER_DAY = 1440;
/** addDays refuses to leave years 0000-9999, which ISO strings can print with 4 digits. */
const MIN_DAY = daysFromCivil(0, 1, 1);
const MAX_DAY = daysFromCivil(9999, 12, 31);

/** The UTC calendar day (days since 1970-01-01) of an ISO date or zoned date-time. */
export function utcDayOf(op: string, value: unknown): number {
  const match = typeof value === 'string' ? ISO.exec(value) : null;
  if (!match) throw new RangeError(`${op}: expected an ISO date 'YYYY-MM-DD' or a date-time with a zone, got ${describeValue(value)}`);
  const [, ys, ms, ds, hs, mins, ss, sign, ohs, oms] = match;
  const [year, month, day] = [Number(ys), Number(ms), Number(ds)];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`${op}: no such date ${describeValue(value)}`);
  }
  const days = daysFromCivil(year, month, day);
  if (hs === undefined) return days;
  const [hour, minute, second] = [Number(hs), Number(mins), Number(ss ?? 0)];
  const offset = sign === undefined ? 0 : (sign === '-' ? -1 : 1) * (Number(ohs) * 60 + Number(oms));
  if (hour > 23 || minute > 59 || second > 59 || Number(ohs ?? 0) > 23 || Number(oms ?? 0) > 59) {
    throw new RangeError(`${op}: no such time ${describeValue(value)}`);
  }
  return Math.floor((days * MINUTES_PER_DAY + hour * 60 + minute - offset) / MINUTES_PER_DAY);
}

/** [fromIso, toIso]: whole calendar days from the first to the second; negative when `to` is earlier. */
export function dateDaysBetween(from: unknown, to: unknown): number {
  return utcDayOf('date.daysBetween', to) - utcDayOf('date.daysBetween', from);
}

/** [iso, n]: the UTC date n days later (n may be negative), as 'YYYY-MM-DD'. */
export function dateAddDays(iso: unknown, n: unknown): string {
  const count = typeof n === 'string' && /^-?\d{1,7}$/.test(n) ? Number(n) : n;
  if (typeof count !== 'number' || !Number.isSafeInteger(count)) {
    throw new RangeError(`date.addDays: day count must be an integer, got ${describeValue(n)}`);
  }
  const day = utcDayOf('date.addDays', iso) + count;
  if (day < MIN_DAY || day > MAX_DAY) throw new RangeError(`date.addDays: ${describeValue(iso)} + ${count} days is outside years 0000-9999`);
  return civilFromDays(day);
}

/** Static check of a literal date operand. */
export function checkDateLiteral(value: unknown): string | undefined {
  try {
    utcDayOf('', value);
    return undefined;
  } catch (error) {
    return (error as Error).message.replace(/^: /, '');
  }
}
