/**
 * A form submission checked against a compiled case type: the form's ajv validator, then the UI
 * declaration's rules (computed fields recomputed, hidden fields absent, required-if, errorIf).
 * Pure: the case service and the configuration dry run (in a worker thread) share it.
 */
import { ValidationError } from '../errors.js';
import { ajvIssues } from '../declarations/ajv-factory.js';
import type { CompiledCaseType } from './compiled-config.js';
import { applyFormRules } from './form-rules.js';
import type { RuleEnvironment } from '../rules/index.js';

export type RuleContextOf = (form: Record<string, unknown>) => Record<string, unknown>;

/** `env`: the case's rule environment (caseRuleEnvironment), required so no caller evaluates the form's rules without it. */
export function validateFormData(type: CompiledCaseType, form: string, value: unknown, basePointer: string, env: RuleEnvironment, context?: RuleContextOf): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ValidationError([{ pointer: basePointer, code: 'type', message: 'must be an object' }]);
  }
  const validate = type.validators.get(form)!;
  if (!validate(value)) throw new ValidationError(ajvIssues(validate.errors, basePointer));
  const data = structuredClone(value) as Record<string, unknown>;
  const rules = type.formRules.get(form);
  if (!rules || (!rules.computed.length && !rules.visibleIf.length && !rules.requiredIf.length && !rules.errorIf.length)) return data;
  const issues = applyFormRules(rules, data, context ?? ((f) => ({ data: f, config: type.settings })), basePointer, env);
  if (rules.computed.length && !validate(data)) issues.push(...ajvIssues(validate.errors, basePointer));
  if (issues.length) throw new ValidationError(issues);
  return data;
}
