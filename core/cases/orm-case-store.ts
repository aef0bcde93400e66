/** Creating a case inside the caller's ORM transaction (a workflow effect opening one). The stores: sqlite-case-store.ts, pg-case-store.ts. */
import type { EntityManager } from '@mikro-orm/core';
import { CaseDeadline, CaseEvent, Person, Unit, UnitPerson, WorkCase } from '../db/entities/index.js';
import { earliestDue, type CreateResult, type NewCasePlan } from './case-store.js';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { nextSerialValue } from './serials.js';
import { counterKeyOf, insertCases } from './insert-cases.js';
import { serialOf } from './case-store.js';

/**
 * Creates the case in the caller's transaction (cases opened by a workflow effect). On PostgreSQL
 * in one statement, so the serial counter is taken with the case's own writes, not before them.
 */
export async function createCaseIn(em: EntityManager, plan: NewCasePlan): Promise<CreateResult> {
  if (em.getDriver() instanceof PostgreSqlDriver) {
    const [result] = await insertCases((sql, params) => em.getConnection().execute(sql, params, 'all', em.getTransactionContext()), [plan]);
    return result!;
  }
  let buildingId: number | null = null;
  if (plan.unitId != null) {
    const unit = await em.findOne(Unit, { id: plan.unitId, companyId: plan.companyId }, { fields: ['projectId', 'buildingId'] });
    if (!unit) return { ok: false, problem: 'unit-not-found' };
    if (unit.projectId !== plan.projectId) return { ok: false, problem: 'unit-not-found' };
    buildingId = unit.buildingId;
  }
  if (plan.personId != null) {
    const person = await em.findOne(Person, { id: plan.personId, companyId: plan.companyId }, { fields: ['id'] });
    // a resident is referenced through the project: one who lives elsewhere is not found here
    const homes = person ? await em.find(UnitPerson, { personId: plan.personId, companyId: plan.companyId }, { fields: ['unitId'] }) : [];
    const inProject = homes.length > 0 && (await em.count(Unit, { id: { $in: homes.map((h) => h.unitId) }, projectId: plan.projectId, companyId: plan.companyId })) > 0;
    if (!person || !inProject) return { ok: false, problem: 'person-not-found' };
    if (plan.unitId != null && !(await em.findOne(UnitPerson, { unitId: plan.unitId, personId: plan.personId, companyId: plan.companyId }))) {
      return { ok: false, problem: 'person-not-linked' };
    }
  }
  const serial = serialOf(plan.serialPrefix, plan.serialYear, await nextSerialValue(em, plan.companyId, counterKeyOf(plan)));
  const nextDueAt = earliestDue(plan.clocks);
  const row = em.create(WorkCase, {
    companyId: plan.companyId, caseType: plan.caseType, serial, projectId: plan.projectId, buildingId, unitId: plan.unitId, personId: plan.personId,
    state: plan.state, data: plan.data, severity: plan.severity, title: plan.title, assigneeRole: plan.assigneeRole, assigneeId: null,
    configVersionId: plan.configVersionId, version: 1, nextDueAt, overdue: false, createdAt: plan.createdAt, updatedAt: plan.createdAt,
    createdBy: plan.createdBy, closedAt: null,
  });
  await em.flush();
  em.create(CaseEvent, {
    companyId: plan.companyId, caseId: row.id, type: 'created', transition: null, fromState: null, toState: plan.state,
    actorId: plan.createdBy, actorRole: plan.actorRole, data: plan.data, createdAt: plan.createdAt,
  });
  for (const c of plan.clocks) {
    em.create(CaseDeadline, {
      companyId: plan.companyId, caseId: row.id, key: c.key, startedAt: c.startedAt, dueAt: c.dueAt, duration: c.duration,
      status: 'running', metAt: null, overdueAt: null, escalatedToRole: null, calendarGapYears: c.calendarGapYears,
    });
  }
  return { ok: true, id: row.id, serial, buildingId, nextDueAt };
}
