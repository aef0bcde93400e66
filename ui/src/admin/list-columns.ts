/**
 * The 明细表 kind of the form builder: a list of rows (JSON Schema `type: array` of `items: { type:
 * object, properties }`), which the forms runtime renders as a table and the designer's 追加记录 step
 * appends stamped rows to. The admin manages its columns by their Chinese names; a column's key is
 * made up here (col1, col2… — never typed, never renamed once stored: rows already saved use it) and
 * `col` rather than `field` so that a column never shares a name with a form field (the 追加记录 step
 * fills a column from the same-named field by default).
 */
import type { FieldSchema, Text } from './admin-types.js';
import { freshId } from './generated-ids.js';
import { clone } from './patch.js';

/** The kinds a column may have: what a table cell can show and 追加记录 can fill. */
export const COLUMN_KINDS = ['string', 'textarea', 'number', 'money', 'date', 'date-time', 'time', 'enum', 'boolean', 'staff'] as const;
export type ColumnKind = (typeof COLUMN_KINDS)[number];

/** The most rows an admin may allow in one list (a case's data stays small enough to show and print). */
export const ROWS_LIMIT = 500;
/** The most rows a new list starts with. */
export const ROWS_DEFAULT = 50;
/** Columns in one list: a table wider than this cannot be read on a phone or a printed page. */
export const COLUMNS_LIMIT = 12;

export interface Column { key: string; schema: FieldSchema }

function itemsOf(f: FieldSchema): FieldSchema | undefined {
  const items = f.type === 'array' ? (f.items as FieldSchema | undefined) : undefined;
  return items && items.type === 'object' && items.properties && typeof items.properties === 'object' ? items : undefined;
}

/** Whether a field is a list of rows (the 明细表 kind). */
export function isRowList(f: FieldSchema): boolean {
  return itemsOf(f) !== undefined;
}

/** The columns of a list, in their order. */
export function columnsOf(f: FieldSchema): Column[] {
  return Object.entries((itemsOf(f)?.properties ?? {}) as Record<string, FieldSchema>).map(([key, schema]) => ({ key, schema }));
}

/** The list's columns replaced (their order is the properties' order), the rest of the field kept. */
function withColumns(f: FieldSchema, columns: Column[]): FieldSchema {
  const next = clone(f);
  const items = itemsOf(next) ?? ({ type: 'object' } as FieldSchema);
  items.properties = Object.fromEntries(columns.map((c) => [c.key, c.schema])) as never;
  items.additionalProperties = false as never;
  next.items = items as never;
  return next;
}

/** A new 明细表 field: a list of rows with one text column, at most ROWS_DEFAULT rows. */
export function newRowList(keep: Partial<FieldSchema>, columnSchema: (kind: ColumnKind, label: Text) => FieldSchema): FieldSchema {
  return {
    ...keep, type: 'array', maxItems: ROWS_DEFAULT,
    items: { type: 'object', additionalProperties: false, properties: { col1: columnSchema('string', { 'zh-CN': '内容' }) } },
  } as FieldSchema;
}

/** The list with one more column at the end (its key the first free colN); unchanged at COLUMNS_LIMIT. */
export function addColumn(f: FieldSchema, schema: FieldSchema): { field: FieldSchema; key: string | null } {
  const columns = columnsOf(f);
  if (columns.length >= COLUMNS_LIMIT) return { field: f, key: null };
  const key = freshId('col', columns.map((c) => c.key));
  return { field: withColumns(f, [...columns, { key, schema }]), key };
}

/** One column's schema replaced (a new name, kind or options); the key stays. */
export function setColumn(f: FieldSchema, key: string, schema: FieldSchema): FieldSchema {
  return withColumns(f, columnsOf(f).map((c) => (c.key === key ? { key, schema } : c)));
}

/** One column's Chinese name set (other languages kept). */
export function renameColumn(f: FieldSchema, key: string, zh: string): FieldSchema {
  const column = columnsOf(f).find((c) => c.key === key);
  if (!column) return f;
  return setColumn(f, key, { ...column.schema, 'x-label': { ...(column.schema['x-label'] ?? {}), 'zh-CN': zh } as Text });
}

/** A column moved one place left (-1) or right (+1); unchanged at either end. */
export function moveColumn(f: FieldSchema, key: string, delta: -1 | 1): FieldSchema {
  const columns = columnsOf(f);
  const i = columns.findIndex((c) => c.key === key);
  const j = i + delta;
  if (i < 0 || j < 0 || j >= columns.length) return f;
  [columns[i], columns[j]] = [columns[j]!, columns[i]!];
  return withColumns(f, columns);
}

/** A column removed; the last one stays (a list of rows has at least one column). */
export function removeColumn(f: FieldSchema, key: string): FieldSchema {
  const columns = columnsOf(f);
  if (columns.length <= 1) return f;
  return withColumns(f, columns.filter((c) => c.key !== key));
}

/**
 * A choice column's options from the names the admin typed (separated by 、，, or new lines): values
 * option1, option2… in that order, each labelled with its name; blanks and repeats dropped.
 */
export function withColumnOptions(f: FieldSchema, key: string, typed: string): FieldSchema {
  const column = columnsOf(f).find((c) => c.key === key);
  if (!column) return f;
  const names = [...new Set(typed.split(/[、，,\n]/).map((s) => s.trim()).filter(Boolean))];
  if (names.length === 0) return f;
  const values = names.map((_, i) => `option${i + 1}`);
  return setColumn(f, key, { ...column.schema, enum: values, 'x-enumLabels': Object.fromEntries(names.map((n, i) => [values[i]!, { 'zh-CN': n }])) } as FieldSchema);
}

/** The names of a choice column's options, as the admin types them (joined with 、). */
export function columnOptionsText(schema: FieldSchema): string {
  const labels = schema['x-enumLabels'] ?? {};
  return (schema.enum ?? []).map((v) => labels[String(v)]?.['zh-CN'] ?? String(v)).join('、');
}
