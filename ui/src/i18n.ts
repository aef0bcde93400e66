/**
 * The staff app's strings and current language, on one i18next instance. Each package keeps its
 * messages in JSON files per language (`ui/messages/<lang>.json` for the shell, the admin editor's,
 * the reports page's and each plugin's own `messages/<lang>.json`), registered as an i18next
 * namespace by the module that uses them, so a lazily loaded screen brings its own strings.
 * Placeholders are written `{name}`. Titles that come from declarations ({ 'zh-CN', en }) go
 * through `loc()`, never through a catalogue; elements re-render on a language change through
 * `I18nController`.
 */
import i18next from 'i18next';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import zh from '../messages/zh-CN.json' with { type: 'json' };
import en from '../messages/en.json' with { type: 'json' };

export type Language = 'zh-CN' | 'en';
export type Localized = Partial<Record<Language, string>> | string | null | undefined;
export type StringKey = keyof typeof zh;
export type Params = Record<string, string | number>;
/** One namespace's messages: a flat key → text table per language. */
export type MessageTables = Record<Language, Record<string, string>>;

export const LANGUAGES: readonly Language[] = ['zh-CN', 'en'];
const STORAGE_KEY = 'wuye.language';
const APP = 'app';

function initialLanguage(): Language {
  try {
    const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (stored === 'en' || stored === 'zh-CN') return stored;
  } catch {
    // storage may be unavailable (private mode): fall back to the default
  }
  return 'zh-CN';
}

const i18n = i18next.createInstance();
void i18n.init({
  lng: initialLanguage(),
  // English may borrow a missing string from Chinese; Chinese never falls back to English.
  fallbackLng: { en: ['zh-CN'], default: [] },
  supportedLngs: LANGUAGES,
  ns: [APP],
  defaultNS: APP,
  // keys are flat and some are built at run time: no nesting by '.', no namespace prefix by ':'
  keySeparator: false,
  nsSeparator: false,
  // lit escapes what it renders
  interpolation: { escapeValue: false, prefix: '{', suffix: '}' },
  resources: { 'zh-CN': { [APP]: zh }, en: { [APP]: en } },
  initAsync: false,
  returnNull: false,
  showSupportNotice: false,
});

let current: Language = i18n.language === 'en' ? 'en' : 'zh-CN';
const listeners = new Set<() => void>();

/** Registers a namespace's messages (a screen's, a plugin's); registering it again replaces it. */
export function addMessages(namespace: string, tables: MessageTables): void {
  for (const language of LANGUAGES) i18n.addResourceBundle(language, namespace, tables[language], true, true);
}

/** `key` of `namespace` in the current language with its `{name}` placeholders filled in. */
export function translate(namespace: string, key: string, params?: Params): string {
  return i18n.t(key, { ns: namespace, replace: params ?? {} }) as string;
}

/** The same, in `language` rather than the current one (e.g. a form rendered in English). */
export function translateIn(language: Language, namespace: string, key: string, params?: Params): string {
  return i18n.t(key, { lng: language, ns: namespace, replace: params ?? {} }) as string;
}

/** Whether `namespace` has `key` (in the current language or its fallback). */
export function hasMessage(namespace: string, key: string): boolean {
  return i18n.exists(key, { ns: namespace });
}

export function getLanguage(): Language {
  return current;
}

export function setLanguage(language: Language): void {
  if (language === current) return;
  current = language;
  void i18n.changeLanguage(language);
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, language);
  } catch {
    // not persisted; still switched for this page
  }
  document.documentElement.lang = language;
  for (const l of listeners) l();
}

export function onLanguageChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The UI string `key` in the current language, with `{name}` placeholders filled in. */
export function t(key: StringKey, params?: Params): string {
  return translate(APP, key, params);
}

/** A string key built at run time (e.g. `relation_${value}`), or the raw value when unknown. */
export function tOr(key: string, fallback: string): string {
  return hasMessage(APP, key) ? translate(APP, key) : fallback;
}

/** A declaration's title in the current language (Chinese when the English one is missing). */
export function loc(value: Localized): string {
  if (value == null) return '';
  if (typeof value === 'string') return value;
  return value[current] ?? value['zh-CN'] ?? value.en ?? '';
}

/** Re-renders its host when the language changes. */
export class I18nController implements ReactiveController {
  #off: (() => void) | undefined;
  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }
  hostConnected(): void {
    this.#off = onLanguageChange(() => this.host.requestUpdate());
  }
  hostDisconnected(): void {
    this.#off?.();
  }
}
