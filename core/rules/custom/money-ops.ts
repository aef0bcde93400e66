/**
 * money.* rule operators: exact decimal arithmetic through core/money, so a rule computing a late
 * fee gives the same fen as the billing code. Operands are decimal strings ('89.75', '0.003') or
 * numbers that are exact (see parseMoney); results are decimal strings.
 *
 * add/sub/mul/max/min never round: they return the exact result with at least 2 decimals
 * ('287.20', '0.035'), so that a surrounding money.round rounds once, with the mode the rule chose,
 * instead of rounding an already rounded value.
 */
import {
  MAX_PLACES,
  MoneyDecimal,
  ROUNDING_MODES,
  describeValue,
  formatMoney,
  parseMoney,
  roundMoney,
  type Decimal,
  type RoundingMode,
} from '../../money/index.js';

/** Parses one operand, prefixing errors with the operator so rule authors know where to look. */
export function moneyOperand(op: string, value: unknown): Decimal {
  if (typeof value !== 'string' && typeof value !== 'number') {
    throw new RangeError(`${op}: expected a decimal string or number, got ${describeValue(value)}`);
  }
  try {
    return parseMoney(value);
  } catch (error) {
    throw new RangeError(`${op}: ${(error as Error).message}`);
  }
}

/** Exact text with at least 2 decimals: '287.2' -> '287.20', '0.035' stays '0.035'. */
export function exactMoneyText(value: Decimal): string {
  if (value.isZero()) return '0.00';
  return value.toFixed(Math.max(2, value.decimalPlaces()));
}

function operands(op: string, values: readonly unknown[]): Decimal[] {
  if (values.length === 0) throw new RangeError(`${op}: needs at least one operand`);
  return values.map((v) => moneyOperand(op, v));
}

export function moneyAdd(...values: unknown[]): string {
  return exactMoneyText(operands('money.add', values).reduce((a, b) => a.plus(b)));
}

export function moneySub(a: unknown, b: unknown): string {
  return exactMoneyText(moneyOperand('money.sub', a).minus(moneyOperand('money.sub', b)));
}

export function moneyMul(...values: unknown[]): string {
  return exactMoneyText(operands('money.mul', values).reduce((a, b) => a.times(b)));
}

export function moneyMax(...values: unknown[]): string {
  return exactMoneyText(MoneyDecimal.max(...operands('money.max', values)));
}

export function moneyMin(...values: unknown[]): string {
  return exactMoneyText(MoneyDecimal.min(...operands('money.min', values)));
}

/** -1, 0 or 1, for use with == / < in rules (comparing decimal strings as strings would be wrong). */
export function moneyCmp(a: unknown, b: unknown): number {
  return moneyOperand('money.cmp', a).comparedTo(moneyOperand('money.cmp', b));
}

/** [value, places, mode]: rounded, printed with exactly `places` decimals. */
export function moneyRound(value: unknown, places: unknown, mode: unknown): string {
  const placesProblem = checkPlaces(places);
  if (placesProblem) throw new RangeError(`money.round: ${placesProblem}`);
  const modeProblem = checkMode(mode);
  if (modeProblem) throw new RangeError(`money.round: ${modeProblem}`);
  const rounded = roundMoney(moneyOperand('money.round', value), places as number, mode as RoundingMode);
  return formatMoney(rounded, places as number);
}

// Static checks of literal operands, shared with the rule checker.

export function checkMoneyLiteral(value: unknown): string | undefined {
  try {
    moneyOperand('', value);
    return undefined;
  } catch (error) {
    return (error as Error).message.replace(/^: /, '');
  }
}

export function checkPlaces(value: unknown): string | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_PLACES
    ? undefined
    : `decimal places must be an integer from 0 to ${MAX_PLACES}, got ${describeValue(value)}`;
}

export function checkMode(value: unknown): string | undefined {
  return typeof value === 'string' && (ROUNDING_MODES as readonly string[]).includes(value)
    ? undefined
    : `rounding mode must be one of ${ROUNDING_MODES.join(', ')}, got ${describeValue(value)}`;
}
