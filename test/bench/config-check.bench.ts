/**
 * Benchmark: the configuration editor's work against the server as users run it (`npm start`:
 * every plugin, the demo company, a fresh SQLite file), over HTTP from this process:
 *
 *   - a configuration check of a one-field change (POST /api/config/check), each request changing
 *     the field again as an admin typing does                                    target ≤ 50 ms
 *   - a dry run of one complaint through such a draft (POST /api/config/dry-run)  target ≤ 100 ms
 *   - /api/health latency while eight dry runs run at once                       target ≤ 50 ms
 *   - the server's CPU time per request (all its threads, from /proc)
 *
 *   npm run bench:config                 (BENCH_ROUNDS=30 requests per figure by default)
 */
import { spawn, execSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const rounds = Number(process.env.BENCH_ROUNDS ?? 30);
const ticksPerSecond = Number(execSync('getconf CLK_TCK').toString().trim()) || 100;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

async function startServer(): Promise<{ url: string; child: ChildProcess; dir: string }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'wuye-bench-config-'));
  const port = await freePort();
  // node itself runs the server (tsx as a loader), so the pid measured is the server's
  const child = spawn(process.execPath, ['--import', 'tsx', 'core/server/main.ts'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', WUYE_SQLITE: path.join(dir, 'wuye.sqlite'), LOG_LEVEL: 'warn', DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (b: Buffer) => {
      out += b.toString();
      if (out.includes('is running at')) resolve();
    });
    child.on('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}`, child, dir };
}

/** CPU seconds the process has used so far, all threads (user + system). */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
}

const { url, child, dir } = await startServer();
const call = async (token: string | null, method: string, route: string, body?: unknown) => {
  const res = await fetch(url + route, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${route}: ${res.status} ${text.slice(0, 300)}`);
  return JSON.parse(text) as Record<string, unknown>;
};
const timed = async (run: () => Promise<unknown>) => {
  const started = performance.now();
  await run();
  return performance.now() - started;
};
const stats = (ms: number[]) => {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(s.length * q))]!;
  return `median ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, max ${s[s.length - 1]!.toFixed(1)} ms (n=${s.length})`;
};

try {
  const { token } = await call(null, 'POST', '/api/auth/login', { username: 'admin', password: 'wuye2026' }) as { token: string };
  /** One field of the complaint form changed: its content's length limit. */
  const oneField = (maxLength: number) => ({ plugins: { complaints: { forms: { complaint: { properties: { content: { maxLength } } } } } } });
  const dryRun = (maxLength: number) => ({
    patch: oneField(maxLength), caseType: 'complaint',
    create: { data: { channel: 'letter', complainantName: '王芳', contactPhone: '13800000001', content: '电梯停运' } },
    steps: [{ transition: 'classify', data: { nature: 'major', severity: 'major', category: 'facilities', classificationNote: '安全' }, afterMinutes: 10 }],
  });
  let field = 1000;

  // the first check after start: the pool's thread starts and compiles every plugin once
  const cold = await timed(() => call(token, 'POST', '/api/config/check', { patch: oneField(++field) }));
  const coldDry = await timed(() => call(token, 'POST', '/api/config/dry-run', dryRun(++field)));

  const phase = async (name: string, run: () => Promise<unknown>) => {
    const cpuBefore = cpuSeconds(child.pid!);
    const ms: number[] = [];
    for (let i = 0; i < rounds; i++) ms.push(await timed(run));
    const cpuMs = ((cpuSeconds(child.pid!) - cpuBefore) * 1000) / rounds;
    console.log(`${name}: ${stats(ms)}; server CPU ${cpuMs.toFixed(1)} ms per request`);
  };

  console.log(`\nmachine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  console.log('server: npm start (every plugin, demo company, SQLite), requests over HTTP from the benchmark process');
  console.log(`first check after start (pool thread starting, every plugin compiled): ${cold.toFixed(0)} ms; first dry run: ${coldDry.toFixed(0)} ms`);
  await phase('one-field configuration check (target ≤ 50 ms)', () => call(token, 'POST', '/api/config/check', { patch: oneField(++field) }));
  await phase('dry run of one complaint (target ≤ 100 ms)', () => call(token, 'POST', '/api/config/dry-run', dryRun(++field)));

  // /api/health while eight dry runs run at once, several times over
  const health: number[] = [];
  const cpuBefore = cpuSeconds(child.pid!);
  const batches = Math.max(1, Math.round(rounds / 6));
  let dryRuns = 0;
  let healthChecks = 0;
  for (let b = 0; b < batches; b++) {
    let pending = 8;
    const runs = Array.from({ length: 8 }, () => call(token, 'POST', '/api/config/dry-run', dryRun(++field)).finally(() => { pending--; }));
    while (pending > 0) {
      health.push(await timed(() => call(null, 'GET', '/api/health')));
      healthChecks++;
    }
    await Promise.all(runs);
    dryRuns += 8;
  }
  const cpuMs = (cpuSeconds(child.pid!) - cpuBefore) * 1000;
  console.log(`/api/health while eight dry runs run (target ≤ 50 ms): ${stats(health)}; server CPU ${(cpuMs / dryRuns).toFixed(1)} ms per dry run (with ${healthChecks} health checks)`);
} finally {
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  rmSync(dir, { recursive: true, force: true });
}
