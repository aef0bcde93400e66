/**
 * Safe JSON rules for Wuye: JsonLogic (json-logic-js) with a whitelist, a static checker, a safe
 * `var`, and exact money/date/string operators. Rules are untrusted (written by property admins in
 * the browser and by plugin authors), so nothing here uses eval/new Function or lets a rule reach a
 * prototype or call a method.
 */
export type { RuleIssue, RuleLogic } from './types.js';
export { RuleError } from './rule-error.js';
export { ALLOWED_OPERATORS } from './operators.js';
export { checkRule } from './check.js';
export { collectVarPaths, type VarPathRef } from './collect.js';
export { compileRule, type CompiledRule } from './compile.js';
export { truthy } from './engine.js';
export { prepareRuleContext, type PreparedRuleContext } from './prepared-context.js';
export {
  MAX_EVAL_ARRAY_LENGTH,
  MAX_EVAL_STEPS,
  MAX_EVAL_STRING_LENGTH,
  MAX_RULE_DEPTH,
  MAX_RULE_NODES,
  MAX_RULE_STRING_LENGTH,
} from './limits.js';
export { withRuleEnvironment, type RuleCalendar, type RuleEnvironment } from './rule-environment.js';
export { addRuleOperator, callRuleOperator, type RuleOperatorDefinition } from './contributed-operators.js';
