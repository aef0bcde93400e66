import { describe, expect, it } from 'vitest';
import { RuleError, compileRule } from '../index.js';
import { moneyAdd, moneyCmp, moneyMul, moneyRound } from './money-ops.js';

function run(logic: unknown, context: Record<string, unknown> = {}): unknown {
  return compileRule(logic).evaluate(context);
}

describe('money.* operators', () => {
  it('money.mul multiplies exactly: 3.2 × 89.75 = 287.20', () => {
    expect(run({ 'money.mul': ['3.2', '89.75'] })).toBe('287.20');
    expect(run({ 'money.mul': [{ var: 'qty' }, { var: 'price' }] }, { qty: 3, price: '19.99' })).toBe('59.97');
  });

  it('late fee of 3‰ per day for 17 days on 1000.00 is 51.00', () => {
    const fee = { 'money.round': [{ 'money.mul': ['1000.00', '0.003', '17'] }, 2, 'halfUp'] };
    expect(run(fee)).toBe('51.00');
    // the same with the day count computed from dates
    const computed = {
      'money.round': [
        { 'money.mul': [{ var: 'bill.amount' }, { var: 'config.dailyRate' }, { 'date.daysBetween': [{ var: 'bill.dueDate' }, { var: 'today' }] }] },
        2,
        'halfUp',
      ],
    };
    expect(run(computed, { bill: { amount: '1000.00', dueDate: '2024-02-20' }, config: { dailyRate: '0.003' }, today: '2024-03-08' })).toBe('51.00');
  });

  it('money.round distinguishes halfUp and halfEven on 2.345', () => {
    expect(run({ 'money.round': ['2.345', 2, 'halfUp'] })).toBe('2.35');
    expect(run({ 'money.round': ['2.345', 2, 'halfEven'] })).toBe('2.34');
    expect(run({ 'money.round': ['2.341', 2, 'up'] })).toBe('2.35');
    expect(run({ 'money.round': ['2.349', 2, 'down'] })).toBe('2.34');
    expect(run({ 'money.round': ['-2.345', 2, 'halfUp'] })).toBe('-2.35');
    expect(run({ 'money.round': ['1234.5', 0, 'halfEven'] })).toBe('1234');
    expect(run({ 'money.round': ['0.125', 3, 'halfUp'] })).toBe('0.125');
  });

  it('money.mul does not round, so money.round rounds only once', () => {
    // 10.00 × 0.0125 = 0.125: pre-rounding to 0.13 would make halfEven give 0.13 instead of 0.12
    expect(run({ 'money.mul': ['10.00', '0.0125'] })).toBe('0.125');
    expect(run({ 'money.round': [{ 'money.mul': ['10.00', '0.0125'] }, 2, 'halfEven'] })).toBe('0.12');
  });

  it('money.add / money.sub are exact where floats are not', () => {
    expect(run({ 'money.add': ['0.1', '0.2'] })).toBe('0.30');
    expect(run({ '+': [0.1, 0.2] })).toBe(0.30000000000000004); // why money.add exists
    expect(run({ 'money.add': ['1234.5', '0.05', 10] })).toBe('1244.55');
    expect(run({ 'money.add': ['5'] })).toBe('5.00');
    expect(run({ 'money.sub': ['100.00', '100.01'] })).toBe('-0.01');
    expect(run({ 'money.sub': ['0.30', '0.3'] })).toBe('0.00');
    expect(run({ 'money.add': ['999999999999.99', '0.01'] })).toBe('1000000000000.00');
  });

  it('money.cmp compares numerically (-1/0/1), not as strings', () => {
    expect(run({ 'money.cmp': ['10.00', '9.99'] })).toBe(1);
    expect(run({ 'money.cmp': ['9.99', '10'] })).toBe(-1);
    expect(run({ 'money.cmp': ['1.50', '1.5'] })).toBe(0);
    expect(run({ '>': ['10.00', '9.99'] })).toBe(false); // two strings compare as text: why money.cmp exists
    expect(run({ '==': [{ 'money.cmp': [{ var: 'paid' }, { var: 'due' }] }, -1] }, { paid: '99.5', due: '100' })).toBe(true);
  });

  it('money.max / money.min pick exactly', () => {
    expect(run({ 'money.max': ['1.10', '1.09', '-5'] })).toBe('1.10');
    expect(run({ 'money.min': ['1.10', '1.09', '-5'] })).toBe('-5.00');
    expect(run({ 'money.max': [{ 'money.sub': [{ var: 'due' }, { var: 'paid' }] }, '0'] }, { due: '100', paid: '120' })).toBe('0.00');
  });

  it('refuses floats that lost exactness and non-amounts at evaluate time', () => {
    const rule = compileRule({ 'money.add': [{ var: 'a' }, '1'] });
    expect(() => rule.evaluate({ a: 0.1 + 0.2 })).toThrow(RuleError);
    expect(() => rule.evaluate({ a: 0.1 + 0.2 })).toThrow(/money.add: number 0.30000000000000004 is not an exact amount/);
    expect(() => rule.evaluate({ a: 'ten' })).toThrow(/money.add: not a decimal amount: "ten"/);
    expect(() => rule.evaluate({ a: true })).toThrow(/expected a decimal string or number, got true/);
    expect(() => run({ 'money.round': [{ var: 'a' }, { var: 'p' }, 'halfUp'] }, { a: '1', p: 2.5 })).toThrow(/decimal places/);
    expect(() => run({ 'money.round': ['1', 2, { var: 'm' }] }, { m: 'toString' })).toThrow(/rounding mode/);
  });

  it('works when called directly, too', () => {
    expect(moneyAdd('1', '2', '3.005')).toBe('6.005');
    expect(moneyMul('3.2', '89.75')).toBe('287.20');
    expect(moneyCmp('1', '1.00')).toBe(0);
    expect(moneyRound('2.345', 2, 'halfEven')).toBe('2.34');
    expect(() => moneyAdd()).toThrow(/at least one operand/);
  });
});
