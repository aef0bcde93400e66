/**
 * A rule context copied once and shared by several rules evaluated on the same data (a form's
 * visibility and required-if rules, a transition's guard and branches). Rules cannot change
 * what they read, so one JSON copy serves them all; only copies made here are trusted.
 */
import { toRuleData } from './rule-data.js';

const prepared = new WeakSet<object>();

declare const brand: unique symbol;
export type PreparedRuleContext = Record<string, unknown> & { readonly [brand]: true };

export function prepareRuleContext(context: Record<string, unknown>): PreparedRuleContext {
  const copy = toRuleData(context) as Record<string, unknown>;
  prepared.add(copy);
  return copy as PreparedRuleContext;
}

export function isPreparedRuleContext(value: unknown): value is PreparedRuleContext {
  return typeof value === 'object' && value !== null && prepared.has(value);
}
