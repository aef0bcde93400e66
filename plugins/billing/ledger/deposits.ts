/**
 * Deposits (押金) held for a unit: received, deducted with a reason (never more than held), topped
 * up, and refunded only after a refund request is approved by someone holding
 * billing.approveRefund who is not the requester. Every change claims the deposit's `version`
 * (a stale one is 409) and writes a ledger entry on the unit's deposit account.
 */
import type { EntityManager } from '@mikro-orm/core';
import { ForbiddenError, NotFoundError, RuleRefusedError, StaleVersionError, type Principal } from '../../../core/plugin-api.js';
import { Deposit, LedgerEntry } from '../db/entities.js';
import { positiveFen, yuan } from './amounts.js';
import { decodeCursor, page } from './keyset.js';
import type { PaymentMethod } from './payments.js';
import { lockUnitLedger } from './unit-lock.js';
import { billingConfig, type BillingServices } from './settings.js';
import type { BillingSettings } from '../generated/settings.js';

type PurposeTitles = BillingSettings['depositPurposes'];

/**
 * A deposit's purpose as people read it: a procedure names it by code (renovation) and the settings'
 * `depositPurposes` give its name (装修押金); a purpose typed at the cashier reads as typed.
 */
export function purposeTitle(purpose: string, titles: PurposeTitles | undefined, language: 'zh-CN' | 'en' = 'zh-CN'): string {
  const title = titles && Object.prototype.hasOwnProperty.call(titles, purpose) ? titles[purpose]!.title : undefined;
  return (language === 'en' ? title?.en : undefined) ?? title?.['zh-CN'] ?? purpose;
}

export function depositView(d: Deposit, titles?: PurposeTitles) {
  return {
    id: d.id, unitId: d.unitId, projectId: d.projectId, purpose: d.purpose, purposeTitle: purposeTitle(d.purpose, titles), held: yuan(d.heldFen), status: d.status, version: d.version,
    refundRequestedBy: d.refundRequestedBy ?? null, refundApprovedBy: d.refundApprovedBy ?? null, createdAt: d.createdAt.toISOString(), updatedAt: d.updatedAt.toISOString(),
  };
}

async function depositFor(services: BillingServices, principal: Principal, id: number, em: EntityManager): Promise<Deposit> {
  const deposit = await em.findOne(Deposit, { id, companyId: principal.companyId });
  if (!deposit) throw new NotFoundError('deposit');
  await services.unitFor(principal, deposit.unitId, em);
  return deposit;
}

function refused(pointer: string, message: string): RuleRefusedError {
  return new RuleRefusedError(message, [{ pointer, code: 'deposit-state', message }]);
}

/**
 * Runs one change of a deposit: loads it (404 outside the caller's scope), checks the version,
 * lets `change` decide the new values and ledger entry, then claims the version in the database.
 */
async function changeDeposit(
  services: BillingServices, principal: Principal, id: number, version: number,
  change: (deposit: Deposit, em: EntityManager) => { set: Partial<Deposit>; entry?: { kind: LedgerEntry['kind']; amountFen: number; description: string; method?: string }; audit: Record<string, unknown> },
) {
  return services.orm.em.fork().transactional(async (em) => {
    const deposit = await depositFor(services, principal, id, em);
    await lockUnitLedger(em, services.dialect, deposit.companyId, deposit.unitId);
    if (deposit.version !== version) throw new StaleVersionError(version, deposit.version);
    const { set, entry, audit } = change(deposit, em);
    const now = services.now();
    const claimed = await em.nativeUpdate(Deposit, { id: deposit.id, companyId: deposit.companyId, version }, { ...set, version: version + 1, updatedAt: now });
    if (claimed === 0) throw new StaleVersionError(version, version + 1);
    if (entry) {
      em.create(LedgerEntry, {
        companyId: deposit.companyId, projectId: deposit.projectId, unitId: deposit.unitId, account: 'deposit', kind: entry.kind, amountFen: entry.amountFen,
        depositId: deposit.id, description: entry.description.slice(0, 200), method: entry.method ?? null, actorId: principal.staffId, occurredAt: now,
      });
    }
    services.audit(em, { companyId: deposit.companyId, actorId: principal.staffId, action: 'deposit', target: `billing_deposit:${deposit.id}`, data: audit });
    await em.flush();
    // the row as the claim left it (the managed entity is not changed, so flush does not write it again)
    return depositView({ ...deposit, ...set, version: version + 1, updatedAt: now } as Deposit);
  });
}

