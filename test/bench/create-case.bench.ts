/**
 * Benchmark: registering a case over HTTP (auth, validation, rules, case + event + clock rows)
 * against a bare fastify + better-sqlite3 route doing the same inserts. Each server runs in its
 * own process; autocannon loads it from this one.
 *
 *   npm run bench:create            (10 s per server, 10 connections)
 *   BENCH_SECONDS=30 npm run bench:create
 */
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const here = path.dirname(fileURLToPath(import.meta.url));
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);

interface Target { url: string; token: string; body: string; stop: () => void }

async function startServer(script: string): Promise<Target> {
  const child = spawn(path.join(here, '../../node_modules/.bin/tsx'), [path.join(here, script)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (b: Buffer) => {
      out += b.toString();
      const m = /^READY (.*)$/m.exec(out);
      if (m) resolve(m[1]!);
    });
    child.on('exit', (code) => reject(new Error(`${script} exited ${code}`)));
  });
  const ready = JSON.parse(line) as Omit<Target, 'stop'>;
  return { ...ready, stop: () => child.kill('SIGTERM') };
}

async function load(target: Target): Promise<number> {
  const result = await autocannon({
    url: target.url,
    method: 'POST',
    connections,
    duration: seconds,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${target.token}` },
    body: target.body,
  });
  const non2xx = result.non2xx + result.errors;
  if (non2xx > 0) throw new Error(`${target.url}: ${non2xx} failed requests`);
  return result.requests.average;
}

const baseline = await startServer('servers/bare-create-server.ts');
const baselineRps = await load(baseline);
baseline.stop();
const wuye = await startServer('servers/wuye-create-server.ts');
const wuyeRps = await load(wuye);
wuye.stop();

const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
console.log(`\nmachine: ${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
console.log(`load: autocannon, ${connections} connections, ${seconds} s each, SQLite file in WAL mode`);
console.log(`bare fastify + better-sqlite3: ${baselineRps.toFixed(0)} creates/s`);
console.log(`Wuye POST /api/cases/complaint: ${wuyeRps.toFixed(0)} creates/s (${((wuyeRps / baselineRps) * 100).toFixed(0)}% of bare)`);
