import { describe, expect, it } from 'vitest';
import { addDaysToIsoDate, assertIsoDate, isIsoDate, isoWeekday } from './iso-date.js';

describe('isIsoDate', () => {
  it('accepts real dates in YYYY-MM-DD form', () => {
    expect(isIsoDate('2026-10-10')).toBe(true);
    expect(isIsoDate('2024-02-29')).toBe(true); // leap year
    expect(isIsoDate('0099-01-01')).toBe(true); // not mapped to 1999
  });

  it('rejects impossible dates and other shapes', () => {
    for (const bad of ['2026-02-29', '2026-02-30', '2026-13-01', '2026-00-10', '2026-10-00', '2026-10-1', '20261010', '2026-10-10T00:00', ' 2026-10-10', '']) {
      expect(isIsoDate(bad), bad).toBe(false);
    }
    expect(isIsoDate(20261010)).toBe(false);
    expect(isIsoDate(null)).toBe(false);
  });

  it('assertIsoDate names the offending input', () => {
    expect(() => assertIsoDate('2026-02-30', 'due date')).toThrow(RangeError);
    expect(() => assertIsoDate('2026-02-30', 'due date')).toThrow(/due date .*"2026-02-30"/);
    expect(() => assertIsoDate('2026-02-28', 'due date')).not.toThrow();
  });
});

describe('addDaysToIsoDate', () => {
  it('crosses month, year and leap-day boundaries', () => {
    expect(addDaysToIsoDate('2026-09-30', 1)).toBe('2026-10-01');
    expect(addDaysToIsoDate('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDaysToIsoDate('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDaysToIsoDate('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDaysToIsoDate('2026-10-01', -1)).toBe('2026-09-30');
    expect(addDaysToIsoDate('2026-01-01', 365)).toBe('2027-01-01');
  });
});

describe('isoWeekday', () => {
  it('numbers Monday 1 to Sunday 7', () => {
    expect(isoWeekday('2026-10-10')).toBe(6); // Saturday
    expect(isoWeekday('2026-10-11')).toBe(7); // Sunday
    expect(isoWeekday('2026-10-12')).toBe(1); // Monday
    expect(isoWeekday('2026-09-30')).toBe(3); // Wednesday
  });
});
