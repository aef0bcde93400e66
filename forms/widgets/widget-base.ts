/**
 * The base class of every widget (not an element itself). A widget renders its label, its control,
 * its help and its error inside its own shadow root — so `<label for>` and aria-describedby work —
 * and reports edits with a `wy-field-change` event carrying its JSON pointer. Focus is delegated to
 * the first control, so `widget.focus()` lands where the user types.
 *
 * A company widget extends this class, defines its element and registers it with registerWidget().
 */
import { html, LitElement, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import type { FieldRef } from '../form-model.js';
import { msg, type MessageKey } from '../messages.js';
import { FIELD_BLUR, FIELD_CHANGE, type FieldBlurDetail, type FieldChangeDetail, type FieldHost } from '../render-field.js';
import { fieldStyles } from '../styles.js';
import type { FieldSchema, Language, UiFieldOptions } from '../types.js';

/** The id of the main control inside a widget's shadow root (what `<label for>` points at). */
export const CONTROL_ID = 'control';

export class WyWidget extends LitElement {
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  static override styles = [fieldStyles];
  static override properties: PropertyDeclarations = {
    field: { attribute: false },
    fieldRef: { attribute: false },
    host: { attribute: false },
    value: { attribute: false },
    label: { attribute: false },
    help: { attribute: false },
    placeholder: { attribute: false },
    error: { attribute: false },
    required: { type: Boolean, reflect: true },
    readOnly: { type: Boolean, attribute: 'readonly', reflect: true },
    disabled: { type: Boolean, reflect: true },
    language: { attribute: false },
    widgetName: { attribute: false },
    uiOptions: { attribute: false },
  };

  declare field: FieldSchema;
  declare fieldRef: FieldRef;
  declare host: FieldHost | undefined;
  declare value: unknown;
  declare label: string;
  declare help: string | undefined;
  declare placeholder: string | undefined;
  declare error: string | undefined;
  declare required: boolean;
  declare readOnly: boolean;
  declare disabled: boolean;
  declare language: Language;
  declare widgetName: string;
  declare uiOptions: UiFieldOptions | undefined;

  constructor() {
    super();
    this.field = { type: 'string', maxLength: 1 };
    this.fieldRef = { name: '', path: '', pointer: '', schema: this.field, requiredByParent: false };
    this.host = undefined;
    this.value = undefined;
    this.label = '';
    this.help = undefined;
    this.placeholder = undefined;
    this.error = undefined;
    this.required = false;
    this.readOnly = false;
    this.disabled = false;
    this.language = 'zh-CN';
    this.widgetName = '';
    this.uiOptions = undefined;
    // Focus moving between two fields inside one shadow tree is invisible outside it (focus events
    // stop where target and relatedTarget meet), so each widget announces that focus left it.
    this.addEventListener('focusout', () => {
      const detail: FieldBlurDetail = { pointer: this.fieldRef.pointer };
      this.dispatchEvent(new CustomEvent(FIELD_BLUR, { detail, bubbles: true, composed: true }));
    });
  }

  /** Spans the whole row of the form's grid. */
  protected get wide(): boolean {
    return false;
  }

  /** Neither editable nor focusable for editing (read-only rule or the form disabled). */
  protected get locked(): boolean {
    return this.readOnly || this.disabled;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this.toggleAttribute('wide', this.wide);
    this.toggleAttribute('invalid', !!this.error);
  }

  protected t(key: MessageKey, params?: Record<string, string | number>): string {
    return msg(this.language, key, params);
  }

  /** Reports a new value (undefined removes it) to the form. */
  protected emit(value: unknown): void {
    const detail: FieldChangeDetail = { pointer: this.fieldRef.pointer, value };
    this.dispatchEvent(new CustomEvent(FIELD_CHANGE, { detail, bubbles: true, composed: true }));
  }

  /** ids of the help / error / extra text describing the control. */
  protected describedBy(...extra: (string | false | undefined)[]): string | typeof nothing {
    const ids = [this.help ? 'help' : '', this.error ? 'error' : '', ...extra].filter(Boolean);
    return ids.length ? ids.join(' ') : nothing;
  }

  protected requiredMark(): TemplateResult | typeof nothing {
    return this.required ? html`<span class="req" aria-hidden="true">*</span>` : nothing;
  }

  /** `<label for=control>` with the required marker. */
  protected renderLabel(forId = CONTROL_ID): TemplateResult {
    return html`<label class="label" id="label" for=${forId}>${this.label}${this.requiredMark()}</label>`;
  }

  protected renderHelp(): TemplateResult | typeof nothing {
    return this.help ? html`<div class="help" id="help">${this.help}</div>` : nothing;
  }

  protected renderError(): TemplateResult | typeof nothing {
    return this.error ? html`<div class="error" id="error">${this.error}</div>` : nothing;
  }

  /** aria-invalid value for the control. */
  protected get ariaInvalidValue(): 'true' | 'false' {
    return this.error ? 'true' : 'false';
  }
}

/** Defines a widget element once (a second bundle or a hot reload must not throw). */
export function defineWidget(tag: string, element: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, element);
}
