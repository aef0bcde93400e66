/**
 * Arrears (欠费): units with open bills past their payment date, as of a date. Months unpaid are
 * whole months from the oldest unpaid period's first day to the date; the late fee shown includes
 * what has accrued to that date but is not recorded yet. The dunning ladder (settings.dunning)
 * suggests the next step: the first step in ladder order not yet taken since the arrears began
 * whose afterMonthsUnpaid is reached.
 */
import type { EntityManager } from '@mikro-orm/core';
import { RuleRefusedError, type PluginServices, type Principal } from '../../../core/plugin-api.js';
import { Bill, DunningStep } from '../db/entities.js';
import { assessLateFee } from '../domain/late-fee.js';
import type { BillingSettings } from '../generated/settings.js';
import { yuan } from './amounts.js';
import { minusMonths, startOfDay, wholeMonthsBetween } from './dates.js';
import { decodeCursor, page } from './keyset.js';
import { billingConfig } from './settings.js';
import { num } from './sql.js';
import { ownersOf, unitLabels } from './views.js';

export interface UnitArrears {
  unitId: number;
  projectId: number;
  oldestPeriodStart: string;
  oldestPeriodKey: string;
  outstandingFen: number;
  lateFeeFen: number;
  monthsUnpaid: number;
}

type Ladder = BillingSettings['dunning'];

/** The unit's arrears as of `asOf` from its open overdue bills, or null when it has none. */
export function arrearsOf(bills: Bill[], asOf: string, settings: BillingSettings): UnitArrears | null {
  const overdue = bills.filter((b) => b.status === 'open' && b.dueOn < asOf).sort((a, b) => (a.periodStart < b.periodStart ? -1 : a.periodStart > b.periodStart ? 1 : a.id - b.id));
  const oldest = overdue[0];
  if (!oldest) return null;
  let outstandingFen = 0;
  let lateFeeFen = 0;
  for (const b of overdue) {
    const accrued = assessLateFee({ ...b, lateFeeThrough: b.lateFeeThrough ?? null }, asOf, settings.lateFee)?.addFen ?? 0;
    outstandingFen += b.principalFen + b.lateFeeFen - b.paidFen + accrued;
    lateFeeFen += b.lateFeeFen - (b.paidFen - b.principalPaidFen) + accrued;
  }
  return {
    unitId: oldest.unitId, projectId: oldest.projectId, oldestPeriodStart: oldest.periodStart, oldestPeriodKey: oldest.periodKey,
    outstandingFen, lateFeeFen, monthsUnpaid: wholeMonthsBetween(oldest.periodStart, asOf),
  };
}

/** Steps taken since the arrears began (the oldest unpaid period's first day). */
export function stepsSince(steps: DunningStep[], arrears: UnitArrears, timezone: string): DunningStep[] {
  const since = startOfDay(arrears.oldestPeriodStart, timezone);
  return steps.filter((s) => s.recordedAt >= since);
}

export function nextStep(ladder: Ladder, monthsUnpaid: number, taken: DunningStep[]): Ladder[number] | null {
  const done = new Set(taken.map((s) => s.step));
  return ladder.find((s) => !done.has(s.code) && s.afterMonthsUnpaid <= monthsUnpaid) ?? null;
}

function stepView(step: DunningStep | undefined, ladder: Ladder) {
  if (!step) return null;
  return { step: step.step, title: ladder.find((s) => s.code === step.step)?.title ?? null, recordedAt: step.recordedAt.toISOString() };
}

export async function unitArrears(em: EntityManager, companyId: number, unitId: number, asOf: string, settings: BillingSettings): Promise<UnitArrears | null> {
  const bills = await em.find(Bill, { companyId, unitId, status: 'open', dueOn: { $lt: asOf } });
  return arrearsOf(bills, asOf, settings);
}

