/**
 * compileRule checks and evaluates its own frozen copy of the rule, so the caller changing (or a
 * getter changing) the object afterwards cannot slip an unchecked operator into a compiled rule.
 */
import { isPlainObject } from './json-shape.js';
import { MAX_RULE_DEPTH } from './limits.js';

/**
 * Copies arrays and plain objects (reading each property once) and freezes the copy. Anything else
 * (functions, Dates, values nested too deep) is kept as is, for checkRule to refuse.
 */
export function frozenCopy(value: unknown, depth = 1): unknown {
  if (value === null || typeof value !== 'object' || depth > MAX_RULE_DEPTH + 1) return value;
  if (Array.isArray(value)) {
    const items: unknown[] = [];
    for (let i = 0; i < value.length; i++) items.push(frozenCopy(value[i], depth + 1));
    return Object.freeze(items);
  }
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    // defineProperty, not assignment: an own "__proto__" key (JSON.parse makes those) must stay a
    // key for checkRule to refuse, not silently become the copy's prototype.
    Object.defineProperty(out, key, { value: frozenCopy(value[key], depth + 1), enumerable: true });
  }
  return Object.freeze(out);
}
