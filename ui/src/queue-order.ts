/** The order of the work queue (日清日审): overdue first, then the soonest due; no running clock last. */
import type { CaseView } from './types.js';

export function queueOrder(a: Pick<CaseView, 'id' | 'overdue' | 'nextDueAt'>, b: Pick<CaseView, 'id' | 'overdue' | 'nextDueAt'>): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  const da = a.nextDueAt ? Date.parse(a.nextDueAt) : Infinity;
  const db = b.nextDueAt ? Date.parse(b.nextDueAt) : Infinity;
  if (da !== db) return da < db ? -1 : 1;
  return a.id - b.id;
}
