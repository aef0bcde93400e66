/** Read side of the ledger: a unit's account, its ledger lines, bills (list and detail), payments of a day. */
import type { FilterQuery } from '@mikro-orm/core';
import { NotFoundError, type Principal } from '../../../core/plugin-api.js';
import { Bill, BillLine, Charge, Deposit, DunningStep, LedgerEntry, Notice, Payment } from '../db/entities.js';
import { yuan } from './amounts.js';
import { dayRange } from './dates.js';
import { depositView } from './deposits.js';
import { decodeCursor, page } from './keyset.js';
import { chargeView } from './post-charge.js';
import { billFor } from './notices.js';
import { billingConfig } from './settings.js';
import { explainLateFee } from '../domain/late-fee.js';
import { periodLabel } from '../domain/period-label.js';
import { num } from './sql.js';
import { billDetail, billSummary, ledgerView, lineView, noticeView, paymentView, unitContext, unitLabel, unitLabels } from './views.js';
import type { BillingServices } from './settings.js';

export async function unitAccount(services: BillingServices, principal: Principal, unitId: number) {
  await services.requirePermission(principal, 'billing.view');
  const em = services.orm.em.fork();
  const unit = await services.unitFor(principal, unitId, em);
  const companyId = principal.companyId;
  const [ctx, balances, bills, charges, deposits, lastStep, config] = await Promise.all([
    unitContext(em, companyId, unit),
    em.getConnection().execute(
      'select account, sum(amount_fen) as total from billing_ledger_entry where company_id = ? and unit_id = ? group by account', [companyId, unit.id], 'all',
    ) as Promise<{ account: string; total: unknown }[]>,
    em.find(Bill, { companyId, unitId: unit.id, status: 'open' }, { orderBy: { periodStart: 'asc', id: 'asc' } }),
    em.find(Charge, { companyId, unitId: unit.id, billId: null }, { orderBy: { id: 'asc' } }),
    em.find(Deposit, { companyId, unitId: unit.id }, { orderBy: { id: 'asc' } }),
    em.findOne(DunningStep, { companyId, unitId: unit.id }, { orderBy: { id: 'desc' } }),
    billingConfig(services, companyId, unit.projectId, em),
  ]);
  const balance = (account: string) => num(balances.find((b) => b.account === account)?.total);
  const label = unitLabel(ctx.building, unit);
  return {
    unit: { id: unit.id, number: unit.number, label, building: ctx.building ? { id: ctx.building.id, name: ctx.building.name } : null, project: ctx.project ? { id: ctx.project.id, code: ctx.project.code, name: ctx.project.name } : null, area: unit.area, unitType: unit.unitType, status: unit.status },
    owner: ctx.owner ? { name: ctx.owner.name, phone: ctx.owner.phone ?? null } : null,
    receivable: yuan(balance('receivable')), credit: yuan(balance('credit')), depositsHeld: yuan(balance('deposit')),
    openBills: bills.map((b) => billSummary(b, label)),
    pendingCharges: charges.map(chargeView),
    deposits: deposits.map((d) => depositView(d, config.settings.depositPurposes)),
    lastDunningStep: lastStep ? { step: lastStep.step, title: config.settings.dunning.find((s) => s.code === lastStep.step)?.title ?? null, note: lastStep.note, recordedAt: lastStep.recordedAt.toISOString() } : null,
  };
}

export async function unitLedger(services: BillingServices, principal: Principal, unitId: number, query: { cursor?: string; limit: number }) {
  await services.requirePermission(principal, 'billing.view');
  const em = services.orm.em.fork();
  const unit = await services.unitFor(principal, unitId, em);
  const after = decodeCursor<[number]>(query.cursor, ['number']);
  const rows = await em.find(LedgerEntry, { companyId: principal.companyId, unitId: unit.id, ...(after ? { id: { $lt: after[0] } } : {}) }, { orderBy: { id: 'desc' }, limit: query.limit + 1 });
  const { items, nextCursor } = page(rows, query.limit, (e) => [e.id]);
  return { items: items.map(ledgerView), nextCursor };
}

export async function listBills(services: BillingServices, principal: Principal, query: { projectId?: number; periodKey?: string; status?: 'open' | 'paid'; unitId?: number; cursor?: string; limit: number }) {
  await services.requirePermission(principal, 'billing.view');
  const em = services.orm.em.fork();
  if (query.projectId !== undefined) await services.projectFor(principal, query.projectId, em);
  if (query.unitId !== undefined) await services.unitFor(principal, query.unitId, em);
  const scope = await services.projectScope(principal);
  const after = decodeCursor<[number]>(query.cursor, ['number']);
  const where: FilterQuery<Bill> = {
    companyId: principal.companyId,
    ...(query.projectId !== undefined ? { projectId: query.projectId } : scope ? { projectId: { $in: scope } } : {}),
    ...(query.periodKey ? { periodKey: query.periodKey } : {}),
    ...(query.status ? { status: query.status } : {}),
    ...(query.unitId !== undefined ? { unitId: query.unitId } : {}),
    ...(after ? { id: { $lt: after[0] } } : {}),
  };
  const rows = await em.find(Bill, where, { orderBy: { id: 'desc' }, limit: query.limit + 1 });
  const { items, nextCursor } = page(rows, query.limit, (b) => [b.id]);
  const labels = await unitLabels(em, principal.companyId, items.map((b) => b.unitId));
  return { items: items.map((b) => billSummary(b, labels.get(b.unitId)?.label ?? '')), nextCursor };
}

