import { describe, expect, it } from 'vitest';
import { WorkingCalendar } from '../../calendar/index.js';
import { checkRule, compileRule, RuleError, withRuleEnvironment } from '../index.js';
import { addRuleOperator, callRuleOperator } from '../contributed-operators.js';

const env = { calendar: new WorkingCalendar({ holidays: ['2026-12-08'] }), now: new Date('2026-12-06T17:00:00Z') };
const run = (logic: unknown, data: Record<string, unknown> = {}) => withRuleEnvironment(env, () => compileRule(logic as never).evaluate(data));

describe('date operators on the company calendar', () => {
  it('today is the company-calendar date of the clock; month start and end', () => {
    // 17:00 UTC on the 6th is 01:00 on Monday the 7th in Shanghai
    expect(run({ 'date.today': [] })).toBe('2026-12-07');
    expect(run({ 'date.startOfMonth': [{ var: 'data.d' }] }, { data: { d: '2026-12-17' } })).toBe('2026-12-01');
    expect(run({ 'date.endOfMonth': ['2028-02-03T08:00:00+08:00'] })).toBe('2028-02-29');
  });

  it('adds and counts working days (the company day off is skipped)', () => {
    expect(run({ 'date.addWorkingDays': [{ 'date.today': [] }, 2] })).toBe('2026-12-10');
    expect(run({ 'date.workingDaysBetween': ['2026-12-07', '2026-12-14'] })).toBe(4);
  });

  it('fails evaluation without a calendar or clock instead of guessing one', () => {
    expect(() => compileRule({ 'date.today': [] }).evaluate({})).toThrow(/needs the clock/);
    expect(() => compileRule({ 'date.addWorkingDays': ['2026-12-07', 1] }).evaluate({})).toThrow(RuleError);
  });

  it('checks literals when the rule is saved', () => {
    expect(checkRule({ 'date.addWorkingDays': ['2026-12-07', -1] }).map((i) => i.code)).toEqual(['invalid-argument']);
    expect(checkRule({ 'date.endOfMonth': ['2026-13-01'] }).map((i) => i.pointer)).toEqual(['/date.endOfMonth/0']);
    expect(checkRule({ 'date.today': [1] }).map((i) => i.code)).toEqual(['arity']);
  });
});

describe('operators plugins contribute', () => {
  addRuleOperator('acme', 'acme.price', {
    minArgs: 1,
    maxArgs: 1,
    checkLiteral: (value) => (typeof value === 'string' ? undefined : 'a code is a string'),
    evaluate: ([code], e) => ((e.settingsOf?.('acme')?.prices ?? {}) as Record<string, string>)[String(code)] ?? null,
  });
  const settingsOf = (id: string) => (id === 'acme' ? { prices: { a: '1.50' } } : undefined);

  it('are refused until registered, then checked and evaluated with the environment', () => {
    expect(checkRule({ 'acme.other': ['a'] }).map((i) => i.code)).toEqual(['operator-not-allowed']);
    expect(checkRule({ 'acme.price': [1] }).map((i) => i.code)).toEqual(['invalid-argument']);
    expect(withRuleEnvironment({ settingsOf }, () => compileRule({ 'acme.price': [{ var: 'k' }] }).evaluate({ k: 'a' }))).toBe('1.50');
    expect(callRuleOperator('acme.price', ['a'], { settingsOf })).toBe('1.50');
    expect(() => callRuleOperator('acme.other', [], {})).toThrow(/no rule operator/);
  });

  it('cannot replace a core operator or another plugin\'s', () => {
    const spec = { minArgs: 0, maxArgs: 0, evaluate: () => 1 };
    expect(() => addRuleOperator('acme', 'date.today', spec)).toThrow(/core/);
    expect(() => addRuleOperator('other', 'acme.price', spec)).toThrow(/already registered by acme/);
  });
});
