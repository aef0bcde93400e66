/**
 * The embedded database's fast path for case creation. better-sqlite3 is synchronous, so the
 * whole creation — reference checks, serial, case, event and clock rows — runs as one prepared,
 * synchronous transaction on the ORM's own connection, borrowed from its pool so it can never
 * interleave with an ORM transaction. Rows are written exactly as MikroORM writes them
 * (dates as epoch milliseconds, JSON as text, booleans as 0/1).
 */
import { counterKeyOf } from './insert-cases.js';
import type { MikroORM } from '@mikro-orm/core';
import type { AbstractSqlConnection } from '@mikro-orm/knex';
import type { Database } from 'better-sqlite3';
import { earliestDue, serialOf, type CaseStore, type CreateResult, type NewCasePlan } from './case-store.js';

/** The prepared transaction of one connection. */
type CreateTransaction = (plan: NewCasePlan) => CreateResult;

interface KnexClient {
  acquireConnection(): Promise<Database>;
  releaseConnection(connection: Database): Promise<void>;
}

export class SqliteCaseStore implements CaseStore {
  private readonly prepared = new WeakMap<Database, CreateTransaction>();

  constructor(private readonly orm: MikroORM) {}

  async createCase(plan: NewCasePlan): Promise<CreateResult> {
    const client = (this.orm.em.getConnection() as AbstractSqlConnection).getKnex().client as unknown as KnexClient;
    const db = await client.acquireConnection();
    try {
      return this.transactionFor(db)(plan);
    } finally {
      await client.releaseConnection(db);
    }
  }

  private transactionFor(db: Database): CreateTransaction {
    const known = this.prepared.get(db);
    if (known) return known;
    const unit = db.prepare('select project_id, building_id from unit where id = ? and company_id = ?');
    const person = db.prepare('select 1 from person where id = ? and company_id = ?');
    const link = db.prepare('select 1 from unit_person where unit_id = ? and person_id = ? and company_id = ?');
    const livesInProject = db.prepare('select 1 from unit_person up join unit u on u.id = up.unit_id where up.person_id = ? and up.company_id = ? and u.project_id = ? limit 1');
    const serial = db.prepare('insert into counter (company_id, key, value) values (?, ?, 1) on conflict (company_id, key) do update set value = counter.value + 1 returning value');
    const insertCase = db.prepare(`insert into work_case (company_id, case_type, serial, project_id, building_id, unit_id, person_id, state, data, severity, title,
      assignee_role, assignee_id, config_version_id, version, next_due_at, overdue, created_at, updated_at, created_by, closed_at)
      values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null, ?, 1, ?, 0, ?, ?, ?, null)`);
    const insertEvent = db.prepare(`insert into case_event (company_id, case_id, type, transition, from_state, to_state, actor_id, actor_role, data, created_at)
      values (?, ?, 'created', null, null, ?, ?, ?, ?, ?)`);
    const insertClock = db.prepare(`insert into case_deadline (company_id, case_id, key, started_at, due_at, duration, status, met_at, overdue_at, escalated_to_role, calendar_gap_years)
      values (?, ?, ?, ?, ?, ?, 'running', null, null, null, ?)`);
    const create = db.transaction((plan: NewCasePlan): CreateResult => {
      let buildingId: number | null = null;
      if (plan.unitId != null) {
        const u = unit.get(plan.unitId, plan.companyId) as { project_id: number; building_id: number } | undefined;
        if (!u) return { ok: false, problem: 'unit-not-found' };
        if (u.project_id !== plan.projectId) return { ok: false, problem: 'unit-not-found' };
        buildingId = u.building_id;
      }
      if (plan.personId != null) {
        // a resident is referenced through the project: one who lives elsewhere is not found here
        if (!person.get(plan.personId, plan.companyId) || !livesInProject.get(plan.personId, plan.companyId, plan.projectId)) return { ok: false, problem: 'person-not-found' };
        if (plan.unitId != null && !link.get(plan.unitId, plan.personId, plan.companyId)) return { ok: false, problem: 'person-not-linked' };
      }
      const value = (serial.get(plan.companyId, counterKeyOf(plan)) as { value: number }).value;
      const serialText = serialOf(plan.serialPrefix, plan.serialYear, value);
      const nextDueAt = earliestDue(plan.clocks);
      const at = plan.createdAt.getTime();
      const data = JSON.stringify(plan.data);
      const id = Number(insertCase.run(
        plan.companyId, plan.caseType, serialText, plan.projectId, buildingId, plan.unitId, plan.personId, plan.state, data, plan.severity, plan.title,
        plan.assigneeRole, plan.configVersionId, nextDueAt?.getTime() ?? null, at, at, plan.createdBy,
      ).lastInsertRowid);
      insertEvent.run(plan.companyId, id, plan.state, plan.createdBy, plan.actorRole, data, at);
      for (const c of plan.clocks) insertClock.run(plan.companyId, id, c.key, c.startedAt.getTime(), c.dueAt.getTime(), JSON.stringify(c.duration), c.calendarGapYears ? JSON.stringify(c.calendarGapYears) : null);
      return { ok: true, id, serial: serialText, buildingId, nextDueAt };
    });
    this.prepared.set(db, create);
    return create;
  }
}
