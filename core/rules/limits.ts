/**
 * Size bounds for rules. Rules are untrusted input: without bounds a pasted or generated rule could
 * exhaust the stack (deep nesting) or the CPU and memory of the checker and the evaluator.
 * Real rules are far below: a complex fee rule is a few hundred nodes and under ten levels deep.
 */

/** Nesting depth, counting operator objects and literal arrays (the root is level 1). */
export const MAX_RULE_DEPTH = 32;
/** Total JSON values in a rule. */
export const MAX_RULE_NODES = 5000;
/** Characters in one string literal. */
export const MAX_RULE_STRING_LENGTH = 4096;

/**
 * Evaluation budget: operator nodes evaluated per evaluate() call. Node and depth limits do not
 * bound run time: three nested reduce over 1,500-element literal arrays are a small rule but
 * three billion steps. Real rules over a few hundred data items take thousands of steps.
 */
export const MAX_EVAL_STEPS = 1_000_000;
/** Longest array `merge` may build (a reduce that doubles an array reaches 2^30 in 30 steps). */
export const MAX_EVAL_ARRAY_LENGTH = 100_000;
/** Longest string `cat` may build, for the same reason. */
export const MAX_EVAL_STRING_LENGTH = 100_000;
