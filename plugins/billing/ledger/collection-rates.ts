/**
 * Collection rates (收缴率) for the period containing `asOf`, the one before and the one before
 * that — "this month ≥ 80%, last month ≥ 90%, the month before ≥ 100%" (settings.collectionTargets).
 * billed = the principal of the period's bills; collected = the principal paid on them so far (late
 * fees are neither billed nor collected here). Summed by the database per period. The rate is
 * rounded DOWN to 4 decimals so a rate just under a target never prints as meeting it; `met`
 * compares the exact ratio. A period with nothing billed has rate null and is not met.
 */
import { MoneyDecimal, roundMoney, type Principal } from '../../../core/plugin-api.js';
import { periodContaining, previousPeriod } from '../domain/cycle-calendar.js';
import { yuan } from './amounts.js';
import { billingConfig } from './settings.js';
import { num } from './sql.js';
import type { BillingServices } from './settings.js';

const LABELS = ['thisMonth', 'lastMonth', 'monthBefore'] as const;

export async function collectionRates(services: BillingServices, principal: Principal, query: { projectId?: number; asOf?: string }) {
  await services.requirePermission(principal, 'billing.view');
  const em = services.orm.em.fork();
  if (query.projectId !== undefined) await services.projectFor(principal, query.projectId, em);
  const scope = await services.projectScope(principal);
  const config = await billingConfig(services, principal.companyId, query.projectId ?? null, em);
  const asOf = query.asOf ?? config.today;
  const current = periodContaining(config.settings, asOf);
  const last = previousPeriod(config.settings, current);
  const periods = [current, last, previousPeriod(config.settings, last)];
  const where: string[] = ['company_id = ?', `period_key in (?, ?, ?)`];
  const params: unknown[] = [principal.companyId, ...periods.map((p) => p.periodKey)];
  if (query.projectId !== undefined) { where.push('project_id = ?'); params.push(query.projectId); }
  if (scope) { where.push(scope.length ? `project_id in (${scope.map(() => '?').join(', ')})` : '1 = 0'); params.push(...scope); }
  const rows = (await em.getConnection().execute(
    `select period_key, sum(principal_fen) as billed, sum(principal_paid_fen) as collected from billing_bill where ${where.join(' and ')} group by period_key`, params, 'all',
  )) as { period_key: string; billed: unknown; collected: unknown }[];
  const byKey = new Map(rows.map((r) => [r.period_key, { billed: num(r.billed), collected: num(r.collected) }]));
  return {
    asOf,
    items: periods.map((p, i) => {
      const label = LABELS[i]!;
      const { billed, collected } = byKey.get(p.periodKey) ?? { billed: 0, collected: 0 };
      const target = config.settings.collectionTargets[label];
      const ratio = billed > 0 ? new MoneyDecimal(collected).dividedBy(billed) : null;
      return {
        label, periodKey: p.periodKey, billed: yuan(billed), collected: yuan(collected),
        rate: ratio ? roundMoney(ratio, 4, 'down').toFixed(4) : null, target, met: ratio ? ratio.gte(target) : false,
      };
    }),
  };
}
