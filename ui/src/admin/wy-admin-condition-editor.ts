import { LitElement, css, html, nothing } from 'lit';
import { getLanguage, I18nController, loc } from '../i18n.js';
import { base } from '../styles.js';
import { adminStyles } from './admin-styles.js';
import { at } from './admin-i18n.js';
import type { FieldSchema } from './admin-types.js';
import { coerceValue, fromLogic, toLogic, type Condition, type ConditionOp } from './conditions.js';
import { DraftController } from './draft-store.js';
import { ctl, invalid, issueId, issueNote } from './issue-view.js';

export interface ConditionField {
  key: string;
  schema: FieldSchema;
}

/**
 * A small condition builder: field ▸ equals / not equals / one of ▸ value, producing JsonLogic
 * over `data.*`. A rule the builder cannot show is edited as JSON.
 *
 * @fires wy-rule-change - `{ rule }`, the new rule or `undefined` when removed
 */
export class WyAdminConditionEditor extends LitElement {
  static override properties = {
    label: { type: String },
    rule: { attribute: false },
    fields: { attribute: false },
    pointer: { type: String },
    jsonMode: { state: true },
    jsonError: { state: true },
  };

  static override styles = [base, adminStyles, css`
    :host { display: block; }
    .cond { display: flex; gap: 6px; align-items: center; flex-wrap: wrap; }
    .cond select, .cond input { min-width: 0; }
  `];

  declare label: string;
  declare rule: unknown;
  declare fields: ConditionField[];
  declare pointer: string;
  declare jsonMode: boolean;
  declare jsonError: string;

  constructor() {
    super();
    new I18nController(this);
    new DraftController(this);
    this.label = '';
    this.rule = undefined;
    this.fields = [];
    this.pointer = '';
    this.jsonMode = false;
    this.jsonError = '';
  }

