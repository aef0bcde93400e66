/**
 * Unit types (住宅, 商业 …) of the shared registry in the reader's language, in a fixed order —
 * the known ones as listed (住宅 first), others alphabetically — because PostgreSQL's jsonb does
 * not keep the order in which an admin entered keys keyed by unit type.
 */
import { getLanguage } from './i18n.js';

const NAMES: [type: string, zh: string, en: string][] = [
  ['residential', '住宅', 'Residential'],
  ['commercial', '商业', 'Commercial'],
  ['parking', '车位', 'Parking'],
  ['office', '写字楼', 'Office'],
  ['shop', '商铺', 'Shop'],
  ['storage', '储藏室', 'Storage'],
];

export function compareUnitTypes(a: string, b: string): number {
  const rank = (t: string) => {
    const i = NAMES.findIndex(([type]) => type === t);
    return i < 0 ? NAMES.length : i;
  };
  return rank(a) - rank(b) || a.localeCompare(b);
}

/** A unit type's name: the known ones translated, others as typed. */
export function unitTypeName(type: string): string {
  const known = NAMES.find(([t]) => t === type);
  return known ? (getLanguage() === 'en' ? known[2] : known[1]) : type;
}
