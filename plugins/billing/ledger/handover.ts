/**
 * Handover (交房 / 入伙): what a new owner pays at the counter on the day they take the unit.
 *
 * Charges for the days before the handover date are not the new owner's. Under
 * `settings.handover.beforeHandover = "developer"` (the default) the unit's open bills of periods
 * that ended before the handover date move to the developer (bill status `developer`, a ledger
 * entry `developerTransfer` taking them off the unit's receivable), and the bill of the period the
 * handover falls in is split by days: the developer's days are transferred the same way, the owner
 * keeps the rest. Under `"owner"` nothing moves. What is due now is the owner's part of the open
 * bills plus the move-in items the case lists (e.g. intake's card and handbook fees).
 *
 * Two effects use it: `billing.quoteHandover` writes the quote on the case so the cashier's form
 * shows the items and total before anything is taken; `billing.collectHandover` (the cashier's
 * step) recomputes it as of that moment, moves the developer's part, bills the move-in items on a
 * bill of their own, takes the payment of everything due now and writes the receipt's figures on
 * the case — all in the transition's transaction.
 */
import type { EntityManager } from '@mikro-orm/core';
import { DateTime } from 'luxon';
import { MoneyDecimal, RuleRefusedError, Staff, parseMoney, roundMoney, toFen, type EffectContext } from '../../../core/plugin-api.js';
import { Bill, BillLine, LedgerEntry, Payment } from '../db/entities.js';
import { periodLabel } from '../domain/period-label.js';
import type { BillingSettings } from '../generated/settings.js';
import { lateFeeOwed, principalOwed } from './allocation.js';
import { yuan } from './amounts.js';
import { localDate } from './dates.js';
import { owedOn } from './notices.js';
import { PAYMENT_METHODS, nextReceiptNo, type PaymentMethod } from './payments.js';
import { rmbCapital } from './rmb-capital.js';
import { applySettlement, openBills, planSettlement } from './settle.js';
import { lockUnitLedger } from './unit-lock.js';
import { outstandingFen } from './views.js';
import type { BillingServices } from './settings.js';

export interface MoveInItem { title: string; amount: string }

interface DeveloperPart { bill: Bill; lateFeeFen: number; principalFen: number; whole: boolean; from: string; to: string }
interface OwnerPart { bill: Bill; from: string; amountFen: number }

export interface HandoverPlan {
  handoverOn: string;
  developer: DeveloperPart[];
  owner: OwnerPart[];
}

const day = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' });
const days = (from: string, toInclusive: string) => Math.round(day(toInclusive).diff(day(from), 'days').days) + 1;
const dayBefore = (iso: string) => day(iso).minus({ days: 1 }).toFormat('yyyy-MM-dd');

/** Splits the unit's open bills between the developer and the owner at the handover date. */
export function planHandover(bills: Bill[], handoverOn: string, today: string, settings: BillingSettings): HandoverPlan {
  const plan: HandoverPlan = { handoverOn, developer: [], owner: [] };
  for (const bill of bills) {
    const open = bill;
    if (settings.handover.beforeHandover === 'owner' || bill.periodStart >= handoverOn) {
      plan.owner.push({ bill, from: bill.periodStart, amountFen: owedOn(bill, today, settings) });
      continue;
    }
    if (bill.periodEnd < handoverOn) {
      plan.developer.push({ bill, lateFeeFen: Math.max(0, lateFeeOwed(open)), principalFen: Math.max(0, principalOwed(open)), whole: true, from: bill.periodStart, to: bill.periodEnd });
      continue;
    }
    // the period the handover falls in: the owner's days from the handover date, rounded like a fee line
    const ownerShare = Number(toFen(roundMoney(new MoneyDecimal(bill.principalFen).dividedBy(100).times(days(handoverOn, bill.periodEnd)).dividedBy(days(bill.periodStart, bill.periodEnd)), settings.rounding.places, settings.rounding.mode)));
    const developerPrincipal = Math.max(0, Math.min(principalOwed(open), bill.principalFen - ownerShare - bill.principalPaidFen));
    plan.developer.push({ bill, lateFeeFen: Math.max(0, lateFeeOwed(open)), principalFen: developerPrincipal, whole: false, from: bill.periodStart, to: dayBefore(handoverOn) });
    plan.owner.push({ bill, from: handoverOn, amountFen: outstandingFen(bill) - Math.max(0, lateFeeOwed(open)) - developerPrincipal });
  }
  return plan;
}

