/**
 * Seeds a large company fast, for the kill-and-rerun test and the benchmark: the registry document
 * (company, one project, one building, staff) through the normal seeder, then buildings of 100 units
 * each with multi-row inserts. Optionally bills the previous period and leaves a share of those
 * bills unpaid (the rest marked paid in full), so the next run has late fees to assess.
 * Units are deterministic: unit i has area 60.00 + (i mod 90) m², every 25th is vacant, every 40th
 * entrusted, every 50th commercial.
 */
import type { PluginServices } from '../../../../core/plugin-api.js';
import { runBilling } from '../billing-run.js';
import { insertMany, knexOf } from '../sql.js';

export const BULK_COMPANY = 'BULK';
export const BULK_PROJECT = 'P1';

/** The registry document of the bulk company (seed it with the harness's kernel.seed or core's seeder). */
export const BULK_REGISTRY = {
  company: { code: BULK_COMPANY, name: '批量测试物业' },
  projects: [{ code: BULK_PROJECT, name: '大型小区', buildings: [{ code: 'B0000', name: '0栋', units: [] }] }],
  staff: [{ username: 'bulk-finance', name: '财务', password: 'wuye2026', roles: ['finance'], projects: '*' as const }],
};

export interface BulkOptions {
  companyId: number;
  projectId: number;
  units: number;
  /** bill this period now, then mark all but `unpaidShare` of its bills paid in full */
  billedPeriod?: { periodKey: string; unpaidShare: number };
}

/** Adds the units (and optionally a billed previous period) to a seeded bulk company. */
export async function seedBulkUnits(services: PluginServices, options: BulkOptions): Promise<void> {
  await insertUnits(services, options.companyId, options.projectId, options.units);
  if (options.billedPeriod) {
    await runBilling(services, { companyId: options.companyId, projectId: null, periodKey: options.billedPeriod.periodKey });
    await markPaid(services, options.companyId, options.billedPeriod.periodKey, options.billedPeriod.unpaidShare, services.now());
  }
}

async function insertUnits(services: PluginServices, companyId: number, projectId: number, count: number): Promise<void> {
  const knex = knexOf(services);
  await knex.transaction(async (trx) => {
    const buildings = Math.ceil(count / 100);
    await insertMany(trx, 'building', Array.from({ length: buildings }, (_, b) => ({ company_id: companyId, project_id: projectId, code: `B${String(b + 1).padStart(4, '0')}`, name: `${b + 1}栋` })));
    const ids = (await trx('building').select('id', 'code').where({ company_id: companyId }).whereNot({ code: 'B0000' }).orderBy('code')).map((r: { id: number }) => Number(r.id));
    const units: Record<string, unknown>[] = [];
    for (let i = 0; i < count; i += 1) {
      const floor = Math.floor((i % 100) / 4) + 1;
      units.push({
        company_id: companyId, project_id: projectId, building_id: ids[Math.floor(i / 100)], number: `${floor}${String((i % 4) + 1).padStart(2, '0')}`, floor,
        area: `${60 + (i % 90)}.${String(i % 100).padStart(2, '0')}`,
        unit_type: i % 50 === 49 ? 'commercial' : 'residential',
        status: i % 25 === 24 ? 'vacant' : i % 40 === 39 ? 'entrusted' : 'occupied',
      });
    }
    await insertMany(trx, 'unit', units);
  });
}

/** Pays every bill of the period in full except every n-th (n = 1 / unpaidShare). */
async function markPaid(services: PluginServices, companyId: number, periodKey: string, unpaidShare: number, at: Date): Promise<void> {
  const knex = knexOf(services);
  const every = Math.round(1 / unpaidShare);
  const bills = await knex('billing_bill').select('id', 'unit_id').where({ company_id: companyId, period_key: periodKey }).orderBy('unit_id');
  const paid = bills.filter((_b: unknown, i: number) => i % every !== 0).map((b: { id: number }) => Number(b.id));
  await knex.transaction(async (trx) => {
    for (let i = 0; i < paid.length; i += 5000) {
      await trx('billing_bill').whereIn('id', paid.slice(i, i + 5000)).update({
        status: 'paid', paid_fen: trx.ref('principal_fen'), principal_paid_fen: trx.ref('principal_fen'), paid_at: services.dialect === 'sqlite' ? at.getTime() : at,
      });
    }
  });
}
