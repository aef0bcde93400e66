/**
 * Durations (SLA limits, reminder delays) and the deadline arithmetic that turns a start instant
 * plus a duration into a due instant on a company WorkingCalendar.
 */
import { DateTime } from 'luxon';
import { assertValidInstant, type WorkingCalendar } from './working-calendar.js';

export type DurationUnit = 'minutes' | 'hours' | 'days' | 'workingDays' | 'dayOfNextMonth';

export interface Duration {
  /** whole, non-negative number of units */
  amount: number;
  unit: DurationUnit;
}

const UNITS: readonly DurationUnit[] = ['minutes', 'hours', 'days', 'workingDays', 'dayOfNextMonth'];
const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;

/**
 * Due instant for a duration started at `start`.
 *
 * - `minutes` / `hours`: plain elapsed time; the calendar is ignored (24 hours over a holiday is
 *   still 24 hours, and over a DST change it is 24 real hours).
 * - `days`: calendar days — the same local wall-clock time N days later in the calendar's zone
 *   (luxon `plus({ days })`), so across a DST change 1 day can be 23 or 25 hours.
 * - `workingDays`: counting starts the day after the start's local date (the start day is not
 *   counted, however early the start); due at the END of the Nth working day, 23:59:59.999 local
 *   time in the calendar's zone. amount 0 = end of the start day if it is a working day, else end
 *   of the next working day. Capped at MAX_WORKING_DAYS.
 * - `dayOfNextMonth`: a day of the month after the start's local month, not an amount of time —
 *   `{ amount: 10, unit: 'dayOfNextMonth' }` is due at the END of the 10th of the next month,
 *   23:59:59.999 local time in the calendar's zone, whatever day of this month it starts on
 *   ("last month's items are done by the 10th"). amount is the day, 1–31; in a shorter month
 *   it is that month's last day (31 in February = 28 or 29 February).
 *
 * @throws RangeError for an invalid start, a negative/non-integer amount, an unknown unit, or a
 *   result outside the range a Date can hold
 */
export function addDuration(start: Date, duration: Duration, calendar: WorkingCalendar): Date {
  assertValidInstant(start, 'duration start');
  assertValidDuration(duration);
  const { amount, unit } = duration;
  let due: Date;
  switch (unit) {
    case 'minutes':
      due = new Date(start.getTime() + amount * MINUTE_MS);
      break;
    case 'hours':
      due = new Date(start.getTime() + amount * HOUR_MS);
      break;
    case 'days':
      due = DateTime.fromJSDate(start, { zone: calendar.timezone }).plus({ days: amount }).toJSDate();
      break;
    case 'workingDays': {
      const dueDate = calendar.addWorkingDays(calendar.localDate(start), amount);
      due = DateTime.fromISO(dueDate, { zone: calendar.timezone }).endOf('day').toJSDate();
      break;
    }
    case 'dayOfNextMonth': {
      const nextMonth = DateTime.fromJSDate(start, { zone: calendar.timezone }).startOf('month').plus({ months: 1 });
      due = nextMonth.set({ day: Math.min(amount, nextMonth.daysInMonth ?? 28) }).endOf('day').toJSDate();
      break;
    }
  }
  if (Number.isNaN(due.getTime())) {
    throw new RangeError(`due time for ${amount} ${unit} from ${start.toISOString()} is out of range`);
  }
  return due;
}

/**
 * Human-readable duration for UI and notifications, e.g. '3个工作日' / '3 working days',
 * '24小时' / '24 hours', '次月10日' / 'the 10th of the next month'. English uses the singular for 1.
 * @throws RangeError for an invalid duration or an unsupported locale
 */
export function describeDuration(d: Duration, locale: 'zh-CN' | 'en'): string {
  assertValidDuration(d);
  const { amount, unit } = d;
  if (unit === 'dayOfNextMonth') {
    if (locale === 'zh-CN') return `次月${amount}日`;
    if (locale === 'en') return `the ${ordinal(amount)} of the next month`;
  } else {
    if (locale === 'zh-CN') return `${amount}${ZH_UNITS[unit]}`;
    if (locale === 'en') {
      const [singular, plural] = EN_UNITS[unit];
      return `${amount} ${amount === 1 ? singular : plural}`;
    }
  }
  throw new RangeError(`unsupported locale ${JSON.stringify(locale)}; expected 'zh-CN' or 'en'`);
}

type AmountUnit = Exclude<DurationUnit, 'dayOfNextMonth'>;

const ZH_UNITS: Record<AmountUnit, string> = {
  minutes: '分钟',
  hours: '小时',
  days: '天',
  workingDays: '个工作日',
};

const EN_UNITS: Record<AmountUnit, readonly [string, string]> = {
  minutes: ['minute', 'minutes'],
  hours: ['hour', 'hours'],
  days: ['day', 'days'],
  workingDays: ['working day', 'working days'],
};

/** 1st, 2nd, 3rd, 4th … 11th, 12th, 13th … 21st, 22nd, 23rd … 31st */
function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${suffix}`;
}

/**
 * Durations usually come from declarations or API bodies, so the type alone proves nothing:
 * check the shape at runtime and name the problem.
 */
function assertValidDuration(d: unknown): asserts d is Duration {
  if (typeof d !== 'object' || d === null) {
    throw new RangeError(`duration must be an object { amount, unit }, got ${JSON.stringify(d)}`);
  }
  const { amount, unit } = d as { amount?: unknown; unit?: unknown };
  if (typeof unit !== 'string' || !(UNITS as readonly string[]).includes(unit)) {
    throw new RangeError(`unknown duration unit ${JSON.stringify(unit)}; expected one of ${UNITS.join(', ')}`);
  }
  if (typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount < 0) {
    throw new RangeError(`duration amount must be a non-negative integer, got ${String(amount)}`);
  }
  if (unit === 'dayOfNextMonth' && (amount < 1 || amount > 31)) {
    throw new RangeError(`dayOfNextMonth amount is a day of the month, 1–31, got ${amount}`);
  }
}
