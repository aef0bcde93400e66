/**
 * The json-logic-js instance rules run on, made safe once at module load.
 *
 * json-logic-js keeps its operators in one module-level table, so these changes apply to every
 * importer of the library in the process; that is intended: nobody should get `method` back by
 * importing json-logic-js directly.
 * - `method` is removed: it calls any method on any value ({"method": [{"var": "x"}, "constructor"]}).
 * - `var` is replaced by readVarPath, which only walks own data properties and array indexes.
 * - `merge` and `cat` are replaced by size-bounded versions (bounded-ops.ts).
 * - `apply` counts steps against a budget, but only inside applyWithBudget (see below).
 * - Wuye's namespaced operators are registered.
 */
import jsonLogic from 'json-logic-js';
import { boundedCat, boundedMerge } from './bounded-ops.js';
import { CUSTOM_OPERATORS } from './custom/index.js';
import { MAX_EVAL_STEPS } from './limits.js';
import { NOT_FOUND, readVarPath } from './var-path.js';

jsonLogic.rm_operation('method');

/**
 * Replacement `var`: same contract as JsonLogic's ({"var": [path, default]}, '' for the whole data,
 * default or null when absent), but prototypes, functions and getters are "absent".
 */
function safeVar(this: unknown, path?: unknown, fallback?: unknown): unknown {
  const value = readVarPath(this, path);
  if (value !== NOT_FOUND) return value;
  return fallback === undefined ? null : fallback;
}
jsonLogic.add_operation('var', safeVar);
jsonLogic.add_operation('merge', boundedMerge);
jsonLogic.add_operation('cat', boundedCat);

for (const [name, operator] of CUSTOM_OPERATORS) jsonLogic.add_operation(name, operator.impl);

/**
 * json-logic-js recurses through the `apply` property of its exported object, so wrapping that
 * property sees every node evaluated. Outside applyWithBudget the budget is unlimited, which keeps
 * direct users of json-logic-js unaffected. Evaluation is synchronous, so one counter suffices.
 */
const unboundedApply = jsonLogic.apply;
let stepsLeft = Number.POSITIVE_INFINITY;
let budget = Number.POSITIVE_INFINITY;
Object.defineProperty(jsonLogic, 'apply', {
  configurable: true,
  writable: true,
  value: function countedApply(logic: unknown, data?: unknown): unknown {
    stepsLeft -= 1;
    if (stepsLeft < 0) throw new RangeError(`rule evaluation took more than ${budget} steps`);
    return unboundedApply.call(jsonLogic, logic as Parameters<typeof unboundedApply>[0], data);
  },
});

/** Evaluates a (checked) rule with at most `steps` operator evaluations. */
export function applyWithBudget(logic: unknown, data: unknown, steps = MAX_EVAL_STEPS): unknown {
  const saved = [stepsLeft, budget] as const;
  stepsLeft = budget = steps;
  try {
    return jsonLogic.apply(logic as Parameters<typeof jsonLogic.apply>[0], data);
  } finally {
    [stepsLeft, budget] = saved;
  }
}

export { jsonLogic };

/** JsonLogic truthiness: like JavaScript's, except that an empty array is false. */
export function truthy(value: unknown): boolean {
  return jsonLogic.truthy(value);
}
