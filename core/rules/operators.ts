/** The complete operator whitelist: standard JsonLogic, Wuye's namespaced operators, and those plugins contribute. */
import { CUSTOM_OPERATORS } from './custom/index.js';
import type { OperatorSpec } from './operator-spec.js';
import { STANDARD_OPERATORS } from './standard-operators.js';

/** A Map, not an object, so that operator names like "constructor" cannot find inherited entries. */
const specs = new Map<string, OperatorSpec>([...STANDARD_OPERATORS, ...CUSTOM_OPERATORS]);

/** Core's operators: the ones every rule may use whatever plugins are loaded. */
export const ALLOWED_OPERATORS: ReadonlySet<string> = new Set(specs.keys());

/** Every operator the checker accepts, plugins' contributions (core/rules/contributed-operators.ts) included. */
export const OPERATOR_SPECS: ReadonlyMap<string, OperatorSpec> = specs;

/** Only contributed-operators.ts adds to the whitelist. */
export function addOperatorSpec(name: string, spec: OperatorSpec): void {
  specs.set(name, spec);
}
