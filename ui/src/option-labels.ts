/**
 * Forms whose options come from the plugin's settings (`x-optionsFrom`, e.g. paid services' price
 * list) arrive unresolved from the configuration document: the options and their labels are the
 * settings' entries. This resolves them the way the server does (core/config/options-from.ts) and
 * also labels entries a company has since withdrawn (`active: false`), so an older case still reads
 * 水龙头更换 rather than its code.
 */
import { resolveOptionsFrom } from '../../core/config/options-from.js';
import type { FormSchema } from './types.js';

type Text = { 'zh-CN': string; en?: string };

function titleOf(entry: unknown): Text | undefined {
  if (!entry || typeof entry !== 'object') return undefined;
  const title = (entry as { title?: unknown; label?: unknown }).title ?? (entry as { label?: unknown }).label;
  return title && typeof title === 'object' && typeof (title as Text)['zh-CN'] === 'string' ? (title as Text) : undefined;
}

function labelAll(node: FormSchema, settings: Record<string, unknown>): FormSchema {
  const out: FormSchema = { ...node };
  if (node.properties) out.properties = Object.fromEntries(Object.entries(node.properties).map(([k, v]) => [k, labelAll(v, settings)]));
  if (node.items) out.items = labelAll(node.items, settings);
  const key = node['x-optionsFrom'];
  const setting = typeof key === 'string' ? settings[key] : undefined;
  if (setting && typeof setting === 'object' && !Array.isArray(setting)) {
    const labels: Record<string, Text> = {};
    for (const [code, entry] of Object.entries(setting as Record<string, unknown>)) {
      const title = titleOf(entry);
      if (title) labels[code] = title;
    }
    out['x-enumLabels'] = { ...labels, ...(node['x-enumLabels'] ?? {}) };
  }
  return out;
}

const cache = new WeakMap<object, WeakMap<object, FormSchema>>();

/** The form schema with its settings-driven options resolved (cached per schema and settings object). */
export function withSettingOptions(schema: FormSchema, settings: Record<string, unknown> | undefined): FormSchema {
  if (!settings || !JSON.stringify(schema).includes('"x-optionsFrom"')) return schema;
  let bySettings = cache.get(schema);
  if (!bySettings) cache.set(schema, (bySettings = new WeakMap()));
  let out = bySettings.get(settings);
  if (!out) {
    const resolved = resolveOptionsFrom(schema as never, settings) as unknown as FormSchema;
    bySettings.set(settings, (out = labelAll(resolved, settings)));
  }
  return out;
}
