import { describe, expect, it } from 'vitest';
import { assessLateFee, explainLateFee, type LateFeeBill, type LateFeeSettings } from './late-fee.js';
import { periodOf } from './cycle-calendar.js';
import { defaultSettings } from './default-settings.js';

// Defaults: 3‰ per day, counted from the period's first day, charged once the final notice's term
// has passed, no cap, rounded half-up to the fen. Days run from the start up to, excluding, asOf.
const defaults = defaultSettings().lateFee;
const month = defaultSettings({ cycle: 'month' });
const halfYear = defaultSettings({ cycle: 'halfYear' });

function billFor(settings: typeof month, periodKey: string, principalFen: number, extra: Partial<LateFeeBill> = {}): LateFeeBill {
  const p = periodOf(settings, periodKey);
  return { periodStart: p.start, dueOn: p.dueOn, reminderDueOn: p.reminderDueOn, finalDueOn: p.finalDueOn, principalFen, principalPaidFen: 0, lateFeeFen: 0, lateFeeThrough: null, ...extra };
}

function lateFee(patch: Partial<LateFeeSettings>): LateFeeSettings {
  return { ...defaults, ...patch };
}

describe('late fee worked examples', () => {
  it('month 2026-12, 300.00 unpaid, assessed 2027-01-20: 50 days (1 Dec – 19 Jan) × 300.00 × 0.003 = 45.00', () => {
    expect(assessLateFee(billFor(month, '2026-12', 30000), '2027-01-20', defaults)).toEqual({ addFen: 4500, through: '2027-01-20' });
  });

  it('nothing is charged on the final notice\'s last day (12 Dec); on 13 Dec the 12 days since 1 Dec are: 300.00 × 0.003 × 12 = 10.80', () => {
    const bill = billFor(month, '2026-12', 30000);
    expect(bill.finalDueOn).toBe('2026-12-12');
    expect(assessLateFee(bill, '2026-12-12', defaults)).toBeNull();
    expect(assessLateFee(bill, '2026-12-13', defaults)).toEqual({ addFen: 1080, through: '2026-12-13' });
  });

  it('half-year 2027-H1 (seed: "from 1 Jan, the first day of the arrears"), 1342.50 (89.50 m² × 2.50 × 6) assessed 2027-02-10: 40 days × 1342.50 × 0.003 = 161.10', () => {
    const bill = billFor(halfYear, '2027-H1', 134250);
    expect(bill.finalDueOn).toBe('2027-02-05');
    expect(assessLateFee(bill, '2027-02-10', defaults)).toEqual({ addFen: 16110, through: '2027-02-10' });
  });

  it('partial payment: 45.00 assessed through 20 Jan, then 100.00 of principal paid; on 30 Jan 10 more days on 200.00: 200.00 × 0.003 × 10 = 6.00', () => {
    const first = assessLateFee(billFor(month, '2026-12', 30000), '2027-01-20', defaults)!;
    const afterPayment = billFor(month, '2026-12', 30000, { principalPaidFen: 10000, lateFeeFen: first.addFen, lateFeeThrough: first.through });
    expect(assessLateFee(afterPayment, '2027-01-30', defaults)).toEqual({ addFen: 600, through: '2027-01-30' });
  });

  it('base "billPrincipal": the same part-payment does not lower the base: 300.00 × 0.003 × 10 = 9.00; a settled principal stops it', () => {
    const onBill = lateFee({ base: 'billPrincipal' });
    const first = assessLateFee(billFor(month, '2026-12', 30000), '2027-01-20', onBill)!;
    expect(first).toEqual({ addFen: 4500, through: '2027-01-20' });
    const afterPayment = billFor(month, '2026-12', 30000, { principalPaidFen: 10000, lateFeeFen: first.addFen, lateFeeThrough: first.through });
    expect(assessLateFee(afterPayment, '2027-01-30', onBill)).toEqual({ addFen: 900, through: '2027-01-30' });
    expect(assessLateFee({ ...afterPayment, principalPaidFen: 30000 }, '2027-01-30', onBill)).toBeNull();
  });

  it('cap 10% of the principal: 45.00 wanted, 30.00 charged; later assessments add nothing', () => {
    const capped = lateFee({ capOfPrincipal: '0.1' });
    const first = assessLateFee(billFor(month, '2026-12', 30000), '2027-01-20', capped)!;
    expect(first).toEqual({ addFen: 3000, through: '2027-01-20' });
    expect(assessLateFee(billFor(month, '2026-12', 30000, { lateFeeFen: 3000, lateFeeThrough: '2027-01-20' }), '2027-02-20', capped)).toBeNull();
  });

  it('rounding at a 0.005 boundary: 301.50 × 0.003 × 10 days = 9.045 → 9.05 half-up, 9.04 half-even, 9.04 down', () => {
    // counted from the day after the notice's last day (30 Nov), chargeable once that day has passed: 1–10 Dec
    const bill = billFor(month, '2026-12', 30150);
    const base = { startsOn: 'dayAfterDue', chargeableAfter: 'due' } as const;
    expect(assessLateFee(bill, '2026-12-11', lateFee({ ...base, rounding: { places: 2, mode: 'halfUp' } }))?.addFen).toBe(905);
    expect(assessLateFee(bill, '2026-12-11', lateFee({ ...base, rounding: { places: 2, mode: 'halfEven' } }))?.addFen).toBe(904);
    expect(assessLateFee(bill, '2026-12-11', lateFee({ ...base, rounding: { places: 2, mode: 'down' } }))?.addFen).toBe(904);
    expect(assessLateFee(bill, '2026-12-11', lateFee({ ...base, rounding: { places: 0, mode: 'halfUp' } }))?.addFen).toBe(900);
  });

  it('chargeable after the reminder\'s term: 2026-12 has reminderDueOn 7 Dec, so 8 Dec charges the 7 days since 1 Dec: 300.00 × 0.003 × 7 = 6.30', () => {
    const afterReminder = lateFee({ chargeableAfter: 'reminderDue' });
    expect(assessLateFee(billFor(month, '2026-12', 30000), '2026-12-07', afterReminder)).toBeNull();
    expect(assessLateFee(billFor(month, '2026-12', 30000), '2026-12-08', afterReminder)).toEqual({ addFen: 630, through: '2026-12-08' });
  });
});

