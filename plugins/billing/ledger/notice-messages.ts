/**
 * The SMS that goes with a notice (通知书): the payment notice tells the household its bill is out
 * (billIssued), the reminder and the final notice say what is still owed and by when
 * (paymentReminder, finalNotice). Queued in the transaction that writes the notice rows, for the
 * unit's owners and occupants, keyed `notice:<bill>:<kind>` — the job rerun, a second instance or
 * the counter issuing the same notice never sends it twice. A bill already paid gets no message.
 */
import type { EntityManager } from '@mikro-orm/core';
import { UnitPerson } from '../../../core/plugin-api.js';
import type { Bill } from '../db/entities.js';
import { periodLabel } from '../domain/period-label.js';
import { yuan } from './amounts.js';
import type { NoticeKind } from './notices.js';
import type { BillingServices } from './settings.js';

export const NOTICE_MESSAGE: Record<NoticeKind, string> = { payment: 'billIssued', reminder: 'paymentReminder', final: 'finalNotice' };

export interface IssuedNoticeMessage { bill: Bill; kind: NoticeKind; amountFen: number; dueOn: string }

export async function queueNoticeMessages(services: BillingServices, em: EntityManager, companyId: number, notices: IssuedNoticeMessage[]): Promise<void> {
  const due = notices.filter((n) => n.bill.status === 'open' && n.amountFen > 0);
  if (due.length === 0) return;
  const links = await em.find(UnitPerson, { companyId, unitId: { $in: [...new Set(due.map((n) => n.bill.unitId))] }, relation: { $in: ['owner', 'occupant'] } }, { orderBy: { id: 'asc' } });
  for (const n of due) {
    const recipients = links.filter((l) => l.unitId === n.bill.unitId).map((l) => ({ personId: l.personId, unitId: n.bill.unitId }));
    if (recipients.length === 0) continue;
    await services.queueMessages(em, {
      companyId, template: NOTICE_MESSAGE[n.kind], channel: 'sms', recipients,
      context: { bill: { number: n.bill.number, period: periodLabel(n.bill.periodKey), amount: yuan(n.amountFen), dueOn: n.dueOn } },
      dedupeKey: `notice:${n.bill.id}:${n.kind}`,
    });
  }
}
