/**
 * A billing run killed half-way (SIGKILL, no clean-up) and re-run must leave exactly the bills of an
 * uninterrupted run. Two identical databases are seeded (3,000 units, the previous month billed with
 * 10% unpaid so late fees are assessed, some posted charges and meter readings); the CLI bills the
 * next month on both — on the first it is killed once some batches have committed, then re-run.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKernel, type TestKernel } from '../../../core/testing/harness.js';
import { nextPeriod, periodContaining, previousPeriod } from '../domain/cycle-calendar.js';
import { defaultSettings } from '../domain/default-settings.js';
import { BULK_COMPANY, BULK_PROJECT, BULK_REGISTRY, seedBulkUnits } from './test-support/bulk-seed.js';
import { insertMany, knexOf, sqlTime } from './sql.js';

const UNITS = 3000;
const ROOT = path.resolve(import.meta.dirname, '../../..');

// the CLI runs on the real clock: bill next month, with last month's bills overdue
const today = DateTime.now().setZone('Asia/Shanghai').toISODate()!;
const month = defaultSettings({ cycle: 'month' });
const current = periodContaining(month, today);
const previous = previousPeriod(month, current);
const target = nextPeriod(month, current);

async function seeded(): Promise<TestKernel> {
  const kernel = await startTestKernel({ plugins: ['service-desk', 'billing'] });
  const registry = await kernel.seed(BULK_REGISTRY);
  const services = kernel.pluginServices.get('billing')!;
  const companyId = registry.company.id;
  const projectId = registry.projects.get(BULK_PROJECT)!.id;
  await seedBulkUnits(services, { companyId, projectId, units: UNITS, billedPeriod: { periodKey: previous.periodKey, unpaidShare: 0.1 } });
  const knex = knexOf(services);
  const units = (await knex('unit').select('id').where({ company_id: companyId }).orderBy('id')).map((r: { id: number }) => Number(r.id));
  const posted = sqlTime(services, new Date(Date.now() - 3600_000));
  // a paid work order on every 97th unit, water readings (baseline + current) on every 53rd
  await insertMany(knex, 'billing_charge', units.filter((_, i) => i % 97 === 5).map((unitId, i) => ({
    company_id: companyId, project_id: projectId, unit_id: unitId, source_plugin: 'paid-services', source_ref: `TY-2026-${String(i + 1).padStart(6, '0')}`,
    description: `特约服务 TY-2026-${String(i + 1).padStart(6, '0')}`, amount_fen: 1000 + i * 37, occurred_at: posted, bill_id: null, case_id: null, created_at: posted,
  })));
  await insertMany(knex, 'billing_meter_reading', units.filter((_, i) => i % 53 === 7).flatMap((unitId, i) => [
    { company_id: companyId, unit_id: unitId, meter: 'water', reading: `${100 + i}.5`, read_on: previous.start, source: null, billed_bill_id: null, created_at: posted },
    { company_id: companyId, unit_id: unitId, meter: 'water', reading: `${112 + 2 * i}.75`, read_on: today, source: null, billed_bill_id: null, created_at: posted },
  ]));
  return kernel;
}

function cli(kernel: TestKernel): ChildProcess {
  const database = kernel.dialect === 'sqlite'
    ? { WUYE_SQLITE: String(kernel.orm.config.get('dbName')) }
    : { DATABASE_URL: String(kernel.orm.config.get('clientUrl')) };
  // `npm run wuye` = tsx core/cli/main.ts; the tsx binary runs the program in a child process, which a
  // SIGKILL of the parent would orphan. `node --import tsx` is the same program in ONE process.
  return spawn(process.execPath, ['--import', 'tsx', 'core/cli/main.ts', 'billing:run', '--company', BULK_COMPANY, '--period', target.periodKey], {
    cwd: ROOT, env: { ...process.env, ...database, WUYE_BILLING_BATCH: '10', WUYE_PLUGINS: 'service-desk,billing' }, stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function finished(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => { stdout += d; });
  child.stderr!.on('data', (d) => { stderr += d; });
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr })));
}

async function billsOfTarget(kernel: TestKernel): Promise<number> {
  const [row] = await knexOf(kernel.pluginServices.get('billing')!)('billing_bill').where({ period_key: target.periodKey }).count({ n: '*' });
  return Number((row as { n: number | string }).n);
}

/** Everything the run wrote, in a comparable form (no ids or timestamps, which differ between databases). */
async function snapshot(kernel: TestKernel) {
  const knex = knexOf(kernel.pluginServices.get('billing')!);
  const bills = await knex('billing_bill').select('id', 'unit_id', 'period_key', 'number', 'period_start', 'period_end', 'notice_on', 'due_on', 'reminder_on', 'reminder_due_on',
    'final_notice_on', 'final_due_on', 'principal_fen', 'late_fee_fen', 'late_fee_through', 'paid_fen', 'principal_paid_fen', 'status', 'config_version_id').orderBy('number');
  const numberOf = new Map<number, string>(bills.map((b: { id: number; number: string }) => [Number(b.id), b.number]));
  const lines = await knex('billing_bill_line as l').join('billing_bill as b', 'b.id', 'l.bill_id').leftJoin('billing_charge as c', 'c.id', 'l.charge_id')
    .select('b.number', 'l.fee_code', 'l.kind', 'l.description', 'l.quantity', 'l.unit_price', 'l.factor', 'l.amount_fen', 'l.rate_from', 'l.source', 'c.source_ref as charge_ref')
    .orderBy(['b.number', 'l.id']);
  const ledger = await knex('billing_ledger_entry').select('unit_id', 'account', 'kind', 'amount_fen', 'bill_id', 'description').orderBy('id');
  const readings = await knex('billing_meter_reading').select('unit_id', 'read_on', 'billed_bill_id').orderBy(['unit_id', 'read_on']);
  const charges = await knex('billing_charge').select('source_ref', 'bill_id').orderBy('source_ref');
  const runs = await knex('billing_run').select('period_key', 'status', 'units_total', 'bills_created').orderBy('id');
  const normal = (rows: Record<string, unknown>[]) => rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'bigint' || (typeof v === 'string' && k.endsWith('_fen')) ? Number(v) : v])));
  const byNumber = (id: unknown) => (id == null ? null : numberOf.get(Number(id)));
  return {
    bills: normal(bills).map(({ id: _id, ...rest }) => rest),
    lines: normal(lines),
    // ledger entries sorted by what they are, not by insertion order (batches interleave kinds)
    ledger: normal(ledger).map(({ bill_id, ...rest }) => ({ ...rest, bill: byNumber(bill_id) })).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    readings: normal(readings).map(({ billed_bill_id, ...rest }) => ({ ...rest, bill: byNumber(billed_bill_id) })),
    charges: normal(charges).map(({ bill_id, ...rest }) => ({ ...rest, bill: byNumber(bill_id) })),
    runs: normal(runs),
  };
}

