/**
 * The production build as an operator runs it: `npm run build`, then `node dist/core/server/main.js`
 * on a fresh database — no tsx anywhere — no devDependency at all (a loader hook refuses them), no npm, no other process, no
 * demo company, JSON log lines only, health answers; SIGTERM while a slow request runs lets the
 * request finish and exits 0 within 10 s; a database whose accounts still have the demo password
 * is refused with one line.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT_DIR, startKernel } from '../../core/kernel.js';
import { seedRegistry } from '../../core/registry/seed-registry.js';
import { demoRegistry } from '../../core/testing/harness.js';
import { ensureProductionBuild, freshDatabase, startProductionServer, type FreshDatabase, type ServerProcess } from './production-support.js';

const FORBID_DEV = path.join(ROOT_DIR, 'test/fixtures/production/forbid-dev-packages.mjs');
const SLOW_PLUGIN = path.join(ROOT_DIR, 'test/fixtures/production/slow-request');

let build = '';
let db: FreshDatabase;
let server: ServerProcess;
let baseUrl = '';
let pluginsDir = '';

beforeAll(async () => {
  build = ensureProductionBuild();
  // the build's plugins plus one with a slow route, the way an operator adds a plugin folder; a
  // copy inside the build, where the compiled plugins' relative imports of core still resolve
  pluginsDir = path.join(build, `test-plugins-${process.pid}`);
  cpSync(path.join(build, 'plugins'), pluginsDir, { recursive: true });
  cpSync(SLOW_PLUGIN, path.join(pluginsDir, 'slow-request'), { recursive: true });
  db = await freshDatabase();
  server = startProductionServer({ ...db.env, WUYE_PLUGINS_DIR: pluginsDir, LOG_LEVEL: 'info' }, ['--import', FORBID_DEV]);
  baseUrl = (await server.waitFor(/"url":"(http:\/\/127\.0\.0\.1:\d+)"[^\n]*"msg":"Wuye is running"/))[1]!;
}, 240_000);

afterAll(async () => {
  if (server && server.child.exitCode === null && server.child.signalCode === null) {
    server.child.kill('SIGKILL');
    await server.exited;
  }
  await db?.drop();
  if (pluginsDir) rmSync(pluginsDir, { recursive: true, force: true });
});

describe('production start: node dist/core/server/main.js', () => {
  it('is one node process running the compiled entry, with no devDependency (tsx) loaded and no child process', async () => {
    const pid = server.child.pid!;
    expect(execFileSync('ps', ['-o', 'args=', '-p', String(pid)], { encoding: 'utf8' }).trim()).toBe(`${process.execPath} --import ${FORBID_DEV} ${path.join(build, 'core/server/main.js')}`);
    // ps exits 1 when it lists nothing: no child process
    const children = spawnSync('ps', ['-o', 'pid=,args=', '--ppid', String(pid)], { encoding: 'utf8' });
    expect(children.stdout.trim()).toBe('');
    // the worker threads' entries load the compiled workers too (tsx, a devDependency, would be refused by the hook)
    execFileSync(process.execPath, ['--import', FORBID_DEV, '--input-type=module', '-e', `await import(${JSON.stringify(path.join(build, 'core/config/draft-worker-entry.mjs'))})`], { stdio: 'pipe' });
    expect(server.output()).not.toMatch(/production loaded a devDependency/);
  });

  it('answers health: live, and ready with the database reachable and every migration applied', async () => {
    expect(await (await fetch(`${baseUrl}/api/health/live`)).json()).toEqual({ ok: true });
    expect(await (await fetch(`${baseUrl}/api/health`)).json()).toEqual({ ok: true });
    const ready = await fetch(`${baseUrl}/api/health/ready`);
    expect(ready.status).toBe(200);
    const body = (await ready.json()) as { ok: boolean; checks: Record<string, { ok: boolean }> };
    expect(body.ok).toBe(true);
    expect(body.checks.database).toEqual({ ok: true });
    expect(body.checks.migrations).toMatchObject({ ok: true });
  });

  it('serves the staff app and has no demo company', async () => {
    const page = await fetch(`${baseUrl}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<html');
    // the forms lab (a developer's page) is not deployed
    expect((await fetch(`${baseUrl}/forms-lab.html`)).status).toBe(404);
    const login = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'frontdesk', password: 'wuye2026' }) });
    expect(login.status).toBe(401);
    expect(server.output()).not.toContain('seeded the demo company');
    expect(server.output()).not.toContain('Demo logins');
  });

  it('the compiled CLI creates a company; its admin\'s configuration check compiles in a worker thread, still without tsx', async () => {
    const cli = spawnSync(process.execPath, ['--import', FORBID_DEV, path.join(build, 'core/cli/main.js'), 'company:create', '--code', 'PRODTEST', '--name', '生产测试物业', '--admin', 'prodadmin', '--admin-name', '管理员', '--admin-password-env', 'WUYE_TEST_ADMIN_PASSWORD'], {
      encoding: 'utf8',
      env: { ...process.env, ...db.env, WUYE_PLUGINS_DIR: pluginsDir, WUYE_TEST_ADMIN_PASSWORD: 'Qm7#vLp2-wuye-prod', NODE_OPTIONS: '' },
    });
    expect(cli.status, cli.stderr).toBe(0);
    const login = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'prodadmin', password: 'Qm7#vLp2-wuye-prod' }) });
    expect(login.status).toBe(200);
    const { token } = (await login.json()) as { token: string };
    const check = await fetch(`${baseUrl}/api/config/check`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ patch: {} }) });
    expect(check.status, await check.clone().text()).toBe(200);
    expect(((await check.json()) as { valid: boolean }).valid).toBe(true);
  }, 120_000);

  it('on SIGTERM finishes the request in flight, logs the shutdown and exits 0 within 10 s; every line it wrote is JSON (console.* included)', async () => {
    const slow = fetch(`${baseUrl}/api/slow-request/wait`);
    await server.waitFor(/"msg":"SLOW REQUEST STARTED"/);
    const signalled = Date.now();
    server.child.kill('SIGTERM');
    const res = await slow;
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ done: true });
    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(Date.now() - signalled).toBeLessThan(10_000);
    const lines = server.output().split('\n').filter((l) => l);
    for (const line of lines) expect(() => JSON.parse(line), line).not.toThrow();
    const messages = lines.map((l) => (JSON.parse(l) as { msg: string }).msg);
    expect(messages).toEqual(expect.arrayContaining(['shutting down: no new connections, finishing the requests in flight', 'shut down cleanly']));
  }, 30_000);
});

describe('production start on a database with demo passwords', () => {
  it('refuses to start with one line naming the accounts, exit code 1', async () => {
    const demoDb = await freshDatabase();
    try {
      const kernel = await startKernel({ database: { url: demoDb.url, sqlitePath: demoDb.sqlitePath }, plugins: ['service-desk'] });
      await seedRegistry(kernel.orm, kernel.configs, demoRegistry());
      await kernel.close();
      const refused = startProductionServer({ ...demoDb.env, LOG_LEVEL: 'warn' });
      expect((await refused.exited).code).toBe(1);
      const lines = refused.output().trim().split('\n');
      expect(lines).toHaveLength(1);
      const line = JSON.parse(lines[0]!) as { level: number; msg: string };
      expect(line.level).toBe(60);
      expect(line.msg).toMatch(/^refusing to start in production: \d+ active account\(s\) still have the demo password wuye2026 \(.*frontdesk.*\)/);
    } finally {
      await demoDb.drop();
    }
  }, 120_000);
});
