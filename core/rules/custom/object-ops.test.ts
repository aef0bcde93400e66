import { describe, expect, it } from 'vitest';
import { compileRule } from '../index.js';

function run(logic: unknown, context: Record<string, unknown> = {}): unknown {
  return compileRule(logic).evaluate(context);
}

const config = { catalog: { lamp: { price: '35.00', checklist: ['断电', '更换灯管'] }, tap: { price: '50.00' } } };

describe('obj.get', () => {
  it('reads a value by computed keys', () => {
    expect(run({ 'obj.get': [{ var: 'config.catalog' }, { var: 'data.item' }, 'price'] }, { config, data: { item: 'lamp' } })).toBe('35.00');
    expect(run({ 'obj.get': [{ var: 'config.catalog' }, 'lamp', 'checklist', 1] }, { config })).toBe('更换灯管');
    expect(run({ 'money.mul': [{ 'obj.get': [{ var: 'config.catalog' }, { var: 'data.item' }, 'price'] }, 2] }, { config, data: { item: 'tap' } })).toBe('100.00');
  });

  it('gives null for a missing key or a missing value on the way', () => {
    expect(run({ 'obj.get': [{ var: 'config.catalog' }, { var: 'data.item' }, 'price'] }, { config, data: {} })).toBeNull();
    expect(run({ 'obj.get': [{ var: 'config.catalog' }, 'nope', 'price'] }, { config })).toBeNull();
    expect(run({ 'obj.get': [{ var: 'config.catalog' }, 'lamp', 'price', 'x'] }, { config })).toBeNull();
  });

  it('never reaches the prototype', () => {
    for (const key of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      expect(run({ 'obj.get': [{ var: 'config.catalog' }, key] }, { config })).toBeNull();
    }
    expect(run({ 'obj.get': [{ var: 'xs' }, 'length'] }, { xs: [1, 2] })).toBeNull();
  });

  it('refuses keys that are not strings or numbers', () => {
    expect(() => compileRule({ 'obj.get': [{ var: 'a' }, ['x']] })).toThrow(/a key must be a string or a number/);
    expect(() => run({ 'obj.get': [{ var: 'a' }, { var: 'k' }] }, { a: {}, k: { x: 1 } })).toThrow(/a key must be a string or a number/);
  });
});
