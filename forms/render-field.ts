/**
 * Renders one field with the widget the registry picks. <wy-form> renders its sections' fields
 * with it, and container widgets (nested object, repeating rows) render their children with it,
 * so every field at any depth gets the same treatment.
 */
import { nothing, type TemplateResult } from 'lit';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import type { FieldRef, FormModel } from './form-model.js';
import { msg } from './messages.js';
import type { FormContext, FormServices, Language, UiFieldOptions } from './types.js';
import type { WidgetRegistration } from './widget-registry.js';

/** What the runtime knows about one field right now. */
export interface FieldView {
  visible: boolean;
  label: string;
  help?: string;
  placeholder?: string;
  /** the message to show under the field (already in the user's language) */
  error?: string;
  required: boolean;
  readOnly: boolean;
  uiOptions?: UiFieldOptions;
  widget?: WidgetRegistration;
}

/** The form as widgets see it (built by <wy-form> on every render). */
export interface FieldHost {
  readonly model: FormModel;
  readonly language: Language;
  readonly services?: FormServices;
  /** what the host told the form (rules' context, the plugin's settings as `config`) */
  readonly context?: FormContext;
  /** IANA zone date-time inputs are typed in */
  readonly timeZone: string;
  readonly disabled: boolean;
  view(ref: FieldRef): FieldView;
  /** the current value (computed fields applied) at a JSON pointer of the form data */
  valueAt(pointer: string): unknown;
}

/** Detail of the `wy-field-change` event every widget fires (bubbles, composed). */
export interface FieldChangeDetail {
  pointer: string;
  /** undefined removes the value */
  value: unknown;
}

export const FIELD_CHANGE = 'wy-field-change';

/** Detail of the `wy-field-blur` event a widget fires when the focus leaves it (bubbles, composed). */
export interface FieldBlurDetail {
  pointer: string;
}

export const FIELD_BLUR = 'wy-field-blur';

const tags = new Map<string, ReturnType<typeof unsafeStatic>>();
const staticTag = (tag: string) => {
  let s = tags.get(tag);
  if (!s) tags.set(tag, (s = unsafeStatic(tag))); // registry tags are checked custom-element names, never user data
  return s;
};

export function renderField(host: FieldHost, ref: FieldRef): TemplateResult | typeof nothing {
  const view = host.view(ref);
  if (!view.visible) return nothing;
  if (!view.widget) {
    return staticHtml`<p class="missing-widget" data-pointer=${ref.pointer}>${view.label}: ${msg(host.language, 'missingWidget')}</p>`;
  }
  const tag = staticTag(view.widget.tag);
  return staticHtml`<${tag}
    data-pointer=${ref.pointer}
    .fieldRef=${ref}
    .field=${ref.schema}
    .host=${host}
    .value=${host.valueAt(ref.pointer)}
    .label=${view.label}
    .help=${view.help}
    .placeholder=${view.placeholder}
    .error=${view.error}
    .required=${view.required}
    .readOnly=${view.readOnly}
    .disabled=${host.disabled}
    .language=${host.language}
    .widgetName=${view.widget.name}
    .uiOptions=${view.uiOptions}
  ></${tag}>`;
}
