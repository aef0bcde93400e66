/**
 * Helpers for the billing run's API tests: a kernel with service-desk + billing and the demo
 * company, configuration changes through the config API (as an admin would), and raw reads of the
 * billing tables for assertions.
 */
import { expect } from 'vitest';
import { startTestKernel, type SeededRegistry, type TestKernel } from '../../../../core/testing/harness.js';

import type { AbstractSqlConnection } from '@mikro-orm/knex';

export interface World {
  kernel: TestKernel;
  registry: SeededRegistry;
  token(username: string): Promise<string>;
  knex(): ReturnType<AbstractSqlConnection['getKnex']>;
}

export async function billingWorld(startAt = '2026-11-10T02:00:00Z'): Promise<World> {
  const kernel = await startTestKernel({ plugins: ['service-desk', 'billing'], startAt });
  const registry = await kernel.seed();
  const tokens = new Map<string, string>();
  return {
    kernel,
    registry,
    async token(username) {
      if (!tokens.has(username)) tokens.set(username, await kernel.login(username));
      return tokens.get(username)!;
    },
    knex: () => (kernel.orm.em.getConnection() as AbstractSqlConnection).getKnex(),
  };
}

export function unitId(w: World, key: string): number {
  const unit = w.registry.units.get(key);
  if (!unit) throw new Error(`no unit ${key}`);
  return unit.id;
}

/** Proposes and activates a change of the billing settings (a JSON merge patch over the company's document). */
export async function changeBillingConfig(w: World, config: Record<string, unknown>, reason: string): Promise<void> {
  const token = await w.token('admin');
  const proposed = await w.kernel.call(token, 'POST', '/api/config/versions', { reason, patch: { plugins: { billing: { config } } } });
  expect(proposed.statusCode, proposed.body).toBe(201);
  const { number } = proposed.json() as { number: number };
  const activated = await w.kernel.call(token, 'POST', `/api/config/versions/${number}/activate`, {});
  expect(activated.statusCode, activated.body).toBe(200);
}

export async function runBillingOver(w: World, periodKey: string, extra: Record<string, unknown> = {}, username = 'finance') {
  const res = await w.kernel.call(await w.token(username), 'POST', '/api/billing/runs', { periodKey, ...extra });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { run: { id: number; status: string; unitsTotal: number; billsCreated: number }; created: number; alreadyBilled: number; lateFees: number };
}

export interface BillRow { id: number; unitId: number; number: string; principalFen: number; lateFeeFen: number; lateFeeThrough: string | null; status: string; dueOn: string }

export async function billOf(w: World, unit: number, periodKey: string): Promise<BillRow & { lines: { feeCode: string; kind: string; description: string; quantity: string; unitPrice: string; factor: string; amountFen: number; rateFrom: string | null; source: string | null }[] }> {
  const knex = w.knex();
  const b = await knex('billing_bill').where({ unit_id: unit, period_key: periodKey }).first();
  expect(b, `bill of unit ${unit} for ${periodKey}`).toBeDefined();
  const lines = await knex('billing_bill_line').where({ bill_id: b.id }).orderBy('id');
  return {
    id: Number(b.id), unitId: Number(b.unit_id), number: b.number, principalFen: Number(b.principal_fen), lateFeeFen: Number(b.late_fee_fen),
    lateFeeThrough: b.late_fee_through ?? null, status: b.status, dueOn: b.due_on,
    lines: lines.map((l: Record<string, unknown>) => ({
      feeCode: String(l.fee_code), kind: String(l.kind), description: String(l.description), quantity: String(l.quantity), unitPrice: String(l.unit_price),
      factor: String(l.factor), amountFen: Number(l.amount_fen), rateFrom: (l.rate_from as string | null) ?? null, source: (l.source as string | null) ?? null,
    })),
  };
}

export async function countRows(w: World, table: string): Promise<number> {
  const [row] = await w.knex()(table).count({ n: '*' });
  return Number((row as { n: number | string }).n);
}

/** Row counts of every table the run writes, to assert that a refused request wrote nothing. */
export async function billingCounts(w: World): Promise<Record<string, number>> {
  const tables = ['billing_run', 'billing_bill', 'billing_bill_line', 'billing_ledger_entry', 'billing_meter_reading', 'billing_charge'];
  return Object.fromEntries(await Promise.all(tables.map(async (t) => [t, await countRows(w, t)] as const)));
}
