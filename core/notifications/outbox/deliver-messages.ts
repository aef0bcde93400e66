/**
 * The delivery job: sends the messages that are due through each company's channel. A run claims
 * each row with one conditional UPDATE (status still queued/deferred, due, not held by another
 * run) before sending, so two instances — or a timer firing twice — never send a message twice.
 * A provider's refusal is retried with backoff (1, 2, 4… minutes) and, after the company's
 * maxAttempts, the message is marked failed with the provider's error. A run that dies between
 * claim and answer leaves the row claimed until claimedUntil; it is then tried again.
 */
import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/core';
import { NotificationChannel, OutboxMessage } from '../../db/entities/index.js';
import type { ConfigService } from '../../config/config-service.js';
import { ADAPTERS } from '../channels/adapters.js';
import { unseal } from '../channels/secret-box.js';
import type { SendResult } from '../channels/channel-adapter.js';
import { notificationSettings } from './notification-settings.js';

const CLAIM_MS = 2 * 60_000;
const BATCH = 50;

export interface DeliveryDeps {
  orm: MikroORM;
  configs: ConfigService;
  log: (level: 'info' | 'warn', obj: Record<string, unknown>, msg: string) => void;
}

export interface DeliveryRun { sent: number; retried: number; failed: number }

export async function deliverDueMessages(deps: DeliveryDeps, at: Date): Promise<DeliveryRun> {
  const em = deps.orm.em.fork();
  const due = { status: { $in: ['queued', 'deferred'] as OutboxMessage['status'][] }, nextAttemptAt: { $lte: at }, $or: [{ claimedUntil: null }, { claimedUntil: { $lt: at } }] };
  const candidates = await em.find(OutboxMessage, due, { orderBy: { id: 'asc' }, limit: BATCH, fields: ['id'] });
  const run: DeliveryRun = { sent: 0, retried: 0, failed: 0 };
  // a run's batch mostly goes through one or two companies' channels: read and unseal each once
  const channels = new Map<string, Promise<OpenedChannel | SendFailure>>();
  const channelFor = (m: OutboxMessage) => {
    const key = `${m.companyId}:${m.channel}`;
    if (!channels.has(key)) channels.set(key, openChannel(em, m.companyId, m.channel));
    return channels.get(key)!;
  };
  for (const { id } of candidates) {
    const token = randomUUID();
    const claimed = await em.nativeUpdate(OutboxMessage, { id, ...due }, { claimToken: token, claimedUntil: new Date(at.getTime() + CLAIM_MS) });
    if (claimed !== 1) continue;
    const message = await em.fork().findOneOrFail(OutboxMessage, { id });
    const result = await send(await channelFor(message), message, at);
    const attempts = message.attempts + 1;
    if (result.ok) {
      await em.nativeUpdate(OutboxMessage, { id, claimToken: token }, { status: 'sent', sentAt: at, attempts, reason: null, providerMessageId: result.providerMessageId, claimToken: null, claimedUntil: null });
      run.sent++;
      deps.log('info', { messageId: id, companyId: message.companyId, template: message.template }, 'message sent');
      continue;
    }
    const maxAttempts = await companyMaxAttempts(deps, message.companyId, at);
    const giveUp = attempts >= maxAttempts;
    await em.nativeUpdate(OutboxMessage, { id, claimToken: token }, {
      status: giveUp ? 'failed' : 'queued', attempts, reason: result.error, claimToken: null, claimedUntil: null,
      nextAttemptAt: giveUp ? message.nextAttemptAt : new Date(at.getTime() + 60_000 * 2 ** (attempts - 1)),
    });
    if (giveUp) run.failed++;
    else run.retried++;
    deps.log('warn', { messageId: id, companyId: message.companyId, attempts, error: result.error }, giveUp ? 'message failed' : 'message will be retried');
  }
  return run;
}

type SendFailure = Extract<SendResult, { ok: false }>;
interface OpenedChannel { provider: NotificationChannel['provider']; endpoint: NotificationChannel['endpoint']; settings: NotificationChannel['settings']; credentials: Record<string, string> }

async function openChannel(em: ReturnType<MikroORM['em']['fork']>, companyId: number, kind: OutboxMessage['channel']): Promise<OpenedChannel | SendFailure> {
  const channel = await em.fork().findOne(NotificationChannel, { companyId, channel: kind });
  if (!channel) return { ok: false, error: `channel: no ${kind} channel is configured for the company` };
  try {
    return { provider: channel.provider, endpoint: channel.endpoint, settings: channel.settings, credentials: unseal(channel.sealedCredentials) };
  } catch (e) {
    return { ok: false, error: `channel: credentials cannot be opened (${(e as Error).constructor.name}); check WUYE_SECRETS_KEY` };
  }
}

async function send(channel: OpenedChannel | SendFailure, message: OutboxMessage, at: Date): Promise<SendResult> {
  if ('ok' in channel) return channel;
  const adapter = ADAPTERS[channel.provider];
  if (!adapter) return { ok: false, error: `channel: unknown provider ${channel.provider}` };
  const templateCode = (channel.settings.templates as Record<string, string> | undefined)?.[message.template];
  if (!templateCode) return { ok: false, error: `channel: no provider template code registered for message "${message.template}"` };
  return adapter.send({ endpoint: channel.endpoint, settings: channel.settings, credentials: channel.credentials }, { recipient: message.recipient!, templateCode, params: message.params }, at);
}

async function companyMaxAttempts(deps: DeliveryDeps, companyId: number, at: Date): Promise<number> {
  const version = await deps.configs.current(companyId, at);
  return notificationSettings(await deps.configs.documentOf(companyId, version.id)).maxAttempts;
}
