/**
 * Messages to residents over HTTP: a household's message log (in the archive, 一户一档), the
 * company's undelivered messages (failed, waiting for a retry, deferred), a resident's message
 * preferences (opt-out per kind, WeChat openid), and a building-wide notice (停水停电) from the desk.
 */
import type { FastifyInstance } from 'fastify';
import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/core';
import { Building, OutboxMessage, Person, ResidentMessagePreference, Unit, UnitPerson } from '../../db/entities/index.js';
import type { CaseService } from '../../cases/case-service.js';
import type { CaseQueries } from '../../cases/case-queries.js';
import type { ConfigService } from '../../config/config-service.js';
import { hasPermission } from '../../cases/access.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../../errors.js';
import { privacyFor, type PrivacyPolicy } from '../../registry/privacy.js';
import { principalOf } from '../auth-hook.js';
import { errorResponses } from '../schemas.js';
import { requireConfigPermission } from './config.js';
import { REGISTRY_EDIT } from './household-archive.js';
import { REPORTS_VIEW } from './reports.js';
import { buildingHouseholds } from '../../notifications/outbox/recipients.js';
import { queueMessages, UnknownMessageTemplateError, type MessagingDeps } from '../../notifications/outbox/queue-message.js';
import { messageTemplates, staffOnlyMessages } from '../../notifications/outbox/message-templates.js';
import { companyTypeBundles } from '../../config/company-case-types.js';
import { notificationSettings } from '../../notifications/outbox/notification-settings.js';
import { monthlyMessageCounts } from '../../notifications/outbox/monthly-message-counts.js';

/** sends building-wide notices (停水停电) from the desk */
export const MESSAGES_NOTICE = 'messages.notice';

const id32 = { type: 'integer', minimum: 1, maximum: 2147483647 } as const;
const idParams = { type: 'object', properties: { id: id32 }, required: ['id'], additionalProperties: false } as const;

interface Opts { orm: MikroORM; cases: CaseService; queries: CaseQueries; configs: ConfigService; messaging: MessagingDeps; now: () => Date }

export function messageView(m: OutboxMessage, policy: PrivacyPolicy | null, names: Map<number, string>) {
  return {
    id: m.id, kind: m.kind, template: m.template, channel: m.channel, status: m.status, reason: m.reason, attempts: m.attempts, urgent: m.urgent,
    text: m.text, caseId: m.caseId, unitId: m.unitId, personId: m.personId, personName: m.personId ? names.get(m.personId) ?? null : null,
    // a phone goes out as the caller's privacy rule says; an openid is nobody's business on a screen
    recipient: m.channel === 'sms' && policy ? policy.phone(m.recipient) : null,
    createdAt: m.createdAt.toISOString(), nextAttemptAt: m.status === 'queued' || m.status === 'deferred' ? m.nextAttemptAt.toISOString() : null, sentAt: m.sentAt?.toISOString() ?? null,
  };
}

