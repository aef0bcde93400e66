/**
 * Exact money: parse, round, format and convert to fen (分) with decimal.js, never with floats.
 *
 * Amounts travel through JSON as strings ('1234.50'), are computed as MoneyDecimal and are stored
 * as integer fen (bigint). Floats are only accepted where they cannot already be wrong (see
 * parseMoney), so a 0.1 + 0.2 computed somewhere upstream is refused rather than silently billed.
 */
import { MoneyDecimal, toMoneyDecimal, type Decimal } from './decimal.js';
import { describeValue } from './describe.js';

/** 'halfUp' and 'halfEven' round ties away from zero / to even; 'down' and 'up' round toward / away from zero (not floor/ceil, so refunds round like charges). */
export type RoundingMode = 'halfUp' | 'halfEven' | 'down' | 'up';

export const ROUNDING_MODES: readonly RoundingMode[] = ['halfUp', 'halfEven', 'down', 'up'];

const DECIMAL_ROUNDING: Record<RoundingMode, Decimal.Rounding> = {
  halfUp: MoneyDecimal.ROUND_HALF_UP,
  halfEven: MoneyDecimal.ROUND_HALF_EVEN,
  down: MoneyDecimal.ROUND_DOWN,
  up: MoneyDecimal.ROUND_UP,
};

/**
 * The string form of a stored amount, for JSON Schemas: optional '-', 1 to 12 integer digits without
 * leading zeros, up to 2 decimals ('1234.5', '-0.01'). 12 digits is a trillion yuan, and keeps every
 * amount exactly representable as fen in a bigint and in a PostgreSQL numeric(14,2).
 */
export const MONEY_PATTERN = /^-?(?:0|[1-9]\d{0,11})(?:\.\d{1,2})?$/;

/** Plain decimal notation only: no exponent, no spaces, no '+', no bare '.5'. */
const DECIMAL_STRING = /^-?\d+(?:\.\d+)?$/;

/** More digits than the working precision could be rounded by the first operation; refuse instead. */
const MAX_DIGITS = 40;

/** Bound for `places` in rounding and formatting; beyond this it is a bug, not a currency. */
export const MAX_PLACES = 20;

/**
 * Parses an amount (or a rate or quantity) into an exact Decimal.
 *
 * Strings: any finite decimal in plain notation ('1234.5', '-0.01', '0.003'), at most 40 digits.
 * Extra decimals are allowed because rates and unit prices need them; stored amounts are held to 2
 * decimals by MONEY_PATTERN and toFen.
 * Numbers: only safe integers, or numbers whose shortest form has at most 2 decimals (and 15 digits).
 * A float with more (0.1 + 0.2 = 0.30000000000000004, 1.005) has already lost exactness: refused.
 *
 * @throws RangeError naming the value
 */
export function parseMoney(value: string | number): Decimal {
  if (typeof value === 'number') return parseMoneyNumber(value);
  if (typeof value !== 'string' || !DECIMAL_STRING.test(value)) {
    throw new RangeError(`not a decimal amount: ${describeValue(value)}`);
  }
  if (value.replace(/[-.]/g, '').length > MAX_DIGITS) {
    throw new RangeError(`amount has more than ${MAX_DIGITS} digits: ${describeValue(value)}`);
  }
  return normalizeZero(new MoneyDecimal(value));
}

function parseMoneyNumber(value: number): Decimal {
  if (Number.isSafeInteger(value)) return normalizeZero(new MoneyDecimal(value));
  if (!Number.isFinite(value)) throw new RangeError(`not a finite amount: ${describeValue(value)}`);
  // String(n) is the shortest text that round-trips. With at most 15 significant digits that text is
  // guaranteed to be exactly what the author of the number wrote; beyond, the float may have moved.
  const text = String(value);
  const match = /^-?(\d+)\.(\d{1,2})$/.exec(text);
  if (!match || (match[1]! + match[2]!).replace(/^0+/, '').length > 15) {
    throw new RangeError(
      `number ${text} is not an exact amount (more than 2 decimals or 15 digits); pass it as a decimal string`,
    );
  }
  return new MoneyDecimal(text);
}

/** -0 prints as '-0.00'; an amount of zero has no sign. */
function normalizeZero(value: Decimal): Decimal {
  return value.isZero() ? new MoneyDecimal(0) : value;
}

function checkPlaces(places: number): void {
  if (!Number.isInteger(places) || places < 0 || places > MAX_PLACES) {
    throw new RangeError(`decimal places must be an integer from 0 to ${MAX_PLACES}, got ${describeValue(places)}`);
  }
}

/** Rounds to `places` decimals with an explicit mode; there is deliberately no default mode. */
export function roundMoney(value: Decimal, places: number, mode: RoundingMode): Decimal {
  checkPlaces(places);
  const rounding = Object.hasOwn(DECIMAL_ROUNDING, mode) ? DECIMAL_ROUNDING[mode] : undefined;
  if (rounding === undefined) {
    throw new RangeError(`unknown rounding mode ${describeValue(mode)} (known: ${ROUNDING_MODES.join(', ')})`);
  }
  return normalizeZero(toMoneyDecimal(value).toDecimalPlaces(places, rounding));
}

/**
 * Fixed-point text with exactly `places` decimals ('1234.50'), no grouping, never exponential.
 * Extra decimals are rounded half-up: this is for display and JSON; round explicitly with
 * roundMoney before storing if the mode matters.
 */
export function formatMoney(value: Decimal, places = 2): string {
  checkPlaces(places);
  return roundMoney(value, places, 'halfUp').toFixed(places);
}

/**
 * Integer fen (1/100 yuan), the storage form. Refuses amounts with more than 2 decimals instead of
 * rounding them, because which way to round is a business decision the caller has to make.
 */
export function toFen(value: Decimal): bigint {
  const amount = toMoneyDecimal(value);
  if (amount.decimalPlaces() > 2) {
    throw new RangeError(`${amount.toFixed()} has more than 2 decimals; round it before converting to fen`);
  }
  // Shift the decimal point in the text rather than multiply: multiplication would round to 40 digits.
  return BigInt(amount.toFixed(2).replace('.', ''));
}

/** Yuan from integer fen. Built from an exponent string so even huge values are not rounded to 40 digits. */
export function fromFen(fen: bigint): Decimal {
  return normalizeZero(new MoneyDecimal(`${fen}e-2`));
}

const yuanFormats = new Map<string, Intl.NumberFormat>();

/**
 * '¥1,234.50' for people. 'narrowSymbol' gives '¥' in every locale ('en' would otherwise say 'CN¥').
 * The amount is handed to Intl as a string, which Intl formats exactly, so no float is involved.
 */
export function formatYuan(value: Decimal, locale: 'zh-CN' | 'en'): string {
  let format = yuanFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: 'CNY',
      currencyDisplay: 'narrowSymbol',
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    });
    yuanFormats.set(locale, format);
  }
  return format.format(formatMoney(value, 2) as `${number}`);
}
