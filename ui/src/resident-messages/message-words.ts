/**
 * A message to residents in staff's words: its title (from the company's message templates), its
 * delivery status (已发送 / 待发送 / 延后 / 失败 / 未发送（退订）…) and, for a failure, why — the
 * provider's own error code stays in a tooltip for whoever sets the channel up.
 */
import { api } from '../api.js';
import { getLanguage } from '../i18n.js';
import { rmt } from './resident-messages-i18n.js';

export interface ResidentMessage {
  id: number; kind: string; template: string; channel: 'sms' | 'wechat'; status: 'queued' | 'deferred' | 'sent' | 'failed' | 'suppressed';
  reason: string | null; attempts: number; urgent: boolean; text: string; caseId: number | null; unitId: number | null; personId: number | null;
  personName: string | null; recipient: string | null; createdAt: string; nextAttemptAt: string | null; sentAt: string | null;
}
/** toStaff: a message only told to staff in the app (no SMS or WeChat template code) */
export interface MessageTemplateInfo { id: string; title: { 'zh-CN': string; en?: string }; kind: string; optOut: boolean; params: string[]; toStaff?: boolean }

let templates: Promise<Map<string, MessageTemplateInfo>> | null = null;

/** The company's message templates by id (fetched once per page load). */
export function messageTemplates(): Promise<Map<string, MessageTemplateInfo>> {
  templates ??= api.get<{ items: MessageTemplateInfo[] }>('/api/messages/templates').then((r) => new Map(r.items.map((m) => [m.id, m])), (e: unknown) => {
    templates = null;
    throw e;
  });
  return templates;
}

export function templateTitle(all: Map<string, MessageTemplateInfo> | null, id: string): string {
  const m = all?.get(id);
  if (!m) return rmt('unknownTemplate');
  return getLanguage() === 'en' ? m.title.en ?? m.title['zh-CN'] : m.title['zh-CN'];
}

/** 已发送, 待发送, 延后, 失败, 未发送（退订）… */
export function statusWord(m: Pick<ResidentMessage, 'status' | 'reason'>): string {
  const word = rmt(`status_${m.status}`);
  if (m.status === 'suppressed' && m.reason) return `${word}（${rmt(`reason_${m.reason}`)}）`;
  return word;
}

/** Why a message failed or waits for a retry, in words. */
export function failureWords(reason: string | null): string {
  if (!reason) return '';
  if (/no \w+ channel is configured/.test(reason)) return rmt('why_noChannel');
  if (/no provider template code/.test(reason)) return rmt('why_noTemplate');
  if (/credentials cannot be opened/.test(reason)) return rmt('why_credentials');
  return rmt('why_provider');
}
