/**
 * What each new case event means to staff. The kernel writes the events in the same transaction
 * as the change, so reading them afterwards loses nothing and needs no hook in the case service:
 * - `assigned` → the named staff member: assignedToMe (not when they took it themselves);
 * - `created` / a state-changing `transition` → back to a state the case was in before, or a
 *   follow-up found unsatisfied: returnedForRework; otherwise, when the case waits in a role's
 *   queue with nobody named: assignedToRole for that role (not the actor);
 * - `overdue` (the overdue job) → escalatedToMe for the role it was escalated to, overdue for whoever
 *   had it (the named assignee, else the role).
 */
import type { EntityManager } from '@mikro-orm/core';
import { CaseEvent, type WorkCase } from '../../db/entities/index.js';
import type { RecipientDirectory } from './recipients.js';
import type { StaffNotificationKind } from './kinds.js';

export interface Notice {
  staffId: number;
  kind: StaffNotificationKind;
  source: string;
  caseId: number;
  data: Record<string, unknown>;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isInteger(v) ? v : null);
const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);

export async function noticesForEvent(em: EntityManager, ev: CaseEvent, row: WorkCase, who: RecipientDirectory): Promise<Notice[]> {
  const source = `event:${ev.id}`;
  const notice = (kind: StaffNotificationKind, data: Record<string, unknown>) => (staffId: number): Notice => ({ staffId, kind, source, caseId: row.id, data });
  const notActor = (ids: number[]) => ids.filter((id) => id !== ev.actorId);

  if (ev.type === 'assigned') {
    const to = num(ev.data.to);
    if (to === null || to === ev.actorId) return [];
    return (await who.named(row.companyId, row.projectId, to)).map(notice('assignedToMe', { role: str(ev.data.role) }));
  }

  if (ev.type === 'overdue') {
    // a clock whose expiry moves the case on (onExpiry): whoever had it hears it ran out; the
    // transition's own event tells the next holder
    if (str(ev.data.onExpiry)) {
      const facts = { deadline: str(ev.data.deadline), deadlineTitle: await who.deadlineTitle(row.companyId, row.caseType, str(ev.data.deadline)), dueAt: str(ev.data.dueAt) };
      return (await previousOwner(em, ev, row, who, null)).map(notice('overdue', facts));
    }
    const from = str(ev.data.escalatedFrom);
    const to = str(ev.data.escalatedTo);
    const facts = { deadline: str(ev.data.deadline), deadlineTitle: await who.deadlineTitle(row.companyId, row.caseType, str(ev.data.deadline)), dueAt: str(ev.data.dueAt), from, to };
    if (to && to !== from) {
      const escalated = await who.inRole(row.companyId, row.projectId, to);
      const owner = await previousOwner(em, ev, row, who, from);
      // someone in both (a manager who also had the case) hears it once, as escalated
      return [...escalated.map(notice('escalatedToMe', facts)), ...owner.filter((id) => !escalated.includes(id)).map(notice('overdue', facts))];
    }
    const owner = row.assigneeId != null ? await who.named(row.companyId, row.projectId, row.assigneeId)
      : row.assigneeRole ? await who.inRole(row.companyId, row.projectId, row.assigneeRole) : [];
    return owner.map(notice('overdue', facts));
  }

  const moved = ev.type === 'created' || (ev.type === 'transition' && ev.fromState !== ev.toState);
  // the case has moved on since (read late, or a step followed at once): that queue is not its queue any more
  if (!moved || row.closedAt || row.state !== ev.toState) return [];
  const facts = { state: ev.toState ?? null, role: row.assigneeRole ?? null };
  const owners = async () => notActor(row.assigneeId != null ? await who.named(row.companyId, row.projectId, row.assigneeId)
    : row.assigneeRole ? await who.inRole(row.companyId, row.projectId, row.assigneeRole) : []);
  if (ev.type === 'transition' && (ev.data.satisfied === false || await visitedBefore(em, ev))) {
    return (await owners()).map(notice('returnedForRework', { ...facts, transition: ev.transition ?? null }));
  }
  // a named assignee hears of it through the `assigned` event; a role queue through this one
  if (row.assigneeId != null || !row.assigneeRole) return [];
  return (await owners()).map(notice('assignedToRole', facts));
}

/** Whether the case was in the event's target state before (a step back to earlier work). */
async function visitedBefore(em: EntityManager, ev: CaseEvent): Promise<boolean> {
  if (!ev.toState) return false;
  const earlier = await em.findOne(CaseEvent, { companyId: ev.companyId, caseId: ev.caseId, id: { $lt: ev.id }, toState: ev.toState }, { fields: ['id'] });
  return earlier !== null;
}

/** Who had the case when its clock ran out: the last named assignee in that role, else the role. */
async function previousOwner(em: EntityManager, ev: CaseEvent, row: WorkCase, who: RecipientDirectory, fromRole: string | null): Promise<number[]> {
  const last = await em.findOne(CaseEvent, { companyId: ev.companyId, caseId: ev.caseId, id: { $lt: ev.id }, type: 'assigned' }, { orderBy: { id: 'desc' } });
  const to = last ? num(last.data.to) : null;
  if (to !== null && (!fromRole || str(last!.data.role) === fromRole || last!.data.role == null)) return who.named(row.companyId, row.projectId, to);
  return fromRole ? who.inRole(row.companyId, row.projectId, fromRole) : [];
}
