import { describe, expect, it } from 'vitest';
import { addDuration, describeDuration, type Duration } from './durations.js';
import { WorkingCalendar } from './working-calendar.js';

const shanghai = new WorkingCalendar();
/** Wednesday 30 September 2026, 10:00 in Shanghai: the last working day before National Day. */
const beforeNationalDay = new Date('2026-09-30T10:00:00+08:00');

describe('addDuration: workingDays', () => {
  it('3 working days span the holiday and land on the 调休 Saturday', () => {
    expect(addDuration(beforeNationalDay, { amount: 3, unit: 'workingDays' }, shanghai)).toEqual(
      new Date('2026-10-10T23:59:59.999+08:00'),
    );
  });

  it('7 working days skip the ordinary Sunday after the 调休 Saturday', () => {
    // 10-08, 10-09, 10-10 (Sat), 10-12, 10-13, 10-14, 10-15
    expect(addDuration(beforeNationalDay, { amount: 7, unit: 'workingDays' }, shanghai)).toEqual(
      new Date('2026-10-15T23:59:59.999+08:00'),
    );
  });

  it('does not count the start day, however late it starts', () => {
    const lateOnWednesday = new Date('2026-09-30T23:30:00+08:00');
    expect(addDuration(lateOnWednesday, { amount: 1, unit: 'workingDays' }, shanghai)).toEqual(
      new Date('2026-10-08T23:59:59.999+08:00'),
    );
  });

  it('uses the local date, not the UTC date, of the start', () => {
    // 2026-09-30T16:30Z is 00:30 on 1 October in Shanghai: counting starts from 1 October.
    const justAfterLocalMidnight = new Date('2026-09-30T16:30:00Z');
    expect(addDuration(justAfterLocalMidnight, { amount: 1, unit: 'workingDays' }, shanghai)).toEqual(
      new Date('2026-10-08T23:59:59.999+08:00'),
    );
    expect(addDuration(justAfterLocalMidnight, { amount: 0, unit: 'workingDays' }, shanghai)).toEqual(
      new Date('2026-10-08T23:59:59.999+08:00'),
    );
  });

  describe('amount 0', () => {
    it('is the end of the start day when that is a working day', () => {
      expect(addDuration(beforeNationalDay, { amount: 0, unit: 'workingDays' }, shanghai)).toEqual(
        new Date('2026-09-30T23:59:59.999+08:00'),
      );
      const onMakeupSaturday = new Date('2026-10-10T09:00:00+08:00');
      expect(addDuration(onMakeupSaturday, { amount: 0, unit: 'workingDays' }, shanghai)).toEqual(
        new Date('2026-10-10T23:59:59.999+08:00'),
      );
    });

    it('is the end of the next working day when the start day is a day off', () => {
      const onNationalDay = new Date('2026-10-01T10:00:00+08:00');
      expect(addDuration(onNationalDay, { amount: 0, unit: 'workingDays' }, shanghai)).toEqual(
        new Date('2026-10-08T23:59:59.999+08:00'),
      );
      const onSunday = new Date('2026-10-11T10:00:00+08:00');
      expect(addDuration(onSunday, { amount: 0, unit: 'workingDays' }, shanghai)).toEqual(
        new Date('2026-10-12T23:59:59.999+08:00'),
      );
    });
  });

  describe('company settings change the result', () => {
    it('an extra company holiday pushes the deadline out', () => {
      const calendar = new WorkingCalendar({ holidays: ['2026-10-09'] });
      // 10-08, 10-10, 10-12
      expect(addDuration(beforeNationalDay, { amount: 3, unit: 'workingDays' }, calendar)).toEqual(
        new Date('2026-10-12T23:59:59.999+08:00'),
      );
    });

    it('an extra company workday inside the public holiday pulls it in', () => {
      const calendar = new WorkingCalendar({ workdays: ['2026-10-03'] });
      // 10-03, 10-08, 10-09
      expect(addDuration(beforeNationalDay, { amount: 3, unit: 'workingDays' }, calendar)).toEqual(
        new Date('2026-10-09T23:59:59.999+08:00'),
      );
    });
  });

  describe('in a non-Shanghai zone', () => {
    // 20:00 UTC on Friday 9 October: Saturday 04:00 in Shanghai, Friday 16:00 in New York.
    const instant = new Date('2026-10-09T20:00:00Z');
    const newYork = new WorkingCalendar({ timezone: 'America/New_York' });

    it('counts from the local date in that zone and ends the day in that zone', () => {
      // New York: the start is Friday 9 October, so the next working day is the 调休 Saturday.
      expect(addDuration(instant, { amount: 1, unit: 'workingDays' }, newYork)).toEqual(
        new Date('2026-10-10T23:59:59.999-04:00'),
      );
      // Shanghai: the start is already Saturday 10 October; Sunday is off, so Monday.
      expect(addDuration(instant, { amount: 1, unit: 'workingDays' }, shanghai)).toEqual(
        new Date('2026-10-12T23:59:59.999+08:00'),
      );
    });

    it('keeps wall-clock time for calendar days across a DST change, unlike hours', () => {
      // Daylight saving time starts in New York on Sunday 8 March 2026.
      const saturdayNoon = new Date('2026-03-07T12:00:00-05:00');
      expect(addDuration(saturdayNoon, { amount: 1, unit: 'days' }, newYork)).toEqual(new Date('2026-03-08T12:00:00-04:00'));
      expect(addDuration(saturdayNoon, { amount: 24, unit: 'hours' }, newYork)).toEqual(new Date('2026-03-08T13:00:00-04:00'));
    });
  });
});

