/**
 * The Chinese public calendar (statutory holidays and 调休 make-up working days), from the
 * `chinese-days` package. Nothing here is hand-written: the package is the source of the data.
 *
 * Why the package's JSON data and not its isWorkday()/getDayDetail() functions: those functions
 * parse 'YYYY-MM-DD' as UTC midnight but then read the date and weekday back in the *process's*
 * local zone, and they build their lookup tables the same way when the module loads. On a server
 * whose TZ is west of UTC (any America/* zone) every answer is shifted by a day, e.g. with
 * TZ=America/New_York isWorkday(new Date(2026, 9, 10)) is false although 2026-10-10 is a 调休
 * working Saturday. The published `dist/chinese-days.json` is built once by the package's own
 * build and holds the same tables keyed by plain dates, so lookups in it depend on nothing but
 * the date. public-calendar.test.ts checks that the two agree wherever the functions are reliable.
 *
 * The tables are turned into Sets once, at module load, so a lookup is two Set probes.
 */
import publicDays from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { isoWeekday } from './iso-date.js';

interface PublicDayTables {
  /** statutory days off, including the weekend days folded into a holiday block */
  holidays: Record<string, string>;
  /** 调休: weekend days that are working days because of a holiday arrangement */
  workdays: Record<string, string>;
}

const tables: PublicDayTables = publicDays;

const PUBLIC_HOLIDAYS: ReadonlySet<string> = new Set(Object.keys(tables.holidays));
const PUBLIC_MAKEUP_WORKDAYS: ReadonlySet<string> = new Set(Object.keys(tables.workdays));

/**
 * Years the package has published. The State Council announces a year's arrangement late in the
 * previous year and every year has at least New Year's Day, so a year with no holiday entries is
 * a year whose data has not been published (yet).
 */
const COVERED_YEARS: ReadonlySet<number> = new Set([...PUBLIC_HOLIDAYS].map((d) => Number(d.slice(0, 4))));

/**
 * Whether a valid ISO date is a working day by the public calendar alone:
 * 调休 working day > statutory holiday > Monday–Friday.
 * For years without published data this is plain Monday–Friday; see hasPublicCalendarData().
 */
export function isPublicWorkingDay(isoDate: string): boolean {
  if (PUBLIC_MAKEUP_WORKDAYS.has(isoDate)) return true;
  if (PUBLIC_HOLIDAYS.has(isoDate)) return false;
  return isoWeekday(isoDate) <= 5;
}

/** True when the package has published the holiday arrangement for `year`. */
export function hasPublicCalendarData(year: number): boolean {
  return COVERED_YEARS.has(year);
}
