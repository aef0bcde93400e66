/**
 * Static checking of untrusted rules. Runs on save in the rule editor, when the plugin loader reads
 * a rule file, and inside compileRule; so a rule that evaluates has passed it.
 */
import { describeValue } from '../money/index.js';
import { asOperatorNode, isPlainObject, type OperatorNode } from './json-shape.js';
import { MAX_RULE_DEPTH, MAX_RULE_NODES, MAX_RULE_STRING_LENGTH } from './limits.js';
import { describeArity } from './operator-spec.js';
import { OPERATOR_SPECS } from './operators.js';
import { childPointer } from './pointer.js';
import { REFUSED_OPERATORS } from './standard-operators.js';
import type { RuleIssue, RuleLogic } from './types.js';
import { checkVarPath } from './var-path.js';

interface CheckState {
  issues: RuleIssue[];
  nodes: number;
}

/**
 * Every problem in the rule, each with a JSON pointer to the node at fault; [] when the rule is fine.
 * Checks: only whitelisted operators; argument counts; literal arguments of Wuye operators; `var`
 * (and `missing`) paths are literal dotted identifiers without __proto__/prototype/constructor;
 * only JSON values; no object literals; nesting <= MAX_RULE_DEPTH; size <= MAX_RULE_NODES.
 */
export function checkRule(logic: RuleLogic): RuleIssue[] {
  const state: CheckState = { issues: [], nodes: 0 };
  visit(logic, '', 1, state);
  return state.issues;
}

function visit(node: unknown, pointer: string, depth: number, state: CheckState): void {
  state.nodes += 1;
  if (state.nodes > MAX_RULE_NODES) {
    if (state.nodes === MAX_RULE_NODES + 1) {
      state.issues.push({ pointer: '', code: 'too-large', message: `rule has more than ${MAX_RULE_NODES} values` });
    }
    return;
  }
  if (node === null || typeof node === 'boolean') return;
  if (typeof node === 'string') {
    if (node.length > MAX_RULE_STRING_LENGTH) {
      state.issues.push({ pointer, code: 'too-large', message: `string longer than ${MAX_RULE_STRING_LENGTH} characters` });
    }
    return;
  }
  if (typeof node === 'number') {
    if (!Number.isFinite(node)) state.issues.push({ pointer, code: 'invalid-value', message: `${node} is not a JSON number` });
    return;
  }
  if (typeof node !== 'object') {
    state.issues.push({ pointer, code: 'invalid-value', message: `a ${typeof node} is not a JSON value` });
    return;
  }
  if (depth > MAX_RULE_DEPTH) {
    state.issues.push({ pointer, code: 'too-deep', message: `rule is nested more than ${MAX_RULE_DEPTH} levels deep` });
    return;
  }
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) visit(node[i], childPointer(pointer, i), depth + 1, state);
    return;
  }
  if (!isPlainObject(node)) {
    state.issues.push({ pointer, code: 'invalid-value', message: `${Object.prototype.toString.call(node)} is not a JSON value` });
    return;
  }
  const call = asOperatorNode(node, pointer);
  if (!call) {
    const count = Object.keys(node).length;
    state.issues.push({
      pointer,
      code: 'object-literal',
      message: `an object must be one operator call like {"var": "x"}, this one has ${count} keys`,
    });
    return;
  }
  visitCall(call, pointer, depth, state);
}

function visitCall(call: OperatorNode, pointer: string, depth: number, state: CheckState): void {
  const { op, args } = call;
  const spec = OPERATOR_SPECS.get(op);
  if (!spec) {
    const why = REFUSED_OPERATORS.get(op);
    state.issues.push({
      pointer,
      code: 'operator-not-allowed',
      message: why ? `operator "${op}" is not allowed: ${why}` : `unknown operator ${describeValue(op)}`,
    });
    return;
  }
  if (args.length < spec.minArgs || args.length > spec.maxArgs) {
    state.issues.push({ pointer, code: 'arity', message: `"${op}" ${describeArity(spec)}, got ${args.length}` });
  }
  if (op === 'var') return visitVar(call, depth, state);
  if (op === 'missing' || op === 'missing_some') return visitMissing(call, depth, state);
  args.forEach((arg, i) => {
    const problem = spec.checkLiteral && !isPlainObject(arg) ? spec.checkLiteral(arg, i) : undefined;
    if (problem) state.issues.push({ pointer: call.argPointer(i), code: 'invalid-argument', message: `"${op}": ${problem}` });
    visit(arg, call.argPointer(i), depth + 1, state);
  });
}

/** {"var": path} / {"var": [path, default]}: the path must be literal; the default is any rule. */
function visitVar(call: OperatorNode, depth: number, state: CheckState): void {
  const [path, ...rest] = call.args;
  if (call.args.length > 0) {
    state.nodes += 1;
    checkPath(path, call.argPointer(0), state);
  }
  rest.forEach((arg, i) => visit(arg, call.argPointer(i + 1), depth + 1, state));
}

/**
 * {"missing": ["a", "b"]} and {"missing_some": [1, ["a", "b"]]} read paths like `var` does, so
 * literal keys get the same path check. Computed key lists are allowed (JsonLogic's documented
 * `{"missing": {"merge": ...}}` idiom); they are safe at run time because lookups go through the
 * safe `var`.
 */
function visitMissing(call: OperatorNode, depth: number, state: CheckState): void {
  call.args.forEach((arg, i) => {
    const argPointer = call.argPointer(i);
    const isKeyList = !(call.op === 'missing_some' && i === 0);
    if (isKeyList && Array.isArray(arg)) {
      arg.forEach((key, j) => {
        if (isLiteralKey(key)) checkPath(key, childPointer(argPointer, j), state);
      });
    } else if (isKeyList && isLiteralKey(arg)) {
      checkPath(arg, argPointer, state);
    }
    visit(arg, argPointer, depth + 1, state);
  });
}

function isLiteralKey(value: unknown): value is string | number {
  return typeof value === 'string' || typeof value === 'number';
}

function checkPath(path: unknown, pointer: string, state: CheckState): void {
  const problem = checkVarPath(path);
  if (problem) state.issues.push({ pointer, ...problem });
}
