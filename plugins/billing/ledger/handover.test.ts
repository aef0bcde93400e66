/**
 * planHandover (pure): who bears which part of a vacant unit's open bills at its handover date —
 * the developer (default) or, when the company's settings say so, the owner.
 */
import { describe, expect, it } from 'vitest';
import type { Bill } from '../db/entities.js';
import { periodOf } from '../domain/cycle-calendar.js';
import { defaultSettings } from '../domain/default-settings.js';
import { planHandover } from './handover.js';

const settings = defaultSettings({ cycle: 'month' });

function bill(id: number, periodKey: string, principalFen: number, extra: Partial<Bill> = {}): Bill {
  const p = periodOf(settings, periodKey);
  return {
    id, companyId: 1, projectId: 1, unitId: 7, number: `BL-${periodKey}`, periodKey, periodStart: p.start, periodEnd: p.end, noticeOn: p.noticeOn, dueOn: p.dueOn,
    reminderOn: p.reminderOn, reminderDueOn: p.reminderDueOn, finalNoticeOn: p.finalNoticeOn, finalDueOn: p.finalDueOn, principalFen, lateFeeFen: 0, lateFeeThrough: null,
    paidFen: 0, principalPaidFen: 0, status: 'open', configVersionId: 1, runId: 1, createdAt: new Date(), paidAt: null, ...extra,
  } as Bill;
}

describe('planHandover', () => {
  // October with its recorded late fee 20.41; November 358.13; handover on 16 Nov
  const bills = [bill(1, '2026-10', 35813, { lateFeeFen: 2041, lateFeeThrough: '2026-10-20' }), bill(2, '2026-11', 35813), bill(3, '2026-12', 35813)];

  it('gives the developer the periods before the handover and the days of its month before it; the owner the rest', () => {
    const plan = planHandover(bills, '2026-11-16', '2026-11-16', settings);
    expect(plan.developer.map((d) => [d.bill.id, d.whole, d.lateFeeFen, d.principalFen, d.from, d.to])).toEqual([
      [1, true, 2041, 35813, '2026-10-01', '2026-10-31'],
      // 358.13 × 15 / 30 = 179.065 → 179.07 is the owner's, 179.06 the developer's
      [2, false, 0, 17906, '2026-11-01', '2026-11-15'],
    ]);
    expect(plan.owner.map((o) => [o.bill.id, o.from, o.amountFen])).toEqual([[2, '2026-11-16', 17907], [3, '2026-12-01', 35813]]);
  });

  it('a handover on the first day of a period leaves that whole period to the owner', () => {
    const plan = planHandover(bills, '2026-11-01', '2026-11-01', settings);
    expect(plan.developer.map((d) => d.bill.id)).toEqual([1]);
    expect(plan.owner.map((o) => [o.bill.id, o.amountFen])).toEqual([[2, 35813], [3, 35813]]);
  });

  it('under "owner" nothing moves: the new owner owes every open bill with its late fees to date', () => {
    const plan = planHandover(bills, '2026-11-16', '2026-11-16', { ...settings, handover: { beforeHandover: 'owner' } });
    expect(plan.developer).toEqual([]);
    // October: 358.13 + 20.41 recorded + 3‰ × 358.13 × (46 − 19) more days to 16 Nov = 29.01
    expect(plan.owner.map((o) => [o.bill.id, o.amountFen])).toEqual([[1, 35813 + 2041 + 2901], [2, 35813 + 1612], [3, 35813]]);
  });
});
