/**
 * Widgets are chosen by ranked testers, as in JSON Forms: every registered widget rates a field
 * and the highest rank wins. A ui declaration naming a widget (`ui.fields[x].widget`) boosts that
 * widget, provided its tester says it can render the field at all. A plugin or a company adds a
 * widget by registering one (with a custom element tag) — the runtime does not change.
 */
import type { FieldSchema, UiFieldOptions } from './types.js';

/** The tester's answer for a field the widget cannot render. */
export const NOT_APPLICABLE = -1;
/** Added to the rank of the widget the ui declaration names. */
export const NAMED_WIDGET_BOOST = 1000;

/**
 * Rates a field: NOT_APPLICABLE (-1) when the widget cannot render it, otherwise a rank (built-ins
 * use 1–10; a company widget returning more replaces them for the fields it likes).
 * `path` is the dotted field path ('readings.value').
 */
export type WidgetTester = (field: FieldSchema, uiOptions: UiFieldOptions | undefined, path: string) => number;

export interface WidgetRegistration {
  /** the name a ui declaration uses (`"widget": "textarea"`) */
  name: string;
  tester: WidgetTester;
  /** custom element tag; the element gets the widget properties (see forms/widgets/widget-base.ts) */
  tag: string;
  /**
   * The element renders its child fields through the runtime (nested object, repeating rows), so
   * errors under its pointer belong to those children; otherwise the widget shows them itself.
   */
  container?: boolean;
}

const registry = new Map<string, WidgetRegistration>();

const TAG = /^[a-z][a-z0-9]*(-[a-z0-9]+)+$/;
const NAME = /^[a-z][a-z0-9-]*$/;

/** Adds a widget; registering an existing name replaces it. */
export function registerWidget(widget: WidgetRegistration): void {
  if (!NAME.test(widget.name)) throw new TypeError(`widget name "${widget.name}" must be lower-case kebab-case`);
  if (!TAG.test(widget.tag)) throw new TypeError(`widget tag "${widget.tag}" is not a custom element name`);
  if (typeof widget.tester !== 'function') throw new TypeError(`widget "${widget.name}" needs a tester function`);
  registry.delete(widget.name); // a replacement counts as the latest registration
  registry.set(widget.name, { ...widget });
}

export function unregisterWidget(name: string): boolean {
  return registry.delete(name);
}

export function listWidgets(): WidgetRegistration[] {
  return [...registry.values()];
}

export function getWidget(name: string): WidgetRegistration | undefined {
  return registry.get(name);
}

/** The widget for a field: highest rank wins; on a tie the later registration wins. */
export function resolveWidget(field: FieldSchema, uiOptions: UiFieldOptions | undefined, path: string): WidgetRegistration | undefined {
  let best: WidgetRegistration | undefined;
  let bestRank = NOT_APPLICABLE;
  for (const widget of registry.values()) {
    let rank: number;
    try {
      rank = widget.tester(field, uiOptions, path);
    } catch {
      rank = NOT_APPLICABLE;
    }
    if (!(rank > NOT_APPLICABLE)) continue;
    if (uiOptions?.widget === widget.name) rank += NAMED_WIDGET_BOOST;
    if (rank >= bestRank) {
      best = widget;
      bestRank = rank;
    }
  }
  return best;
}

// --- built-in testers ----------------------------------------------------------------------------

const isEnum = (f: FieldSchema) => Array.isArray(f.enum) && f.enum.length > 0;
const isString = (f: FieldSchema) => f.type === 'string';
const formatIs = (...formats: string[]) => (f: FieldSchema) => typeof f.format === 'string' && formats.includes(f.format);

const rank = (n: number, when: (f: FieldSchema, ui: UiFieldOptions | undefined) => boolean): WidgetTester => (f, ui) => (when(f, ui) ? n : NOT_APPLICABLE);

/** The built-in widgets (tags defined by forms/widgets/*); safe to call more than once. */
export function registerDefaultWidgets(): void {
  const defaults: WidgetRegistration[] = [
    // strings: one line; a long bound (or the ui naming it) gets a textarea; phone/email/uri use the fitting input type
    { name: 'text', tag: 'wy-text-widget', tester: rank(1, (f) => isString(f) && !isEnum(f)) },
    { name: 'textarea', tag: 'wy-text-widget', tester: (f) => (isString(f) && !isEnum(f) && !f.format ? (typeof f.maxLength === 'number' && f.maxLength > 200 ? 2 : 0) : NOT_APPLICABLE) },
    { name: 'number', tag: 'wy-number-widget', tester: rank(1, (f) => f.type === 'number' || f.type === 'integer') },
    // booleans: a checkbox, or 是/否 radios when named 'yes-no' (required booleans get them too: see the element)
    { name: 'checkbox', tag: 'wy-boolean-widget', tester: rank(1, (f) => f.type === 'boolean') },
    { name: 'yes-no', tag: 'wy-boolean-widget', tester: rank(0, (f) => f.type === 'boolean') },
    // enums: a select, radios for four options or fewer (or when named)
    { name: 'select', tag: 'wy-select-widget', tester: rank(2, (f) => isEnum(f) && f.type !== 'array') },
    { name: 'radio', tag: 'wy-radio-widget', tester: (f) => (isEnum(f) && f.type !== 'array' ? (f.enum!.length <= 4 ? 3 : 0) : NOT_APPLICABLE) },
    { name: 'checkbox-group', tag: 'wy-checkbox-group-widget', tester: rank(3, (f) => f.type === 'array' && !!f.items && isEnum(f.items)) },
    { name: 'date', tag: 'wy-date-widget', tester: rank(3, (f) => isString(f) && f.format === 'date') },
    { name: 'time', tag: 'wy-date-widget', tester: rank(3, (f) => isString(f) && f.format === 'time') },
    { name: 'date-time', tag: 'wy-date-widget', tester: rank(3, (f) => isString(f) && f.format === 'date-time') },
    { name: 'money', tag: 'wy-money-widget', tester: rank(3, (f) => isString(f) && f.format === 'money') },
    { name: 'object', tag: 'wy-object-widget', container: true, tester: rank(1, (f) => f.type === 'object') },
    { name: 'array', tag: 'wy-array-widget', container: true, tester: rank(1, (f) => f.type === 'array' && !!f.items) },
    {
      name: 'attachment',
      tag: 'wy-attachment-widget',
      tester: rank(4, (f) => formatIs('attachment')(f) || (f.type === 'array' && !!f.items && formatIs('attachment')(f.items))),
    },
    { name: 'signature', tag: 'wy-signature-widget', tester: rank(4, (f) => isString(f) && f.format === 'signature') },
    { name: 'unit-picker', tag: 'wy-ref-picker-widget', tester: rank(5, (f) => (f.type === 'integer' || f.type === 'number') && f['x-ref'] === 'unit') },
    { name: 'person-picker', tag: 'wy-ref-picker-widget', tester: rank(5, (f) => (f.type === 'integer' || f.type === 'number') && f['x-ref'] === 'person') },
  ];
  for (const w of defaults) if (!registry.has(w.name)) registerWidget(w);
}
