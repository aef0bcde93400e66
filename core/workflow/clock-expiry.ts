/**
 * A deadline that takes a named transition when it expires (`onExpiry: { transition }`): a loan
 * not returned in time becomes 逾期, a rectification notice not acted on goes back to re-inspection.
 * The overdue job takes it as the platform (core/workflow/overdue-job.ts); here is its load check.
 */
import type { WorkflowDeclaration } from '../../schemas/generated/workflow.js';
import type { FieldIssue } from '../errors.js';

/** The transition a clock takes on expiry, when it declares one. */
export function expiryTransition(workflow: WorkflowDeclaration, key: string): string | undefined {
  return workflow.deadlines?.[key]?.onExpiry?.transition;
}

/**
 * The transition must exist and leave every state the clock starts in. (At run time a case that
 * has moved on to a state the transition does not leave is escalated as an ordinary overdue.)
 */
export function checkOnExpiry(workflow: WorkflowDeclaration, key: string, base: string): FieldIssue[] {
  const decl = workflow.deadlines?.[key];
  const id = decl?.onExpiry?.transition;
  if (!decl || id === undefined) return [];
  const pointer = `${base}/onExpiry/transition`;
  const t = Object.hasOwn(workflow.transitions, id) ? workflow.transitions[id] : undefined;
  if (!t) {
    return [{ pointer, code: 'unknown-transition', message: `unknown transition "${id}" (transitions: ${Object.keys(workflow.transitions).join(', ')})`, params: { name: id } }];
  }
  const missing = decl.startOn.filter((s) => !t.from.includes(s));
  if (missing.length > 0) {
    return [{ pointer, code: 'transition-not-available', message: `"${id}" cannot be taken from ${missing.map((s) => `"${s}"`).join(', ')}, where this clock runs (it leaves: ${t.from.join(', ')})`, params: { name: id } }];
  }
  return [];
}
