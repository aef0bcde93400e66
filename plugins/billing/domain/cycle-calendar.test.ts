import { describe, expect, it } from 'vitest';
import { nextPeriod, periodContaining, periodOf, previousPeriod } from './cycle-calendar.js';
import { defaultSettings } from './default-settings.js';
import type { BillingSettings } from '../generated/settings.js';

const month = defaultSettings({ cycle: 'month' });
const quarter = defaultSettings({ cycle: 'quarter' });
const halfYear = defaultSettings({ cycle: 'halfYear' });

function refused(settings: BillingSettings, key: string): unknown {
  try {
    periodOf(settings, key);
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('month cycle (notice on the 15th for next month, pay within 1 month; reminder on the 1st, 7 days; final notice day 8, 5 days)', () => {
  it('2026-12: notice 15 Nov due 30 Nov (the day before the reminder: 預繳), reminder 1 Dec due 7 Dec, final notice 8 Dec due 12 Dec', () => {
    expect(periodOf(month, '2026-12')).toEqual({
      periodKey: '2026-12', start: '2026-12-01', end: '2026-12-31',
      noticeOn: '2026-11-15', dueOn: '2026-11-30',
      reminderOn: '2026-12-01', reminderDueOn: '2026-12-07',
      finalNoticeOn: '2026-12-08', finalDueOn: '2026-12-12',
    });
  });
  it('February of a leap year ends on the 29th; the notice of 15 Jan is due by 31 Jan, the day before the reminder', () => {
    const feb = periodOf(month, '2028-02');
    expect([feb.start, feb.end, feb.noticeOn, feb.dueOn]).toEqual(['2028-02-01', '2028-02-29', '2028-01-15', '2028-01-31']);
  });
  it('no reminder ever precedes the last day to pay: every month of a year is due before its reminder', () => {
    for (let m = 1; m <= 12; m++) {
      const p = periodOf(month, `2027-${String(m).padStart(2, '0')}`);
      expect(p.dueOn < p.reminderOn && p.noticeOn <= p.dueOn).toBe(true);
    }
  });
  it('a company reminding on the 15th keeps the full month term (15 Nov → 14 Dec)', () => {
    const late = { ...month, cycles: { ...month.cycles, month: { ...month.cycles.month, reminder: { ...month.cycles.month.reminder, day: 15 } } } };
    expect(periodOf(late, '2026-12').dueOn).toBe('2026-12-14');
  });
  it('next / previous cross the year', () => {
    expect(nextPeriod(month, periodOf(month, '2026-12')).periodKey).toBe('2027-01');
    expect(previousPeriod(month, periodOf(month, '2027-01')).periodKey).toBe('2026-12');
    expect(periodContaining(month, '2026-12-31').periodKey).toBe('2026-12');
  });
});

describe('quarter cycle (notice 1 Mar/Jun/Sep/Dec, 1 month; reminder 1 Jan/Apr/Jul/Oct, 1 month; final notice after the reminder term, 5 days)', () => {
  it('2027-Q1: notice 1 Dec 2026 due 31 Dec, reminder 1 Jan due 31 Jan, final notice 1 Feb due 5 Feb', () => {
    expect(periodOf(quarter, '2027-Q1')).toEqual({
      periodKey: '2027-Q1', start: '2027-01-01', end: '2027-03-31',
      noticeOn: '2026-12-01', dueOn: '2026-12-31',
      reminderOn: '2027-01-01', reminderDueOn: '2027-01-31',
      finalNoticeOn: '2027-02-01', finalDueOn: '2027-02-05',
    });
  });
  it('notices go out on 1 Mar, 1 Jun, 1 Sep and 1 Dec; reminders on 1 Jan, 1 Apr, 1 Jul and 1 Oct', () => {
    const year = ['2027-Q1', '2027-Q2', '2027-Q3', '2027-Q4'].map((key) => periodOf(quarter, key));
    expect(year.map((p) => p.noticeOn)).toEqual(['2026-12-01', '2027-03-01', '2027-06-01', '2027-09-01']);
    expect(year.map((p) => p.dueOn)).toEqual(['2026-12-31', '2027-03-31', '2027-06-30', '2027-09-30']);
    expect(year.map((p) => p.reminderOn)).toEqual(['2027-01-01', '2027-04-01', '2027-07-01', '2027-10-01']);
    expect(year.map((p) => p.reminderDueOn)).toEqual(['2027-01-31', '2027-04-30', '2027-07-31', '2027-10-31']);
    expect(year.map((p) => p.finalNoticeOn)).toEqual(['2027-02-01', '2027-05-01', '2027-08-01', '2027-11-01']);
    expect(year.map((p) => p.end)).toEqual(['2027-03-31', '2027-06-30', '2027-09-30', '2027-12-31']);
    expect(nextPeriod(quarter, year[3]!).periodKey).toBe('2028-Q1');
    expect(periodContaining(quarter, '2027-08-15').periodKey).toBe('2027-Q3');
  });
});

describe('half-year cycle (notice 1 Jun / 1 Dec for the next half, 1 month; reminder 1 Jan / 1 Jul, 1 month)', () => {
  it('2027-H1 and 2027-H2', () => {
    expect(periodOf(halfYear, '2027-H1')).toEqual({
      periodKey: '2027-H1', start: '2027-01-01', end: '2027-06-30',
      noticeOn: '2026-12-01', dueOn: '2026-12-31',
      reminderOn: '2027-01-01', reminderDueOn: '2027-01-31',
      finalNoticeOn: '2027-02-01', finalDueOn: '2027-02-05',
    });
    expect(periodOf(halfYear, '2027-H2')).toEqual({
      periodKey: '2027-H2', start: '2027-07-01', end: '2027-12-31',
      noticeOn: '2027-06-01', dueOn: '2027-06-30',
      reminderOn: '2027-07-01', reminderDueOn: '2027-07-31',
      finalNoticeOn: '2027-08-01', finalDueOn: '2027-08-05',
    });
    expect(periodContaining(halfYear, '2026-11-10').periodKey).toBe('2026-H2');
    expect(nextPeriod(halfYear, periodOf(halfYear, '2026-H2')).periodKey).toBe('2027-H1');
    expect(previousPeriod(halfYear, periodOf(halfYear, '2027-H1')).periodKey).toBe('2026-H2');
  });

  it('a company whose billing year starts in April gets H1 = April–September, keyed by the year it starts', () => {
    const april = defaultSettings({ cycle: 'halfYear' });
    april.cycles.halfYear.firstMonth = 4;
    expect(periodOf(april, '2026-H2')).toMatchObject({ start: '2026-10-01', end: '2027-03-31', noticeOn: '2026-09-01' });
    expect(periodContaining(april, '2027-02-01').periodKey).toBe('2026-H2');
    expect(nextPeriod(april, periodOf(april, '2026-H2')).periodKey).toBe('2027-H1');
  });

  it('a final notice configured later than the reminder term keeps its own day count', () => {
    const late = defaultSettings({ cycle: 'halfYear' });
    late.cycles.halfYear.finalNotice.afterReminderDays = 45;
    expect(periodOf(late, '2027-H1')).toMatchObject({ finalNoticeOn: '2027-02-15', finalDueOn: '2027-02-19' });
  });
});

describe('period keys are validated strictly against the cycle', () => {
  it.each([
    [month, '2026-13'], [month, '2026-1'], [month, '2026-Q1'], [month, ' 2026-12'], [month, '2026-00'],
    [quarter, '2027-Q5'], [quarter, '2027-Q0'], [quarter, '2027-H1'], [quarter, '2027-12'],
    [halfYear, '2027-H3'], [halfYear, '2027-Q1'], [halfYear, '2027-h1'], [halfYear, '27-H1'],
  ])('%#: refuses %s', (settings, key) => {
    const error = refused(settings, key) as { statusCode: number; issues: { pointer: string }[] };
    expect(error.statusCode).toBe(400);
    expect(error.issues[0]!.pointer).toBe('/periodKey');
  });
});
