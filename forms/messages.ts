/**
 * The runtime's own words (validation messages, buttons, hints) in zh-CN and en. Declarations
 * carry their own labels (x-label, x-help, x-enumLabels); this is only what the runtime says.
 */
import i18next from 'i18next';
import type { Language, LocalText } from './types.js';
import zh from './messages/zh-CN.json' with { type: 'json' };
import en from './messages/en.json' with { type: 'json' };

export type MessageKey = keyof typeof zh;

// The forms runtime is its own package (the app, the forms lab): its own i18next instance, one
// namespace, read in the language each form is rendered in. English borrows a missing string from
// Chinese; Chinese never falls back to English.
const NS = 'forms';
const i18n = i18next.createInstance();
void i18n.init({
  resources: { 'zh-CN': { [NS]: zh }, en: { [NS]: en } },
  lng: 'zh-CN',
  fallbackLng: { en: ['zh-CN'], default: [] },
  ns: [NS],
  defaultNS: NS,
  keySeparator: false,
  nsSeparator: false,
  interpolation: { escapeValue: false, prefix: '{', suffix: '}' },
  initAsync: false,
  showSupportNotice: false,
});

/** A runtime message with `{name}` placeholders filled in. */
export function msg(language: Language, key: MessageKey, params: Record<string, string | number> = {}): string {
  return i18n.t(key, { lng: language, ns: NS, replace: params }) as string;
}

export function hasMessage(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(zh, key);
}

/** Declaration text in `language`; English falls back to zh-CN. */
export function localText(text: LocalText | undefined, language: Language): string | undefined {
  if (!text) return undefined;
  return language === 'en' ? (text.en ?? text['zh-CN']) : text['zh-CN'];
}
