import { describe, expect, it } from 'vitest';
import { ALLOWED_OPERATORS, MAX_RULE_DEPTH, MAX_RULE_NODES, checkRule } from './index.js';

function codes(logic: unknown): string[] {
  return checkRule(logic).map((i) => `${i.code}@${i.pointer}`);
}

function nestNot(levels: number): unknown {
  let rule: unknown = true;
  for (let i = 0; i < levels; i++) rule = { '!': [rule] };
  return rule;
}

describe('checkRule', () => {
  it('accepts realistic rules and plain values', () => {
    expect(checkRule({ and: [{ '>': [{ var: 'data.amount' }, 100] }, { in: [{ var: 'actor.roles.0' }, ['admin', 'manager']] }] })).toEqual([]);
    expect(checkRule({ if: [{ var: 'data.urgent' }, 'P1', { '?:': [{ '!!': { var: 'data.minor' } }, 'P3', 'P2'] }] })).toEqual([]);
    expect(checkRule({ reduce: [{ var: 'data.items' }, { '+': [{ var: 'current.qty' }, { var: 'accumulator' }] }, 0] })).toEqual([]);
    expect(checkRule({ 'money.round': [{ 'money.mul': ['1000.00', '0.003', { 'date.daysBetween': [{ var: 'data.due' }, '2024-03-18'] }] }, 2, 'halfUp'] })).toEqual([]);
    expect(checkRule({ missing_some: [1, ['data.phone', 'data.email']] })).toEqual([]);
    for (const literal of [null, true, 0, 'text', [], [1, 'a', null]]) expect(checkRule(literal)).toEqual([]);
  });

  it('refuses `method` with the pointer of the offending node', () => {
    const issues = checkRule({ and: [true, { method: [{ var: 'data.name' }, 'toUpperCase'] }] });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ pointer: '/and/1', code: 'operator-not-allowed' });
    expect(issues[0]!.message).toMatch(/"method" is not allowed: it calls methods/);
  });

  it('refuses `log` and unknown operators, pointing at them', () => {
    expect(codes({ log: 'x' })).toEqual(['operator-not-allowed@']);
    expect(codes({ if: [true, { eval: 'process.exit()' }, 1] })).toEqual(['operator-not-allowed@/if/1']);
    // in a JS literal `__proto__: ...` sets the prototype instead of a key: not a plain object, still refused
    expect(codes({ or: [{ constructor: [] }, { __proto__: { var: 'x' } }] })).toEqual(['operator-not-allowed@/or/0', 'invalid-value@/or/1']);
    expect(codes(JSON.parse('{"or": [{"__proto__": [1]}, {"toString": []}, {"money.div": [1, 2]}]}'))).toEqual([
      'operator-not-allowed@/or/0',
      'operator-not-allowed@/or/1',
      'operator-not-allowed@/or/2',
    ]);
  });

  it('escapes operator names in pointers (RFC 6901)', () => {
    expect(codes({ '/': [1, { nope: 1 }] })).toEqual(['operator-not-allowed@/~1/1']);
    expect(codes({ 'a~b': 1 })).toEqual(['operator-not-allowed@']);
  });

  it('checks argument counts where cheap', () => {
    expect(codes({ '==': [1] })).toEqual(['arity@']);
    expect(codes({ and: [{ '?:': [true, 1] }] })).toEqual(['arity@/and/0']);
    expect(codes({ map: [[1, 2]] })).toEqual(['arity@']);
    expect(codes({ 'money.round': ['1.005', 2] })).toEqual(['arity@']);
    expect(checkRule({ '!': [1, 2] })[0]!.message).toBe('"!" takes 1 argument, got 2');
    expect(codes({ '!': true })).toEqual([]); // bare argument form
  });

  it('checks literal arguments of Wuye operators', () => {
    expect(codes({ 'money.add': ['1.00', 'abc'] })).toEqual(['invalid-argument@/money.add/1']);
    expect(codes({ 'money.mul': ['89.75', 0.003] })).toEqual(['invalid-argument@/money.mul/1']);
    expect(codes({ 'money.round': ['2.345', 2, 'ceil'] })).toEqual(['invalid-argument@/money.round/2']);
    expect(codes({ 'money.round': ['2.345', -1, 'halfUp'] })).toEqual(['invalid-argument@/money.round/1']);
    expect(codes({ 'date.addDays': ['2024-02-30', 1] })).toEqual(['invalid-argument@/date.addDays/0']);
    expect(codes({ 'date.addDays': ['2024-02-28', 1.5] })).toEqual(['invalid-argument@/date.addDays/1']);
    expect(codes({ 'date.daysBetween': ['2024-01-01T08:00:00', '2024-01-02'] })).toEqual(['invalid-argument@/date.daysBetween/0']);
    expect(codes({ 'str.len': [[1]] })).toEqual(['invalid-argument@/str.len/0']);
    // operator arguments are only known at run time
    expect(codes({ 'money.add': [{ var: 'x' }, { cat: ['1', '.5'] }] })).toEqual([]);
  });

  it('refuses __proto__ / prototype / constructor in var paths', () => {
    expect(codes({ var: '__proto__' })).toEqual(['forbidden-var-path@/var']);
    expect(codes({ var: 'constructor' })).toEqual(['forbidden-var-path@/var']);
    expect(codes({ var: ['data.items.constructor.prototype', 0] })).toEqual(['forbidden-var-path@/var/0']);
    expect(codes({ '==': [{ var: 'data.__defineGetter__' }, 1] })).toEqual(['forbidden-var-path@/==/0/var']);
    expect(codes({ missing: ['data.a', '__proto__.x'] })).toEqual(['forbidden-var-path@/missing/1']);
    expect(codes({ missing_some: [1, ['data.a', 'constructor']] })).toEqual(['forbidden-var-path@/missing_some/1/1']);
  });

  it('requires var paths to be literal dotted identifiers', () => {
    expect(codes({ var: 'data.items.0.amount' })).toEqual([]);
    expect(codes({ var: '' })).toEqual([]);
    expect(codes({ var: [] })).toEqual([]);
    expect(codes({ var: 3 })).toEqual([]);
    expect(codes({ var: 'data..x' })).toEqual(['invalid-var-path@/var']);
    expect(codes({ var: 'data.a b' })).toEqual(['invalid-var-path@/var']);
    expect(codes({ var: 'data.x[0]' })).toEqual(['invalid-var-path@/var']);
    expect(codes({ var: -1 })).toEqual(['invalid-var-path@/var']);
    expect(codes({ var: { cat: ['con', 'structor'] } })).toEqual(['invalid-var-path@/var']);
    expect(codes({ var: ['a', { nope: 1 }] })).toEqual(['operator-not-allowed@/var/1']);
  });

  it('refuses non-JSON values and object literals', () => {
    expect(codes({ '+': [1, Number.NaN] })).toEqual(['invalid-value@/+/1']);
    expect(codes({ '+': [1, undefined] })).toEqual(['invalid-value@/+/1']);
    expect(codes({ if: [true, () => 1, new Date()] })).toEqual(['invalid-value@/if/1', 'invalid-value@/if/2']);
    expect(codes({ in: ['a', { a: 1, b: 2 }] })).toEqual(['object-literal@/in/1']);
    expect(codes({})).toEqual(['object-literal@']);
  });

  it(`refuses rules nested deeper than ${MAX_RULE_DEPTH} levels`, () => {
    expect(checkRule(nestNot(MAX_RULE_DEPTH))).toEqual([]);
    const issues = checkRule(nestNot(MAX_RULE_DEPTH + 1));
    expect(issues).toHaveLength(1);
    expect(issues[0]!.code).toBe('too-deep');
    expect(issues[0]!.pointer).toBe('/!/0'.repeat(MAX_RULE_DEPTH));
    // far too deep for a recursive checker without a bound
    expect(checkRule(nestNot(100_000)).map((i) => i.code)).toEqual(['too-deep']);
    let arrays: unknown = 1;
    for (let i = 0; i < 50; i++) arrays = [arrays];
    expect(codes(arrays)).toEqual([`too-deep@${'/0'.repeat(MAX_RULE_DEPTH)}`]);
  });

  it('refuses oversized rules', () => {
    const wide = { '+': Array.from({ length: MAX_RULE_NODES }, () => 1) };
    expect(codes(wide)).toEqual(['too-large@']);
    expect(codes({ '+': Array.from({ length: MAX_RULE_NODES - 2 }, () => 1) })).toEqual([]);
    expect(codes({ cat: ['x'.repeat(5000)] })).toEqual(['too-large@/cat/0']);
  });

  it('whitelists exactly the standard operators (minus method/log) and the namespaced ones', () => {
    const standard = ['var', 'missing', 'missing_some', 'if', '?:', '==', '===', '!=', '!==', '!', '!!', 'or', 'and', '>', '>=', '<', '<=',
      'max', 'min', '+', '-', '*', '/', '%', 'map', 'filter', 'reduce', 'all', 'none', 'some', 'merge', 'in', 'cat', 'substr'];
    const custom = ['money.add', 'money.sub', 'money.mul', 'money.round', 'money.cmp', 'money.max', 'money.min',
      'date.daysBetween', 'date.addDays', 'date.startOfMonth', 'date.endOfMonth', 'date.addWorkingDays', 'date.workingDaysBetween', 'date.today', 'str.len', 'str.containsAny', 'obj.get'];
    expect([...ALLOWED_OPERATORS].sort()).toEqual([...standard, ...custom].sort());
  });
});
