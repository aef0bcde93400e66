/**
 * 发送通知, a step of the workflow designer: the `notify` effect (core/notifications/notify-params.ts)
 * made from choices — whom (the case's resident by SMS or WeChat, the case's handler or a role's
 * staff in the app), which message. A company's own type may write a new message: its title and
 * text, with the case's fields inserted by title (shown as 【拜访日期】, stored as the template's
 * `{{data.…}}`, so the admin never reads template syntax); the provider's template variables are made from
 * the text's insertions in order (an SMS provider sends only registered templates, so the admin
 * registers the same variables there). Message ids are generated, never typed.
 */
import type { Text, WorkflowDeclaration } from './admin-types.js';
import type { Effect, FieldRef } from './declared-steps.js';
import { freshId } from './generated-ids.js';

export const NOTIFY_TO = ['resident', 'assignee', 'role'] as const;
export type NotifyTo = (typeof NOTIFY_TO)[number];
export const NOTIFY_CHANNELS = ['sms', 'wechat'] as const;
export type NotifyChannel = (typeof NOTIFY_CHANNELS)[number];

/** A message as plugin.json / caseTypes.<x>.messages declare it (common.schema.json messageTemplate). */
export interface MessageDecl { title: Text; kind: string; text: string; params?: Record<string, string> }

export interface NotifyAnswers {
  to: NotifyTo;
  role: string;
  channel: NotifyChannel;
  urgent: boolean;
  /** an existing message's id, or '' to write a new one */
  template: string;
  title: string;
  text: string;
}

/** Message keys (designer.*.json) per answer. */
export type NotifyErrors = Partial<Record<'role' | 'template' | 'title' | 'text', string>>;

export const MESSAGE_TEXT_MAX = 500;
const PARAMS_MAX = 10;

/** What a message may read besides the case's fields, offered first in the insertion list (words are message keys). */
export const MESSAGE_VALUES = [
  { insert: '{{case.serial}}', key: 'n_value_serial' },
  { insert: '{{person.name}}', key: 'n_value_person' },
  { insert: '{{building.name}}{{unit.number}}', key: 'n_value_unit' },
  { insert: '{{project.name}}', key: 'n_value_project' },
  { insert: '{{company.name}}', key: 'n_value_company' },
] as const;

/**
 * The form fields a message may insert: plain text, numbers and dates. A choice or a yes/no field
 * would reach the resident as its stored code, a 房屋/住户/员工 field as a record id, a photo as a
 * file id — none of them are offered.
 */
export function insertableFields(fields: FieldRef[]): FieldRef[] {
  return fields.filter(({ schema: f }) => {
    if (f['x-ref'] !== undefined || Array.isArray(f.enum) || f['x-optionsFrom'] !== undefined) return false;
    if (f.type === 'number' || f.type === 'integer') return true;
    return f.type === 'string' && !['attachment', 'signature', 'date-time'].includes(String(f.format ?? ''));
  });
}

/** A value the admin inserts by its title: shown in the text as 【title】, stored as its `{{…}}`. */
export interface MessageToken { label: string; insert: string }

export const tokenText = (label: string): string => `【${label}】`;

/** The admin's text with each 【title】 of a known value replaced by its `{{…}}` (other brackets stay as written). */
export function toTemplate(text: string, tokens: readonly MessageToken[]): string {
  return text.replace(/【([^【】]{1,40})】/g, (whole, label: string) => tokens.find((t) => t.label === label)?.insert ?? whole);
}

export function checkNotify(a: NotifyAnswers, roleIds: readonly string[], messageIds: readonly string[]): NotifyErrors {
  const errors: NotifyErrors = {};
  if (a.to === 'role' && !roleIds.includes(a.role)) errors.role = 'n_roleRequired';
  if (a.template) {
    if (!messageIds.includes(a.template)) errors.template = 'n_templateRequired';
    return errors;
  }
  if (!a.title.trim()) errors.title = 'n_titleRequired';
  if (!a.text.trim()) errors.text = 'n_textRequired';
  else if (a.text.length > MESSAGE_TEXT_MAX) errors.text = 'n_textTooLong';
  else if (insertions(a.text).length > PARAMS_MAX) errors.text = 'n_tooManyValues';
  return errors;
}

/** The `{{path}}` insertions of a text, in order, each once. */
export function insertions(text: string): string[] {
  const seen: string[] = [];
  for (const m of text.matchAll(/\{\{\s*([a-zA-Z][\w.]*)\s*\}\}/g)) if (!seen.includes(m[1]!)) seen.push(m[1]!);
  return seen;
}

/** The provider's template variables: one per insertion, named after its last part (serial, name…), unique. */
export function providerParams(text: string): Record<string, string> {
  const params: Record<string, string> = {};
  for (const path of insertions(text)) {
    const stem = (path.split('.').pop() ?? 'value').replace(/[^a-zA-Z0-9_]/g, '').slice(0, 24) || 'value';
    const name = /^[a-zA-Z]/.test(stem) ? stem : `v${stem}`;
    const free = params[name] === undefined ? name : freshId(name, Object.keys(params));
    params[free] = `{{${path}}}`;
  }
  return params;
}

/** A new message of a company type: a generated id (`<caseType>Msg<n>`: one id space per company) and its declaration. */
export function newMessage(caseType: string, takenIds: Iterable<string>, title: string, text: string): { id: string; message: MessageDecl } {
  const params = providerParams(text);
  return {
    id: freshId(`${caseType}Msg`, takenIds),
    message: { title: { 'zh-CN': title.trim() }, kind: 'service', text: text.trim(), ...(Object.keys(params).length ? { params } : {}) },
  };
}

export function notifyEffect(a: NotifyAnswers, template: string): Effect {
  const params: Record<string, unknown> = { to: a.to, template };
  if (a.to === 'role') params.role = a.role;
  if (a.to === 'resident') {
    params.channel = a.channel;
    if (a.urgent) params.urgent = true;
  }
  return { type: 'notify', params } as Effect;
}

/** Messages the workflow's notify steps send, except at the step and place given (what stays in use after removing that step). */
export function messagesInUse(wf: WorkflowDeclaration, except?: { transition: string; index: number }): Set<string> {
  const used = new Set<string>();
  for (const [id, t] of Object.entries(wf.transitions)) {
    (t.effects ?? []).forEach((e, i) => {
      if (except && id === except.transition && i === except.index) return;
      const template = (e as { params?: { template?: unknown } }).params?.template;
      if (e.type === 'notify' && typeof template === 'string') used.add(template);
    });
  }
  return used;
}
