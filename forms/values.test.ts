import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { getAt, setAt } from './pointer.js';
import { acceptsFile, formatBytes, formatMoney, inputToIsoTime, isoTimeToInput, isoToLocalInput, localInputToIso, normalizeMoney, parseNumberInput, resolveTimeZone } from './values.js';

describe('date and time inputs', () => {
  it('a local date-time typed in Asia/Shanghai becomes ISO with its offset, and back', () => {
    expect(localInputToIso('2026-09-30T10:00', 'Asia/Shanghai')).toBe('2026-09-30T10:00:00+08:00');
    expect(localInputToIso('2026-09-30T10:00:30', 'Asia/Shanghai')).toBe('2026-09-30T10:00:30+08:00');
    expect(localInputToIso('2026-07-01T10:00', 'Europe/Berlin')).toBe('2026-07-01T10:00:00+02:00');
    expect(localInputToIso('2026-02-30T10:00', 'Asia/Shanghai')).toBeUndefined();
    expect(localInputToIso('', 'Asia/Shanghai')).toBeUndefined();
    expect(isoToLocalInput('2026-09-30T02:00:00Z', 'Asia/Shanghai')).toBe('2026-09-30T10:00');
    expect(isoToLocalInput('2026-09-30T10:00:00+08:00', 'Asia/Shanghai')).toBe('2026-09-30T10:00');
    expect(isoToLocalInput('not a date', 'Asia/Shanghai')).toBe('');
  });

  it('a time of day carries the zone offset that ajv-formats requires', () => {
    expect(inputToIsoTime('09:30', 'Asia/Shanghai')).toBe('09:30:00+08:00');
    expect(inputToIsoTime('09:30', 'Europe/Berlin', DateTime.fromISO('2026-01-10T00:00:00Z'))).toBe('09:30:00+01:00');
    expect(inputToIsoTime('9:30', 'Asia/Shanghai')).toBeUndefined();
    expect(isoTimeToInput('09:30:00+08:00')).toBe('09:30');
    expect(isoTimeToInput('09:30:15+08:00')).toBe('09:30:15');
  });

  it('resolves the zone', () => {
    expect(resolveTimeZone(undefined)).toBe('Asia/Shanghai');
    expect(resolveTimeZone('Nowhere/Special')).toBe('Asia/Shanghai');
    expect(resolveTimeZone('browser')).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
  });
});

describe('money and numbers', () => {
  it('normalises typed amounts to two decimals, exactly', () => {
    expect(normalizeMoney('1234.5')).toBe('1234.50');
    expect(normalizeMoney(' ¥1,234 ')).toBe('1234.00');
    expect(normalizeMoney('１２３．４元')).toBe('123.40');
    expect(normalizeMoney('007.1')).toBe('7.10');
    expect(normalizeMoney('-0')).toBe('0.00');
    expect(normalizeMoney('12.345')).toBe('12.345'); // kept: validation says why
    expect(normalizeMoney('abc')).toBe('abc');
    expect(normalizeMoney('  ')).toBeUndefined();
    expect(normalizeMoney('99999999999999999.99')).toBe('99999999999999999.99'); // no float rounding
    expect(formatMoney('1234567.5')).toBe('1,234,567.50');
  });

  it('parses numbers and keeps what is not one', () => {
    expect(parseNumberInput('12')).toBe(12);
    expect(parseNumberInput('-1.5')).toBe(-1.5);
    expect(parseNumberInput('３')).toBe(3);
    expect(parseNumberInput('1.2.3')).toBe('1.2.3');
    expect(parseNumberInput('')).toBeUndefined();
  });
});

describe('files', () => {
  it('sizes and accept lists', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(1048576)).toBe('1 MB');
    expect(formatBytes(2.25 * 1048576)).toBe('2.3 MB');
    expect(acceptsFile(['image/png', 'application/pdf'], 'image/png')).toBe(true);
    expect(acceptsFile(['image/*'], 'image/webp')).toBe(true);
    expect(acceptsFile(['.pdf'], '', 'a.PDF')).toBe(true);
    expect(acceptsFile(['image/png'], 'image/jpeg')).toBe(false);
    expect(acceptsFile(undefined, 'x/y')).toBe(true);
  });
});

describe('pointers', () => {
  it('sets through objects and arrays, and prunes objects emptied by a removal', () => {
    const data: Record<string, unknown> = {};
    setAt(data, '/contact/name', '张三');
    setAt(data, '/readings/0/value', 3);
    expect(data).toEqual({ contact: { name: '张三' }, readings: [{ value: 3 }] });
    setAt(data, '/contact/name', undefined);
    setAt(data, '/readings/0/value', undefined);
    expect(data).toEqual({ readings: [{}] });
    setAt(data, '/__proto__/x', 1);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    expect(getAt({ a: [{ b: 1 }] }, '/a/0/b')).toBe(1);
    expect(getAt({ a: 1 }, '/a/b')).toBeUndefined();
  });
});
