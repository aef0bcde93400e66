/**
 * The servers the write-path benchmark loads, each in its own process whose CPU time is read from
 * /proc: Wuye exactly as `npm start` runs it (core/server/main.ts, every plugin, logger on, jobs on)
 * on a fresh database seeded with the demo registry and no demo cases, logged in through
 * /api/auth/login; and the bare routes of test/bench/servers/bare-write-server.ts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PG_ADMIN_URL = process.env.WUYE_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export type Op = 'create' | 'transition' | 'payment';

export interface Seeded { companyId: number; projectId: number; unitId: number; personId: number; paymentUnitIds: number[] }

/** One server under load: where each operation goes and with which login. */
export interface Target {
  name: string;
  pid: number;
  base: string;
  tokens: Record<Op, string>;
  createPath: string;
  transitionPath: (id: number) => string;
  paymentPath: string;
  seeded: Seeded;
  stop(): Promise<void>;
}

/** Child CPU time (user + system) in milliseconds, from /proc/<pid>/stat. */
const CLK_TCK = 100; // Linux USER_HZ; `getconf CLK_TCK` is 100 on every mainstream kernel
export function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // fields[0] is field 3 (state): utime is field 14, stime 15
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLK_TCK;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

function nodeArgs(script: string, extra: string[] = []): string[] {
  // `node --import tsx`, as `npm start` does: the pid is the server itself (the tsx CLI would fork)
  return [...(process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? []), '--import', 'tsx', script, ...extra];
}

function waitExit(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
  });
}

async function runToLine(args: string[], marker: string): Promise<string> {
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout!.on('data', (b: Buffer) => { out += b.toString(); });
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  const m = new RegExp(`^${marker} (.*)$`, 'm').exec(out);
  if (code !== 0 || !m) throw new Error(`${args.join(' ')} exited ${code}:\n${out.slice(-2000)}`);
  return m[1]!;
}

/** A fresh database with Wuye's schema and the demo registry; `copies` more made from it. */
export async function seedDatabases(db: 'sqlite' | 'postgres', copies: number): Promise<{ locations: string[]; seeded: Seeded; drop(): Promise<void> }> {
  if (db === 'sqlite') {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'wuye-write-bench-'));
    const first = path.join(dir, 'seed.sqlite');
    const seeded = JSON.parse(await runToLine(nodeArgs('test/bench/servers/seed-bench-database.ts', ['--sqlite', first]), 'SEEDED')) as Seeded;
    const locations = Array.from({ length: copies }, (_, i) => {
      const file = path.join(dir, `copy-${i}.sqlite`);
      copyFileSync(first, file); // the seed closed its database: the file holds everything (no WAL left)
      return file;
    });
    return { locations, seeded, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const stem = `wuye_bench_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const urlOf = (name: string) => { const u = new URL(PG_ADMIN_URL); u.pathname = `/${name}`; return u.toString(); };
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: PG_ADMIN_URL });
    await c.connect();
    try { await c.query(sql); } finally { await c.end(); }
  };
  await admin(`CREATE DATABASE ${stem}`);
  const seeded = JSON.parse(await runToLine(nodeArgs('test/bench/servers/seed-bench-database.ts', ['--url', urlOf(stem)]), 'SEEDED')) as Seeded;
  const names = Array.from({ length: copies }, (_, i) => `${stem}_${i}`);
  for (const name of names) await admin(`CREATE DATABASE ${name} TEMPLATE ${stem}`);
  return {
    locations: names.map(urlOf),
    seeded,
    drop: async () => { for (const name of [stem, ...names]) await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`); },
  };
}

/** Wuye as `npm start` runs it, on the given SQLite file or PostgreSQL URL. */
export async function startWuye(name: string, location: string, seeded: Seeded, logFile: string): Promise<Target> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', WUYE_NO_DEMO: '1', NODE_ENV: undefined, WUYE_DEV: undefined };
  if (location.startsWith('postgres')) env.DATABASE_URL = location;
  else { env.WUYE_SQLITE = location; delete env.DATABASE_URL; }
  // the request log goes to a file, as a service manager would keep it
  const log = openSync(logFile, 'a');
  const child = spawn(process.execPath, nodeArgs('core/server/main.ts'), { cwd: ROOT, env, stdio: ['ignore', log, log] });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`Wuye exited ${child.exitCode} (log: ${logFile})`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch { /* not listening yet */ }
    if (i > 3000) { // a loaded machine starts it slowly
      child.kill('SIGTERM');
      throw new Error(`Wuye did not start in 5 minutes (log: ${logFile})`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const login = async (username: string) => {
    const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'wuye2026' }) });
    if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
    return ((await res.json()) as { token: string }).token;
  };
  return {
    name, pid: child.pid!, base, seeded,
    tokens: { create: await login('frontdesk'), transition: await login('supervisor'), payment: await login('finance') },
    createPath: '/api/cases/complaint',
    transitionPath: (id) => `/api/cases/complaint/${id}/transitions/classify`,
    paymentPath: '/api/billing/payments',
    stop: async () => { child.kill('SIGTERM'); await waitExit(child); },
  };
}

/** A bare route server (test/bench/servers/bare-write-server.ts). */
export async function startBare(name: string, args: string[], seeded: Seeded): Promise<Target> {
  const child = spawn(process.execPath, nodeArgs('test/bench/servers/bare-write-server.ts', args), { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const ready = await new Promise<{ url: string; token: string }>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (b: Buffer) => {
      out += b.toString();
      const m = /^READY (.*)$/m.exec(out);
      if (m) resolve(JSON.parse(m[1]!));
    });
    child.on('exit', (code) => reject(new Error(`bare server ${args.join(' ')} exited ${code}`)));
  });
  return {
    name, pid: child.pid!, base: ready.url, seeded,
    tokens: { create: ready.token, transition: ready.token, payment: ready.token },
    createPath: '/cases',
    transitionPath: (id) => `/cases/${id}/classify`,
    paymentPath: '/payments',
    stop: async () => { child.kill('SIGTERM'); await waitExit(child); },
  };
}