async function itemsOfBills(em: EntityManager, companyId: number, bills: Bill[]): Promise<Map<number, string>> {
  const lines = bills.length ? await em.find(BillLine, { billId: { $in: bills.map((b) => b.id) }, companyId }, { orderBy: { id: 'asc' } }) : [];
  const out = new Map<number, string>();
  for (const b of bills) out.set(b.id, [...new Set(lines.filter((l) => l.billId === b.id).map((l) => l.description))].join('、'));
  return out;
}

/** what billing's effects receive: `ctx.settings` are billing's settings, typed */
type BillingEffect = EffectContext<BillingSettings>;


function moveInItems(ctx: BillingEffect): MoveInItem[] {
  const field = typeof ctx.params.itemsField === 'string' ? ctx.params.itemsField : null;
  const rows = field && Array.isArray(ctx.data[field]) ? (ctx.data[field] as Record<string, unknown>[]) : [];
  return rows.map((r) => ({ title: String(r.title ?? ''), amount: String(r.amount ?? '0') })).filter((r) => r.title && Number(r.amount) > 0);
}

function handoverDateOf(ctx: BillingEffect): string {
  const field = typeof ctx.params.handoverField === 'string' ? ctx.params.handoverField : null;
  const given = field ? ctx.data[field] : undefined;
  return typeof given === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(given) ? given : localDate(ctx.now, ctx.calendar.timezone);
}

/** The quote the cashier's form shows: one row per fee item and period due now, and the total. */
async function quote(ctx: BillingEffect) {
  if (ctx.unitId == null) throw new RuleRefusedError('a move-in needs the unit', [{ pointer: '/unitId', code: 'required', message: '须登记栋房号' }]);
  const settings = ctx.settings;
  const today = localDate(ctx.now, ctx.calendar.timezone);
  const handoverOn = handoverDateOf(ctx);
  const bills = await openBills(ctx.em, ctx.companyId, ctx.unitId);
  const plan = planHandover(bills, handoverOn, today, settings);
  const titles = await itemsOfBills(ctx.em, ctx.companyId, bills);
  const rows = [
    ...plan.owner.filter((o) => o.amountFen > 0).map((o) => ({ title: titles.get(o.bill.id) || '物业服务费', period: `${periodLabel(o.bill.periodKey)}（${o.from} 至 ${o.bill.periodEnd}）`, amount: yuan(o.amountFen) })),
    ...moveInItems(ctx).map((i) => ({ title: i.title, period: '入伙时一次性收取', amount: yuan(Number(toFen(parseMoney(i.amount)))) })),
  ];
  const developerFen = plan.developer.reduce((s, d) => s + d.lateFeeFen + d.principalFen, 0);
  const totalFen = rows.reduce((s, r) => s + Number(toFen(parseMoney(r.amount))), 0);
  return { plan, rows, totalFen, developerFen, today, handoverOn };
}

/** Effect `billing.quoteHandover {itemsField, outField, handoverField?}`: writes {handoverOn, items, total, developer} on the case. */
export async function quoteHandoverEffect(ctx: BillingEffect): Promise<void> {
  const q = await quote(ctx);
  const out = typeof ctx.params.outField === 'string' ? ctx.params.outField : 'dueNow';
  ctx.data[out] = { asOf: q.today, handoverOn: q.handoverOn, items: q.rows, total: yuan(q.totalFen), developer: yuan(q.developerFen) };
}

let servicesRef: BillingServices | null = null;
/** Billing's services, captured when its routes are registered (effects get none; the receipt number needs them). */
export function rememberServices(services: BillingServices): void {
  servicesRef = services;
}

const METHOD_TITLES: Record<PaymentMethod, string> = { cash: '现金', transfer: '转账', pos: 'POS刷卡', online: '线上支付' };

