/**
 * The platform's public calendar layer in the database: each import of a year adds a version
 * (public_calendar_version); the latest version of every year is put in force in this process
 * (core/calendar/public-calendar.ts) at start and, through the cluster bus, in every instance as
 * soon as any of them imports one. Applied to every company, under each company's own additions.
 */
import type { MikroORM } from '@mikro-orm/core';
import { PublicCalendarVersion } from '../db/entities/index.js';
import { hasPublicCalendarData, platformCalendarYears, publicCalendarSource, setPlatformCalendar, type PublicCalendarYear } from '../calendar/public-calendar.js';
import type { ClusterBus } from '../cluster/bus.js';
import { ValidationError } from '../errors.js';
import { normalisedCalendar, publicCalendarIssues, type PublicCalendarDocument } from './public-calendar-file.js';

const TOPIC = 'public-calendar';

export interface CalendarYearStatus {
  year: number;
  /** 'platform': imported here; 'package': the holiday package's data; 'missing': nobody has it */
  source: 'platform' | 'package' | 'missing';
  /** the notice the platform's version names */
  notice: string | null;
  version: number | null;
}

export class PublicCalendarStore {
  constructor(private readonly orm: MikroORM, private readonly bus: ClusterBus) {
    bus.subscribe(TOPIC, () => void this.load().catch(() => {}));
    bus.onResync(() => void this.load().catch(() => {}));
  }

  /** Puts the latest version of every year in force in this process. */
  async load(): Promise<PublicCalendarYear[]> {
    const rows = await this.orm.em.fork().find(PublicCalendarVersion, {}, { orderBy: { year: 'asc', version: 'asc' } });
    const latest = new Map<number, PublicCalendarVersion>();
    for (const r of rows) latest.set(r.year, r);
    const years = [...latest.values()].map((r) => ({ year: r.year, holidays: r.holidays, workdays: r.workdays, source: r.source, version: r.version }));
    setPlatformCalendar(years);
    return years;
  }

  /**
   * Stores a year's arrangement as its next version and puts it in force everywhere.
   * @throws ValidationError naming each problem of the document; nothing is stored then
   */
  async import(doc: unknown, importedBy: string): Promise<PublicCalendarYear> {
    const issues = publicCalendarIssues(doc);
    if (issues.length) throw new ValidationError(issues);
    const clean = normalisedCalendar(doc as PublicCalendarDocument);
    const em = this.orm.em.fork();
    // the unique (year, version) index turns two imports of one year at once into one failure
    const row = await em.transactional(async (tx) => {
      const last = await tx.findOne(PublicCalendarVersion, { year: clean.year }, { orderBy: { version: 'desc' } });
      const created = tx.create(PublicCalendarVersion, {
        year: clean.year, version: (last?.version ?? 0) + 1, holidays: clean.holidays, workdays: clean.workdays,
        source: clean.source, importedBy, importedAt: new Date(),
      });
      await tx.flush();
      return created;
    });
    await this.bus.publish(TOPIC);
    await this.load();
    return { year: row.year, holidays: row.holidays, workdays: row.workdays, source: row.source, version: row.version };
  }

  /** Every stored version of a year, newest first (the history an operator reviews). */
  async versions(year: number): Promise<PublicCalendarVersion[]> {
    return this.orm.em.fork().find(PublicCalendarVersion, { year }, { orderBy: { version: 'desc' } });
  }
}

/** Where each of the given years' arrangement comes from, as the admin pages show it. */
export function calendarYearStatus(years: number[]): CalendarYearStatus[] {
  return years.map((year) => {
    const source = publicCalendarSource(year);
    if (!source) return { year, source: 'missing', notice: null, version: null };
    return source.kind === 'platform'
      ? { year, source: 'platform', notice: source.source, version: source.version }
      : { year, source: 'package', notice: null, version: null };
  });
}

/**
 * Last year, this year, next year (the years deadlines now reach into) and every year the platform
 * holds, with where each one's arrangement comes from. "This year" is China's: the arrangement is
 * the State Council's, whatever time zone a company works in.
 */
export function calendarStatusNear(now: Date): CalendarYearStatus[] {
  const thisYear = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(now));
  const years = [...new Set([thisYear - 1, thisYear, thisYear + 1, ...platformCalendarYears().map((y) => y.year)])].sort((a, b) => a - b);
  return calendarYearStatus(years);
}

/** Years of `candidates` without an official arrangement. */
export function missingYears(candidates: number[]): number[] {
  return candidates.filter((y) => !hasPublicCalendarData(y));
}
