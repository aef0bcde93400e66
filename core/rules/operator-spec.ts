/** What the checker knows about one allowed operator. */
export interface OperatorSpec {
  /** Fewest and most arguments (a bare argument counts as one). */
  readonly minArgs: number;
  readonly maxArgs: number;
  /**
   * Arguments json-logic-js evaluates once per array element (map/filter/reduce/all/none/some):
   * a `var` inside them reads the element (or `current`/`accumulator` for reduce), not the context.
   */
  readonly scopedArgs?: readonly number[];
  /**
   * Cheap static check of a literal argument (anything but an operator object), so that
   * `{"money.round": [x, 2, "ceil"]}` is refused when saved, not when a bill is computed.
   * Returns a message when the literal can never work.
   */
  readonly checkLiteral?: (value: unknown, index: number) => string | undefined;
}

export const ANY = Number.POSITIVE_INFINITY;

export function spec(minArgs: number, maxArgs: number, extra: Omit<OperatorSpec, 'minArgs' | 'maxArgs'> = {}): OperatorSpec {
  return { minArgs, maxArgs, ...extra };
}

/** 'takes 2 arguments', 'takes 1 to 3 arguments', 'takes at least 1 argument' */
export function describeArity(s: OperatorSpec): string {
  const plural = (n: number) => `${n} argument${n === 1 ? '' : 's'}`;
  if (s.maxArgs === ANY) return `takes at least ${plural(s.minArgs)}`;
  if (s.minArgs === s.maxArgs) return `takes ${plural(s.minArgs)}`;
  return `takes ${s.minArgs} to ${plural(s.maxArgs)}`;
}
