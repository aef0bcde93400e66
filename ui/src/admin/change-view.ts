/** A table of configuration changes (where, kind, before → after, in words), as the review page, the history and the activation dialog show them. */
import { html, nothing } from 'lit';
import { at, describePointer, listSeparator } from './admin-i18n.js';
import { loc } from '../i18n.js';
import type { DiffChange } from './admin-types.js';
import { draft } from './draft-store.js';
import { escapeToken, getAt, isPlainObject, tokensOf } from './patch.js';
import { placeOf, sectionChanges, valueWords } from './change-words.js';
import { asPluginTokens, companyTypeSentence } from './company-types.js';
import './types-i18n.js';

/** Members shown whole: texts in two languages and JsonLogic rules. */
const LEAF_KEYS = new Set(['title', 'x-label', 'x-help', 'description', 'placeholder', 'guardMessage', 'visibleIf', 'requiredIf', 'readOnlyIf', 'computed', 'logic', 'guard', 'when', 'value', 'context', 'result']);

/** What a document pointer patches, in the configuration in force (undefined: something new). */
function inForce(tokens: string[]): unknown {
  const eff = draft.active?.effective;
  if (!eff) return undefined;
  let t = tokens;
  if (t[0] === 'projects') {
    if (t.length <= 2) return {};
    t = t.slice(2);
  }
  // a plugin's settings are its manifest's config defaults, as the company runs on them
  if (t[0] === 'plugins' && t[2] === 'config') return getAt(eff.plugins, [t[1]!, 'manifest', 'config', 'defaults', ...t.slice(3)]);
  if (t[0] === 'plugins') return t.length === 1 ? eff.plugins : getAt(eff.plugins, t.slice(1));
  if (t[0] === 'roles') return t.length === 1 ? eff.roles : getAt(eff.roles, t.slice(1));
  if (t[0] === 'calendar') return getAt(eff.calendar, t.slice(1));
  return undefined;
}

/**
 * A whole object added or removed (the first change of a document adds `/plugins` at once) is
 * split into its members down to what an admin recognises: a new field, state or role whole; a
 * text, a rule or a value of an existing one.
 */
export function expandChanges(changes: DiffChange[]): DiffChange[] {
  const out: DiffChange[] = [];
  const walk = (c: DiffChange) => {
    const value = c.kind === 'added' ? c.after : c.kind === 'removed' ? c.before : undefined;
    const tokens = tokensOf(c.pointer);
    const key = tokens[tokens.length - 1] ?? '';
    const current = inForce(tokens);
    if (!isPlainObject(value) || !Object.keys(value).length || LEAF_KEYS.has(key) || !isPlainObject(current)) {
      // a setting the document did not patch before still had a value (the plugin's): show it as the old one
      const settings = tokens[0] === 'plugins' ? tokens[2] === 'config' : tokens[2] === 'plugins' && tokens[4] === 'config';
      out.push(c.kind === 'added' && settings && current !== undefined ? { ...c, kind: 'changed', before: current } : c);
      return;
    }
    for (const [k, v] of Object.entries(value)) {
      walk({ pointer: `${c.pointer}/${escapeToken(k)}`, kind: c.kind, before: c.kind === 'removed' ? v : undefined, after: c.kind === 'added' ? v : undefined });
    }
  };
  changes.forEach(walk);
  return out;
}

/** One row of the table: where, what kind of change, and the values before and after in words (or a sentence). */
interface Row {
  pointer: string;
  where: string;
  kind: 'added' | 'removed' | 'changed';
  before: string;
  after: string;
  sentence?: string;
}

/**
 * A duration whose amount and unit both changed reads as one change (24 小时 → 2 天), from the
 * change's own values, so the history and the activation dialog say the same as the review page.
 */
