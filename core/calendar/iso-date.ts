/**
 * Plain calendar dates as 'YYYY-MM-DD' strings, and the one date arithmetic of the platform: the
 * working calendar, the date helpers plugins share (date-helpers.ts) and the date.* rule operators
 * (core/rules/custom) all count days here.
 *
 * Working-day rules are about local calendar dates, not instants, so the calendar code passes dates
 * around as ISO strings. The arithmetic is on day numbers (days since 1970-01-01 of the proleptic
 * Gregorian calendar) with integer civil-calendar formulas instead of Date: a date has no time zone,
 * and results never depend on the server's TZ or on Date's two-digit-year quirks (Date.UTC maps
 * years 0..99 to 1900..1999). No imports: core/rules runs in the browser too.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

/** Days in a month (1-12) of a year. */
export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
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

/** True for a well-formed, real calendar date: '2026-02-28' yes; '2026-02-30', '2026-2-3' no. */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/**
 * Throws a RangeError naming `what` when `value` is not a valid 'YYYY-MM-DD' date.
 * Callers name the setting or argument so the message points at the bad input.
 */
export function assertIsoDate(value: unknown, what: string): asserts value is string {
  if (!isIsoDate(value)) {
    throw new RangeError(`${what} must be a real calendar date in YYYY-MM-DD form, got ${JSON.stringify(value)}`);
  }
}

/** Days since 1970-01-01 of a date already known to be valid. */
export function dayNumber(isoDate: string): number {
  return daysFromCivil(Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7)), Number(isoDate.slice(8, 10)));
}

/** The date `days` days after (or before, if negative) a valid ISO date. */
export function addDaysToIsoDate(isoDate: string, days: number): string {
  return civilFromDays(dayNumber(isoDate) + days);
}

/** ISO weekday of a valid ISO date: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
export function isoWeekday(isoDate: string): number {
  return ((((dayNumber(isoDate) + 3) % 7) + 7) % 7) + 1;
}
