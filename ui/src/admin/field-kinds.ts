/**
 * The form builder's palette: every kind of field the forms runtime renders (forms/widget-registry.ts
 * built-in testers), how a field schema is recognised as one of them, and the schema a new field of
 * that kind starts with. Kinds are the admin's words (多行文字, 照片, 签名), not schema types.
 *
 * A company's configuration may not set regular expressions (`pattern`, refused by the server's
 * check, core/config/validate-config.ts): text is bounded by length, a choice or a format instead.
 */
import type { FieldSchema } from './admin-types.js';
import { clone } from './patch.js';
import { isRowList, newRowList, ROWS_LIMIT } from './list-columns.js';

export const FIELD_KINDS = [
  'string', 'textarea', 'phone', 'email', 'integer', 'number', 'money', 'boolean', 'enum', 'multi',
  'date', 'time', 'date-time', 'photo', 'files', 'signature', 'unit', 'person', 'staff', 'rows',
] as const;
export type FieldKind = (typeof FIELD_KINDS)[number] | 'other';

/** A text longer than this is shown as a text area by the runtime (the textarea widget's tester). */
const TEXTAREA_FROM = 200;
const IMAGE_TYPES = ['image/jpeg', 'image/png'];
const FILE_TYPES = ['application/pdf', 'image/jpeg', 'image/png'];
const ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024;

export function fieldKind(f: FieldSchema | undefined): FieldKind {
  if (!f) return 'other';
  if (f.type === 'array') {
    const items = f.items as FieldSchema | undefined;
    if (items && Array.isArray(items.enum)) return 'multi';
    if (items?.format === 'attachment') return 'files';
    // a list of rows (明细表): a table the runtime renders and 追加记录 appends to
    if (isRowList(f)) return 'rows';
    return 'other';
  }
  if (f.type === 'integer' || f.type === 'number') {
    if (f['x-ref'] === 'unit' || f['x-ref'] === 'person' || f['x-ref'] === 'staff') return f['x-ref'];
    if (f['x-ref'] !== undefined) return 'other';
    return f.type;
  }
  if (f.type === 'boolean') return 'boolean';
  if (f.type !== 'string') return 'other';
  if (Array.isArray(f.enum)) return 'enum';
  switch (f.format) {
    case undefined:
    case 'uri': return typeof f.maxLength === 'number' && f.maxLength > TEXTAREA_FROM ? 'textarea' : 'string';
    case 'phone': return 'phone';
    case 'email': return 'email';
    case 'date': return 'date';
    case 'time': return 'time';
    case 'date-time': return 'date-time';
    case 'money': return 'money';
    case 'attachment': return 'photo';
    case 'signature': return 'signature';
    default: return 'other';
  }
}

const option = (value: string, zh: string) => ({ value, label: { 'zh-CN': zh } });

