/**
 * Replacements for the two standard operators that can grow values without limit. Inside a
 * `reduce` they can double a value per step, and an out-of-memory error kills the whole server
 * process, not just the rule. Semantics are otherwise json-logic-js's own.
 */
import { MAX_EVAL_ARRAY_LENGTH, MAX_EVAL_STRING_LENGTH } from './limits.js';

/** Like json-logic-js `merge`: arrays are flattened one level, other values appended. */
export function boundedMerge(...values: unknown[]): unknown[] {
  const out: unknown[] = [];
  for (const value of values) {
    const items: readonly unknown[] = Array.isArray(value) ? value : [value];
    if (out.length + items.length > MAX_EVAL_ARRAY_LENGTH) {
      throw new RangeError(`merge: result would have more than ${MAX_EVAL_ARRAY_LENGTH} items`);
    }
    for (const item of items) out.push(item);
  }
  return out;
}

/** Like json-logic-js `cat` (Array#join semantics: null and undefined are ''). */
export function boundedCat(...values: unknown[]): string {
  let length = 0;
  const parts = values.map((value) => {
    const text = value === null || value === undefined ? '' : String(value);
    length += text.length;
    if (length > MAX_EVAL_STRING_LENGTH) {
      throw new RangeError(`cat: result would be longer than ${MAX_EVAL_STRING_LENGTH} characters`);
    }
    return text;
  });
  return parts.join('');
}
