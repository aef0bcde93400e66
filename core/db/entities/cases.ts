/**
 * Cases (one instance of any plugin's procedure), their append-only event log, their running
 * deadline clocks and follow-ups. Generic on purpose: a case type is data from a workflow
 * declaration, so core holds no procedure vocabulary.
 */
import { EntitySchema } from '@mikro-orm/core';

export class WorkCase {
  id!: number;
  companyId!: number;
  caseType!: string;
  /** human serial, unique per company, e.g. TS-2026-000042 */
  serial!: string;
  projectId!: number;
  buildingId?: number | null;
  unitId?: number | null;
  personId?: number | null;
  state!: string;
  data!: Record<string, unknown>;
  /** copied from the workflow's severityField, for deadlines, filters and reports */
  severity?: string | null;
  /** one-line summary from the workflow's titleField */
  title?: string | null;
  assigneeRole?: string | null;
  assigneeId?: number | null;
  /** the configuration version the case was opened under; it keeps it for life */
  configVersionId?: number | null;
  /** optimistic concurrency: every change increments it */
  version!: number;
  /** earliest running deadline (null when none runs): the work queue sorts on it */
  nextDueAt?: Date | null;
  overdue: boolean = false;
  createdAt!: Date;
  updatedAt!: Date;
  createdBy!: number;
  closedAt?: Date | null;
  /** the time promised to the resident (约定完成时间), set and postponed through core/cases/promises.ts */
  promisedAt?: Date | null;
  /** how often the promise was postponed (the company's `promises` rules cap it) */
  postponements?: number;
  /** when the resident was last told of the progress (a recorded 'progressTold' step) */
  lastToldAt?: Date | null;
}
export const WorkCaseSchema = new EntitySchema<WorkCase>({
  class: WorkCase,
  tableName: 'work_case',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    companyId: { type: 'integer' },
    caseType: { type: 'string', length: 64 },
    serial: { type: 'string', length: 32 },
    projectId: { type: 'integer' },
    buildingId: { type: 'integer', nullable: true },
    unitId: { type: 'integer', nullable: true },
    personId: { type: 'integer', nullable: true },
    state: { type: 'string', length: 64 },
    data: { type: 'json' },
    severity: { type: 'string', length: 64, nullable: true },
    title: { type: 'string', length: 200, nullable: true },
    assigneeRole: { type: 'string', length: 64, nullable: true },
    assigneeId: { type: 'integer', nullable: true },
    configVersionId: { type: 'integer', nullable: true },
    version: { type: 'integer' },
    nextDueAt: { type: 'datetime', nullable: true },
    overdue: { type: 'boolean' },
    createdAt: { type: 'datetime' },
    updatedAt: { type: 'datetime' },
    createdBy: { type: 'integer' },
    closedAt: { type: 'datetime', nullable: true },
    promisedAt: { type: 'datetime', nullable: true },
    postponements: { type: 'integer', default: 0 },
    lastToldAt: { type: 'datetime', nullable: true },
  },
  uniques: [{ properties: ['companyId', 'serial'] }],
  // Every index is paid on every create (and the ones on changing columns on every step), so each
  // one names the queries that need it; lists never count the whole table.
  //   (company, serial) unique   serials; list / search by serial
  //   (company, type, id)        a type's list page by page, newest first (core/cases/case-queries.ts list)
  //   (company, type, state, id) the list filtered by state, plugins' jobs by state (intake rectifying)
  //   (company, type, project, id) the list of staff who see only their projects
  //   (company, type, created)   the monthly report: one type's cases registered in a month (core/reports)
  //   (company, unit)            the household's cases (registry, archive, global search)
  //   (company, person, id)      a resident's cases, newest first (global search, list q)
  //   open cases only (closed_at is null, partial): the desk's work, which does not grow with the
  //   years of closed history, so the queue's first page costs the same at 10,000 and 1,000,000 cases —
  //   (company, assignee, due)   queue mine, home counts, assignment load (eligibility)
  //   (company, role, due)       queue team, home counts
  //   (company, registrar)       queue registered (我登记的)
  indexes: [
    { properties: ['companyId', 'caseType', 'id'] },
    { properties: ['companyId', 'caseType', 'state', 'id'] },
    { properties: ['companyId', 'caseType', 'projectId', 'id'] },
    { properties: ['companyId', 'unitId'] },
    { properties: ['companyId', 'personId', 'id'] },
    { properties: ['companyId', 'caseType', 'createdAt'] },
    { name: 'work_case_open_assignee_index', expression: 'create index work_case_open_assignee_index on work_case (company_id, assignee_id, next_due_at) where closed_at is null' },
    { name: 'work_case_open_role_index', expression: 'create index work_case_open_role_index on work_case (company_id, assignee_role, next_due_at) where closed_at is null' },
    { name: 'work_case_open_registrar_index', expression: 'create index work_case_open_registrar_index on work_case (company_id, created_by) where closed_at is null' },
  ],
});

