/**
 * What a rule may read. Rules see one context object:
 *   data.*    the case data merged with the submitted form
 *   case.*    the case record's own columns
 *   actor.*   who is acting
 *   config.*  the plugin's effective settings
 * Variables inside map/filter/reduce/all/some/none bodies are relative to the element and are
 * not checked against the namespaces.
 */
import { collectVarPaths, checkRule } from '../rules/index.js';
import type { FieldIssue } from '../errors.js';
import { hasFieldPath, type FieldSchema } from './form-fields.js';

export const CASE_VARIABLES = [
  'id', 'serial', 'caseType', 'state', 'projectId', 'unitId', 'personId', 'assigneeRole', 'assigneeId', 'createdAt', 'severity',
] as const;
export const ACTOR_VARIABLES = ['staffId', 'roles'] as const;

export interface RuleScope {
  fields: Map<string, FieldSchema>;
  configKeys: Set<string>;
}

/** Whitelist check plus: every variable read names something that exists. */
export function checkRuleAgainstScope(logic: unknown, scope: RuleScope, basePointer: string): FieldIssue[] {
  const issues: FieldIssue[] = checkRule(logic).map((i) => ({ ...i, pointer: basePointer + i.pointer, code: `rule-${i.code}` }));
  if (issues.length > 0) return issues;
  for (const { path, pointer, scoped } of collectVarPaths(logic)) {
    if (scoped) continue;
    const problem = unknownVariable(path, scope);
    if (problem) issues.push({ pointer: basePointer + pointer, code: 'unknown-variable', message: problem });
  }
  return issues;
}

function unknownVariable(path: string, scope: RuleScope): string | null {
  if (path === '') return null;
  const [root, ...rest] = path.split('.');
  const tail = rest.join('.');
  switch (root) {
    case 'data':
      if (!tail) return null;
      return hasFieldPath(scope.fields, tail) ? null : `rule reads data.${tail}, but no form declares a field "${tail}"`;
    case 'case':
      return (CASE_VARIABLES as readonly string[]).includes(tail) ? null : `unknown case variable "case.${tail}" (known: ${CASE_VARIABLES.join(', ')})`;
    case 'actor':
      return (ACTOR_VARIABLES as readonly string[]).includes(tail) ? null : `unknown actor variable "actor.${tail}" (known: ${ACTOR_VARIABLES.join(', ')})`;
    case 'config': {
      const key = rest[0] ?? '';
      return !key || scope.configKeys.has(key) ? null : `rule reads config.${key}, but the plugin's config schema has no "${key}"`;
    }
    default:
      return `unknown variable "${path}": variables start with data., case., actor. or config.`;
  }
}
