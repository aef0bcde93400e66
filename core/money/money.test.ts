import { describe, expect, it } from 'vitest';
import { Decimal } from 'decimal.js';
import {
  MONEY_PATTERN,
  MoneyDecimal,
  formatMoney,
  formatYuan,
  fromFen,
  parseMoney,
  roundMoney,
  toFen,
} from './index.js';

describe('parseMoney', () => {
  it('parses decimal strings exactly, including rates with more than 2 decimals', () => {
    expect(formatMoney(parseMoney('1234.5'))).toBe('1234.50');
    expect(formatMoney(parseMoney('-0.01'))).toBe('-0.01');
    expect(parseMoney('0.003').toFixed()).toBe('0.003');
    expect(parseMoney('0012').toFixed()).toBe('12');
  });

  it('makes 0.1 + 0.2 exact when the amounts come as strings', () => {
    expect(formatMoney(parseMoney('0.1').plus(parseMoney('0.2')))).toBe('0.30');
    expect(parseMoney('0.1').plus(parseMoney('0.2')).equals(parseMoney('0.3'))).toBe(true);
  });

  it('refuses a float that already lost exactness (0.1 + 0.2 style)', () => {
    expect(() => parseMoney(0.1 + 0.2)).toThrow(RangeError);
    expect(() => parseMoney(0.1 + 0.2)).toThrow('0.30000000000000004');
    expect(() => parseMoney(1.005)).toThrow(/more than 2 decimals/);
  });

  it('accepts safe integers and numbers with at most 2 decimals', () => {
    expect(formatMoney(parseMoney(12))).toBe('12.00');
    expect(formatMoney(parseMoney(0.1))).toBe('0.10');
    expect(formatMoney(parseMoney(-89.75))).toBe('-89.75');
    expect(formatMoney(parseMoney(Number.MAX_SAFE_INTEGER))).toBe('9007199254740991.00');
  });

  it('refuses non-finite numbers, unsafe integers and exponent forms, naming the value', () => {
    expect(() => parseMoney(Number.NaN)).toThrow('NaN');
    expect(() => parseMoney(Number.POSITIVE_INFINITY)).toThrow('Infinity');
    expect(() => parseMoney(1e21)).toThrow(RangeError);
    expect(() => parseMoney(2 ** 53 + 2)).toThrow(RangeError);
    expect(() => parseMoney(1e-7)).toThrow(RangeError);
    expect(() => parseMoney(1234567890123456.7)).toThrow(/15 digits/);
    expect(formatMoney(parseMoney(1234567890123.45))).toBe('1234567890123.45');
  });

  it('refuses strings that are not plain decimals, naming the value', () => {
    for (const bad of ['', 'abc', '1e5', ' 1', '1 ', '+1', '.5', '1.', '1,000.00', 'NaN', 'Infinity', '--1', '0x10']) {
      expect(() => parseMoney(bad), bad).toThrow(RangeError);
    }
    expect(() => parseMoney('12a')).toThrow('"12a"');
    expect(() => parseMoney(null as unknown as string)).toThrow('null');
  });

  it('refuses strings with more digits than the working precision', () => {
    expect(() => parseMoney('1'.repeat(41))).toThrow(/40 digits/);
    expect(parseMoney('1'.repeat(40)).toFixed()).toBe('1'.repeat(40));
  });

  it('has no negative zero', () => {
    expect(formatMoney(parseMoney('-0'))).toBe('0.00');
    expect(formatMoney(parseMoney('-0.00'))).toBe('0.00');
  });
});

describe('formatMoney', () => {
  it('prints fixed decimals, never exponents', () => {
    expect(formatMoney(parseMoney('1234.5'))).toBe('1234.50');
    expect(formatMoney(parseMoney('123456789012.34'))).toBe('123456789012.34');
    expect(formatMoney(parseMoney('0.000001'), 6)).toBe('0.000001');
    expect(formatMoney(parseMoney('1234.5'), 0)).toBe('1235');
  });

  it('rounds extra decimals half-up, and a rounded-away negative is 0.00 not -0.00', () => {
    expect(formatMoney(parseMoney('2.345'))).toBe('2.35');
    expect(formatMoney(parseMoney('-2.345'))).toBe('-2.35');
    expect(formatMoney(parseMoney('-0.001'))).toBe('0.00');
  });

  it('is not affected by settings on the shared Decimal constructor', () => {
    const saved = { rounding: Decimal.rounding, precision: Decimal.precision };
    Decimal.set({ rounding: Decimal.ROUND_DOWN, precision: 3 });
    try {
      expect(formatMoney(new Decimal('2.345'))).toBe('2.35');
      expect(formatMoney(parseMoney('1234.56').times('100'))).toBe('123456.00');
      expect(toFen(new Decimal('1234.56'))).toBe(123456n);
    } finally {
      Decimal.set(saved);
    }
  });

  it('refuses nonsense decimal places', () => {
    expect(() => formatMoney(parseMoney('1'), -1)).toThrow(RangeError);
    expect(() => formatMoney(parseMoney('1'), 1.5)).toThrow(RangeError);
  });
});

