/**
 * Deadline clocks of a workflow: which start and which stop when a case enters a state, and when
 * a started clock is due (duration by severity, on the company calendar).
 */
import type { WorkflowDeclaration } from '../../schemas/generated/workflow.js';
import { addDuration, type Duration, type WorkingCalendar } from '../calendar/index.js';

export interface ClockStart {
  key: string;
  startedAt: Date;
  dueAt: Date;
  duration: Duration;
  /** working-day clocks counted through a year without an official holiday arrangement: those years */
  calendarGapYears: number[] | null;
}

type DeadlineDecl = NonNullable<WorkflowDeclaration['deadlines']>[string];

export function durationFor(decl: DeadlineDecl, severity: string | null | undefined): Duration {
  return (severity ? decl.bySeverity?.[severity] : undefined) ?? decl.duration;
}

/** Clocks that start on entering `state` (for the case's severity). */
export function clocksStartingOn(workflow: WorkflowDeclaration, state: string, severity: string | null | undefined, at: Date, calendar: WorkingCalendar): ClockStart[] {
  const out: ClockStart[] = [];
  for (const [key, decl] of Object.entries(workflow.deadlines ?? {})) {
    if (!decl.startOn.includes(state)) continue;
    if (decl.onlyFor && (!severity || !decl.onlyFor.includes(severity))) continue;
    const duration = durationFor(decl, severity);
    const dueAt = addDuration(at, duration, calendar);
    out.push({ key, startedAt: at, dueAt, duration, calendarGapYears: calendarGap(duration, at, dueAt, calendar) });
  }
  return out;
}

/**
 * The years a working-day deadline was counted through without official holiday data: there the
 * count is Monday–Friday and a Spring Festival week would be counted as worked. Other units do not
 * depend on the holiday calendar.
 */
export function calendarGap(duration: Duration, startedAt: Date, dueAt: Date, calendar: WorkingCalendar): number[] | null {
  if (duration.unit !== 'workingDays') return null;
  const missing: number[] = [];
  for (let y = calendar.localYear(startedAt); y <= calendar.localYear(dueAt); y++) if (!calendar.hasPublicDataFor(y)) missing.push(y);
  return missing.length ? missing : null;
}

/** Clock keys that stop on entering `state`; a final state stops every clock. */
export function clocksStoppingOn(workflow: WorkflowDeclaration, state: string): Set<string> | 'all' {
  if (workflow.states[state]?.final) return 'all';
  return new Set(Object.entries(workflow.deadlines ?? {}).filter(([, d]) => d.stopOn.includes(state)).map(([k]) => k));
}

/**
 * A clock's pause on entering `state`: a running clock whose deadline lists the state in pauseOn
 * pauses; a paused clock resumes in any other state. Overdue clocks do not pause (the deadline
 * was already missed).
 */
export function pauseChange(workflow: WorkflowDeclaration, key: string, status: string, state: string): 'pause' | 'resume' | null {
  const pausing = workflow.deadlines?.[key]?.pauseOn?.includes(state) ?? false;
  if (status === 'running' && pausing) return 'pause';
  if (status === 'paused' && !pausing) return 'resume';
  return null;
}

/** The due time of a resumed clock: moved on by the time it spent paused (wall time). */
export function resumedDue(dueAt: Date, pausedAt: Date, now: Date): Date {
  return new Date(dueAt.getTime() + Math.max(0, now.getTime() - pausedAt.getTime()));
}

/**
 * Whom an overdue clock escalates to: the deadline's escalateTo, else the next role up from the
 * role the case is with. One answer for the overdue job and the configuration dry run.
 */
export function escalationTarget(workflow: WorkflowDeclaration, key: string, reportsTo: (role: string | null | undefined) => string | undefined, currentRole: string | null): string | null {
  return workflow.deadlines?.[key]?.escalateTo ?? reportsTo(currentRole) ?? currentRole;
}