/**
 * Effect `billing.collectHandover {itemsField, methodField, referenceField?, payerField?, receiptField, linesField?, totalField?, handoverField?}`.
 * Moves the developer's part, bills the move-in items (a bill of their own, numbered after the case),
 * takes one payment of everything due now and writes the receipt's figures on the case
 * (`receiptField`: receipt number, date, items with periods, amount in figures and words, method,
 * payer, cashier, the receipt's payment id for billing's own print).
 */
export async function collectHandoverEffect(ctx: BillingEffect): Promise<void> {
  const services = servicesRef;
  if (!services) throw new Error('billing.collectHandover: billing routes are not registered');
  const settings = ctx.settings;
  const method = String(ctx.data[String(ctx.params.methodField ?? 'paymentMethod')] ?? '') as PaymentMethod;
  if (!PAYMENT_METHODS.includes(method)) throw new RuleRefusedError('choose how the fees are paid', [{ pointer: `/data/${String(ctx.params.methodField ?? 'paymentMethod')}`, code: 'required', message: '请选择付款方式' }]);
  const unitId = ctx.unitId!;
  const em = ctx.em;
  await lockUnitLedger(em, services.dialect, ctx.companyId, unitId);
  const q = await quote(ctx);
  const base = { companyId: ctx.companyId, projectId: ctx.projectId, unitId, actorId: ctx.actor.staffId || null, occurredAt: ctx.now };

  // 1. the developer's part leaves the owner's account
  for (const d of q.plan.developer) {
    const fen = d.lateFeeFen + d.principalFen;
    const b = d.bill;
    if (fen <= 0 && d.whole) continue;
    // the period the handover falls in: no late fee for days before it is the owner's, so its
    // late fees are counted as assessed up to today (later days accrue on the owner's part only)
    const through = d.whole ? (b.lateFeeThrough ?? null) : (b.lateFeeThrough && b.lateFeeThrough > q.today ? b.lateFeeThrough : q.today);
    const claimed = await em.nativeUpdate(Bill, { id: b.id, companyId: ctx.companyId, status: 'open', paidFen: b.paidFen, lateFeeFen: b.lateFeeFen }, {
      paidFen: b.paidFen + fen, principalPaidFen: b.principalPaidFen + d.principalFen, lateFeeThrough: through, ...(d.whole ? { status: 'developer', paidAt: ctx.now } : {}),
    });
    if (claimed === 0) throw new RuleRefusedError(`bill ${b.number} changed meanwhile; please retry`, [{ pointer: '/unitId', code: 'conflict', message: '账单已变化，请重试' }]);
    if (fen > 0) em.create(LedgerEntry, { ...base, account: 'receivable', kind: 'developerTransfer', amountFen: -fen, billId: b.id, description: `${periodLabel(b.periodKey)} 交房前费用（${d.from} 至 ${d.to}）由开发商承担` });
  }
  await em.flush();

  // 2. the move-in items on a bill of their own, due today
  const items = moveInItems(ctx);
  if (items.length) {
    const principalFen = items.reduce((s, i) => s + Number(toFen(parseMoney(i.amount))), 0);
    const bill = em.create(Bill, {
      companyId: ctx.companyId, projectId: ctx.projectId, unitId, number: ctx.serial, periodKey: `入伙 ${q.today}`, periodStart: q.today, periodEnd: q.today,
      noticeOn: q.today, dueOn: q.today, reminderOn: q.today, reminderDueOn: q.today, finalNoticeOn: q.today, finalDueOn: q.today,
      principalFen, lateFeeFen: 0, lateFeeThrough: null, paidFen: 0, principalPaidFen: 0, status: 'open', configVersionId: ctx.configVersionId ?? 0, runId: null, createdAt: ctx.now, paidAt: null,
    });
    await em.flush();
    for (const i of items) {
      em.create(BillLine, { companyId: ctx.companyId, billId: bill.id, feeCode: 'moveIn', kind: 'oneOff', description: i.title.slice(0, 200), quantity: '1', unitPrice: i.amount, factor: '1', amountFen: Number(toFen(parseMoney(i.amount))), rateFrom: null, source: ctx.serial, chargeId: null });
    }
    em.create(LedgerEntry, { ...base, account: 'receivable', kind: 'charge', amountFen: principalFen, billId: bill.id, description: `入伙费用 ${ctx.serial}` });
    await em.flush();
  }

  // 3. one payment of everything due now, settled like any payment (oldest first)
  const bills = await openBills(em, ctx.companyId, unitId);
  const settlement = planSettlement(bills, Number.MAX_SAFE_INTEGER, q.today, settings.lateFee);
  const amountFen = settlement.outstandingFen;
  const receiptField = String(ctx.params.receiptField ?? 'feeReceipt');
  if (amountFen <= 0) {
    delete ctx.data[receiptField];
    return;
  }
  const plan = planSettlement(bills, amountFen, q.today, settings.lateFee);
  await applySettlement(em, plan, { companyId: ctx.companyId, projectId: ctx.projectId, unitId, now: ctx.now, actorId: ctx.actor.staffId || null });
  const receiptNo = await nextReceiptNo(services, em, ctx.companyId, settings.receiptPrefix, ctx.now, ctx.calendar.timezone);
  const payerField = typeof ctx.params.payerField === 'string' ? ctx.params.payerField : null;
  const payerName = payerField && typeof ctx.data[payerField] === 'string' ? String(ctx.data[payerField]).slice(0, 100) : null;
  const reference = typeof ctx.params.referenceField === 'string' && typeof ctx.data[ctx.params.referenceField] === 'string' ? String(ctx.data[ctx.params.referenceField]).slice(0, 64) : null;
  const payment = em.create(Payment, {
    companyId: ctx.companyId, projectId: ctx.projectId, unitId, receiptNo, method, amountFen, reference, payerName, receivedAt: ctx.now,
    cashierId: ctx.actor.staffId, allocations: plan.allocations, creditFen: 0, closingId: null, createdAt: ctx.now,
  });
  await em.flush();
  const byId = new Map(bills.map((b) => [b.id, b]));
  for (const a of plan.allocations) {
    em.create(LedgerEntry, { ...base, account: 'receivable', kind: 'payment', amountFen: -(a.lateFeeFen + a.principalFen), billId: a.billId, paymentId: payment.id, method, description: `收款 ${periodLabel(byId.get(a.billId)!.periodKey)}（收据 ${receiptNo}）` });
  }
  await em.flush();
  const cashier = ctx.actor.staffId ? await em.findOne(Staff, { id: ctx.actor.staffId, companyId: ctx.companyId }) : null;
  const titles = await itemsOfBills(em, ctx.companyId, bills);
  ctx.data[receiptField] = {
    paymentId: payment.id, receiptNo, receivedOn: q.today, amount: yuan(amountFen), amountInWords: rmbCapital(amountFen), method: METHOD_TITLES[method], payerName: payerName ?? '', cashierName: cashier?.name ?? '',
    lines: plan.allocations.flatMap((a) => {
      const b = byId.get(a.billId)!;
      // the move-in items were billed together and are paid in full: one line each on the receipt
      if (b.number === ctx.serial) return items.map((i) => ({ title: i.title, period: '入伙时一次性收取', amount: yuan(Number(toFen(parseMoney(i.amount)))) }));
      const from = q.plan.owner.find((o) => o.bill.id === b.id)?.from ?? b.periodStart;
      return [{ title: titles.get(b.id) ?? '', period: `${periodLabel(b.periodKey)}（${from} 至 ${b.periodEnd}）`, amount: yuan(a.lateFeeFen + a.principalFen) }];
    }),
    copies: settings.receiptCopies.map((c) => c['zh-CN']),
  };
  // what was actually taken, over the quote the form showed
  const receipt = ctx.data[receiptField] as { lines: unknown[]; amount: string };
  if (typeof ctx.params.linesField === 'string') ctx.data[ctx.params.linesField] = receipt.lines;
  if (typeof ctx.params.totalField === 'string') ctx.data[ctx.params.totalField] = receipt.amount;
  services.audit(em, { companyId: ctx.companyId, actorId: ctx.actor.staffId, action: 'payment', target: `billing_payment:${payment.id}`, data: { receiptNo, amount: yuan(amountFen), unitId, handover: q.handoverOn, developer: yuan(q.developerFen) } });
}
