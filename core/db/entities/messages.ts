/**
 * Messages to residents (issue #20): the outbox a case change writes into in its own transaction,
 * the channels a company sends through (credentials encrypted, see core/notifications/channels/
 * secret-box.ts), and each resident's preferences (opt-outs per kind, WeChat openid).
 */
import { EntitySchema } from '@mikro-orm/core';

export type MessageChannelKind = 'sms' | 'wechat';
/** queued: waits for the delivery job; deferred: held by quiet hours; suppressed: never sent (opt-out, daily cap, no address) */
export type MessageStatus = 'queued' | 'deferred' | 'sent' | 'failed' | 'suppressed';

export class OutboxMessage {
  id!: number;
  companyId!: number;
  personId!: number | null;
  unitId!: number | null;
  caseId!: number | null;
  /** the opt-out kind (parcel, billing, service, events, notice…) */
  kind!: string;
  /** the message template's id (plugin manifest `messages`, or the company's notifications.templates) */
  template!: string;
  channel!: MessageChannelKind;
  /** phone number or WeChat openid */
  recipient!: string | null;
  params!: Record<string, string>;
  /** the rendered text, for the household's message log */
  text!: string;
  urgent!: boolean;
  status!: MessageStatus;
  /** why it was suppressed or deferred, or the provider's last error */
  reason!: string | null;
  attempts!: number;
  nextAttemptAt!: Date;
  /** a delivery run holds the row until then (another instance may take it over afterwards) */
  claimedUntil!: Date | null;
  claimToken!: string | null;
  providerMessageId!: string | null;
  /** the same dedupe key is queued once per company (e.g. a dunning step's id) */
  dedupeKey!: string | null;
  createdAt!: Date;
  sentAt!: Date | null;
}
export const OutboxMessageSchema = new EntitySchema<OutboxMessage>({
  class: OutboxMessage,
  tableName: 'outbox_message',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    companyId: { type: 'integer' },
    personId: { type: 'integer', nullable: true },
    unitId: { type: 'integer', nullable: true },
    caseId: { type: 'integer', nullable: true },
    kind: { type: 'string', length: 32 },
    template: { type: 'string', length: 64 },
    channel: { type: 'string', length: 16 },
    recipient: { type: 'string', length: 64, nullable: true },
    params: { type: 'json' },
    text: { type: 'text' },
    urgent: { type: 'boolean' },
    status: { type: 'string', length: 16 },
    reason: { type: 'string', length: 500, nullable: true },
    attempts: { type: 'integer' },
    nextAttemptAt: { type: 'datetime' },
    claimedUntil: { type: 'datetime', nullable: true },
    claimToken: { type: 'string', length: 64, nullable: true },
    providerMessageId: { type: 'string', length: 100, nullable: true },
    dedupeKey: { type: 'string', length: 100, nullable: true },
    createdAt: { type: 'datetime' },
    sentAt: { type: 'datetime', nullable: true },
  },
  indexes: [{ properties: ['status', 'nextAttemptAt'] }, { properties: ['companyId', 'unitId'] }, { properties: ['companyId', 'personId', 'createdAt'] }],
  uniques: [{ properties: ['companyId', 'dedupeKey'] }],
});

export type MessageProvider = 'aliyun' | 'tencent' | 'wechat';

export class NotificationChannel {
  id!: number;
  companyId!: number;
  channel!: MessageChannelKind;
  provider!: MessageProvider;
  /** the provider's API endpoint (default: the public one; tests point it at a local fake) */
  endpoint!: string | null;
  /** not secret: sign name, SDK app id, region, template codes per message template */
  settings!: Record<string, unknown>;
  /** AES-256-GCM sealed JSON of the provider's keys; never returned, logged or exported */
  sealedCredentials!: string;
  updatedAt!: Date;
}
export const NotificationChannelSchema = new EntitySchema<NotificationChannel>({
  class: NotificationChannel,
  tableName: 'notification_channel',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    companyId: { type: 'integer' },
    channel: { type: 'string', length: 16 },
    provider: { type: 'string', length: 16 },
    endpoint: { type: 'string', length: 300, nullable: true },
    settings: { type: 'json' },
    sealedCredentials: { type: 'text' },
    updatedAt: { type: 'datetime' },
  },
  uniques: [{ properties: ['companyId', 'channel'] }],
});

export class ResidentMessagePreference {
  id!: number;
  companyId!: number;
  personId!: number;
  /** message kinds the resident asked not to receive */
  optOutKinds!: string[];
  wechatOpenId!: string | null;
  updatedAt!: Date;
}
export const ResidentMessagePreferenceSchema = new EntitySchema<ResidentMessagePreference>({
  class: ResidentMessagePreference,
  tableName: 'resident_message_preference',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    companyId: { type: 'integer' },
    personId: { type: 'integer' },
    optOutKinds: { type: 'json' },
    wechatOpenId: { type: 'string', length: 64, nullable: true },
    updatedAt: { type: 'datetime' },
  },
  uniques: [{ properties: ['companyId', 'personId'] }],
});
