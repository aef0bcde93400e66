/**
 * Arrears (欠费): units with open bills past their payment date, as of a date. Months unpaid are
 * whole months from the oldest unpaid period's first day to the date; the late fee shown includes
 * what has accrued to that date but is not recorded yet. The dunning ladder (settings.dunning)
 * suggests the next step: the first step in ladder order not yet taken since the arrears began
 * whose afterMonthsUnpaid is reached.
 */
import type { EntityManager } from '@mikro-orm/core';
import { RuleRefusedError, type Principal, type Unit } from '../../../core/plugin-api.js';
import { Bill, DunningStep } from '../db/entities.js';
import { assessLateFee } from '../domain/late-fee.js';
import type { BillingSettings } from '../generated/settings.js';
import { yuan } from './amounts.js';
import { minusMonths, startOfDay, wholeMonthsBetween } from './dates.js';
import { decodeCursor, page } from './keyset.js';
import { billingConfig } from './settings.js';
import { num } from './sql.js';
import { ownersOf, unitLabels } from './views.js';
import { periodLabel } from '../domain/period-label.js';
import type { BillingServices } from './settings.js';
import { queueDunningMessage } from './dunning-messages.js';

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

export interface ArrearsQuery { projectId?: number; minMonths?: number; asOf?: string; cursor?: string; limit: number }

/** The WHERE clause over billing_bill of the units a query lists (overdue open bills in the caller's scope). */
async function arrearsScope(services: BillingServices, principal: Principal, query: ArrearsQuery, em: EntityManager, asOf: string) {
  if (query.projectId !== undefined) await services.projectFor(principal, query.projectId, em);
  const scope = await services.projectScope(principal);
  const where: string[] = ['company_id = ?', "status = 'open'", 'due_on < ?'];
  const params: unknown[] = [principal.companyId, asOf];
  if (query.projectId !== undefined) { where.push('project_id = ?'); params.push(query.projectId); }
  if (scope) { where.push(scope.length ? `project_id in (${scope.map(() => '?').join(', ')})` : '1 = 0'); params.push(...scope); }
  const having = query.minMonths ? 'having min(period_start) <= ?' : '';
  const havingParams = query.minMonths ? [minusMonths(asOf, query.minMonths)] : [];
  return { where, params, having, havingParams };
}

/** The list rows of these units (in this order): owner, amounts with late fees to asOf, months unpaid, dunning steps. */
async function arrearsItems(services: BillingServices, principal: Principal, em: EntityManager, unitIds: number[], asOf: string, timezone: string) {
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
    const taken = stepsSince(steps.filter((s) => s.unitId === unitId), arrears, timezone);
    const owner = owners.get(unitId);
    const next = nextStep(settings.dunning, arrears.monthsUnpaid, taken);
    items.push({
      unitId, unitLabel: labels.get(unitId)?.label ?? '', projectId, owner: owner ? { name: owner.name, phone: owner.phone ?? null } : null,
      outstanding: yuan(arrears.outstandingFen), lateFee: yuan(arrears.lateFeeFen), oldestPeriod: arrears.oldestPeriodKey, oldestPeriodLabel: periodLabel(arrears.oldestPeriodKey),
      oldestPeriodStart: arrears.oldestPeriodStart, monthsUnpaid: arrears.monthsUnpaid, lastStep: stepView(steps.filter((s) => s.unitId === unitId).at(-1), settings.dunning),
      nextStep: next ? { code: next.code, title: next.title, afterMonthsUnpaid: next.afterMonthsUnpaid } : null,
      outstandingFen: arrears.outstandingFen, lateFeeFen: arrears.lateFeeFen,
    });
  }
  return items;
}

/** Every unit of the query (no page), in unit order: for the total and the export. */
async function allArrearsUnitIds(em: EntityManager, scope: Awaited<ReturnType<typeof arrearsScope>>): Promise<number[]> {
  const rows = (await em.getConnection().execute(
    `select unit_id from billing_bill where ${scope.where.join(' and ')} group by unit_id ${scope.having} order by unit_id`, [...scope.params, ...scope.havingParams], 'all',
  )) as { unit_id: unknown }[];
  return rows.map((r) => num(r.unit_id));
}