describe('roundMoney', () => {
  it('distinguishes halfUp and halfEven on a tie (2.345)', () => {
    expect(roundMoney(parseMoney('2.345'), 2, 'halfUp').toFixed(2)).toBe('2.35');
    expect(roundMoney(parseMoney('2.345'), 2, 'halfEven').toFixed(2)).toBe('2.34');
    expect(roundMoney(parseMoney('2.355'), 2, 'halfEven').toFixed(2)).toBe('2.36');
  });

  it('rounds down/up toward/away from zero, symmetric for negatives', () => {
    expect(roundMoney(parseMoney('2.341'), 2, 'up').toFixed(2)).toBe('2.35');
    expect(roundMoney(parseMoney('2.349'), 2, 'down').toFixed(2)).toBe('2.34');
    expect(roundMoney(parseMoney('-2.341'), 2, 'up').toFixed(2)).toBe('-2.35');
    expect(roundMoney(parseMoney('-2.349'), 2, 'down').toFixed(2)).toBe('-2.34');
    expect(roundMoney(parseMoney('-2.345'), 2, 'halfUp').toFixed(2)).toBe('-2.35');
  });

  it('refuses an unknown mode', () => {
    expect(() => roundMoney(parseMoney('1'), 2, 'ceil' as 'up')).toThrow(/unknown rounding mode "ceil"/);
    expect(() => roundMoney(parseMoney('1'), 2, 'toString' as 'up')).toThrow(RangeError);
  });
});

describe('toFen / fromFen', () => {
  it('converts exactly both ways', () => {
    expect(toFen(parseMoney('1234.50'))).toBe(123450n);
    expect(toFen(parseMoney('-0.01'))).toBe(-1n);
    expect(toFen(parseMoney('999999999999.99'))).toBe(99999999999999n);
    expect(formatMoney(fromFen(123450n))).toBe('1234.50');
    expect(formatMoney(fromFen(-1n))).toBe('-0.01');
    expect(formatMoney(fromFen(0n))).toBe('0.00');
    const huge = 123456789012345678901234567890123456789012345n;
    expect(toFen(fromFen(huge))).toBe(huge);
  });

  it('refuses amounts with too many decimals instead of rounding them', () => {
    expect(() => toFen(parseMoney('0.005'))).toThrow(/more than 2 decimals/);
    expect(() => toFen(parseMoney('1').dividedBy(3))).toThrow(RangeError);
    expect(() => toFen(parseMoney('-12.001'))).toThrow('-12.001');
  });
});

describe('formatYuan', () => {
  it('groups thousands with a ¥ sign in both locales', () => {
    expect(formatYuan(parseMoney('1234.5'), 'zh-CN')).toBe('¥1,234.50');
    expect(formatYuan(parseMoney('1234.5'), 'en')).toBe('¥1,234.50');
    expect(formatYuan(parseMoney('0'), 'en')).toBe('¥0.00');
  });

  it('keeps digits a float could not hold, and signs negatives', () => {
    expect(formatYuan(parseMoney('9007199254740993.01'), 'zh-CN')).toBe('¥9,007,199,254,740,993.01');
    expect(formatYuan(parseMoney('-1234.5'), 'zh-CN')).toBe('-¥1,234.50');
    expect(formatYuan(parseMoney('-0.001'), 'zh-CN')).toBe('¥0.00');
  });
});

describe('MONEY_PATTERN', () => {
  it('accepts the JSON string form of stored amounts', () => {
    for (const ok of ['0', '1234.5', '-0.01', '999999999999.99', '12.00']) expect(MONEY_PATTERN.test(ok), ok).toBe(true);
  });

  it('refuses too many digits, decimals, leading zeros and other notations', () => {
    for (const bad of ['1234567890123', '1.234', '01', '+1', '1e3', '.5', '1.', '', ' 1']) {
      expect(MONEY_PATTERN.test(bad), bad).toBe(false);
    }
  });
});

describe('MoneyDecimal', () => {
  it('is a separate constructor with 40 digits of precision', () => {
    expect(MoneyDecimal).not.toBe(Decimal);
    expect(MoneyDecimal.precision).toBe(40);
  });
});
