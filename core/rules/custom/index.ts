/**
 * Wuye's own rule operators, namespaced so they can never collide with future JsonLogic ones.
 * Each entry is the checker's spec plus the implementation registered with json-logic-js.
 */
import { ANY, spec, type OperatorSpec } from '../operator-spec.js';
import { checkDateLiteral, dateAddDays, dateDaysBetween } from './date-ops.js';
import { checkCountLiteral, dateAddWorkingDays, dateEndOfMonth, dateStartOfMonth, dateToday, dateWorkingDaysBetween } from './calendar-ops.js';
import {
  checkMode,
  checkMoneyLiteral,
  checkPlaces,
  moneyAdd,
  moneyCmp,
  moneyMax,
  moneyMin,
  moneyMul,
  moneyRound,
  moneySub,
} from './money-ops.js';
import { strContainsAny, strLen } from './string-ops.js';
import { objGet } from './object-ops.js';

export interface CustomOperator extends OperatorSpec {
  readonly impl: (...args: unknown[]) => unknown;
}

const moneyLiterals = { checkLiteral: (value: unknown) => checkMoneyLiteral(value) };

function custom(s: OperatorSpec, impl: CustomOperator['impl']): CustomOperator {
  return { ...s, impl };
}

export const CUSTOM_OPERATORS: ReadonlyMap<string, CustomOperator> = new Map([
  ['money.add', custom(spec(1, ANY, moneyLiterals), moneyAdd)],
  ['money.sub', custom(spec(2, 2, moneyLiterals), moneySub)],
  ['money.mul', custom(spec(1, ANY, moneyLiterals), moneyMul)],
  ['money.max', custom(spec(1, ANY, moneyLiterals), moneyMax)],
  ['money.min', custom(spec(1, ANY, moneyLiterals), moneyMin)],
  ['money.cmp', custom(spec(2, 2, moneyLiterals), moneyCmp)],
  [
    'money.round',
    custom(
      spec(3, 3, {
        checkLiteral: (value, index) => (index === 0 ? checkMoneyLiteral(value) : index === 1 ? checkPlaces(value) : checkMode(value)),
      }),
      moneyRound,
    ),
  ],
  [
    'date.daysBetween',
    custom(spec(2, 2, { checkLiteral: (value) => checkDateLiteral(value) }), dateDaysBetween),
  ],
  [
    'date.addDays',
    custom(
      spec(2, 2, {
        checkLiteral: (value, index) =>
          index === 0
            ? checkDateLiteral(value)
            : Number.isSafeInteger(value) || (typeof value === 'string' && /^-?\d{1,7}$/.test(value))
              ? undefined
              : 'day count must be an integer',
      }),
      dateAddDays,
    ),
  ],
  ['date.startOfMonth', custom(spec(1, 1, { checkLiteral: (value) => checkDateLiteral(value) }), dateStartOfMonth)],
  ['date.endOfMonth', custom(spec(1, 1, { checkLiteral: (value) => checkDateLiteral(value) }), dateEndOfMonth)],
  [
    'date.addWorkingDays',
    custom(spec(2, 2, { checkLiteral: (value, index) => (index === 0 ? checkDateLiteral(value) : checkCountLiteral(value)) }), dateAddWorkingDays),
  ],
  ['date.workingDaysBetween', custom(spec(2, 2, { checkLiteral: (value) => checkDateLiteral(value) }), dateWorkingDaysBetween)],
  ['date.today', custom(spec(0, 0), dateToday)],
  [
    'str.len',
    custom(
      spec(1, 1, {
        checkLiteral: (value) =>
          value === null || typeof value === 'string' || typeof value === 'number' ? undefined : 'expected a string',
      }),
      strLen,
    ),
  ],
  [
    'str.containsAny',
    custom(
      spec(2, 2, {
        checkLiteral: (value, index) =>
          index === 0
            ? value === null || typeof value === 'string' ? undefined : 'expected a string'
            : Array.isArray(value) && value.every((w) => typeof w === 'string') ? undefined : 'expected a list of strings',
      }),
      strContainsAny,
    ),
  ],
  [
    'obj.get',
    custom(
      spec(2, 8, {
        checkLiteral: (value, index) =>
          index === 0 || typeof value === 'string' || typeof value === 'number' ? undefined : 'a key must be a string or a number',
      }),
      objGet as CustomOperator['impl'],
    ),
  ],
]);
