import { describe, expect, it } from 'vitest';
import { compileRule, prepareRuleContext } from './index.js';

describe('prepareRuleContext', () => {
  it('copies once to JSON and is then shared by several rules', () => {
    const when = new Date('2026-10-10T00:00:00Z');
    const prepared = prepareRuleContext({ data: { severity: 'major', at: when, fn: () => 1 } });
    expect(prepared).toEqual({ data: { severity: 'major', at: '2026-10-10T00:00:00.000Z' } });
    expect(compileRule({ '==': [{ var: 'data.severity' }, 'major'] }).evaluate(prepared)).toBe(true);
    expect(compileRule({ var: 'data.at' }).evaluate(prepared)).toBe('2026-10-10T00:00:00.000Z');
  });

  it('trusts only its own copies: a look-alike object is still sanitised', () => {
    const lookAlike = { data: { fn: () => 'called' } };
    expect(compileRule({ var: 'data.fn' }).evaluate(lookAlike)).toBeNull();
    expect(compileRule({ var: 'data.fn' }).evaluate(prepareRuleContext(lookAlike))).toBeNull();
  });
});
