/**
 * The write side of case creation, behind one seam so the embedded database can take its fast
 * path: the service decides everything (state, data, clocks, serial prefix); a store checks the
 * references and writes the case, its first event and its clocks atomically.
 */
import type { ClockStart } from '../workflow/clocks.js';

export interface NewCasePlan {
  companyId: number;
  caseType: string;
  serialPrefix: string;
  serialYear: number;
  projectId: number;
  unitId: number | null;
  personId: number | null;
  state: string;
  data: Record<string, unknown>;
  severity: string | null;
  title: string | null;
  assigneeRole: string | null;
  configVersionId: number;
  createdAt: Date;
  createdBy: number;
  /** the role the creator acted in; null when a workflow effect opened the case */
  actorRole: string | null;
  clocks: ClockStart[];
}

/** Why the references of a new case were refused. */
export type RefProblem = 'unit-not-found' | 'person-not-found' | 'person-not-linked';

export type CreateResult =
  | { ok: true; id: number; serial: string; buildingId: number | null; nextDueAt: Date | null }
  | { ok: false; problem: RefProblem };

export interface CaseStore {
  createCase(plan: NewCasePlan): Promise<CreateResult>;
}

export function serialOf(prefix: string, year: number, value: number): string {
  return `${prefix}-${year}-${String(value).padStart(6, '0')}`;
}

export function earliestDue(clocks: ClockStart[]): Date | null {
  let min: Date | null = null;
  for (const c of clocks) if (!min || c.dueAt < min) min = c.dueAt;
  return min;
}