export async function receiveDeposit(services: BillingServices, principal: Principal, input: { unitId: number; purpose: string; amount: string; method: PaymentMethod; note?: string }) {
  await services.requirePermission(principal, 'billing.collect');
  const amountFen = positiveFen(input.amount, '/amount');
  return services.orm.em.fork().transactional(async (em) => {
    const unit = await services.unitFor(principal, input.unitId, em);
    await lockUnitLedger(em, services.dialect, principal.companyId, unit.id);
    const now = services.now();
    const deposit = em.create(Deposit, {
      companyId: principal.companyId, projectId: unit.projectId, unitId: unit.id, purpose: input.purpose, sourcePlugin: null, sourceRef: null,
      heldFen: amountFen, status: 'held', refundRequestedBy: null, refundApprovedBy: null, version: 1, createdAt: now, updatedAt: now,
    });
    await em.flush();
    em.create(LedgerEntry, {
      companyId: principal.companyId, projectId: unit.projectId, unitId: unit.id, account: 'deposit', kind: 'depositReceived', amountFen, depositId: deposit.id,
      description: `收取押金 ${input.purpose}${input.note ? `（${input.note}）` : ''}`.slice(0, 200), method: input.method, actorId: principal.staffId, occurredAt: now,
    });
    services.audit(em, { companyId: principal.companyId, actorId: principal.staffId, action: 'deposit', target: `billing_deposit:${deposit.id}`, data: { received: yuan(amountFen), purpose: input.purpose } });
    await em.flush();
    return depositView(deposit);
  });
}

export async function deductDeposit(services: BillingServices, principal: Principal, id: number, input: { amount: string; reason: string; version: number }) {
  await services.requirePermission(principal, 'billing.adjust');
  const amountFen = positiveFen(input.amount, '/amount');
  return changeDeposit(services, principal, id, input.version, (d) => {
    if (d.status === 'refunded') throw refused('/amount', 'the deposit has been refunded');
    if (amountFen > d.heldFen) throw new RuleRefusedError(`cannot deduct ${yuan(amountFen)}: only ${yuan(d.heldFen)} is held`, [{ pointer: '/amount', code: 'exceeds-held', message: `at most ${yuan(d.heldFen)} is held` }]);
    return {
      set: { heldFen: d.heldFen - amountFen },
      entry: { kind: 'depositDeducted', amountFen: -amountFen, description: `押金扣除：${input.reason}` },
      audit: { deducted: yuan(amountFen), reason: input.reason },
    };
  });
}

export async function topUpDeposit(services: BillingServices, principal: Principal, id: number, input: { amount: string; method: PaymentMethod; version: number }) {
  await services.requirePermission(principal, 'billing.collect');
  const amountFen = positiveFen(input.amount, '/amount');
  return changeDeposit(services, principal, id, input.version, (d) => {
    if (d.status !== 'held') throw refused('/amount', `a deposit in status ${d.status} cannot be topped up`);
    return {
      set: { heldFen: d.heldFen + amountFen },
      entry: { kind: 'depositReceived', amountFen, description: `押金补缴 ${d.purpose}`, method: input.method },
      audit: { toppedUp: yuan(amountFen) },
    };
  });
}

export async function requestRefund(services: BillingServices, principal: Principal, id: number, input: { reason: string; version: number }) {
  await services.requirePermission(principal, 'billing.collect');
  return changeDeposit(services, principal, id, input.version, (d) => {
    if (d.status !== 'held') throw refused('/version', `a deposit in status ${d.status} cannot be asked back`);
    if (d.heldFen <= 0) throw refused('/version', 'nothing is held to refund');
    return { set: { status: 'refundRequested', refundRequestedBy: principal.staffId }, audit: { refundRequested: yuan(d.heldFen), reason: input.reason } };
  });
}

export async function decideRefund(services: BillingServices, principal: Principal, id: number, input: { approve: boolean; note?: string; version: number }) {
  await services.requirePermission(principal, 'billing.approveRefund');
  return changeDeposit(services, principal, id, input.version, (d) => {
    if (d.status !== 'refundRequested') throw refused('/approve', 'no refund has been requested for this deposit');
    if (d.refundRequestedBy === principal.staffId) throw new ForbiddenError('the refund must be approved by someone other than the person who requested it');
    if (!input.approve) return { set: { status: 'held', refundRequestedBy: null }, audit: { refundRejected: true, note: input.note ?? null } };
    return {
      set: { status: 'refunded', heldFen: 0, refundApprovedBy: principal.staffId },
      entry: { kind: 'depositRefunded', amountFen: -d.heldFen, description: `押金退还 ${d.purpose}${input.note ? `（${input.note}）` : ''}` },
      audit: { refunded: yuan(d.heldFen), note: input.note ?? null },
    };
  });
}

export async function listDeposits(services: BillingServices, principal: Principal, query: { unitId?: number; status?: Deposit['status']; cursor?: string; limit: number }) {
  await services.requirePermission(principal, 'billing.view');
  const em = services.orm.em.fork();
  if (query.unitId !== undefined) await services.unitFor(principal, query.unitId, em);
  const scope = await services.projectScope(principal);
  const after = decodeCursor<[number]>(query.cursor, ['number']);
  const rows = await em.find(Deposit, {
    companyId: principal.companyId,
    ...(after ? { id: { $lt: after[0] } } : {}),
    ...(query.unitId !== undefined ? { unitId: query.unitId } : {}),
    ...(query.status ? { status: query.status } : {}),
    ...(scope ? { projectId: { $in: scope } } : {}),
  }, { orderBy: { id: 'desc' }, limit: query.limit + 1 });
  const { items, nextCursor } = page(rows, query.limit, (d) => [d.id]);
  const { settings } = await billingConfig(services, principal.companyId, null, em);
  return { items: items.map((d) => depositView(d, settings.depositPurposes)), nextCursor };
}
