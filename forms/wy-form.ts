import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { formModel, type FieldRef, type FormIssue, type FormModel, type LocalizedIssues, type RuleState } from './form-model.js';
import { msg } from './messages.js';
import { getAt, jsonClone, pathToPointer, setAt } from './pointer.js';
import { applyDefaults, applyPrefills } from './prefill.js';
import { renderField, type FieldBlurDetail, type FieldChangeDetail, type FieldHost, type FieldView } from './render-field.js';
import { fieldStyles, tokens } from './styles.js';
import type { FormContext, FormDeclaration, FormServices, Language, ServerIssue, UiDeclaration } from './types.js';
import { DEFAULT_TIME_ZONE, resolveTimeZone } from './values.js';
import { getWidget, registerDefaultWidgets, resolveWidget } from './widget-registry.js';
import { gridStyles } from './widgets/container-styles.js';
import './widgets/index.js';

registerDefaultWidgets();

export interface FormValueDetail {
  value: Record<string, unknown>;
}

/**
 * A web form generated from a form declaration (JSON Schema) and its ui declaration: sections,
 * widgets picked by the registry, conditional fields, computed values and required-if rules
 * evaluated with the server's rule engine, and validation with the server's ajv configuration.
 *
 * Errors show under a field once it has been edited and left, and for every field after
 * `validate()` (or a submit); server issues (`errors`) show at once, on their field when the
 * pointer is `/data/<field>`, otherwise in the box above the form.
 *
 * @fires wy-change - detail `{ value }` (what getValue() returns) after every edit
 * @fires wy-submit - detail `{ value }` when the submit button is used and validate() passes
 */
export class WyForm extends LitElement {
  static override properties = {
    schema: { attribute: false },
    ui: { attribute: false },
    value: { attribute: false },
    language: { type: String, reflect: true },
    context: { attribute: false },
    errors: { attribute: false },
    services: { attribute: false },
    submitLabel: { type: String, attribute: 'submit-label' },
    disabled: { type: Boolean, reflect: true },
    timeZone: { type: String, attribute: 'time-zone' },
    data: { state: true },
    showAll: { state: true },
    touched: { state: true },
    dismissed: { state: true },
  };

  static override styles = [
    tokens,
    fieldStyles,
    gridStyles,
    css`
      :host {
        display: block;
      }
      form {
        display: flex;
        flex-direction: column;
        gap: 14px;
      }
      section {
        border: 1px solid var(--wy-border, #c3c8d0);
        border-radius: var(--wy-radius, 4px);
        background: var(--wy-bg, #fff);
        padding: 10px 14px 14px;
      }
      h3 {
        font-size: 14px;
        font-weight: 700;
        margin: 0 0 10px;
        padding-bottom: 6px;
        border-bottom: 1px solid var(--wy-bg-subtle, #f5f6f8);
        color: var(--wy-text, #1f2329);
      }
      .form-errors {
        border: 1px solid var(--wy-error, #c4281c);
        background: var(--wy-error-bg, #fdf1f0);
        color: var(--wy-error, #c4281c);
        border-radius: var(--wy-radius, 4px);
        padding: 8px 12px;
        font-size: 13px;
      }
      .form-errors:focus {
        outline: 2px solid var(--wy-error, #c4281c);
        outline-offset: 1px;
      }
      .form-errors p {
        margin: 0 0 4px;
        font-weight: 600;
      }
      .form-errors ul {
        margin: 0;
        padding-inline-start: 18px;
      }
      .actions {
        display: flex;
        justify-content: flex-end;
        gap: 8px;
      }
      button[type='submit'] {
        min-height: 34px;
        padding: 4px 22px;
        font-size: 14px;
        font-weight: 600;
        background: var(--wy-accent, #1a5fd0);
        border-color: var(--wy-accent, #1a5fd0);
        color: var(--wy-accent-text, #fff);
      }
      button[type='submit']:hover:not(:disabled) {
        filter: brightness(1.1);
        color: var(--wy-accent-text, #fff);
      }
      .missing-widget {
        color: var(--wy-error, #c4281c);
        font-size: 12px;
        margin: 0;
      }
    `,
  ];

  /** the form declaration (*.form.json) */
  declare schema: FormDeclaration | undefined;
  /** the ui declaration (*.ui.json); without one, one section lists every field in schema order */
  declare ui: UiDeclaration | undefined;
  /** initial data; setting a different value replaces what the form holds (an equal one is ignored) */
  declare value: Record<string, unknown> | undefined;
  declare language: Language;
  /** what rules see besides the form: `{ data: {...context.data, ...form}, case, actor, config }` */
  declare context: FormContext | undefined;
  /** issues from the server's last answer; pointers relative to the request body (`/data/contactPhone`) */
  declare errors: ServerIssue[] | undefined;
  declare services: FormServices | undefined;
  /** when set, a submit button with this text is rendered */
  declare submitLabel: string | undefined;
  declare disabled: boolean;
  /** IANA zone date-times are typed in ('Asia/Shanghai' by default; 'browser' for the browser's zone) */
  declare timeZone: string;