/** The field rewritten for another kind; labels and help are kept, the rest starts afresh. */
export function withKind(f: FieldSchema, kind: FieldKind): FieldSchema {
  const keep: Partial<FieldSchema> = {};
  for (const k of ['x-label', 'x-help', 'title', 'description'] as const) if (f[k] !== undefined) (keep as Record<string, unknown>)[k] = f[k];
  const options = [option('option1', '选项1'), option('option2', '选项2')];
  const enumOf = () => ({ enum: options.map((o) => o.value), 'x-enumLabels': Object.fromEntries(options.map((o) => [o.value, o.label])) });
  const text = (max: number) => (typeof f.maxLength === 'number' && fieldKind(f) !== 'textarea' && max <= TEXTAREA_FROM ? f.maxLength : max);
  switch (kind) {
    case 'string': return { ...keep, type: 'string', maxLength: text(100) } as FieldSchema;
    case 'textarea': return { ...keep, type: 'string', maxLength: 1000 } as FieldSchema;
    case 'phone': return { ...keep, type: 'string', format: 'phone', maxLength: 32 } as FieldSchema;
    case 'email': return { ...keep, type: 'string', format: 'email', maxLength: 100 } as FieldSchema;
    case 'integer': return { ...keep, type: 'integer' } as FieldSchema;
    case 'number': return { ...keep, type: 'number' } as FieldSchema;
    case 'money': return { ...keep, type: 'string', format: 'money' } as FieldSchema;
    case 'boolean': return { ...keep, type: 'boolean' } as FieldSchema;
    case 'enum': return { ...keep, type: 'string', ...enumOf() } as FieldSchema;
    case 'multi': return { ...keep, type: 'array', uniqueItems: true, items: { type: 'string', ...enumOf() } } as FieldSchema;
    case 'date': return { ...keep, type: 'string', format: 'date' } as FieldSchema;
    case 'time': return { ...keep, type: 'string', format: 'time' } as FieldSchema;
    case 'date-time': return { ...keep, type: 'string', format: 'date-time' } as FieldSchema;
    case 'photo': return { ...keep, type: 'string', format: 'attachment', 'x-accept': IMAGE_TYPES, 'x-maxBytes': ATTACHMENT_MAX_BYTES } as FieldSchema;
    case 'files': return { ...keep, type: 'array', maxItems: 5, items: { type: 'string', format: 'attachment', 'x-accept': FILE_TYPES, 'x-maxBytes': ATTACHMENT_MAX_BYTES } } as FieldSchema;
    case 'signature': return { ...keep, type: 'string', format: 'signature' } as FieldSchema;
    case 'unit':
    case 'person':
    case 'staff': return { ...keep, type: 'integer', minimum: 1, 'x-ref': kind } as FieldSchema;
    case 'rows': return newRowList(keep, (k, label) => withKind({ 'x-label': label } as FieldSchema, k));
    default: return clone(f);
  }
}

/** The bounds a kind may carry, as the field's own keywords (the validation the builder offers). */
export type Bound = 'minLength' | 'maxLength' | 'minimum' | 'maximum' | 'minItems' | 'maxItems';

export function boundsOf(kind: FieldKind): Bound[] {
  switch (kind) {
    case 'string':
    case 'textarea': return ['minLength', 'maxLength'];
    case 'integer':
    case 'number': return ['minimum', 'maximum'];
    case 'multi':
    case 'files': return ['minItems', 'maxItems'];
    case 'rows': return ['maxItems'];
    default: return [];
  }
}

/** The field with one bound set (a number) or removed (null); a bound the kind does not carry is left alone. */
export function withBound(f: FieldSchema, bound: Bound, value: number | null): FieldSchema {
  if (!boundsOf(fieldKind(f)).includes(bound)) return f;
  const next = clone(f) as Record<string, unknown>;
  if (value === null || !Number.isFinite(value)) delete next[bound];
  else next[bound] = bound === 'minimum' || bound === 'maximum' ? value : Math.max(0, Math.trunc(value));
  // a list of rows is always bounded, at most ROWS_LIMIT rows (the case's data is shown and printed whole)
  if (fieldKind(f) === 'rows' && bound === 'maxItems') next.maxItems = Math.min(ROWS_LIMIT, Math.max(1, Number(next.maxItems ?? ROWS_LIMIT)));
  return next as FieldSchema;
}

/** The options of a choice (one or several): the enum lives on the field, or on its items. */
export function choiceHolder(f: FieldSchema): FieldSchema | undefined {
  if (Array.isArray(f.enum)) return f;
  const items = f.type === 'array' ? (f.items as FieldSchema | undefined) : undefined;
  return items && Array.isArray(items.enum) ? items : undefined;
}

/**
 * A field key for a new field: what the admin typed when it is an identifier, otherwise the
 * first free `field<n>` (the admin names fields by their titles; the key stays behind the scenes).
 */
export function newFieldKey(typed: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const wanted = typed.trim();
  if (/^[a-z][a-zA-Z0-9]*$/.test(wanted) && !used.has(wanted)) return wanted;
  let n = used.size + 1;
  while (used.has(`field${n}`)) n++;
  return `field${n}`;
}