/**
 * The list's totals over every unit of the query (not only the page): units, outstanding and late
 * fees to asOf. Late fees accrue per bill, so the overdue open bills are read (their amounts only)
 * and summed with the same function as the rows.
 */
async function arrearsTotals(services: BillingServices, principal: Principal, em: EntityManager, unitIds: number[], asOf: string) {
  let outstandingFen = 0;
  let lateFeeFen = 0;
  const settingsByProject = new Map<number, BillingSettings>();
  for (let i = 0; i < unitIds.length; i += 1000) {
    const bills = await em.find(Bill, { companyId: principal.companyId, unitId: { $in: unitIds.slice(i, i + 1000) }, status: 'open', dueOn: { $lt: asOf } });
    const byUnit = new Map<number, Bill[]>();
    for (const b of bills) byUnit.set(b.unitId, [...(byUnit.get(b.unitId) ?? []), b]);
    for (const unitBills of byUnit.values()) {
      const projectId = unitBills[0]!.projectId;
      if (!settingsByProject.has(projectId)) settingsByProject.set(projectId, (await billingConfig(services, principal.companyId, projectId, em)).settings);
      const a = arrearsOf(unitBills, asOf, settingsByProject.get(projectId)!)!;
      outstandingFen += a.outstandingFen;
      lateFeeFen += a.lateFeeFen;
    }
    em.clear();
  }
  return { units: unitIds.length, outstanding: yuan(outstandingFen), lateFee: yuan(lateFeeFen) };
}

const publicItem = <T extends { outstandingFen: number; lateFeeFen: number }>({ outstandingFen: _o, lateFeeFen: _l, ...rest }: T) => rest;

export async function arrearsReport(services: BillingServices, principal: Principal, query: ArrearsQuery) {
  await services.requirePermission(principal, 'billing.view');
  const em = services.orm.em.fork();
  const company = await billingConfig(services, principal.companyId, null, em);
  const asOf = query.asOf ?? company.today;
  const scope = await arrearsScope(services, principal, query, em, asOf);
  const after = decodeCursor<[number]>(query.cursor, ['number']);
  // one row per unit in arrears, computed by the database; the page is then enriched
  const where = after ? [...scope.where, 'unit_id > ?'] : scope.where;
  const rows = (await em.getConnection().execute(
    `select unit_id from billing_bill where ${where.join(' and ')} group by unit_id ${scope.having} order by unit_id limit ?`,
    [...scope.params, ...(after ? [after[0]] : []), ...scope.havingParams, query.limit + 1], 'all',
  )) as { unit_id: unknown }[];
  const { items: unitIds, nextCursor } = page(rows.map((r) => num(r.unit_id)), query.limit, (id) => [id]);
  const items = await arrearsItems(services, principal, em, unitIds, asOf, company.timezone);
  // the totals are the whole list's, so they are computed on the first page only (later pages repeat the query)
  const totals = after ? null : await arrearsTotals(services, principal, services.orm.em.fork(), await allArrearsUnitIds(em, scope), asOf);
  return { asOf, items: items.map(publicItem), totals, nextCursor };
}

/** Every row of the query (no pages), for the export; refused above `max` units. */
export async function arrearsAll(services: BillingServices, principal: Principal, query: Omit<ArrearsQuery, 'cursor' | 'limit'>, max = 20000) {
  await services.requirePermission(principal, 'billing.view');
  const em = services.orm.em.fork();
  const company = await billingConfig(services, principal.companyId, null, em);
  const asOf = query.asOf ?? company.today;
  const scope = await arrearsScope(services, principal, { ...query, limit: 0 }, em, asOf);
  const unitIds = await allArrearsUnitIds(em, scope);
  if (unitIds.length > max) throw new RuleRefusedError(`too many units to export at once (${unitIds.length}); choose a project`, [{ pointer: '/projectId', code: 'too-many', message: `at most ${max} units per export` }]);
  const items: Awaited<ReturnType<typeof arrearsItems>> = [];
  for (let i = 0; i < unitIds.length; i += 500) {
    items.push(...(await arrearsItems(services, principal, em, unitIds.slice(i, i + 500), asOf, company.timezone)));
    em.clear();
  }
  return { asOf, items };
}

