/**
 * The billing calendar: which period a key names, and on which dates its payment notice (付款通知书),
 * reminder (催款通知书) and final notice (最后缴款通知书) are issued and fall due. Pure functions of
 * the company's settings (settings.cycles[settings.cycle]); dates are ISO 'YYYY-MM-DD' in the
 * company's time zone (plain calendar dates: no clock time, no zone arithmetic).
 *
 * Conventions (seed 001 第五篇, stated once here and in the README):
 * - A term T counted from an issue date D ("pay within 1 month of receiving the notice") ends on
 *   D + T − 1 day, the issue day being day 1: notice 1 Jun, 1 month → last day to pay 30 Jun;
 *   reminder 1 Jul, 1 month → 31 Jul; final notice 8 Dec, 5 days → 12 Dec.
 * - noticeOn = `notice.day` of the month `notice.monthsBefore` months before the period starts;
 *   dueOn = its term, cut to the day before the reminder (see lastDayToPay): month 2026-12 →
 *   notice 15 Nov, pay by 30 Nov, reminder 1 Dec.
 * - reminderOn = `reminder.day` of the month `reminder.monthsAfterStart` months after the start.
 * - finalNoticeOn = reminderOn + `finalNotice.afterReminderDays` days ("from day 8": the reminder's
 *   day is day 1, so 7 days later is day 8), but never before the reminder's own term has ended
 *   (reminderDueOn + 1): an owner told "pay within one month" is not told a week later to pay
 *   within five days. For the month cycle (reminder term 7 days) both give day 8; for quarters and
 *   half-years (term 1 month) the final notice follows on the first day after the reminder's term.
 * - Period keys: one month per period → 'YYYY-MM'; three → 'YYYY-Q1'..'Q4'; six → 'YYYY-H1'/'H2';
 *   2, 4 or 12 months → 'YYYY-P<n>'. The year is the year in which the billing year's first period
 *   starts (the month `firstMonth`); for months = 1 the key is always the calendar month.
 */
import { DateTime } from 'luxon';
import { ValidationError } from '../../../core/plugin-api.js';
import type { BillingSettings } from '../generated/settings.js';

export type CycleName = BillingSettings['cycle'];
export type CycleSettings = BillingSettings['cycles'][CycleName];
type Term = CycleSettings['paymentTerm'];

export interface BillingPeriod {
  periodKey: string;
  /** first and last day of the period */
  start: string;
  end: string;
  /** payment notice issued, last day to pay it */
  noticeOn: string;
  dueOn: string;
  /** reminder issued, last day to pay it */
  reminderOn: string;
  reminderDueOn: string;
  /** final notice issued, last day to pay it */
  finalNoticeOn: string;
  finalDueOn: string;
}

/** Calendar settings only: the functions below need no more of the settings than this. */
export type CalendarSettings = Pick<BillingSettings, 'cycle' | 'cycles'>;

const ISO = 'yyyy-MM-dd';

function cycleOf(settings: CalendarSettings): CycleSettings {
  return settings.cycles[settings.cycle];
}

function date(iso: string): DateTime {
  return DateTime.fromISO(iso, { zone: 'utc' });
}

function iso(value: DateTime): string {
  return value.toFormat(ISO);
}

/** The last day of a term counted from `issuedOn`, the issue day being day 1. */
function termEnd(issuedOn: DateTime, term: Term): DateTime {
  return issuedOn.plus({ months: term.months ?? 0, days: term.days ?? 0 }).minus({ days: 1 });
}

function keyLetter(months: number): string {
  return months === 3 ? 'Q' : months === 6 ? 'H' : 'P';
}

/** The period key of the period starting on `start` (a first day of a period). */
function keyOf(cycle: CycleSettings, start: DateTime): string {
  if (cycle.months === 1) return start.toFormat('yyyy-MM');
  const monthsIntoYear = (start.month - cycle.firstMonth + 12) % 12;
  const billingYear = start.month >= cycle.firstMonth ? start.year : start.year - 1;
  return `${billingYear}-${keyLetter(cycle.months)}${monthsIntoYear / cycle.months + 1}`;
}

function badKey(periodKey: string, expected: string): ValidationError {
  return new ValidationError([{ pointer: '/periodKey', code: 'format', message: `"${periodKey}" is not a period of this billing cycle (expected ${expected})` }]);
}