describe('addDuration: elapsed and calendar time', () => {
  it('24 hours across a holiday is exactly 24 hours', () => {
    expect(addDuration(beforeNationalDay, { amount: 24, unit: 'hours' }, shanghai)).toEqual(new Date('2026-10-01T10:00:00+08:00'));
  });

  it('minutes are elapsed minutes', () => {
    expect(addDuration(beforeNationalDay, { amount: 90, unit: 'minutes' }, shanghai)).toEqual(new Date('2026-09-30T11:30:00+08:00'));
    expect(addDuration(beforeNationalDay, { amount: 0, unit: 'minutes' }, shanghai)).toEqual(beforeNationalDay);
  });

  it('2 calendar days is the same local time two days later, holiday or not', () => {
    expect(addDuration(beforeNationalDay, { amount: 2, unit: 'days' }, shanghai)).toEqual(new Date('2026-10-02T10:00:00+08:00'));
  });

  it('does not mutate the start', () => {
    const start = new Date(beforeNationalDay);
    addDuration(start, { amount: 2, unit: 'days' }, shanghai);
    expect(start).toEqual(beforeNationalDay);
  });
});

describe('addDuration: invalid input', () => {
  const bad = (duration: unknown) => () => addDuration(beforeNationalDay, duration as Duration, shanghai);

  it('rejects negative and non-integer amounts', () => {
    expect(bad({ amount: -1, unit: 'hours' })).toThrow(RangeError);
    expect(bad({ amount: -1, unit: 'hours' })).toThrow(/amount.*-1/);
    expect(bad({ amount: 1.5, unit: 'workingDays' })).toThrow(/amount.*1\.5/);
    expect(bad({ amount: Number.NaN, unit: 'days' })).toThrow(RangeError);
    expect(bad({ amount: Number.POSITIVE_INFINITY, unit: 'minutes' })).toThrow(RangeError);
    expect(bad({ amount: '3', unit: 'days' })).toThrow(RangeError);
  });

  it('rejects an unknown unit', () => {
    expect(bad({ amount: 1, unit: 'weeks' })).toThrow(RangeError);
    expect(bad({ amount: 1, unit: 'weeks' })).toThrow(/unit.*weeks/);
    expect(bad(null)).toThrow(RangeError);
  });

  it('rejects an invalid start', () => {
    expect(() => addDuration(new Date('not a date'), { amount: 1, unit: 'hours' }, shanghai)).toThrow(/start/);
  });

  it('rejects results a Date cannot hold and absurd working-day counts', () => {
    expect(bad({ amount: Number.MAX_SAFE_INTEGER, unit: 'minutes' })).toThrow(/out of range/);
    expect(bad({ amount: 1_000_000, unit: 'workingDays' })).toThrow(/working-day count/);
  });
});

