/**
 * Benchmark: the monthly report (GET /api/reports/monthly) for one month and the work queue's first
 * page (GET /api/queue, mine and team, overdue first) at 10,000 and at 1,000,000 cases. The report
 * must answer within 1 s at 1,000,000 cases; the queue must cost the same at both sizes.
 *
 * Each size fills a fresh database (created by the real migrations) in bulk SQL: complaints spread
 * evenly over three years (so one month holds 1/36 of them), each with its reply clock and every
 * second closed one with a done follow-up. History grows, the desk's open work does not: the newest
 * 2,000 cases are open (a tenth of those overdue), everything older is closed — as in a company
 * that has run for years. Every case names an assignee and a queue role, so a staff member's history
 * grows with the table. Times are taken through the real routes (inject(), as a browser's request
 * runs on the server): median, p95 and the server's CPU per request.
 *
 *   npm run bench:reports                                (10,000 and 1,000,000 cases, SQLite file)
 *   BENCH_DB=postgres npm run bench:reports              (a throw-away database on 127.0.0.1, or BENCH_PG_URL)
 *   BENCH_SIZES=10000,100000 BENCH_REPEAT=20 npm run bench:reports
 *   BENCH_KEEP=1 …                                        (keep the filled database to look at its query plans)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startKernel } from '../../core/kernel.js';
import { seedRegistry } from '../../core/registry/seed-registry.js';
import { demoRegistry } from '../../core/testing/harness.js';

const sizes = (process.env.BENCH_SIZES ?? '10000,1000000').split(',').map(Number);
const REPEAT = Number(process.env.BENCH_REPEAT ?? 50);
const OPEN = 2000;
const POSTGRES = process.env.BENCH_DB === 'postgres';
const PG_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
/** 2024-01-01T00:00:00+08:00 .. three years on */
const START_MS = Date.UTC(2023, 11, 31, 16);
const SPAN_MS = 3 * 365 * 24 * 3600_000;
const MONTH = '2025-06';
/** the benchmark's "now": just after the newest case */
const NOW = new Date(START_MS + SPAN_MS);

const sql = {
  pad: (expr: string, n: number) => (POSTGRES ? `lpad((${expr})::text, ${n}, '0')` : `printf('%0${n}d', ${expr})`),
  time: (ms: string) => (POSTGRES ? `to_timestamp((${ms}) / 1000.0)` : `(${ms})`),
  big: (expr: string) => (POSTGRES ? `(${expr})::bigint` : `(${expr})`),
  bool: (cond: string) => (POSTGRES ? `(${cond})` : `(case when ${cond} then 1 else 0 end)`),
};

interface Figure { label: string; median: number; p95: number; cpu: number; note: string }

async function pgAdmin(query: string) {
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  try { await admin.query(query); } finally { await admin.end(); }
}

