/**
 * The standard JsonLogic operators we allow, with their argument counts.
 * Deliberately absent: `method` (calls any method on any value, e.g. "constructor") and `log`
 * (writes rule-chosen text to the server console).
 */
import { ANY, spec, type OperatorSpec } from './operator-spec.js';

const PER_ELEMENT = { scopedArgs: [1] } as const;

export const STANDARD_OPERATORS: ReadonlyMap<string, OperatorSpec> = new Map([
  // data
  ['var', spec(0, 2)],
  ['missing', spec(1, ANY)],
  ['missing_some', spec(2, 2)],
  // logic
  ['if', spec(1, ANY)],
  ['?:', spec(3, 3)],
  ['==', spec(2, 2)],
  ['===', spec(2, 2)],
  ['!=', spec(2, 2)],
  ['!==', spec(2, 2)],
  ['!', spec(1, 1)],
  ['!!', spec(1, 1)],
  ['or', spec(1, ANY)],
  ['and', spec(1, ANY)],
  // numeric
  ['>', spec(2, 2)],
  ['>=', spec(2, 2)],
  ['<', spec(2, 3)],
  ['<=', spec(2, 3)],
  ['max', spec(1, ANY)],
  ['min', spec(1, ANY)],
  ['+', spec(1, ANY)],
  ['-', spec(1, 2)],
  ['*', spec(1, ANY)],
  ['/', spec(2, 2)],
  ['%', spec(2, 2)],
  // array
  ['map', spec(2, 2, PER_ELEMENT)],
  ['filter', spec(2, 2, PER_ELEMENT)],
  ['reduce', spec(2, 3, PER_ELEMENT)],
  ['all', spec(2, 2, PER_ELEMENT)],
  ['none', spec(2, 2, PER_ELEMENT)],
  ['some', spec(2, 2, PER_ELEMENT)],
  ['merge', spec(0, ANY)],
  ['in', spec(2, 2)],
  // string
  ['cat', spec(0, ANY)],
  ['substr', spec(2, 3)],
]);

/** Operators people will try, with the reason they are refused. */
export const REFUSED_OPERATORS: ReadonlyMap<string, string> = new Map([
  ['method', 'it calls methods on values'],
  ['log', 'it writes to the server console'],
]);
