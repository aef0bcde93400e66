import { LitElement, css, html, nothing } from 'lit';
import { appState } from '../app-state.js';
import { defaultPlugin } from './default-plugin.js';
import { getLanguage, I18nController, loc, type Language } from '../i18n.js';
import { base } from '../styles.js';
import { adminStyles } from './admin-styles.js';
import { at, issueMessage } from './admin-i18n.js';
import type { FieldSchema, FormDeclaration, Text } from './admin-types.js';
import { IDENTIFIER } from './admin-types.js';
import { freshId } from './generated-ids.js';
import { declPointer, draft, DraftController } from './draft-store.js';
import {
  addField, addSection, FIELD_KINDS, fieldKind, fieldRule, formOf, moveField, moveSection, removeField, removeSection, sectionsOf,
  uiOf, unplacedFields, updateSection, withKind, type FieldKind, type FormRef,
} from './form-edit.js';
import { ctl, focusPointer, invalid, issueNote } from './issue-view.js';
import { tokensOf } from './patch.js';
import type { ConditionField } from './wy-admin-condition-editor.js';
import './wy-admin-field-editor.js';
import { syncSelects } from './select-sync.js';
import { KIND_ICONS } from './kind-icons.js';
import { newFieldKey } from './field-kinds.js';
import './wy-admin-condition-editor.js';
import '../../../forms/index.js';
// a company's own type may get more forms (its steps' forms): wy-admin-new-form.ts
import './wy-admin-new-form.js';
import { isCompanyBundle } from './company-types.js';


/**
 * Forms: pick a plugin form, then add / remove / reorder its fields, edit each field, the
 * sections of its layout and their conditions, with a live preview of the draft form.
 */
export class WyAdminFormsPage extends LitElement {
  static override properties = {
    query: { attribute: false },
    pluginId: { state: true },
    formName: { state: true },
    expanded: { state: true },
    newError: { state: true },
    previewLanguage: { state: true },
    previewValid: { state: true },
    newSection: { state: true },
    newKind: { state: true },
  };

  static override styles = [base, adminStyles, css`
    :host { display: block; }
    .layout { display: grid; grid-template-columns: minmax(0, 1.25fr) minmax(320px, 1fr); gap: 16px; align-items: start; }
    .preview { position: sticky; top: 8px; max-height: calc(100vh - 16px); overflow: auto; }
    .section-block { margin-bottom: 12px; }
    .section-title { font-size: 13px; color: var(--wy-muted); margin: 10px 0 4px; font-weight: 600; }
    .field { display: flex; gap: 8px; align-items: center; padding: 6px 8px; border: 1px solid var(--wy-border); border-radius: var(--wy-radius); margin-bottom: 4px; background: #fff; }
    .field .name { flex: 1; min-width: 0; }
    .field .name strong { font-weight: 600; }
    .field[aria-invalid='true'] { border-color: var(--wy-danger); }
    .badges { display: flex; gap: 4px; flex-wrap: wrap; }
    .palette { display: grid; grid-template-columns: repeat(auto-fill, minmax(104px, 1fr)); gap: 6px; margin-bottom: 10px; }
    .palette button { text-align: left; padding: 6px 8px; font-size: 13px; }
    .palette button[aria-checked='true'] { border-color: var(--wy-primary); background: var(--wy-primary-light, #e8f0fe); font-weight: 600; }

    .sections .sec { display: grid; grid-template-columns: 90px 1fr 1fr auto auto auto; gap: 8px; align-items: end; padding: 8px 0; border-bottom: 1px solid var(--wy-border); }
    .sections .sec > .id { align-self: center; overflow: hidden; text-overflow: ellipsis; }
    .sections .sec .cond-row { grid-column: 1 / -1; }
    .sections .sec input { width: 100%; }
    .sections .sec > .issue { grid-column: 1 / -1; }
    @media (max-width: 1000px) { .layout { grid-template-columns: 1fr; } .preview { position: static; max-height: none; } }
  `];

  declare query: URLSearchParams;
  declare pluginId: string;
  declare formName: string;
  declare expanded: string;
  declare newError: string;
  declare previewLanguage: Language;
  declare previewValid: string;
  /** the section the admin picked for the next new field ('' until they pick: the last one) */
  declare newSection: string;
  /** the kind picked in the palette for the next new field */
  declare newKind: FieldKind;
  #focused = '';

