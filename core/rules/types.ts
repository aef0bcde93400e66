/** Shapes shared by the rule checker, collector and compiler. */

/**
 * A JsonLogic rule as parsed from JSON: `{ "operator": [args...] }` objects, arrays and primitives.
 * Typed `unknown` on purpose: rules come from admins' browsers and plugin files, so every consumer
 * has to go through checkRule/compileRule rather than trust a static type.
 */
export type RuleLogic = unknown;

/** One problem found in a rule. */
export interface RuleIssue {
  /** JSON pointer INTO the rule ('' is the root, '/and/1' the second operand of the root `and`). */
  pointer: string;
  /** Stable kebab-case code, e.g. 'operator-not-allowed', 'forbidden-var-path', 'too-deep'. */
  code: string;
  message: string;
}
