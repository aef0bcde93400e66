/**
 * The workflow effect `billing.requireNoArrears`: refuses the transition (422, naming the unit and
 * what is owed) while the case's unit owes money — goods release passes (物品放行) and move-out
 * check it. The amount named is what the desk would collect today, late fees accrued up to today
 * included. params.scope: "overdue" (default: bills past their last day to pay, with late fees)
 * or "all" (anything unpaid, incl. bills not yet due and charges not yet billed: a move-out settles
 * everything).
 */
import { DateTime } from 'luxon';
import { RuleRefusedError, type EffectContext } from '../../../core/plugin-api.js';
import { Bill, Charge } from '../db/entities.js';
import { yuan } from '../ledger/amounts.js';
import { assessLateFee } from '../domain/late-fee.js';
import type { BillingSettings } from '../generated/settings.js';

export async function requireNoArrearsEffect(ctx: EffectContext): Promise<void> {
  const scope = ctx.params.scope === 'all' ? 'all' : 'overdue';
  if (ctx.unitId === null) throw new RuleRefusedError(`the case ${ctx.serial} has no unit to check for arrears`, [{ pointer: '/unitId', code: 'no-unit', message: 'a unit is required' }]);
  const today = DateTime.fromJSDate(ctx.now, { zone: ctx.calendar.timezone }).toFormat('yyyy-MM-dd');
  const where: Record<string, unknown> = { companyId: ctx.companyId, unitId: ctx.unitId, status: 'open' };
  if (scope === 'overdue') where.dueOn = { $lt: today };
  const bills = await ctx.em.find(Bill, where, { orderBy: { periodStart: 'asc' } });
  const lateFee = (ctx.settingsOf('billing') as BillingSettings | undefined)?.lateFee;
  // what the desk would collect today: late fees accrued up to today count, as a payment would assess them
  const accrued = (b: Bill) => (lateFee ? assessLateFee({ ...b, lateFeeThrough: b.lateFeeThrough ?? null }, today, lateFee)?.addFen ?? 0 : 0);
  const owed = bills
    .map((b) => ({ periodKey: b.periodKey, fen: b.principalFen + b.lateFeeFen + accrued(b) - b.paidFen }))
    .filter((b) => b.fen > 0);
  const pending = scope === 'all' ? await ctx.em.find(Charge, { companyId: ctx.companyId, unitId: ctx.unitId, billId: null }) : [];
  const totalFen = owed.reduce((sum, b) => sum + b.fen, 0) + pending.reduce((sum, c) => sum + c.amountFen, 0);
  if (totalFen <= 0) return;
  const parts = [
    ...owed.map((b) => `${b.periodKey} ¥${yuan(b.fen)}`),
    ...pending.map((c) => `${c.description} ¥${yuan(c.amountFen)}`),
  ];
  const message = `该单元欠费 ¥${yuan(totalFen)}（${parts.join('；')}），须先结清 / the unit owes ¥${yuan(totalFen)}: settle it first`;
  throw new RuleRefusedError(message, [{ pointer: '/unitId', code: 'arrears', message }]);
}
