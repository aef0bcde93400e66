/**
 * Keyset pages: a cursor is the last row's sort key, opaque to clients (base64url JSON). A cursor
 * that does not decode to the expected shape is a 400 naming /cursor, never a server error.
 */
import { ValidationError } from '../../../core/plugin-api.js';

export const CURSOR = { type: 'string', maxLength: 200, pattern: '^[A-Za-z0-9_-]+$' } as const;
export const LIMIT = { type: 'integer', minimum: 1, maximum: 200, default: 50 } as const;

export function encodeCursor(key: (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** Decodes a cursor made by encodeCursor with the given element types. */
export function decodeCursor<T extends (string | number)[]>(cursor: string | undefined, types: ('string' | 'number')[]): T | null {
  if (cursor === undefined) return null;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    value = undefined;
  }
  if (!Array.isArray(value) || value.length !== types.length || value.some((v, i) => typeof v !== types[i] || (typeof v === 'number' && !Number.isSafeInteger(v)))) {
    throw new ValidationError([{ pointer: '/cursor', code: 'format', message: 'not a cursor of this list' }], 'cursor: not a cursor of this list');
  }
  return value as T;
}

/** Splits a fetched `limit + 1` rows into the page and the next cursor. */
export function page<R>(rows: R[], limit: number, keyOf: (row: R) => (string | number)[]): { items: R[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last !== undefined ? encodeCursor(keyOf(last)) : null };
}
