/**
 * Plain calendar dates as 'YYYY-MM-DD' strings.
 *
 * Working-day rules are about local calendar dates, not instants, so the calendar code passes dates
 * around as ISO strings. All arithmetic here goes through UTC on purpose: a date has no time zone,
 * and doing the maths in UTC keeps it independent of the server process's own TZ setting.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** True for a well-formed, real calendar date: '2026-02-28' yes; '2026-02-30', '2026-2-3' no. */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const t = utcMidnight(year, month, day);
  // Out-of-range parts roll over (Feb 30 -> Mar 2), so a round trip detects them.
  return t.getUTCFullYear() === year && t.getUTCMonth() === month - 1 && t.getUTCDate() === day;
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

/** UTC midnight of a date; setUTCFullYear because Date.UTC maps years 0..99 to 1900..1999. */
function utcMidnight(year: number, month: number, day: number): Date {
  const t = new Date(0);
  t.setUTCFullYear(year, month - 1, day);
  return t;
}

/** Days since 1970-01-01 for a date already known to be valid. */
function toDayNumber(isoDate: string): number {
  const t = utcMidnight(Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7)), Number(isoDate.slice(8, 10)));
  return t.getTime() / DAY_MS;
}

function fromDayNumber(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

/** The date `days` days after (or before, if negative) a valid ISO date. */
export function addDaysToIsoDate(isoDate: string, days: number): string {
  return fromDayNumber(toDayNumber(isoDate) + days);
}

/** ISO weekday of a valid ISO date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(isoDate: string): number {
  const jsDay = new Date(toDayNumber(isoDate) * DAY_MS).getUTCDay(); // 0 = Sunday
  return jsDay === 0 ? 7 : jsDay;
}
