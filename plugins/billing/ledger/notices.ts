/**
 * Notices (通知书) of a bill, issued on their dates by the `notices` job: the payment notice
 * (付款通知书) on noticeOn for every bill; the reminder (催款通知书) on or after reminderOn and the
 * final notice (最后缴款通知书) on or after finalNoticeOn for bills still outstanding. One row per
 * (bill, kind) — the unique index makes issuing idempotent — with the amount outstanding that day,
 * late fees accrued to that day included (shown, not yet recorded: they are recorded when money
 * settles the bill).
 *
 * Printing: the payment notice can be printed any time (before it is issued it shows the bill's
 * notice date and what is outstanding now); a reminder or final notice only once issued (404 before).
 */
import type { EntityManager } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { NotFoundError, Unit, type Principal } from '../../../core/plugin-api.js';
import { Bill, BillLine, Notice } from '../db/entities.js';
import { assessLateFee, lateFeeStart } from '../domain/late-fee.js';
import type { BillingSettings } from '../generated/settings.js';
import { periodLabel } from '../domain/period-label.js';
import { yuan } from './amounts.js';
import { termText, perMille } from './notice-terms.js';
import { rmbCapital } from './rmb-capital.js';
import { billingConfig } from './settings.js';
import { queueNoticeMessages } from './notice-messages.js';
import { outstandingFen, unitContext, unitLabel } from './views.js';
import type { BillingServices } from './settings.js';

export type NoticeKind = 'payment' | 'reminder' | 'final';
export const NOTICE_KINDS: NoticeKind[] = ['payment', 'reminder', 'final'];
const TEMPLATE: Record<NoticeKind, string> = { payment: 'payment-notice', reminder: 'reminder-notice', final: 'final-notice' };

/** What a bill would owe on `asOf`: outstanding plus late fees accrued but not yet recorded. */
export function owedOn(bill: Bill, asOf: string, settings: BillingSettings): number {
  const accrued = assessLateFee({ ...bill, lateFeeThrough: bill.lateFeeThrough ?? null }, asOf, settings.lateFee);
  return outstandingFen(bill) + (accrued?.addFen ?? 0);
}

function dueOnFor(bill: Bill, kind: NoticeKind): string {
  return kind === 'payment' ? bill.dueOn : kind === 'reminder' ? bill.reminderDueOn : bill.finalDueOn;
}

const CANDIDATES: Record<NoticeKind, string> = {
  // payment notices for periods not over yet; reminders and final notices while a bill is open
  payment: 'b.notice_on <= ? and b.period_end >= ?',
  reminder: "b.status = 'open' and b.reminder_on <= ?",
  final: "b.status = 'open' and b.final_notice_on <= ?",
};

async function candidateIds(em: EntityManager, companyId: number, kind: NoticeKind, asOf: string): Promise<number[]> {
  const params = kind === 'payment' ? [companyId, asOf, asOf, kind] : [companyId, asOf, kind];
  const rows: { id: unknown }[] = await em.getConnection().execute(
    `select b.id from billing_bill b where b.company_id = ? and ${CANDIDATES[kind]} and not exists (select 1 from billing_notice n where n.bill_id = b.id and n.kind = ?) order by b.id`,
    params, 'all', em.getTransactionContext(),
  );
  return rows.map((r) => Number(r.id));
}

const CHUNK = 500;

/** Issues every notice due by `asOf` for a company; returns how many were issued. */
export async function issueNotices(services: BillingServices, companyId: number, asOf: string, now: Date, settingsFor: (projectId: number) => Promise<BillingSettings>): Promise<number> {
  let issued = 0;
  for (const kind of NOTICE_KINDS) {
    const ids = await candidateIds(services.orm.em.fork(), companyId, kind, asOf);
    for (let i = 0; i < ids.length; i += CHUNK) {
      const bills = await services.orm.em.fork().find(Bill, { id: { $in: ids.slice(i, i + CHUNK) }, companyId });
      // settings are resolved before the transaction: on SQLite a second connection would wait for it
      const settings = new Map<number, BillingSettings>();
      for (const projectId of new Set(bills.map((b) => b.projectId))) settings.set(projectId, await settingsFor(projectId));
      if (bills.length === 0) continue;
      // another instance's job may issue some of these meanwhile: its notices stand and are skipped
      // here (one per bill and kind by the unique index), instead of failing the whole chunk
      const rows = bills.map((bill) => ({ companyId, billId: bill.id, unitId: bill.unitId, kind, issuedOn: asOf, dueOn: dueOnFor(bill, kind), amountFen: owedOn(bill, asOf, settings.get(bill.projectId)!), createdAt: now }));
      // the notices and their messages commit together; a notice the other instance wrote has its
      // message under the same dedupe key, so queueing for the whole chunk adds nothing twice
      issued += await services.orm.em.fork().transactional(async (em) => {
        const result = await (em as SqlEntityManager).createQueryBuilder(Notice).insert(rows).onConflict(['billId', 'kind']).ignore().execute('run');
        await queueNoticeMessages(services, em, companyId, bills.map((bill, i) => ({ bill, kind, amountFen: rows[i]!.amountFen, dueOn: rows[i]!.dueOn })));
        return result.affectedRows;
      });
    }
  }
  return issued;
}