describe('late fee: nothing to add', () => {
  it('disabled, fully paid, already assessed through asOf, or rounding to zero', () => {
    expect(assessLateFee(billFor(month, '2026-12', 30000), '2027-01-20', lateFee({ enabled: false }))).toBeNull();
    expect(assessLateFee(billFor(month, '2026-12', 30000, { principalPaidFen: 30000 }), '2027-01-20', defaults)).toBeNull();
    expect(assessLateFee(billFor(month, '2026-12', 30000, { lateFeeFen: 4500, lateFeeThrough: '2027-01-20' }), '2027-01-20', defaults)).toBeNull();
    expect(assessLateFee(billFor(month, '2026-12', 30000, { lateFeeFen: 4500, lateFeeThrough: '2027-01-20' }), '2027-01-19', defaults)).toBeNull();
    // 0.10 × 0.003 × 12 days = 0.0036 → 0.00: the days stay unassessed and count next time,
    // 0.10 × 0.003 × 50 days = 0.015 → 0.02
    const tiny = billFor(month, '2026-12', 10);
    expect(assessLateFee(tiny, '2026-12-13', defaults)).toBeNull();
    expect(assessLateFee(tiny, '2027-01-20', defaults)).toEqual({ addFen: 2, through: '2027-01-20' });
  });
});

describe('incremental assessment equals one assessment when nothing was paid in between', () => {
  // deterministic pseudo-random principals and split dates
  let seed = 42;
  const random = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const days = ['2026-12-13', '2026-12-20', '2026-12-31', '2027-01-01', '2027-01-15', '2027-02-01', '2027-02-28', '2027-03-17', '2027-06-30'];
  for (let round = 0; round < 40; round += 1) {
    const principalFen = 1 + random(2_000_000);
    const mode = (['halfUp', 'halfEven', 'down', 'up'] as const)[random(4)]!;
    const settings = lateFee({ rounding: { places: 2, mode }, ratePerDay: ['0.003', '0.0005', '0.00333'][random(3)]! });
    it(`principal ${principalFen} fen, ${settings.ratePerDay}/day, ${mode}`, () => {
      const end = days[days.length - 1]!;
      const oneShot = assessLateFee(billFor(month, '2026-12', principalFen), end, settings)?.addFen ?? 0;
      let bill = billFor(month, '2026-12', principalFen);
      for (const asOf of days.filter(() => random(2) === 1).concat(end)) {
        const step = assessLateFee(bill, asOf, settings);
        if (step) bill = { ...bill, lateFeeFen: bill.lateFeeFen + step.addFen, lateFeeThrough: step.through };
      }
      expect(bill.lateFeeFen).toBe(oneShot);
    });
  }
});

describe('explaining a late fee on screen', () => {
  it('gives base, rate, days, the raw product, the rounding and the cap that lead to the figure', () => {
    const bill = billFor(month, '2026-12', 30000);
    expect(explainLateFee(bill, '2027-01-20', lateFee({}))).toMatchObject({
      reason: 'charged', base: 'unpaidPrincipal', baseFen: 30000, perMille: '3', from: '2026-12-01', to: '2027-01-20', days: 50, raw: '45', roundedFen: 4500,
      chargeableAfter: '2026-12-12', capFen: null, recordedFen: 0, totalFen: 4500,
    });
    // 301.50 × 0.003 × 10 = 9.045 → 9.05 half-up; a cap of 2 % of the principal stops it at 6.03
    const odd = explainLateFee(billFor(month, '2026-12', 30150), '2026-12-11', lateFee({ startsOn: 'dayAfterDue', chargeableAfter: 'due', capOfPrincipal: '0.02' }));
    expect(odd).toMatchObject({ from: '2026-12-01', days: 10, raw: '9.045', roundedFen: 905, capFen: 603, totalFen: 603 });
    expect(explainLateFee(bill, '2026-12-12', lateFee({})).reason).toBe('notChargeable');
    expect(explainLateFee(bill, '2027-01-20', lateFee({ enabled: false })).reason).toBe('disabled');
  });
});
