/**
 * Benchmark: one billing period for N units on SQLite, with the previous period already billed and
 * 10% of its bills unpaid (so the run also assesses late fees). Targets for 100,000 units: ≤ 5 s on SQLite
 * and ≤ 1 GB peak memory, time growing linearly with N.
 *
 *   npm run bench:billing                      (10,000 and 100,000 units)
 *   BENCH_SIZES=10000 npm run bench:billing
 *   BENCH_DB=postgres npm run bench:billing    (a throw-away database per size on 127.0.0.1, or BENCH_PG_URL)
 *
 * Each size gets a fresh database seeded in its own process (not timed); the run is then measured
 * in a second, fresh process so its peak RSS (process.resourceUsage().maxRSS) is the run's alone:
 * kernel start + billing run of 2026-12 as of 2026-11-20 (the November bills' final notice term
 * ended on 12 November, so the unpaid ones get 19 days of late fees).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { startKernel } from '../../core/kernel.js';
import { seedRegistry } from '../../core/registry/seed-registry.js';
import { runBilling } from '../../plugins/billing/run/billing-run.js';
import { BULK_PROJECT, BULK_REGISTRY, seedBulkUnits } from '../../plugins/billing/run/test-support/bulk-seed.js';

const SEED_AT = new Date('2026-10-20T02:00:00Z');
const RUN_AT = new Date('2026-11-20T02:00:00Z');
const PLUGINS = ['service-desk', 'billing'];
const POSTGRES = process.env.BENCH_DB === 'postgres';
const PG_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** The bench's database: a SQLite file path, or a PostgreSQL URL (its database made and dropped here). */
function database(target: string) {
  return target.startsWith('postgres://') ? { url: target } : { sqlitePath: target };
}

async function pgAdmin(query: string): Promise<void> {
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  try { await admin.query(query); } finally { await admin.end(); }
}

interface Measured { units: number; billsCreated: number; lateFees: number; seconds: number; cpuSeconds: number; bootSeconds: number; maxRssMiB: number }

async function seed(file: string, units: number): Promise<void> {
  const kernel = await startKernel({ database: database(file), plugins: PLUGINS, now: () => SEED_AT });
  try {
    const registry = await seedRegistry(kernel.orm, kernel.configs, BULK_REGISTRY);
    await seedBulkUnits(kernel.pluginServices.get('billing')!, {
      companyId: registry.company.id, projectId: registry.projects.get(BULK_PROJECT)!.id, units, billedPeriod: { periodKey: '2026-11', unpaidShare: 0.1 },
    });
  } finally {
    await kernel.close();
  }
}

async function measure(file: string): Promise<Measured> {
  const boot = process.hrtime.bigint();
  const kernel = await startKernel({ database: database(file), plugins: PLUGINS, now: () => RUN_AT });
  const bootSeconds = Number(process.hrtime.bigint() - boot) / 1e9;
  try {
    const company = await kernel.orm.em.fork().getConnection().execute<{ id: number }[]>("select id from company where code = 'BULK'");
    const cpu = process.cpuUsage();
    const outcome = await runBilling(kernel.pluginServices.get('billing')!, { companyId: company[0]!.id, projectId: null, periodKey: '2026-12' });
    return {
      units: outcome.unitsSeen, billsCreated: outcome.billsCreated, lateFees: outcome.lateFees, seconds: outcome.seconds, bootSeconds,
      // the process's CPU for the run (on SQLite that includes the database's own work): steadier than wall time on a busy machine
      cpuSeconds: (() => { const used = process.cpuUsage(cpu); return (used.user + used.system) / 1e6; })(),
      maxRssMiB: process.resourceUsage().maxRSS / 1024,
    };
  } finally {
    await kernel.close();
  }
}

async function main(): Promise<void> {
  const [mode, file, units] = process.argv.slice(2);
  if (mode === 'seed') return seed(file!, Number(units));
  if (mode === 'measure') {
    console.log(JSON.stringify(await measure(file!)));
    return;
  }
  const self = fileURLToPath(import.meta.url);
  const tsx = path.join(path.dirname(self), '../../node_modules/.bin/tsx');
  const sizes = (process.env.BENCH_SIZES ?? '10000,100000').split(',').map(Number);
  const rows: Measured[] = [];
  for (const size of sizes) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'wuye-billing-bench-'));
    const pgName = `wuye_billing_bench_${process.pid}_${size}`;
    let db = path.join(dir, 'wuye.sqlite');
    if (POSTGRES) {
      await pgAdmin(`CREATE DATABASE ${pgName}`);
      const url = new URL(PG_URL);
      url.pathname = `/${pgName}`;
      db = url.toString();
    }
    try {
      const seedStart = Date.now();
      execFileSync(tsx, [self, 'seed', db, String(size)], { stdio: 'inherit' });
      console.error(`seeded ${size} units (+ 2026-11 billed, 10% unpaid) in ${((Date.now() - seedStart) / 1000).toFixed(1)} s`);
      const out = execFileSync(tsx, [self, 'measure', db], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
      rows.push(JSON.parse(out.trim().split('\n').pop()!) as Measured);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      if (POSTGRES) await pgAdmin(`DROP DATABASE IF EXISTS ${pgName} WITH (FORCE)`);
    }
  }
  console.log(`\nbilling run 2026-12 on ${POSTGRES ? 'PostgreSQL on 127.0.0.1' : 'SQLite (WAL)'}, node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  console.log('| units | bills created | late fees assessed | run time | CPU (Node process) | units/s | peak RSS (process) |');
  console.log('|---|---|---|---|---|---|---|');
  for (const r of rows) {
    console.log(`| ${r.units.toLocaleString('en')} | ${r.billsCreated.toLocaleString('en')} | ${r.lateFees.toLocaleString('en')} | ${r.seconds.toFixed(1)} s | ${r.cpuSeconds.toFixed(1)} s | ${Math.round(r.units / r.seconds).toLocaleString('en')} | ${Math.round(r.maxRssMiB)} MiB |`);
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
