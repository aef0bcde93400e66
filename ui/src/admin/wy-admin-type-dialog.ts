import { LitElement, css, html, nothing } from 'lit';
import { I18nController, loc } from '../i18n.js';
import { navigate, href } from '../router.js';
import { base } from '../styles.js';
import { adminStyles } from './admin-styles.js';
import { at } from './admin-i18n.js';
import './types-i18n.js';
import type { Text, WorkflowDeclaration } from './admin-types.js';
import { companyBundleId, companyCaseTypeOf, isCompanyBundle } from './company-types.js';
import { draft, DraftController } from './draft-store.js';
import { suggestSerialPrefix } from './generated-ids.js';
import {
  buildNewType, checkNewType, checkTypeAnswers, reportFieldChoices, reportFieldsOf, takenPrefixes, typeChoices, withAnswers, withReportFields,
  type ReportFields, type TypeErrors,
} from './new-type.js';
import type { FormDeclaration } from './admin-types.js';
import { syncSelects } from './select-sync.js';

type Field = keyof TypeErrors;

/**
 * 新建业务类型 / 业务类型设置: a dialog where the admin names a case type of the company's own,
 * gives its serial prefix (one is suggested), starts it blank or as a copy of any existing type,
 * and picks the roles that may register one. Every id is generated (new-type.ts). A created type
 * goes into the draft and the forms page opens on its registration form; nothing is in force
 * before the admin checks, dry-runs and activates. In settings mode the same fields change a
 * company type already in the draft. Each refusal is shown on its own field, in words.
 * Dispatches `wy-type-done` with `{ message }` for the shell's notice.
 */
export class WyAdminTypeDialog extends LitElement {
  static override properties = {
    mode: { state: true },
    caseType: { state: true },
    typeTitle: { state: true },
    prefix: { state: true },
    from: { state: true },
    copying: { state: true },
    roles: { state: true },
    errors: { state: true },
    report: { state: true },
  };

  static override styles = [base, adminStyles, css`
    dialog { max-width: 560px; width: calc(100vw - 32px); box-sizing: border-box; border: 1px solid var(--wy-border); border-radius: var(--wy-radius); padding: 18px; }
    dialog::backdrop { background: rgba(15, 23, 42, 0.35); }
    h2 { margin: 0 0 6px; }
    form { display: flex; flex-direction: column; gap: 12px; }
    .field { display: flex; flex-direction: column; gap: 4px; }
    .field label { display: flex; flex-direction: column; gap: 4px; }
    .field input, .field select { width: 100%; box-sizing: border-box; }
    input.prefix { max-width: 120px; text-transform: uppercase; }
    .radios { display: flex; flex-direction: column; gap: 6px; }
    .radios label, .chips label { flex-direction: row; align-items: center; gap: 6px; }
    .chips { max-height: 180px; overflow: auto; }
    .actions { display: flex; gap: 8px; justify-content: flex-end; }
  `];

  declare mode: 'new' | 'edit';
  /** settings mode: the company type being changed */
  declare caseType: string;
  declare typeTitle: string;
  declare prefix: string;
  declare from: string;
  declare copying: boolean;
  declare roles: string[];
  declare errors: TypeErrors;
  /** settings mode: the list title and the fields the monthly report counts by */
  declare report: ReportFields;

  constructor() {
    super();
    new I18nController(this);
    new DraftController(this);
    this.mode = 'new';
    this.caseType = '';
    this.typeTitle = '';
    this.prefix = '';
    this.from = '';
    this.copying = false;
    this.roles = [];
    this.errors = {};
    this.report = { titleField: '', summaryFields: [], severityField: '', unitField: '', personField: '' };
  }

  /** The company's own types in the draft (what settings mode can change). */
  static companyTypes(): string[] {
    return draft.pluginIds().filter(isCompanyBundle).map(companyCaseTypeOf);
  }

