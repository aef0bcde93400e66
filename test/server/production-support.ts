/**
 * For the tests of the production build: the build itself (made once, reused while no source is
 * newer than it — `npm run build` in CI before the tests), a fresh database per server on the
 * test dialect, and a server process started the way production starts it: `node` on the compiled
 * entry, nothing in between.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { ROOT_DIR } from '../../core/kernel.js';
import { BUILD_INFO_FILE, newestSourceMtime, type BuildInfo } from '../../core/server/build-stamp.js';
import { PG_ADMIN_URL, testDialect } from '../../core/testing/harness.js';

export const BUILD_DIR = path.resolve(ROOT_DIR, process.env.WUYE_BUILD_DIR ?? 'dist');

/** Builds unless build-info.json says the build is at least as new as every source. */
export function ensureProductionBuild(): string {
  const infoFile = path.join(BUILD_DIR, BUILD_INFO_FILE);
  const info = existsSync(infoFile) ? (JSON.parse(readFileSync(infoFile, 'utf8')) as BuildInfo) : undefined;
  if (!info || info.sourceStamp < newestSourceMtime(ROOT_DIR)) {
    execFileSync(path.join(ROOT_DIR, 'node_modules/.bin/tsx'), ['core/server/build.ts'], { cwd: ROOT_DIR, env: { ...process.env, WUYE_BUILD_DIR: BUILD_DIR }, stdio: 'pipe' });
  }
  // a build outside the project (WUYE_BUILD_DIR=/tmp/…) reaches the project's packages through a link
  const modules = path.join(BUILD_DIR, 'node_modules');
  if (!BUILD_DIR.startsWith(`${ROOT_DIR}${path.sep}`) && !existsSync(modules)) symlinkSync(path.join(ROOT_DIR, 'node_modules'), modules);
  return BUILD_DIR;
}

export interface FreshDatabase {
  /** DATABASE_URL or WUYE_SQLITE for the server's environment */
  env: Record<string, string>;
  sqlitePath?: string;
  url?: string;
  drop(): Promise<void>;
}

export async function freshDatabase(): Promise<FreshDatabase> {
  if (testDialect() === 'postgresql') {
    const name = `wuye_prod_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
    const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(PG_ADMIN_URL);
    url.pathname = `/${name}`;
    return {
      env: { DATABASE_URL: url.toString() },
      url: url.toString(),
      async drop() {
        const c = new pg.Client({ connectionString: PG_ADMIN_URL });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
      },
    };
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'wuye-prod-'));
  const sqlitePath = path.join(dir, 'wuye.sqlite');
  return { env: { WUYE_SQLITE: sqlitePath, DATABASE_URL: '' }, sqlitePath, async drop() { rmSync(dir, { recursive: true, force: true }); } };
}

export interface ServerProcess {
  child: ChildProcess;
  /** everything written to stdout and stderr so far */
  output(): string;
  /** resolves with the first match of `pattern` in the output (rejects when the process exits first) */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** `node [nodeArgs] <build>/core/server/main.js` with the environment given (PORT 0, host 127.0.0.1). */
export function startProductionServer(env: Record<string, string>, nodeArgs: string[] = []): ServerProcess {
  const { WUYE_UI_DIST: _ui, NODE_OPTIONS: _options, ...inherited } = process.env;
  const child = spawn(process.execPath, [...nodeArgs, path.join(BUILD_DIR, 'core/server/main.js')], {
    cwd: os.tmpdir(),
    env: { ...inherited, PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const listeners = new Set<() => void>();
  const append = (b: Buffer) => {
    out += b.toString();
    listeners.forEach((l) => l());
  };
  child.stdout!.on('data', append);
  child.stderr!.on('data', append);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return {
    child,
    output: () => out,
    exited,
    waitFor(pattern, timeoutMs = 60_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const m = pattern.exec(out);
          if (m) {
            done();
            resolve(m);
          }
        };
        const timer = setTimeout(() => { done(); reject(new Error(`no ${pattern} within ${timeoutMs} ms:\n${out}`)); }, timeoutMs);
        const done = () => { clearTimeout(timer); listeners.delete(check); };
        listeners.add(check);
        void exited.then(({ code }) => { if (listeners.has(check)) { done(); reject(new Error(`server exited (${code}) before ${pattern}:\n${out}`)); } });
        check();
      });
    },
  };
}
