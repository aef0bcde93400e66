/**
 * A thread of the draft pool (draft-pool.ts): runs one task on a draft configuration and answers
 * plain data. The plugins' declarations arrive once, as the thread's workerData; the compile cache
 * lives as long as the thread, so the editor's next check of the same draft compiles only what changed.
 */
import { workerData } from 'node:worker_threads';
import { WuyeError, type FieldIssue } from '../errors.js';
import { runDraftTask, type DraftBase, type DraftTask } from './draft-tasks.js';
import { setPlatformCalendar, type PublicCalendarYear } from '../calendar/public-calendar.js';

const base = workerData as DraftBase;

/** An error a task raised on purpose crosses the thread as data and is raised again by the pool. */
export type DraftOutcome =
  | { ok: true; value: unknown }
  | { ok: false; error: { code: string; statusCode: number; message: string; issues: FieldIssue[] } };

export default function runTask({ task, publicCalendar }: { task: DraftTask; publicCalendar: PublicCalendarYear[] }): DraftOutcome {
  try {
    setPlatformCalendar(publicCalendar);
    return { ok: true, value: runDraftTask(base, task) };
  } catch (e) {
    if (e instanceof WuyeError) return { ok: false, error: { code: e.code, statusCode: e.statusCode, message: e.message, issues: e.issues } };
    throw e;
  }
}
