/** Exact money for Wuye: decimal.js behind a small API (see money.ts for the rules). */
export {
  MONEY_PATTERN,
  MAX_PLACES,
  ROUNDING_MODES,
  formatMoney,
  formatYuan,
  fromFen,
  parseMoney,
  roundMoney,
  toFen,
  type RoundingMode,
} from './money.js';
export { MoneyDecimal, type Decimal } from './decimal.js';
export { describeValue } from './describe.js';
