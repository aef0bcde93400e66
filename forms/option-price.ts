/**
 * The price of an option whose list comes from the plugin's settings (`x-optionsFrom`, e.g. a
 * price list of paid services): when the setting's entry carries a `price` (money) and optionally
 * a pricing `unit` (次, 个, 米), the select shows it next to the option and under the field, so the
 * desk can answer "多少钱" while the resident is on the phone.
 */
import { MONEY_FORMAT } from '../core/declarations/ajv-factory.js';
import type { FieldSchema, FormContext } from './types.js';
import { formatMoney } from './values.js';

/** '¥20.00/次' for an option with a price; undefined otherwise. */
export function optionPrice(field: FieldSchema, value: unknown, context: FormContext | undefined): string | undefined {
  const key = field['x-optionsFrom'];
  if (typeof key !== 'string' || typeof value !== 'string') return undefined;
  const setting = context?.config?.[key];
  if (!setting || typeof setting !== 'object' || !Object.prototype.hasOwnProperty.call(setting, value)) return undefined;
  const entry = (setting as Record<string, unknown>)[value] as { price?: unknown; unit?: unknown } | null;
  const price = entry?.price;
  if (typeof price !== 'string' || !MONEY_FORMAT.test(price)) return undefined;
  const unit = typeof entry?.unit === 'string' && entry.unit.trim() ? entry.unit.trim() : undefined;
  return `¥${formatMoney(price)}${unit ? `/${unit}` : ''}`;
}
