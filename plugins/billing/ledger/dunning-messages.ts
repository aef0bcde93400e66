/**
 * The message a dunning step sends (settings.dunning[].message, e.g. the phone/SMS step's
 * dunningReminder): queued for the unit's owners and occupants in the transaction that records the
 * step, keyed by the step's id — so a retried request or a second instance never sends it twice.
 */
import type { EntityManager } from '@mikro-orm/core';
import { RuleRefusedError, UnitPerson } from '../../../core/plugin-api.js';
import type { DunningStep } from '../db/entities.js';
import type { BillingSettings } from '../generated/settings.js';
import { yuan } from './amounts.js';
import type { UnitArrears } from './arrears.js';
import type { BillingServices } from './settings.js';

export async function queueDunningMessage(services: BillingServices, em: EntityManager, step: DunningStep, rung: BillingSettings['dunning'][number], arrears: UnitArrears): Promise<void> {
  const template = (rung as { message?: string }).message;
  if (!template) return;
  const people = await em.find(UnitPerson, { companyId: step.companyId, unitId: step.unitId, relation: { $in: ['owner', 'occupant'] } }, { orderBy: { id: 'asc' } });
  try {
    await services.queueMessages(em, {
      companyId: step.companyId, template, channel: 'sms', recipients: people.map((p) => ({ personId: p.personId, unitId: step.unitId })),
      context: { arrears: { months: arrears.monthsUnpaid, amount: yuan(arrears.outstandingFen) } }, dedupeKey: `dunning:${step.id}`,
    });
  } catch (e) {
    // a ladder naming a message no plugin or company declares: refuse the step rather than skip the message silently
    if ((e as Error).name === 'UnknownMessageTemplateError' || /no message template/.test((e as Error).message)) {
      throw new RuleRefusedError(`催缴步骤「${rung.title['zh-CN']}」的短信模板 ${template} 不存在，请检查收费设置`, [{ pointer: '/step', code: 'unknown-message-template', message: `settings.dunning: no message template "${template}"` }]);
    }
    throw e;
  }
}
