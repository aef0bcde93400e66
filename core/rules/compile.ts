/** Compile once (check + freeze), evaluate many times. */
import { checkRule } from './check.js';
import { applyWithBudget } from './engine.js';
import { frozenCopy } from './frozen-copy.js';
import { RuleError, summarizeIssues } from './rule-error.js';
import { toRuleData } from './rule-data.js';
import { isPreparedRuleContext } from './prepared-context.js';
import type { RuleLogic } from './types.js';

export interface CompiledRule {
  /** The checked rule (a frozen copy of what was passed in). */
  readonly logic: RuleLogic;
  /**
   * Runs the rule against a JSON copy of `context` (see toRuleData), so the rule can neither see
   * functions or prototypes nor change the caller's objects. A context from prepareRuleContext is
   * already such a copy and is used as it is.
   * @throws RuleError with code 'evaluation-failed' when an operator fails (money.add on a missing
   *   field, date.addDays on a malformed date) or the rule exceeds the evaluation limits
   *   (MAX_EVAL_STEPS, MAX_EVAL_ARRAY_LENGTH, MAX_EVAL_STRING_LENGTH).
   */
  evaluate(context: Record<string, unknown>): unknown;
}

/** @throws RuleError carrying every issue checkRule found */
export function compileRule(logic: RuleLogic): CompiledRule {
  const rule = frozenCopy(logic);
  const issues = checkRule(rule);
  if (issues.length > 0) throw new RuleError(summarizeIssues('rule refused', issues), issues);
  return Object.freeze({
    logic: rule,
    evaluate(context: Record<string, unknown>): unknown {
      const data = isPreparedRuleContext(context) ? context : toRuleData(context);
      try {
        return applyWithBudget(rule, data);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        throw new RuleError(`rule evaluation failed: ${message}`, [{ pointer: '', code: 'evaluation-failed', message }], {
          cause: error,
        });
      }
    },
  });
}