  /** the data being edited (hidden fields kept, so showing a field again brings its value back) */
  declare private data: Record<string, unknown>;
  /** every field shows its errors (after validate()) */
  declare private showAll: boolean;
  /** pointers edited and then left: they show their errors */
  declare private touched: ReadonlySet<string>;
  /** server issues no longer shown because their field was edited since */
  declare private dismissed: ReadonlySet<string>;
  private edited = new Set<string>();
  private valueJson = '{}';
  /** what prefill put where (path → JSON), so a changed source replaces only its own value */
  private filled = new Map<string, string>();
  /** when the form was opened (or given a new value): what a `now` prefill means */
  private openedAt = new Date();
  /** the model whose schema defaults were applied to the current data */
  private defaultsModel: FormModel | undefined;
  private announcePrefill = false;

  constructor() {
    super();
    this.schema = undefined;
    this.ui = undefined;
    this.value = undefined;
    this.language = 'zh-CN';
    this.context = undefined;
    this.errors = undefined;
    this.services = undefined;
    this.submitLabel = undefined;
    this.disabled = false;
    this.timeZone = DEFAULT_TIME_ZONE;
    this.data = {};
    this.showAll = false;
    this.touched = new Set();
    this.dismissed = new Set();
  }

  private get model(): FormModel | undefined {
    return this.schema ? formModel(this.schema, this.ui) : undefined;
  }

