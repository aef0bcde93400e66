/**
 * Helpers for the ledger's API tests: a kernel with service-desk + billing and the demo company,
 * bills made by the billing run (POST /api/billing/runs) at a given clock, configuration changes
 * through the config API, and raw counts of the billing tables so refused requests can be shown to
 * have written nothing.
 */
import { expect } from 'vitest';
import type { AbstractSqlConnection } from '@mikro-orm/knex';
import { startTestKernel, type TestKernel } from '../../../../core/testing/harness.js';

export type Registry = Awaited<ReturnType<TestKernel['seed']>>;

export interface LedgerWorld {
  kernel: TestKernel;
  registry: Registry;
  token(username: string): Promise<string>;
  knex(): ReturnType<AbstractSqlConnection['getKnex']>;
  unit(key: string): number;
  call(username: string, method: 'GET' | 'POST', url: string, body?: unknown): ReturnType<TestKernel['call']>;
}

export async function ledgerWorld(startAt = '2026-11-10T02:00:00Z'): Promise<LedgerWorld> {
  const kernel = await startTestKernel({ plugins: ['service-desk', 'billing'], startAt });
  const registry = await kernel.seed();
  const tokens = new Map<string, string>();
  const token = async (username: string) => {
    if (!tokens.has(username)) tokens.set(username, await kernel.login(username));
    return tokens.get(username)!;
  };
  return {
    kernel, registry, token,
    knex: () => (kernel.orm.em.getConnection() as AbstractSqlConnection).getKnex(),
    unit(key) {
      const unit = registry.units.get(key);
      if (!unit) throw new Error(`no unit ${key}`);
      return unit.id;
    },
    async call(username, method, url, body) {
      return kernel.call(await token(username), method, url, body);
    },
  };
}

/** Runs the billing for a period as finance with the clock at `at` (then leaves the clock there). */
export async function billPeriod(w: LedgerWorld, periodKey: string, at: string, projectCode = 'CH'): Promise<void> {
  w.kernel.clock.set(at);
  const projectId = w.registry.projects.get(projectCode)!.id;
  const res = await w.call('finance', 'POST', '/api/billing/runs', { periodKey, projectId });
  expect(res.statusCode, res.body).toBe(200);
}

export interface BillRow {
  id: number; number: string; unitId: number; periodKey: string; principalFen: number; lateFeeFen: number; paidFen: number; principalPaidFen: number; status: string;
}

export async function billsOf(w: LedgerWorld, unitId: number): Promise<BillRow[]> {
  const rows = await w.knex()('billing_bill').where({ unit_id: unitId }).orderBy('period_start');
  return rows.map((r: Record<string, unknown>) => ({
    id: Number(r.id), number: String(r.number), unitId: Number(r.unit_id), periodKey: String(r.period_key), principalFen: Number(r.principal_fen),
    lateFeeFen: Number(r.late_fee_fen), paidFen: Number(r.paid_fen), principalPaidFen: Number(r.principal_paid_fen), status: String(r.status),
  }));
}

/** Row counts and paid sums that a refused request must leave unchanged. */
export async function snapshot(w: LedgerWorld): Promise<Record<string, number>> {
  const k = w.knex();
  const count = async (table: string) => Number((await k(table).count({ n: '*' }))[0]!.n);
  const sums = (await k('billing_bill').sum({ paid: 'paid_fen', late: 'late_fee_fen' }))[0]!;
  return {
    payments: await count('billing_payment'), ledger: await count('billing_ledger_entry'), deposits: await count('billing_deposit'),
    charges: await count('billing_charge'), dunning: await count('billing_dunning_step'), closings: await count('billing_cash_closing'),
    paid: Number(sums.paid ?? 0), lateFees: Number(sums.late ?? 0),
  };
}

/** Sum of a unit's ledger entries on one account, in fen. */
export async function balance(w: LedgerWorld, unitId: number, account: string): Promise<number> {
  const row = (await w.knex()('billing_ledger_entry').where({ unit_id: unitId, account }).sum({ total: 'amount_fen' }))[0]!;
  return Number(row.total ?? 0);
}

export function expectIssue(res: { statusCode: number; body: string; json(): unknown }, status: number, pointer: string): void {
  expect(res.statusCode, res.body).toBe(status);
  expect((res.json() as { issues: { pointer: string }[] }).issues.map((i) => i.pointer)).toContain(pointer);
}

/** A second company with one project, one unit and a cashier, for foreign-id tests. */
export function otherCompany() {
  return {
    company: { code: 'OTHER', name: '另一物业公司' },
    projects: [{ code: 'XY', name: '星月苑', buildings: [{ code: '9', name: '9栋', units: [{ number: '901', area: '100.00', unitType: 'residential', status: 'occupied', people: [{ name: '外人', relation: 'owner' as const }] }] }] }],
    staff: [{ username: 'other-cashier', name: '外司收费员', password: 'wuye2026', roles: ['cashier'], projects: '*' as const }],
  };
}
