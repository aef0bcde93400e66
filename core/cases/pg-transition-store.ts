/**
 * PostgreSQL's fast path for transitions: two round trips. One query reads the case with its open
 * clocks and whether another case waits on it; after the plan, one statement (data-modifying CTEs,
 * so all of it or none) claims the case at the version the plan was made on and writes the row,
 * the clock changes, the events and the follow-up. It commits on its own: the case row is locked
 * for that one statement, never across round trips. Everything after the claim is conditional on
 * it, so a stale version writes nothing. Columns as MikroORM writes them (jsonb, timestamptz).
 */
import type { MikroORM } from '@mikro-orm/core';
import { CASE_COLUMNS, caseFromColumns, clockFromColumns } from './case-row.js';
import type { StoredCase, TransitionStore, TransitionWrite } from './transition-store.js';

const READ = `
select ${CASE_COLUMNS.split(',').map((c) => `c.${c.trim()}`).join(', ')},
  (select coalesce(json_agg(json_build_object('id', d.id, 'key', d.key, 'status', d.status, 'due_at', d.due_at, 'paused_at', d.paused_at) order by d.id), '[]')
     from case_deadline d where d.case_id = c.id and d.company_id = c.company_id and d.met_at is null) as open_clocks,
  exists (select 1 from case_link l where l.company_id = c.company_id and l.from_case_id = c.id and l.kind = 'handedFrom' and l.resolved_at is null) as waited_on
from work_case c where c.id = ? and c.company_id = ? and c.case_type = ?`;

// ? 1-13: the row and the claim; 14: at; 15: stop ids; 16: pause ids; 17: resumes; 18: starts; 19: events; 20: follow-up
const WRITE = `
with claim as (
  update work_case set state = ?, data = ?::jsonb, severity = ?, title = ?, assignee_role = ?, assignee_id = ?::int, closed_at = ?::timestamptz,
    next_due_at = ?::timestamptz, overdue = ?, updated_at = ?::timestamptz, version = version + 1
  where id = ? and company_id = ? and version = ?
  returning id, company_id
),
w as (select ?::timestamptz as at),
stopped as (
  update case_deadline d set met_at = w.at, status = case when d.status in ('running', 'paused') then 'met' else d.status end, paused_at = null
  from claim, w where d.id in (select value::int from jsonb_array_elements_text(?::jsonb)) and d.company_id = claim.company_id and d.met_at is null
),
paused as (
  update case_deadline d set status = 'paused', paused_at = w.at
  from claim, w where d.id in (select value::int from jsonb_array_elements_text(?::jsonb)) and d.company_id = claim.company_id and d.status = 'running'
),
resumed as (
  update case_deadline d set status = 'running', paused_at = null, due_at = r.due_at
  from claim, jsonb_to_recordset(?::jsonb) as r(id int, due_at timestamptz)
  where d.id = r.id and d.company_id = claim.company_id and d.status = 'paused'
),
started as (
  insert into case_deadline (company_id, case_id, key, started_at, due_at, duration, status, met_at, overdue_at, escalated_to_role, calendar_gap_years)
  select claim.company_id, claim.id, k.key, k.started_at, k.due_at, k.duration, 'running', null, null, null, k.calendar_gap_years
  from claim cross join jsonb_to_recordset(?::jsonb) as k(key text, started_at timestamptz, due_at timestamptz, duration jsonb, calendar_gap_years jsonb)
),
events as (
  insert into case_event (company_id, case_id, type, transition, from_state, to_state, actor_id, actor_role, data, created_at)
  select claim.company_id, claim.id, e.type, e.transition, e.from_state, e.to_state, e.actor_id, e.actor_role, e.data, w.at
  from claim cross join w cross join jsonb_to_recordset(?::jsonb) as e(ord int, type text, transition text, from_state text, to_state text, actor_id int, actor_role text, data jsonb)
  order by e.ord
),
follow as (
  insert into follow_up (company_id, case_id, case_type, project_id, due_at, method, roles, status, satisfied, on_site, result, done_at, done_by, created_at)
  select claim.company_id, claim.id, f.case_type, f.project_id, f.due_at, f.method, f.roles, 'due', null, null, null, null, null, w.at
  from claim cross join w cross join jsonb_to_recordset(?::jsonb) as f(case_type text, project_id int, due_at timestamptz, method text, roles jsonb)
)
select count(*)::int as claimed from claim`;

export class PgTransitionStore implements TransitionStore {
  constructor(private readonly orm: MikroORM) {}

  async readCase(companyId: number, caseType: string, id: number): Promise<StoredCase | null> {
    const [row] = await this.execute(READ, [id, companyId, caseType]);
    if (!row) return null;
    return { row: caseFromColumns(row), openClocks: (row.open_clocks as Record<string, unknown>[]).map(clockFromColumns), waitedOn: row.waited_on === true };
  }

  async writeTransition(w: TransitionWrite): Promise<boolean> {
    const r = w.row;
    const f = w.followUp;
    const [result] = await this.execute(WRITE, [
      r.state, JSON.stringify(r.data), r.severity, r.title, r.assigneeRole, r.assigneeId, r.closedAt, r.nextDueAt, r.overdue, w.at,
      w.caseId, w.companyId, w.fromVersion,
      w.at,
      JSON.stringify(w.stop),
      JSON.stringify(w.pause),
      JSON.stringify(w.resume.map((c) => ({ id: c.id, due_at: c.dueAt }))),
      JSON.stringify(w.start.map((c) => ({ key: c.key, started_at: c.startedAt, due_at: c.dueAt, duration: c.duration, calendar_gap_years: c.calendarGapYears }))),
      JSON.stringify(w.events.map((e, ord) => ({ ord, type: e.type, transition: e.transition, from_state: e.fromState, to_state: e.toState, actor_id: e.actorId, actor_role: e.actorRole, data: e.data }))),
      JSON.stringify(f ? [{ case_type: f.caseType, project_id: f.projectId, due_at: f.dueAt, method: f.method, roles: f.roles }] : []),
    ]);
    return Number(result?.claimed ?? 0) === 1;
  }

  /** outside any transaction: the statement commits on its own */
  private readonly execute = (sql: string, params: unknown[]) => this.orm.em.getConnection().execute<Record<string, unknown>[]>(sql, params, 'all');
}