export function dunningView(step: DunningStep, ladder: Ladder) {
  return { id: step.id, unitId: step.unitId, step: step.step, title: ladder.find((s) => s.code === step.step)?.title ?? null, note: step.note, outcome: step.outcome ?? null, actorId: step.actorId, recordedAt: step.recordedAt.toISOString() };
}

/** Why `step` cannot be recorded for the unit now (pointer relative to the unit's entry), or null. */
async function dunningRefusal(em: EntityManager, companyId: number, unitId: number, step: string, config: Awaited<ReturnType<typeof billingConfig>>): Promise<{ pointer: string; code: string; message: string } | null> {
  const ladder = config.settings.dunning;
  const rung = ladder.find((s) => s.code === step);
  if (!rung) return { pointer: '/step', code: 'unknown-step', message: `${step} is not a step of this company's dunning ladder (${ladder.map((s) => s.code).join(', ')})` };
  const arrears = await unitArrears(em, companyId, unitId, config.today, config.settings);
  if (!arrears) return { pointer: '/unitId', code: 'no-arrears', message: '该单元没有逾期欠费，无需催缴' };
  if (arrears.monthsUnpaid < rung.afterMonthsUnpaid) {
    return { pointer: '/step', code: 'not-due', message: `「${rung.title['zh-CN']}」须欠费满 ${rung.afterMonthsUnpaid} 个月，该单元欠费 ${arrears.monthsUnpaid} 个月（自 ${arrears.oldestPeriodStart} 起）` };
  }
  return null;
}

/**
 * Records a dunning step for each unit in one transaction — all or none: a unit without arrears or
 * not yet due for the step refuses the request (422 naming /unitIds/<i>, or /step for a step not
 * in the ladder). One unit (POST /units/:unitId/dunning) is the batch of one, its pointers as before.
 */
export async function recordDunningSteps(services: BillingServices, principal: Principal, unitIds: number[], input: { step: string; note: string; outcome?: string }, single = false) {
  await services.requirePermission(principal, 'billing.dunning');
  return services.orm.em.fork().transactional(async (em) => {
    const units: Unit[] = [];
    for (const id of unitIds) units.push(await services.unitFor(principal, id, em));
    const issues: { pointer: string; code: string; message: string }[] = [];
    const configs = new Map<number, Awaited<ReturnType<typeof billingConfig>>>();
    for (const [i, unit] of units.entries()) {
      if (!configs.has(unit.projectId)) configs.set(unit.projectId, await billingConfig(services, principal.companyId, unit.projectId, em));
      const why = await dunningRefusal(em, principal.companyId, unit.id, input.step, configs.get(unit.projectId)!);
      if (!why) continue;
      if (single || why.code === 'unknown-step') issues.push(why);
      else issues.push({ ...why, pointer: `/unitIds/${i}` });
      if (why.code === 'unknown-step') break;
    }
    if (issues.length > 0) throw new RuleRefusedError(issues.map((i) => i.message).join('；'), issues);
    const steps = units.map((unit) => em.create(DunningStep, { companyId: principal.companyId, unitId: unit.id, step: input.step, note: input.note, outcome: input.outcome ?? null, actorId: principal.staffId, recordedAt: services.now() }));
    await em.flush();
    // the step's message (the SMS reminder), in this transaction: see dunning-messages.ts
    for (const step of steps) {
      const config = configs.get(units.find((u) => u.id === step.unitId)!.projectId)!;
      const arrears = await unitArrears(em, principal.companyId, step.unitId, config.today, config.settings);
      if (arrears) await queueDunningMessage(services, em, step, config.settings.dunning.find((s) => s.code === input.step)!, arrears);
    }
    for (const step of steps) services.audit(em, { companyId: principal.companyId, actorId: principal.staffId, action: 'dunning', target: `billing_dunning_step:${step.id}`, data: { unitId: step.unitId, step: input.step } });
    await em.flush();
    return steps.map((step) => dunningView(step, configs.get(units.find((u) => u.id === step.unitId)!.projectId)!.settings.dunning));
  });
}

export async function recordDunningStep(services: BillingServices, principal: Principal, unitId: number, input: { step: string; note: string; outcome?: string }) {
  return (await recordDunningSteps(services, principal, [unitId], input, true))[0]!;
}

export async function dunningHistory(services: BillingServices, principal: Principal, unitId: number) {
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