async function run(size: number): Promise<{ size: number; fillSeconds: number; figures: Figure[] }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'wuye-reports-'));
  const pgName = `wuye_reports_bench_${process.pid}_${size}`;
  if (POSTGRES) await pgAdmin(`CREATE DATABASE ${pgName}`);
  const pgUrl = new URL(PG_URL);
  pgUrl.pathname = `/${pgName}`;
  const kernel = await startKernel({
    database: POSTGRES ? { url: pgUrl.toString() } : { sqlitePath: path.join(dir, 'wuye.sqlite') },
    plugins: ['service-desk', 'complaints'], now: () => NOW,
  });
  try {
    const reg = await seedRegistry(kernel.orm, kernel.configs, demoRegistry());
    const conn = kernel.orm.em.getConnection();
    const companyId = reg.company.id;
    const ch = reg.projects.get('CH')!.id;
    const jr = reg.projects.get('JR')!.id;
    const supervisor = reg.staff.get('supervisor')!;
    const technician = reg.staff.get('technician')!;
    const manager = reg.staff.get('manager')!;
    const step = Math.floor(SPAN_MS / size);
    const created = sql.big(`${START_MS} + ${POSTGRES ? 'i::bigint' : 'i'} * ${step}`);
    const started = Date.now();
    for (let chunk = 0; chunk < size; chunk += 250_000) {
      const upto = Math.min(size, chunk + 250_000);
      const open = `i >= ${size - OPEN}`;
      await conn.execute(`with recursive n(i) as (select ${chunk} union all select i + 1 from n where i < ${upto - 1})
        insert into work_case (company_id, case_type, serial, project_id, building_id, unit_id, person_id, state, data, severity, title,
          assignee_role, assignee_id, config_version_id, version, next_due_at, overdue, created_at, updated_at, created_by, closed_at)
        select ${companyId}, 'complaint', 'TS-B-' || ${sql.pad('i', 8)}, case when i % 3 = 0 then ${jr} else ${ch} end, null, null, null,
          case when ${open} then (case i % 3 when 0 then 'registered' when 1 then 'routed' else 'answered' end) else 'closed' end,
          '{"channel":"' || (case i % 4 when 0 then 'phone' when 1 then 'visit' when 2 then 'online' else 'letter' end)
            || '","category":"c' || (i % 6) || '","severity":"' || (case i % 3 when 0 then 'minor' when 1 then 'important' else 'major' end)
            || '","nature":"n' || (i % 2) || '","department":"d' || (i % 5) || '","content":"楼道灯坏了"}',
          case i % 3 when 0 then 'minor' when 1 then 'important' else 'major' end, '楼道灯坏了 ' || i,
          case i % 4 when 1 then 'technician' when 2 then 'manager' else 'supervisor' end,
          case i % 4 when 0 then ${supervisor.id} when 1 then ${technician.id} when 2 then ${manager.id} else null end,
          1, 1, case when ${open} then ${sql.time(`${created} + 86400000`)} else null end, ${sql.bool(`${open} and i % 10 = 0`)},
          ${sql.time(created)}, ${sql.time(created)}, ${manager.id}, case when ${open} then null else ${sql.time(`${created} + 43200000`)} end
        from n`);
    }
    // every case's reply clock: met within the day (a third of them late) once closed, running or overdue while open
    await conn.execute(`insert into case_deadline (company_id, case_id, key, started_at, due_at, duration, status, met_at, overdue_at, escalated_to_role)
      select c.company_id, c.id, 'forward', c.created_at, c.next_due_at_or, '{"amount":1,"unit":"days"}',
        case when c.closed_at is not null then 'met' when c.overdue ${POSTGRES ? '' : '= 1'} then 'overdue' else 'running' end,
        case when c.closed_at is null then null when c.id % 3 = 0 then ${POSTGRES ? "c.created_at + interval '2 days'" : 'c.created_at + 172800000'} else c.closed_at end,
        null, null
      from (select w.*, ${POSTGRES ? "w.created_at + interval '1 day'" : 'w.created_at + 86400000'} as next_due_at_or from work_case w) c`);
    // a done follow-up for every second closed case (one in ten unsatisfied)
    await conn.execute(`insert into follow_up (company_id, case_id, case_type, project_id, due_at, method, roles, status, satisfied, on_site, result, done_at, done_by, created_at)
      select c.company_id, c.id, c.case_type, c.project_id, ${POSTGRES ? "c.closed_at + interval '3 days'" : 'c.closed_at + 259200000'}, 'phone', '["supervisor"]', 'done',
        ${sql.bool('c.id % 10 <> 0')}, ${sql.bool('false')}, '{}', ${POSTGRES ? "c.closed_at + interval '1 day'" : 'c.closed_at + 86400000'}, ${supervisor.id}, c.closed_at
      from work_case c where c.closed_at is not null and c.id % 2 = 0`);
    await conn.execute(POSTGRES ? 'vacuum analyze' : 'analyze');
    const fillSeconds = (Date.now() - started) / 1000;

    const tokens = {
      manager: (await kernel.sessions.create(manager)).token,
      supervisor: (await kernel.sessions.create(supervisor)).token,
    };
    const kinds: [string, keyof typeof tokens, string][] = [
      [`monthly report ${MONTH}`, 'manager', `/api/reports/monthly?month=${MONTH}`],
      [`monthly report ${MONTH}, project`, 'manager', `/api/reports/monthly?month=${MONTH}&projectId=${jr}`],
      ['queue mine (supervisor)', 'supervisor', '/api/queue?scope=mine&limit=50'],
      ['queue team (supervisor)', 'supervisor', '/api/queue?scope=team&limit=50'],
      ['queue mine (manager, all projects)', 'manager', '/api/queue?scope=mine&limit=50'],
      ['queue team (manager, all projects)', 'manager', '/api/queue?scope=team&limit=50'],
    ];
    const figures: Figure[] = [];
    for (const [label, who, url] of kinds) {
      const get = () => kernel.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${tokens[who]}` } });
      const first = await get();
      if (first.statusCode !== 200) throw new Error(`${url}: ${first.statusCode} ${first.body}`);
      const body = first.json() as { items?: unknown[]; caseTypes?: { cases: { total: number } }[] };
      const note = url.startsWith('/api/queue') ? `${body.items!.length} items` : `${JSON.stringify(body).length.toLocaleString('en')} bytes`;
      const repeat = label.startsWith('monthly') ? Math.max(5, Math.floor(REPEAT / 5)) : REPEAT;
      for (let i = 0; i < 3; i++) await get();
      const times: number[] = [];
      const cpu0 = process.cpuUsage();
      for (let i = 0; i < repeat; i++) {
        const t = performance.now();
        await get();
        times.push(performance.now() - t);
      }
      const cpu = process.cpuUsage(cpu0);
      times.sort((a, b) => a - b);
      figures.push({ label, median: times[Math.floor(repeat / 2)]!, p95: times[Math.min(repeat - 1, Math.floor(repeat * 0.95))]!, cpu: (cpu.user + cpu.system) / 1000 / repeat, note });
    }
    return { size, fillSeconds, figures };
  } finally {
    await kernel.close();
    if (process.env.BENCH_KEEP) console.log(`kept ${POSTGRES ? pgName : path.join(dir, 'wuye.sqlite')}`);
    else rmSync(dir, { recursive: true, force: true });
    if (POSTGRES && !process.env.BENCH_KEEP) await pgAdmin(`DROP DATABASE IF EXISTS ${pgName} WITH (FORCE)`);
  }
}

const results = [];
for (const size of sizes) results.push(await run(size));
console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}, ${POSTGRES ? 'PostgreSQL on 127.0.0.1' : 'SQLite file (WAL)'}; via inject(); load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
console.log(POSTGRES ? 'CPU/req is the Node process only (PostgreSQL works in its own processes)' : 'CPU/req is the server\'s own time per request (SQLite runs in the process)');
for (const r of results) {
  console.log(`\n${r.size.toLocaleString('en')} cases (${OPEN.toLocaleString('en')} open; filled in ${r.fillSeconds.toFixed(1)} s)`);
  console.log(`  ${'request'.padEnd(36)} ${'median'.padStart(9)} ${'p95'.padStart(9)} ${'CPU/req'.padStart(9)}`);
  for (const f of r.figures) console.log(`  ${f.label.padEnd(36)} ${f.median.toFixed(1).padStart(7)}ms ${f.p95.toFixed(1).padStart(7)}ms ${f.cpu.toFixed(1).padStart(7)}ms  ${f.note}`);
}
const big = results.find((r) => r.size >= 1_000_000);
const report = big?.figures.find((f) => f.label.startsWith('monthly report') && !f.label.includes('project'));
if (report) console.log(report.median <= 1000 ? `\nmonthly report at ${big!.size.toLocaleString('en')} cases: ${report.median.toFixed(0)} ms median (target ≤ 1,000 ms)` : `\nMONTHLY REPORT OVER 1 s: ${report.median.toFixed(0)} ms`);
