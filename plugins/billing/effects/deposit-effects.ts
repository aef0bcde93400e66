/**
 * Deposit effects for procedures that hold money for a case (renovation 装修押金, keys, move-in):
 *   billing.receiveDeposit  { purpose, amountField, methodField? }  — holds the deposit for the case
 *   billing.deductDeposit   { purpose, amountField, reasonField }   — deducts a penalty or damage, never more than held
 *   billing.topUpDeposit    { purpose, amountField, methodField? }  — tops it up (e.g. after a deduction)
 *   billing.refundDeposit   { purpose }                             — refunds what is held; the workflow's
 *                                                                     roles on that transition are the approval
 *   billing.refundUnitDeposits { purposes? }                        — a move-out: refunds every deposit the
 *                                                                     unit still holds, whichever case took it
 * Each finds the case's deposit by (case serial, purpose), writes in the transition's transaction,
 * claims the deposit's version (so a cashier's change at the same moment cannot be lost) and
 * records a ledger entry on the unit's deposit account. A refusal is a 422 naming the case field.
 */
import { MONEY_PATTERN, RuleRefusedError, StaleVersionError, Unit, parseMoney, toFen, type EffectContext } from '../../../core/plugin-api.js';
import { Deposit, LedgerEntry } from '../db/entities.js';
import { yuan } from '../ledger/amounts.js';
import { purposeTitle } from '../ledger/deposits.js';
import type { BillingSettings } from '../generated/settings.js';

const METHODS = new Set(['cash', 'transfer', 'pos', 'online']);

function refused(pointer: string, message: string, code = 'deposit'): RuleRefusedError {
  return new RuleRefusedError(message, [{ pointer, code, message }]);
}

function param(ctx: EffectContext, name: string): string {
  const value = ctx.params[name];
  if (typeof value !== 'string' || !value) throw new Error(`${ctx.caseType}: a deposit effect needs params.${name}`);
  return value;
}

function amountOf(ctx: EffectContext): number {
  const field = param(ctx, 'amountField');
  const raw = ctx.data[field];
  if (typeof raw !== 'string' || !MONEY_PATTERN.test(raw)) throw refused(`/data/${field}`, `${field} must be an amount like "2000.00"`);
  const fen = Number(toFen(parseMoney(raw)));
  if (fen <= 0) throw refused(`/data/${field}`, `${field} must be greater than 0`);
  return fen;
}

function methodOf(ctx: EffectContext): string {
  const field = ctx.params.methodField;
  const value = typeof field === 'string' ? ctx.data[field] : 'cash';
  if (typeof value !== 'string' || !METHODS.has(value)) throw refused(`/data/${String(field)}`, `the payment method must be one of ${[...METHODS].join(', ')}`);
  return value;
}

async function depositOf(ctx: EffectContext, purpose: string): Promise<Deposit | null> {
  return ctx.em.findOne(Deposit, { companyId: ctx.companyId, sourcePlugin: ctx.pluginId, sourceRef: ctx.serial, purpose });
}

function entry(ctx: EffectContext, deposit: Deposit, kind: LedgerEntry['kind'], amountFen: number, description: string, method: string | null = null): void {
  ctx.em.create(LedgerEntry, {
    companyId: deposit.companyId, projectId: deposit.projectId, unitId: deposit.unitId, account: 'deposit', kind, amountFen, depositId: deposit.id,
    description: description.slice(0, 200), method, actorId: ctx.actor.staffId || null, occurredAt: ctx.now,
  });
}

/** Writes the deposit's new values if nobody changed it since it was read. */
async function claim(ctx: EffectContext, deposit: Deposit, set: Partial<Deposit>): Promise<void> {
  const claimed = await ctx.em.nativeUpdate(Deposit, { id: deposit.id, companyId: deposit.companyId, version: deposit.version }, { ...set, version: deposit.version + 1, updatedAt: ctx.now });
  if (claimed === 0) throw new StaleVersionError(deposit.version, deposit.version + 1);
}

