/**
 * Credit (预收款) held for a unit — over-payments kept under settings.overpayment = 'credit' —
 * settles its open bills as they come: oldest first, late fee before principal, like a payment.
 * Ledger: the credit account −x (creditApplied) and the receivable −x per bill (creditApplied), so
 * the receivable balance always equals what the bills still owe.
 */
import type { EntityManager } from '@mikro-orm/core';
import { LedgerEntry } from '../db/entities.js';
import type { BillingSettings } from '../generated/settings.js';
import { applySettlement, openBills, planSettlement } from './settle.js';
import { lockUnitLedger } from './unit-lock.js';
import { periodLabel } from '../domain/period-label.js';
import type { BillingServices } from './settings.js';

/** The unit's credit balance in fen. */
export async function creditBalance(em: EntityManager, companyId: number, unitId: number): Promise<number> {
  const rows: { total: unknown }[] = await em.getConnection().execute(
    "select sum(amount_fen) as total from billing_ledger_entry where company_id = ? and unit_id = ? and account = 'credit'",
    [companyId, unitId], 'all', em.getTransactionContext(),
  );
  return Number(rows[0]?.total ?? 0);
}

/** Units of a company holding credit (the notices job applies it). */
export async function unitsWithCredit(em: EntityManager, companyId: number): Promise<{ unitId: number; projectId: number }[]> {
  const rows: { unit_id: unknown; project_id: unknown }[] = await em.getConnection().execute(
    "select unit_id, max(project_id) as project_id from billing_ledger_entry where company_id = ? and account = 'credit' group by unit_id having sum(amount_fen) > 0",
    [companyId], 'all', em.getTransactionContext(),
  );
  return rows.map((r) => ({ unitId: Number(r.unit_id), projectId: Number(r.project_id) }));
}

/** Applies a unit's credit to its open bills as of `asOf`; returns the fen applied. */
export async function applyCredit(services: BillingServices, em: EntityManager, target: { companyId: number; projectId: number; unitId: number }, settings: BillingSettings, asOf: string, now: Date): Promise<number> {
  await lockUnitLedger(em, services.dialect, target.companyId, target.unitId);
  const credit = await creditBalance(em, target.companyId, target.unitId);
  if (credit <= 0) return 0;
  const bills = await openBills(em, target.companyId, target.unitId);
  if (bills.length === 0) return 0;
  const plan = planSettlement(bills, credit, asOf, settings.lateFee);
  const applied = credit - plan.remainderFen;
  const ctx = { ...target, now, actorId: null };
  await applySettlement(em, plan, ctx);
  const billsById = new Map(bills.map((b) => [b.id, b]));
  for (const a of plan.allocations) {
    em.create(LedgerEntry, {
      ...ctx, account: 'receivable', kind: 'creditApplied', amountFen: -(a.lateFeeFen + a.principalFen), billId: a.billId,
      description: `预收款冲抵 ${periodLabel(billsById.get(a.billId)!.periodKey)}`, occurredAt: now,
    });
  }
  if (applied > 0) {
    em.create(LedgerEntry, { ...ctx, account: 'credit', kind: 'creditApplied', amountFen: -applied, description: '预收款冲抵账单', occurredAt: now });
  }
  await em.flush();
  return applied;
}
