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
 *
 * The platform layer: the package publishes a year some time after the State Council's notice
 * (late in the year before). Until it does, an operator loads the notice's dates for that year
 * into the platform (core/platform/public-calendar-store.ts: CLI `calendar:import`, operator API);
 * a year the platform holds replaces the package's tables for that year, for every company, under
 * the companies' own additions. The layer is process-wide because it is platform data, the same
 * for every company; the store sets it at start and again whenever an instance imports a year.
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
const PACKAGE_YEARS: ReadonlySet<number> = new Set([...PUBLIC_HOLIDAYS].map((d) => Number(d.slice(0, 4))));

/** One year's official arrangement as the platform holds it (dates 'YYYY-MM-DD' inside that year). */
export interface PublicCalendarYear {
  year: number;
  /** statutory days off, weekend days folded into a holiday block included */
  holidays: string[];
  /** 调休: weekend days that are working days */
  workdays: string[];
  /** where the dates come from, e.g. the notice's title and number */
  source: string;
  version: number;
}

interface PlatformLayer {
  years: ReadonlyMap<number, { holidays: ReadonlySet<string>; workdays: ReadonlySet<string>; entry: PublicCalendarYear }>;
}

let platform: PlatformLayer = { years: new Map() };

/** Replaces the platform layer (the latest version of each year the platform holds). */
export function setPlatformCalendar(years: readonly PublicCalendarYear[]): void {
  platform = {
    years: new Map(years.map((y) => [y.year, { holidays: new Set(y.holidays), workdays: new Set(y.workdays), entry: y }])),
  };
}

/** The years the platform layer holds now (for the worker threads that compute dry runs). */
export function platformCalendarYears(): PublicCalendarYear[] {
  return [...platform.years.values()].map((y) => y.entry);
}

/**
 * Whether a valid ISO date is a working day by the public calendar alone:
 * 调休 working day > statutory holiday > Monday–Friday.
 * For years without published data this is plain Monday–Friday; see hasPublicCalendarData().
 */
export function isPublicWorkingDay(isoDate: string): boolean {
  const layer = platform.years.size ? platform.years.get(Number(isoDate.slice(0, 4))) : undefined;
  if (layer) {
    if (layer.workdays.has(isoDate)) return true;
    if (layer.holidays.has(isoDate)) return false;
    return isoWeekday(isoDate) <= 5;
  }
  if (PUBLIC_MAKEUP_WORKDAYS.has(isoDate)) return true;
  if (PUBLIC_HOLIDAYS.has(isoDate)) return false;
  return isoWeekday(isoDate) <= 5;
}

/** True when the package or the platform layer holds the holiday arrangement for `year`. */
export function hasPublicCalendarData(year: number): boolean {
  return PACKAGE_YEARS.has(year) || platform.years.has(year);
}

/** Where a year's arrangement comes from: the platform layer, the package, or nowhere yet. */
export function publicCalendarSource(year: number): { kind: 'platform'; source: string; version: number } | { kind: 'package' } | null {
  const layer = platform.years.get(year);
  if (layer) return { kind: 'platform', source: layer.entry.source, version: layer.entry.version };
  return PACKAGE_YEARS.has(year) ? { kind: 'package' } : null;
}
