/**
 * Configuration changes in the admin's words: each value of a change is shown as staff would say
 * it — a field by its label and kind, a duration as「2 天」, states, roles and severities by their
 * titles, a condition as「投诉方式 等于 来访」, a form's sections as which field sits where — never
 * as a JSON pointer or raw JSON. Used by the review page, the history and the activation dialog.
 */
import { getLanguage, loc } from '../i18n.js';
import { at, atOr, listSeparator } from './admin-i18n.js';
import type { FieldSchema, FormDeclaration, UiDeclaration, WorkflowDeclaration } from './admin-types.js';
import { fromLogic } from './conditions.js';
import { draft } from './draft-store.js';
import { isPlainObject } from './patch.js';
import { compareUnitTypes, unitTypeName } from '../unit-types.js';

const zh = () => getLanguage() !== 'en';
const q = (s: string) => (zh() ? `「${s}」` : `“${s}”`);
const join = (items: string[]) => items.join(listSeparator());

/** What a change touches: the plugin declaration (or roles / calendar / settings) and the path inside it. */
export interface Place {
  scope: string | null;
  pluginId?: string;
  section?: string;
  name?: string;
  /** tokens inside the declaration (after plugins/<id>/<section>/<name>) */
  path: string[];
  /** roles/<id>/…, calendar/…, plugins/<id>/config/… */
  area: 'decl' | 'roles' | 'calendar' | 'settings' | 'other';
}

export function placeOf(tokens: string[]): Place {
  let t = tokens;
  let scope: string | null = null;
  if (t[0] === 'projects' && t[1]) {
    scope = t[1];
    t = t.slice(2);
  }
  if (t[0] === 'roles') return { scope, path: t.slice(1), area: 'roles' };
  if (t[0] === 'calendar') return { scope, path: t.slice(1), area: 'calendar' };
  if (t[0] === 'plugins' && t[2] === 'config') return { scope, pluginId: t[1], path: t.slice(3), area: 'settings' };
  if (t[0] === 'plugins' && t[2]) return { scope, pluginId: t[1], section: t[2], name: t[3], path: t.slice(4), area: 'decl' };
  return { scope, path: t, area: 'other' };
}

// ---- lookups (the draft first, then the version in force: a removed thing still has its name) ----

function declOf<T>(p: Place, section = p.section, name = p.name): T | undefined {
  if (!p.pluginId || !section || !name) return undefined;
  return draft.decl<T>(p.pluginId, section as never, name, p.scope)
    ?? ((draft.active?.effective.plugins[p.pluginId] as unknown as Record<string, Record<string, T>> | undefined)?.[section]?.[name]);
}

function workflowOf(p: Place): WorkflowDeclaration | undefined {
  return p.section === 'workflows' ? declOf<WorkflowDeclaration>(p) : undefined;
}

/** The form a place is about (a form, or the form of a layout). */
function formOf(p: Place): { name: string; form?: FormDeclaration } | undefined {
  if (p.section === 'forms' && p.name) return { name: p.name, form: declOf<FormDeclaration>(p) };
  if (p.section === 'ui' && p.name) {
    const ui = declOf<UiDeclaration>(p);
    const name = ui?.form ?? p.name;
    return { name, form: declOf<FormDeclaration>(p, 'forms', name) };
  }
  return undefined;
}

export function roleTitle(id: string): string {
  return loc(draft.roles[id]?.title) || loc(draft.active?.effective.roles[id]?.title) || id;
}

function stateTitle(wf: WorkflowDeclaration | undefined, id: string): string {
  return loc(wf?.states?.[id]?.title) || id;
}

function transitionTitle(wf: WorkflowDeclaration | undefined, id: string): string {
  return loc(wf?.transitions?.[id]?.title) || id;
}

