/**
 * The write side of a staff transition, behind one seam like case creation (case-store.ts): the
 * service reads the case once, decides everything in memory (form, guard, plan, clocks, events,
 * follow-up), and a store writes the result atomically — claiming the version the plan was made
 * on, so a change that came in between makes the write refuse (409) and nothing is written.
 *
 * SQLite: sqlite-transition-store.ts (prepared statements, one synchronous transaction);
 * PostgreSQL: pg-transition-store.ts (one read, one statement).
 */
import type { WorkCase, DeadlineStatus } from '../db/entities/index.js';
import type { ClockStart } from '../workflow/clocks.js';

/** A clock of the case not met yet (met_at null), as the plan needs it. */
export interface OpenClock {
  id: number;
  key: string;
  status: DeadlineStatus;
  dueAt: Date;
  pausedAt: Date | null;
}

/** The case as read for a transition: the row, its open clocks, whether another case waits for it to end. */
export interface StoredCase {
  row: WorkCase;
  openClocks: OpenClock[];
  /** a case handed this one (handedFrom, unresolved) resumes when it ends: the ORM path does that */
  waitedOn: boolean;
}

export interface NewEvent {
  type: string;
  transition: string | null;
  fromState: string | null;
  toState: string | null;
  actorId: number | null;
  actorRole: string | null;
  data: Record<string, unknown>;
}

/** What a transition writes. */
export interface TransitionWrite {
  companyId: number;
  caseId: number;
  /** the version the plan was made on: the write claims it */
  fromVersion: number;
  at: Date;
  row: {
    state: string;
    data: Record<string, unknown>;
    severity: string | null;
    title: string | null;
    assigneeRole: string | null;
    assigneeId: number | null;
    closedAt: Date | null;
    nextDueAt: Date | null;
    overdue: boolean;
  };
  /** clocks that stop: met now (an overdue one keeps its status) */
  stop: number[];
  pause: number[];
  resume: { id: number; dueAt: Date }[];
  start: ClockStart[];
  /** in order: the transition's event, an `assigned` one, `followUpScheduled` */
  events: NewEvent[];
  followUp: { caseType: string; projectId: number; dueAt: Date; method: string; roles: string[] } | null;
}

export interface TransitionStore {
  readCase(companyId: number, caseType: string, id: number): Promise<StoredCase | null>;
  /** false: the version was taken by another change meanwhile (nothing written) */
  writeTransition(write: TransitionWrite): Promise<boolean>;
}