  private get uiLanguage(): Language {
    return this.language === 'en' ? 'en' : 'zh-CN';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('value')) {
      // a host re-rendering with an equal object literal must not wipe what the user typed
      const json = JSON.stringify(this.value ?? {});
      if (json !== this.valueJson) {
        this.valueJson = json;
        this.data = this.value && typeof this.value === 'object' ? jsonClone(this.value) : {};
        this.filled = new Map();
        this.openedAt = new Date();
        this.defaultsModel = undefined;
      }
    }
    if (changed.has('schema') || changed.has('ui')) {
      this.showAll = false;
      this.touched = new Set();
      this.edited = new Set();
    }
    if (changed.has('errors')) this.dismissed = new Set();
    this.fillIn();
  }

  /** Schema defaults into a new form, and the ui's prefills from the context (the picked resident, the staff member, now). */
  private fillIn(): void {
    const model = this.model;
    if (!model) return;
    const next = jsonClone(this.data);
    let changed = false;
    if (this.defaultsModel !== model) {
      this.defaultsModel = model;
      changed = applyDefaults(model, next);
    }
    const edited = (path: string) => this.edited.has(pathToPointer(path));
    changed = applyPrefills(model, next, this.filled, edited, { context: this.context, openedAt: this.openedAt, timeZone: resolveTimeZone(this.timeZone) }) || changed;
    if (!changed) return;
    this.data = next;
    this.announcePrefill = true;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (!this.announcePrefill) return;
    this.announcePrefill = false;
    this.dispatchEvent(new CustomEvent<FormValueDetail>('wy-change', { detail: { value: this.getValue() }, bubbles: true, composed: true }));
  }

  /** The data as the server will accept it: computed values applied, hidden fields removed. */
  getValue(): Record<string, unknown> {
    return this.model ? this.model.getValue(this.data, this.context) : {};
  }

  /**
   * Checks the form with the server's ajv configuration and the ui rules, shows every error and
   * focuses the first invalid field (or the error box). Returns whether the form is valid.
   */
  validate(): boolean {
    const model = this.model;
    if (!model) return false;
    const result = model.check(this.data, this.context);
    const valid = result.valid && model.problems.length === 0;
    this.showAll = true;
    // after this render and the widgets' own (nested widgets render in later microtasks)
    if (!valid) void this.updateComplete.then(() => setTimeout(() => this.focusFirstInvalid(), 0));
    return valid;
  }

  // --- events -------------------------------------------------------------------------------------

  private onFieldChange(e: CustomEvent<FieldChangeDetail>): void {
    e.stopPropagation();
    const { pointer, value } = e.detail;
    const next = jsonClone(this.data);
    setAt(next, pointer, value === undefined ? undefined : jsonClone(value));
    this.data = next;
    this.edited.add(pointer);
    // the field was edited: the server's word about it is stale
    const stale = (this.errors ?? []).filter((i) => i.pointer === `/data${pointer}` || i.pointer.startsWith(`/data${pointer}/`)).map((i) => i.pointer);
    if (stale.length) this.dismissed = new Set([...this.dismissed, ...stale]);
    this.dispatchEvent(new CustomEvent<FormValueDetail>('wy-change', { detail: { value: this.getValue() }, bubbles: true, composed: true }));
  }

  private onFieldBlur(e: CustomEvent<FieldBlurDetail>): void {
    // the focus left a widget: what was edited in it now shows its errors
    e.stopPropagation();
    const { pointer } = e.detail;
    if (!pointer || this.touched.has(pointer)) return;
    const edited = [...this.edited].some((p) => p === pointer || p.startsWith(pointer + '/'));
    if (edited) this.touched = new Set([...this.touched, pointer]);
  }

  private onSubmit(e: Event): void {
    e.preventDefault();
    if (this.disabled) return;
    if (!this.validate()) return;
    this.dispatchEvent(new CustomEvent<FormValueDetail>('wy-submit', { detail: { value: this.getValue() }, bubbles: true, composed: true }));
  }

  // --- focus --------------------------------------------------------------------------------------

  /** Depth-first through the widgets' shadow roots: the first widget showing an error, else the error box. */
  private focusFirstInvalid(): void {
    const find = (root: ParentNode): HTMLElement | undefined => {
      for (const el of root.querySelectorAll<HTMLElement>('[data-pointer]')) {
        const inner = el.shadowRoot ? find(el.shadowRoot) : undefined;
        if (inner) return inner;
        if (el.hasAttribute('invalid')) return el;
      }
      return undefined;
    };
    const target = find(this.renderRoot) ?? this.renderRoot.querySelector<HTMLElement>('.form-errors') ?? undefined;
    if (!target) return;
    target.scrollIntoView?.({ block: 'center' });
    target.focus();
  }

  // --- rendering ----------------------------------------------------------------------------------

  private issues(model: FormModel, state: RuleState): LocalizedIssues {
    const local: FormIssue[] = [];
    const { issues } = model.check(this.data, this.context);
    const shown = (pointer: string) => this.showAll || [...this.touched].some((t) => pointer === t || pointer.startsWith(t + '/'));
    for (const issue of issues) if (shown(issue.pointer)) local.push(issue);
    const server = model.fromServer((this.errors ?? []).filter((i) => !this.dismissed.has(i.pointer)));
    const localized = model.localize([...model.problems, ...local, ...server], this.uiLanguage, state);
    return localized;
  }

  override render() {
    const model = this.model;
    if (!model) return nothing;
    const language = this.uiLanguage;
    const state = model.evaluate(this.data, this.context);
    const issues = this.issues(model, state);
    const zone = resolveTimeZone(this.timeZone);
    const views = new Map<string, FieldView>();
    const host: FieldHost = {
      model,
      language,
      context: this.context,
      services: this.services,
      timeZone: zone,
      disabled: this.disabled,
      valueAt: (pointer) => getAt(state.data, pointer),
      view: (ref: FieldRef) => {
        const cached = views.get(ref.pointer);
        if (cached) return cached;
        const uiOptions = model.uiOptions(ref);
        const widget = resolveWidget(ref.schema, uiOptions, ref.path);
        let error = issues.fields.get(ref.pointer);
        if (error === undefined && widget && !widget.container) {
          // a leaf widget (checkbox group, attachment list) shows the problems of its items too
          for (const [pointer, message] of issues.fields) {
            if (pointer.startsWith(ref.pointer + '/')) {
              error = message;
              break;
            }
          }
        }
        const view: FieldView = {
          visible: ref.index !== undefined || !model.isHidden(state, ref.path),
          label: model.label(ref, language),
          help: model.help(ref, language),
          placeholder: model.placeholder(ref, language),
          error,
          required: model.isRequired(state, ref),
          readOnly: model.isReadOnly(state, ref),
          uiOptions,
          widget: widget ?? getWidget('text'),
        };
        views.set(ref.pointer, view);
        return view;
      },
    };
    return html`<form novalidate @submit=${this.onSubmit} @wy-field-change=${this.onFieldChange} @wy-field-blur=${this.onFieldBlur} aria-label=${model.formTitle(language)}>
      ${issues.form.length
        ? html`<div class="form-errors" role="alert" tabindex="-1">
            <p>${msg(language, 'formErrorsTitle')}</p>
            <ul>
              ${issues.form.map((m) => html`<li>${m}</li>`)}
            </ul>
          </div>`
        : nothing}
      ${model.sections.map((section) =>
        state.hiddenSections.has(section.id)
          ? nothing
          : html`<section aria-labelledby=${`section-${section.id}`} data-section=${section.id}>
              <h3 id=${`section-${section.id}`}>${model.sectionTitle(section, language)}</h3>
              <div class="grid">${section.fields.map((ref) => renderField(host, ref))}</div>
            </section>`,
      )}
      ${this.submitLabel ? html`<div class="actions"><button type="submit" ?disabled=${this.disabled}>${this.submitLabel}</button></div>` : nothing}
    </form>`;
  }
}

customElements.get('wy-form') ?? customElements.define('wy-form', WyForm);

declare global {
  interface HTMLElementTagNameMap {
    'wy-form': WyForm;
  }
  interface HTMLElementEventMap {
    'wy-change': CustomEvent<FormValueDetail>;
    'wy-submit': CustomEvent<FormValueDetail>;
    'wy-field-change': CustomEvent<FieldChangeDetail>;
    'wy-field-blur': CustomEvent<FieldBlurDetail>;
  }
}
