import jsonLogic from 'json-logic-js';
import { describe, expect, it } from 'vitest';
import { RuleError, compileRule, truthy } from './index.js';

function evaluate(logic: unknown, context: Record<string, unknown> = {}): unknown {
  return compileRule(logic).evaluate(context);
}

describe('compileRule', () => {
  it('evaluates standard JsonLogic', () => {
    const rule = compileRule({
      if: [
        { and: [{ '>=': [{ var: 'data.area' }, 100] }, { in: ['vip', { var: 'actor.roles' }] }] },
        { cat: ['large:', { var: 'data.area' }] },
        { '?:': [{ missing: ['data.area'] }, 'unknown', 'small'] },
      ],
    });
    expect(rule.evaluate({ data: { area: 120 }, actor: { roles: ['vip'] } })).toBe('large:120');
    expect(rule.evaluate({ data: { area: 80 }, actor: { roles: [] } })).toBe('small');
    expect(rule.evaluate({ data: {}, actor: { roles: [] } })).toBe('unknown');
    expect(evaluate({ map: [{ var: 'xs' }, { '*': [{ var: '' }, 2] }] }, { xs: [1, 2, 3] })).toEqual([2, 4, 6]);
    expect(evaluate({ reduce: [{ var: 'xs' }, { '+': [{ var: 'current' }, { var: 'accumulator' }] }, 0] }, { xs: [1, 2, 3] })).toBe(6);
    expect(evaluate({ filter: [{ var: 'items' }, { '>': [{ var: 'n' }, 1] }] }, { items: [{ n: 1 }, { n: 2 }] })).toEqual([{ n: 2 }]);
    expect(evaluate({ var: ['data.missing', 'fallback'] }, { data: {} })).toBe('fallback');
    expect(evaluate({ var: 'data.items.1' }, { data: { items: ['a', 'b'] } })).toBe('b');
    expect(evaluate({ missing_some: [1, ['a', 'b']] }, { b: 1 })).toEqual([]);
  });

  it('refuses a bad rule with a RuleError listing the issues and their pointers', () => {
    let caught: unknown;
    try {
      compileRule({ and: [{ method: [{ var: 'x' }, 'constructor'] }, { var: '__proto__' }] });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(RuleError);
    const error = caught as RuleError;
    expect(error.name).toBe('RuleError');
    expect(error.issues.map((i) => [i.code, i.pointer])).toEqual([
      ['operator-not-allowed', '/and/0'],
      ['forbidden-var-path', '/and/1/var'],
    ]);
    expect(error.message).toMatch(/^rule refused: \/and\/0: operator "method" is not allowed.*\(and 1 more issue\)$/);
  });

  it('evaluates its own frozen copy: changing the input afterwards changes nothing', () => {
    const logic = { '==': [{ var: 'a' }, 1] } as { '==': unknown[] };
    const rule = compileRule(logic);
    logic['=='][0] = { method: [{ var: '' }, 'constructor'] };
    expect(rule.evaluate({ a: 1 })).toBe(true);
    expect(Object.isFrozen(rule.logic)).toBe(true);
    expect(rule.logic).toEqual({ '==': [{ var: 'a' }, 1] });
  });

  it('checks what a getter returns at compile time, and only that', () => {
    let reads = 0;
    const sneaky = {
      get '!!'() {
        reads += 1;
        return reads === 1 ? [true] : [{ method: [{ var: '' }, 'constructor'] }];
      },
    };
    const rule = compileRule(sneaky);
    expect(rule.evaluate({})).toBe(true);
    expect(reads).toBe(1);
  });

  it('keeps an own "__proto__" key (from JSON.parse) a key, and refuses it', () => {
    expect(() => compileRule(JSON.parse('{"__proto__": {"var": "x"}}'))).toThrow(RuleError);
  });

  it('wraps operator failures at evaluate time in a RuleError', () => {
    const rule = compileRule({ 'money.add': [{ var: 'data.fee' }, '1.00'] });
    expect(rule.evaluate({ data: { fee: '2.50' } })).toBe('3.50');
    let caught: unknown;
    try {
      rule.evaluate({ data: {} });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(RuleError);
    expect((caught as RuleError).issues).toEqual([
      { pointer: '', code: 'evaluation-failed', message: 'money.add: expected a decimal string or number, got null' },
    ]);
    expect((caught as RuleError).cause).toBeInstanceOf(RangeError);
  });

  it('does not let a rule change the caller\'s context', () => {
    const context = { data: { items: [3, 1, 2] } };
    evaluate({ merge: [{ var: 'data.items' }, [4]] }, context);
    expect(context).toEqual({ data: { items: [3, 1, 2] } });
  });
});

describe('evaluate-time safety', () => {
  const context = {
    data: { name: 'Li', items: [{ amount: '1.00' }], tags: ['a'], count: 1 },
    helper: () => 'secret',
  };

  it('var cannot return functions or prototypes (checkRule skipped: json-logic-js directly)', () => {
    // compileRule would refuse these paths; the replaced `var` must hold even without it.
    for (const path of ['constructor', '__proto__', 'data.constructor', 'data.__proto__', 'data.name.constructor', 'data.items.constructor',
      'data.items.__proto__.constructor', 'toString', 'data.hasOwnProperty', 'data.name.length', 'data.items.length', 'helper',
      'data.__defineGetter__', 'data.items.0.constructor.constructor']) {
      expect(jsonLogic.apply({ var: path }, context), path).toBeNull();
      expect(jsonLogic.apply({ var: [path, 'default'] }, context), path).toBe('default');
    }
  });

  it('{"var": "constructor"} and friends evaluate to null even on raw objects with prototypes', () => {
    const raw = { nested: new (class Secret { method() { return 1; } })(), list: [1] };
    expect(jsonLogic.apply({ var: 'nested.method' }, raw)).toBeNull();
    expect(jsonLogic.apply({ var: 'list.constructor' }, raw)).toBeNull();
    expect(jsonLogic.apply({ missing: ['constructor', 'list'] }, raw)).toEqual(['constructor']);
  });

  it('compiled rules see a JSON copy without functions', () => {
    expect(evaluate({ var: 'helper' }, context)).toBeNull();
    expect(evaluate({ var: '' }, context)).toEqual({ data: context.data });
    expect(evaluate({ var: 'data.items.0.amount' }, context)).toBe('1.00');
  });

  it('json-logic-js no longer has `method`, even for direct callers', () => {
    expect(() => jsonLogic.apply({ method: [{ var: 'data.name' }, 'toUpperCase'] } as never, context)).toThrow(/Unrecognized operation method/);
    expect(() => jsonLogic.apply({ 'toString.call': [] } as never, {})).toThrow(/Unrecognized operation/);
  });
});

describe('truthy', () => {
  it('follows JsonLogic truthiness', () => {
    expect([0, '', null, [], false, Number.NaN].map(truthy)).toEqual([false, false, false, false, false, false]);
    expect([1, '0', 'false', [0], {}, true, -1].map(truthy)).toEqual([true, true, true, true, true, true, true]);
  });
});
