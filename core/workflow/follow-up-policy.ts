/** Reading a workflow's follow-up policy for one case: per-field, then per-severity entries win over the default. */
import type { WorkflowDeclaration } from '../../schemas/generated/workflow.js';

type Policy = NonNullable<WorkflowDeclaration['followUp']>;

export function followUpDeadline(policy: Policy, severity: string | null | undefined, data: Record<string, unknown> = {}): Policy['deadline'] {
  const byField = policy.deadlineByField;
  const value = byField ? data[byField.field] : undefined;
  const fieldDeadline = byField && (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') && Object.hasOwn(byField.values, String(value))
    ? byField.values[String(value)] : undefined;
  return fieldDeadline ?? (severity ? policy.deadlineBySeverity?.[severity] : undefined) ?? policy.deadline;
}
