/** The complete operator whitelist: standard JsonLogic plus Wuye's namespaced operators. */
import { CUSTOM_OPERATORS } from './custom/index.js';
import type { OperatorSpec } from './operator-spec.js';
import { STANDARD_OPERATORS } from './standard-operators.js';

/** A Map, not an object, so that operator names like "constructor" cannot find inherited entries. */
export const OPERATOR_SPECS: ReadonlyMap<string, OperatorSpec> = new Map<string, OperatorSpec>([
  ...STANDARD_OPERATORS,
  ...CUSTOM_OPERATORS,
]);

export const ALLOWED_OPERATORS: ReadonlySet<string> = new Set(OPERATOR_SPECS.keys());
