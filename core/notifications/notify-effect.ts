/**
 * The workflow effect `notify`: queues a message to residents, or tells staff in the app, in the
 * transition's transaction.
 *   { "type": "notify", "params": { "to": "resident", "template": "parcelArrived", "channel": "sms", "urgent": false } }
 *   { "type": "notify", "params": { "to": "role", "role": "director", "template": "majorComplaint" } }
 * to: "resident" — the case's resident, else its unit's owners and occupants;
 *     "households" — every household of the case's building (or of the building a form field names: buildingField);
 *     "assignee" — the staff member holding the case (named), "role" — a role's
 *     staff in the case's project: a staff notification (core/notifications/staff/notify-staff.ts).
 * channel: "sms" (default) or "wechat"; urgent: sent in quiet hours and over the daily cap.
 * A reminder taken twice sends twice (each transition is its own event); the transition's event id
 * is not known yet, so the case's version keys the dedupe.
 */
import { WorkCase } from '../db/entities/index.js';
import type { EffectInput } from '../plugin-types.js';
import { buildingHouseholds, unitResidents } from './outbox/recipients.js';
import { queueMessages, type MessageRecipient, type MessagingDeps } from './outbox/queue-message.js';
import type { NotifyParams } from './notify-params.js';
import { notifyStaff } from './staff/notify-staff.js';

export function notifyEffect(deps: MessagingDeps) {
  return async (ctx: EffectInput): Promise<void> => {
    const params = ctx.params as unknown as NotifyParams;
    const row = await ctx.em.findOneOrFail(WorkCase, { id: ctx.caseId, companyId: ctx.companyId });
    if (params.to === 'assignee' || params.to === 'role') return notifyStaff(ctx, deps, params, row);
    let recipients: MessageRecipient[] = [];
    if (params.to === 'resident') {
      if (row.personId) recipients = [{ personId: row.personId, unitId: row.unitId ?? null }];
      else if (row.unitId) recipients = await unitResidents(ctx.em, ctx.companyId, row.unitId);
    } else {
      const named = params.buildingField ? ctx.data[params.buildingField] : undefined;
      const buildingId = typeof named === 'number' ? named : row.buildingId ?? null;
      if (buildingId) recipients = await buildingHouseholds(ctx.em, ctx.companyId, buildingId);
    }
    if (recipients.length === 0) return;
    await queueMessages(ctx.em, deps, {
      companyId: ctx.companyId, template: params.template, channel: params.channel ?? 'sms', urgent: params.urgent === true, recipients,
      caseId: ctx.caseId, dedupeKey: `case:${ctx.caseId}:v${row.version}:${params.template}`,
      context: { case: { serial: ctx.serial, caseType: ctx.caseType, state: ctx.state }, data: ctx.data },
    });
  };
}
