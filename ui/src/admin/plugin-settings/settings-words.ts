/**
 * Where a settings change is, in the admin's words, from the plugin's settings schema: labels
 * (`x-label`, `title`), a row of a table by its title (「水龙头、闸阀维修」) or its number, never a
 * code. The review's table of changes and the problem list use it for every plugin whose settings
 * have no tab of their own (a plugin's own settings tab words its own).
 */
import { settingsSectionOf } from '../admin-sections.js';
import { kindOf } from './settings-form.js';

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function label(s: Json, zh: boolean): string | undefined {
  const l = s['x-label'] as { 'zh-CN'?: string; en?: string } | undefined;
  return (zh ? l?.['zh-CN'] : l?.en ?? l?.['zh-CN']) ?? (typeof s.title === 'string' ? s.title : undefined);
}

function rowTitle(row: unknown, zh: boolean): string | undefined {
  const t = isObj(row) ? row.title : undefined;
  if (typeof t === 'string') return t;
  if (isObj(t)) return (zh ? t['zh-CN'] : t.en ?? t['zh-CN']) as string | undefined;
  return undefined;
}

/** The words for `path` inside a plugin's settings, or undefined when the plugin words its own. */
export function settingsPathWords(pluginId: string, schema: unknown, settings: unknown, path: readonly string[], zh: boolean): string[] | undefined {
  if (!isObj(schema) || settingsSectionOf(pluginId)) return undefined;
  const out: string[] = [];
  let s: Json = schema;
  let value: unknown = settings;
  for (const token of path) {
    const kind = kindOf(s);
    const row = (n: number) => (zh ? `第 ${n} 行` : `row ${n}`);
    if (kind === 'object') {
      const child = (s.properties as Record<string, Json> | undefined)?.[token];
      if (!child) break;
      const l = label(child, zh);
      if (l) out.push(l);
      s = child;
      value = isObj(value) ? value[token] : undefined;
    } else if (kind === 'map') {
      const keys = isObj(value) ? Object.keys(value) : [];
      value = isObj(value) ? value[token] : undefined;
      const t = rowTitle(value, zh);
      out.push(t ? `「${t}」` : row(keys.indexOf(token) + 1 || keys.length + 1));
      s = s.additionalProperties as Json;
    } else if (kind === 'table' || kind === 'lines') {
      value = Array.isArray(value) ? value[Number(token)] : undefined;
      const t = rowTitle(value, zh);
      out.push(t ? `「${t}」` : row(Number(token) + 1));
      s = s.items as Json;
    } else {
      // a text's language, or inside a plain value: the label said enough
      if (kind === 'text' && token === 'en') out.push(zh ? '英文' : 'English');
      break;
    }
  }
  return out;
}
