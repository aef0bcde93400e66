import { LitElement, css, html, nothing } from 'lit';
import { I18nController, loc } from '../i18n.js';
import { base } from '../styles.js';
import { adminStyles } from './admin-styles.js';
import { at } from './admin-i18n.js';
import type { FieldSchema, Text } from './admin-types.js';
import { declPointer, DraftController } from './draft-store.js';
import {
  FIELD_KINDS, fieldKind, fieldRule, formOf, sectionsOf, setField, setFieldRule, setFieldSection, setRequired, uiOf, withKind,
  type FieldRuleKind, type FormRef,
} from './form-edit.js';
import { ctl, invalid, issueId, issueNote } from './issue-view.js';
import { boundsOf, choiceHolder, withBound } from './field-kinds.js';
import {
  addColumn, COLUMN_KINDS, COLUMNS_LIMIT, columnOptionsText, columnsOf, moveColumn, removeColumn, renameColumn, ROWS_LIMIT,
  setColumn, withColumnOptions, type ColumnKind,
} from './list-columns.js';
import './listkind-i18n.js';
import { clone } from './patch.js';
import type { ConditionField } from './wy-admin-condition-editor.js';
import './wy-admin-condition-editor.js';
import { syncSelects } from './select-sync.js';

/**
 * Edits one field of a form: labels (zh-CN / English), kind, required, its bounds (length, range,
 * number of items — never a pattern: company configuration may not set one), options of a choice
 * (one or several) with their labels, help text, its section, and the visibility / required-if conditions.
 */
export class WyAdminFieldEditor extends LitElement {
  static override properties = {
    formRef: { attribute: false },
    fieldKey: { type: String },
    newColumnKind: { state: true },
    columnError: { state: true },
  };

  static override styles = [base, adminStyles, css`
    :host { display: block; border: 1px solid var(--wy-primary-light); background: #fbfdff; border-radius: var(--wy-radius); padding: 12px; margin: 6px 0 10px; }
    .options { display: grid; gap: 6px; }
    .option { display: flex; gap: 6px; align-items: center; flex-wrap: wrap; }
    .option input { width: 140px; }
    .wide { grid-column: 1 / -1; }
    /* a 明细表 column: its name, kind and options, then its buttons kept together when the row wraps (phone) */
    .column { display: flex; gap: 6px; align-items: flex-end; flex-wrap: wrap; padding-bottom: 6px; border-bottom: 1px dashed var(--wy-border); }
    .column label { flex: 1 1 120px; min-width: 0; }
    .column .moves { display: flex; gap: 4px; }
  `];

  declare formRef: FormRef;
  declare fieldKey: string;
  /** the kind picked for the 明细表's next column, and why the last 添加列 was refused */
  declare newColumnKind: ColumnKind;
  declare columnError: string;

  constructor() {
    super();
    new I18nController(this);
    new DraftController(this);
    this.formRef = { pluginId: '', form: '', scope: null };
    this.fieldKey = '';
    this.newColumnKind = 'string';
    this.columnError = '';
  }

  override updated(): void {
    syncSelects(this.renderRoot);
  }

