import chineseDays from 'chinese-days';
import { afterEach, describe, expect, it } from 'vitest';
import { addDaysToIsoDate } from './iso-date.js';
import { hasPublicCalendarData, isPublicWorkingDay } from './public-calendar.js';

describe('isPublicWorkingDay', () => {
  it('knows the 2026 National Day arrangement', () => {
    for (let d = 1; d <= 7; d++) {
      expect(isPublicWorkingDay(`2026-10-0${d}`), `2026-10-0${d}`).toBe(false);
    }
    expect(isPublicWorkingDay('2026-09-20')).toBe(true); // Sunday, 调休 working day
    expect(isPublicWorkingDay('2026-10-08')).toBe(true); // Thursday after the holiday
    expect(isPublicWorkingDay('2026-10-10')).toBe(true); // Saturday, 调休 working day
    expect(isPublicWorkingDay('2026-10-11')).toBe(false); // ordinary Sunday
    expect(isPublicWorkingDay('2026-10-17')).toBe(false); // ordinary Saturday
  });

  it('falls back to Monday–Friday for a year without data', () => {
    expect(isPublicWorkingDay('2003-10-01')).toBe(true); // a Wednesday; 2003 predates the package's data
    expect(isPublicWorkingDay('2003-10-04')).toBe(false); // a Saturday
  });
});

describe('hasPublicCalendarData', () => {
  it('covers the years chinese-days has published', () => {
    expect(hasPublicCalendarData(2004)).toBe(true);
    expect(hasPublicCalendarData(2026)).toBe(true);
    expect(hasPublicCalendarData(2003)).toBe(false);
    expect(hasPublicCalendarData(2100)).toBe(false);
  });
});

describe('agreement with the chinese-days functions', () => {
  // The package's own functions read dates in the process's local zone; they are only right
  // when the process zone is at or east of UTC (see public-calendar.ts). Compare where they are.
  const libraryIsReliable = [Date.UTC(2026, 0, 1), Date.UTC(2026, 6, 1)].every((t) => new Date(t).getTimezoneOffset() <= 0);

  it.runIf(libraryIsReliable)('matches getDayDetail for every day 2004–2026', () => {
    const mismatches: string[] = [];
    for (let date = '2004-01-01'; date <= '2026-12-31'; date = addDaysToIsoDate(date, 1)) {
      if (isPublicWorkingDay(date) !== chineseDays.getDayDetail(date).work) mismatches.push(date);
    }
    expect(mismatches).toEqual([]);
  });
});

describe('independence from the process time zone', () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    if (originalTz === undefined) delete process.env.TZ;
    else process.env.TZ = originalTz;
  });

  it.each([
    ['America/New_York', 240],
    ['Pacific/Kiritimati', -840],
    ['UTC', 0],
  ])('gives the same answers with TZ=%s', (tz, offsetMinutes) => {
    process.env.TZ = tz;
    // Precondition: Node applied the new zone, so this test really runs under it.
    expect(new Date(Date.UTC(2026, 9, 10)).getTimezoneOffset()).toBe(offsetMinutes);
    expect(isPublicWorkingDay('2026-10-10')).toBe(true);
    expect(isPublicWorkingDay('2026-10-11')).toBe(false);
    expect(isPublicWorkingDay('2026-10-12')).toBe(true);
    expect(isPublicWorkingDay('2026-10-01')).toBe(false);
  });
});
