/**
 * The core `appendRow` effect: appends one stamped row to a list (array) field of the case — a
 * patrol record, a stop, a missed patrol, a top-up. Declared in any workflow (a plugin's or a
 * company's own) instead of a hand-written effect:
 *
 *   { "type": "appendRow", "params": {
 *       "field": "stops",
 *       "row": { "reason": { "value": "ordered" }, "note": "stopReason", "at": { "stamp": "at" }, "staffId": { "stamp": "staffId" } },
 *       "unique": ["date", "department"], "maxRows": 200, "clear": ["stopReason"] } }
 *
 * A row value is a data field of the case (its name; absent → null), `{ "value": constant }` or
 * `{ "stamp": "at" | "date" | "staffId" | "role" | "number" }` — the transition's instant, its
 * date on the company calendar, the acting staff member (null for the platform), the role acted
 * in, the row's 1-based position. Parameters are checked when the workflow loads (checkAppendRow).
 */
import { joinPointer, RuleRefusedError, type FieldIssue } from '../errors.js';
import type { FieldSchema } from '../declarations/form-fields.js';
import type { EffectInput } from '../plugin-types.js';

export const APPEND_ROW = 'appendRow';
export const STAMPS = ['at', 'date', 'staffId', 'role', 'number'] as const;
export type Stamp = (typeof STAMPS)[number];
/**
 * The refusal code of a row whose `unique` columns the list already holds. Refusing rolls the
 * whole transition back, so whoever writes the same row second (a user, or a job racing another
 * instance's) writes nothing; a caller that expects such a race recognises it by this code.
 */
export const DUPLICATE_ROW = 'duplicate-row';

export type RowSource = string | { value: unknown } | { stamp: Stamp };
export interface AppendRowParams {
  field: string;
  row: Record<string, RowSource>;
  unique?: string[];
  maxRows?: number;
  clear?: string[];
  /** what staff read when `unique` refuses a row ({ zh-CN, en }) */
  uniqueMessage?: { 'zh-CN': string; en?: string };
}

function sourceValue(source: RowSource, ctx: EffectInput, position: number): unknown {
  if (typeof source === 'string') return ctx.data[source] ?? null;
  if ('value' in source) return source.value ?? null;
  switch (source.stamp) {
    case 'at': return ctx.now.toISOString();
    case 'date': return ctx.calendar.localDate(ctx.now);
    case 'staffId': return ctx.actor.staffId || null;
    case 'role': return ctx.actor.role ?? null;
    case 'number': return position;
  }
}

export function appendRow(ctx: EffectInput): void {
  const params = ctx.params as unknown as AppendRowParams;
  const current = ctx.data[params.field];
  const rows = Array.isArray(current) ? [...(current as Record<string, unknown>[])] : [];
  if (params.maxRows !== undefined && rows.length >= params.maxRows) {
    const message = `list ${params.field} already holds ${params.maxRows} rows, the most it may`;
    throw new RuleRefusedError(message, [{ pointer: joinPointer('data', params.field), code: 'too-many-rows', message, params: { name: params.field, limit: params.maxRows } }]);
  }
  const row: Record<string, unknown> = {};
  for (const [key, source] of Object.entries(params.row)) row[key] = sourceValue(source, ctx, rows.length + 1);
  const unique = params.unique ?? [];
  if (unique.length > 0 && rows.some((r) => unique.every((k) => r?.[k] === row[k]))) {
    const own = params.uniqueMessage;
    const message = own?.['zh-CN'] ?? `list ${params.field} already has a row with these ${unique.join(', ')}`;
    throw new RuleRefusedError(message, [{ pointer: joinPointer('data', params.field), code: DUPLICATE_ROW, message, params: { field: params.field, ...(own ? { 'zh-CN': own['zh-CN'], en: own.en ?? null } : {}) } }]);
  }
  rows.push(row);
  ctx.data[params.field] = rows;
  // form fields that only fed the row (the case keeps the row, not a copy of its last entry)
  for (const f of params.clear ?? []) delete ctx.data[f];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Load-time check of one appendRow effect's params (the meta-schema checked their shape): the
 * list field exists and is a list, every field read exists, every row key is a column of the list.
 */
export function checkAppendRow(params: unknown, fields: ReadonlyMap<string, FieldSchema>, pointer: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const add = (p: string, code: string, message: string, name?: string) => issues.push({ pointer: p, code, message, ...(name ? { params: { name } } : {}) });
  if (!isObject(params) || typeof params.field !== 'string' || !isObject(params.row)) {
    add(`${pointer}/params`, 'required', 'an appendRow effect needs params.field (the list) and params.row (its columns)');
    return issues;
  }
  const base = `${pointer}/params`;
  const p = params as unknown as AppendRowParams;
  const list = fields.get(p.field);
  if (!list) add(`${base}/field`, 'unknown-field', `unknown field "${p.field}": not declared by any form of this workflow`, p.field);
  else if (list.type !== 'array') add(`${base}/field`, 'not-a-list', `"${p.field}" is ${list.type ?? 'untyped'}, not a list (array) field`, p.field);
  const columns = list?.type === 'array' && list.items?.type === 'object' && list.items.additionalProperties === false ? new Set(Object.keys(list.items.properties ?? {})) : null;
  for (const [key, source] of Object.entries(p.row)) {
    const at = `${base}/row/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    if (columns && !columns.has(key)) add(at, 'unknown-column', `"${key}" is not a column of list ${p.field} (columns: ${[...columns].join(', ')})`, key);
    if (typeof source === 'string' && !fields.has(source)) add(at, 'unknown-field', `unknown field "${source}": not declared by any form of this workflow`, source);
  }
  (p.unique ?? []).forEach((key, i) => {
    if (!Object.hasOwn(p.row, key)) add(`${base}/unique/${i}`, 'unknown-column', `"${key}" is not a column of the row`, key);
  });
  (p.clear ?? []).forEach((f, i) => {
    if (!fields.has(f)) add(`${base}/clear/${i}`, 'unknown-field', `unknown field "${f}": not declared by any form of this workflow`, f);
  });
  return issues;
}
