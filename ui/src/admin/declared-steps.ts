/**
 * The declared steps the workflow designer offers on a transition — append a stamped row to a
 * list (appendRow), fill a field (set), hand the case to a role (assign), the follow-up — built
 * from the admin's choices and read back as words (a message key and its parameters, so this
 * file stays free of the i18n library and is tested on its own). No JSON is ever shown.
 */
import { loc } from '../i18n.js';
import type { FieldSchema, FormDeclaration, TransitionDecl } from './admin-types.js';

export type Effect = NonNullable<TransitionDecl['effects']>[number];
/** what the row stamps with (core/workflow/append-row.ts STAMPS) */
export const ROW_STAMPS = ['at', 'date', 'staffId', 'role', 'number'] as const;
export type RowStamp = (typeof ROW_STAMPS)[number];
export type RowSource = string | { value: unknown } | { stamp: RowStamp };

export interface FieldRef { key: string; label: string; schema: FieldSchema }
export interface ListRef extends FieldRef { columns: FieldRef[] }

const labelOf = (key: string, f: FieldSchema | undefined) => loc(f?.['x-label'] as never) || key;

/** Every field of the workflow's forms (first declaration wins), lists apart. */
export function workflowFields(forms: (FormDeclaration | undefined)[]): { fields: FieldRef[]; lists: ListRef[] } {
  const fields: FieldRef[] = [];
  const lists: ListRef[] = [];
  const seen = new Set<string>();
  for (const form of forms) {
    for (const [key, schema] of Object.entries(form?.properties ?? {}) as [string, FieldSchema][]) {
      if (seen.has(key)) continue;
      seen.add(key);
      if (schema.type === 'array') {
        const items = schema.items as FieldSchema | undefined;
        const columns = Object.entries((items?.properties ?? {}) as Record<string, FieldSchema>).map(([k, s]) => ({ key: k, label: labelOf(k, s), schema: s }));
        lists.push({ key, label: labelOf(key, schema), schema, columns });
      } else {
        fields.push({ key, label: labelOf(key, schema), schema });
      }
    }
  }
  return { fields, lists };
}

/**
 * A first guess for each column of a new appendRow: the field of the same name, the transition's
 * time for a date-time column, its date for a date column, the acting staff member for a staff column.
 */
export function defaultRow(list: ListRef, fields: FieldRef[]): Record<string, RowSource> {
  const row: Record<string, RowSource> = {};
  for (const c of list.columns) {
    if (fields.some((f) => f.key === c.key)) row[c.key] = c.key;
    else if (c.schema.format === 'date-time') row[c.key] = { stamp: 'at' };
    else if (c.schema.format === 'date') row[c.key] = { stamp: 'date' };
    else if ((c.schema as { 'x-ref'?: string })['x-ref'] === 'staff') row[c.key] = { stamp: 'staffId' };
  }
  return row;
}

/** The `<select>` value of a row source: `field:x`, `stamp:at`, or '' (left out). */
export function sourceChoice(source: RowSource | undefined): string {
  if (source === undefined) return '';
  if (typeof source === 'string') return `field:${source}`;
  if ('stamp' in source) return `stamp:${source.stamp}`;
  return '';
}

export function sourceFromChoice(choice: string): RowSource | undefined {
  if (choice.startsWith('field:')) return choice.slice(6);
  if (choice.startsWith('stamp:') && (ROW_STAMPS as readonly string[]).includes(choice.slice(6))) return { stamp: choice.slice(6) as RowStamp };
  return undefined;
}

export function appendRowEffect(list: string, row: Record<string, RowSource>): Effect {
  return { type: 'appendRow', params: { field: list, row } } as Effect;
}

export function setEffect(field: string, value: string | number | boolean, overwrite: boolean): Effect {
  return { type: 'set', field, value, ...(overwrite ? { overwrite: true } : {}) } as Effect;
}

export function assignEffect(role: string): Effect {
  return { type: 'assign', to: 'role', role } as Effect;
}

export interface Words { key: string; params: Record<string, string> }
export interface WordLookups {
  fields: FieldRef[];
  lists: ListRef[];
  role: (id: string) => string;
  /** a stamp in words (时间、日期、经办人…) */
  stamp: (s: string) => string;
  /** a message's title by its id (发送通知) */
  message?: (id: string) => string;
  separator: string;
}

const fieldLabel = (l: WordLookups, key: string) => l.fields.find((f) => f.key === key)?.label ?? l.lists.find((f) => f.key === key)?.label ?? key;

/** A value in words: an option's label, 是/否 by the caller's words, else itself. */
function valueWords(f: FieldRef | undefined, v: unknown): string {
  const labels = (f?.schema['x-enumLabels'] ?? {}) as Record<string, { 'zh-CN': string; en?: string }>;
  if (typeof v === 'string' && labels[v]) return loc(labels[v]);
  return typeof v === 'object' ? '…' : String(v);
}

/** One effect as a message key with its parameters. */
export function effectWords(e: Effect, l: WordLookups): Words {
  const ef = e as Effect & { params?: { field?: string; row?: Record<string, RowSource> }; field?: string; value?: unknown; role?: string; to?: string; rule?: string };
  if (e.type === 'appendRow') {
    const list = l.lists.find((x) => x.key === ef.params?.field);
    const cols = Object.entries(ef.params?.row ?? {}).map(([col, src]) => {
      const colLabel = list?.columns.find((c) => c.key === col)?.label ?? col;
      const from = typeof src === 'string' ? fieldLabel(l, src) : 'stamp' in src ? l.stamp(src.stamp) : valueWords(undefined, src.value);
      return `${colLabel}←${from}`;
    });
    return { key: 'eff_appendRow', params: { list: list?.label ?? String(ef.params?.field ?? ''), cols: cols.join(l.separator) } };
  }
  if (e.type === 'set') {
    const f = l.fields.find((x) => x.key === ef.field);
    if (ef.rule !== undefined || (typeof ef.value === 'object' && ef.value !== null)) return { key: 'eff_setComputed', params: { field: fieldLabel(l, ef.field ?? '') } };
    return { key: 'eff_set', params: { field: fieldLabel(l, ef.field ?? ''), value: valueWords(f, ef.value) } };
  }
  if (e.type === 'assign') {
    if (ef.to === 'actor') return { key: 'eff_assignActor', params: {} };
    if (ef.role) return { key: 'eff_assign', params: { role: l.role(ef.role) } };
    return { key: 'eff_assignComputed', params: {} };
  }
  if (e.type === 'followUp') return { key: 'eff_followUp', params: {} };
  if (e.type === 'notify') {
    const p = (e as { params?: { to?: string; role?: string; template?: string; channel?: string; urgent?: boolean } }).params ?? {};
    const message = l.message?.(String(p.template ?? '')) ?? String(p.template ?? '');
    if (p.to === 'resident') return { key: `eff_notifyResident_${p.channel === 'wechat' ? 'wechat' : 'sms'}${p.urgent ? 'Urgent' : ''}`, params: { message } };
    if (p.to === 'role') return { key: 'eff_notifyRole', params: { message, role: l.role(String(p.role ?? '')) } };
    if (p.to === 'assignee') return { key: 'eff_notifyAssignee', params: { message } };
    return { key: 'eff_notifyHouseholds', params: { message } };
  }
  return { key: 'eff_plugin', params: { name: e.type } };
}
