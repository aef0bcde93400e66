/**
 * The company working calendar: which local dates are working days, and in which time zone
 * "local" is meant. Deadlines (durations.ts) are computed on top of it.
 */
import { DateTime, IANAZone } from 'luxon';
import { addDaysToIsoDate, assertIsoDate } from './iso-date.js';
import { MAX_WORKING_DAYS } from './working-day-limit.js';
import { hasPublicCalendarData, isPublicWorkingDay } from './public-calendar.js';

export interface CalendarSettings {
  /** IANA time zone the company works in; decides which local date an instant falls on. */
  timezone: string;
  /** Company-specific extra days off, 'YYYY-MM-DD' (e.g. a company anniversary). */
  holidays: string[];
  /** Company-specific extra working days, 'YYYY-MM-DD'; wins over public holidays, weekends and `holidays`. */
  workdays: string[];
}

/**
 * Shanghai, no company overrides. Frozen because it is shared: a caller mutating it would silently
 * change every calendar built from defaults afterwards.
 */
export const DEFAULT_CALENDAR: CalendarSettings = Object.freeze({
  timezone: 'Asia/Shanghai',
  holidays: Object.freeze([]) as unknown as string[],
  workdays: Object.freeze([]) as unknown as string[],
});

/**
 * Upper bound for addWorkingDays. Real service deadlines are days or weeks; the bound only exists
 * so that a typo like 1e9 fails fast instead of looping for minutes. (working-day-limit.ts: the
 * date.* rule operators keep the same bound.)
 */
export { MAX_WORKING_DAYS };

export class WorkingCalendar {
  readonly timezone: string;
  // Built once here so that counting working days is only Set lookups per day.
  private readonly companyHolidays: ReadonlySet<string>;
  private readonly companyWorkdays: ReadonlySet<string>;

  /**
   * Missing (undefined) settings fall back to DEFAULT_CALENDAR.
   * @throws RangeError for a time zone that is not a valid IANA zone or a malformed date in the lists
   */
  constructor(settings: Partial<CalendarSettings> = {}) {
    const timezone = settings.timezone ?? DEFAULT_CALENDAR.timezone;
    // IANAZone.isValidZone rejects luxon's non-IANA forms ('UTC+8', 'local'), which setZone would accept.
    if (typeof timezone !== 'string' || !IANAZone.isValidZone(timezone)) {
      throw new RangeError(`calendar timezone must be a valid IANA time zone, got ${JSON.stringify(timezone)}`);
    }
    this.timezone = timezone;
    this.companyHolidays = toDateSet(settings.holidays ?? DEFAULT_CALENDAR.holidays, 'holidays');
    this.companyWorkdays = toDateSet(settings.workdays ?? DEFAULT_CALENDAR.workdays, 'workdays');
  }

  /**
   * company workdays > company holidays > public calendar (holidays and 调休 working weekends) > Mon–Fri.
   * For a year the public calendar has not published (see hasPublicDataFor) only the company lists
   * and Mon–Fri apply, so statutory holidays of that year count as working days until the package
   * is updated.
   * @throws RangeError when isoDate is not a real 'YYYY-MM-DD' date
   */
  isWorkingDay(isoDate: string): boolean {
    assertIsoDate(isoDate, 'isWorkingDay date');
    return this.isWorkingDayUnchecked(isoDate);
  }

  /**
   * Local calendar date (YYYY-MM-DD) of an instant in this calendar's time zone: the same instant
   * can be Saturday in Shanghai and still Friday in New York.
   * @throws RangeError for an invalid Date
   */
  /**
   * The local calendar year of an instant. Asked on every case creation (serial numbers are per
   * year), so the current year's bounds are cached instead of converting time zones each call.
   */
  localYear(instant: Date): number {
    const t = instant.getTime();
    const cached = this.yearCache;
    if (cached && t >= cached.from && t < cached.to) return cached.year;
    const local = DateTime.fromJSDate(instant, { zone: this.timezone });
    const start = local.startOf('year');
    this.yearCache = { year: local.year, from: start.toMillis(), to: start.plus({ years: 1 }).toMillis() };
    return local.year;
  }

  private yearCache: { year: number; from: number; to: number } | undefined;

  localDate(instant: Date): string {
    assertValidInstant(instant, 'localDate instant');
    const date = DateTime.fromJSDate(instant, { zone: this.timezone }).toISODate();
    if (date === null) throw new RangeError(`localDate instant ${instant.toISOString()} is out of range`);
    return date;
  }

  /** True when the public calendar has data for that year (chinese-days publishes a year at a time). */
  hasPublicDataFor(year: number): boolean {
    return hasPublicCalendarData(year);
  }

  /**
   * The `count`-th working day after `fromIsoDate`; `fromIsoDate` itself is never counted.
   * count 0 means "today if it is a working day, otherwise the next working day".
   * Dates only; durations.ts turns the result into a due instant.
   * @throws RangeError for a malformed date, or a count that is not an integer in 0..MAX_WORKING_DAYS
   */
  addWorkingDays(fromIsoDate: string, count: number): string {
    assertIsoDate(fromIsoDate, 'addWorkingDays date');
    if (!Number.isInteger(count) || count < 0 || count > MAX_WORKING_DAYS) {
      throw new RangeError(`working-day count must be an integer from 0 to ${MAX_WORKING_DAYS}, got ${count}`);
    }
    let date = fromIsoDate;
    if (count === 0) {
      while (!this.isWorkingDayUnchecked(date)) date = addDaysToIsoDate(date, 1);
      return date;
    }
    // Terminates: company lists are finite, so beyond them every Monday is a working day.
    for (let found = 0; found < count; ) {
      date = addDaysToIsoDate(date, 1);
      if (this.isWorkingDayUnchecked(date)) found++;
    }
    return date;
  }

  private isWorkingDayUnchecked(isoDate: string): boolean {
    if (this.companyWorkdays.has(isoDate)) return true;
    if (this.companyHolidays.has(isoDate)) return false;
    return isPublicWorkingDay(isoDate);
  }
}

/** Rejects non-Date values and Invalid Date, which would otherwise surface as a NaN deadline much later. */
export function assertValidInstant(value: unknown, what: string): asserts value is Date {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw new RangeError(`${what} must be a valid Date, got ${String(value)}`);
  }
}

function toDateSet(dates: unknown, setting: string): ReadonlySet<string> {
  if (!Array.isArray(dates)) {
    throw new RangeError(`calendar ${setting} must be an array of YYYY-MM-DD dates, got ${JSON.stringify(dates)}`);
  }
  for (const d of dates) assertIsoDate(d, `calendar ${setting} entry`);
  return new Set(dates as string[]);
}
