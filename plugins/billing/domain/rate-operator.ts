/**
 * `billing.rateOn` — the rule operator other procedures use for a price of billing's fee list, so
 * they never read billing's settings themselves: `{ "billing.rateOn": [feeCode, date, unitType] }`
 * is the unit price (a decimal string) in force on `date` for a unit of that type (its byUnitType
 * entry, else the flat price), or null when the item is unknown or inactive, or has no rate on
 * that day for that unit type. Read from the billing settings of the case's configuration version.
 */
import { isIsoDate, type RuleOperatorDefinition } from '../../../core/plugin-api.js';
import type { BillingSettings } from '../generated/settings.js';
import { rateInForce } from './fee-lines.js';

export const RATE_ON = 'rateOn';

function text(value: unknown, what: string): string {
  if (typeof value !== 'string' || value === '') throw new RangeError(`billing.rateOn: ${what} must be a non-empty string`);
  return value;
}

export function rateOn(settings: Pick<BillingSettings, 'feeItems'> | undefined, feeCode: string, day: string, unitType: string | null): string | null {
  const items = settings?.feeItems;
  const item = items && Object.hasOwn(items, feeCode) ? items[feeCode] : undefined;
  if (!item || item.active === false) return null;
  const rate = rateInForce(item, day);
  if (!rate) return null;
  const byType = unitType !== null && rate.byUnitType && Object.hasOwn(rate.byUnitType, unitType) ? rate.byUnitType[unitType] : undefined;
  return byType ?? rate.price ?? null;
}

export const rateOnOperator: RuleOperatorDefinition = {
  minArgs: 2,
  maxArgs: 3,
  checkLiteral: (value, index) => {
    if (index === 1) return isIsoDate(value) ? undefined : 'the date must be YYYY-MM-DD';
    return typeof value === 'string' && value !== '' ? undefined : index === 0 ? 'the fee item code must be a string' : 'the unit type must be a string';
  },
  evaluate([feeCode, day, unitType], env) {
    if (!isIsoDate(day)) throw new RangeError('billing.rateOn: the date must be YYYY-MM-DD');
    if (!env.settingsOf) throw new RangeError('billing.rateOn: needs the configuration in force, which this rule is not evaluated with');
    const unit = unitType === undefined || unitType === null ? null : text(unitType, 'the unit type');
    return rateOn(env.settingsOf('billing') as BillingSettings | undefined, text(feeCode, 'the fee item code'), day, unit);
  },
};
