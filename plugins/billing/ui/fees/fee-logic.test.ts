/** The fee-table page's DOM-free logic: settings patches, checks, decimal views; server issues in Chinese. */
import { describe, expect, it } from 'vitest';
import { checkFeeSettings, isDate, rateOn, shiftDecimal, type FeeSettings } from './fee-settings.js';
import { issueText, withoutBranchNoise } from '../../../../ui/src/plugin-ui-api.js';
import plugin from '../../plugin.json' with { type: 'json' };

const defaults = plugin.config.defaults as unknown as FeeSettings;
const clone = <T>(v: T): T => structuredClone(v);

describe('fee checks and decimals', () => {
  it('finds negative and malformed rates, bad and duplicate dates, on their pointers', () => {
    const s = clone(defaults);
    s.feeItems.management!.rates.push({ from: '2027-1-1', byUnitType: { residential: '-3', commercial: 'abc' } });
    s.feeItems.water!.rates.push({ from: '2026-01-01', price: '4.50' });
    const base = '/document/plugins/billing/config';
    const issues = checkFeeSettings(s, base).map((i) => `${i.code} ${i.pointer.slice(base.length)}`);
    expect(issues).toEqual([
      'date-format /feeItems/management/rates/1/from',
      'rate-negative /feeItems/management/rates/1/byUnitType/residential',
      'rate-format /feeItems/management/rates/1/byUnitType/commercial',
      'duplicate-from /feeItems/water/rates/1/from',
    ]);
    expect(checkFeeSettings(defaults, base)).toEqual([]);
    expect(isDate('2027-02-29')).toBe(false);
    expect(isDate('2028-02-29')).toBe(true);
  });

  it('shifts decimal strings exactly (‰ and %) and picks the rate in force on a day', () => {
    expect(shiftDecimal('0.003', 3)).toBe('3');
    expect(shiftDecimal('3', -3)).toBe('0.003');
    expect(shiftDecimal('0.5', -3)).toBe('0.0005');
    expect(shiftDecimal('0.80', 2)).toBe('80');
    expect(shiftDecimal('70', -2)).toBe('0.7');
    expect(shiftDecimal('100', -2)).toBe('1');
    const rates = [{ from: '2026-01-01', price: '1' }, { from: '2027-01-01', price: '2' }];
    expect(rateOn(rates, '2026-12-31')?.price).toBe('1');
    expect(rateOn(rates, '2027-01-01')?.price).toBe('2');
    expect(rateOn(rates, '2025-12-31')).toBeUndefined();
  });
});

describe('server issues in Chinese', () => {
  it('words issues by code, with the English text kept as detail', () => {
    const rate = { pointer: '/document/plugins/billing/config/feeItems/management/rates/1/byUnitType/residential', code: 'config-defaults', message: 'must match pattern "^\\d{1,6}(\\.\\d{1,6})?$"' };
    expect(issueText(rate, 'zh-CN')).toEqual({ text: '应为不小于 0 的数字（如 2.50），不能为负数', detail: rate.message, translated: true });
    expect(issueText({ pointer: '/x/from', code: 'config-defaults', message: 'must match pattern "^\\d{4}-\\d{2}-\\d{2}$"' }, 'zh-CN').text).toContain('YYYY-MM-DD');
    expect(issueText({ pointer: '/d/amount', code: 'schema-minimum', message: 'must be >= 0' }, 'zh-CN').text).toBe('不能小于 0');
    expect(issueText({ pointer: '/data', code: 'invalid-state', message: 'case is in state closed' }, 'zh-CN').text).toContain('“closed”');
    expect(issueText({ pointer: '/l', code: 'unknown-variable', message: 'rule reads data.nope, but no form declares a field "nope"' }, 'zh-CN').text)
      .toBe('规则读取了不存在的数据：表单中没有字段“nope”（data.nope）');
    expect(issueText({ pointer: '/data', code: 'guard', message: '请先填写处理结果 / Fill in the result first' }, 'zh-CN').text).toBe('请先填写处理结果');
    expect(issueText({ pointer: '/x', code: 'something-new', message: 'new thing' }, 'zh-CN')).toEqual({ text: 'new thing', detail: 'new thing', translated: false });
    // English is worded from the code too (the server's English stays the detail)
    expect(issueText(rate, 'en')).toEqual({ text: 'A number of 0 or more (e.g. 2.50)', detail: rate.message, translated: true });
  });

  it('drops the anyOf branch noise when a precise issue lies underneath', () => {
    const item = '/document/plugins/billing/config/feeItems/management';
    const issues = [
      { pointer: item, code: 'config-defaults', message: 'must be null' },
      { pointer: `${item}/rates/1/from`, code: 'config-defaults', message: 'must match pattern "x"' },
      { pointer: item, code: 'config-defaults', message: 'must match a schema in anyOf' },
    ];
    expect(withoutBranchNoise(issues)).toEqual([issues[1]]);
    expect(withoutBranchNoise([issues[0]!])).toEqual([issues[0]]);
  });
});
