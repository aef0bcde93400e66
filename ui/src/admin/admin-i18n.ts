/**
 * Strings of the configuration editor (zh-CN default, English), loaded with the editor only so
 * the app's first load stays small. Same language switch as the app (`getLanguage()`).
 * Also: server issues in the admin's words, and document pointers as readable places.
 */
import { addMessages, getLanguage, hasMessage, loc, translate } from '../i18n.js';
import type { Issue, WorkflowDeclaration, FormDeclaration, RuleEntry, UiDeclaration } from './admin-types.js';
import { draft } from './draft-store.js';
import { asPluginTokens, isCompanyBundle } from './company-types.js';
import { withTitles } from './issue-names.js';
import { tokensOf } from './patch.js';
import { issueText } from '../issue-text.js';
import { permissionLabel } from '../plugin-ui-registry.js';
import { settingsPathWords } from './plugin-settings/settings-words.js';

import zh from './messages/zh-CN.json' with { type: 'json' };
import en from './messages/en.json' with { type: 'json' };

export type AdminKey = keyof typeof zh;

// the configuration editor's own i18next namespace, registered when the editor loads
addMessages('admin', { 'zh-CN': zh, en });

/** An editor string; dynamic keys (`unit_${u}`) fall back to the key itself. */
export function at(key: AdminKey | (string & {}), params?: Record<string, string | number>): string {
  // a plugin's permissions are labelled by the plugin (plugins/<id>/ui → messages.permissions)
  if (!hasMessage('admin', key) && key.startsWith('perm_')) {
    const label = permissionLabel(key.slice(5), getLanguage());
    if (label) return label;
  }
  return translate('admin', key, params);
}

/** '：' in Chinese, ': ' in English. */
export const colon = (): string => (getLanguage() === 'en' ? ': ' : '：');
/** How the language separates the items of a list: 、 in Chinese, commas in English. */
export const listSeparator = (): string => (getLanguage() === 'en' ? ', ' : '、');
/** A name in the language's quotes: 「…」 / “…”. */
const quote = (text: string): string => (getLanguage() === 'en' ? ` “${text}”` : `「${text}」`);

/** An editor string built at run time, or `fallback` when there is none. */
export function atOr(key: string, fallback: string): string {
  return hasMessage('admin', key) ? translate('admin', key) : fallback;
}

// ---- server issues in the admin's words ----

/** A server issue in the admin's words (by its code; the server's English text when unknown), naming parts by their titles. */
export function issueMessage(issue: Issue): string {
  return issueText(withTitles(issue)).text;
}

/** The server's own text of an issue, shown as a detail when the message is a translation. */
export function issueDetail(issue: Issue): string | null {
  const t = issueText(issue);
  return t.translated ? t.detail : null;
}

// ---- pointers as places ----

// a declaration key's name (word_<key>) and a section's (section_<key>) are the editor's messages

/** `/document/plugins/<id>/workflows/<caseType>/deadlines/<clock>/duration/amount` → <plugin title> · 流程「<case type title>」 · 时限「<clock title>」 · 时长 · 数值 */
export function describePointer(ptr: string): string {
  const zhLang = getLanguage() === 'zh-CN';
  const word = (w: string) => atOr(`word_${w}`, w);
  const t = tokensOf(ptr);
  if (t[0] === 'document') t.shift();
  // a company type's places read like its bundle's (company-types.ts)
  t.splice(0, t.length, ...asPluginTokens(t));
  const parts: string[] = [];
  let scope: string | null = null;
  if (t[0] === 'projects' && t[1]) {
    scope = t[1];
    parts.push(at('place_project', { code: t[1]! }));
    t.splice(0, 2);
  }
  if (t[0] === 'roles' && t[1]) {
    parts.push(`${at('place_role')}${quote(loc(draft.roles[t[1]]?.title) || t[1])}`, ...t.slice(2).map(word));
    return parts.join(' · ');
  }
  if (t[0] === 'calendar') {
    parts.push(at('place_calendar'), ...t.slice(1).map(word));
    return parts.join(' · ');
  }
  if (t[0] === 'plugins' && t[1]) {
    const pluginId = t[1];
    parts.push(loc(draft.decls[pluginId]?.manifest?.title) || pluginId);
    const section = t[2];
    const name = t[3];
    if (section === 'config') return [...parts, ...describeSettingsPath(pluginId, scope, t.slice(3))].join(' · ');
    if (section && name) {
      const decl = draft.decl<Record<string, unknown>>(pluginId, section as never, name, scope)
        ?? ((draft.active?.effective.plugins[pluginId] as unknown as Record<string, Record<string, Record<string, unknown>>> | undefined)?.[section]?.[name]);
      let title = name;
      if (section === 'workflows') title = loc((decl as unknown as WorkflowDeclaration | undefined)?.title) || name;
      if (section === 'forms') title = loc((decl as unknown as FormDeclaration | undefined)?.['x-label']) || name;
      if (section === 'rules') title = loc((decl as unknown as RuleEntry | undefined)?.title) || name;
      if (section === 'ui') {
        // a layout is named after its form: show the form's title
        const formName = (decl as unknown as UiDeclaration | undefined)?.form ?? name;
        title = loc(draft.decl<FormDeclaration>(pluginId, 'forms', formName, scope)?.['x-label'] ?? draft.active?.effective.plugins[pluginId]?.forms[formName]?.['x-label']) || name;
      }
      // a company type has one workflow, titled like the type itself: 钥匙借用 · 流程 · …, not 流程「钥匙借用」 again
      if (section === 'workflows' && isCompanyBundle(pluginId)) parts.push(atOr('section_workflows', section));
      else parts.push(`${atOr(`section_${section}`, section)}${quote(title)}`);
      const rest = t.slice(4);
      for (let i = 0; i < rest.length; i++) {
        const k = rest[i]!;
        const id = rest[i + 1];
        if (section === 'workflows' && id && ['states', 'transitions', 'deadlines'].includes(k)) {
          const wf = decl as unknown as WorkflowDeclaration | undefined;
          const map = (k === 'states' ? wf?.states : k === 'transitions' ? wf?.transitions : wf?.deadlines) as Record<string, { title?: unknown }> | undefined;
          const label = at(`place_${k}`);
          parts.push(`${label}${quote(loc(map?.[id]?.title as never) || id)}`);
          i++;
        } else if ((k === 'properties' || (k === 'fields' && section === 'ui')) && id) {
          const formName = section === 'ui' ? (decl as unknown as UiDeclaration | undefined)?.form ?? name : name;
          const field = id.split('.')[0]!;
          const label = draft.decl<FormDeclaration>(pluginId, 'forms', formName, scope)?.properties[field]?.['x-label']
            ?? draft.active?.effective.plugins[pluginId]?.forms[formName]?.properties[field]?.['x-label'];
          parts.push(`${at('place_field')}${quote(loc(label) || id)}`);
          i++;
        } else if (k === 'sections' && id !== undefined && /^\d+$/.test(id)) {
          parts.push(at('place_section', { n: Number(id) + 1 }));
          i++;
        } else if (k === 'followUp' && section === 'workflows') {
          parts.push(at('place_followUp'));
        } else if (/^\d+$/.test(k)) {
          parts.push(`#${Number(k) + 1}`);
        } else parts.push(word(k));
      }
      return parts.join(' · ');
    }
  }
  return [...parts, ...t.map(word)].join(' · ') || at('place_whole');
}

