/**
 * Queues messages to residents inside the caller's transaction (a case change, a dunning step):
 * the rows commit or roll back with it, and the delivery job sends them later. Each recipient's row
 * records what happened: queued, deferred (quiet hours), or suppressed (opt-out, daily cap, no
 * phone or WeChat openid) — nothing is dropped silently.
 */
import type { EntityManager } from '@mikro-orm/core';
import { raw, type SqlEntityManager } from '@mikro-orm/knex';
import { Building, Company, OutboxMessage, Person, Project, ResidentMessagePreference, Unit, type MessageChannelKind, type MessageStatus } from '../../db/entities/index.js';
import type { ConfigService } from '../../config/config-service.js';
import type { PluginBundle } from '../../declarations/plugin-bundle.js';
import { messageRoots, messageTemplates, renderMessage } from './message-templates.js';
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

/** A message template in force for the company at `at` (the plugins', the company types', the company's own), with the settings it was found in. */
export async function templateInForce(em: EntityManager, deps: MessagingDeps, companyId: number, id: string, at: Date) {
  const version = await deps.configs.current(companyId, at, em);
  const settings = notificationSettings(await deps.configs.documentOf(companyId, version.id, em));
  const template = messageTemplates(deps.bundles(), settings.templates).get(id);
  if (!template) throw new UnknownMessageTemplateError(`no message template "${id}"`);
  return { template, settings, version };
}

export async function queueMessages(em: EntityManager, deps: MessagingDeps, input: QueueMessageInput): Promise<OutboxMessage[]> {
  const now = deps.now();
  const { template, settings, version } = await templateInForce(em, deps, input.companyId, input.template, now);
  const timezone = (await deps.configs.compiledFor(input.companyId, version.id, null, em)).calendar.timezone;
  const company = await em.findOneOrFail(Company, { id: input.companyId });
  // everything the recipients need, read once for all of them: a building-wide notice or an event
  // notice reaches hundreds of households inside the caller's transaction
  const recipients = uniqueRecipients(input.recipients);
  if (recipients.length === 0) return [];
  const looked = await lookUpRecipients(em, input.companyId, recipients, input.dedupeKey, dayStart(now, timezone));
  const rows: OutboxMessage[] = [];
  for (const r of recipients) {
    const dedupeKey = input.dedupeKey ? dedupeKeyFor(input.dedupeKey, r.personId) : null;
    if (dedupeKey && looked.queuedKeys.has(dedupeKey)) continue;
    const person = looked.people.get(r.personId);
    if (!person) continue;
    const unit = r.unitId ? looked.units.get(r.unitId) ?? null : null;
    const building = unit ? looked.buildings.get(unit.buildingId) ?? null : null;
    const project = unit ? looked.projects.get(unit.projectId) ?? null : null;
    const pref = looked.preferences.get(person.id);
    const rendered = renderMessage(template, {
      ...input.context,
      ...messageRoots({ company, project, building, unit, person }),
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
    } else if (!input.urgent && (looked.sentToday.get(person.id) ?? 0) >= settings.dailyCap) {
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

const dedupeKeyFor = (key: string, personId: number): string => `${key}:${personId}`.slice(0, 100);

/** Each person once (the first unit named for them), in the order given. */
function uniqueRecipients(recipients: readonly MessageRecipient[]): MessageRecipient[] {
  const seen = new Set<number>();
  return recipients.filter((r) => !seen.has(r.personId) && Boolean(seen.add(r.personId)));
}

interface RecipientLookups {
  people: Map<number, Person>;
  units: Map<number, Unit>;
  buildings: Map<number, Building>;
  projects: Map<number, Project>;
  preferences: Map<number, ResidentMessagePreference>;
  /** dedupe keys already queued for these recipients */
  queuedKeys: Set<string>;
  /** per person: today's non-urgent messages not suppressed (the daily cap counts these) */
  sentToday: Map<number, number>;
}

/** One query per table for every recipient, all within the company. */
async function lookUpRecipients(em: EntityManager, companyId: number, recipients: readonly MessageRecipient[], dedupeKey: string | undefined, today: Date): Promise<RecipientLookups> {
  const personIds = recipients.map((r) => r.personId);
  const unitIds = [...new Set(recipients.flatMap((r) => (r.unitId ? [r.unitId] : [])))];
  const byId = <T extends { id: number }>(list: T[]) => new Map(list.map((x) => [x.id, x]));
  // one after another: they share the caller's transaction and its one connection
  const people = await em.find(Person, { id: { $in: personIds }, companyId });
  const units = unitIds.length ? await em.find(Unit, { id: { $in: unitIds }, companyId }) : [];
  const preferences = await em.find(ResidentMessagePreference, { companyId, personId: { $in: personIds } });
  // plain rows, not entities: a partly loaded OutboxMessage must not sit in the caller's identity map
  const queued = dedupeKey
    ? await (em as SqlEntityManager).createQueryBuilder(OutboxMessage).select('dedupeKey')
      .where({ companyId, dedupeKey: { $in: personIds.map((id) => dedupeKeyFor(dedupeKey, id)) } })
      .execute<{ dedupeKey: string }[]>('all')
    : [];
  const counts = await (em as SqlEntityManager).createQueryBuilder(OutboxMessage)
    .select(['personId', raw('count(*) as n')])
    .where({ companyId, personId: { $in: personIds }, urgent: false, createdAt: { $gte: today }, status: { $ne: 'suppressed' } })
    .groupBy('personId')
    .execute<{ personId: number; n: number | string }[]>('all');
  const unitMap = byId(units);
  const buildingIds = [...new Set(units.map((u) => u.buildingId))];
  const projectIds = [...new Set(units.map((u) => u.projectId))];
  const buildings = buildingIds.length ? await em.find(Building, { id: { $in: buildingIds }, companyId }) : [];
  const projects = projectIds.length ? await em.find(Project, { id: { $in: projectIds }, companyId }) : [];
  return {
    people: byId(people),
    units: unitMap,
    buildings: byId(buildings),
    projects: byId(projects),
    preferences: new Map(preferences.map((p) => [p.personId, p])),
    queuedKeys: new Set(queued.map((q) => q.dedupeKey)),
    sentToday: new Map(counts.map((c) => [Number(c.personId), Number(c.n)])),
  };
}
