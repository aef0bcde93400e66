/**
 * Which data a rule reads. The plugin loader cross-checks these paths against the fields a plugin
 * declares, so a typo like "data.amout" fails at load time instead of reading null forever.
 */
import { asOperatorNode } from './json-shape.js';
import { MAX_RULE_DEPTH } from './limits.js';
import { OPERATOR_SPECS } from './operators.js';
import { childPointer } from './pointer.js';
import type { RuleLogic } from './types.js';
import { varPathText } from './var-path.js';

export interface VarPathRef {
  /** Dotted path as written; '' for the whole data ({"var": ""}); a numeric index as a string. */
  path: string;
  /** Pointer of the `var` node; for `missing`/`missing_some`, of the key string. */
  pointer: string;
  /**
   * True inside the per-element argument of map/filter/reduce/all/none/some, where the path is
   * relative to the array element (or to {current, accumulator} in reduce), not to the context.
   */
  scoped: boolean;
}

/**
 * Every path the rule reads, in document order: `var` in all its forms ("a.b", ["a.b"],
 * ["a.b", default], 0, null) and the literal keys of `missing` / `missing_some`.
 * Computed paths (a rule as the path) cannot be listed; checkRule refuses them for `var`.
 */
export function collectVarPaths(logic: RuleLogic): VarPathRef[] {
  const found: VarPathRef[] = [];
  walk(logic, '', 1, false, found);
  return found;
}

function walk(node: unknown, pointer: string, depth: number, scoped: boolean, found: VarPathRef[]): void {
  if (node === null || typeof node !== 'object' || depth > MAX_RULE_DEPTH) return;
  if (Array.isArray(node)) {
    node.forEach((item, i) => walk(item, childPointer(pointer, i), depth + 1, scoped, found));
    return;
  }
  const call = asOperatorNode(node, pointer);
  if (!call) return;
  const { op, args } = call;

  if (op === 'var') {
    const path = varPathText(args[0]);
    if (path !== undefined) found.push({ path, pointer, scoped });
    args.forEach((arg, i) => walk(arg, call.argPointer(i), depth + 1, scoped, found));
    return;
  }

  if (op === 'missing' || op === 'missing_some') {
    args.forEach((arg, i) => {
      const argPointer = call.argPointer(i);
      if (op === 'missing_some' && i === 0) return walk(arg, argPointer, depth + 1, scoped, found);
      if (typeof arg === 'string' || typeof arg === 'number') return void found.push({ path: String(arg), pointer: argPointer, scoped });
      if (!Array.isArray(arg)) return walk(arg, argPointer, depth + 1, scoped, found);
      arg.forEach((key, j) => {
        const keyPointer = childPointer(argPointer, j);
        if (typeof key === 'string' || typeof key === 'number') found.push({ path: String(key), pointer: keyPointer, scoped });
        else walk(key, keyPointer, depth + 2, scoped, found);
      });
    });
    return;
  }

  const scopedArgs = OPERATOR_SPECS.get(op)?.scopedArgs ?? [];
  args.forEach((arg, i) => walk(arg, call.argPointer(i), depth + 1, scoped || scopedArgs.includes(i), found));
}
