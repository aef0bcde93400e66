/**
 * Reading one year's official holiday arrangement (the State Council's 《国务院办公厅关于20XX年部分节假日
 * 安排的通知》) as the platform takes it in: a JSON document
 *
 *   { "year": 2027, "source": "国办发明电〔2026〕N号 …", "holidays": ["2027-01-01", …], "workdays": ["2027-02-…", …] }
 *
 * `holidays` are the days off (weekend days folded into a holiday block included), `workdays` the
 * 调休 weekend days that are worked. Everything is checked before anything is stored: the file is
 * typed by an operator from a published notice, and one wrong date moves every working-day deadline.
 */
import { assertIsoDate, isoWeekday } from '../calendar/iso-date.js';

export interface PublicCalendarDocument {
  year: number;
  source: string;
  holidays: string[];
  workdays: string[];
}

export interface CalendarFileIssue {
  pointer: string;
  code: string;
  message: string;
}

const KEYS = new Set(['year', 'source', 'holidays', 'workdays']);
/** more days than any arrangement has ever listed; a bound against a pasted list of every day */
const MAX_DATES = 60;

/** The document's problems (empty: it may be stored). */
export function publicCalendarIssues(doc: unknown): CalendarFileIssue[] {
  const issues: CalendarFileIssue[] = [];
  const add = (pointer: string, code: string, message: string) => issues.push({ pointer, code, message });
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    add('', 'type', 'must be an object with year, source, holidays and workdays');
    return issues;
  }
  const d = doc as Record<string, unknown>;
  for (const key of Object.keys(d)) if (!KEYS.has(key)) add(`/${key}`, 'additionalProperties', `unknown field ${key}`);
  const year = d.year;
  if (typeof year !== 'number' || !Number.isInteger(year) || year < 2000 || year > 2100) add('/year', 'range', 'year must be a whole year from 2000 to 2100');
  if (typeof d.source !== 'string' || d.source.trim().length < 4 || d.source.length > 300) {
    add('/source', 'source', 'name the notice the dates come from (4 to 300 characters)');
  }
  const lists = { holidays: d.holidays, workdays: d.workdays };
  const seen = new Map<string, string>();
  for (const [name, list] of Object.entries(lists)) {
    if (!Array.isArray(list)) {
      add(`/${name}`, 'type', `${name} must be a list of YYYY-MM-DD dates`);
      continue;
    }
    if (list.length > MAX_DATES) add(`/${name}`, 'maxItems', `at most ${MAX_DATES} dates`);
    list.slice(0, MAX_DATES).forEach((date, i) => {
      const pointer = `/${name}/${i}`;
      try {
        assertIsoDate(date, 'date');
      } catch {
        add(pointer, 'format', 'not a YYYY-MM-DD date');
        return;
      }
      const iso = date as string;
      if (typeof year === 'number' && Number(iso.slice(0, 4)) !== year) add(pointer, 'year', `${iso} is not in ${year}`);
      const other = seen.get(iso);
      if (other) add(pointer, 'duplicate', other === name ? `${iso} is listed twice` : `${iso} is both a holiday and a working day`);
      seen.set(iso, name);
      // 调休 moves work onto a weekend day; a weekday "workday" would change nothing and is a typo
      if (name === 'workdays' && isoWeekday(iso) <= 5) add(pointer, 'weekday', `${iso} is a weekday: 调休 working days are Saturdays or Sundays`);
    });
  }
  if (Array.isArray(d.holidays) && d.holidays.length === 0) add('/holidays', 'minItems', 'an arrangement has at least New Year\'s Day');
  return issues;
}

/** The document as stored: dates sorted, source trimmed. Call after publicCalendarIssues() found none. */
export function normalisedCalendar(doc: PublicCalendarDocument): PublicCalendarDocument {
  return { year: doc.year, source: doc.source.trim(), holidays: [...doc.holidays].sort(), workdays: [...doc.workdays].sort() };
}
