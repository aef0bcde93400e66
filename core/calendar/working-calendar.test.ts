import { describe, expect, it } from 'vitest';
import { DEFAULT_CALENDAR, MAX_WORKING_DAYS, WorkingCalendar } from './working-calendar.js';

describe('DEFAULT_CALENDAR', () => {
  it('is Shanghai with no company overrides, and cannot be mutated', () => {
    expect(DEFAULT_CALENDAR).toEqual({ timezone: 'Asia/Shanghai', holidays: [], workdays: [] });
    expect(() => DEFAULT_CALENDAR.holidays.push('2026-09-30')).toThrow(TypeError);
    expect(new WorkingCalendar().timezone).toBe('Asia/Shanghai');
  });
});

describe('WorkingCalendar.isWorkingDay with the public calendar', () => {
  const calendar = new WorkingCalendar();

  it('treats 2026-10-10 (Saturday) as a 调休 working day', () => {
    expect(calendar.isWorkingDay('2026-10-10')).toBe(true);
  });

  it('treats 2026-10-01..07 as National Day holidays', () => {
    for (const d of ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07']) {
      expect(calendar.isWorkingDay(d), d).toBe(false);
    }
  });

  it('treats 2026-10-11 (Sunday) as a day off and ordinary weekdays as working days', () => {
    expect(calendar.isWorkingDay('2026-10-11')).toBe(false);
    expect(calendar.isWorkingDay('2026-09-30')).toBe(true);
    expect(calendar.isWorkingDay('2026-10-12')).toBe(true);
  });

  it('rejects malformed dates', () => {
    expect(() => calendar.isWorkingDay('2026-02-30')).toThrow(RangeError);
    expect(() => calendar.isWorkingDay('2026/10/10')).toThrow(/YYYY-MM-DD/);
  });
});

describe('WorkingCalendar company overrides', () => {
  it('a company holiday takes a working day off, even a 调休 Saturday', () => {
    const calendar = new WorkingCalendar({ holidays: ['2026-09-30', '2026-10-10'] });
    expect(calendar.isWorkingDay('2026-09-30')).toBe(false);
    expect(calendar.isWorkingDay('2026-10-10')).toBe(false);
    expect(calendar.isWorkingDay('2026-10-09')).toBe(true);
  });

  it('a company workday wins over public holidays, weekends and company holidays', () => {
    const calendar = new WorkingCalendar({ workdays: ['2026-10-01', '2026-10-11', '2026-12-25'], holidays: ['2026-12-25'] });
    expect(calendar.isWorkingDay('2026-10-01')).toBe(true); // National Day
    expect(calendar.isWorkingDay('2026-10-11')).toBe(true); // Sunday
    expect(calendar.isWorkingDay('2026-12-25')).toBe(true); // in both lists
    expect(calendar.isWorkingDay('2026-10-02')).toBe(false);
  });

  it('copies the lists, so later changes to the caller’s arrays do not leak in', () => {
    const holidays = ['2026-09-30'];
    const calendar = new WorkingCalendar({ holidays });
    holidays.push('2026-10-09');
    expect(calendar.isWorkingDay('2026-10-09')).toBe(true);
  });
});

describe('WorkingCalendar settings validation', () => {
  it('rejects time zones that are not IANA zones', () => {
    for (const timezone of ['Mars/Olympus', 'UTC+8', 'local', '']) {
      expect(() => new WorkingCalendar({ timezone }), timezone).toThrow(RangeError);
    }
    expect(() => new WorkingCalendar({ timezone: 'Mars/Olympus' })).toThrow(/timezone.*Mars\/Olympus/);
  });

  it('rejects malformed company dates, naming the list', () => {
    expect(() => new WorkingCalendar({ holidays: ['2026-13-01'] })).toThrow(/holidays.*2026-13-01/);
    expect(() => new WorkingCalendar({ workdays: ['2026-10-1'] })).toThrow(/workdays.*2026-10-1/);
    expect(() => new WorkingCalendar({ workdays: '2026-10-01' as unknown as string[] })).toThrow(RangeError);
  });

  it('accepts other IANA zones', () => {
    expect(new WorkingCalendar({ timezone: 'America/New_York' }).timezone).toBe('America/New_York');
  });
});

describe('WorkingCalendar.localDate', () => {
  // 16:30 UTC on 30 September is already 00:30 on 1 October in Shanghai.
  const instant = new Date('2026-09-30T16:30:00Z');

  it('gives the date in the calendar’s own zone', () => {
    expect(new WorkingCalendar().localDate(instant)).toBe('2026-10-01');
    expect(new WorkingCalendar({ timezone: 'America/New_York' }).localDate(instant)).toBe('2026-09-30');
    expect(new WorkingCalendar({ timezone: 'UTC' }).localDate(instant)).toBe('2026-09-30');
  });

  it('rejects an invalid Date', () => {
    expect(() => new WorkingCalendar().localDate(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('WorkingCalendar.hasPublicDataFor', () => {
  it('is true for published years only', () => {
    const calendar = new WorkingCalendar();
    expect(calendar.hasPublicDataFor(2026)).toBe(true);
    expect(calendar.hasPublicDataFor(2004)).toBe(true);
    expect(calendar.hasPublicDataFor(2003)).toBe(false);
  });
});

describe('WorkingCalendar.addWorkingDays', () => {
  const calendar = new WorkingCalendar();

  it('counts from the day after, skipping the holiday', () => {
    expect(calendar.addWorkingDays('2026-09-30', 1)).toBe('2026-10-08');
    expect(calendar.addWorkingDays('2026-09-30', 3)).toBe('2026-10-10');
    expect(calendar.addWorkingDays('2026-10-10', 1)).toBe('2026-10-12');
  });

  it('with 0 stays on a working day and otherwise moves to the next one', () => {
    expect(calendar.addWorkingDays('2026-09-30', 0)).toBe('2026-09-30');
    expect(calendar.addWorkingDays('2026-10-03', 0)).toBe('2026-10-08');
  });

  it('rejects bad counts and dates', () => {
    expect(() => calendar.addWorkingDays('2026-09-30', -1)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('2026-09-30', 2.5)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('2026-09-30', MAX_WORKING_DAYS + 1)).toThrow(/working-day count/);
    expect(() => calendar.addWorkingDays('2026-9-30', 1)).toThrow(RangeError);
  });

  it('handles the largest allowed count quickly', () => {
    const started = performance.now();
    const due = calendar.addWorkingDays('2026-01-01', MAX_WORKING_DAYS);
    expect(due > '2060-01-01').toBe(true);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('WorkingCalendar.localYear', () => {
  it('gives the local year, also at the year boundary in the calendar zone', () => {
    const cal = new WorkingCalendar({ timezone: 'Asia/Shanghai' });
    expect(cal.localYear(new Date('2026-12-31T15:59:59.999Z'))).toBe(2026); // 23:59:59.999 in Shanghai
    expect(cal.localYear(new Date('2026-12-31T16:00:00.000Z'))).toBe(2027); // midnight in Shanghai
    expect(cal.localYear(new Date('2026-06-01T00:00:00Z'))).toBe(2026);
    expect(new WorkingCalendar({ timezone: 'America/New_York' }).localYear(new Date('2027-01-01T03:00:00Z'))).toBe(2026);
  });
});