describe('describeDuration', () => {
  it('writes Chinese', () => {
    expect(describeDuration({ amount: 3, unit: 'workingDays' }, 'zh-CN')).toBe('3个工作日');
    expect(describeDuration({ amount: 24, unit: 'hours' }, 'zh-CN')).toBe('24小时');
    expect(describeDuration({ amount: 30, unit: 'minutes' }, 'zh-CN')).toBe('30分钟');
    expect(describeDuration({ amount: 2, unit: 'days' }, 'zh-CN')).toBe('2天');
  });

  it('writes English with singular for 1', () => {
    expect(describeDuration({ amount: 3, unit: 'workingDays' }, 'en')).toBe('3 working days');
    expect(describeDuration({ amount: 1, unit: 'workingDays' }, 'en')).toBe('1 working day');
    expect(describeDuration({ amount: 24, unit: 'hours' }, 'en')).toBe('24 hours');
    expect(describeDuration({ amount: 1, unit: 'minutes' }, 'en')).toBe('1 minute');
    expect(describeDuration({ amount: 0, unit: 'days' }, 'en')).toBe('0 days');
  });

  it('rejects invalid durations and locales', () => {
    expect(() => describeDuration({ amount: -2, unit: 'days' }, 'en')).toThrow(RangeError);
    expect(() => describeDuration({ amount: 2, unit: 'days' }, 'fr' as 'en')).toThrow(/locale.*fr/);
  });
});

describe('addDuration: dayOfNextMonth', () => {
  const tenth = { amount: 10, unit: 'dayOfNextMonth' } as const;

  it('is the end of that day of the next month, wherever in this month it starts', () => {
    expect(addDuration(new Date('2026-09-01T00:00:00+08:00'), tenth, shanghai)).toEqual(new Date('2026-10-10T23:59:59.999+08:00'));
    expect(addDuration(beforeNationalDay, tenth, shanghai)).toEqual(new Date('2026-10-10T23:59:59.999+08:00'));
    // a public holiday or weekend does not move it: it is a calendar date, not working time
    expect(addDuration(new Date('2026-09-15T10:00:00+08:00'), { amount: 4, unit: 'dayOfNextMonth' }, shanghai)).toEqual(
      new Date('2026-10-04T23:59:59.999+08:00'),
    );
  });

  it('crosses the year end', () => {
    expect(addDuration(new Date('2026-12-31T18:00:00+08:00'), tenth, shanghai)).toEqual(new Date('2027-01-10T23:59:59.999+08:00'));
  });

  it('uses the local month of the start, not the UTC month', () => {
    // 2026-09-30T16:30Z is 00:30 on 1 October in Shanghai: the next month is November.
    expect(addDuration(new Date('2026-09-30T16:30:00Z'), tenth, shanghai)).toEqual(new Date('2026-11-10T23:59:59.999+08:00'));
    // and in UTC the same instant is still September: the next month is October
    expect(addDuration(new Date('2026-09-30T16:30:00Z'), tenth, new WorkingCalendar({ timezone: 'UTC' }))).toEqual(
      new Date('2026-10-10T23:59:59.999Z'),
    );
  });

  it('clamps a day the next month lacks to its last day', () => {
    expect(addDuration(new Date('2026-01-31T12:00:00+08:00'), { amount: 31, unit: 'dayOfNextMonth' }, shanghai)).toEqual(
      new Date('2026-02-28T23:59:59.999+08:00'),
    );
    expect(addDuration(new Date('2028-01-05T12:00:00+08:00'), { amount: 30, unit: 'dayOfNextMonth' }, shanghai)).toEqual(
      new Date('2028-02-29T23:59:59.999+08:00'),
    );
    expect(addDuration(new Date('2026-03-05T12:00:00+08:00'), { amount: 31, unit: 'dayOfNextMonth' }, shanghai)).toEqual(
      new Date('2026-04-30T23:59:59.999+08:00'),
    );
  });

  it('refuses a day that no month has', () => {
    expect(() => addDuration(beforeNationalDay, { amount: 0, unit: 'dayOfNextMonth' }, shanghai)).toThrow(/1–31.*0/);
    expect(() => addDuration(beforeNationalDay, { amount: 32, unit: 'dayOfNextMonth' }, shanghai)).toThrow(/1–31.*32/);
  });

  it('is described as a date', () => {
    expect(describeDuration(tenth, 'zh-CN')).toBe('次月10日');
    expect(describeDuration(tenth, 'en')).toBe('the 10th of the next month');
    expect(describeDuration({ amount: 1, unit: 'dayOfNextMonth' }, 'en')).toBe('the 1st of the next month');
    expect(describeDuration({ amount: 22, unit: 'dayOfNextMonth' }, 'en')).toBe('the 22nd of the next month');
    expect(describeDuration({ amount: 13, unit: 'dayOfNextMonth' }, 'en')).toBe('the 13th of the next month');
    expect(() => describeDuration(tenth, 'fr' as 'en')).toThrow(/locale/);
  });
});