/** Append-only: rows are inserted, never updated or deleted. */
export class CaseEvent {
  id!: number;
  companyId!: number;
  caseId!: number;
  /** created, transition, overdue, escalated, followUpScheduled, followUpDone, assigned… */
  type!: string;
  transition?: string | null;
  fromState?: string | null;
  toState?: string | null;
  /** null for the platform's own events (the overdue job) */
  actorId?: number | null;
  actorRole?: string | null;
  data!: Record<string, unknown>;
  createdAt!: Date;
}
export const CaseEventSchema = new EntitySchema<CaseEvent>({
  class: CaseEvent,
  tableName: 'case_event',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    companyId: { type: 'integer' },
    caseId: { type: 'integer' },
    type: { type: 'string', length: 32 },
    transition: { type: 'string', length: 64, nullable: true },
    fromState: { type: 'string', length: 64, nullable: true },
    toState: { type: 'string', length: 64, nullable: true },
    actorId: { type: 'integer', nullable: true },
    actorRole: { type: 'string', length: 64, nullable: true },
    data: { type: 'json' },
    createdAt: { type: 'datetime' },
  },
  // (case, id): the case's history in order (case page, promises, printing) — the only reader
  indexes: [{ properties: ['caseId', 'id'] }],
});

export type DeadlineStatus = 'running' | 'paused' | 'met' | 'overdue' | 'cancelled';

/** One running clock of a case (e.g. "answer within 3 working days"). */
export class CaseDeadline {
  id!: number;
  companyId!: number;
  caseId!: number;
  key!: string;
  startedAt!: Date;
  dueAt!: Date;
  /** the duration that produced dueAt, kept for display and audit */
  duration!: { amount: number; unit: string };
  status!: DeadlineStatus;
  metAt?: Date | null;
  overdueAt?: Date | null;
  /** while paused (a pauseOn state): since when */
  pausedAt?: Date | null;
  escalatedToRole?: string | null;
  /**
   * Years the due date was counted through without an official holiday arrangement (working-day
   * clocks only): the deadline is Monday–Friday arithmetic there and may be wrong. Null: none.
   */
  calendarGapYears?: number[] | null;
}
export const CaseDeadlineSchema = new EntitySchema<CaseDeadline>({
  class: CaseDeadline,
  tableName: 'case_deadline',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    companyId: { type: 'integer' },
    caseId: { type: 'integer' },
    key: { type: 'string', length: 64 },
    startedAt: { type: 'datetime' },
    dueAt: { type: 'datetime' },
    duration: { type: 'json' },
    status: { type: 'string', length: 16 },
    metAt: { type: 'datetime', nullable: true },
    overdueAt: { type: 'datetime', nullable: true },
    pausedAt: { type: 'datetime', nullable: true },
    escalatedToRole: { type: 'string', length: 64, nullable: true },
    calendarGapYears: { type: 'json', nullable: true },
  },
  // (case)                 the case's clocks (case page, every step, printing)
  // (due) running only       the overdue job: running clocks past due, soonest first — a partial index
  //                          holds only the clocks still running, not the years of met ones
  // (company, due)           the monthly report's deadline compliance: clocks falling due in a month
  // (company, overdue) escalated only  the home page's recent escalations to my roles
  indexes: [
    { properties: ['caseId'] },
    { name: 'case_deadline_running_due_index', expression: "create index case_deadline_running_due_index on case_deadline (due_at) where status = 'running'" },
    { properties: ['companyId', 'dueAt'] },
    { name: 'case_deadline_escalated_index', expression: 'create index case_deadline_escalated_index on case_deadline (company_id, overdue_at) where escalated_to_role is not null' },
  ],
});

