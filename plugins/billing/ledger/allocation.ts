/**
 * How money settles a unit's open bills: the oldest bill first (by period start, then id), and
 * within a bill its late fee before its principal. Late fees go first because they stop growing
 * only when the principal is paid, and paying them first is what the notices announce; paying the
 * oldest first clears the debt the late fee and the dunning ladder are counted from.
 */
export interface OpenBill {
  id: number;
  periodStart: string;
  principalFen: number;
  principalPaidFen: number;
  lateFeeFen: number;
  paidFen: number;
}

export interface Allocation {
  billId: number;
  lateFeeFen: number;
  principalFen: number;
}

/** Late fee still owed on a bill: assessed late fees minus what was paid towards them. */
export function lateFeeOwed(bill: OpenBill): number {
  return bill.lateFeeFen - (bill.paidFen - bill.principalPaidFen);
}

export function principalOwed(bill: OpenBill): number {
  return bill.principalFen - bill.principalPaidFen;
}

export function outstanding(bill: OpenBill): number {
  return bill.principalFen + bill.lateFeeFen - bill.paidFen;
}

/** Allocates `amountFen` over the bills; what is left over is `remainderFen`. */
export function allocateOldestFirst(amountFen: number, bills: readonly OpenBill[]): { allocations: Allocation[]; remainderFen: number } {
  const ordered = [...bills].sort((a, b) => (a.periodStart < b.periodStart ? -1 : a.periodStart > b.periodStart ? 1 : a.id - b.id));
  const allocations: Allocation[] = [];
  let left = amountFen;
  for (const bill of ordered) {
    if (left <= 0) break;
    const lateFee = Math.min(left, Math.max(0, lateFeeOwed(bill)));
    left -= lateFee;
    const principal = Math.min(left, Math.max(0, principalOwed(bill)));
    left -= principal;
    if (lateFee > 0 || principal > 0) allocations.push({ billId: bill.id, lateFeeFen: lateFee, principalFen: principal });
  }
  return { allocations, remainderFen: left };
}
