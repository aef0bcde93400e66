/** Telling JSON-like values apart, in the same way json-logic-js does. */
import { childPointer } from './pointer.js';

/** A `{}` literal or JSON.parse result (or a null-prototype object), not a Date, Map or class instance. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** An operator node as json-logic-js sees it: an object with exactly one key. */
export interface OperatorNode {
  op: string;
  /** The arguments; a bare value (`{"!": x}`) is one argument, as in json-logic-js. */
  args: readonly unknown[];
  /** Pointer to argument i: '/op/i' for an argument array, '/op' for a bare argument. */
  argPointer(index: number): string;
}

/** The node as an operator call, or undefined when it is not an object with exactly one key. */
export function asOperatorNode(node: unknown, pointer: string): OperatorNode | undefined {
  if (!isPlainObject(node)) return undefined;
  const keys = Object.keys(node);
  if (keys.length !== 1) return undefined;
  const op = keys[0]!;
  const raw = node[op];
  const opPointer = childPointer(pointer, op);
  if (Array.isArray(raw)) return { op, args: raw, argPointer: (i) => childPointer(opPointer, i) };
  return { op, args: [raw], argPointer: () => opPointer };
}
