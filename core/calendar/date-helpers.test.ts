import { describe, expect, it } from 'vitest';
import { WorkingCalendar } from './working-calendar.js';
import { addCalendarDays, addWorkingDays, daysBetween, endOfMonth, startOfMonth, workingDaysBetween } from './date-helpers.js';
import { MAX_WORKING_DAYS } from './index.js';
import { dateAddDays, dateDaysBetween } from '../rules/custom/date-ops.js';
import { checkCountLiteral, dateEndOfMonth } from '../rules/custom/calendar-ops.js';

describe('date helpers', () => {
  it('calendar days, months', () => {
    expect(addCalendarDays('2026-02-27', 2)).toBe('2026-03-01');
    expect(addCalendarDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(daysBetween('2026-12-30', '2027-01-02')).toBe(3);
    expect(daysBetween('2027-01-02', '2026-12-30')).toBe(-3);
    expect(startOfMonth('2026-12-17')).toBe('2026-12-01');
    expect(endOfMonth('2028-02-03')).toBe('2028-02-29');
    expect(endOfMonth('2026-02-03')).toBe('2026-02-28');
    expect(() => addCalendarDays('2026-02-30', 1)).toThrow(RangeError);
  });

  it('one arithmetic with the date.* operators, in every year they accept (year 0 is a leap year)', () => {
    expect(endOfMonth('0000-02-10')).toBe('0000-02-29');
    expect(endOfMonth('0099-02-10')).toBe('0099-02-28');
    expect(daysBetween('0000-02-28', '0000-03-01')).toBe(2);
    for (const [iso, n] of [['0000-02-28', 1], ['2026-12-07', 400], ['9999-12-30', 1], ['0050-06-15', -15000]] as const) {
      expect(addCalendarDays(iso, n)).toBe(dateAddDays(iso, n));
      expect(daysBetween(iso, addCalendarDays(iso, n))).toBe(dateDaysBetween(iso, addCalendarDays(iso, n)));
    }
    expect(dateEndOfMonth('0000-02-10')).toBe(endOfMonth('0000-02-10'));
    // the operators' working-day count limit is the calendar's
    expect(checkCountLiteral(MAX_WORKING_DAYS)).toBeUndefined();
    expect(checkCountLiteral(MAX_WORKING_DAYS + 1)).toContain(String(MAX_WORKING_DAYS));
  });

  it('working days on the company calendar (public holidays, company days off)', () => {
    const calendar = new WorkingCalendar({ holidays: ['2026-12-08'] });
    // Mon 2026-12-07; Tue the 8th is the company's day off
    expect(addWorkingDays(calendar, '2026-12-07', 2)).toBe('2026-12-10');
    expect(workingDaysBetween(calendar, '2026-12-07', '2026-12-14')).toBe(4);
    expect(workingDaysBetween(calendar, '2026-12-14', '2026-12-07')).toBe(0);
    // National Day week 2026 is a public holiday
    expect(addWorkingDays(new WorkingCalendar(), '2026-09-30', 1)).toBe('2026-10-08');
  });
});
