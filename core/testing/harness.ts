/**
 * The one kernel harness for tests: `startTestKernel({ plugins: [...] })` boots core with only the
 * named plugins on a throw-away database — a temp SQLite file, or a fresh PostgreSQL database when
 * WUYE_TEST_DB=postgres — with a controllable clock, and answers `inject()` calls.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { ROOT_DIR, startKernel, type Kernel, type KernelOptions } from '../kernel.js';
import type { EffectContext } from '../extensions.js';
import { setUnitStatusIn } from '../registry/unit-status.js';
import { seedRegistry, type RegistryDocument, type SeededRegistry } from '../registry/seed-registry.js';

// what plugin tests need besides the kernel: the registry document they seed
export type { RegistryDocument, SeededRegistry };

export const PG_ADMIN_URL = process.env.WUYE_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestClock {
  now(): Date;
  set(instant: Date | string): void;
  advance(ms: number): void;
}

export interface TestKernel extends Kernel {
  clock: TestClock;
  dialect: 'sqlite' | 'postgresql';
  /** seeds a registry document (default: the demo company) */
  seed(doc?: RegistryDocument): Promise<SeededRegistry>;
  /** logs in and returns a bearer token */
  login(username: string, password?: string): Promise<string>;
  /**
   * Runs a plugin's workflow effect as the engine does — in a transaction, with a full context —
   * for effect unit tests. Unset fields get neutral defaults (the company calendar, its settings).
   */
  runEffect(type: string, ctx: EffectTestContext): Promise<void>;
  /** inject() with a bearer token; JSON bodies are sent as-is */
  call(token: string | null, method: InjectOptions['method'], url: string, body?: unknown): Promise<LightMyRequestResponse>;
}

export type EffectTestContext = Partial<Omit<EffectContext, 'em' | 'openCase' | 'settingsOf' | 'calendar'>> & Pick<EffectContext, 'companyId' | 'projectId' | 'unitId'>;

export interface TestKernelOptions extends Partial<Omit<KernelOptions, 'database' | 'now'>> {
  /** starting time of the test clock (default: real now) */
  startAt?: Date | string;
}

export function demoRegistry(): RegistryDocument {
  return JSON.parse(readFileSync(path.join(ROOT_DIR, 'plugins/service-desk/demo/registry.json'), 'utf8')) as RegistryDocument;
}

export function testDialect(): 'sqlite' | 'postgresql' {
  return process.env.WUYE_TEST_DB === 'postgres' ? 'postgresql' : 'sqlite';
}

export async function startTestKernel(options: TestKernelOptions = {}): Promise<TestKernel> {
  // message channels and robots in tests post to local fake providers (provider-endpoint.ts)
  process.env.WUYE_PROVIDER_ENDPOINTS ??= 'loopback';
  let current = options.startAt ? new Date(options.startAt) : new Date();
  const clock: TestClock = {
    now: () => new Date(current.getTime()),
    set: (instant) => { current = new Date(instant); },
    advance: (ms) => { current = new Date(current.getTime() + ms); },
  };
  const dialect = testDialect();
  let cleanup: () => Promise<void>;
  let database: KernelOptions['database'];
  if (dialect === 'postgresql') {
    const name = `wuye_t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
    const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(PG_ADMIN_URL);
    url.pathname = `/${name}`;
    database = { url: url.toString() };
    cleanup = async () => {
      const c = new pg.Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  } else {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'wuye-test-'));
    database = { sqlitePath: path.join(dir, 'test.sqlite') };
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  }

  const { startAt: _startAt, ...kernelOptions } = options;
  const kernel = await startKernel({ ...kernelOptions, database, now: clock.now, loginRateLimit: options.loginRateLimit ?? { max: 1000, timeWindow: 60_000 } });
  const call: TestKernel['call'] = (token, method, url, body) => kernel.app.inject({
    method,
    url,
    headers: token ? { authorization: `Bearer ${token}` } : {},
    ...(body === undefined ? {} : { payload: body as InjectOptions['payload'] }),
  });
  return {
    ...kernel,
    clock,
    dialect,
    seed: (doc = demoRegistry()) => seedRegistry(kernel.orm, kernel.configs, doc),
    async login(username, password = 'wuye2026') {
      const res = await call(null, 'POST', '/api/auth/login', { username, password });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      return (res.json() as { token: string }).token;
    },
    call,
    async runEffect(type, partial) {
      const handler = kernel.plugins.extensions.effects.get(type);
      if (!handler) throw new Error(`no effect ${type}`);
      const version = await kernel.configs.current(partial.companyId, clock.now());
      const config = await kernel.configs.compiledFor(partial.companyId, version.id, null);
      await kernel.orm.em.fork().transactional((em) => handler({
        pluginId: 'test', caseType: 'test', caseId: 0, serial: 'T-0000-000000', configVersionId: version.id, state: 'test', data: {},
        actor: { staffId: 0, roles: [] }, params: {}, now: clock.now(), ...partial,
        calendar: config.calendar, settingsOf: (id) => config.pluginSettings.get(id), em,
        setUnitStatus: (status) => setUnitStatusIn(em, partial.companyId, partial.unitId, status),
        openCase: (caseType, open) => kernel.cases.openCaseIn(em, caseType, {
          companyId: partial.companyId, projectId: open.projectId ?? partial.projectId, unitId: open.unitId === undefined ? partial.unitId : open.unitId,
          personId: open.personId ?? null, data: open.data, createdBy: partial.actor?.staffId ?? 0, actorRoles: partial.actor?.roles ?? [],
        }),
      }));
    },
    async close() {
      await kernel.close();
      await cleanup();
    },
  };
}
