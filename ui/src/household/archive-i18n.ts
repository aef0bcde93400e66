/** Strings of the household archive (一户一档) and the personal-data access log, zh-CN default and English. */
import { addMessages, getLanguage, hasMessage, translate, type Params } from '../i18n.js';
import { issueText } from '../issue-text.js';
import type { Issue } from '../types.js';
import zh from './messages/zh-CN.json' with { type: 'json' };
import en from './messages/en.json' with { type: 'json' };

export type ArchiveKey = keyof typeof zh;
addMessages('household', { 'zh-CN': zh, en });

export function at(key: ArchiveKey | (string & {}), params?: Params): string {
  return translate('household', key, params);
}

export function atOr(key: string, fallback: string): string {
  return hasMessage('household', key) ? translate('household', key) : fallback;
}

/**
 * A server issue in the reader's language: the archive's own refusals are worded "中文 / English",
 * the schema's go through the shared issue texts.
 */
export function issueMessage(issue: Pick<Issue, 'code' | 'message' | 'pointer'>): string {
  const [zhPart, enPart] = issue.message.split(' / ');
  if (enPart !== undefined && /[\u4e00-\u9fa5]/.test(zhPart ?? '')) {
    return getLanguage() === 'en' ? enPart : zhPart!;
  }
  return issueText(issue).text;
}
