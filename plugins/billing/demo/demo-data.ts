/**
 * Billing's demo data for the demo company (first server start): last period and the current one
 * billed, and last period's bills of every other unit paid at the desk — so the bills, arrears,
 * collection-rate and daily-cash pages show something real the first time they are opened.
 */
import { Staff, StaffProject, type Principal } from '../../../core/plugin-api.js';
import { periodContaining, previousPeriod } from '../domain/cycle-calendar.js';
import { runBilling } from '../run/billing-run.js';
import { takePayment } from '../ledger/payments.js';
import { localDate } from '../ledger/dates.js';
import { yuan } from '../ledger/amounts.js';
import type { BillingServices } from '../ledger/settings.js';
import { Bill } from '../db/entities.js';

/** Someone who may collect money in every project: the finance department. */
async function collector(services: BillingServices, companyId: number): Promise<Principal | null> {
  const em = services.orm.em.fork();
  const staff = (await em.find(Staff, { companyId, active: true }, { orderBy: { id: 'asc' } })).find((s) => s.roles.includes('finance'));
  if (!staff) return null;
  const projects = await em.find(StaffProject, { companyId, staffId: staff.id });
  return { staffId: staff.id, companyId, username: staff.username, name: staff.name, roles: staff.roles, projectIds: projects.map((p) => p.projectId), language: staff.language };
}

export async function seedBillingDemo(services: BillingServices, companyId: number): Promise<void> {
  const config = await services.configFor(companyId);
  const settings = config.settings;
  const current = periodContaining(settings, localDate(services.now(), config.calendar.timezone));
  const previous = previousPeriod(settings, current);
  for (const period of [previous, current]) await runBilling(services, { companyId, projectId: null, periodKey: period.periodKey });

  const payer = await collector(services, companyId);
  if (!payer) return;
  const bills = await services.orm.em.fork().find(Bill, { companyId, periodKey: previous.periodKey, status: 'open' }, { orderBy: { unitId: 'asc' } });
  for (const [i, bill] of bills.entries()) {
    if (i % 2 === 1) continue; // every other unit stays in arrears
    const outstanding = bill.principalFen + bill.lateFeeFen - bill.paidFen;
    if (outstanding <= 0) continue;
    await takePayment(services, payer, { unitId: bill.unitId, amount: yuan(outstanding), method: i % 4 === 0 ? 'cash' : 'transfer', reference: i % 4 === 0 ? undefined : `DEMO-${bill.number}`, payerName: '业主' });
  }
}