// ---- a plugin's settings (plugins.<id>.config) as places ----

type SchemaNode = Record<string, unknown>;
const isNode = (v: unknown): v is SchemaNode => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The schema node under `token` (a property, a map's value, an array's item). */
function childNode(node: SchemaNode | undefined, token: string): SchemaNode | undefined {
  if (!node) return undefined;
  const props = node.properties;
  if (isNode(props) && isNode(props[token])) return props[token];
  if (/^\d+$/.test(token) && isNode(node.items)) return node.items;
  if (isNode(node.additionalProperties)) return node.additionalProperties;
  for (const branch of [...((node.anyOf as unknown[]) ?? []), ...((node.oneOf as unknown[]) ?? [])]) {
    const c = isNode(branch) ? childNode(branch, token) : undefined;
    if (c) return c;
  }
  return undefined;
}

/** A settings key's declared label (x-label, title) in the current language, or the key itself. */
function declaredLabel(node: SchemaNode | undefined, key: string, zhLang: boolean): string {
  const l = node?.['x-label'] as { 'zh-CN'?: string; en?: string } | undefined;
  return (zhLang ? l?.['zh-CN'] : l?.en ?? l?.['zh-CN']) ?? (typeof node?.title === 'string' ? node.title : undefined) ?? key;
}

/** `feeItems/management/rates/1/byUnitType/residential` → 收费项目「物业管理费」 · 费率 #2 · 按房屋类型 · 住宅 */
function describeSettingsPath(pluginId: string, scope: string | null, path: string[]): string[] {
  const zhLang = getLanguage() === 'zh-CN';
  const settings = draft.settings<Record<string, unknown>>(pluginId, scope) ?? {};
  const out: string[] = [at('place_settings')];
  const words = settingsPathWords(pluginId, draft.active?.effective.plugins[pluginId]?.manifest?.config?.schema, settings, path, zhLang); if (words) return [...out, ...words];
  // a plugin that words its own settings tab (e.g. fee tables): its keys' names come from its settings schema too
  let node: SchemaNode | undefined = draft.active?.effective.plugins[pluginId]?.manifest?.config?.schema as SchemaNode | undefined;
  for (let i = 0; i < path.length; i++) {
    const k = path[i]!;
    const child = childNode(node, k);
    if (k === 'feeItems' && path[i + 1]) {
      const code = path[i + 1]!;
      const item = (settings.feeItems as Record<string, { title?: { 'zh-CN': string; en?: string } }> | undefined)?.[code];
      out.push(`${declaredLabel(child, zhLang ? '收费项目' : 'fee item', zhLang)}${quote(loc(item?.title) || code)}`);
      node = childNode(child, code);
      i++;
      continue;
    }
    if (/^\d+$/.test(k)) out.push(`#${Number(k) + 1}`);
    // keys the schema leaves unlabelled (cycle names, unit types…) are worded by the editor's messages
    else out.push(declaredLabel(child, atOr(`setting_${k}`, k), zhLang));
    node = child;
  }
  return out;
}
