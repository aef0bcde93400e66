/**
 * What a transition does to a case's clocks, decided in memory from the clocks it had open — the
 * same steps, in the same order, as the ORM path in case-service.ts (stop, pause or resume, start,
 * then nextDueAt and overdue from the clocks still running):
 *  - entering a state stops the clocks whose stopOn lists it (a final state stops all): met now,
 *    an overdue clock keeps its status;
 *  - clocks whose pauseOn lists the state pause, paused ones resume elsewhere (due moved on);
 *  - clocks starting on the state start unless one of that key is still open (a self-loop keeps it);
 *  - the case's nextDueAt is the earliest running or overdue clock; overdue if one is overdue.
 */
import type { WorkflowDeclaration } from '../../schemas/generated/workflow.js';
import type { WorkingCalendar } from '../calendar/index.js';
import { clocksStartingOn, clocksStoppingOn, pauseChange, resumedDue, type ClockStart } from '../workflow/clocks.js';
import type { OpenClock } from './transition-store.js';

export interface ClockChanges {
  stop: number[];
  pause: number[];
  resume: { id: number; dueAt: Date }[];
  start: ClockStart[];
  nextDueAt: Date | null;
  overdue: boolean;
}

const STOPPABLE = new Set(['running', 'paused', 'overdue']);

/** Whether any clock of the workflow pauses (compiled once per workflow). */
const pausing = new WeakMap<WorkflowDeclaration, boolean>();
function anyPauses(wf: WorkflowDeclaration): boolean {
  let known = pausing.get(wf);
  if (known === undefined) pausing.set(wf, (known = Object.values(wf.deadlines ?? {}).some((d) => d.pauseOn?.length)));
  return known;
}

export function planClockChanges(wf: WorkflowDeclaration, open: readonly OpenClock[], state: string, severity: string | null, now: Date, calendar: WorkingCalendar): ClockChanges {
  const stopping = clocksStoppingOn(wf, state);
  const stop: number[] = [];
  const after: { key: string; status: string; dueAt: Date }[] = [];
  const pause: number[] = [];
  const resume: { id: number; dueAt: Date }[] = [];
  const pauses = anyPauses(wf);
  for (const c of open) {
    if (STOPPABLE.has(c.status) && (stopping === 'all' || stopping.has(c.key))) {
      stop.push(c.id);
      continue;
    }
    let { status, dueAt } = c;
    if (pauses && (status === 'running' || status === 'paused')) {
      const change = pauseChange(wf, c.key, status, state);
      if (change === 'pause') {
        pause.push(c.id);
        status = 'paused';
      } else if (change === 'resume') {
        dueAt = resumedDue(dueAt, c.pausedAt ?? now, now);
        resume.push({ id: c.id, dueAt });
        status = 'running';
      }
    }
    after.push({ key: c.key, status, dueAt });
  }
  const stillOpen = new Set(after.map((c) => c.key));
  const start = clocksStartingOn(wf, state, severity, now, calendar).filter((s) => !stillOpen.has(s.key));
  let nextDueAt: Date | null = null;
  let overdue = false;
  for (const c of [...after, ...start.map((s) => ({ key: s.key, status: 'running', dueAt: s.dueAt }))]) {
    if (c.status !== 'running' && c.status !== 'overdue') continue;
    if (!nextDueAt || c.dueAt < nextDueAt) nextDueAt = c.dueAt;
    if (c.status === 'overdue') overdue = true;
  }
  return { stop, pause, resume, start, nextDueAt, overdue };
}
