/**
 * Rule operators plugins contribute (`ctx.registerRuleOperator` in a plugin's setup): the lookups
 * several procedures share, such as billing's rate in force on a date. A contributed operator is a
 * typed function of its evaluated arguments and the rule environment (calendar, clock, plugins'
 * settings of the case's configuration version), registered with the checker's whitelist and
 * json-logic-js like core's own; a rule naming an operator nobody registered is refused at load.
 */
import { jsonLogic } from './engine.js';
import { ALLOWED_OPERATORS, addOperatorSpec } from './operators.js';
import type { OperatorSpec } from './operator-spec.js';
import { ruleEnvironment, type RuleEnvironment } from './rule-environment.js';

export interface RuleOperatorDefinition extends OperatorSpec {
  /** the operator's value for its (already evaluated) arguments; throw a RangeError for bad ones */
  evaluate(args: unknown[], env: RuleEnvironment): unknown;
}

const owners = new Map<string, string>();
const evaluators = new Map<string, RuleOperatorDefinition['evaluate']>();

/**
 * Adds `name` (already namespaced: '<pluginId>.<name>') for `owner`. The same owner may register
 * it again (a plugin set up once per kernel); another owner may not take it, nor a core operator.
 */
export function addRuleOperator(owner: string, name: string, definition: RuleOperatorDefinition): void {
  if (ALLOWED_OPERATORS.has(name)) throw new Error(`rule operator "${name}" is core's`);
  const previous = owners.get(name);
  if (previous !== undefined && previous !== owner) throw new Error(`rule operator "${name}" is already registered by ${previous}`);
  const { evaluate, ...spec } = definition;
  owners.set(name, owner);
  evaluators.set(name, evaluate);
  addOperatorSpec(name, spec);
  jsonLogic.add_operation(name, (...args: unknown[]) => evaluate(args, ruleEnvironment()));
}

/**
 * Calls a contributed operator from code — a plugin effect using another plugin's lookup without
 * reading that plugin's settings itself (renovation's debris fee from billing's fee list).
 * @throws Error when no plugin registered it (e.g. the plugin is not loaded)
 */
export function callRuleOperator(name: string, args: unknown[], env: RuleEnvironment): unknown {
  const evaluate = evaluators.get(name);
  if (!evaluate) throw new Error(`no rule operator "${name}" is registered (is its plugin loaded?)`);
  return evaluate(args, env);
}
