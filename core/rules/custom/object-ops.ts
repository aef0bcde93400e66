/**
 * obj.get: reads a value by keys computed at run time — a price from a catalog keyed by the
 * chosen item: {"obj.get": [{"var": "config.catalog"}, {"var": "data.serviceItem"}, "price"]}.
 * Only own properties of plain objects and integer indexes of arrays are read, so a key like
 * "__proto__" or "constructor" finds nothing instead of reaching the prototype.
 */
import { describeValue } from '../../money/index.js';

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/** [value, key, …]: the value at the keys, or null when any step (or key) is missing. */
export function objGet(value: unknown, ...keys: unknown[]): unknown {
  let current: unknown = value;
  for (const key of keys) {
    // a key read from a field not filled in yet finds nothing
    if (key === null || key === undefined) return null;
    if (typeof key !== 'string' && typeof key !== 'number') throw new RangeError(`obj.get: a key must be a string or a number, got ${describeValue(key)}`);
    if (current === null || current === undefined) return null;
    if (Array.isArray(current)) {
      const index = typeof key === 'number' ? key : /^\d+$/.test(key) ? Number(key) : NaN;
      current = Number.isSafeInteger(index) && index < current.length ? current[index] : null;
    } else if (typeof current === 'object') {
      const k = String(key);
      current = !FORBIDDEN.has(k) && Object.prototype.hasOwnProperty.call(current, k) ? (current as Record<string, unknown>)[k] : null;
    } else {
      return null;
    }
  }
  return current === undefined ? null : current;
}
