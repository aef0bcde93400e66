/**
 * The one Decimal constructor every money computation goes through.
 *
 * decimal.js keeps its settings (precision, rounding) on the constructor, and `Decimal.set()` on the
 * shared default export changes them for every importer. A private clone built from the library
 * defaults (`defaults: true`) means another module's `Decimal.set({ rounding: ROUND_DOWN })` can
 * never change how we add up a bill.
 *
 * 40 significant digits: money has at most 12 integer digits, rates and quantities a few more, so
 * sums and products of a handful of operands stay exact; only longer chains could ever be rounded.
 */
import { Decimal } from 'decimal.js';

export const MoneyDecimal: Decimal.Constructor = Decimal.clone({
  defaults: true,
  precision: 40,
  rounding: Decimal.ROUND_HALF_UP,
  // Never switch to exponential notation in toString() for the magnitudes money can have.
  toExpNeg: -40,
  toExpPos: 40,
});

/**
 * Re-wraps a Decimal as a MoneyDecimal. decimal.js clones share one prototype (so `instanceof`
 * cannot tell them apart) but each instance does its arithmetic with its own constructor's
 * settings; a value built with someone else's Decimal must be re-wrapped before we compute with it.
 */
export function toMoneyDecimal(value: Decimal): Decimal {
  return value.constructor === MoneyDecimal ? value : new MoneyDecimal(value);
}

export type { Decimal };
