import { describe, expect, it } from 'vitest';
import { compileRule } from '../index.js';

function run(logic: unknown, context: Record<string, unknown> = {}): unknown {
  return compileRule(logic).evaluate(context);
}

describe('str.len', () => {
  it('counts characters as people do', () => {
    expect(run({ 'str.len': ['hello'] })).toBe(5);
    expect(run({ 'str.len': ['物业服务'] })).toBe(4);
    expect(run({ 'str.len': ['水管漏了💧'] })).toBe(5); // the emoji is one character, two UTF-16 units
    expect(run({ 'str.len': [''] })).toBe(0);
  });

  it('treats a missing field as empty and measures numbers as printed', () => {
    expect(run({ 'str.len': { var: 'data.note' } }, { data: {} })).toBe(0);
    expect(run({ 'str.len': [{ var: 'n' }] }, { n: 13800138000 })).toBe(11);
    expect(run({ '>=': [{ 'str.len': { var: 'data.desc' } }, 10] }, { data: { desc: '厨房水龙头一直在滴水' } })).toBe(true);
  });

  it('refuses arrays and objects', () => {
    expect(() => run({ 'str.len': [{ var: 'xs' }] }, { xs: ['a'] })).toThrow(/str.len: expected a string/);
  });
});

describe('str.containsAny', () => {
  it('finds any of the words in the text', () => {
    expect(run({ 'str.containsAny': [{ var: 'data.content' }, { var: 'config.words' }] }, { data: { content: '厨房水管漏水' }, config: { words: ['停电', '漏水'] } })).toBe(true);
    expect(run({ 'str.containsAny': [{ var: 'data.content' }, ['停电']] }, { data: { content: '借用梯子' } })).toBe(false);
  });

  it('treats a missing text or list as no match and ignores empty words', () => {
    expect(run({ 'str.containsAny': [{ var: 'data.none' }, ['漏水']] }, { data: {} })).toBe(false);
    expect(run({ 'str.containsAny': ['漏水', { var: 'config.none' }] }, { config: {} })).toBe(false);
    expect(run({ 'str.containsAny': ['漏水', ['']] })).toBe(false);
  });

  it('refuses non-strings', () => {
    expect(() => run({ 'str.containsAny': [{ var: 'n' }, ['1']] }, { n: 1 })).toThrow(/expected a string/);
    expect(() => run({ 'str.containsAny': ['a', { var: 'xs' }] }, { xs: [1] })).toThrow(/words to be strings/);
    expect(() => compileRule({ 'str.containsAny': ['a', [1]] })).toThrow(/list of strings/);
  });
});
