import { describe, expect, it } from 'vitest';
import { rmbCapital } from './rmb-capital.js';

describe('rmbCapital (人民币大写)', () => {
  it.each([
    [0, '零元整'],
    [1, '壹分'],
    [10, '壹角整'],
    [100, '壹元整'],
    [105, '壹元零伍分'],
    [123450, '壹仟贰佰叁拾肆元伍角整'],
    [123456, '壹仟贰佰叁拾肆元伍角陆分'],
    [100100, '壹仟零壹元整'],
    [1000000, '壹万元整'],
    [1000100, '壹万零壹元整'],
    [10010000, '壹拾万零壹佰元整'],
    [22375, '贰佰贰拾叁元柒角伍分'],
    [100000000000, '壹拾亿元整'],
    [10000000100, '壹亿零壹元整'],
    [10100000000, '壹亿零壹佰万元整'],
    [2604000000, '贰仟陆佰零肆万元整'],
    [50, '伍角整'],
    [5, '伍分'],
    [30000, '叁佰元整'],
  ])('%i fen → %s', (fen, text) => {
    expect(rmbCapital(fen)).toBe(text);
  });

  it('refuses negative amounts', () => {
    expect(() => rmbCapital(-1)).toThrow(RangeError);
  });
});
