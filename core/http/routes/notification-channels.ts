/**
 * A company's message channels (SMS through Aliyun or Tencent Cloud, WeChat official-account
 * template messages): PUT sets one, its credentials sealed with AES-256-GCM before they are
 * stored (core/notifications/channels/secret-box.ts); GET shows the settings and which credential
 * keys are set, never their values. Both need config.edit.
 */
import type { FastifyInstance } from 'fastify';
import type { MikroORM } from '@mikro-orm/core';
import { NotificationChannel, type MessageProvider } from '../../db/entities/index.js';
import type { CaseService } from '../../cases/case-service.js';
import { ValidationError } from '../../errors.js';
import { ADAPTERS } from '../../notifications/channels/adapters.js';
import { MissingSecretsKeyError, seal } from '../../notifications/channels/secret-box.js';
import { checkProviderEndpoint, endpointOverridesAllowed } from '../../notifications/channels/provider-endpoint.js';
import { requireConfigPermission } from './config.js';
import { errorResponses } from '../schemas.js';

const text = (max: number) => ({ type: 'string', minLength: 1, maxLength: max }) as const;
const channelBody = {
  type: 'object',
  properties: {
    provider: { type: 'string', enum: Object.keys(ADAPTERS) },
    endpoint: { anyOf: [{ type: 'null' }, { type: 'string', maxLength: 300, pattern: '^https?://' }] },
    settings: {
      type: 'object',
      properties: {
        signName: text(40), sdkAppId: text(40), regionId: text(40), region: text(40),
        templates: { type: 'object', propertyNames: { pattern: '^[a-z][a-zA-Z0-9]{0,63}$' }, maxProperties: 100, additionalProperties: text(64) },
      },
      additionalProperties: false,
    },
    credentials: { type: 'object', maxProperties: 4, additionalProperties: text(200) },
  },
  required: ['provider', 'settings'],
  additionalProperties: false,
} as const;

interface ChannelBody { provider: MessageProvider; endpoint?: string | null; settings: Record<string, unknown>; credentials?: Record<string, string> }

export function channelView(c: NotificationChannel) {
  return {
    channel: c.channel, provider: c.provider, endpoint: c.endpoint, settings: c.settings,
    // which keys are stored, so the screen can say "set"; never their values
    credentials: Object.fromEntries(ADAPTERS[c.provider].credentialKeys.map((k) => [k, 'set'])),
    updatedAt: c.updatedAt.toISOString(),
  };
}

export async function notificationChannelRoutes(app: FastifyInstance, opts: { orm: MikroORM; cases: CaseService; now: () => Date }): Promise<void> {
  app.get('/api/notification-channels', {
    schema: { tags: ['messages'], summary: "The company's message channels: provider, endpoint, sign name, template codes; credentials only as set / not set", response: { ...errorResponses } },
  }, async (request) => {
    const principal = await requireConfigPermission(opts.cases, request, 'edit');
    const rows = await opts.orm.em.fork().find(NotificationChannel, { companyId: principal.companyId }, { orderBy: { channel: 'asc' } });
    return { items: rows.map(channelView), endpointsAllowed: endpointOverridesAllowed() };
  });

  app.put('/api/notification-channels/:channel', {
    schema: {
      tags: ['messages'], summary: 'Sets the company\'s SMS or WeChat channel; credentials are stored encrypted (WUYE_SECRETS_KEY) and never shown again',
      params: { type: 'object', properties: { channel: { type: 'string', enum: ['sms', 'wechat'] } }, required: ['channel'], additionalProperties: false },
      body: channelBody, response: { ...errorResponses },
    },
  }, async (request) => {
    const principal = await requireConfigPermission(opts.cases, request, 'edit');
    const { channel } = request.params as { channel: 'sms' | 'wechat' };
    const body = request.body as ChannelBody;
    const adapter = ADAPTERS[body.provider];
    if (adapter.channel !== channel) throw new ValidationError([{ pointer: '/provider', code: 'wrong-channel', message: `${body.provider} sends ${adapter.channel}, not ${channel}` }]);
    checkProviderEndpoint(body.endpoint);
    return opts.orm.em.fork().transactional(async (em) => {
      const row = await em.findOne(NotificationChannel, { companyId: principal.companyId, channel });
      const sameProvider = row?.provider === body.provider;
      // stored keys go only where they were entered for: a new address needs them entered again,
      // or an editor who was never given the secret could send it to a server of their own
      const sameEndpoint = (row?.endpoint ?? null) === (body.endpoint ?? null);
      if (!body.credentials && !(sameProvider && sameEndpoint)) {
        throw new ValidationError([{ pointer: '/credentials', code: 'required', message: `credentials are required: ${adapter.credentialKeys.join(', ')}` }]);
      }
      let sealed = row?.sealedCredentials ?? '';
      if (body.credentials) {
        const missing = adapter.credentialKeys.filter((k) => !body.credentials![k]);
        const unknown = Object.keys(body.credentials).filter((k) => !adapter.credentialKeys.includes(k));
        if (missing.length || unknown.length) {
          throw new ValidationError([...missing.map((k) => ({ pointer: `/credentials/${k}`, code: 'required', message: `${body.provider} needs ${k}` })),
            ...unknown.map((k) => ({ pointer: `/credentials/${k}`, code: 'additionalProperties', message: `${body.provider} takes ${adapter.credentialKeys.join(', ')}` }))]);
        }
        try {
          sealed = seal(body.credentials);
        } catch (e) {
          if (e instanceof MissingSecretsKeyError) throw new ValidationError([{ pointer: '/credentials', code: 'no-secrets-key', message: e.message }]);
          throw e;
        }
      }
      const values = { provider: body.provider, endpoint: body.endpoint ?? null, settings: body.settings, sealedCredentials: sealed, updatedAt: opts.now() };
      const saved = row ? Object.assign(row, values) : em.create(NotificationChannel, { companyId: principal.companyId, channel, ...values });
      await em.flush();
      return channelView(saved);
    });
  });
}
