import { describe, expect, it } from 'vitest';
import { rateOn, rateOnOperator } from './rate-operator.js';
import type { BillingSettings } from '../generated/settings.js';

const feeItems = {
  debris: { kind: 'oneOff', title: { 'zh-CN': '垃圾清运费' }, rates: [{ from: '2026-01-01', price: '300.00', byUnitType: { shop: '500.00' } }, { from: '2027-01-01', price: '350.00' }] },
  old: { kind: 'oneOff', title: { 'zh-CN': '停用' }, active: false, rates: [{ from: '2026-01-01', price: '1.00' }] },
} as unknown as BillingSettings['feeItems'];

describe('billing.rateOn', () => {
  it('the rate in force on the date, by unit type, else the flat price; null when none applies', () => {
    expect(rateOn({ feeItems }, 'debris', '2026-12-31', 'shop')).toBe('500.00');
    expect(rateOn({ feeItems }, 'debris', '2026-12-31', 'residential')).toBe('300.00');
    expect(rateOn({ feeItems }, 'debris', '2027-01-01', 'shop')).toBe('350.00');
    expect(rateOn({ feeItems }, 'debris', '2025-12-31', null)).toBeNull();
    expect(rateOn({ feeItems }, 'old', '2026-12-31', null)).toBeNull();
    expect(rateOn({ feeItems }, 'constructor', '2026-12-31', null)).toBeNull();
    expect(rateOn(undefined, 'debris', '2026-12-31', null)).toBeNull();
  });

  it('reads billing\'s settings from the rule environment and checks its literals', () => {
    const settingsOf = (id: string) => (id === 'billing' ? { feeItems } : undefined);
    expect(rateOnOperator.evaluate(['debris', '2026-06-01', 'shop'], { settingsOf })).toBe('500.00');
    expect(() => rateOnOperator.evaluate(['debris', '2026-6-1'], { settingsOf })).toThrow(/YYYY-MM-DD/);
    expect(rateOnOperator.checkLiteral!('2026-02-30', 1)).toMatch(/YYYY-MM-DD/);
    expect(rateOnOperator.checkLiteral!(3, 0)).toMatch(/string/);
  });
});