function fieldLabel(p: Place, key: string): string {
  const f = formOf(p);
  const label = f?.form?.properties?.[key.split('.')[0]!]?.['x-label'];
  if (label) return loc(label);
  // a workflow's field (severityField …): look through the plugin's forms
  for (const n of p.pluginId ? draft.names(p.pluginId, 'forms', p.scope) : []) {
    const l = draft.decl<FormDeclaration>(p.pluginId!, 'forms', n, p.scope)?.properties?.[key]?.['x-label'];
    if (l) return loc(l);
  }
  return key;
}

/** The label of one value of a choice field (severity `major` → 重大). */
function optionLabel(p: Place, field: string | undefined, value: string): string {
  if (!p.pluginId || !field) return value;
  for (const n of draft.names(p.pluginId, 'forms', p.scope)) {
    const f = draft.decl<FormDeclaration>(p.pluginId, 'forms', n, p.scope)?.properties?.[field] as FieldSchema | undefined;
    const l = f?.['x-enumLabels']?.[value];
    if (l) return loc(l);
  }
  return value;
}

// a clock's unit in words: the editor's unitShort_* messages
const unitWord = (unit: string): string => atOr(`unitShort_${unit}`, unit);

function duration(v: Record<string, unknown>): string {
  const unit = String(v.unit ?? '');
  return `${String(v.amount)} ${unitWord(unit)}`;
}

/** A JsonLogic condition the builder can read, in words; otherwise that there is one. */
export function conditionWords(p: Place, rule: unknown): string {
  const c = fromLogic(rule);
  if (!c) return at('ruleExpression');
  const label = fieldLabel(p, c.field);
  const value = (v: unknown) => (typeof v === 'string' ? optionLabel(p, c.field, v) : typeof v === 'boolean' ? at(v ? 'yes' : 'no') : String(v));
  if (c.op === 'in') return `${label} ${at('op_in')} ${join((c.value as unknown[]).map(value))}`;
  return `${label} ${at(c.op === '==' ? 'op_eq' : 'op_ne')} ${value(c.value)}`;
}

/** A field declaration in words: kind, limits, options. */
function fieldWords(f: Record<string, unknown>): string {
  const kind = Array.isArray(f.enum) ? 'enum' : f.format === 'date' || f.format === 'date-time' || f.format === 'money' ? f.format : f.type;
  const parts = [at(`kind_${String(kind)}`)];
  if (typeof f.maxLength === 'number') parts.push(at('maxLengthN', { n: f.maxLength }));
  if (Array.isArray(f.enum)) {
    const labels = (f['x-enumLabels'] ?? {}) as Record<string, { 'zh-CN': string; en?: string }>;
    parts.push(`${at('options')}${zh() ? '：' : ': '}${join(f.enum.map((v) => loc(labels[String(v)]) || String(v)))}`);
  }
  const label = loc(f['x-label'] as never);
  return label ? `${label}（${parts.join(zh() ? '，' : ', ')}）` : parts.join(zh() ? '，' : ', ');
}

const STATE_LISTS = new Set(['from', 'startOn', 'stopOn', 'pauseOn']);
const ROLE_KEYS = new Set(['roles', 'createRoles', 'escalateTo', 'reportsTo', 'mergedInto', 'extends', 'assignRole']);
const RULE_KEYS = new Set(['visibleIf', 'requiredIf', 'readOnlyIf', 'guard', 'when', 'computed', 'logic']);