export async function messageRoutes(app: FastifyInstance, opts: Opts): Promise<void> {
  /** The message templates new messages use now: the plugins', replaced or added to by the company's configuration. */
  const templatesInForce = async (companyId: number, em: EntityManager) => {
    const version = await opts.configs.current(companyId, opts.now(), em);
    const document = await opts.configs.documentOf(companyId, version.id, em);
    const templates = messageTemplates(opts.messaging.bundles(), notificationSettings(document).templates);
    // the company's own types send their messages too: one told only to staff needs no provider code
    return { templates, staffOnly: staffOnlyMessages([...opts.messaging.bundles(), ...companyTypeBundles(document)]) };
  };

  const personNames = async (companyId: number, ids: (number | null)[]) => {
    const wanted = [...new Set(ids.filter((i): i is number => i !== null))];
    const people = wanted.length ? await opts.orm.em.fork().find(Person, { companyId, id: { $in: wanted } }, { fields: ['id', 'name'] }) : [];
    return new Map(people.map((p) => [p.id, p.name]));
  };

  app.get('/api/units/:id/messages', {
    schema: { tags: ['messages'], summary: "A household's message log: what was sent to its residents, when, and how delivery went (newest first)", params: idParams, response: { ...errorResponses } },
  }, async (request) => {
    const principal = principalOf(request);
    const { id } = request.params as { id: number };
    const em = opts.orm.em.fork();
    const scope = await opts.queries.projectScope(principal);
    const unit = await em.findOne(Unit, { id, companyId: principal.companyId });
    if (!unit || (scope && !scope.includes(unit.projectId))) throw new NotFoundError('unit');
    const policy = await privacyFor(opts.configs, principal, opts.now());
    if (policy.visitorOnly) throw new ForbiddenError('the visitor desk sees room numbers only (privacy.visitorOnly)');
    const rows = await em.find(OutboxMessage, { companyId: principal.companyId, unitId: unit.id }, { orderBy: { id: 'desc' }, limit: 300 });
    const names = await personNames(principal.companyId, rows.map((r) => r.personId));
    return { items: rows.map((r) => messageView(r, policy, names)) };
  });

  app.get('/api/messages/templates', {
    schema: { tags: ['messages'], summary: "The company's message templates (plugins', then the company's own): id, title and kind, for the screens that name them", response: { ...errorResponses } },
  }, async (request) => {
    const principal = principalOf(request);
    // toStaff: told to staff in the app only (no provider template code to register)
    const { templates, staffOnly } = await templatesInForce(principal.companyId, opts.orm.em.fork());
    const items = [...templates].map(([id, m]) => ({ id, title: m.title, kind: m.kind, optOut: m.optOut !== false, params: Object.keys(m.params ?? {}), toStaff: staffOnly.has(id) }));
    return { items: items.sort((a, b) => a.id.localeCompare(b.id)) };
  });

  app.get('/api/messages/undelivered', {
    schema: {
      tags: ['messages'], summary: 'Messages not delivered: failed (with the provider\'s error), waiting for a retry, or deferred by quiet hours',
      querystring: { type: 'object', properties: { status: { type: 'string', enum: ['failed', 'queued', 'deferred'] } }, additionalProperties: false },
      response: { ...errorResponses },
    },
  }, async (request) => {
    // the configuration's readers see the company's; supervisors who send notices, their projects'
    const principal = principalOf(request);
    const config = await opts.cases.configForCompany(principal);
    let units: number[] | null = null;
    if (!['config.view', 'config.edit'].some((p) => hasPermission(principal, config, p))) {
      if (!hasPermission(principal, config, MESSAGES_NOTICE)) await requireConfigPermission(opts.cases, request, 'view');
      const scope = await opts.queries.projectScope(principal);
      if (scope) units = (await opts.orm.em.fork().find(Unit, { companyId: principal.companyId, projectId: { $in: scope } }, { fields: ['id'] })).map((u) => u.id);
    }
    const { status } = request.query as { status?: 'failed' | 'queued' | 'deferred' };
    const rows = await opts.orm.em.fork().find(OutboxMessage, {
      companyId: principal.companyId, status: status ? status : { $in: ['failed', 'queued', 'deferred'] }, ...(units ? { unitId: { $in: units } } : {}),
    }, { orderBy: { id: 'desc' }, limit: 300 });
    const names = await personNames(principal.companyId, rows.map((r) => r.personId));
    return { items: rows.map((r) => messageView(r, null, names)) };
  });

  app.get('/api/reports/monthly/messages', {
    schema: {
      tags: ['messages', 'reports'], summary: "The monthly report's messages to residents: how many of each kind were sent, failed, suppressed or still waiting (company time zone)",
      querystring: { type: 'object', properties: { month: { type: 'string', pattern: '^\\d{4}-(0[1-9]|1[0-2])$' } }, required: ['month'], additionalProperties: false },
      response: { ...errorResponses },
    },
  }, async (request) => {
    const principal = principalOf(request);
    const config = await opts.cases.configForCompany(principal);
    if (!hasPermission(principal, config, REPORTS_VIEW)) throw new ForbiddenError(`statistics need the ${REPORTS_VIEW} permission`);
    const { month } = request.query as { month: string };
    return monthlyMessageCounts(opts.orm.em.fork(), principal.companyId, month, config.calendar.timezone);
  });

  app.put('/api/residents/:id/message-preferences', {
    schema: {
      tags: ['messages'], summary: "A resident's message preferences: the kinds they opted out of (parcel, billing, events…), their WeChat openid",
      params: idParams,
      body: {
        type: 'object',
        properties: {
          optOutKinds: { type: 'array', items: { type: 'string', pattern: '^[a-z][a-zA-Z0-9]{0,31}$' }, uniqueItems: true, maxItems: 30 },
          wechatOpenId: { anyOf: [{ type: 'null' }, { type: 'string', pattern: '^[A-Za-z0-9_-]{6,64}$' }] },
        },
        required: ['optOutKinds'],
        additionalProperties: false,
      },
      response: { ...errorResponses },
    },
  }, async (request) => {
    const principal = principalOf(request);
    const config = await opts.cases.configForCompany(principal);
    if (!hasPermission(principal, config, REGISTRY_EDIT)) throw new ForbiddenError(`a resident's message preferences need the ${REGISTRY_EDIT} permission`);
    const { id } = request.params as { id: number };
    const body = request.body as { optOutKinds: string[]; wechatOpenId?: string | null };
    return opts.orm.em.fork().transactional(async (em) => {
      const person = await em.findOne(Person, { id, companyId: principal.companyId });
      if (!person) throw new NotFoundError('resident');
      const scope = await opts.queries.projectScope(principal);
      if (scope) {
        const links = await em.find(UnitPerson, { companyId: principal.companyId, personId: id });
        const units = links.length ? await em.find(Unit, { companyId: principal.companyId, id: { $in: links.map((l) => l.unitId) } }) : [];
        if (!units.some((u) => scope.includes(u.projectId))) throw new NotFoundError('resident');
      }
      // the plugins' kinds and the company's own (a kind only its notifications.templates declare)
      const kinds = new Set([...(await templatesInForce(principal.companyId, em)).templates.values()].map((m) => m.kind));
      const unknown = body.optOutKinds.findIndex((k) => !kinds.has(k));
      if (unknown >= 0) throw new ValidationError([{ pointer: `/optOutKinds/${unknown}`, code: 'enum', message: `unknown message kind "${body.optOutKinds[unknown]}" (known: ${[...kinds].sort().join(', ')})` }]);
      let pref = await em.findOne(ResidentMessagePreference, { companyId: principal.companyId, personId: id });
      const values = { optOutKinds: body.optOutKinds, wechatOpenId: body.wechatOpenId === undefined ? pref?.wechatOpenId ?? null : body.wechatOpenId, updatedAt: opts.now() };
      pref = pref ? Object.assign(pref, values) : em.create(ResidentMessagePreference, { companyId: principal.companyId, personId: id, ...values });
      await em.flush();
      return { personId: id, optOutKinds: pref.optOutKinds, wechatOpenIdSet: pref.wechatOpenId !== null };
    });
  });

  app.post('/api/messages/building-notice', {
    schema: {
      tags: ['messages'], summary: 'Sends a notice to every household of a building (停水停电): the message template reads notice.what, notice.from, notice.until',
      body: {
        type: 'object',
        properties: {
          buildingId: id32,
          template: { type: 'string', pattern: '^[a-z][a-zA-Z0-9]{0,63}$' },
          channel: { type: 'string', enum: ['sms', 'wechat'] },
          urgent: { type: 'boolean' },
          notice: {
            type: 'object',
            properties: { what: { type: 'string', minLength: 1, maxLength: 60 }, from: { type: 'string', minLength: 1, maxLength: 30 }, until: { type: 'string', minLength: 1, maxLength: 30 } },
            required: ['what', 'from', 'until'],
            additionalProperties: false,
          },
        },
        required: ['buildingId', 'template', 'notice'],
        additionalProperties: false,
      },
      response: { 201: { type: 'object', properties: { households: { type: 'integer' }, byStatus: { type: 'object', additionalProperties: { type: 'integer' } } } }, ...errorResponses },
    },
  }, async (request, reply) => {
    const principal = principalOf(request);
    const config = await opts.cases.configForCompany(principal);
    if (!hasPermission(principal, config, MESSAGES_NOTICE)) throw new ForbiddenError(`building notices need the ${MESSAGES_NOTICE} permission`);
    const body = request.body as { buildingId: number; template: string; channel?: 'sms' | 'wechat'; urgent?: boolean; notice: Record<string, string> };
    const result = await opts.orm.em.fork().transactional(async (em) => {
      const building = await em.findOne(Building, { id: body.buildingId, companyId: principal.companyId });
      const scope = await opts.queries.projectScope(principal);
      if (!building || (scope && !scope.includes(building.projectId))) throw new NotFoundError('buildingId: building');
      const version = await opts.configs.current(principal.companyId, opts.now(), em);
      const settings = notificationSettings(await opts.configs.documentOf(principal.companyId, version.id, em));
      const template = messageTemplates(opts.messaging.bundles(), settings.templates).get(body.template);
      if (!(template?.context as string[] | undefined)?.includes('notice')) {
        throw new ValidationError([{ pointer: '/template', code: 'not-a-notice', message: `"${body.template}" is not a notice template (a message whose context includes notice)` }]);
      }
      const recipients = await buildingHouseholds(em, principal.companyId, building.id);
      try {
        return await queueMessages(em, opts.messaging, {
          companyId: principal.companyId, template: body.template, channel: body.channel ?? 'sms', urgent: body.urgent === true, recipients, context: { notice: body.notice },
        });
      } catch (e) {
        if (e instanceof UnknownMessageTemplateError) throw new ValidationError([{ pointer: '/template', code: 'unknown-message-template', message: e.message }]);
        throw e;
      }
    });
    reply.code(201);
    const counts: Record<string, number> = {};
    for (const m of result) counts[m.status] = (counts[m.status] ?? 0) + 1;
    return { households: result.length, byStatus: counts };
  });
}
