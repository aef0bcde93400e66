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
  // Keyset pages walk (company, type[, filter], id DESC); no list ever counts the whole table.
  indexes: [
    { properties: ['companyId', 'caseType', 'id'] },
    { properties: ['companyId', 'caseType', 'state', 'id'] },
    { properties: ['companyId', 'caseType', 'projectId', 'id'] },
    { properties: ['companyId', 'assigneeId', 'nextDueAt'] },
    { properties: ['companyId', 'assigneeRole', 'nextDueAt'] },
    { properties: ['companyId', 'unitId'] },
    // global search and list q: a resident's cases, newest first
    { properties: ['companyId', 'personId', 'id'] },
    // monthly statistics: a case type's cases registered in a month
    { properties: ['companyId', 'caseType', 'createdAt'] },
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
  indexes: [{ properties: ['status', 'dueAt'] }, { properties: ['caseId'] }],
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
  // the follow-up list (due items by time) and the monthly follow-up rates per case type
  indexes: [{ properties: ['companyId', 'status', 'dueAt'] }, { properties: ['caseId'] }, { properties: ['companyId', 'caseType', 'dueAt'] }],
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