describe('billing:run killed half-way and re-run = an uninterrupted run', () => {
  let interrupted: TestKernel;
  let uninterrupted: TestKernel;
  beforeAll(async () => {
    [interrupted, uninterrupted] = await Promise.all([seeded(), seeded()]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([interrupted?.close(), uninterrupted?.close()]);
  });

  it(`bills ${UNITS} units for next month identically, with the run row done`, async () => {
    // 1. start the run and kill it (SIGKILL) once some batches of 10 units have committed
    const first = cli(interrupted);
    const firstExit = finished(first);
    let seen = 0;
    while (seen < 300) {
      await new Promise((r) => setTimeout(r, 5));
      seen = await billsOfTarget(interrupted);
      if (first.exitCode !== null) break;
    }
    first.kill('SIGKILL');
    const killed = await firstExit;
    expect(killed.signal, `the run ended before it could be killed: ${killed.stdout}${killed.stderr}`).toBe('SIGKILL');
    const atKill = await billsOfTarget(interrupted);
    expect(atKill).toBeGreaterThan(0);
    expect(atKill).toBeLessThan(UNITS);
    expect(atKill % 10, 'whole batches only').toBe(0);

    // 2. re-run: it continues the unfinished run and creates the rest
    const rerun = await finished(cli(interrupted));
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(rerun.stdout).toContain(`${UNITS} units, ${UNITS - atKill} bills created, ${atKill} already billed`);
    expect(rerun.stdout).toContain('resumed');

    // 3. the same run, uninterrupted, on the twin database
    const straight = await finished(cli(uninterrupted));
    expect(straight.code, straight.stderr).toBe(0);
    expect(straight.stdout).toMatch(new RegExp(`${UNITS} units, ${UNITS} bills created, 0 already billed, 0 nothing to bill, ${UNITS / 10} late fees`));
    expect(straight.stderr).toContain(`billing ${target.periodKey}`);

    const [a, b] = await Promise.all([snapshot(interrupted), snapshot(uninterrupted)]);
    expect(a.bills.filter((bill) => bill.period_key === target.periodKey)).toHaveLength(UNITS);
    expect(a.lines.filter((l) => l.kind === 'charge').length).toBeGreaterThan(0);
    expect(a.lines.filter((l) => l.kind === 'metered').length).toBeGreaterThan(0);
    expect(a.ledger.filter((e) => (e as { kind?: unknown }).kind === 'lateFee')).toHaveLength(UNITS / 10);
    expect(a.runs.at(-1)).toEqual({ period_key: target.periodKey, status: 'done', units_total: UNITS, bills_created: UNITS });
    expect(a).toEqual(b);

    // 4. a third run creates nothing
    const again = await finished(cli(interrupted));
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain(`${UNITS} units, 0 bills created, ${UNITS} already billed`);
  }, 180_000);
});
