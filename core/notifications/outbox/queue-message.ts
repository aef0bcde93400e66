/**
 * Queues messages to residents inside the caller's transaction (a case change, a dunning step):
 * the rows commit or roll back with it, and the delivery job sends them later. Each recipient's row
 * records what happened: queued, deferred (quiet hours), or suppressed (opt-out, daily cap, no
 * phone or WeChat openid) — nothing is dropped silently.
 */
import type { EntityManager } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { Building, Company, OutboxMessage, Person, Project, ResidentMessagePreference, Unit, type MessageChannelKind, type MessageStatus } from '../../db/entities/index.js';
import type { ConfigService } from '../../config/config-service.js';
import type { PluginBundle } from '../../declarations/plugin-bundle.js';
import { messageTemplates, renderMessage } from './message-templates.js';
import { dayStart, notificationSettings, quietUntil } from './notification-settings.js';

export interface MessageRecipient {
  personId: number;
  unitId: number | null;
}

export interface QueueMessageInput {
  companyId: number;
  /** message template id (a plugin's `messages`, or the company's notifications.templates) */
  template: string;
  channel: MessageChannelKind;
  /** sent even in quiet hours and over the daily cap (a water cut today, a final notice) */
  urgent?: boolean;
  recipients: MessageRecipient[];
  /** what the template reads besides company, project, building, unit, person and now */
  context?: Record<string, unknown>;
  caseId?: number | null;
  /** queued once per company and recipient: a retried request or a second instance adds nothing */
  dedupeKey?: string;
}

export interface MessagingDeps {
  configs: ConfigService;
  bundles: () => readonly PluginBundle[];
  now: () => Date;
}

export class UnknownMessageTemplateError extends Error {
  override name = 'UnknownMessageTemplateError';
}

export async function queueMessages(em: EntityManager, deps: MessagingDeps, input: QueueMessageInput): Promise<OutboxMessage[]> {
  const now = deps.now();
  const version = await deps.configs.current(input.companyId, now, em);
  const document = await deps.configs.documentOf(input.companyId, version.id, em);
  const settings = notificationSettings(document);
  const template = messageTemplates(deps.bundles(), settings.templates).get(input.template);
  if (!template) throw new UnknownMessageTemplateError(`no message template "${input.template}"`);
  const timezone = (await deps.configs.compiledFor(input.companyId, version.id, null, em)).calendar.timezone;
  const company = await em.findOneOrFail(Company, { id: input.companyId });
  const rows: OutboxMessage[] = [];
  const seen = new Set<number>();
  for (const r of input.recipients) {
    if (seen.has(r.personId)) continue;
    seen.add(r.personId);
    const dedupeKey = input.dedupeKey ? `${input.dedupeKey}:${r.personId}`.slice(0, 100) : null;
    if (dedupeKey && (await em.count(OutboxMessage, { companyId: input.companyId, dedupeKey })) > 0) continue;
    const person = await em.findOne(Person, { id: r.personId, companyId: input.companyId });
    if (!person) continue;
    const unit = r.unitId ? await em.findOne(Unit, { id: r.unitId, companyId: input.companyId }) : null;
    const building = unit ? await em.findOne(Building, { id: unit.buildingId, companyId: input.companyId }) : null;
    const project = unit ? await em.findOne(Project, { id: unit.projectId, companyId: input.companyId }) : null;
    const pref = await em.findOne(ResidentMessagePreference, { companyId: input.companyId, personId: person.id });
    const rendered = renderMessage(template, {
      ...input.context,
      company: { name: company.name },
      project: project ? { name: project.name, code: project.code } : {},
      building: building ? { name: building.name, code: building.code } : {},
      unit: unit ? { number: unit.number } : {},
      person: { name: person.name },
      now: now.toISOString(),
    });
    const recipient = input.channel === 'sms' ? person.phone ?? null : pref?.wechatOpenId ?? null;
    let status: MessageStatus = 'queued';
    let reason: string | null = null;
    let nextAttemptAt = now;
    if (template.optOut !== false && pref?.optOutKinds.includes(template.kind)) {
      status = 'suppressed';
      reason = 'opt-out';
    } else if (!recipient) {
      status = 'suppressed';
      reason = input.channel === 'sms' ? 'no-phone' : 'no-wechat-openid';
    } else if (!input.urgent && (await em.count(OutboxMessage, {
      companyId: input.companyId, personId: person.id, urgent: false, createdAt: { $gte: dayStart(now, timezone) }, status: { $ne: 'suppressed' },
    })) >= settings.dailyCap) {
      status = 'suppressed';
      reason = 'daily-cap';
    } else if (input.channel === 'sms' && !input.urgent) {
      const until = quietUntil(now, settings.quietHours, timezone);
      if (until) {
        status = 'deferred';
        reason = 'quiet-hours';
        nextAttemptAt = until;
      }
    }
    const row = {
      companyId: input.companyId, personId: person.id, unitId: r.unitId, caseId: input.caseId ?? null, kind: template.kind, template: input.template,
      channel: input.channel, recipient, params: rendered.params, text: rendered.text, urgent: input.urgent === true, status, reason,
      attempts: 0, nextAttemptAt, claimedUntil: null, claimToken: null, providerMessageId: null, dedupeKey, createdAt: now, sentAt: null,
    };
    // in the caller's transaction; a row another instance queued under the same key meanwhile stands
    const result = await (em as SqlEntityManager).createQueryBuilder(OutboxMessage).insert(row).onConflict(['companyId', 'dedupeKey']).ignore().execute('run');
    if (result.affectedRows === 1) rows.push(Object.assign(new OutboxMessage(), row, { id: Number(result.insertId) }));
  }
  return rows;
}
