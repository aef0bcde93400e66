import jsonLogic from 'json-logic-js';
import { describe, expect, it } from 'vitest';
import { MAX_EVAL_ARRAY_LENGTH, MAX_EVAL_STRING_LENGTH, RuleError, checkRule, compileRule } from './index.js';

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

function failure(run: () => unknown): RuleError {
  try {
    run();
  } catch (error) {
    if (error instanceof RuleError) return error;
    throw error;
  }
  throw new Error('expected a RuleError');
}

describe('evaluation limits', () => {
  it('stops a small rule that would take billions of steps', () => {
    const xs = range(1500);
    const rule = { reduce: [xs, { reduce: [xs, { reduce: [xs, { '+': [{ var: 'accumulator' }, 1] }, 0] }, 0] }, 0] };
    expect(checkRule(rule)).toEqual([]); // statically fine: ~4,500 values, 3 levels
    const started = Date.now();
    const error = failure(() => compileRule(rule).evaluate({}));
    expect(error.issues[0]!.message).toMatch(/more than 1000000 steps/);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('leaves the step budget unlimited for direct json-logic-js callers afterwards', () => {
    expect(() => compileRule({ map: [range(2000), { map: [range(1000), 1] }] }).evaluate({})).toThrow(RuleError);
    const direct = jsonLogic.apply({ map: [range(2000), { map: [range(1000), { var: '' }] }] } as never) as unknown[];
    expect(direct.length).toBe(2000);
  });

  it('stops a reduce that doubles an array with merge', () => {
    const rule = compileRule({ reduce: [range(40), { merge: [{ var: 'accumulator' }, { var: 'accumulator' }] }, [1]] });
    expect(failure(() => rule.evaluate({})).issues[0]!.message).toBe(`merge: result would have more than ${MAX_EVAL_ARRAY_LENGTH} items`);
  });

  it('stops a reduce that doubles a string with cat', () => {
    const rule = compileRule({ reduce: [range(40), { cat: [{ var: 'accumulator' }, { var: 'accumulator' }] }, 'ab'] });
    expect(failure(() => rule.evaluate({})).issues[0]!.message).toBe(`cat: result would be longer than ${MAX_EVAL_STRING_LENGTH} characters`);
  });

  it('keeps merge and cat semantics', () => {
    expect(compileRule({ merge: [[1, 2], 3, [[4]], null] }).evaluate({})).toEqual([1, 2, 3, [4], null]);
    expect(compileRule({ cat: ['a', null, 1, true, [1, 2], { var: 'missing' }] }).evaluate({})).toBe('a1true1,2');
    expect(compileRule({ merge: [] }).evaluate({})).toEqual([]);
    expect(compileRule({ cat: [] }).evaluate({})).toBe('');
  });

  it('evaluates realistic rules well inside the budget', () => {
    const items = range(2000).map((i) => ({ amount: `${i}.50`, paid: i % 3 === 0 }));
    const rule = compileRule({
      reduce: [
        { filter: [{ var: 'data.items' }, { '!': { var: 'paid' } }] },
        { 'money.add': [{ var: 'accumulator' }, { var: 'current.amount' }] },
        '0',
      ],
    });
    // unpaid: the 1333 items with i % 3 !== 0; sum of those i is 1332667, plus 1333 × 0.50
    expect(rule.evaluate({ data: { items } })).toBe('1333333.50');
  });
});
