/**
 * date.* rule operators on ISO strings. Arithmetic is on calendar days of the UTC date, done with
 * integer civil-calendar formulas instead of Date, so results never depend on the server's time
 * zone or on Date's two-digit-year quirks.
 *
 * Accepted: 'YYYY-MM-DD', or a date-time with an explicit zone ('2024-03-01T08:00:00+08:00',
 * '...Z'). A date-time without a zone is refused: it would mean "server local time".
 */
import { describeValue } from '../../money/index.js';

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|([+-])(\d{2}):(\d{2})))?$/;

const MINUTES_PER_DAY = 1440;
/** addDays refuses to leave years 0000-9999, which ISO strings can print with 4 digits. */
const MIN_DAY = daysFromCivil(0, 1, 1);
const MAX_DAY = daysFromCivil(9999, 12, 31);

function isLeapYear(y: number): boolean {
  return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
}

function daysInMonth(y: number, m: number): number {
  return [31, isLeapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Inverse of daysFromCivil, as 'YYYY-MM-DD'. */
export function civilFromDays(days: number): string {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

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
