/**
 * The scheduled job that marks overdue clocks and escalates their cases to the next role up
 * (or the deadline's escalateTo role), or takes the deadline's onExpiry transition as the
 * platform. Idempotent: a clock is marked by a conditional update in the same transaction as its
 * consequence, so two instances running the job at once escalate it (or move the case) once.
 */
import { raw, type MikroORM } from '@mikro-orm/core';
import { CaseDeadline, CaseEvent, WorkCase } from '../db/entities/index.js';
import type { CaseService } from '../cases/case-service.js';
import { escalationTarget } from './clocks.js';
import { expiryTransition } from './clock-expiry.js';

const PLATFORM = { staffId: null, role: null, roles: [] as string[] };

const BATCH = 500;

export async function runOverdueScan(orm: MikroORM, cases: CaseService, now: Date, log: (err: unknown, deadlineId: number) => void = () => undefined): Promise<number> {
  let marked = 0;
  const failed = new Set<number>();
  for (;;) {
    const em = orm.em.fork();
    const due = await em.find(CaseDeadline, { status: 'running', dueAt: { $lt: now }, ...(failed.size ? { id: { $nin: [...failed] } } : {}) }, { orderBy: { dueAt: 'asc' }, limit: BATCH });
    if (due.length === 0) break;
    for (const d of due) {
      // one broken case (a configuration that no longer compiles…) must not stop the scan for everyone
      const done = await em.fork().transactional(async (tx) => {
        const claimed = await tx.nativeUpdate(CaseDeadline, { id: d.id, status: 'running' }, { status: 'overdue', overdueAt: now });
        if (claimed === 0) return false;
        const row = await tx.findOneOrFail(WorkCase, { id: d.caseId, companyId: d.companyId });
        const config = await cases.configFor(row, tx);
        const type = config.caseTypes.get(row.caseType);
        const workflow = type?.workflow;
        const onExpiry = workflow ? expiryTransition(workflow, d.key) : undefined;
        if (type && onExpiry && workflow!.transitions[onExpiry]?.from.includes(row.state)) {
          // the deadline says what happens: the case moves on (its transition stops or keeps the clock)
          tx.create(CaseEvent, {
            companyId: row.companyId, caseId: row.id, type: 'overdue', transition: null, fromState: row.state, toState: row.state,
            actorId: null, actorRole: null, data: { deadline: d.key, dueAt: d.dueAt.toISOString(), onExpiry }, createdAt: now,
          });
          await cases.applyTransition(tx, { row, config, type, access: config }, onExpiry, { version: row.version }, PLATFORM, { deadline: d.key });
          return true;
        }
        const fromRole = row.assigneeRole ?? null;
        const toRole = workflow ? escalationTarget(workflow, d.key, config.reportsTo, fromRole) : fromRole;
        await tx.nativeUpdate(CaseDeadline, { id: d.id }, { escalatedToRole: toRole });
        tx.create(CaseEvent, {
          companyId: row.companyId, caseId: row.id, type: 'overdue', transition: null, fromState: row.state, toState: row.state,
          actorId: null, actorRole: null, data: { deadline: d.key, dueAt: d.dueAt.toISOString(), escalatedFrom: fromRole, escalatedTo: toRole }, createdAt: now,
        });
        // one statement that bumps the version whatever it is now: a staff change committed in
        // between is kept, and the staff member's next stale write gets its 409
        const escalate = toRole && toRole !== fromRole ? { assigneeRole: toRole, assigneeId: null } : {};
        await tx.nativeUpdate(WorkCase, { id: row.id, companyId: row.companyId }, { overdue: true, ...escalate, version: raw('version + 1'), updatedAt: now });
        return true;
      }).catch((err: unknown) => {
        failed.add(d.id);
        log(err, d.id);
        return false;
      });
      if (done) marked++;
    }
    if (due.length < BATCH) break;
  }
  return marked;
}
