/**
 * The notify effect to staff (`to: "assignee"` or `to: "role"`): staff read it in the app, so it is
 * a staff_notification of kind "message" carrying the message's title and its text rendered from
 * the plugin's (or the company's) message template — written in the transition's transaction, so
 * it commits or rolls back with the case. One row per (source, staff member): a retried request
 * or a second instance writes nothing twice.
 *
 * Who: "assignee" — the staff member holding the case when the transition is taken (effects run
 * before the transition's own assignment, so a cancelled repair reaches the technician who had
 * it) — nobody when no one is named (a case waiting in a role's queue is that queue's business,
 * told by assignedToRole); "role" — the staff acting in that role who
 * can see the case's project (the RecipientDirectory's rule: tenant and project bound). Never the
 * actor (taking a step oneself tells nobody), never a staff member who switched "message" off.
 *
 * The unread count is pushed by the fan-out job when it reads the transition's event (the bus must
 * not announce a row before it commits): see StaffNotificationFanOut.announceMessages.
 */
import type { SqlEntityManager } from '@mikro-orm/knex';
import { Building, Company, Person, Project, StaffNotification, StaffNotificationPrefs, Unit, type WorkCase } from '../../db/entities/index.js';
import type { EffectInput } from '../../plugin-types.js';
import { messageRoots, renderMessage } from '../outbox/message-templates.js';
import { templateInForce, type MessagingDeps } from '../outbox/queue-message.js';
import type { NotifyParams } from '../notify-params.js';
import { RecipientDirectory } from './recipients.js';

/** the staff_notification kind of a workflow's message to staff */
export const STAFF_MESSAGE_KIND = 'message';

export async function notifyStaff(ctx: EffectInput, deps: MessagingDeps, params: NotifyParams, row: WorkCase): Promise<void> {
  const em = ctx.em;
  const { template } = await templateInForce(em, deps, ctx.companyId, params.template, ctx.now);

  const who = new RecipientDirectory(em, deps.configs, ctx.now);
  let ids: number[] = [];
  if (params.to === 'role' && params.role) ids = await who.inRole(row.companyId, row.projectId, params.role);
  else if (params.to === 'assignee' && row.assigneeId != null) ids = await who.named(row.companyId, row.projectId, row.assigneeId);
  ids = ids.filter((id) => id !== ctx.actor.staffId);
  if (ids.length === 0) return;
  const muted = new Set((await em.find(StaffNotificationPrefs, { companyId: row.companyId, staffId: { $in: ids } })).filter((p) => p.muted.includes(STAFF_MESSAGE_KIND)).map((p) => p.staffId));
  ids = ids.filter((id) => !muted.has(id));
  if (ids.length === 0) return;

  const { text } = renderMessage(template, { ...await caseContext(em as SqlEntityManager, row), now: ctx.now.toISOString(), case: { serial: ctx.serial, caseType: ctx.caseType, state: ctx.state }, data: ctx.data });
  // the case's version keys the cause, as for messages to residents (the event id is not known yet)
  const source = `notify:${row.id}:v${row.version}:${params.template}`.slice(0, 64);
  const rows = ids.map((staffId) => ({
    companyId: row.companyId, staffId, kind: STAFF_MESSAGE_KIND, source, caseId: row.id, caseType: row.caseType, projectId: row.projectId,
    serial: row.serial, caseTitle: row.title ?? null, data: { template: params.template, title: template.title, text }, createdAt: ctx.now, readAt: null,
  }));
  await (em as SqlEntityManager).createQueryBuilder(StaffNotification).insert(rows).onConflict(['source', 'staffId']).ignore().execute('run');
}

/** What a message reads of the case's company, project, building, unit and resident (their names and numbers only). */
async function caseContext(em: SqlEntityManager, row: WorkCase): Promise<Record<string, unknown>> {
  const companyId = row.companyId;
  const company = await em.findOne(Company, { id: companyId });
  const project = await em.findOne(Project, { id: row.projectId, companyId });
  const unit = row.unitId ? await em.findOne(Unit, { id: row.unitId, companyId }) : null;
  const buildingId = row.buildingId ?? unit?.buildingId ?? null;
  const building = buildingId ? await em.findOne(Building, { id: buildingId, companyId }) : null;
  const person = row.personId ? await em.findOne(Person, { id: row.personId, companyId }) : null;
  return messageRoots({ company, project, building, unit, person });
}
