/**
 * Charges posted by other plugins (a paid work order, debris removal…) and one-off charges entered
 * by finance: a billing_charge row that the next billing run puts on the unit's bill. Posting is
 * idempotent per (company, source plugin, source reference): the same work order posted twice
 * leaves one charge. No ledger entry yet: the charge enters the receivable with its bill.
 */
import type { EntityManager } from '@mikro-orm/core';
import { DateTime } from 'luxon';
import { MONEY_PATTERN, MoneyDecimal, RuleRefusedError, Unit, ValidationError, parseMoney, roundMoney, toFen, type EffectContext, type Principal } from '../../../core/plugin-api.js';
import { Charge } from '../db/entities.js';
import { rateInForce } from '../domain/fee-lines.js';
import { yuan } from './amounts.js';
import { billingConfig } from './settings.js';
import type { BillingServices } from './settings.js';

export interface ChargeInput {
  companyId: number;
  projectId: number;
  unitId: number;
  sourcePlugin: string;
  sourceRef: string;
  description: string;
  amountFen: number;
  occurredAt: Date;
  caseId?: number | null;
}

/** Inserts the charge unless the source already posted one; returns the charge either way. */
export async function postCharge(em: EntityManager, input: ChargeInput, now: Date): Promise<{ charge: Charge; created: boolean }> {
  const existing = await em.findOne(Charge, { companyId: input.companyId, sourcePlugin: input.sourcePlugin, sourceRef: input.sourceRef });
  if (existing) return { charge: existing, created: false };
  const charge = em.create(Charge, { ...input, description: input.description.slice(0, 200), billId: null, caseId: input.caseId ?? null, createdAt: now });
  await em.flush();
  return { charge, created: true };
}

function refused(pointer: string, message: string): RuleRefusedError {
  return new RuleRefusedError(message, [{ pointer, code: 'postCharge', message }]);
}

/**
 * The workflow effect `billing.postCharge`: params { amountField, description {zh-CN, en}, ref? }.
 * Refused (422, the transition is not taken) when the case has no unit or the amount field does
 * not hold a decimal string; an amount of 0.00 posts nothing (a free service). The source is recorded as (the case type's plugin, case
 * serial); a serial is unique per company, so posting stays idempotent.
 */
export async function postChargeEffect(ctx: EffectContext): Promise<void> {
  const field = ctx.params.amountField;
  if (typeof field !== 'string') throw new Error('billing.postCharge needs params.amountField');
  const raw = ctx.data[field];
  const pointer = `/data/${field}`;
  if (typeof raw !== 'string' || !MONEY_PATTERN.test(raw)) throw refused(pointer, `${field} must be an amount like "120.00" to post a charge`);
  const fen = Number(toFen(parseMoney(raw)));
  if (fen < 0) throw refused(pointer, `${field} must not be negative to post a charge`);
  // a free service (便民服务, a regular service of the service contract, priced 0.00) completes without a charge
  if (fen === 0) return;
  if (ctx.unitId === null) throw refused('/unitId', `the case ${ctx.serial} has no unit to charge`);
  const unit = await ctx.em.findOne(Unit, { id: ctx.unitId, companyId: ctx.companyId });
  if (!unit) throw refused('/unitId', `the case's unit does not exist`);
  const description = ctx.params.description as { 'zh-CN'?: string; en?: string } | undefined;
  const text = `${description?.['zh-CN'] ?? ctx.caseType} ${ctx.serial}`;
  // params.ref itemises: one case may post several charges (management fee, debris removal…), each once
  const ref = typeof ctx.params.ref === 'string' && /^[a-zA-Z0-9_-]{1,20}$/.test(ctx.params.ref) ? `:${ctx.params.ref}` : '';
  await postCharge(ctx.em, {
    companyId: ctx.companyId, projectId: unit.projectId, unitId: unit.id, sourcePlugin: ctx.pluginId,
    sourceRef: `${ctx.serial}${ref}`, description: text, amountFen: fen, occurredAt: ctx.now, caseId: ctx.caseId,
  }, ctx.now);
}

/** POST /charges: a one-off fee item (e.g. debris removal) × quantity at the rate in force today. */
export async function postOneOffCharge(services: BillingServices, principal: Principal, input: { unitId: number; feeCode: string; quantity?: string; note?: string }) {
  await services.requirePermission(principal, 'billing.adjust');
  const quantity = input.quantity ?? '1';
  if (new MoneyDecimal(quantity).lte(0)) throw new ValidationError([{ pointer: '/quantity', code: 'exclusiveMinimum', message: 'must be greater than 0' }]);
  return services.orm.em.fork().transactional(async (em) => {
    const unit = await services.unitFor(principal, input.unitId, em);
    const config = await billingConfig(services, principal.companyId, unit.projectId, em);
    const item = Object.hasOwn(config.settings.feeItems, input.feeCode) ? config.settings.feeItems[input.feeCode] : undefined;
    if (!item || item.kind !== 'oneOff' || item.active === false) {
      throw new RuleRefusedError(`${input.feeCode} is not an active one-off fee item`, [{ pointer: '/feeCode', code: 'not-one-off', message: 'not an active one-off fee item of this company' }]);
    }
    const rate = rateInForce(item, config.today);
    const price = rate ? (rate.byUnitType && Object.hasOwn(rate.byUnitType, unit.unitType) ? rate.byUnitType[unit.unitType] : rate.price) : undefined;
    if (!rate || price === undefined) {
      throw new RuleRefusedError(`${input.feeCode} has no rate for ${unit.unitType} units on ${config.today}`, [{ pointer: '/feeCode', code: 'no-rate', message: `no rate for unit type ${unit.unitType}` }]);
    }
    const amount = roundMoney(new MoneyDecimal(price).times(quantity), config.settings.rounding.places, config.settings.rounding.mode);
    const amountFen = Number(toFen(roundMoney(amount, 2, config.settings.rounding.mode)));
    if (amountFen <= 0) throw new RuleRefusedError('the charge would be zero', [{ pointer: '/quantity', code: 'zero', message: 'the charge would be zero' }]);
    const now = services.now();
    const serial = await services.nextSerial(em, principal.companyId, `charge:${DateTime.fromJSDate(now, { zone: config.timezone }).year}`);
    const sourceRef = `${input.feeCode}-${DateTime.fromJSDate(now, { zone: config.timezone }).year}-${String(serial).padStart(6, '0')}`;
    const title = item.title['zh-CN'];
    const description = `${title} ${quantity} × ${price}${input.note ? `（${input.note}）` : ''}`;
    const { charge } = await postCharge(em, {
      companyId: principal.companyId, projectId: unit.projectId, unitId: unit.id, sourcePlugin: 'billing', sourceRef, description, amountFen, occurredAt: now,
    }, now);
    services.audit(em, { companyId: principal.companyId, actorId: principal.staffId, action: 'charge', target: `billing_charge:${charge.id}`, data: { feeCode: input.feeCode, quantity, amount: yuan(amountFen), unitId: unit.id, rateFrom: rate.from } });
    await em.flush();
    return chargeView(charge);
  });
}

export function chargeView(charge: Charge) {
  return {
    id: charge.id, unitId: charge.unitId, sourcePlugin: charge.sourcePlugin, sourceRef: charge.sourceRef, description: charge.description,
    amount: yuan(charge.amountFen), occurredAt: charge.occurredAt.toISOString(), billId: charge.billId ?? null,
  };
}
