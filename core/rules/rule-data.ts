/**
 * The copy of a context that rules evaluate against.
 *
 * Callers pass whatever they have: entities, Dates, Decimals, bigints. Rules must only ever see JSON
 * data, never a function or an object with methods they could reach, so the context is deep-copied
 * to plain JSON values first (the way JSON.stringify would, with exact forms for money):
 * - Date -> ISO string, Decimal -> plain decimal string, bigint -> integer string
 * - objects with toJSON() (Luxon DateTime, entities) -> their JSON form
 * - functions, symbols, undefined -> left out (null inside arrays); NaN/Infinity -> null
 * - '__proto__' keys are dropped: as a property name it can only mean trouble
 * Evaluating against a copy also means a rule can never modify the caller's objects.
 */
import { Decimal } from 'decimal.js';

/** Deeper than any real context; deeper is a caller bug (or a cycle), not data. */
export const MAX_CONTEXT_DEPTH = 64;

export function toRuleData(value: unknown): unknown {
  return copy(value, 0, new Set());
}

function copy(value: unknown, depth: number, ancestors: Set<object>): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : null;
    case 'bigint':
      return value.toString();
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
  }
  if (value === null || typeof value !== 'object') return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (Decimal.isDecimal(value)) return value.isFinite() ? value.toFixed() : null;
  if (depth >= MAX_CONTEXT_DEPTH) throw new RangeError(`rule context is nested more than ${MAX_CONTEXT_DEPTH} levels deep`);
  if (ancestors.has(value)) throw new TypeError('rule context contains a circular reference');

  const toJSON: unknown = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === 'function') {
    const json: unknown = toJSON.call(value);
    if (json !== value) {
      ancestors.add(value);
      try {
        return copy(json, depth + 1, ancestors);
      } finally {
        ancestors.delete(value);
      }
    }
  }

  ancestors.add(value);
  try {
    if (Array.isArray(value)) return value.map((item) => copy(item, depth + 1, ancestors) ?? null);
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      if (key === '__proto__') continue;
      const item = copy((value as Record<string, unknown>)[key], depth + 1, ancestors);
      if (item !== undefined) out[key] = item;
    }
    return out;
  } finally {
    ancestors.delete(value);
  }
}