/** A bill of the caller's company in a project they may see, else 404. */
export async function billFor(services: BillingServices, principal: Principal, id: number, em: EntityManager): Promise<Bill> {
  const bill = await em.findOne(Bill, { id, companyId: principal.companyId });
  if (!bill) throw new NotFoundError('bill');
  await services.unitFor(principal, bill.unitId, em);
  return bill;
}

export async function renderNotice(services: BillingServices, principal: Principal, billId: number, kind: NoticeKind, em: EntityManager): Promise<string> {
  await services.requirePermission(principal, 'billing.view');
  const bill = await billFor(services, principal, billId, em);
  const config = await billingConfig(services, bill.companyId, bill.projectId, em);
  const settings = config.settings;
  const issued = await em.findOne(Notice, { billId: bill.id, companyId: bill.companyId, kind });
  if (!issued && kind !== 'payment') throw new NotFoundError(`${kind} notice of bill ${bill.number} (not issued yet)`);
  const amountFen = issued ? issued.amountFen : owedOn(bill, config.today, settings);
  const unit = (await em.findOne(Unit, { id: bill.unitId, companyId: bill.companyId }))!;
  const [ctx, lines] = await Promise.all([
    unitContext(em, bill.companyId, unit),
    em.find(BillLine, { billId: bill.id, companyId: bill.companyId }, { orderBy: { id: 'asc' } }),
  ]);
  const cycle = settings.cycles[settings.cycle];
  const language = config.view.documentLanguage;
  const context = {
    company: { name: ctx.company?.name ?? '', code: ctx.company?.code ?? '' },
    project: { name: ctx.project?.name ?? '', code: ctx.project?.code ?? '' },
    now: services.now().toISOString(),
    bill: {
      number: bill.number, periodKey: bill.periodKey, periodLabel: periodLabel(bill.periodKey), periodStart: bill.periodStart, periodEnd: bill.periodEnd, noticeOn: bill.noticeOn, dueOn: bill.dueOn,
      reminderOn: bill.reminderOn, reminderDueOn: bill.reminderDueOn, finalNoticeOn: bill.finalNoticeOn, finalDueOn: bill.finalDueOn,
      principal: yuan(bill.principalFen), lateFee: yuan(bill.lateFeeFen), paid: yuan(bill.paidFen), outstanding: yuan(outstandingFen(bill)),
    },
    lines: lines.map((l) => ({ description: l.description, feeCode: l.feeCode, quantity: l.quantity, unitPrice: l.unitPrice, factor: l.factor, amount: yuan(l.amountFen), source: l.source ?? '' })),
    unit: { number: unit.number, area: unit.area, label: unitLabel(ctx.building, unit) },
    building: { name: ctx.building?.name ?? '' },
    owner: { name: ctx.owner?.name ?? '', phone: ctx.owner?.phone ?? '' },
    notice: {
      kind, issued: Boolean(issued), issuedOn: issued ? issued.issuedOn : bill.noticeOn, dueOn: issued ? issued.dueOn : bill.dueOn,
      amount: yuan(amountFen), amountInWords: rmbCapital(amountFen),
      paymentTerm: termText(cycle.paymentTerm, language), reminderTerm: termText(cycle.reminder.term, language), finalTerm: termText(cycle.finalNotice.term, language),
      lateFeeEnabled: settings.lateFee.enabled, lateFeePerMille: perMille(settings.lateFee.ratePerDay), lateFeeFrom: lateFeeStart(bill, settings.lateFee),
    },
  };
  return config.view.render(TEMPLATE[kind], context);
}
