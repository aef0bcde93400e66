/** A table of configuration changes (pointer, kind, before → after), as the review page and history show them. */
import { html, nothing } from 'lit';
import { at, describePointer } from './admin-i18n.js';
import type { DiffChange } from './admin-types.js';
import { draft } from './draft-store.js';
import { escapeToken, getAt, isPlainObject, tokensOf } from './patch.js';

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

function short(value: unknown): string {
  if (value === undefined) return '';
  if (value === null) return '∅';
  if (isPlainObject(value) && typeof value['zh-CN'] === 'string' && Object.keys(value).every((k) => k === 'zh-CN' || k === 'en')) {
    return value.en ? `${value['zh-CN']} / ${value.en}` : String(value['zh-CN']);
  }
  // a layout's sections: their names and fields, which is what differs
  if (Array.isArray(value) && value.length && value.every((v) => isPlainObject(v) && Array.isArray(v.fields))) {
    return value.map((v) => `${(v.title as { 'zh-CN'?: string } | undefined)?.['zh-CN'] ?? v.id}: ${(v.fields as string[]).join(', ')}`).join(' | ');
  }
  // effective-dated rates: one "from: rates" per row
  if (Array.isArray(value) && value.length && value.every((v) => isPlainObject(v) && typeof v.from === 'string')) {
    return value.map((v) => `${v.from as string}: ${v.price !== undefined ? String(v.price) : Object.entries((v.byUnitType ?? {}) as Record<string, string>).map(([k, r]) => `${k} ${r}`).join(', ')}`).join(' | ');
  }
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}

export function renderChanges(changes: DiffChange[]) {
  const rows = expandChanges(changes);
  if (!rows.length) return html`<p class="muted">${at('noChanges')}</p>`;
  return html`
    <table class="changes" data-testid="changes">
      <thead><tr><th>${at('where')}</th><th>${at('change')}</th><th>${at('before')}</th><th>${at('after')}</th></tr></thead>
      <tbody>
        ${rows.map((c) => {
          // null in the document removes the plugin's own entry
          // and an entry the document did not have may still change what is in force
          const deletes = c.after === null && c.kind !== 'removed';
          const current = c.kind === 'added' ? inForce(tokensOf(c.pointer)) : undefined;
          const kind = deletes ? 'removed' : current !== undefined ? 'changed' : c.kind;
          const before = deletes || current !== undefined ? current : c.before;
          return html`
          <tr data-pointer-change=${c.pointer}>
            <td>${describePointer(c.pointer)}<div class="id">${c.pointer}</div></td>
            <td><span class="badge ${kind === 'removed' ? 'danger' : ''}">${at(`kind_${kind}`)}</span></td>
            <td class="small">${kind === 'added' || before === undefined ? nothing : html`<code>${short(before)}</code>`}</td>
            <td class="small">${kind === 'removed' ? nothing : html`<code>${short(c.after)}</code>`}</td>
          </tr>`;
        })}
      </tbody>
    </table>`;
}