  #emit(rule: unknown) {
    this.dispatchEvent(new CustomEvent('wy-rule-change', { detail: { rule }, bubbles: true, composed: true }));
  }

  #field(key: string) {
    return this.fields.find((f) => f.key === key);
  }

  #update(c: Condition, patch: Partial<Condition>) {
    const next = { ...c, ...patch };
    if (patch.field !== undefined || patch.op !== undefined) {
      const f = this.#field(next.field)?.schema;
      const first = Array.isArray(f?.enum) ? f!.enum[0] : f?.type === 'boolean' ? true : '';
      if (patch.field !== undefined) next.value = next.op === 'in' ? (first === '' ? [] : [first]) : first;
      else if (patch.op === 'in' && !Array.isArray(c.value)) next.value = c.value === '' || c.value === undefined ? [] : [c.value];
      else if (patch.op !== 'in' && Array.isArray(c.value)) next.value = c.value[0] ?? first;
    }
    this.#emit(toLogic(next));
  }

  #label(key: string) {
    const f = this.#field(key);
    return f ? `${loc(f.schema['x-label']) || key}` : key;
  }

  override render() {
    const p = ctl(this.pointer);
    const id = `cond-${Math.abs(hash(this.pointer))}`;
    const c = fromLogic(this.rule);
    const lang = getLanguage();
    let body;
    if (this.rule === undefined && !this.jsonMode) {
      body = html`<span class="muted small">${at('condNone')}</span>
        <button type="button" class="icon" data-pointer=${p} aria-describedby=${issueId(p)}
          ?disabled=${this.fields.length === 0}
          @click=${() => { const f = this.fields[0]; if (f) this.#update({ field: f.key, op: '==', value: '' }, { field: f.key }); }}>${at('condAdd')}</button>`;
    } else if (c && !this.jsonMode) {
      const f = this.#field(c.field)?.schema;
      body = html`<span class="cond">
        <select aria-label=${`${this.label} · ${at('condField')}`} data-pointer=${p} aria-invalid=${invalid(p)}
          @change=${(e: Event) => this.#update(c, { field: (e.target as HTMLSelectElement).value })}>
          ${this.fields.some((x) => x.key === c.field) ? nothing : html`<option value=${c.field} selected>${c.field}</option>`}
          ${this.fields.map((x) => html`<option value=${x.key} ?selected=${x.key === c.field}>${this.#label(x.key)}</option>`)}
        </select>
        <select aria-label=${`${this.label} · ${at('condOp')}`} @change=${(e: Event) => this.#update(c, { op: (e.target as HTMLSelectElement).value as ConditionOp })}>
          ${(['==', '!=', 'in'] as const).map((op) => html`<option value=${op} ?selected=${op === c.op}>${at(`op_${op === '==' ? 'eq' : op === '!=' ? 'ne' : 'in'}`)}</option>`)}
        </select>
        ${this.#valueControl(c, f, lang)}
        <button type="button" class="icon" @click=${() => this.#emit(undefined)}>${at('condRemove')}</button>
        <button type="button" class="link small" @click=${() => { this.jsonMode = true; }}>JSON</button>
      </span>`;
    } else {
      body = html`<textarea class="code" aria-label=${`${this.label} (JSON)`} data-pointer=${p} aria-invalid=${invalid(p)}
          .value=${this.rule === undefined ? '' : JSON.stringify(this.rule)}
          @change=${(e: Event) => {
            const text = (e.target as HTMLTextAreaElement).value.trim();
            if (!text) { this.jsonError = ''; this.#emit(undefined); return; }
            try { this.#emit(JSON.parse(text)); this.jsonError = ''; } catch (err) { this.jsonError = `${at('jsonInvalid')}: ${(err as Error).message}`; }
          }}></textarea>
        ${this.jsonError ? html`<span class="issue" role="alert">${this.jsonError}</span>` : nothing}
        ${fromLogic(this.rule) || this.rule === undefined ? html`<button type="button" class="link small" @click=${() => { this.jsonMode = false; }}>${at('condBuilder')}</button>` : nothing}`;
    }
    return html`<div role="group" aria-labelledby=${id}><span id=${id} class="small muted">${this.label}</span> ${body} ${issueNote(p)}</div>`;
  }

  #valueControl(c: Condition, f: FieldSchema | undefined, lang: string) {
    const label = `${this.label} · ${at('condValue')}`;
    const options = Array.isArray(f?.enum) ? f!.enum : f?.type === 'boolean' ? [true, false] : null;
    const optionLabel = (v: unknown) => {
      if (typeof v === 'boolean') return v ? at('yes') : at('no');
      const l = f?.['x-enumLabels']?.[String(v)];
      return l ? (lang === 'en' ? l.en ?? l['zh-CN'] : l['zh-CN']) : String(v);
    };
    if (options && c.op === 'in') {
      const chosen = Array.isArray(c.value) ? c.value : [];
      return html`<span class="chips" role="group" aria-label=${label}>${options.map((o) => html`<label><input type="checkbox" .checked=${chosen.includes(o)}
        @change=${(e: Event) => this.#update(c, { value: (e.target as HTMLInputElement).checked ? [...chosen, o] : chosen.filter((x) => x !== o) })}>${optionLabel(o)}</label>`)}</span>`;
    }
    if (options) {
      return html`<select aria-label=${label} @change=${(e: Event) => this.#update(c, { value: options[Number((e.target as HTMLSelectElement).value)] })}>
        ${options.some((o) => o === c.value) ? nothing : html`<option value="-1" selected>${String(c.value ?? '')}</option>`}
        ${options.map((o, i) => html`<option value=${i} ?selected=${o === c.value}>${optionLabel(o)}</option>`)}
      </select>`;
    }
    if (c.op === 'in') {
      return html`<input aria-label=${label} placeholder=${at('condListHint')} .value=${Array.isArray(c.value) ? c.value.join(', ') : ''}
        @change=${(e: Event) => this.#update(c, { value: (e.target as HTMLInputElement).value.split(/[,，]/).map((s) => s.trim()).filter(Boolean).map((s) => coerceValue(s, f?.type)) })}>`;
    }
    return html`<input aria-label=${label} type=${f?.type === 'number' || f?.type === 'integer' ? 'number' : 'text'} .value=${c.value === null || c.value === undefined ? '' : String(c.value)}
      @change=${(e: Event) => this.#update(c, { value: coerceValue((e.target as HTMLInputElement).value, f?.type) })}>`;
  }
}

function hash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) | 0;
  return h;
}

customElements.define('wy-admin-condition-editor', WyAdminConditionEditor);

declare global {
  interface HTMLElementTagNameMap {
    'wy-admin-condition-editor': WyAdminConditionEditor;
  }
}