/** The first day of the period a key names; refuses keys that do not fit the cycle. */
function startOfKey(cycle: CycleSettings, periodKey: string): DateTime {
  if (typeof periodKey !== 'string') throw badKey(String(periodKey), 'a string');
  if (cycle.months === 1) {
    const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(periodKey);
    if (!match) throw badKey(periodKey, 'YYYY-MM, e.g. 2026-12');
    return DateTime.utc(Number(match[1]), Number(match[2]), 1);
  }
  const letter = keyLetter(cycle.months);
  const count = 12 / cycle.months;
  const match = new RegExp(`^(\\d{4})-${letter}([1-9]\\d?)$`).exec(periodKey);
  const index = match ? Number(match[2]) : 0;
  if (!match || index > count) throw badKey(periodKey, `YYYY-${letter}1 … YYYY-${letter}${count}`);
  const year = Number(match[1]);
  if (year < 1900) throw badKey(periodKey, 'a year from 1900');
  return DateTime.utc(year, cycle.firstMonth, 1).plus({ months: (index - 1) * cycle.months });
}

/**
 * The last day to pay the payment notice: its term, but never on or after the reminder's day. The
 * manual's cycles are prepayments (預繳): half-years and quarters give "one month" from the 1st,
 * which ends the day before the reminder goes out; the month cycle gives "one month" from the 15th
 * but reminds on the 1st of the month being billed "those who have not paid this month's fee". A
 * reminder is only sent to someone whose time to pay is over, so the notice's term is cut to the
 * day before the reminder (15 Nov → 30 Nov, reminder 1 Dec), never to before the notice itself.
 */
function lastDayToPay(notice: DateTime, term: Term, reminder: DateTime): DateTime {
  const byTerm = termEnd(notice, term);
  const dayBeforeReminder = reminder.minus({ days: 1 });
  if (byTerm < dayBeforeReminder) return byTerm;
  return dayBeforeReminder < notice ? notice : dayBeforeReminder;
}

function periodStarting(cycle: CycleSettings, start: DateTime): BillingPeriod {
  const end = start.plus({ months: cycle.months }).minus({ days: 1 });
  const notice = start.minus({ months: cycle.notice.monthsBefore }).set({ day: cycle.notice.day });
  const reminder = start.plus({ months: cycle.reminder.monthsAfterStart }).set({ day: cycle.reminder.day });
  const reminderDue = termEnd(reminder, cycle.reminder.term);
  const byDays = reminder.plus({ days: cycle.finalNotice.afterReminderDays });
  const afterReminderTerm = reminderDue.plus({ days: 1 });
  const finalNotice = byDays < afterReminderTerm ? afterReminderTerm : byDays;
  return {
    periodKey: keyOf(cycle, start),
    start: iso(start),
    end: iso(end),
    noticeOn: iso(notice),
    dueOn: iso(lastDayToPay(notice, cycle.paymentTerm, reminder)),
    reminderOn: iso(reminder),
    reminderDueOn: iso(reminderDue),
    finalNoticeOn: iso(finalNotice),
    finalDueOn: iso(termEnd(finalNotice, cycle.finalNotice.term)),
  };
}

/** The period a key names under the company's cycle; a key of another cycle or a malformed one → 400 /periodKey. */
export function periodOf(settings: CalendarSettings, periodKey: string): BillingPeriod {
  const cycle = cycleOf(settings);
  return periodStarting(cycle, startOfKey(cycle, periodKey));
}

/** The period that contains a date (ISO 'YYYY-MM-DD'). */
export function periodContaining(settings: CalendarSettings, isoDate: string): BillingPeriod {
  const cycle = cycleOf(settings);
  const day = date(isoDate);
  if (!day.isValid) throw new ValidationError([{ pointer: '/at', code: 'format', message: `"${isoDate}" is not a date (YYYY-MM-DD)` }]);
  const monthsSinceFirst = (day.month - cycle.firstMonth + 12) % 12;
  const offset = monthsSinceFirst - (monthsSinceFirst % cycle.months);
  const yearStart = DateTime.utc(day.month >= cycle.firstMonth ? day.year : day.year - 1, cycle.firstMonth, 1);
  return periodStarting(cycle, yearStart.plus({ months: offset }));
}

export function nextPeriod(settings: CalendarSettings, period: BillingPeriod): BillingPeriod {
  return periodStarting(cycleOf(settings), date(period.start).plus({ months: cycleOf(settings).months }));
}

export function previousPeriod(settings: CalendarSettings, period: BillingPeriod): BillingPeriod {
  return periodStarting(cycleOf(settings), date(period.start).minus({ months: cycleOf(settings).months }));
}

/** Whole months in a period (the multiplier of monthly rates). */
export function monthsOf(settings: CalendarSettings): number {
  return cycleOf(settings).months;
}
