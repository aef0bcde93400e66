/**
 * The condition builder's model: field ▸ equals / not equals / in ▸ value, written as JsonLogic
 * over `data.*` — `{"==":[{"var":"data.channel"},"other"]}`. Rules the builder cannot show
 * (and, or, other operators) stay as JSON.
 */
export type ConditionOp = '==' | '!=' | 'in';

export interface Condition {
  field: string;
  op: ConditionOp;
  /** for `in`: the list of values */
  value: unknown;
}

export function toLogic(c: Condition): unknown {
  const v = { var: `data.${c.field}` };
  if (c.op === 'in') return { in: [v, Array.isArray(c.value) ? c.value : c.value === undefined || c.value === '' ? [] : [c.value]] };
  return { [c.op]: [v, c.value ?? null] };
}

/** The builder's model of a rule, or null when the rule is not one the builder can show. */
export function fromLogic(rule: unknown): Condition | null {
  if (typeof rule !== 'object' || rule === null || Array.isArray(rule)) return null;
  const keys = Object.keys(rule);
  if (keys.length !== 1) return null;
  const op = keys[0] as ConditionOp;
  if (op !== '==' && op !== '!=' && op !== 'in') return null;
  const args = (rule as Record<string, unknown>)[op];
  if (!Array.isArray(args) || args.length !== 2) return null;
  const [left, right] = args as [unknown, unknown];
  if (typeof left !== 'object' || left === null || Array.isArray(left)) return null;
  const name = (left as { var?: unknown }).var;
  if (typeof name !== 'string' || !/^data\.[a-z][a-zA-Z0-9]*$/.test(name)) return null;
  if (op === 'in' && !Array.isArray(right)) return null;
  if (op !== 'in' && typeof right === 'object' && right !== null) return null;
  return { field: name.slice('data.'.length), op, value: right };
}

/** The value typed in a text box, as the field's type wants it. */
export function coerceValue(raw: string, type: string | undefined): unknown {
  if (type === 'number' || type === 'integer') {
    const n = Number(raw);
    return raw.trim() !== '' && Number.isFinite(n) ? n : raw;
  }
  if (type === 'boolean') return raw === 'true';
  return raw;
}
