/**
 * `var` paths: the static syntax checkRule accepts, and the safe lookup that replaces json-logic-js's
 * own `var` at evaluate time.
 *
 * json-logic-js resolves 'a.b' with plain `data[a][b]`, so `{"var": "constructor"}` returns the
 * Object function and `{"var": "__proto__"}` the prototype. The lookup below only ever steps into
 * own data properties of objects and indexes of arrays, so it cannot leave the data even for a rule
 * that skipped checkRule.
 */

/** Segments that lead to prototypes or constructors rather than data. */
export const FORBIDDEN_PATH_SEGMENTS: ReadonlySet<string> = new Set(['__proto__', 'prototype', 'constructor']);

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const ARRAY_INDEX = /^(?:0|[1-9]\d{0,8})$/;

export interface VarPathProblem {
  code: 'forbidden-var-path' | 'invalid-var-path';
  message: string;
}

function isForbiddenSegment(segment: string): boolean {
  // '__'-prefixed names are the legacy accessors (__defineGetter__, __lookupSetter__, ...).
  return FORBIDDEN_PATH_SEGMENTS.has(segment) || segment.startsWith('__');
}

/**
 * Static check of a `var` path argument. Accepts '' / null (the current data), dotted identifiers
 * with array indexes ('data.items.0.amount') and a bare index number. Anything computed (a nested
 * rule) is refused: its target cannot be checked, nor cross-checked against declared fields.
 */
export function checkVarPath(path: unknown): VarPathProblem | undefined {
  if (path === null || path === '') return undefined;
  if (typeof path === 'number') {
    return Number.isSafeInteger(path) && path >= 0
      ? undefined
      : { code: 'invalid-var-path', message: `var index must be a non-negative integer, got ${path}` };
  }
  if (typeof path !== 'string') {
    return { code: 'invalid-var-path', message: 'var path must be a literal string such as "data.amount"; computed paths are not allowed' };
  }
  for (const segment of path.split('.')) {
    if (isForbiddenSegment(segment)) {
      return { code: 'forbidden-var-path', message: `var path "${path}" uses the reserved name "${segment}"` };
    }
    if (!IDENTIFIER.test(segment) && !ARRAY_INDEX.test(segment)) {
      return { code: 'invalid-var-path', message: `var path "${path}" is not dotted identifiers (bad segment "${segment}")` };
    }
  }
  return undefined;
}

/** The path as a string ('' for the whole data), or undefined when it is computed. */
export function varPathText(path: unknown): string | undefined {
  if (path === null || path === undefined) return '';
  if (typeof path === 'string') return path;
  if (typeof path === 'number') return String(path);
  return undefined;
}

/** Returned by readVarPath when the path leads nowhere (json-logic-js then uses the default). */
export const NOT_FOUND: unique symbol = Symbol('not found');

/**
 * Reads `path` from `data` through own data properties and array indexes only. Functions, getters,
 * prototypes and string/number "properties" (e.g. 'name.length') are NOT_FOUND.
 */
export function readVarPath(data: unknown, path: unknown): unknown {
  const text = varPathText(path);
  if (text === undefined) return NOT_FOUND;
  if (text === '') return isReadable(data) ? data : NOT_FOUND;
  let current: unknown = data;
  for (const segment of text.split('.')) {
    if (isForbiddenSegment(segment) || current === null || typeof current !== 'object') return NOT_FOUND;
    if (Array.isArray(current) && !ARRAY_INDEX.test(segment)) return NOT_FOUND;
    const descriptor = Object.getOwnPropertyDescriptor(current, segment);
    if (!descriptor || !('value' in descriptor)) return NOT_FOUND;
    current = descriptor.value;
  }
  return isReadable(current) ? current : NOT_FOUND;
}

function isReadable(value: unknown): boolean {
  return value !== undefined && typeof value !== 'function' && typeof value !== 'symbol';
}
