import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { billOf, billingWorld, changeBillingConfig, runBillingOver, unitId, type World } from './test-support/billing-world.js';

// A rate change mid-year through the config API: the management fee goes from 2.50 to 2.80/m² (residential)
// and 6.80 to 7.20 (commercial) from 2026-07-01. Clock: 2026-06-10.
describe('rate change mid-year', () => {
  let w: World;
  beforeAll(async () => { w = await billingWorld('2026-06-10T02:00:00Z'); });
  afterAll(async () => w.kernel.close());

  it('June keeps the old rate; July uses the new one; each line names the date its rate took effect', async () => {
    expect((await runBillingOver(w, '2026-06')).created).toBe(20);
    const juneBefore = await billOf(w, unitId(w, 'CH/1/101'), '2026-06');
    // 89.50 × 2.50 = 223.75
    expect(juneBefore.lines.map((l) => [l.unitPrice, l.amountFen, l.rateFrom])).toEqual([['2.50', 22375, '2026-01-01']]);

    await changeBillingConfig(w, {
      feeItems: { management: { rates: [
        { from: '2026-01-01', byUnitType: { residential: '2.50', commercial: '6.80' } },
        { from: '2026-07-01', byUnitType: { residential: '2.80', commercial: '7.20' } },
      ] } },
    }, '物业费调价（业主大会决议）');

    // the change does not touch June's bills, and a second June run creates nothing
    expect((await runBillingOver(w, '2026-06')).created).toBe(0);
    expect(await billOf(w, unitId(w, 'CH/1/101'), '2026-06')).toEqual(juneBefore);

    w.kernel.clock.set('2026-07-10T02:00:00Z');
    expect((await runBillingOver(w, '2026-07')).created).toBe(20);
    // 89.50 × 2.80 = 250.60; commercial 210.00 × 7.20 = 1512.00
    const july = await billOf(w, unitId(w, 'CH/1/101'), '2026-07');
    expect(july.lines.map((l) => [l.unitPrice, l.amountFen, l.rateFrom])).toEqual([['2.80', 25060, '2026-07-01']]);
    expect((await billOf(w, unitId(w, 'JR/A/1001'), '2026-07')).lines.map((l) => [l.unitPrice, l.amountFen, l.rateFrom])).toEqual([['7.20', 151200, '2026-07-01']]);
    expect((await billOf(w, unitId(w, 'JR/A/1001'), '2026-06')).lines.map((l) => [l.unitPrice, l.amountFen, l.rateFrom])).toEqual([['6.80', 142800, '2026-01-01']]);

    // the bills record the configuration version they were computed under
    const versions = await w.knex()('billing_bill').distinct('period_key', 'config_version_id').orderBy('period_key');
    expect(versions.map((v: { period_key: string; config_version_id: number }) => [v.period_key, Number(v.config_version_id)])).toEqual([['2026-06', 1], ['2026-07', 2]]);
  });

  it('vacancy discount switched on: vacant units pay the vacancy factor on items that declare it', async () => {
    await changeBillingConfig(w, { vacancyFactor: '0.5' }, '空置房按五折收取');
    w.kernel.clock.set('2026-08-10T02:00:00Z');
    expect((await runBillingOver(w, '2026-08')).created).toBe(20);
    // vacant CH 1栋302, 143.25 m² × 2.80 × 0.5 = 200.55; occupied CH 1栋201, same area: 401.10
    expect((await billOf(w, unitId(w, 'CH/1/302'), '2026-08')).lines.map((l) => [l.factor, l.amountFen])).toEqual([['0.5', 20055]]);
    expect((await billOf(w, unitId(w, 'CH/1/201'), '2026-08')).lines.map((l) => [l.factor, l.amountFen])).toEqual([['1', 40110]]);
    // July's vacant bill kept its full amount
    expect((await billOf(w, unitId(w, 'CH/1/302'), '2026-07')).principalFen).toBe(40110);
  });
});
