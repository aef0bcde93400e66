/**
 * A work_case row as the database drivers return it, turned into the entity's shape without the
 * ORM: SQLite keeps dates as epoch milliseconds, JSON as text and booleans as 0/1 (as MikroORM
 * writes them); PostgreSQL returns Date, parsed jsonb and booleans.
 */
import type { DeadlineStatus, WorkCase } from '../db/entities/index.js';
import type { OpenClock } from './transition-store.js';

/** the columns read, in the order the stores select them */
export const CASE_COLUMNS = `id, company_id, case_type, serial, project_id, building_id, unit_id, person_id, state, data, severity, title,
  assignee_role, assignee_id, config_version_id, version, next_due_at, overdue, created_at, updated_at, created_by, closed_at,
  promised_at, postponements, last_told_at`;

type Columns = Record<string, unknown>;

const date = (v: unknown): Date | null => (v === null || v === undefined ? null : v instanceof Date ? v : new Date(typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : (v as number | string)));
const int = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

export function caseFromColumns(r: Columns): WorkCase {
  return {
    id: Number(r.id), companyId: Number(r.company_id), caseType: String(r.case_type), serial: String(r.serial), projectId: Number(r.project_id),
    buildingId: int(r.building_id), unitId: int(r.unit_id), personId: int(r.person_id), state: String(r.state), data: json<Record<string, unknown>>(r.data),
    severity: (r.severity as string | null) ?? null, title: (r.title as string | null) ?? null, assigneeRole: (r.assignee_role as string | null) ?? null,
    assigneeId: int(r.assignee_id), configVersionId: int(r.config_version_id), version: Number(r.version), nextDueAt: date(r.next_due_at),
    overdue: r.overdue === true || r.overdue === 1 || r.overdue === '1', createdAt: date(r.created_at)!, updatedAt: date(r.updated_at)!,
    createdBy: Number(r.created_by), closedAt: date(r.closed_at), promisedAt: date(r.promised_at), postponements: int(r.postponements) ?? 0,
    lastToldAt: date(r.last_told_at),
  };
}

export function clockFromColumns(r: Columns): OpenClock {
  return { id: Number(r.id), key: String(r.key), status: String(r.status) as DeadlineStatus, dueAt: date(r.due_at)!, pausedAt: date(r.paused_at) };
}