export async function arrearsReport(services: PluginServices, principal: Principal, query: { projectId?: number; minMonths?: number; asOf?: string; cursor?: string; limit: number }) {
  await services.requirePermission(principal, 'billing.view');
  const em = services.orm.em.fork();
  if (query.projectId !== undefined) await services.projectFor(principal, query.projectId, em);
  const scope = await services.projectScope(principal);
  const company = await billingConfig(services, principal.companyId, null, em);
  const asOf = query.asOf ?? company.today;
  const after = decodeCursor<[number]>(query.cursor, ['number']);
  // one row per unit in arrears, computed by the database; the page is then enriched
  const where: string[] = ["company_id = ?", "status = 'open'", 'due_on < ?'];
  const params: unknown[] = [principal.companyId, asOf];
  if (query.projectId !== undefined) { where.push('project_id = ?'); params.push(query.projectId); }
  if (scope) { where.push(scope.length ? `project_id in (${scope.map(() => '?').join(', ')})` : '1 = 0'); params.push(...scope); }
  if (after) { where.push('unit_id > ?'); params.push(after[0]); }
  const having = query.minMonths ? 'having min(period_start) <= ?' : '';
  if (query.minMonths) params.push(minusMonths(asOf, query.minMonths));
  params.push(query.limit + 1);
  const rows = (await em.getConnection().execute(
    `select unit_id from billing_bill where ${where.join(' and ')} group by unit_id ${having} order by unit_id limit ?`, params, 'all',
  )) as { unit_id: unknown }[];
  const { items: unitIds, nextCursor } = page(rows.map((r) => num(r.unit_id)), query.limit, (id) => [id]);
  const [bills, steps, labels, owners] = await Promise.all([
    em.find(Bill, { companyId: principal.companyId, unitId: { $in: unitIds }, status: 'open', dueOn: { $lt: asOf } }),
    em.find(DunningStep, { companyId: principal.companyId, unitId: { $in: unitIds } }, { orderBy: { id: 'asc' } }),
    unitLabels(em, principal.companyId, unitIds),
    ownersOf(em, principal.companyId, unitIds),
  ]);
  const settingsByProject = new Map<number, BillingSettings>();
  const items = [];
  for (const unitId of unitIds) {
    const unitBills = bills.filter((b) => b.unitId === unitId);
    const projectId = unitBills[0]!.projectId;
    if (!settingsByProject.has(projectId)) settingsByProject.set(projectId, (await billingConfig(services, principal.companyId, projectId, em)).settings);
    const settings = settingsByProject.get(projectId)!;
    const arrears = arrearsOf(unitBills, asOf, settings)!;
    const taken = stepsSince(steps.filter((s) => s.unitId === unitId), arrears, company.timezone);
    const owner = owners.get(unitId);
    const next = nextStep(settings.dunning, arrears.monthsUnpaid, taken);
    items.push({
      unitId, unitLabel: labels.get(unitId)?.label ?? '', projectId, owner: owner ? { name: owner.name, phone: owner.phone ?? null } : null,
      outstanding: yuan(arrears.outstandingFen), lateFee: yuan(arrears.lateFeeFen), oldestPeriod: arrears.oldestPeriodKey, oldestPeriodStart: arrears.oldestPeriodStart,
      monthsUnpaid: arrears.monthsUnpaid, lastStep: stepView(steps.filter((s) => s.unitId === unitId).at(-1), settings.dunning),
      nextStep: next ? { code: next.code, title: next.title, afterMonthsUnpaid: next.afterMonthsUnpaid } : null,
    });
  }
  return { asOf, items, nextCursor };
}

export function dunningView(step: DunningStep, ladder: Ladder) {
  return { id: step.id, unitId: step.unitId, step: step.step, title: ladder.find((s) => s.code === step.step)?.title ?? null, note: step.note, outcome: step.outcome ?? null, actorId: step.actorId, recordedAt: step.recordedAt.toISOString() };
}

export async function recordDunningStep(services: PluginServices, principal: Principal, unitId: number, input: { step: string; note: string; outcome?: string }) {
  await services.requirePermission(principal, 'billing.dunning');
  return services.orm.em.fork().transactional(async (em) => {
    const unit = await services.unitFor(principal, unitId, em);
    const config = await billingConfig(services, principal.companyId, unit.projectId, em);
    const ladder = config.settings.dunning;
    const rung = ladder.find((s) => s.code === input.step);
    if (!rung) throw new RuleRefusedError(`${input.step} is not a step of this company's dunning ladder (${ladder.map((s) => s.code).join(', ')})`, [{ pointer: '/step', code: 'unknown-step', message: 'not a step of the dunning ladder' }]);
    const arrears = await unitArrears(em, principal.companyId, unit.id, config.today, config.settings);
    if (!arrears) throw new RuleRefusedError('the unit has no arrears: there is nothing to dun', [{ pointer: '/unitId', code: 'no-arrears', message: 'no overdue bills' }]);
    if (arrears.monthsUnpaid < rung.afterMonthsUnpaid) {
      throw new RuleRefusedError(`${input.step} is taken after ${rung.afterMonthsUnpaid} months unpaid; the unit has ${arrears.monthsUnpaid} (since ${arrears.oldestPeriodStart})`, [{ pointer: '/step', code: 'not-due', message: `due after ${rung.afterMonthsUnpaid} months unpaid, ${arrears.monthsUnpaid} so far` }]);
    }
    const step = em.create(DunningStep, { companyId: principal.companyId, unitId: unit.id, step: input.step, note: input.note, outcome: input.outcome ?? null, actorId: principal.staffId, recordedAt: services.now() });
    await em.flush();
    services.audit(em, { companyId: principal.companyId, actorId: principal.staffId, action: 'dunning', target: `billing_dunning_step:${step.id}`, data: { unitId: unit.id, step: input.step } });
    await em.flush();
    return dunningView(step, ladder);
  });
}

export async function dunningHistory(services: PluginServices, principal: Principal, unitId: number) {
  await services.requirePermission(principal, 'billing.view');
  const em = services.orm.em.fork();
  const unit = await services.unitFor(principal, unitId, em);
  const config = await billingConfig(services, principal.companyId, unit.projectId, em);
  const steps = await em.find(DunningStep, { companyId: principal.companyId, unitId: unit.id }, { orderBy: { id: 'asc' } });
  const arrears = await unitArrears(em, principal.companyId, unit.id, config.today, config.settings);
  const next = arrears ? nextStep(config.settings.dunning, arrears.monthsUnpaid, stepsSince(steps, arrears, config.timezone)) : null;
  return {
    items: steps.map((s) => dunningView(s, config.settings.dunning)),
    monthsUnpaid: arrears?.monthsUnpaid ?? 0,
    nextStep: next ? { code: next.code, title: next.title, afterMonthsUnpaid: next.afterMonthsUnpaid } : null,
  };
}
