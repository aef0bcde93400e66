import { describe, expect, it } from 'vitest';
import { computeFeeLines, type FeeLine } from './fee-lines.js';
import { periodOf } from './cycle-calendar.js';
import { defaultSettings } from './default-settings.js';

const month = defaultSettings({ cycle: 'month' });
const dec = periodOf(month, '2026-12');

function amounts(lines: FeeLine[]): Record<string, [number, string, string]> {
  return Object.fromEntries(lines.map((line) => [line.feeCode, [line.amountFen, line.quantity, line.factor]]));
}

describe('fee lines (defaults: management 2.50/m²/month residential, 6.80 commercial; parking 120.00/month; water 4.10, electricity 0.62, gas 3.45)', () => {
  it('occupied residential 89.50 m², month 2026-12: 89.50 × 2.50 × 1 = 223.75', () => {
    const result = computeFeeLines(month, { area: '89.50', unitType: 'residential', status: 'occupied' }, dec, {});
    expect(result.lines).toEqual([{
      feeCode: 'management', title: { 'zh-CN': '物业管理费', en: 'Management fee' }, kind: 'area',
      quantity: '89.5', unitPrice: '2.50', factor: '1', amountFen: 22375, rateFrom: '2026-01-01', source: '89.50 m² × 1 month(s)',
    }]);
    expect(result.totalFen).toBe(22375);
  });

  it('entrusted unit pays 70%: 223.75 × 0.7 = 156.625 → 156.63 (half-up)', () => {
    const result = computeFeeLines(month, { area: '89.50', unitType: 'residential', status: 'entrusted' }, dec, {});
    expect(amounts(result.lines)).toEqual({ management: [15663, '89.5', '0.7'] });
  });

  it('vacant unit: full fee without a vacancy factor; with vacancyFactor 0.5: 223.75 × 0.5 = 111.875 → 111.88', () => {
    expect(computeFeeLines(month, { area: '89.50', unitType: 'residential', status: 'vacant' }, dec, {}).totalFen).toBe(22375);
    const discounted = defaultSettings({ cycle: 'month', vacancyFactor: '0.5' });
    expect(amounts(computeFeeLines(discounted, { area: '89.50', unitType: 'residential', status: 'vacant' }, dec, {}).lines)).toEqual({ management: [11188, '89.5', '0.5'] });
    // the vacancy discount only applies to items that declare it
    discounted.feeItems.management!.vacancyDiscount = false;
    expect(computeFeeLines(discounted, { area: '89.50', unitType: 'residential', status: 'vacant' }, dec, {}).totalFen).toBe(22375);
  });

  it('commercial 120.30 m² at 6.80 = 818.04; a parking space pays only the fixed 120.00 (no management rate for its type)', () => {
    expect(computeFeeLines(month, { area: '120.30', unitType: 'commercial', status: 'occupied' }, dec, {}).totalFen).toBe(81804);
    expect(amounts(computeFeeLines(month, { area: '12.50', unitType: 'parking', status: 'occupied' }, dec, {}).lines)).toEqual({ parking: [12000, '1', '1'] });
  });

  it('metered: water 12.5 m³ × 4.10 = 51.25, electricity 123.4 kWh × 0.62 = 76.508 → 76.51; total with management 351.51', () => {
    const result = computeFeeLines(month, { area: '89.50', unitType: 'residential', status: 'occupied' }, dec, {
      consumption: { water: { quantity: '12.5', from: '2026-11-01', to: '2026-12-01' }, electricity: { quantity: '123.4' } },
    });
    expect(amounts(result.lines)).toEqual({ management: [22375, '89.5', '1'], water: [5125, '12.5', '1'], electricity: [7651, '123.4', '1'] });
    expect(result.lines.find((line) => line.feeCode === 'water')!.source).toBe('water 2026-11-01 → 2026-12-01');
    expect(result.totalFen).toBe(22375 + 5125 + 7651);
  });

  it('a quarter multiplies by 3 months: 89.50 × 2.50 × 3 = 671.25; a half-year by 6: 1342.50', () => {
    const quarter = defaultSettings({ cycle: 'quarter' });
    const halfYear = defaultSettings({ cycle: 'halfYear' });
    expect(amounts(computeFeeLines(quarter, { area: '89.50', unitType: 'residential', status: 'occupied' }, periodOf(quarter, '2027-Q1'), {}).lines)).toEqual({ management: [67125, '268.5', '1'] });
    expect(computeFeeLines(halfYear, { area: '89.50', unitType: 'residential', status: 'occupied' }, periodOf(halfYear, '2027-H1'), {}).totalFen).toBe(134250);
  });

  it('rate change from 2026-07-01 (2.80): June keeps 2.50 (223.75), July uses 2.80 (250.60); each line names its rate\'s date', () => {
    const changed = defaultSettings({ cycle: 'month' });
    changed.feeItems.management!.rates.push({ from: '2026-07-01', byUnitType: { residential: '2.80', commercial: '7.20' } });
    const unit = { area: '89.50', unitType: 'residential', status: 'occupied' };
    const june = computeFeeLines(changed, unit, periodOf(changed, '2026-06'), {}).lines[0]!;
    const july = computeFeeLines(changed, unit, periodOf(changed, '2026-07'), {}).lines[0]!;
    expect([june.amountFen, june.unitPrice, june.rateFrom]).toEqual([22375, '2.50', '2026-01-01']);
    expect([july.amountFen, july.unitPrice, july.rateFrom]).toEqual([25060, '2.80', '2026-07-01']);
  });

  it('a rate dated mid-period applies from the next period that starts on or after it', () => {
    const changed = defaultSettings({ cycle: 'month' });
    changed.feeItems.management!.rates.push({ from: '2026-08-15', byUnitType: { residential: '3.00' } });
    const unit = { area: '100', unitType: 'residential', status: 'occupied' };
    expect(computeFeeLines(changed, unit, periodOf(changed, '2026-08'), {}).totalFen).toBe(25000);
    expect(computeFeeLines(changed, unit, periodOf(changed, '2026-09'), {}).totalFen).toBe(30000);
  });

  it('one-off, inactive and removed items and periods before the first rate are not billed', () => {
    const settings = defaultSettings({ cycle: 'month' });
    settings.feeItems.parking!.active = false;
    settings.feeItems.gas = null;
    const unit = { area: '10', unitType: 'parking', status: 'occupied' };
    expect(computeFeeLines(settings, unit, dec, { consumption: { gas: { quantity: '3' } } }).lines).toEqual([]);
    expect(computeFeeLines(month, { area: '89.50', unitType: 'residential', status: 'occupied' }, periodOf(month, '2025-12'), {}).lines).toEqual([]);
  });

  it('rounding per settings: whole yuan half-even: 89.50 × 2.50 × 0.7 = 156.625 → 157; down to the jiao → 156.60', () => {
    const unit = { area: '89.50', unitType: 'residential', status: 'entrusted' };
    expect(computeFeeLines(defaultSettings({ cycle: 'month', rounding: { places: 0, mode: 'halfEven' } }), unit, dec, {}).totalFen).toBe(15700);
    expect(computeFeeLines(defaultSettings({ cycle: 'month', rounding: { places: 1, mode: 'down' } }), unit, dec, {}).totalFen).toBe(15660);
  });
});
