/**
 * Form options taken from the plugin's settings: a field with `"x-optionsFrom": "catalog"` gets as
 * its `enum` the codes of the `catalog` setting's entries (those not `active: false`) and as its
 * `x-enumLabels` their titles. Resolved when a configuration is compiled, so the server's ajv
 * validator, the forms the browser receives and the printed labels all follow the settings in force
 * — a company adds or withdraws an option in its settings alone.
 */
import type { FormDeclaration } from '../../schemas/generated/form.js';

type Node = Record<string, unknown>;
type Text = { 'zh-CN': string; en?: string };

function optionsOf(setting: unknown): { codes: string[]; labels: Record<string, Text> } {
  const codes: string[] = [];
  const labels: Record<string, Text> = {};
  if (setting && typeof setting === 'object' && !Array.isArray(setting)) {
    for (const [code, entry] of Object.entries(setting as Record<string, unknown>)) {
      if (!entry || typeof entry !== 'object' || (entry as { active?: unknown }).active === false) continue;
      codes.push(code);
      const title = (entry as { title?: unknown; label?: unknown }).title ?? (entry as { label?: unknown }).label;
      labels[code] = title && typeof title === 'object' && typeof (title as Text)['zh-CN'] === 'string' ? (title as Text) : { 'zh-CN': code };
    }
  }
  return { codes, labels };
}

function resolve(node: unknown, settings: Record<string, unknown>): unknown {
  if (!node || typeof node !== 'object' || Array.isArray(node)) return node;
  const out: Node = { ...(node as Node) };
  const props = out.properties;
  if (props && typeof props === 'object' && !Array.isArray(props)) {
    out.properties = Object.fromEntries(Object.entries(props as Node).map(([name, schema]) => [name, resolve(schema, settings)]));
  }
  if (out.items !== undefined) out.items = resolve(out.items, settings);
  const key = out['x-optionsFrom'];
  if (typeof key === 'string') {
    const { codes, labels } = optionsOf(settings[key]);
    if (codes.length) {
      out.enum = codes;
      out['x-enumLabels'] = { ...labels, ...(out['x-enumLabels'] as Record<string, Text> | undefined) };
    } else {
      out.not = {}; // no option offered: nothing can be chosen
    }
  }
  return out;
}

/** The form with every x-optionsFrom field resolved against the settings (a copy; unchanged when none). */
export function resolveOptionsFrom(form: FormDeclaration, settings: Record<string, unknown>): FormDeclaration {
  if (!JSON.stringify(form).includes('"x-optionsFrom"')) return form;
  return resolve(form, settings) as FormDeclaration;
}
