/**
 * Notices issued at the counter (on demand) instead of waiting for the hourly job: a cashier hands
 * a due 催款通知书 to the resident, or prints a batch for the arrears list. A notice may be issued
 * once its date has come (the same rule as the job: the payment notice from noticeOn, a reminder or
 * final notice from its date while the bill is open); issuing is idempotent with the job through
 * the unique (bill, kind) index — whoever comes first writes the row, the other finds it.
 *
 * Batches print every selected notice on one page set (one notice per sheet).
 */
import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/core';
import { NotFoundError, RuleRefusedError, type FieldIssue, type Principal } from '../../../core/plugin-api.js';
import { Bill, Notice } from '../db/entities.js';
import { periodLabel } from '../domain/period-label.js';
import { owedOn, renderNotice, type NoticeKind } from './notices.js';
import { billingConfig } from './settings.js';
import { queueNoticeMessages } from './notice-messages.js';
import type { BillingServices } from './settings.js';

const KIND_TITLE: Record<NoticeKind, string> = { payment: '付款通知书', reminder: '催款通知书', final: '最后缴款通知书' };

/** The day a notice of this kind may be issued from. */
export function issuableFrom(bill: Bill, kind: NoticeKind): string {
  return kind === 'payment' ? bill.noticeOn : kind === 'reminder' ? bill.reminderOn : bill.finalNoticeOn;
}

function dueOnFor(bill: Bill, kind: NoticeKind): string {
  return kind === 'payment' ? bill.dueOn : kind === 'reminder' ? bill.reminderDueOn : bill.finalDueOn;
}

/** Why a bill's notice cannot be issued today, or null when it can. */
function refusal(bill: Bill, kind: NoticeKind, today: string): string | null {
  if (kind !== 'payment' && bill.status !== 'open') return `${periodLabel(bill.periodKey)}账单已缴清，无需发出${KIND_TITLE[kind]}`;
  const from = issuableFrom(bill, kind);
  if (from > today) return `${periodLabel(bill.periodKey)}的${KIND_TITLE[kind]}自 ${from} 起方可发出`;
  return null;
}

export interface IssuedNotice { billId: number; unitId: number; kind: NoticeKind; issuedOn: string; amount: number; newlyIssued: boolean }

/**
 * Issues the notice of `kind` for each bill (ids of the caller's company in projects they see); a
 * bill whose notice is not due, or that is paid, refuses the whole request (422 naming
 * /billIds/<i>, or what `pointerOf` says) and nothing is written. Already issued notices are returned as they are.
 */
export async function issueNoticesNow(services: BillingServices, principal: Principal, kind: NoticeKind, billIds: number[], pointerOf: (index: number) => string = (i) => `/billIds/${i}`): Promise<IssuedNotice[]> {
  await services.requirePermission(principal, 'billing.collect');
  const attempt = () => services.orm.em.fork().transactional(async (em) => {
    const bills = await em.find(Bill, { id: { $in: billIds }, companyId: principal.companyId });
    const byId = new Map(bills.map((b) => [b.id, b]));
    const issues: FieldIssue[] = [];
    if (billIds.some((id) => !byId.has(id))) throw new NotFoundError('bill');
    for (const bill of bills) await services.unitFor(principal, bill.unitId, em); // 404 outside the caller's projects
    const settings = new Map<number, Awaited<ReturnType<typeof billingConfig>>>();
    for (const projectId of new Set(bills.map((b) => b.projectId))) settings.set(projectId, await billingConfig(services, principal.companyId, projectId, em));
    billIds.forEach((id, i) => {
      const bill = byId.get(id)!;
      const why = refusal(bill, kind, settings.get(bill.projectId)!.today);
      if (why) issues.push({ pointer: pointerOf(i), code: 'notice-not-due', message: why });
    });
    if (issues.length > 0) throw new RuleRefusedError(issues.map((i) => i.message).join('；'), issues);
    const existing = new Map((await em.find(Notice, { billId: { $in: billIds }, companyId: principal.companyId, kind })).map((n) => [n.billId, n]));
    const out: IssuedNotice[] = [];
    for (const id of [...new Set(billIds)]) {
      const bill = byId.get(id)!;
      const found = existing.get(id);
      if (found) {
        out.push({ billId: id, unitId: bill.unitId, kind, issuedOn: found.issuedOn, amount: found.amountFen, newlyIssued: false });
        continue;
      }
      const config = settings.get(bill.projectId)!;
      const amountFen = owedOn(bill, config.today, config.settings);
      em.create(Notice, { companyId: principal.companyId, billId: id, unitId: bill.unitId, kind, issuedOn: config.today, dueOn: dueOnFor(bill, kind), amountFen, createdAt: services.now() });
      out.push({ billId: id, unitId: bill.unitId, kind, issuedOn: config.today, amount: amountFen, newlyIssued: true });
    }
    await em.flush();
    const fresh = out.filter((n) => n.newlyIssued);
    await queueNoticeMessages(services, em, principal.companyId, fresh.map((n) => ({ bill: byId.get(n.billId)!, kind, amountFen: n.amount, dueOn: dueOnFor(byId.get(n.billId)!, kind) })));
    if (fresh.length) services.audit(em, { companyId: principal.companyId, actorId: principal.staffId, action: 'notice.issue', target: `billing_notice:${kind}`, data: { kind, billIds: fresh.map((n) => n.billId) } });
    await em.flush();
    return out;
  });
  try {
    return await attempt();
  } catch (err) {
    // the job (or another clerk) issued one of them meanwhile: the unique index decided; read it back
    if (err instanceof UniqueConstraintViolationException) return attempt();
    throw err;
  }
}

/** The open bills of these units whose notice of `kind` is due today (for the arrears list's batch). */
export async function dueBillsOfUnits(services: BillingServices, principal: Principal, kind: NoticeKind, unitIds: number[], em: EntityManager): Promise<number[]> {
  for (const unitId of unitIds) await services.unitFor(principal, unitId, em);
  const bills = await em.find(Bill, { companyId: principal.companyId, unitId: { $in: unitIds }, status: 'open' }, { orderBy: { unitId: 'asc', periodStart: 'asc', id: 'asc' } });
  const ids: number[] = [];
  for (const bill of bills) {
    const config = await billingConfig(services, principal.companyId, bill.projectId, em);
    if (refusal(bill, kind, config.today) === null) ids.push(bill.id);
  }
  return ids;
}

/** Several notices as one printable page set, one notice per sheet. */
export async function renderNoticeBatch(services: BillingServices, principal: Principal, kind: NoticeKind, billIds: number[]): Promise<string> {
  const em = services.orm.em.fork();
  const pages: string[] = [];
  for (const id of billIds) pages.push(await renderNotice(services, principal, id, kind, em));
  return combinePages(pages);
}

/** Joins print pages: the first page's head, every page's body, a page break between them. */
export function combinePages(pages: string[]): string {
  if (pages.length <= 1) return pages[0] ?? '';
  const bodyOf = (page: string) => {
    const start = page.indexOf('<body>');
    const end = page.lastIndexOf('</body>');
    return start >= 0 && end > start ? page.slice(start + '<body>'.length, end) : page;
  };
  const first = pages[0]!;
  const head = first.slice(0, first.indexOf('<body>') + '<body>'.length);
  return `${head}${pages.map(bodyOf).join('<div class="page-break"></div>')}</body></html>`;
}
