/**
 * Values a form fills in by itself so staff do not type what the system knows: a field's JSON
 * Schema `default` (e.g. 投诉方式 = 电话 at the phone desk) and the ui declaration's `prefill`
 * sources — the time the form opened, the staff member filling it in, the room and the resident
 * picked for the case. A filled-in value is an ordinary value: the person sees it and may change
 * it, and a field they edited is never filled in again. When the source changes (another resident
 * picked), a field still holding the previous filled-in value follows it.
 */
import { DateTime } from 'luxon';
import type { FormModel } from './form-model.js';
import { getPath, isEmptyValue, setPath } from './pointer.js';
import type { FieldSchema, FormContext } from './types.js';

export type PrefillSource = 'now' | 'today' | 'actor.name' | 'unit.area' | 'unit.label' | 'person.name' | 'person.phone';

/** Where the sources come from: the host's context (`actor.name`, `unit`, `person`) and the time the form opened. */
export interface PrefillInputs {
  context: FormContext | undefined;
  openedAt: Date;
  timeZone: string;
}

/** A source's value shaped for the field (a date-time with its offset, a number for a number field…); undefined when there is none. */
export function sourceValue(source: PrefillSource, field: FieldSchema, inputs: PrefillInputs): unknown {
  let raw: unknown;
  if (source === 'now' || source === 'today') {
    const at = DateTime.fromJSDate(inputs.openedAt).setZone(inputs.timeZone).startOf('minute');
    if (source === 'today' || field.format === 'date') return at.toISODate();
    if (field.format === 'time') return at.toFormat('HH:mm:ssZZ');
    return at.toISO({ suppressMilliseconds: true });
  }
  const [root, key] = source.split('.') as [string, string];
  const from = (inputs.context as Record<string, unknown> | undefined)?.[root];
  raw = from && typeof from === 'object' ? (from as Record<string, unknown>)[key] : undefined;
  if (raw === undefined || raw === null || raw === '') return undefined;
  if (field.type === 'number' || field.type === 'integer') {
    const n = typeof raw === 'number' ? raw : Number(raw);
    return Number.isFinite(n) && (field.type === 'number' || Number.isInteger(n)) ? n : undefined;
  }
  if (field.type === 'string') {
    const text = String(raw);
    return typeof field.maxLength === 'number' && text.length > field.maxLength ? undefined : text;
  }
  return undefined;
}

/** Top-level and nested-object fields with a JSON Schema `default` (not inside repeating rows). */
function defaultsOf(props: Record<string, FieldSchema> | undefined, prefix = ''): [string, unknown][] {
  const out: [string, unknown][] = [];
  for (const [name, field] of Object.entries(props ?? {})) {
    const path = prefix ? `${prefix}.${name}` : name;
    if (field.default !== undefined) out.push([path, field.default]);
    if (field.type === 'object') out.push(...defaultsOf(field.properties, path));
  }
  return out;
}

/** Fills the schema's defaults into fields that have no value (a new form). Returns whether anything changed. */
export function applyDefaults(model: FormModel, data: Record<string, unknown>): boolean {
  let changed = false;
  for (const [path, value] of defaultsOf(model.schema.properties)) {
    if (!isEmptyValue(getPath(data, path))) continue;
    setPath(data, path, JSON.parse(JSON.stringify(value)));
    changed = true;
  }
  return changed;
}

/**
 * Applies the ui declaration's prefills to `data`: a field the person has not edited and that is
 * empty or still holds what was filled in last time takes the source's current value.
 * `filled` remembers, per path, what was filled in. Returns whether anything changed.
 */
export function applyPrefills(model: FormModel, data: Record<string, unknown>, filled: Map<string, string>, edited: (path: string) => boolean, inputs: PrefillInputs): boolean {
  let changed = false;
  for (const [path, options] of Object.entries(model.ui?.fields ?? {})) {
    const source = (options as { prefill?: PrefillSource }).prefill;
    if (!source || edited(path)) continue;
    const field = model.fieldAt(path);
    if (!field) continue;
    const current = getPath(data, path);
    const ours = filled.has(path) && JSON.stringify(current) === filled.get(path);
    if (!isEmptyValue(current) && !ours) continue; // the host gave a value
    const next = sourceValue(source, field, inputs);
    if (next === undefined) {
      if (ours) {
        setPath(data, path, undefined);
        filled.delete(path);
        changed = true;
      }
      continue;
    }
    const json = JSON.stringify(next);
    if (JSON.stringify(current) === json) continue;
    setPath(data, path, next);
    filled.set(path, json);
    changed = true;
  }
  return changed;
}
