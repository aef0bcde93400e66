/** How ledger rows look in answers and documents: amounts as yuan strings, units with their labels. */
import type { EntityManager } from '@mikro-orm/core';
import { Building, Company, Person, Project, Unit, UnitPerson } from '../../../core/plugin-api.js';
import type { Bill, BillLine, LedgerEntry, Notice, Payment } from '../db/entities.js';
import { yuan } from './amounts.js';
import { periodLabel } from '../domain/period-label.js';

export interface UnitContext {
  unit: Unit;
  building: Building | null;
  project: Project | null;
  company: Company | null;
  owner: Person | null;
}

/** A unit with its building, project, company and first owner (for answers and printed documents). */
export async function unitContext(em: EntityManager, companyId: number, unit: Unit): Promise<UnitContext> {
  const [building, project, company, link] = await Promise.all([
    em.findOne(Building, { id: unit.buildingId, companyId }),
    em.findOne(Project, { id: unit.projectId, companyId }),
    em.findOne(Company, { id: companyId }),
    em.findOne(UnitPerson, { unitId: unit.id, companyId, relation: 'owner' }, { orderBy: { id: 'asc' } }),
  ]);
  const owner = link ? await em.findOne(Person, { id: link.personId, companyId }) : null;
  return { unit, building, project, company, owner };
}

export function unitLabel(building: { name: string } | null | undefined, unit: { number: string }): string {
  return building ? `${building.name} ${unit.number}` : unit.number;
}

/** Labels of many units at once (lists), by unit id. */
export async function unitLabels(em: EntityManager, companyId: number, unitIds: number[]): Promise<Map<number, { label: string; unit: Unit }>> {
  const ids = [...new Set(unitIds)];
  if (ids.length === 0) return new Map();
  const units = await em.find(Unit, { id: { $in: ids }, companyId });
  const buildings = new Map((await em.find(Building, { id: { $in: [...new Set(units.map((u) => u.buildingId))] }, companyId })).map((b) => [b.id, b]));
  return new Map(units.map((u) => [u.id, { label: unitLabel(buildings.get(u.buildingId), u), unit: u }]));
}

/** Owners (first owner link) of many units, by unit id. */
export async function ownersOf(em: EntityManager, companyId: number, unitIds: number[]): Promise<Map<number, Person>> {
  const ids = [...new Set(unitIds)];
  if (ids.length === 0) return new Map();
  const links = await em.find(UnitPerson, { unitId: { $in: ids }, companyId, relation: 'owner' }, { orderBy: { id: 'asc' } });
  const people = new Map((await em.find(Person, { id: { $in: [...new Set(links.map((l) => l.personId))] }, companyId })).map((p) => [p.id, p]));
  const owners = new Map<number, Person>();
  for (const l of links) if (!owners.has(l.unitId) && people.has(l.personId)) owners.set(l.unitId, people.get(l.personId)!);
  return owners;
}

export function outstandingFen(bill: Pick<Bill, 'principalFen' | 'lateFeeFen' | 'paidFen'>): number {
  return bill.principalFen + bill.lateFeeFen - bill.paidFen;
}

export function billSummary(bill: Bill, label: string) {
  return {
    id: bill.id, number: bill.number, unitId: bill.unitId, unitLabel: label, periodKey: bill.periodKey,
    principal: yuan(bill.principalFen), lateFee: yuan(bill.lateFeeFen), paid: yuan(bill.paidFen), outstanding: yuan(outstandingFen(bill)),
    status: bill.status, dueOn: bill.dueOn,
  };
}

export function billDetail(bill: Bill, label: string) {
  return {
    ...billSummary(bill, label),
    projectId: bill.projectId, periodStart: bill.periodStart, periodEnd: bill.periodEnd, noticeOn: bill.noticeOn, reminderOn: bill.reminderOn,
    reminderDueOn: bill.reminderDueOn, finalNoticeOn: bill.finalNoticeOn, finalDueOn: bill.finalDueOn, principalPaid: yuan(bill.principalPaidFen),
    lateFeeThrough: bill.lateFeeThrough ?? null, createdAt: bill.createdAt.toISOString(), paidAt: bill.paidAt?.toISOString() ?? null,
  };
}

export function lineView(line: BillLine) {
  return {
    feeCode: line.feeCode, kind: line.kind, description: line.description, quantity: line.quantity, unitPrice: line.unitPrice, factor: line.factor,
    amount: yuan(line.amountFen), rateFrom: line.rateFrom ?? null, source: line.source ?? null,
  };
}

export function noticeView(notice: Notice) {
  return { kind: notice.kind, issuedOn: notice.issuedOn, dueOn: notice.dueOn, amount: yuan(notice.amountFen) };
}

export function ledgerView(entry: LedgerEntry) {
  return {
    id: entry.id, account: entry.account, kind: entry.kind, amount: yuan(entry.amountFen), billId: entry.billId ?? null, paymentId: entry.paymentId ?? null,
    depositId: entry.depositId ?? null, description: entry.description, method: entry.method ?? null, occurredAt: entry.occurredAt.toISOString(),
  };
}

export function paymentView(payment: Pick<Payment, 'id' | 'unitId' | 'receiptNo' | 'amountFen' | 'method' | 'reference' | 'payerName' | 'cashierId' | 'allocations' | 'creditFen' | 'receivedAt'>, bills: Map<number, Pick<Bill, 'number' | 'periodKey'>>) {
  return {
    id: payment.id, unitId: payment.unitId, receiptNo: payment.receiptNo, amount: yuan(payment.amountFen), method: payment.method,
    reference: payment.reference ?? null, payerName: payment.payerName ?? null, cashierId: payment.cashierId,
    allocations: payment.allocations.map((a) => ({
      billId: a.billId, billNumber: bills.get(a.billId)?.number ?? null, periodKey: bills.get(a.billId)?.periodKey ?? null,
      periodLabel: bills.has(a.billId) ? periodLabel(bills.get(a.billId)!.periodKey) : null,
      lateFee: yuan(a.lateFeeFen), principal: yuan(a.principalFen),
    })),
    credit: yuan(payment.creditFen), receivedAt: payment.receivedAt.toISOString(),
  };
}