export async function receiveDepositEffect(ctx: EffectContext<BillingSettings>): Promise<void> {
  const purpose = param(ctx, 'purpose');
  if (ctx.unitId === null) throw refused('/unitId', `the case ${ctx.serial} has no unit to hold a deposit for`, 'no-unit');
  if (await depositOf(ctx, purpose)) return; // held already: taking the step again holds nothing twice
  const amountFen = amountOf(ctx);
  const method = methodOf(ctx);
  const unit = await ctx.em.findOne(Unit, { id: ctx.unitId, companyId: ctx.companyId });
  if (!unit) throw refused('/unitId', 'the case unit does not exist', 'no-unit');
  const deposit = ctx.em.create(Deposit, {
    companyId: ctx.companyId, projectId: unit.projectId, unitId: unit.id, purpose, sourcePlugin: ctx.pluginId, sourceRef: ctx.serial,
    heldFen: amountFen, status: 'held', refundRequestedBy: null, refundApprovedBy: null, version: 1, createdAt: ctx.now, updatedAt: ctx.now,
  });
  await ctx.em.flush();
  entry(ctx, deposit, 'depositReceived', amountFen, `收取${purposeTitle(purpose, ctx.settings.depositPurposes)} ${ctx.serial}`, method);
}

export async function deductDepositEffect(ctx: EffectContext): Promise<void> {
  const purpose = param(ctx, 'purpose');
  const deposit = await depositOf(ctx, purpose);
  const field = param(ctx, 'amountField');
  if (!deposit || deposit.status !== 'held') throw refused(`/data/${field}`, `no ${purpose} deposit is held for ${ctx.serial}`);
  const amountFen = amountOf(ctx);
  if (amountFen > deposit.heldFen) throw refused(`/data/${field}`, `押金余额 ¥${yuan(deposit.heldFen)}，不足扣除 ¥${yuan(amountFen)} / the deposit holds ¥${yuan(deposit.heldFen)}, less than ¥${yuan(amountFen)}`, 'exceeds-deposit');
  const reasonField = param(ctx, 'reasonField');
  const reason = typeof ctx.data[reasonField] === 'string' ? String(ctx.data[reasonField]) : '';
  await claim(ctx, deposit, { heldFen: deposit.heldFen - amountFen });
  entry(ctx, deposit, 'depositDeducted', -amountFen, `扣除押金 ${ctx.serial}：${reason}`);
}

export async function topUpDepositEffect(ctx: EffectContext): Promise<void> {
  const purpose = param(ctx, 'purpose');
  const deposit = await depositOf(ctx, purpose);
  const field = param(ctx, 'amountField');
  if (!deposit || deposit.status !== 'held') throw refused(`/data/${field}`, `no ${purpose} deposit is held for ${ctx.serial}`);
  const amountFen = amountOf(ctx);
  const method = methodOf(ctx);
  await claim(ctx, deposit, { heldFen: deposit.heldFen + amountFen });
  entry(ctx, deposit, 'depositReceived', amountFen, `补交押金 ${ctx.serial}`, method);
}

export async function refundDepositEffect(ctx: EffectContext): Promise<void> {
  const purpose = param(ctx, 'purpose');
  const deposit = await depositOf(ctx, purpose);
  if (!deposit) throw refused('/transition', `no ${purpose} deposit is held for ${ctx.serial}`);
  if (deposit.status === 'refunded') return;
  await claim(ctx, deposit, { status: 'refunded', heldFen: 0, refundApprovedBy: ctx.actor.staffId || null });
  if (deposit.heldFen > 0) entry(ctx, deposit, 'depositRefunded', -deposit.heldFen, `退还押金 ${ctx.serial}`);
}

export async function refundUnitDepositsEffect(ctx: EffectContext<BillingSettings>): Promise<void> {
  if (ctx.unitId === null) throw refused('/unitId', `the case ${ctx.serial} has no unit whose deposits to refund`, 'no-unit');
  const purposes = Array.isArray(ctx.params.purposes) ? (ctx.params.purposes as unknown[]).filter((p): p is string => typeof p === 'string') : null;
  const held = await ctx.em.find(Deposit, { companyId: ctx.companyId, unitId: ctx.unitId, status: { $in: ['held', 'refundRequested'] }, ...(purposes ? { purpose: { $in: purposes } } : {}) }, { orderBy: { id: 'asc' } });
  for (const deposit of held) {
    await claim(ctx, deposit, { status: 'refunded', heldFen: 0, refundApprovedBy: ctx.actor.staffId || null });
    if (deposit.heldFen > 0) entry(ctx, deposit, 'depositRefunded', -deposit.heldFen, `退还${purposeTitle(deposit.purpose, ctx.settings.depositPurposes)}（${ctx.serial}）`);
  }
}
