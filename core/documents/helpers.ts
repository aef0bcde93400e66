/**
 * Helpers available to every document template. They format values for print in the company's
 * time zone and language; all return plain strings, which handlebars then escapes.
 */
import { DateTime } from 'luxon';
import type { HelperOptions } from 'handlebars';

export interface DocumentLocale {
  timezone: string;
  language: 'zh-CN' | 'en';
}

/** Built-in handlebars block helpers plus ours; the loader refuses templates calling others. */
export const DOCUMENT_HELPERS = ['if', 'unless', 'each', 'with', 'formatDate', 'formatDateTime', 'money', 'label', 'enumLabel', 'eq', 'text'] as const;

type Text = { 'zh-CN': string; en?: string } | undefined;

export function pickText(text: Text, language: 'zh-CN' | 'en'): string {
  if (!text) return '';
  return language === 'en' ? (text.en ?? text['zh-CN']) : text['zh-CN'];
}

export function documentHelpers(locale: DocumentLocale, fieldLabels: (field: string) => { label: Text; enumLabels?: Record<string, Text> } | undefined) {
  const toDate = (v: unknown) => (typeof v === 'string' ? DateTime.fromISO(v) : v instanceof Date ? DateTime.fromJSDate(v) : null);
  return {
    formatDate: (v: unknown) => toDate(v)?.setZone(locale.timezone).toFormat('yyyy-MM-dd') ?? '',
    formatDateTime: (v: unknown) => toDate(v)?.setZone(locale.timezone).toFormat('yyyy-MM-dd HH:mm') ?? '',
    money: (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? `¥${v}` : ''),
    /** label of a field: {{label "content"}} */
    label: (field: unknown) => pickText(fieldLabels(String(field))?.label, locale.language) || String(field),
    /** label of an enum value: {{enumLabel "channel" data.channel}} */
    enumLabel: (field: unknown, value: unknown) => {
      if (value === undefined || value === null) return '';
      if (Array.isArray(value)) return value.map((v) => pickText(fieldLabels(String(field))?.enumLabels?.[String(v)], locale.language) || String(v)).join('、');
      return pickText(fieldLabels(String(field))?.enumLabels?.[String(value)], locale.language) || String(value);
    },
    eq: (a: unknown, b: unknown) => a === b,
    /** a multilingual {zh-CN, en} object, in the document language: {{text someTitle}} */
    text: (t: unknown, _opts?: HelperOptions) => pickText(t as Text, locale.language),
  };
}
