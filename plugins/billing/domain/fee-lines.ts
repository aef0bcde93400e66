/**
 * The fee lines of one unit's bill for one period, from the company's fee items:
 * - area:    rate (per m² per month) × area × months of the period
 * - fixed:   rate (per month) × months, only for unit types that have a rate
 * - metered: consumption × price (consumption comes from meter readings)
 * - oneOff:  never billed by the run; such items are posted as charges and appear as charge lines
 * The rate in force is the `rates` row with the greatest `from` ≤ the period's first day, so a rate
 * from 2026-07-01 applies to periods starting on or after that day; bills already issued keep their
 * stored amounts. Entrusted units (托管房) pay entrustedFactor on items marked `entrusted`; vacant
 * units pay vacancyFactor (when set) on items marked `vacancyDiscount`. Each line is rounded on its
 * own per settings.rounding, and the bill's total is the sum of the rounded lines.
 */
import { MoneyDecimal, roundMoney, toFen, type Decimal } from '../../../core/plugin-api.js';
import type { BillingSettings } from '../generated/settings.js';
import type { BillingPeriod } from './cycle-calendar.js';

export type FeeItem = NonNullable<BillingSettings['feeItems'][string]>;
export type FeeKind = FeeItem['kind'];

export interface UnitForBilling {
  /** m², decimal string */
  area: string;
  unitType: string;
  /** occupied, vacant, entrusted… */
  status: string;
}

export interface Consumption {
  /** decimal string, ≥ 0 */
  quantity: string;
  /** the readings' dates, for the line's source */
  from?: string;
  to?: string;
}

export interface FeeLine {
  feeCode: string;
  title: FeeItem['title'];
  kind: FeeKind;
  /** decimal strings: area × months, months, or consumption */
  quantity: string;
  unitPrice: string;
  /** '1', or the entrusted / vacancy factor */
  factor: string;
  amountFen: number;
  /** effective date of the rate used */
  rateFrom: string;
  /** how the quantity came about, e.g. "89.50 m² × 1 month(s)" or "water 2026-11-01 → 2026-12-01" */
  source: string | null;
}

export interface FeeLinesResult {
  lines: FeeLine[];
  totalFen: number;
}

type Rate = FeeItem['rates'][number];

/** The rate row in force for a period starting on `periodStart`, or undefined before the first one. */
export function rateInForce(item: FeeItem, periodStart: string): Rate | undefined {
  let best: Rate | undefined;
  for (const rate of item.rates) if (rate.from <= periodStart && (!best || rate.from > best.from)) best = rate;
  return best;
}

/** The unit price of a rate row for a unit type: its byUnitType entry, else its flat price. */
function priceFor(rate: Rate, unitType: string): string | undefined {
  const byType = rate.byUnitType && Object.hasOwn(rate.byUnitType, unitType) ? rate.byUnitType[unitType] : undefined;
  return byType ?? rate.price;
}

function factorFor(settings: BillingSettings, item: FeeItem, unit: UnitForBilling): string {
  if (unit.status === 'entrusted' && item.entrusted) return settings.entrustedFactor;
  if (unit.status === 'vacant' && item.vacancyDiscount && settings.vacancyFactor !== undefined) return settings.vacancyFactor;
  return '1';
}

function plain(value: Decimal): string {
  return value.toFixed();
}

export function computeFeeLines(
  settings: BillingSettings,
  unit: UnitForBilling,
  period: BillingPeriod,
  input: { consumption?: Record<string, Consumption> },
): FeeLinesResult {
  const months = settings.cycles[settings.cycle].months;
  const lines: FeeLine[] = [];
  for (const [feeCode, item] of Object.entries(settings.feeItems)) {
    if (!item || item.active === false || item.kind === 'oneOff') continue;
    const rate = rateInForce(item, period.start);
    if (!rate) continue;
    const price = priceFor(rate, unit.unitType);
    if (price === undefined) continue;
    let quantity: Decimal;
    let source: string | null;
    if (item.kind === 'area') {
      quantity = new MoneyDecimal(unit.area).times(months);
      source = `${unit.area} m² × ${months} month(s)`;
    } else if (item.kind === 'fixed') {
      quantity = new MoneyDecimal(months);
      source = `${months} month(s)`;
    } else {
      const used = item.meter !== undefined && input.consumption && Object.hasOwn(input.consumption, item.meter) ? input.consumption[item.meter] : undefined;
      if (!used) continue;
      quantity = new MoneyDecimal(used.quantity);
      source = used.from && used.to ? `${item.meter} ${used.from} → ${used.to}` : `${item.meter}`;
    }
    const factor = factorFor(settings, item, unit);
    const amount = roundMoney(quantity.times(price).times(factor), settings.rounding.places, settings.rounding.mode);
    lines.push({
      feeCode,
      title: item.title,
      kind: item.kind,
      quantity: plain(quantity),
      unitPrice: price,
      factor,
      amountFen: Number(toFen(amount)),
      rateFrom: rate.from,
      source,
    });
  }
  return { lines, totalFen: lines.reduce((sum, line) => sum + line.amountFen, 0) };
}