  #field(): FieldSchema | undefined {
    return formOf(this.formRef)?.properties[this.fieldKey];
  }

  #edit(edit: (f: FieldSchema) => void) {
    const f = this.#field();
    if (!f) return;
    const next = clone(f);
    edit(next);
    setField(this.formRef, this.fieldKey, next);
  }

  #setText(key: 'x-label' | 'x-help', lang: 'zh-CN' | 'en', value: string) {
    this.#edit((f) => {
      const text: Partial<Text> = { ...(f[key] ?? {}) };
      if (value.trim()) text[lang] = value;
      else delete text[lang];
      if (Object.keys(text).length) f[key] = text as Text;
      else delete f[key];
    });
  }

  override render() {
    const ref = this.formRef;
    const f = this.#field();
    if (!f) return nothing;
    const key = this.fieldKey;
    const fp = (...path: string[]) => declPointer(ref.scope, ref.pluginId, 'forms', ref.form, 'properties', key, ...path);
    const kind = fieldKind(f);
    const form = formOf(ref)!;
    const required = (form.required ?? []).includes(key);
    const ui = uiOf(ref);
    const uiName = ui?.name ?? ref.form;
    const up = (...path: string[]) => declPointer(ref.scope, ref.pluginId, 'ui', uiName, ...path);
    const sections = sectionsOf(ref);
    const sectionOfField = sections.find((s) => s.fields.includes(key))?.id ?? '';
    const name = loc(f['x-label']) || key;
    const others: ConditionField[] = Object.entries(form.properties).filter(([k]) => k !== key).map(([k, schema]) => ({ key: k, schema }));
    const text = (label: string, ptr: string, value: string | undefined, set: (v: string) => void, attrs: { required?: boolean } = {}) => html`
      <label>${label}
        <input .value=${value ?? ''} data-pointer=${ctl(ptr)} aria-invalid=${invalid(ptr)} aria-describedby=${issueId(ptr)} ?required=${attrs.required}
          @input=${(e: Event) => set((e.target as HTMLInputElement).value)}>
        ${issueNote(ptr)}
      </label>`;
    return html`
      <div class="grid" data-pointer=${ctl(fp())} role="group" aria-label=${at('fieldEditorOf', { name })}>
        <label>${at('fieldKey')}<input .value=${key} readonly class="id"></label>
        ${text(at('labelZh'), fp('x-label', 'zh-CN'), f['x-label']?.['zh-CN'], (v) => this.#setText('x-label', 'zh-CN', v), { required: true })}
        ${text(at('labelEn'), fp('x-label', 'en'), f['x-label']?.en, (v) => this.#setText('x-label', 'en', v))}
        <label>${at('fieldType')}
          <select data-pointer=${ctl(fp('type'))} aria-invalid=${invalid(fp('type'))} ?disabled=${kind === 'other'}
            @change=${(e: Event) => setField(ref, key, withKind(f, (e.target as HTMLSelectElement).value as never))}>
            ${kind === 'other' ? html`<option selected>${at('kind_other')}（${f.type}${f.format ? ` ${f.format}` : ''}）</option>` : nothing}
            ${FIELD_KINDS.map((k) => html`<option value=${k} ?selected=${k === kind}>${at(`kind_${k}`)}</option>`)}
          </select>
          ${issueNote(fp('type'))}
        </label>
        <label class="inline"><input type="checkbox" .checked=${required} data-pointer=${ctl(declPointer(ref.scope, ref.pluginId, 'forms', ref.form, 'required'))}
          @change=${(e: Event) => setRequired(ref, key, (e.target as HTMLInputElement).checked)}>${at('required')}</label>
        ${boundsOf(kind).map((b) => html`
          <label>${kind === 'rows' ? at('lk_maxRows', { limit: ROWS_LIMIT }) : at(`bound_${b}`)}
            <input type="number" class="num" .value=${String((f as Record<string, unknown>)[b] ?? '')} data-pointer=${ctl(fp(b))} aria-invalid=${invalid(fp(b))}
              @input=${(e: Event) => { const v = (e.target as HTMLInputElement).value; setField(ref, key, withBound(f, b, v === '' ? null : Number(v))); }}>
            ${issueNote(fp(b))}
          </label>`)}
        <label>${at('section')}
          <select data-pointer=${ctl(up('sections'))} data-value=${sectionOfField} @change=${(e: Event) => setFieldSection(ref, key, (e.target as HTMLSelectElement).value)}>
            ${sectionOfField ? nothing : html`<option value="" selected>${at('noSection')}</option>`}
            ${sections.map((s) => html`<option value=${s.id} ?selected=${s.id === sectionOfField}>${loc(s.title)}</option>`)}
          </select>
          ${issueNote(up('sections'))}
        </label>
        ${text(at('helpZh'), fp('x-help', 'zh-CN'), f['x-help']?.['zh-CN'], (v) => this.#setText('x-help', 'zh-CN', v))}
        ${text(at('helpEn'), fp('x-help', 'en'), f['x-help']?.en, (v) => this.#setText('x-help', 'en', v))}
        ${kind === 'enum' || kind === 'multi' ? this.#options(f, kind === 'multi' ? (...p: string[]) => fp('items', ...p) : fp) : nothing}
        ${kind === 'rows' ? this.#columns(f, (...p: string[]) => fp('items', 'properties', ...p)) : nothing}
        ${(['visibleIf', 'requiredIf'] as FieldRuleKind[]).map((rk) => html`
          <div class="wide">
            <wy-admin-condition-editor .label=${at(rk === 'visibleIf' ? 'visibleIf' : 'requiredIf')} .rule=${fieldRule(ref, key, rk)} .fields=${others}
              .pointer=${up('fields', key, rk)}
              @wy-rule-change=${(e: CustomEvent<{ rule: unknown }>) => setFieldRule(ref, key, rk, e.detail.rule)}></wy-admin-condition-editor>
          </div>`)}
      </div>
    `;
  }

  /** The 明细表's columns: named, typed, reordered and removed by the admin; keys made up (list-columns.ts). */
  #columns(f: FieldSchema, cp: (...p: string[]) => string) {
    const ref = this.formRef;
    const key = this.fieldKey;
    const columns = columnsOf(f);
    const save = (next: FieldSchema) => setField(ref, key, next);
    const add = (e: Event) => {
      e.preventDefault();
      const form = e.target as HTMLFormElement;
      const fd = new FormData(form);
      const zh = String(fd.get('columnName') ?? '').trim();
      if (!zh) { this.columnError = at('lk_columnNameRequired'); return; }
      if (columns.length >= COLUMNS_LIMIT) { this.columnError = at('lk_columnsFull', { limit: COLUMNS_LIMIT }); return; }
      const schema = withKind({ 'x-label': { 'zh-CN': zh } } as FieldSchema, this.newColumnKind);
      const added = addColumn(f, schema);
      if (!added.key) return;
      const options = String(fd.get('columnOptions') ?? '');
      let next = added.field;
      if (this.newColumnKind === 'enum' && options.trim()) next = withColumnOptions(next, added.key, options);
      save(next);
      this.columnError = '';
      form.reset();
      this.newColumnKind = 'string';
    };
    const kindSelect = (label: string, value: string, change: (k: ColumnKind) => void, name?: string) => html`
      <label>${label}
        <select name=${name ?? nothing} @change=${(e: Event) => change((e.target as HTMLSelectElement).value as ColumnKind)}>
          ${(COLUMN_KINDS as readonly string[]).includes(value) ? nothing : html`<option selected disabled>${at('kind_other')}</option>`}
          ${COLUMN_KINDS.map((k) => html`<option value=${k} ?selected=${k === value}>${at(`kind_${k}`)}</option>`)}
        </select>
      </label>`;
    return html`
      <fieldset class="wide" data-pointer=${ctl(cp())} data-testid="list-columns">
        <legend>${at('lk_columns')}</legend>
        <p class="hint">${at('lk_columnsHint')}</p>
        <div class="options">
          ${columns.map((c, i) => {
            const name = loc(c.schema['x-label']) || at('lk_columnName', { n: i + 1 });
            const ck = fieldKind(c.schema);
            return html`
              <div class="column" data-column=${c.key}>
                <label>${at('lk_columnName', { n: i + 1 })}
                  <input .value=${c.schema['x-label']?.['zh-CN'] ?? ''} required data-pointer=${ctl(cp(c.key, 'x-label', 'zh-CN'))} aria-invalid=${invalid(cp(c.key, 'x-label', 'zh-CN'))}
                    @input=${(e: Event) => save(renameColumn(f, c.key, (e.target as HTMLInputElement).value))}>
                </label>
                ${kindSelect(at('lk_columnKind', { n: i + 1 }), ck, (k) => save(setColumn(f, c.key, withKind(c.schema, k))))}
                ${ck === 'enum' ? html`<label>${at('lk_columnOptions', { n: i + 1 })}
                  <input .value=${columnOptionsText(c.schema)} @change=${(e: Event) => save(withColumnOptions(f, c.key, (e.target as HTMLInputElement).value))}></label>` : nothing}
                <span class="moves">
                  <button type="button" class="icon" aria-label=${at('lk_columnLeft', { name })} ?disabled=${i === 0} @click=${() => save(moveColumn(f, c.key, -1))}>←</button>
                  <button type="button" class="icon" aria-label=${at('lk_columnRight', { name })} ?disabled=${i === columns.length - 1} @click=${() => save(moveColumn(f, c.key, 1))}>→</button>
                  <button type="button" class="icon danger" aria-label=${at('lk_columnRemove', { name })} ?disabled=${columns.length <= 1} @click=${() => save(removeColumn(f, c.key))}>${at('remove')}</button>
                </span>
                ${issueNote(cp(c.key))}
              </div>`;
          })}
        </div>
        <form class="column" @submit=${add} data-testid="new-column">
          <label>${at('lk_newColumnName')}<input name="columnName" aria-invalid=${this.columnError ? 'true' : 'false'} aria-describedby=${this.columnError ? 'new-column-error' : nothing}></label>
          ${kindSelect(at('lk_newColumnKind'), this.newColumnKind, (k) => { this.newColumnKind = k; }, 'columnKind')}
          ${this.newColumnKind === 'enum' ? html`<label>${at('lk_newColumnOptions')}<input name="columnOptions" placeholder=${at('lk_defaultOptions')}></label>` : nothing}
          <button type="submit" ?disabled=${columns.length >= COLUMNS_LIMIT}>${at('lk_addColumn')}</button>
        </form>
        ${this.columnError ? html`<div class="issue" role="alert" id="new-column-error">${this.columnError}</div>` : nothing}
        ${issueNote(cp())}
      </fieldset>`;
  }

  #options(f: FieldSchema, fp: (...p: string[]) => string) {
    const holder = choiceHolder(f) ?? f;
    const values = (holder.enum ?? []).map(String);
    const labels = holder['x-enumLabels'] ?? {};
    const setOptions = (next: { value: string; zh: string; en: string }[]) => this.#edit((x) => {
      const h = choiceHolder(x) ?? x;
      h.enum = next.map((o) => o.value) as never;
      h['x-enumLabels'] = Object.fromEntries(next.map((o) => [o.value, o.en ? { 'zh-CN': o.zh || o.value, en: o.en } : { 'zh-CN': o.zh || o.value }]));
    });
    const rows = values.map((v) => ({ value: v, zh: labels[v]?.['zh-CN'] ?? '', en: labels[v]?.en ?? '' }));
    const change = (i: number, patch: Partial<(typeof rows)[number]>) => setOptions(rows.map((r, j) => (i === j ? { ...r, ...patch } : r)));
    return html`
      <fieldset class="wide" data-pointer=${ctl(fp('enum'))}>
        <legend>${at('options')}</legend>
        <div class="options">
          ${rows.map((r, i) => html`
            <div class="option">
              <input aria-label=${at('optionValue', { n: i + 1 })} class="id" .value=${r.value} @change=${(e: Event) => change(i, { value: (e.target as HTMLInputElement).value.trim() })}>
              <input aria-label=${at('optionZh', { n: i + 1 })} .value=${r.zh} data-pointer=${ctl(fp('x-enumLabels', r.value))} aria-invalid=${invalid(fp('x-enumLabels', r.value))}
                @input=${(e: Event) => change(i, { zh: (e.target as HTMLInputElement).value })}>
              <input aria-label=${at('optionEn', { n: i + 1 })} .value=${r.en} @input=${(e: Event) => change(i, { en: (e.target as HTMLInputElement).value })}>
              <button type="button" class="icon" aria-label=${at('optionRemove', { n: i + 1 })} ?disabled=${rows.length <= 1} @click=${() => setOptions(rows.filter((_, j) => j !== i))}>✕</button>
              ${issueNote(fp('x-enumLabels', r.value))}
            </div>`)}
        </div>
        <button type="button" class="icon" @click=${() => {
          let n = rows.length + 1;
          while (values.includes(`option${n}`)) n++;
          setOptions([...rows, { value: `option${n}`, zh: `选项${n}`, en: '' }]);
        }}>${at('optionAdd')}</button>
        ${issueNote(fp('enum'))}
      </fieldset>`;
  }
}

customElements.define('wy-admin-field-editor', WyAdminFieldEditor);

declare global {
  interface HTMLElementTagNameMap {
    'wy-admin-field-editor': WyAdminFieldEditor;
  }
}
