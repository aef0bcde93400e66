import { describe, expect, it } from 'vitest';
import { compileRule } from '../index.js';
import { dateAddDays, dateDaysBetween } from './date-ops.js';
import { civilFromDays, daysFromCivil } from '../../calendar/iso-date.js';

function run(logic: unknown, context: Record<string, unknown> = {}): unknown {
  return compileRule(logic).evaluate(context);
}

describe('date.daysBetween', () => {
  it('counts calendar days, negative when the second date is earlier', () => {
    expect(run({ 'date.daysBetween': ['2024-02-20', '2024-03-08'] })).toBe(17);
    expect(run({ 'date.daysBetween': ['2024-03-08', '2024-02-20'] })).toBe(-17);
    expect(run({ 'date.daysBetween': ['2024-01-01', '2024-01-01'] })).toBe(0);
    expect(run({ 'date.daysBetween': ['2023-01-01', '2024-01-01'] })).toBe(365);
    expect(run({ 'date.daysBetween': ['2024-01-01', '2025-01-01'] })).toBe(366);
    expect(run({ 'date.daysBetween': ['1900-02-28', '1900-03-01'] })).toBe(1); // 1900 is not a leap year
  });

  it('uses the UTC date of zoned date-times, ignoring the time of day', () => {
    expect(dateDaysBetween('2024-03-01T23:59:59Z', '2024-03-02T00:00:00Z')).toBe(1);
    expect(dateDaysBetween('2024-03-01T00:00:00Z', '2024-03-01T23:59:59.999Z')).toBe(0);
    // 01:00 in Beijing is 17:00 UTC the day before
    expect(dateDaysBetween('2024-03-01', '2024-03-02T01:00:00+08:00')).toBe(0);
    expect(dateDaysBetween('2024-03-01', '2024-03-01T20:00-05:00')).toBe(1);
  });

  it('accepts Dates in the context (they become ISO strings)', () => {
    expect(run({ 'date.daysBetween': [{ var: 'from' }, { var: 'to' }] }, { from: new Date('2024-02-20T10:00:00Z'), to: '2024-03-08' })).toBe(17);
  });

  it('refuses malformed, impossible and zone-less inputs', () => {
    for (const bad of ['2024-02-30', '2023-02-29', '2024-13-01', '2024-1-1', '20240101', '2024-03-01T10:00:00', '2024-03-01 10:00Z',
      '2024-03-01T24:00Z', 'yesterday', 1709251200000, null]) {
      expect(() => dateDaysBetween(bad, '2024-01-01'), String(bad)).toThrow(RangeError);
    }
    expect(() => dateDaysBetween('2024-02-30', '2024-01-01')).toThrow(/no such date "2024-02-30"/);
  });
});

describe('date.addDays', () => {
  it('adds and subtracts calendar days across months, years and leap days', () => {
    expect(run({ 'date.addDays': ['2024-02-28', 1] })).toBe('2024-02-29');
    expect(run({ 'date.addDays': ['2023-02-28', 1] })).toBe('2023-03-01');
    expect(run({ 'date.addDays': ['2024-12-31', 1] })).toBe('2025-01-01');
    expect(run({ 'date.addDays': ['2024-03-01', -1] })).toBe('2024-02-29');
    expect(run({ 'date.addDays': ['2024-03-01T20:00:00-05:00', 0] })).toBe('2024-03-02');
    expect(run({ 'date.addDays': [{ var: 'd' }, { var: 'n' }] }, { d: '2024-01-31', n: '30' })).toBe('2024-03-01');
    expect(dateAddDays('0001-01-01', 0)).toBe('0001-01-01');
  });

  it('refuses non-integer counts and results outside 0000-9999', () => {
    expect(() => dateAddDays('2024-01-01', 1.5)).toThrow(/integer/);
    expect(() => dateAddDays('2024-01-01', '1e3')).toThrow(/integer/);
    expect(() => dateAddDays('9999-12-31', 1)).toThrow(/outside years/);
    expect(() => dateAddDays('0000-01-01', -1)).toThrow(/outside years/);
  });
});

describe('civil day arithmetic', () => {
  it('agrees with Date.UTC over four centuries', () => {
    for (let day = daysFromCivil(1900, 1, 1); day <= daysFromCivil(2300, 12, 31); day += 17) {
      const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
      expect(civilFromDays(day)).toBe(iso);
      const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
      expect(daysFromCivil(y, m, d)).toBe(day);
    }
  });
});
