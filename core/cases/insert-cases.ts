/**
 * Writes new cases on PostgreSQL in one statement: reference checks, the serial counter, the case
 * rows, their first events and their clocks. Data-modifying CTEs run as one statement, so either
 * all of it happens or none — a case that is refused or rolled back takes no number. Columns are
 * written as MikroORM writes them (jsonb, timestamptz).
 */
import { earliestDue, type CreateResult, type NewCasePlan, type RefProblem } from './case-store.js';

/** Runs SQL with `?` placeholders on some connection (autocommit, or a transaction's). */
export type Execute = (sql: string, params: unknown[]) => Promise<Record<string, unknown>[]>;

/** The counter row a case's serial comes from. */
export function counterKeyOf(plan: Pick<NewCasePlan, 'caseType' | 'serialYear'>): string {
  return `serial:${plan.caseType}:${plan.serialYear}`;
}

// $1: the plans as a jsonb array, in arrival order (ord). Serials follow that order per counter.
const INSERT_CASES = `
with p as (
  select * from jsonb_to_recordset(?::jsonb) as p(
    ord int, company_id int, case_type text, counter_key text, prefix text, year int, project_id int, unit_id int, person_id int,
    state text, data jsonb, severity text, title text, assignee_role text, config_version_id int, next_due_at timestamptz,
    created_at timestamptz, created_by int, actor_role text, clocks jsonb)
),
checked as (
  select p.*, u.building_id,
    case
      when p.unit_id is not null and (u.id is null or u.project_id <> p.project_id) then 'unit-not-found'
      -- a resident is referenced through the project: one who lives elsewhere is not found here
      when p.person_id is not null and not exists (select 1 from person pe where pe.id = p.person_id and pe.company_id = p.company_id) then 'person-not-found'
      when p.person_id is not null and not exists (
        select 1 from unit_person up join unit uu on uu.id = up.unit_id
        where up.person_id = p.person_id and up.company_id = p.company_id and uu.project_id = p.project_id) then 'person-not-found'
      when p.unit_id is not null and p.person_id is not null and not exists (
        select 1 from unit_person up where up.unit_id = p.unit_id and up.person_id = p.person_id and up.company_id = p.company_id) then 'person-not-linked'
    end as problem
  from p left join unit u on u.id = p.unit_id and u.company_id = p.company_id
),
ok as (
  select c.*, row_number() over w as rn, count(*) over (partition by c.company_id, c.counter_key) as n
  from checked c where c.problem is null
  window w as (partition by c.company_id, c.counter_key order by c.ord)
),
counted as (
  insert into counter (company_id, key, value)
  select company_id, counter_key, max(n) from ok group by company_id, counter_key
  on conflict (company_id, key) do update set value = counter.value + excluded.value
  returning company_id, key, value
),
numbered as (
  select ok.*, ok.prefix || '-' || ok.year || '-' || lpad(s.v::text, greatest(6, length(s.v::text)), '0') as serial
  from ok join counted k on k.company_id = ok.company_id and k.key = ok.counter_key
  cross join lateral (select k.value - ok.n + ok.rn as v) s
),
cases as (
  insert into work_case (company_id, case_type, serial, project_id, building_id, unit_id, person_id, state, data, severity, title,
    assignee_role, assignee_id, config_version_id, version, next_due_at, overdue, created_at, updated_at, created_by, closed_at)
  select company_id, case_type, serial, project_id, building_id, unit_id, person_id, state, data, severity, title,
    assignee_role, null, config_version_id, 1, next_due_at, false, created_at, created_at, created_by, null
  from numbered order by ord
  returning id, company_id, serial
),
written as (
  select n.*, c.id from numbered n join cases c on c.company_id = n.company_id and c.serial = n.serial
),
events as (
  insert into case_event (company_id, case_id, type, transition, from_state, to_state, actor_id, actor_role, data, created_at)
  select company_id, id, 'created', null, null, state, created_by, actor_role, data, created_at from written
),
clocks as (
  insert into case_deadline (company_id, case_id, key, started_at, due_at, duration, status, met_at, overdue_at, escalated_to_role, calendar_gap_years)
  select w.company_id, w.id, k.key, k.started_at, k.due_at, k.duration, 'running', null, null, null, k.calendar_gap_years
  from written w cross join lateral jsonb_to_recordset(w.clocks) as k(key text, started_at timestamptz, due_at timestamptz, duration jsonb, calendar_gap_years jsonb)
)
select c.ord, c.problem, c.building_id, w.id, w.serial from checked c left join written w on w.ord = c.ord order by c.ord`;

/** Writes the plans (one statement); results in the plans' order. */
export async function insertCases(execute: Execute, plans: NewCasePlan[]): Promise<CreateResult[]> {
  const rows = await execute(INSERT_CASES, [JSON.stringify(plans.map((plan, ord) => ({
    ord, company_id: plan.companyId, case_type: plan.caseType, counter_key: counterKeyOf(plan), prefix: plan.serialPrefix, year: plan.serialYear,
    project_id: plan.projectId, unit_id: plan.unitId, person_id: plan.personId, state: plan.state, data: plan.data, severity: plan.severity,
    title: plan.title, assignee_role: plan.assigneeRole, config_version_id: plan.configVersionId, next_due_at: earliestDue(plan.clocks),
    created_at: plan.createdAt, created_by: plan.createdBy, actor_role: plan.actorRole,
    clocks: plan.clocks.map((c) => ({ key: c.key, started_at: c.startedAt, due_at: c.dueAt, duration: c.duration, calendar_gap_years: c.calendarGapYears })),
  })))]);
  return plans.map((plan, ord): CreateResult => {
    const row = rows.find((r) => Number(r.ord) === ord);
    if (!row) throw new Error(`case ${ord} of the batch has no result`);
    if (row.problem) return { ok: false, problem: row.problem as RefProblem };
    const buildingId = row.building_id == null ? null : Number(row.building_id);
    return { ok: true, id: Number(row.id), serial: String(row.serial), buildingId: plan.unitId == null ? null : buildingId, nextDueAt: earliestDue(plan.clocks) };
  });
}
