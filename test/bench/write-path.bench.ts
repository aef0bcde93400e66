/**
 * Benchmark of the write path (issue #19): register a complaint, classify one (a transition on an
 * existing case, each request its own case), take a payment (billing) — against Wuye as `npm start`
 * runs it (every plugin, logger and jobs on) and against bare routes doing the same writes, side by
 * side, alternating rounds. Reports throughput (median of the rounds), latency and the server's CPU
 * per request (read from /proc: the stable figure on a machine others load too), as a markdown table.
 *
 *   npm run bench:write                       SQLite: minimal bare route, bare route on Wuye's tables, Wuye
 *   npm run bench:write -- --db postgres      PostgreSQL (127.0.0.1:5432, db test, fresh databases): bare pg route, Wuye; 1, 10, 20 clients
 *   options: --ops create,transition,payment  --seconds 8  --rounds 3  --connections 10[,20]  --no-normal (SQLite: leave out
 *            the minimal route with synchronous=NORMAL)
 *   BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles every server process
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { precreate, round, type CasePool, type RoundResult } from './write-path-load.js';
import { seedDatabases, startBare, startWuye, type Op, type Target } from './write-path-servers.js';

const args = process.argv.slice(2);
const opt = (name: string, fallback: string) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1]! : fallback);
const db = opt('db', 'sqlite') as 'sqlite' | 'postgres';
if (db !== 'sqlite' && db !== 'postgres') throw new Error('--db sqlite|postgres');
const ops = opt('ops', 'create,transition,payment').split(',') as Op[];
const seconds = Number(opt('seconds', process.env.BENCH_SECONDS ?? '8'));
const rounds = Number(opt('rounds', '3'));
const warmSeconds = Math.max(2, Math.round(seconds / 2));
const connectionLevels = opt('connections', db === 'postgres' ? '1,10,20' : '10').split(',').map(Number);

const load = os.loadavg().map((l) => l.toFixed(2)).join(' ');
const logDir = mkdtempSync(path.join(os.tmpdir(), 'wuye-write-bench-logs-'));
const command = `npm run bench:write${process.argv.length > 2 ? ` -- ${args.join(' ')}` : ''}`;
console.error(`write-path benchmark on ${db}; server logs in ${logDir}`);

const databases = await seedDatabases(db, 2);
const targets: Target[] = [];
try {
  if (db === 'sqlite') {
    targets.push(await startBare('minimal bare route (fastify + ajv + better-sqlite3, no secondary indexes)', ['--tables', 'minimal'], databases.seeded));
    targets.push(await startBare("bare route on Wuye's tables and indexes (better-sqlite3)", ['--tables', 'wuye', '--sqlite', databases.locations[0]!], databases.seeded));
  } else {
    targets.push(await startBare("bare `pg` pool route on Wuye's tables and indexes, one transaction", ['--tables', 'wuye', '--url', databases.locations[0]!], databases.seeded));
  }
  targets.push(await startWuye('Wuye as `npm start` runs it (every plugin)', databases.locations[1]!, databases.seeded, path.join(logDir, 'wuye.log')));
  // what the fsync per commit costs (Wuye commits with synchronous=FULL, core/db/orm.ts)
  if (db === 'sqlite' && !args.includes('--no-normal')) targets.push(await startBare('minimal bare route, synchronous=NORMAL (no fsync per commit)', ['--tables', 'minimal', '--synchronous', 'normal'], databases.seeded));

  const results = new Map<string, RoundResult[]>(); // op|connections|target
  const lastRate = new Map<string, number>();
  for (const op of ops) {
    // warm-up, not counted: the first requests compile the configuration and JIT the handlers
    for (const t of targets) {
      const warm = await round(t, op, 10, warmSeconds, op === 'transition' ? await precreate(t, 500) : undefined);
      if (op === 'create') lastRate.set(`create|${t.name}`, warm.rps);
    }
    for (const connections of connectionLevels) {
      for (let r = 0; r < rounds; r++) {
        for (const t of targets) {
          let pool: CasePool | undefined;
          if (op === 'transition') {
            // enough cases for the round: the last round's rate (else the create rate, doubled) with room to spare
            const rate = lastRate.get(`${op}|${t.name}`) ?? 1.5 * Math.max(lastRate.get(`create|${t.name}`) ?? 0, 20);
            pool = await precreate(t, Math.ceil(rate * seconds * 2) + 100);
          }
          const res = await round(t, op, connections, seconds, pool);
          lastRate.set(`${op}|${t.name}`, Math.max(res.rps, lastRate.get(`${op}|${t.name}`) ?? 0));
          const key = `${op}|${connections}|${t.name}`;
          results.set(key, [...(results.get(key) ?? []), res]);
          console.error(`round ${r + 1} ${op} c=${connections} ${t.name}: ${res.rps.toFixed(0)}/s p99 ${res.p99} ms cpu ${res.cpuPerRequestMs.toFixed(3)} ms/req`);
        }
      }
    }
  }
  printTable(results);
} finally {
  for (const t of targets) await t.stop();
  await databases.drop();
}

function cpuCell(rs: RoundResult[]): string {
  const answered = rs.filter((r) => r.ok > 0);
  return answered.length ? `${median(answered.map((r) => r.cpuPerRequestMs)).toFixed(3)} ms${answered.length < rs.length ? ` (${answered.length} of ${rs.length} rounds)` : ''}` : '—';
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function printTable(results: Map<string, RoundResult[]>): void {
  const cpu = os.cpus();
  const lines = [
    '',
    `Machine: ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${cpu.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, load average ${load} at start; Node ${process.version}; ${db === 'sqlite' ? 'SQLite (WAL, synchronous=FULL as Wuye runs it, unless the row says otherwise)' : 'PostgreSQL on 127.0.0.1'}.`,
    `Command: \`${command}\` — autocannon, ${rounds} rounds of ${seconds} s alternating between the servers; throughput and latency are the median of the rounds; CPU is the server process's user + system time per successful request${db === 'postgres' ? ' (the Node process only, not PostgreSQL\'s)' : ''}.`,
    '',
    '| operation | server | clients | requests/s | % of first row | p50 / p99 ms | server CPU per request |',
    '|---|---|---|---|---|---|---|',
  ];
  const names: Record<Op, string> = { create: 'register a complaint', transition: 'classify (transition)', payment: 'take a payment' };
  for (const op of ops) {
    for (const connections of connectionLevels) {
      let first: number | undefined;
      for (const t of targets) {
        const rs = results.get(`${op}|${connections}|${t.name}`) ?? [];
        const rps = median(rs.map((r) => r.rps));
        first ??= rps;
        lines.push(`| ${names[op]} | ${t.name} | ${connections} | ${Math.round(rps).toLocaleString('en')} | ${Math.round((rps / first) * 100)} % | ${median(rs.map((r) => r.p50))} / ${median(rs.map((r) => r.p99))} | ${cpuCell(rs)} |`);
      }
    }
  }
  console.log(lines.join('\n'));
}
