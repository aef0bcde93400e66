import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { parseMoney } from '../money/index.js';
import { MAX_CONTEXT_DEPTH, toRuleData } from './rule-data.js';

describe('toRuleData', () => {
  it('copies to plain JSON values, with exact forms for money and dates', () => {
    const source = {
      text: '物业',
      n: 1.5,
      nan: Number.NaN,
      flag: false,
      none: null,
      gone: undefined,
      fn: () => 1,
      when: new Date('2024-03-01T08:00:00.000Z'),
      badDate: new Date('nope'),
      amount: parseMoney('1234.50'),
      big: new Decimal('1e30'),
      fen: 123450n,
      list: [1, undefined, () => 2, 'x'],
      withJson: { toJSON: () => ({ iso: '2024-03-01' }) },
    };
    expect(toRuleData(source)).toEqual({
      text: '物业',
      n: 1.5,
      nan: null,
      flag: false,
      none: null,
      when: '2024-03-01T08:00:00.000Z',
      badDate: null,
      amount: '1234.5',
      big: '1000000000000000000000000000000',
      fen: '123450',
      list: [1, null, null, 'x'],
      withJson: { iso: '2024-03-01' },
    });
  });

  it('produces plain objects without methods of their own and without __proto__ keys', () => {
    class Entity {
      id = 7;
      secret(): string {
        return 'x';
      }
    }
    const copy = toRuleData({ e: new Entity(), parsed: JSON.parse('{"__proto__": {"admin": true}, "ok": 1}') }) as Record<string, Record<string, unknown>>;
    expect(copy.e).toEqual({ id: 7 });
    expect(Object.getPrototypeOf(copy.e)).toBe(Object.prototype);
    expect(Object.keys(copy.parsed!)).toEqual(['ok']);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it('keeps shared (non-circular) references and refuses cycles and absurd depth', () => {
    const shared = { v: 1 };
    expect(toRuleData({ a: shared, b: shared })).toEqual({ a: { v: 1 }, b: { v: 1 } });
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => toRuleData(cyclic)).toThrow(/circular/);
    let deep: unknown = 1;
    for (let i = 0; i <= MAX_CONTEXT_DEPTH; i++) deep = { d: deep };
    expect(() => toRuleData(deep)).toThrow(RangeError);
  });
});
