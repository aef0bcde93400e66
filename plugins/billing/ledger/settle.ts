/**
 * Settling a unit's open bills with an amount of money (a payment, or credit held for the unit):
 * first the late fees due up to the settlement date are assessed and recorded (bill + ledger
 * `lateFee`), then the amount is allocated oldest bill first, late fee before principal
 * (allocation.ts). Planning is pure so a caller can refuse (over-payment policy) before anything is
 * written; applying claims each bill with a conditional update on the amounts it was planned from.
 */
import type { EntityManager } from '@mikro-orm/core';
import { WuyeError } from '../../../core/plugin-api.js';
import { Bill, LedgerEntry } from '../db/entities.js';
import { assessLateFee, type LateFeeSettings } from '../domain/late-fee.js';
import { allocateOldestFirst, outstanding, type Allocation } from './allocation.js';
import { periodLabel } from '../domain/period-label.js';

/** What settling reads of a bill (an entity, or a row read by a prepared statement). */
export type SettleBill = Pick<Bill, 'id' | 'number' | 'periodKey' | 'periodStart' | 'dueOn' | 'reminderDueOn' | 'finalDueOn' | 'principalFen' | 'lateFeeFen' | 'lateFeeThrough' | 'paidFen' | 'principalPaidFen'>;

export interface BillState {
  bill: SettleBill;
  /** the amounts the plan starts from, for the claim */
  seenLateFeeFen: number;
  seenPaidFen: number;
  lateFeeFen: number;
  lateFeeThrough: string | null;
  paidFen: number;
  principalPaidFen: number;
}

export interface SettlementPlan {
  states: BillState[];
  assessments: { billId: number; addFen: number; through: string }[];
  allocations: Allocation[];
  remainderFen: number;
  /** what the unit owed once late fees were assessed, before this money */
  outstandingFen: number;
}

/** The unit's open bills, oldest first. */
export function openBills(em: EntityManager, companyId: number, unitId: number): Promise<Bill[]> {
  return em.find(Bill, { companyId, unitId, status: 'open' }, { orderBy: { periodStart: 'asc', id: 'asc' } });
}

export function planSettlement(bills: readonly SettleBill[], amountFen: number, asOf: string, lateFee: LateFeeSettings): SettlementPlan {
  const states: BillState[] = bills.map((bill) => ({
    bill, seenLateFeeFen: bill.lateFeeFen, seenPaidFen: bill.paidFen,
    lateFeeFen: bill.lateFeeFen, lateFeeThrough: bill.lateFeeThrough ?? null, paidFen: bill.paidFen, principalPaidFen: bill.principalPaidFen,
  }));
  const assessments: SettlementPlan['assessments'] = [];
  for (const s of states) {
    const add = assessLateFee({ ...s.bill, lateFeeFen: s.lateFeeFen, lateFeeThrough: s.lateFeeThrough }, asOf, lateFee);
    if (!add) continue;
    s.lateFeeFen += add.addFen;
    s.lateFeeThrough = add.through;
    assessments.push({ billId: s.bill.id, addFen: add.addFen, through: add.through });
  }
  const current = states.map((s) => ({ id: s.bill.id, periodStart: s.bill.periodStart, principalFen: s.bill.principalFen, principalPaidFen: s.principalPaidFen, lateFeeFen: s.lateFeeFen, paidFen: s.paidFen }));
  const outstandingFen = current.reduce((sum, b) => sum + outstanding(b), 0);
  const { allocations, remainderFen } = allocateOldestFirst(amountFen, current);
  for (const a of allocations) {
    const s = states.find((x) => x.bill.id === a.billId)!;
    s.paidFen += a.lateFeeFen + a.principalFen;
    s.principalPaidFen += a.principalFen;
  }
  return { states, assessments, allocations, remainderFen, outstandingFen };
}

export interface ApplyContext {
  companyId: number;
  projectId: number;
  unitId: number;
  now: Date;
  actorId: number | null;
}

/**
 * Writes the plan's bill changes (claimed: a bill changed by someone else since it was read makes
 * the whole transaction fail with 409) and the late-fee ledger entries. The caller writes the
 * entries of the money itself (payment or creditApplied), which need its own ids.
 */
export async function applySettlement(em: EntityManager, plan: SettlementPlan, ctx: ApplyContext): Promise<void> {
  for (const s of plan.states) {
    if (s.lateFeeFen === s.seenLateFeeFen && s.paidFen === s.seenPaidFen) continue;
    const paid = s.bill.principalFen + s.lateFeeFen - s.paidFen <= 0;
    const claimed = await em.nativeUpdate(Bill, { id: s.bill.id, companyId: ctx.companyId, status: 'open', lateFeeFen: s.seenLateFeeFen, paidFen: s.seenPaidFen }, {
      lateFeeFen: s.lateFeeFen, lateFeeThrough: s.lateFeeThrough, paidFen: s.paidFen, principalPaidFen: s.principalPaidFen,
      status: paid ? 'paid' : 'open', paidAt: paid ? ctx.now : null,
    });
    if (claimed === 0) throw new WuyeError('WUYE_CONFLICT', 409, `bill ${s.bill.number} changed while this was being recorded; nothing was written, please retry`);
  }
  for (const a of plan.assessments) {
    const state = plan.states.find((s) => s.bill.id === a.billId)!;
    em.create(LedgerEntry, {
      companyId: ctx.companyId, projectId: ctx.projectId, unitId: ctx.unitId, account: 'receivable', kind: 'lateFee', amountFen: a.addFen,
      billId: a.billId, description: `${periodLabel(state.bill.periodKey)}滞纳金（计至 ${a.through} 前）`, actorId: ctx.actorId, occurredAt: ctx.now,
    });
  }
}
