import { describe, expect, it } from 'vitest';
import { WorkingCalendar } from './working-calendar.js';
import { addCalendarDays, addWorkingDays, daysBetween, endOfMonth, startOfMonth, workingDaysBetween } from './date-helpers.js';

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