/** One value of a change, in words. */
export function valueWords(p: Place, value: unknown): string {
  if (value === undefined) return '';
  if (value === null) return at('valueRemoved');
  const key = p.path[p.path.length - 1] ?? p.name ?? '';
  const parent = p.path[p.path.length - 2];
  const wf = workflowOf(p);
  if (p.area === 'roles') {
    if (p.path.length === 1 && isPlainObject(value)) return loc(value.title as never) || roleTitle(p.path[0]!);
    if (key === 'permissions' && Array.isArray(value)) return join(value.map((x) => at(`perm_${String(x)}`)));
  }
  if (typeof value === 'boolean') return at(value ? 'yes' : 'no');
  if (RULE_KEYS.has(key)) return conditionWords(p, value);
  if (isPlainObject(value) && typeof value['zh-CN'] === 'string' && Object.keys(value).every((k) => k === 'zh-CN' || k === 'en')) return loc(value as never);
  if (isPlainObject(value) && 'amount' in value && 'unit' in value) return duration(value);
  if (key === 'unit' && typeof value === 'string') return unitWord(value);
  if (typeof value === 'number' && key === 'requiredRate') return `${Math.round(value * 100)}%`;
  if (typeof value === 'string' || typeof value === 'number') {
    const s = String(value);
    if (wf && (key === 'to' || key === 'initialState' || STATE_LISTS.has(parent ?? ''))) return stateTitle(wf, s);
    if (wf && (key === 'onSatisfied' || key === 'onUnsatisfied')) return transitionTitle(wf, s);
    if (ROLE_KEYS.has(key) || ROLE_KEYS.has(parent ?? '')) return roleTitle(s);
    if (key === 'method' || parent === 'methodBySeverity') return at(`method_${s}`);
    if (key === 'severityField') return fieldLabel(p, s);
    if (key === 'timezone') return s === 'Asia/Shanghai' ? at('tzShanghai') : s;
    return s;
  }
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v === 'string')) {
      const items = value as string[];
      if (wf && STATE_LISTS.has(key)) return join(items.map((s) => stateTitle(wf, s)));
      if (ROLE_KEYS.has(key) || parent === 'rolesBySeverity') return join(items.map(roleTitle));
      if (key === 'onlyFor') return join(items.map((s) => optionLabel(p, (wf?.severityField ?? wf?.categoryField), s)));
      if (key === 'required') return join(items.map((k) => fieldLabel(p, k)));
      if (key === 'enum') return join(items);
      return join(items);
    }
    if (key === 'sections') return sectionsWords(p, value);
    if (key === 'examples') return at('examplesN', { n: value.length });
    if (key === 'branches') return join(value.map((b) => (isPlainObject(b) ? `${conditionWords(p, b.when)} → ${stateTitle(wf, String(b.to))}` : '')));
    if (key === 'effects') return at('effectsN', { n: value.length });
    if (value.every((v) => isPlainObject(v) && typeof v.from === 'string')) {
      // effective-dated rates: one "from: rates" per row, unit types by their names
      return value.map((v) => {
        const row = v as { from: string; price?: unknown; byUnitType?: Record<string, unknown> };
        const rates = row.price !== undefined ? String(row.price) : join(Object.entries(row.byUnitType ?? {}).sort(([a], [b]) => compareUnitTypes(a, b)).map(([t, r]) => `${unitTypeName(t)} ${String(r)}`));
        return `${row.from}${at('fromDateSuffix')}${zh() ? '：' : ': '}${rates}`;
      }).join('；');
    }
    return at('itemsN', { n: value.length });
  }
  if (isPlainObject(value)) {
    // a whole new (or removed) thing: its name and what matters about it
    if (p.section === 'forms' && (parent === 'properties' || key in (formOf(p)?.form?.properties ?? {}))) return fieldWords(value);
    if ('type' in value && ('x-label' in value || 'enum' in value)) return fieldWords(value);
    if (wf && parent === 'states') return [loc(value.title as never) || key, value.final ? at('final') : '', value.assignRole ? `${at('assignRole')} ${roleTitle(String(value.assignRole))}` : ''].filter(Boolean).join(zh() ? '，' : ', ');
    if (wf && parent === 'transitions') {
      const from = Array.isArray(value.from) ? join((value.from as string[]).map((s) => stateTitle(wf, s))) : '';
      return `${loc(value.title as never) || key}：${from} → ${stateTitle(wf, String(value.to ?? ''))}`;
    }
    if (wf && parent === 'deadlines') return `${loc(value.title as never) || key}：${isPlainObject(value.duration) ? duration(value.duration) : ''}`;
    if (parent === 'bySeverity' || key === 'bySeverity') {
      return Object.entries(value).map(([sev, d]) => `${optionLabel(p, (wf?.severityField ?? wf?.categoryField), sev)} ${isPlainObject(d) ? duration(d) : valueWords(p, d)}`).join(listSeparator());
    }
    if (key === 'x-enumLabels') return Object.values(value).map((l) => loc(l as never)).join(listSeparator());
    if ('title' in value) return loc(value.title as never) || key;
    if ('x-label' in value) return loc(value['x-label'] as never);
    return Object.entries(value).map(([k, v]) => `${at(`word_${k}`) !== `word_${k}` ? at(`word_${k}`) : k} ${valueWords({ ...p, path: [...p.path, k] }, v)}`).join('；');
  }
  return String(value);
}

