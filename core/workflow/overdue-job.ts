/**
 * The scheduled job that marks overdue clocks and escalates their cases to the next role up
 * (or the deadline's escalateTo role). Idempotent: a clock is marked by a conditional update, so
 * two instances running the job at once escalate it once.
 */
import type { MikroORM } from '@mikro-orm/core';
import { CaseDeadline, CaseEvent, WorkCase } from '../db/entities/index.js';
import type { CaseService } from '../cases/case-service.js';

const BATCH = 500;

export async function runOverdueScan(orm: MikroORM, cases: CaseService, now: Date): Promise<number> {
  let marked = 0;
  for (;;) {
    const em = orm.em.fork();
    const due = await em.find(CaseDeadline, { status: 'running', dueAt: { $lt: now } }, { orderBy: { dueAt: 'asc' }, limit: BATCH });
    if (due.length === 0) break;
    for (const d of due) {
      const done = await em.fork().transactional(async (tx) => {
        const claimed = await tx.nativeUpdate(CaseDeadline, { id: d.id, status: 'running' }, { status: 'overdue', overdueAt: now });
        if (claimed === 0) return false;
        const row = await tx.findOneOrFail(WorkCase, { id: d.caseId, companyId: d.companyId });
        const config = await cases.configFor(row, tx);
        const decl = config.caseTypes.get(row.caseType)?.workflow.deadlines?.[d.key];
        const fromRole = row.assigneeRole ?? null;
        const toRole = decl?.escalateTo ?? config.reportsTo(fromRole) ?? fromRole;
        await tx.nativeUpdate(CaseDeadline, { id: d.id }, { escalatedToRole: toRole });
        tx.create(CaseEvent, {
          companyId: row.companyId, caseId: row.id, type: 'overdue', transition: null, fromState: row.state, toState: row.state,
          actorId: null, actorRole: null, data: { deadline: d.key, dueAt: d.dueAt.toISOString(), escalatedFrom: fromRole, escalatedTo: toRole }, createdAt: now,
        });
        row.overdue = true;
        if (toRole && toRole !== fromRole) {
          row.assigneeRole = toRole;
          row.assigneeId = null;
        }
        row.version += 1;
        row.updatedAt = now;
        return true;
      });
      if (done) marked++;
    }
    if (due.length < BATCH) break;
  }
  return marked;
}
