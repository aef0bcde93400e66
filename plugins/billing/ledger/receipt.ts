/**
 * The printed receipt (收款收据) of a payment: number, unit, payer, the fee items and months each
 * bill it settled was for, amount in figures and in 大写, the cashier and the payee's seal box —
 * printed once per copy (联次) the settings name.
 */
import type { EntityManager } from '@mikro-orm/core';
import { Staff, Unit, type Principal } from '../../../core/plugin-api.js';
import { BillLine } from '../db/entities.js';
import { periodLabel } from '../domain/period-label.js';
import { yuan } from './amounts.js';
import { billsOfPayment, paymentFor } from './payments.js';
import { rmbCapital } from './rmb-capital.js';
import { billingConfig } from './settings.js';
import { unitContext } from './views.js';
import type { BillingServices } from './settings.js';

const METHOD_TITLES: Record<string, { 'zh-CN': string; en: string }> = {
  cash: { 'zh-CN': '现金', en: 'Cash' },
  transfer: { 'zh-CN': '转账', en: 'Bank transfer' },
  pos: { 'zh-CN': 'POS刷卡', en: 'POS' },
  online: { 'zh-CN': '线上支付', en: 'Online' },
};

export async function renderReceipt(services: BillingServices, principal: Principal, paymentId: number, em: EntityManager): Promise<string> {
  await services.requirePermission(principal, 'billing.view');
  const payment = await paymentFor(services, principal, paymentId, em);
  const unit = (await em.findOne(Unit, { id: payment.unitId, companyId: payment.companyId }))!;
  const [ctx, bills, cashier, config] = await Promise.all([
    unitContext(em, payment.companyId, unit),
    billsOfPayment(em, payment),
    em.findOne(Staff, { id: payment.cashierId, companyId: payment.companyId }),
    billingConfig(services, payment.companyId, payment.projectId, em),
  ]);
  const lines = bills.size ? await em.find(BillLine, { billId: { $in: [...bills.keys()] }, companyId: payment.companyId }, { orderBy: { id: 'asc' } }) : [];
  const itemsOf = (billId: number) => [...new Set(lines.filter((l) => l.billId === billId).map((l) => l.description))].join('、');
  const language = config.view.documentLanguage;
  const context = {
    company: { name: ctx.company?.name ?? '', code: ctx.company?.code ?? '' },
    project: { name: ctx.project?.name ?? '', code: ctx.project?.code ?? '' },
    now: services.now().toISOString(),
    payment: {
      receiptNo: payment.receiptNo, amount: yuan(payment.amountFen), amountInWords: rmbCapital(payment.amountFen), method: payment.method,
      methodTitle: METHOD_TITLES[payment.method], reference: payment.reference ?? '', payerName: payment.payerName ?? ctx.owner?.name ?? '',
      receivedAt: payment.receivedAt.toISOString(), credit: payment.creditFen > 0 ? yuan(payment.creditFen) : null,
    },
    allocations: payment.allocations.map((a) => {
      const bill = bills.get(a.billId);
      return {
        billNumber: bill?.number ?? '', periodKey: bill?.periodKey ?? '', periodLabel: bill ? periodLabel(bill.periodKey) : '',
        periodStart: bill?.periodStart ?? '', periodEnd: bill?.periodEnd ?? '', items: itemsOf(a.billId),
        lateFee: yuan(a.lateFeeFen), principal: yuan(a.principalFen), total: yuan(a.lateFeeFen + a.principalFen),
      };
    }),
    copies: config.settings.receiptCopies.map((c) => (language === 'en' ? (c.en ?? c['zh-CN']) : c['zh-CN'])),
    unit: { number: unit.number, area: unit.area },
    building: { name: ctx.building?.name ?? '' },
    owner: { name: ctx.owner?.name ?? '', phone: ctx.owner?.phone ?? '' },
    cashier: { name: cashier?.name ?? '' },
  };
  return config.view.render('receipt', context);
}