  openNew(): void {
    this.mode = 'new';
    this.caseType = '';
    this.typeTitle = '';
    this.prefix = suggestSerialPrefix(takenPrefixes(draft.decls));
    this.from = '';
    this.copying = false;
    this.roles = [];
    this.errors = {};
    this.#show();
  }

  /** Settings of a company type (the given one, else the first). */
  openEdit(caseType?: string): void {
    const types = WyAdminTypeDialog.companyTypes();
    this.mode = 'edit';
    this.#fill(caseType && types.includes(caseType) ? caseType : types[0] ?? '');
    this.#show();
  }

  #fill(caseType: string) {
    const wf = this.#workflow(caseType);
    this.caseType = caseType;
    this.typeTitle = (wf?.title as Text | undefined)?.['zh-CN'] ?? '';
    this.prefix = (wf as { serialPrefix?: string } | undefined)?.serialPrefix ?? '';
    this.roles = [...(wf?.createRoles ?? [])];
    this.report = wf ? reportFieldsOf(wf) : { titleField: '', summaryFields: [], severityField: '', unitField: '', personField: '' };
    this.errors = {};
  }

  #workflow(caseType: string): WorkflowDeclaration | undefined {
    return caseType ? draft.decl<WorkflowDeclaration>(companyBundleId(caseType), 'workflows', caseType, null) : undefined;
  }

  #show() {
    void this.updateComplete.then(() => {
      const dialog = this.renderRoot.querySelector('dialog');
      if (dialog && !dialog.open) dialog.showModal();
      this.renderRoot.querySelector<HTMLInputElement>('input[name="title"]')?.focus();
    });
  }

  #close() {
    this.renderRoot.querySelector('dialog')?.close();
  }

  override updated(): void {
    syncSelects(this.renderRoot);
  }

  /** Roles offered: the draft's roles except those merged into another. */
  #roleChoices(): [string, string][] {
    return Object.entries(draft.roles).filter(([, r]) => !r.mergedInto).map(([id, r]) => [id, loc(r.title) || id]);
  }

  #submit(e: Event) {
    e.preventDefault();
    const roleIds = Object.keys(draft.roles);
    const answers = { title: this.typeTitle, prefix: this.prefix.trim().toUpperCase(), roles: this.roles };
    if (this.mode === 'new') {
      const all = { ...answers, from: this.copying ? this.from : '' };
      const errors = checkNewType(all, draft.decls, roleIds);
      if (this.copying && !this.from) errors.from = 'nt_fromUnknown';
      this.errors = errors;
      if (Object.keys(errors).length) return this.#focusError();
      const { caseType, def } = buildNewType(all, draft.decls, (p) => draft.settings(p, null));
      draft.addCompanyType(caseType, def);
      this.#close();
      this.dispatchEvent(new CustomEvent('wy-type-done', { detail: { message: at('nt_created', { title: answers.title.trim() }) }, bubbles: true, composed: true }));
      navigate(href('/admin/forms', { plugin: companyBundleId(caseType), form: def.workflow.form }));
      return;
    }
    const errors = checkTypeAnswers(answers, draft.decls, roleIds, this.caseType);
    this.errors = errors;
    if (Object.keys(errors).length) return this.#focusError();
    const bundle = companyBundleId(this.caseType);
    const wf = this.#workflow(this.caseType);
    if (wf) draft.setDecl(bundle, 'workflows', this.caseType, withReportFields(withAnswers(wf, answers), this.report), null);
    // the pickers show a company type by its bundle's title, which is its workflow's
    const manifest = draft.decls[bundle]?.manifest as { title?: Text } | undefined;
    if (manifest) manifest.title = { 'zh-CN': answers.title.trim() };
    this.#close();
    this.dispatchEvent(new CustomEvent('wy-type-done', { detail: { message: at('nt_saved', { title: answers.title.trim() }) }, bubbles: true, composed: true }));
  }

  #focusError() {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  }

  #err(field: Field) {
    const key = this.errors[field];
    return key ? html`<span class="issue" role="alert" id=${`err-${field}`}>${at(key)}</span>` : nothing;
  }

  #inv(field: Field) {
    return this.errors[field] ? 'true' : 'false';
  }

  #desc(field: Field) {
    return this.errors[field] ? `err-${field}` : nothing;
  }

  #clear(field: Field) {
    if (!this.errors[field]) return;
    const { [field]: _gone, ...rest } = this.errors;
    this.errors = rest;
  }

  /** 列表标题字段, 月报统计字段, 严重程度字段: chosen among the type's fields by their titles. */
  #reportFields() {
    const wf = this.#workflow(this.caseType);
    if (!wf) return nothing;
    const bundle = companyBundleId(this.caseType);
    const forms = Object.fromEntries(draft.names(bundle, 'forms', null).map((n) => [n, draft.decl<FormDeclaration>(bundle, 'forms', n, null)]));
    const choices = reportFieldChoices(wf, forms);
    const r = this.report;
    const set = (patch: Partial<ReportFields>) => { this.report = { ...r, ...patch }; };
    return html`
      <div class="field"><label>${at('nt_titleField')}
        <select name="titleField" data-value=${r.titleField} @change=${(e: Event) => set({ titleField: (e.target as HTMLSelectElement).value })}>
          <option value="">${at('nt_none')}</option>
          ${choices.title.map((c) => html`<option value=${c.key} ?selected=${c.key === r.titleField}>${c.title}</option>`)}
        </select></label></div>
      <fieldset>
        <legend>${at('nt_summaryFields')}</legend>
        ${choices.summary.length ? html`<div class="chips">
          ${choices.summary.map((c) => html`<label><input type="checkbox" .checked=${r.summaryFields.includes(c.key)}
            @change=${(e: Event) => set({ summaryFields: (e.target as HTMLInputElement).checked ? [...r.summaryFields, c.key] : r.summaryFields.filter((k) => k !== c.key) })}>${c.title}</label>`)}
        </div>` : html`<span class="hint">${at('nt_noSummaryFields')}</span>`}
      </fieldset>
      <div class="field"><label>${at('nt_severityField')}
        <select name="severityField" data-value=${r.severityField} @change=${(e: Event) => set({ severityField: (e.target as HTMLSelectElement).value })}>
          <option value="">${at('nt_none')}</option>
          ${choices.severity.map((c) => html`<option value=${c.key} ?selected=${c.key === r.severityField}>${c.title}</option>`)}
        </select></label></div>
      ${this.#householdField('unitField', at('nt_unitField'), choices.unit)}
      ${this.#householdField('personField', at('nt_personField'), choices.person)}`;
  }

  /** 案件房屋 / 案件住户: which 房屋 / 住户 field of the registration form is the case's own (header, lists, household archive). */
  #householdField(key: 'unitField' | 'personField', label: string, choices: { key: string; title: string }[]) {
    const value = this.report[key];
    if (!choices.length && !value) return nothing;
    return html`<div class="field"><label>${label}
      <select name=${key} data-value=${value} @change=${(e: Event) => { this.report = { ...this.report, [key]: (e.target as HTMLSelectElement).value }; }}>
        <option value="">${at('nt_householdPicker')}</option>
        ${choices.map((c) => html`<option value=${c.key} ?selected=${c.key === value}>${c.title}</option>`)}
      </select></label><span class="hint">${at('nt_householdFieldHint')}</span></div>`;
  }

  override render() {
    const editing = this.mode === 'edit';
    const heading = editing ? at('nt_dialogEdit') : at('nt_dialogNew');
    const choices = typeChoices(draft.decls);
    const companyTypes = WyAdminTypeDialog.companyTypes();
    return html`
      <dialog aria-labelledby="type-dialog-title" data-testid="type-dialog" @close=${() => { this.errors = {}; }}>
        <h2 id="type-dialog-title">${heading}</h2>
        <p class="hint">${editing ? at('nt_editHint') : at('nt_hint')}</p>
        <form @submit=${this.#submit} novalidate>
          ${editing ? html`
            <div class="field"><label>${at('nt_whichType')}
              <select name="caseType" data-value=${this.caseType} @change=${(e: Event) => this.#fill((e.target as HTMLSelectElement).value)}>
                ${companyTypes.map((t) => html`<option value=${t} ?selected=${t === this.caseType}>${loc(this.#workflow(t)?.title) || t}</option>`)}
              </select></label></div>` : nothing}
          <div class="field">
            <label>${at('nt_title')}
              <input name="title" maxlength="40" autocomplete="off" .value=${this.typeTitle} aria-invalid=${this.#inv('title')} aria-describedby=${this.#desc('title')}
                @input=${(e: Event) => { this.typeTitle = (e.target as HTMLInputElement).value; this.#clear('title'); }}></label>
            ${this.#err('title')}</div>
          <div class="field">
            <label>${at('nt_prefix')}
              <input name="prefix" class="prefix" maxlength="4" autocomplete="off" .value=${this.prefix} aria-invalid=${this.#inv('prefix')} aria-describedby=${this.#desc('prefix') === nothing ? 'prefix-hint' : `prefix-hint err-prefix`}
                @input=${(e: Event) => { this.prefix = (e.target as HTMLInputElement).value.toUpperCase(); this.#clear('prefix'); }}></label>
            <span class="hint" id="prefix-hint">${at('nt_prefixHint')}</span>
            ${this.#err('prefix')}</div>
          ${editing ? nothing : html`
            <fieldset>
              <legend>${at('nt_start')}</legend>
              <div class="radios" role="radiogroup" aria-label=${at('nt_start')}>
                <label><input type="radio" name="start" value="blank" .checked=${!this.copying} @change=${() => { this.copying = false; this.#clear('from'); }}>${at('nt_blank')}</label>
                <label><input type="radio" name="start" value="copy" .checked=${this.copying} @change=${() => { this.copying = true; }}>${at('nt_copy')}</label>
              </div>
              <div class="field" style="margin-top:6px"><label>${at('nt_copyFrom')}
                <select name="from" data-value=${this.from} ?disabled=${!this.copying} aria-invalid=${this.#inv('from')} aria-describedby=${this.#desc('from')}
                  @change=${(e: Event) => { this.from = (e.target as HTMLSelectElement).value; this.#clear('from'); }}>
                  <option value="">${at('nt_fromPick')}</option>
                  ${choices.map((c) => html`<option value=${c.value} ?selected=${c.value === this.from}>${c.title}</option>`)}
                </select></label>
                ${this.#err('from')}</div>
            </fieldset>`}
          <fieldset aria-invalid=${this.#inv('roles')} aria-describedby=${this.#desc('roles')}>
            <legend>${at('nt_roles')}</legend>
            <div class="chips">
              ${this.#roleChoices().map(([id, title]) => html`<label><input type="checkbox" name="roles" value=${id} .checked=${this.roles.includes(id)}
                @change=${(e: Event) => { const on = (e.target as HTMLInputElement).checked; this.roles = on ? [...this.roles, id] : this.roles.filter((r) => r !== id); this.#clear('roles'); }}>${title}</label>`)}
            </div>
            ${this.#err('roles')}
          </fieldset>
          ${editing ? this.#reportFields() : nothing}
          <div class="actions">
            <button type="button" @click=${() => this.#close()}>${at('nt_cancel')}</button>
            <button type="submit" class="primary">${editing ? at('nt_save') : at('nt_create')}</button>
          </div>
        </form>
      </dialog>`;
  }
}

customElements.define('wy-admin-type-dialog', WyAdminTypeDialog);

declare global {
  interface HTMLElementTagNameMap {
    'wy-admin-type-dialog': WyAdminTypeDialog;
  }
}
