import { describe, expect, it } from 'vitest';
import { allocateOldestFirst, type OpenBill } from './allocation.js';

const bill = (id: number, periodStart: string, principalFen: number, lateFeeFen = 0, paidFen = 0, principalPaidFen = 0): OpenBill => ({ id, periodStart, principalFen, lateFeeFen, paidFen, principalPaidFen });

describe('allocateOldestFirst', () => {
  it('pays the oldest bill first, its late fee before its principal', () => {
    const bills = [bill(2, '2026-11-01', 30000), bill(1, '2026-10-01', 20000, 1500)];
    expect(allocateOldestFirst(25000, bills)).toEqual({
      allocations: [{ billId: 1, lateFeeFen: 1500, principalFen: 20000 }, { billId: 2, lateFeeFen: 0, principalFen: 3500 }],
      remainderFen: 0,
    });
  });

  it('a small payment only reaches the late fee of the oldest bill', () => {
    expect(allocateOldestFirst(1000, [bill(1, '2026-10-01', 20000, 1500)])).toEqual({ allocations: [{ billId: 1, lateFeeFen: 1000, principalFen: 0 }], remainderFen: 0 });
  });

  it('takes earlier payments into account and leaves the excess over', () => {
    // 500 of the late fee and 10000 of principal were paid before
    const partly = bill(1, '2026-10-01', 20000, 1500, 10500, 10000);
    expect(allocateOldestFirst(20000, [partly])).toEqual({ allocations: [{ billId: 1, lateFeeFen: 1000, principalFen: 10000 }], remainderFen: 9000 });
  });

  it('ties on the period start go by bill id', () => {
    expect(allocateOldestFirst(100, [bill(9, '2026-10-01', 100), bill(3, '2026-10-01', 100)]).allocations).toEqual([{ billId: 3, lateFeeFen: 0, principalFen: 100 }]);
  });
});