export async function billDetails(services: BillingServices, principal: Principal, billId: number) {
  await services.requirePermission(principal, 'billing.view');
  const em = services.orm.em.fork();
  const bill = await billFor(services, principal, billId, em);
  const [lines, notices, entries, labels] = await Promise.all([
    em.find(BillLine, { billId: bill.id, companyId: bill.companyId }, { orderBy: { id: 'asc' } }),
    em.find(Notice, { billId: bill.id, companyId: bill.companyId }, { orderBy: { id: 'asc' } }),
    em.find(LedgerEntry, { billId: bill.id, companyId: bill.companyId, kind: 'payment' }, { orderBy: { id: 'asc' } }),
    unitLabels(em, bill.companyId, [bill.unitId]),
  ]);
  const paymentIds = [...new Set(entries.map((e) => e.paymentId).filter((id): id is number => id != null))];
  const payments = paymentIds.length ? await em.find(Payment, { id: { $in: paymentIds }, companyId: bill.companyId }, { orderBy: { id: 'asc' } }) : [];
  const billsById = new Map([[bill.id, bill]]);
  const config = await billingConfig(services, bill.companyId, bill.projectId, em);
  const fee = explainLateFee({ ...bill, lateFeeThrough: bill.lateFeeThrough ?? null }, config.today, config.settings.lateFee);
  return {
    bill: { ...billDetail(bill, labels.get(bill.unitId)?.label ?? ''), periodLabel: periodLabel(bill.periodKey) },
    // how the late fee of today is reached (base, rate, days, rounding, cap), for the screen
    lateFee: {
      ...fee, baseFen: undefined, roundedFen: undefined, capFen: undefined, recordedFen: undefined, totalFen: undefined,
      baseAmount: yuan(fee.baseFen), rounded: yuan(fee.roundedFen), cap: fee.capFen === null ? null : yuan(fee.capFen), recorded: yuan(fee.recordedFen), total: yuan(fee.totalFen),
    },
    lines: lines.map(lineView),
    notices: notices.map(noticeView),
    payments: payments.map((p) => paymentView(p, billsById)),
  };
}

export async function listPayments(services: BillingServices, principal: Principal, query: { date?: string; cashierId?: number; unitId?: number; cursor?: string; limit: number }) {
  await services.requirePermission(principal, 'billing.view');
  const em = services.orm.em.fork();
  if (query.unitId !== undefined) await services.unitFor(principal, query.unitId, em);
  const scope = await services.projectScope(principal);
  const config = await billingConfig(services, principal.companyId, null, em);
  const range = query.date ? dayRange(query.date, config.timezone) : null;
  const after = decodeCursor<[number]>(query.cursor, ['number']);
  const rows = await em.find(Payment, {
    companyId: principal.companyId,
    ...(scope ? { projectId: { $in: scope } } : {}),
    ...(range ? { receivedAt: { $gte: range.from, $lt: range.to } } : {}),
    ...(query.cashierId !== undefined ? { cashierId: query.cashierId } : {}),
    ...(query.unitId !== undefined ? { unitId: query.unitId } : {}),
    ...(after ? { id: { $lt: after[0] } } : {}),
  }, { orderBy: { id: 'desc' }, limit: query.limit + 1 });
  const { items, nextCursor } = page(rows, query.limit, (p) => [p.id]);
  const billIds = [...new Set(items.flatMap((p) => p.allocations.map((a) => a.billId)))];
  const bills = new Map((billIds.length ? await em.find(Bill, { id: { $in: billIds }, companyId: principal.companyId }) : []).map((b) => [b.id, b]));
  return { items: items.map((p) => paymentView(p, bills)), nextCursor };
}

export async function paymentDetail(services: BillingServices, principal: Principal, id: number) {
  await services.requirePermission(principal, 'billing.view');
  const em = services.orm.em.fork();
  const payment = await em.findOne(Payment, { id, companyId: principal.companyId });
  if (!payment) throw new NotFoundError('payment');
  await services.unitFor(principal, payment.unitId, em);
  const ids = payment.allocations.map((a) => a.billId);
  const bills = new Map((ids.length ? await em.find(Bill, { id: { $in: ids }, companyId: principal.companyId }) : []).map((b) => [b.id, b]));
  return { payment: paymentView(payment, bills) };
}
