/**
 * Consumption billed from meter readings. Per unit and meter, the run bills the difference between
 * the newest unbilled reading and the anchor: the newest reading already billed, or — for a meter
 * never billed — its first reading (the baseline taken at move-in or installation). Every unbilled
 * reading up to the newest is then marked billed by the bill. A lone first reading bills nothing and
 * stays the baseline. Readings never go down (refused when recorded), so consumption is ≥ 0.
 */
import { MoneyDecimal } from '../../../core/plugin-api.js';
import type { Consumption } from '../domain/fee-lines.js';

export interface ReadingRow {
  id: number;
  unitId: number;
  meter: string;
  reading: string;
  readOn: string;
  billed: boolean;
}

export interface UnitConsumption {
  consumption: Record<string, Consumption>;
  /** readings the bill consumes (marked billed with it) */
  readingIds: number[];
}

function newestFirst(a: ReadingRow, b: ReadingRow): number {
  return a.readOn === b.readOn ? b.id - a.id : a.readOn < b.readOn ? 1 : -1;
}

/** `unbilled` and `anchors` (billed readings) of ONE unit, any order. */
export function consumptionOf(unbilled: ReadingRow[], anchors: ReadingRow[]): UnitConsumption {
  const result: UnitConsumption = { consumption: {}, readingIds: [] };
  const meters = new Set(unbilled.map((r) => r.meter));
  for (const meter of [...meters].sort()) {
    const open = unbilled.filter((r) => r.meter === meter).sort(newestFirst);
    const billedBefore = anchors.filter((r) => r.meter === meter).sort(newestFirst)[0];
    const newest = open[0]!;
    const anchor = billedBefore ?? open[open.length - 1]!;
    if (anchor.id === newest.id) continue; // a lone baseline
    result.consumption[meter] = {
      quantity: new MoneyDecimal(newest.reading).minus(anchor.reading).toFixed(),
      from: `${anchor.readOn} (${anchor.reading})`,
      to: `${newest.readOn} (${newest.reading})`,
    };
    result.readingIds.push(...open.map((r) => r.id));
  }
  return result;
}