function wholeDurations(changes: DiffChange[]): DiffChange[] {
  const parentOf = (c: DiffChange) => {
    const last = c.pointer.slice(c.pointer.lastIndexOf('/') + 1);
    return c.kind === 'changed' && (last === 'amount' || last === 'unit') ? c.pointer.slice(0, c.pointer.lastIndexOf('/')) : null;
  };
  const members = new Map<string, DiffChange[]>();
  for (const c of changes) {
    const parent = parentOf(c);
    if (parent) members.set(parent, [...(members.get(parent) ?? []), c]);
  }
  const out: DiffChange[] = [];
  const done = new Set<string>();
  for (const c of changes) {
    const parent = parentOf(c);
    const both = parent ? members.get(parent)! : [];
    if (!parent || both.length !== 2) { out.push(c); continue; }
    if (done.has(parent)) continue;
    done.add(parent);
    const value = (side: 'before' | 'after') => Object.fromEntries(both.map((m) => [m.pointer.slice(m.pointer.lastIndexOf('/') + 1), m[side]]));
    out.push({ pointer: parent, kind: 'changed', before: value('before'), after: value('after') });
  }
  return out;
}

function rowsOf(changes: DiffChange[]): Row[] {
  // null in the document removes the plugin's own entry,
  // and an entry the document did not have may still change what is in force
  const normalized = expandChanges(changes).map((c): DiffChange => {
    const deletes = c.after === null && c.kind !== 'removed';
    const current = c.kind === 'added' ? inForce(tokensOf(c.pointer)) : undefined;
    const kind = deletes ? 'removed' : current !== undefined ? 'changed' : c.kind;
    return { ...c, kind, before: deletes || current !== undefined ? current : c.before };
  });
  const rows: Row[] = [];
  for (const c of wholeDurations(normalized)) {
    // a company type added or removed whole: one sentence (company-types.ts)
    const tokens = tokensOf(c.pointer);
    if (tokens[0] === 'caseTypes' && tokens.length <= 2 && (c.kind === 'added' || c.kind === 'removed')) {
      const defs = (tokens.length === 1 ? (c.kind === 'added' ? c.after : c.before) : { [tokens[1]!]: c.kind === 'added' ? c.after : c.before }) as Record<string, unknown> | null;
      for (const def of Object.values(defs ?? {})) rows.push({ pointer: c.pointer, where: at('nt_typeWhere'), kind: c.kind, before: '', after: '', sentence: companyTypeSentence(def, c.kind === 'added', { t: at, title: (x) => loc(x as never), separator: listSeparator() }) });
      continue;
    }
    const place = placeOf(asPluginTokens(tokens));
    const where = describePointer(c.pointer);
    if (place.section === 'ui' && place.path[place.path.length - 1] === 'sections') {
      for (const sentence of sectionChanges(place, c.before, c.kind === 'removed' ? [] : c.after)) rows.push({ pointer: c.pointer, where, kind: 'changed', before: '', after: '', sentence });
      continue;
    }
    rows.push({
      pointer: c.pointer, where, kind: c.kind,
      before: c.kind === 'added' || c.before === undefined ? '' : valueWords(place, c.before),
      after: c.kind === 'removed' ? '' : valueWords(place, c.after),
    });
  }
  return rows;
}

/** How many changes the admin would count (a moved field is one). */
export function countChanges(changes: DiffChange[]): number {
  return rowsOf(changes).length;
}

export function renderChanges(changes: DiffChange[]) {
  const rows = rowsOf(changes);
  if (!rows.length) return html`<p class="muted">${at('noChanges')}</p>`;
  return html`
    <table class="changes" data-testid="changes">
      <thead><tr><th>${at('where')}</th><th>${at('change')}</th><th>${at('before')}</th><th>${at('after')}</th></tr></thead>
      <tbody>
        ${rows.map((r) => html`
          <tr data-pointer-change=${r.pointer}>
            <td>${r.where}</td>
            <td><span class="badge ${r.kind === 'removed' ? 'danger' : ''}">${at(`kind_${r.kind}`)}</span></td>
            ${r.sentence !== undefined ? html`<td colspan="2">${r.sentence}</td>` : html`
              <td class="small">${r.before || nothing}</td>
              <td class="small">${r.after || nothing}</td>`}
          </tr>`)}
      </tbody>
    </table>`;
}