export type FollowUpStatus = 'due' | 'done' | 'cancelled';

/** A follow-up (回访) owed to the resident after a case is handled. */
export class FollowUp {
  id!: number;
  companyId!: number;
  caseId!: number;
  caseType!: string;
  projectId!: number;
  dueAt!: Date;
  /** phone, onSite or any, from the policy (by severity) */
  method!: string;
  roles!: string[];
  status!: FollowUpStatus;
  satisfied?: boolean | null;
  onSite?: boolean | null;
  result?: Record<string, unknown> | null;
  doneAt?: Date | null;
  doneBy?: number | null;
  createdAt!: Date;
}
export const FollowUpSchema = new EntitySchema<FollowUp>({
  class: FollowUp,
  tableName: 'follow_up',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    companyId: { type: 'integer' },
    caseId: { type: 'integer' },
    caseType: { type: 'string', length: 64 },
    projectId: { type: 'integer' },
    dueAt: { type: 'datetime' },
    method: { type: 'string', length: 16 },
    roles: { type: 'json' },
    status: { type: 'string', length: 16 },
    satisfied: { type: 'boolean', nullable: true },
    onSite: { type: 'boolean', nullable: true },
    result: { type: 'json', nullable: true },
    doneAt: { type: 'datetime', nullable: true },
    doneBy: { type: 'integer', nullable: true },
    createdAt: { type: 'datetime' },
  },
  // (company, status, due)   the follow-up list: due items by time; home page counts
  // (case)                    the case's follow-ups
  // (company, type, due)      the monthly follow-up rates per case type (falling due in the month)
  // (company, done) done only the report's targets: follow-ups done in a month per staff member
  indexes: [
    { properties: ['companyId', 'status', 'dueAt'] }, { properties: ['caseId'] }, { properties: ['companyId', 'caseType', 'dueAt'] },
    { name: 'follow_up_done_index', expression: "create index follow_up_done_index on follow_up (company_id, done_at) where status = 'done'" },
  ],
});

/** Per-company sequences (serial numbers). */
export class Counter {
  companyId!: number;
  key!: string;
  value!: number;
}
export const CounterSchema = new EntitySchema<Counter>({
  class: Counter,
  tableName: 'counter',
  properties: {
    companyId: { type: 'integer', primary: true },
    key: { type: 'string', length: 64, primary: true },
    value: { type: 'integer' },
  },
});

/**
 * A link between two cases, stored once per direction (source → target and target → source), so
 * either case lists its links with one indexed read. `kind` says how they are related, seen from
 * `fromCaseId`: convertedTo / convertedFrom (the source ended as converted), handedTo / handedFrom
 * (the source waits for the target and resumes when it ends). Append-only except `resolvedAt`.
 */
export class CaseLink {
  id!: number;
  companyId!: number;
  fromCaseId!: number;
  toCaseId!: number;
  kind!: string;
  /** the source's transition the platform takes when the target ends (handedFrom rows only) */
  resumeOn?: string | null;
  /** when the waiting source was resumed (or found no longer waiting) */
  resolvedAt?: Date | null;
  reason?: string | null;
  actorId?: number | null;
  actorRole?: string | null;
  createdAt!: Date;
}
export const CaseLinkSchema = new EntitySchema<CaseLink>({
  class: CaseLink,
  tableName: 'case_link',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    companyId: { type: 'integer' },
    fromCaseId: { type: 'integer' },
    toCaseId: { type: 'integer' },
    kind: { type: 'string', length: 32 },
    resumeOn: { type: 'string', length: 64, nullable: true },
    resolvedAt: { type: 'datetime', nullable: true },
    reason: { type: 'string', length: 500, nullable: true },
    actorId: { type: 'integer', nullable: true },
    actorRole: { type: 'string', length: 64, nullable: true },
    createdAt: { type: 'datetime' },
  },
  indexes: [{ properties: ['companyId', 'fromCaseId'] }],
});