/** A form layout in words: each section with its fields' labels. */
function sectionsWords(p: Place, sections: unknown[]): string {
  return sections.map((s) => {
    if (!isPlainObject(s)) return '';
    const fields = Array.isArray(s.fields) ? (s.fields as string[]).map((f) => fieldLabel(p, f)) : [];
    return `${loc(s.title as never) || String(s.id)}：${join(fields)}`;
  }).join('；');
}

/**
 * What changed between two layouts, as sentences: a field put into a section (after which
 * field), moved to another section, taken out; a section added, removed or renamed.
 */
export function sectionChanges(p: Place, before: unknown, after: unknown): string[] {
  const list = (v: unknown) => (Array.isArray(v) ? v.filter(isPlainObject) as { id: string; title?: unknown; fields?: string[] }[] : []);
  const a = list(before);
  const b = list(after);
  const where = (secs: typeof a) => new Map(secs.flatMap((s) => (s.fields ?? []).map((f) => [f, s] as const)));
  const was = where(a);
  const now = where(b);
  const title = (s: { id: string; title?: unknown }) => loc(s.title as never) || s.id;
  const out: string[] = [];
  for (const s of b) if (!a.some((x) => x.id === s.id)) out.push(at('sectionAdded', { s: q(title(s)) }));
  for (const s of a) if (!b.some((x) => x.id === s.id)) out.push(at('sectionRemoved', { s: q(title(s)) }));
  for (const s of b) {
    const old = a.find((x) => x.id === s.id);
    if (old && title(old) !== title(s)) out.push(at('sectionRenamed', { a: q(title(old)), b: q(title(s)) }));
  }
  for (const s of b) {
    const fields = s.fields ?? [];
    fields.forEach((f, i) => {
      const prev = i > 0 ? fieldLabel(p, fields[i - 1]!) : null;
      const position = prev ? at('afterField', { f: q(prev) }) : at('atSectionStart');
      const from = was.get(f);
      if (!from) out.push(at('fieldPlaced', { f: q(fieldLabel(p, f)), s: q(title(s)), pos: position }));
      else if (from.id !== s.id) out.push(at('fieldMoved', { f: q(fieldLabel(p, f)), a: q(title(from)), s: q(title(s)), pos: position }));
    });
    const old = a.find((x) => x.id === s.id);
    const kept = fields.filter((f) => was.get(f)?.id === s.id);
    const oldOrder = (old?.fields ?? []).filter((f) => kept.includes(f));
    if (kept.join() !== oldOrder.join()) out.push(at('fieldsReordered', { s: q(title(s)), list: join(kept.map((f) => fieldLabel(p, f))) }));
  }
  for (const [f, s] of was) if (!now.has(f)) out.push(at('fieldUnplaced', { f: q(fieldLabel(p, f)), s: q(title(s)) }));
  for (const s of b) {
    const old = a.find((x) => x.id === s.id) as { visibleIf?: unknown } | undefined;
    const rule = (s as { visibleIf?: unknown }).visibleIf;
    if (old && JSON.stringify(old.visibleIf) !== JSON.stringify(rule)) {
      out.push(at('sectionCondition', { s: q(title(s)), c: rule === undefined ? at('condNone') : conditionWords(p, rule) }));
    }
  }
  // something else of the layout changed: still one line, never nothing
  if (!out.length && JSON.stringify(before) !== JSON.stringify(after)) out.push(at('sectionsChanged'));
  return out;
}
