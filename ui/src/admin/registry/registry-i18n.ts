/**
 * Strings of the 项目与楼栋 screens (zh-CN default, English), and the server's refusals in the
 * admin's words (also used by the staff panel): registry and password messages come as
 * 「中文 / English」 pairs, the rest are worded by code or status — never the server's English.
 */
import { addMessages, getLanguage, translate } from '../../i18n.js';
import { ApiError } from '../../api.js';
import type { Issue } from '../../types.js';

import zh from './messages/zh-CN.json' with { type: 'json' };
import en from './messages/en.json' with { type: 'json' };

export type RegistryKey = keyof typeof zh;

addMessages('admin-registry', { 'zh-CN': zh, en });

export function rt(key: RegistryKey, params?: Record<string, string | number>): string {
  return translate('admin-registry', key, params);
}

/**
 * A 「中文 / English」 message in the admin's language. Roster messages pair each part:
 * 「第 3 行 F 列「建筑面积」 / row 3, column F (area)：建筑面积应为… / area: …」, so each part between
 * full-width colons is split on its own (a part with no English stays, in Chinese only).
 */
function half(message: string): string | null {
  if (!message.includes(' / ')) return null;
  const zh = getLanguage() !== 'en';
  const parts = message.split('：').map((part) => {
    const i = part.indexOf(' / ');
    if (i < 0) return zh ? part : null;
    return zh ? part.slice(0, i) : part.slice(i + 3);
  }).filter((p): p is string => Boolean(p));
  return parts.join(zh ? '：' : ': ');
}

/** One field issue in the admin's words (never a pointer or an English-only server text in Chinese). */
export function issueWords(issue: Issue): string {
  const bilingual = half(issue.message);
  if (bilingual) return bilingual;
  // English server text reads as it is in English; a Chinese text was made in the page
  if (getLanguage() === 'en' || /[\u4e00-\u9fff]/.test(issue.message)) return issue.message;
  const byCode: Record<string, RegistryKey> = { taken: 'taken', 'unknown-role': 'unknownRole', 'unknown-project': 'unknownProject', 'self-lockout': 'selfLockout' };
  if (byCode[issue.code]) return rt(byCode[issue.code]!);
  if (issue.code === 'required') return rt('required');
  return rt('invalid');
}

/** What a refused call says at the top of the form. */
export function failureWords(err: unknown): string {
  if (!(err instanceof ApiError) || err.status === 0) return rt('networkError');
  if (err.status === 403) return rt('notAllowed');
  if (err.status === 404) return rt('notFound');
  if (err.status === 409) return err.issues.length ? err.issues.map(issueWords).join(' ') : rt('taken');
  if (err.status === 413) return rt('tooLarge');
  if (err.status === 429) return rt('busy');
  return err.issues.length ? err.issues.map(issueWords).join(' ') : rt('invalid');
}