  constructor() {
    super();
    new I18nController(this);
    new DraftController(this);
    this.query = new URLSearchParams();
    this.pluginId = '';
    this.formName = '';
    this.expanded = '';
    this.newError = '';
    this.previewLanguage = getLanguage();
    this.previewValid = '';
    this.newSection = '';
    this.newKind = 'string';
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('query')) {
      const plugins = this.#plugins();
      const plugin = this.query.get('plugin');
      this.pluginId = plugin && plugins.includes(plugin) ? plugin : defaultPlugin(plugins);
      const forms = draft.names(this.pluginId, 'forms');
      const form = this.query.get('form');
      this.formName = form && forms.includes(form) ? form : this.#caseForm(this.pluginId);
      const focus = this.query.get('focus');
      if (focus) {
        const t = tokensOf(focus);
        const i = t.indexOf('properties');
        const j = t.indexOf('fields');
        const key = i >= 0 ? t[i + 1] : j >= 0 ? t[j + 1]?.split('.')[0] : undefined;
        if (key) this.expanded = key;
      }
    }
  }

  override updated(): void {
    syncSelects(this.renderRoot);
    const focus = this.query.get('focus');
    if (focus && focus !== this.#focused && focusPointer(this.renderRoot, focus)) this.#focused = focus;
  }

  #plugins() {
    return draft.pluginIds().filter((id) => draft.names(id, 'forms').length > 0);
  }

  #ref(): FormRef {
    return { pluginId: this.pluginId, form: this.formName, scope: draft.scope };
  }

  /** without a choice: the form a case of the plugin's first case type is registered with, else its first form */
  #caseForm(pluginId: string): string {
    const forms = draft.names(pluginId, 'forms');
    const caseForm = appState().caseTypes.find((c) => c.pluginId === pluginId)?.form.name ?? '';
    return forms.includes(caseForm) ? caseForm : forms[0] ?? '';
  }

  #select(plugin: string, form: string) {
    const q = new URLSearchParams(this.query);
    q.set('plugin', plugin);
    q.set('form', form);
    q.delete('focus');
    history.replaceState(null, '', `#/admin/forms?${q.toString()}`);
    this.expanded = '';
    this.newSection = '';
    this.query = q;
  }

  override render() {
    const ref = this.#ref();
    const form = formOf(ref);
    const plugins = this.#plugins();
    return html`
      <div class="toolbar">
        <label>${at('plugin')}
          <select @change=${(e: Event) => { const p = (e.target as HTMLSelectElement).value; this.#select(p, this.#caseForm(p)); }}>
            ${plugins.map((id) => html`<option value=${id} ?selected=${id === this.pluginId}>${loc(draft.decls[id]?.manifest?.title) || id}</option>`)}
          </select></label>
        <label>${at('form')}
          <select data-testid="form-picker" @change=${(e: Event) => this.#select(this.pluginId, (e.target as HTMLSelectElement).value)}>
            ${draft.names(this.pluginId, 'forms').map((n) => html`<option value=${n} ?selected=${n === this.formName}>${loc(draft.decl<FormDeclaration>(this.pluginId, 'forms', n)?.['x-label']) || n}</option>`)}
          </select></label>
        ${isCompanyBundle(this.pluginId) && !draft.scope ? html`<wy-admin-new-form .pluginId=${this.pluginId}></wy-admin-new-form>` : nothing}
        ${draft.scope ? html`<span class="badge overridden">${draft.overridden(this.pluginId, 'forms', this.formName, draft.scope) ? at('projectOverrides') : at('projectInherits')}</span>` : nothing}
      </div>
      ${form ? html`
        <div class="layout">
          <div>
            <section class="card" aria-labelledby="fields-title">
              <h2 id="fields-title">${at('fieldsOf', { form: loc(form['x-label']) || this.formName })}</h2>
              ${this.#fieldList(ref, form)}
            </section>
            ${this.#newField(ref, form)}
            ${this.#sections(ref, form)}
          </div>
          <section class="card preview" aria-labelledby="preview-title">
            <div class="card-head">
              <h2 id="preview-title">${at('preview')}</h2>
              <span class="spacer"></span>
              <label class="inline">${at('previewLanguage')}
                <select @change=${(e: Event) => { this.previewLanguage = (e.target as HTMLSelectElement).value as Language; }}>
                  <option value="zh-CN" ?selected=${this.previewLanguage === 'zh-CN'}>中文</option>
                  <option value="en" ?selected=${this.previewLanguage === 'en'}>English</option>
                </select></label>
              <button type="button" @click=${() => {
                const el = this.renderRoot.querySelector('wy-form');
                this.previewValid = el ? (el.validate() ? at('previewValid') : at('previewInvalid')) : '';
              }}>${at('previewValidate')}</button>
            </div>
            <p class="hint">${at('previewHint')}</p>
            ${this.previewValid ? html`<p class="small" role="status">${this.previewValid}</p>` : nothing}
            <wy-form data-testid="form-preview" .schema=${form} .ui=${uiOf(ref)?.ui ?? undefined} .language=${this.previewLanguage}
              .context=${{ data: {}, case: {}, actor: { staffId: appState().me.id, roles: appState().me.roles }, config: draft.decls[this.pluginId]?.manifest?.config?.defaults ?? {} }}
              .services=${previewServices}></wy-form>
          </section>
        </div>` : html`<p class="muted">${at('noForms')}</p>`}
    `;
  }

  #fieldList(ref: FormRef, form: FormDeclaration) {
    const sections = sectionsOf(ref);
    const unplaced = unplacedFields(ref);
    const row = (key: string, index: number, count: number, sectionIndex: number) => {
      const f = form.properties[key];
      if (!f) return html`<div class="field"><span class="name issue">${at('unknownFieldInLayout', { key })}</span></div>`;
      const p = declPointer(ref.scope, ref.pluginId, 'forms', ref.form, 'properties', key);
      const required = (form.required ?? []).includes(key);
      const kind = fieldKind(f);
      const open = this.expanded === key;
      const name = loc(f['x-label']) || key;
      const problems = draft.issuesWithin(p).length > 0;
      return html`
        <div class="field" data-field=${key} aria-invalid=${problems ? 'true' : 'false'}>
          <span class="name"><strong>${name}</strong> <span class="id">${key}</span></span>
          <span class="badges">
            <span class="badge">${at(`kind_${kind}`)}</span>
            ${required ? html`<span class="badge danger">${at('required')}</span>` : nothing}
            ${fieldRule(ref, key, 'visibleIf') !== undefined ? html`<span class="badge">${at('badgeVisibleIf')}</span>` : nothing}
            ${fieldRule(ref, key, 'requiredIf') !== undefined ? html`<span class="badge">${at('badgeRequiredIf')}</span>` : nothing}
          </span>
          <button type="button" class="icon" aria-label=${at('moveUp', { name })} ?disabled=${sectionIndex < 0 || (index === 0 && sectionIndex === 0)} @click=${() => moveField(ref, key, -1)}>↑</button>
          <button type="button" class="icon" aria-label=${at('moveDown', { name })} ?disabled=${sectionIndex < 0 || (index === count - 1 && sectionIndex === sections.length - 1)} @click=${() => moveField(ref, key, 1)}>↓</button>
          <button type="button" class="icon" aria-expanded=${open ? 'true' : 'false'} aria-label=${at('editField', { name })} @click=${() => { this.expanded = open ? '' : key; }}>${open ? at('collapse') : at('edit')}</button>
          <button type="button" class="icon danger" aria-label=${at('removeField', { name })} @click=${() => { if (confirm(at('removeFieldConfirm', { name }))) { removeField(ref, key); if (open) this.expanded = ''; } }}>${at('remove')}</button>
        </div>
        ${open ? html`<wy-admin-field-editor .formRef=${ref} .fieldKey=${key}></wy-admin-field-editor>`
          : problems ? html`<span class="issue" role="alert">${draft.issuesWithin(p).map((i) => html`<span>${issueMessage(i)}</span> `)}</span>` : nothing}`;
    };
    return html`
      ${sections.map((s, si) => html`
        <div class="section-block">
          <div class="section-title">${loc(s.title) || s.id}</div>
          ${s.fields.map((k, i) => row(k, i, s.fields.length, si))}
          ${s.fields.length === 0 ? html`<p class="hint">${at('emptySection')}</p>` : nothing}
        </div>`)}
      ${unplaced.length ? html`
        <div class="section-block">
          <div class="section-title">${at('unplaced')}</div>
          <p class="hint">${at('unplacedHint')}</p>
          ${unplaced.map((k, i) => row(k, i, unplaced.length, -1))}
        </div>` : nothing}
    `;
  }

  #newErrorOn: 'key' | 'zh' | null = null;

  #refuseNew(on: 'key' | 'zh', message: string) {
    this.#newErrorOn = on;
    this.newError = message;
  }

  #newField(ref: FormRef, form: FormDeclaration) {
    const sections = sectionsOf(ref);
    // the section the select shows is the one the field goes into
    const chosen = sections.some((s) => s.id === this.newSection) ? this.newSection : sections[sections.length - 1]?.id ?? '';
    const submit = (e: Event) => {
      e.preventDefault();
      const fd = new FormData(e.target as HTMLFormElement);
      const typed = String(fd.get('key') ?? '').trim();
      const zh = String(fd.get('zh') ?? '').trim();
      const en = String(fd.get('en') ?? '').trim();
      const kind = this.newKind;
      // the key is optional: without one the builder picks a free one (fields are shown by their titles)
      if (typed && !IDENTIFIER.test(typed)) { this.#refuseNew('key', at('keyInvalid')); return; }
      if (typed && form.properties[typed]) { this.#refuseNew('key', at('keyTaken', { key: typed })); return; }
      if (!zh) { this.#refuseNew('zh', at('labelRequired')); return; }
      // a case's forms write into one data object: a generated key must be free in every form of the type,
      // or a second form's field would overwrite the first's (拜访日期 over 被拜访房屋)
      const bundleKeys = draft.names(ref.pluginId, 'forms').flatMap((n) => Object.keys(draft.decl<FormDeclaration>(ref.pluginId, 'forms', n)?.properties ?? {}));
      const key = typed || newFieldKey('', [...Object.keys(form.properties), ...bundleKeys]);
      const label: Text = en ? { 'zh-CN': zh, en } : { 'zh-CN': zh };
      const field: FieldSchema = withKind({ type: 'string', 'x-label': label } as FieldSchema, kind);
      const max = Number(fd.get('maxLength'));
      if ((kind === 'string' || kind === 'textarea') && max > 0) field.maxLength = max;
      addField(ref, key, field, fd.get('required') === 'on', chosen);
      this.newError = '';
      this.#newErrorOn = null;
      this.expanded = key;
      (e.target as HTMLFormElement).reset();
    };
    // the message belongs to the control that caused it: marked invalid and described by it
    const invalid = (name: 'key' | 'zh') => (this.newError && this.#newErrorOn === name ? 'true' : 'false');
    const describedBy = (name: 'key' | 'zh') => (this.newError && this.#newErrorOn === name ? 'new-field-error' : nothing);
    const kind = this.newKind;
    return html`
      <section class="card" aria-labelledby="new-field-title">
        <h2 id="new-field-title">${at('addField')}</h2>
        <form @submit=${submit} data-testid="new-field">
          <div class="palette" role="radiogroup" aria-label=${at('fieldPalette')}>
            ${FIELD_KINDS.map((k) => html`<button type="button" role="radio" data-kind=${k} aria-checked=${this.newKind === k ? 'true' : 'false'}
              @click=${() => { this.newKind = k; }}><span aria-hidden="true">${KIND_ICONS[k]}</span> ${at(`kind_${k}`)}</button>`)}
          </div>
          <div class="row">
          <label>${at('labelZh')}<input name="zh" required aria-invalid=${invalid('zh')} aria-describedby=${describedBy('zh')}></label>
          <label>${at('labelEn')}<input name="en"></label>
          ${kind === 'string' || kind === 'textarea' ? html`<label>${at('maxLength')}<input name="maxLength" type="number" min="1" class="num" placeholder=${kind === 'string' ? '100' : '1000'}></label>` : nothing}
          <label>${at('fieldKeyOptional')}<input name="key" pattern="[a-z][a-zA-Z0-9]*" placeholder=${at('fieldKeyAuto')} class="id" aria-invalid=${invalid('key')} aria-describedby=${describedBy('key')}></label>
          <label>${at('section')}<select name="section" data-value=${chosen} @change=${(e: Event) => { this.newSection = (e.target as HTMLSelectElement).value; }}>${sections.map((s) => html`<option value=${s.id} ?selected=${s.id === chosen}>${loc(s.title) || s.id}</option>`)}</select></label>
          <label class="inline"><input type="checkbox" name="required">${at('required')}</label>
          <button type="submit" class="primary">${at('add')}</button>
          </div>
        </form>
        ${this.newError ? html`<div class="issue" role="alert" id="new-field-error">${this.newError}</div>` : nothing}
        <p class="hint">${at('keyHint')}</p>
      </section>`;
  }

  #sections(ref: FormRef, form: FormDeclaration) {
    const found = uiOf(ref);
    const sections = sectionsOf(ref);
    const uiName = found?.name ?? ref.form;
    const sp = (i: number, ...path: string[]) => declPointer(ref.scope, ref.pluginId, 'ui', uiName, 'sections', i, ...path);
    const fields: ConditionField[] = Object.entries(form.properties).map(([key, schema]) => ({ key, schema }));
    const setTitle = (i: number, lang: 'zh-CN' | 'en', v: string) => updateSection(ref, i, (s) => {
      const title: Partial<Text> = { ...s.title };
      if (v.trim()) title[lang] = v;
      else delete title[lang];
      s.title = title as Text;
    });
    const add = (e: Event) => {
      e.preventDefault();
      const fd = new FormData(e.target as HTMLFormElement);
      const zh = String(fd.get('zh') ?? '').trim();
      const en = String(fd.get('en') ?? '').trim();
      if (!zh || sections.some((s) => s.title?.['zh-CN'] === zh)) { this.newError = at('sectionInvalid'); return; }
      // the section's id is made up, never typed (generated-ids.ts), and kept when its title changes
      const id = freshId('section', sections.map((s) => s.id));
      this.newError = '';
      addSection(ref, id, en ? { 'zh-CN': zh, en } : { 'zh-CN': zh });
      (e.target as HTMLFormElement).reset();
    };
    return html`
      <section class="card sections" aria-labelledby="sections-title">
        <h2 id="sections-title">${at('sections')}</h2>
        ${found ? nothing : html`<p class="hint">${at('noUiYet')}</p>`}
        <div data-pointer=${ctl(declPointer(ref.scope, ref.pluginId, 'ui', uiName, 'sections'))}>${issueNote(declPointer(ref.scope, ref.pluginId, 'ui', uiName, 'sections'))}</div>
        ${sections.map((s, i) => html`
          <div class="sec" data-pointer=${ctl(sp(i))}>
            <label>${at('labelZh')}<input .value=${s.title?.['zh-CN'] ?? ''} data-pointer=${ctl(sp(i, 'title', 'zh-CN'))} aria-invalid=${invalid(sp(i, 'title', 'zh-CN'))}
              @input=${(e: Event) => setTitle(i, 'zh-CN', (e.target as HTMLInputElement).value)}>${issueNote(sp(i, 'title', 'zh-CN'))}</label>
            <label>${at('labelEn')}<input .value=${s.title?.en ?? ''} @input=${(e: Event) => setTitle(i, 'en', (e.target as HTMLInputElement).value)}></label>
            <button type="button" class="icon" aria-label=${at('moveUp', { name: loc(s.title) })} ?disabled=${i === 0} @click=${() => moveSection(ref, i, -1)}>↑</button>
            <button type="button" class="icon" aria-label=${at('moveDown', { name: loc(s.title) })} ?disabled=${i === sections.length - 1} @click=${() => moveSection(ref, i, 1)}>↓</button>
            <button type="button" class="icon danger" ?disabled=${sections.length <= 1} @click=${() => removeSection(ref, i)}>${at('remove')}</button>
            <div class="cond-row">
              <wy-admin-condition-editor .label=${at('sectionVisibleIf')} .rule=${s.visibleIf} .fields=${fields} .pointer=${sp(i, 'visibleIf')}
                @wy-rule-change=${(e: CustomEvent<{ rule: unknown }>) => updateSection(ref, i, (sec) => { if (e.detail.rule === undefined) delete sec.visibleIf; else sec.visibleIf = e.detail.rule as never; })}></wy-admin-condition-editor>
            </div>
            ${issueNote(sp(i))}
          </div>`)}
        <form class="row" @submit=${add} style="margin-top:10px">
          <label>${at('labelZh')}<input name="zh" required></label>
          <label>${at('labelEn')}<input name="en"></label>
          <button type="submit">${at('addSection')}</button>
        </form>
      </section>`;
  }
}

/** The preview has no household: pickers and uploads answer with nothing. */
const previewServices = {
  searchUnits: async () => [],
  searchPeople: async () => [],
  uploadAttachment: async () => { throw new Error('preview'); },
};

customElements.define('wy-admin-forms-page', WyAdminFormsPage);

declare global {
  interface HTMLElementTagNameMap {
    'wy-admin-forms-page': WyAdminFormsPage;
  }
}
