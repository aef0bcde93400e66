/**
 * The forms whose data ends up in a case of a workflow: its registration form, each step's and
 * the follow-up's. Kept apart from check-workflow.ts (which re-exports it) so the configuration
 * editor lists a case's fields through the very same function the server checks templates with.
 */
import type { WorkflowDeclaration } from '../../schemas/generated/workflow.js';

type WorkflowForms = Pick<WorkflowDeclaration, 'form' | 'transitions' | 'followUp'>;

export function workflowFormNames(wf: WorkflowForms): string[] {
  const names = new Set<string>([wf.form]);
  for (const t of Object.values(wf.transitions)) if (t.form) names.add(t.form);
  if (wf.followUp) names.add(wf.followUp.form);
  return [...names];
}
