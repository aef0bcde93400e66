/** Reading a workflow's follow-up policy for one case: the per-severity entries win. */
import type { WorkflowDeclaration } from '../../schemas/generated/workflow.js';

type Policy = NonNullable<WorkflowDeclaration['followUp']>;

export function followUpDeadline(policy: Policy, severity: string | null | undefined): Policy['deadline'] {
  return (severity ? policy.deadlineBySeverity?.[severity] : undefined) ?? policy.deadline;
}
