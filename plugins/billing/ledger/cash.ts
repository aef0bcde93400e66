/**
 * Daily cash balancing (日清): what a cashier took on a business day (company time zone) by
 * method — payments and deposits received or topped up — and the closing that compares the cash
 * counted with the cash expected. One closing per cashier per day; its payments get its id.
 */
import { UniqueConstraintViolationException, raw } from '@mikro-orm/core';
import { NotFoundError, Staff, WuyeError, parseMoney, toFen, type Principal } from '../../../core/plugin-api.js';
import { CashClosing, LedgerEntry, Payment } from '../db/entities.js';
import { yuan } from './amounts.js';
import { dayRange } from './dates.js';
import { PAYMENT_METHODS } from './payments.js';
import { billingConfig } from './settings.js';
import { num, sqlEm } from './sql.js';
import type { BillingServices } from './settings.js';

export function closingView(c: CashClosing) {
  return {
    id: c.id, cashierId: c.cashierId, date: c.businessDate, expectedCash: yuan(c.expectedCashFen), countedCash: yuan(c.countedCashFen),
    difference: yuan(c.differenceFen), totals: c.totals, note: c.note ?? null, createdAt: c.createdAt.toISOString(),
  };
}

interface DayTotals {
  byMethodFen: Record<(typeof PAYMENT_METHODS)[number], number>;
  receipts: number;
  totalFen: number;
}

async function dayTotals(services: BillingServices, companyId: number, cashierId: number, date: string, timezone: string): Promise<DayTotals> {
  const em = sqlEm(services.orm.em.fork());
  const { from, to } = dayRange(date, timezone);
  const payments = await em.createQueryBuilder(Payment, 'p')
    .select(['p.method', raw('count(*) as n'), raw('sum(p.amount_fen) as total')])
    .where({ companyId, cashierId, receivedAt: { $gte: from, $lt: to } })
    .groupBy('p.method')
    .execute<{ method: string; n: unknown; total: unknown }[]>('all', false);
  const deposits = await em.createQueryBuilder(LedgerEntry, 'e')
    .select(['e.method', raw('count(*) as n'), raw('sum(e.amount_fen) as total')])
    .where({ companyId, actorId: cashierId, occurredAt: { $gte: from, $lt: to }, account: 'deposit', kind: 'depositReceived', method: { $ne: null } })
    .groupBy('e.method')
    .execute<{ method: string; n: unknown; total: unknown }[]>('all', false);
  const byMethodFen = { cash: 0, transfer: 0, pos: 0, online: 0 };
  let receipts = 0;
  for (const row of [...payments, ...deposits]) {
    if (Object.hasOwn(byMethodFen, row.method)) byMethodFen[row.method as keyof typeof byMethodFen] += num(row.total);
    receipts += num(row.n);
  }
  return { byMethodFen, receipts, totalFen: Object.values(byMethodFen).reduce((a, b) => a + b, 0) };
}

/** Someone else's day needs billing.adjust (finance); a cashier sees their own. */
async function cashierFor(services: BillingServices, principal: Principal, cashierId: number | undefined): Promise<number> {
  await services.requirePermission(principal, 'billing.collect');
  if (cashierId === undefined || cashierId === principal.staffId) return principal.staffId;
  await services.requirePermission(principal, 'billing.adjust');
  const staff = await services.orm.em.fork().findOne(Staff, { id: cashierId, companyId: principal.companyId });
  if (!staff) throw new NotFoundError('cashier');
  return staff.id;
}

export async function cashDaily(services: BillingServices, principal: Principal, query: { date?: string; cashierId?: number }) {
  const cashierId = await cashierFor(services, principal, query.cashierId);
  const config = await billingConfig(services, principal.companyId, null);
  const date = query.date ?? config.today;
  const totals = await dayTotals(services, principal.companyId, cashierId, date, config.timezone);
  const closing = await services.orm.em.fork().findOne(CashClosing, { companyId: principal.companyId, cashierId, businessDate: date });
  return {
    date, cashierId, receipts: totals.receipts, total: yuan(totals.totalFen),
    byMethod: Object.fromEntries(Object.entries(totals.byMethodFen).map(([m, fen]) => [m, yuan(fen)])),
    closing: closing ? closingView(closing) : null,
  };
}

function alreadyClosed(date: string): WuyeError {
  return new WuyeError('WUYE_DUPLICATE', 409, `the cash of ${date} has already been closed`, [{ pointer: '/date', code: 'duplicate', message: 'already closed' }]);
}

export async function closeCash(services: BillingServices, principal: Principal, input: { date: string; countedCash: string; note?: string }) {
  await services.requirePermission(principal, 'billing.collect');
  const countedFen = Number(toFen(parseMoney(input.countedCash)));
  const config = await billingConfig(services, principal.companyId, null);
  const totals = await dayTotals(services, principal.companyId, principal.staffId, input.date, config.timezone);
  try {
    return await services.orm.em.fork().transactional(async (em) => {
      if (await em.count(CashClosing, { companyId: principal.companyId, cashierId: principal.staffId, businessDate: input.date })) throw alreadyClosed(input.date);
      const expected = totals.byMethodFen.cash;
      const closing = em.create(CashClosing, {
        companyId: principal.companyId, cashierId: principal.staffId, businessDate: input.date, expectedCashFen: expected, countedCashFen: countedFen,
        differenceFen: countedFen - expected, totals: { byMethod: Object.fromEntries(Object.entries(totals.byMethodFen).map(([m, fen]) => [m, yuan(fen)])), receipts: totals.receipts, total: yuan(totals.totalFen) },
        note: input.note ?? null, createdAt: services.now(),
      });
      await em.flush();
      const { from, to } = dayRange(input.date, config.timezone);
      await em.nativeUpdate(Payment, { companyId: principal.companyId, cashierId: principal.staffId, receivedAt: { $gte: from, $lt: to } }, { closingId: closing.id });
      services.audit(em, { companyId: principal.companyId, actorId: principal.staffId, action: 'cashClosing', target: `billing_cash_closing:${closing.id}`, data: { date: input.date, expected: yuan(expected), counted: input.countedCash } });
      await em.flush();
      return closingView(closing);
    });
  } catch (err) {
    if (err instanceof UniqueConstraintViolationException) throw alreadyClosed(input.date);
    throw err;
  }
}
