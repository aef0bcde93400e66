/**
 * str.* rule operators. Lengths count Unicode code points, i.e. what a person counts: '物业' is 2,
 * and an emoji is 1, not the 2 UTF-16 units String.length would report.
 */
import { describeValue } from '../../money/index.js';

/** [s]: length of a string (numbers are measured as printed); null, i.e. a missing field, is 0. */
export function strLen(value: unknown): number {
  if (value === null || value === undefined) return 0;
  if (typeof value === 'string' || typeof value === 'number') return [...String(value)].length;
  throw new RangeError(`str.len: expected a string, got ${describeValue(value)}`);
}
