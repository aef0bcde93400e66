/**
 * Pure rules of the renovation procedure that declarations cannot say: allowed working hours on the
 * company calendar, which patrols a day lacks, money sums. No database, no clock: the effects and
 * the job in index.ts pass everything in.
 */
import { MoneyDecimal, addCalendarDays, formatMoney, parseMoney, roundMoney, type Decimal, type WorkingCalendar } from '../../core/plugin-api.js';
import type { RenovationSettings } from './generated/settings.js';

export interface TimeWindow {
  from: string;
  to: string;
}

/** Local wall-clock time "HH:MM" of an instant in the calendar's time zone. */
export function localTime(calendar: WorkingCalendar, instant: Date): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: calendar.timezone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(instant);
  const hour = parts.find((p) => p.type === 'hour')?.value ?? '00';
  const minute = parts.find((p) => p.type === 'minute')?.value ?? '00';
  return `${hour}:${minute}`;
}

export interface HoursVerdict {
  allowed: boolean;
  /** the local date and time judged */
  date: string;
  time: string;
  /** working day (Mon–Fri and swapped working days) or rest day (weekend, public holiday, company day off) */
  dayKind: 'workday' | 'restDay';
  /** within the relaxed period after the estate's first move-in (the relaxed windows apply every day) */
  relaxed: boolean;
  windows: TimeWindow[];
}

/** The last day (inclusive) of the relaxed period, or null when the project has no first move-in date. */
export function relaxedUntil(hours: RenovationSettings['workingHours']): string | null {
  const first = hours.firstMoveIn?.firstMoveInOn;
  return first ? addCalendarDays(first, hours.firstMoveIn!.days - 1) : null;
}

/**
 * Whether works may go on at `instant` (seed 000, 第4篇 装修施工管理, 每日装修时间):
 * - within `firstMoveIn.days` days of the project's first move-in (`firstMoveIn.firstMoveInOn` is
 *   day 1) — 「首期入伙60天内,装修时间可放宽为8:00~19:00」 — every day, weekends and public holidays
 *   included, uses `firstMoveIn.hours`;
 * - otherwise working days use `workingHours.workday`, weekends, public holidays and the company's
 *   days off use `workingHours.restDay` (the company calendar decides which is which, 调休 working
 *   weekends included).
 * A window includes its start and excludes its end.
 */
export function workingHoursAt(hours: RenovationSettings['workingHours'], calendar: WorkingCalendar, instant: Date): HoursVerdict {
  const date = calendar.localDate(instant);
  const time = localTime(calendar, instant);
  const dayKind = calendar.isWorkingDay(date) ? 'workday' : 'restDay';
  const first = hours.firstMoveIn?.firstMoveInOn;
  const until = relaxedUntil(hours);
  const relaxed = !!first && !!until && first <= date && date <= until;
  const windows = (relaxed ? hours.firstMoveIn!.hours : (hours[dayKind] ?? [])) as TimeWindow[];
  const allowed = windows.some((w) => w.from <= time && time < w.to);
  return { allowed, date, time, dayKind, relaxed, windows };
}

export function describeWindows(windows: TimeWindow[]): string {
  return windows.length ? windows.map((w) => `${w.from}–${w.to}`).join('、') : '—';
}


export interface PatrolEntry {
  date: string;
  department: string;
}

export interface MissedPatrol {
  date: string;
  department: string;
}

/**
 * Patrols missing on the days [firstDay, lastDay] (inclusive, local dates): a department with
 * fewer than its minPerDay patrols on a day misses that day, unless it is already recorded.
 */
export function missedPatrols(
  departments: RenovationSettings['patrols']['departments'],
  patrols: PatrolEntry[],
  alreadyRecorded: MissedPatrol[],
  firstDay: string,
  lastDay: string,
): MissedPatrol[] {
  const out: MissedPatrol[] = [];
  if (firstDay > lastDay) return out;
  const counts = new Map<string, number>();
  for (const p of patrols) counts.set(`${p.date}|${p.department}`, (counts.get(`${p.date}|${p.department}`) ?? 0) + 1);
  const recorded = new Set(alreadyRecorded.map((m) => `${m.date}|${m.department}`));
  for (let day = firstDay, guard = 0; day <= lastDay && guard < 3660; day = addCalendarDays(day, 1), guard++) {
    for (const [code, dept] of Object.entries(departments)) {
      const key = `${day}|${code}`;
      if (dept.minPerDay > 0 && (counts.get(key) ?? 0) < dept.minPerDay && !recorded.has(key)) out.push({ date: day, department: code });
    }
  }
  return out;
}

/** a + b + … as a 2-place decimal string */
export function sumMoney(...values: (string | number)[]): string {
  return formatMoney(values.reduce<Decimal>((acc, v) => acc.plus(parseMoney(v)), new MoneyDecimal(0)));
}

/** price × quantity rounded half-up to the fen */
export function times(price: string, quantity: number): string {
  return formatMoney(roundMoney(parseMoney(price).times(quantity), 2, 'halfUp'));
}

export function moneyCmp(a: string, b: string): number {
  return parseMoney(a).cmp(parseMoney(b));
}
