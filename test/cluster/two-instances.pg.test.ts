/**
 * Two server processes on one fresh PostgreSQL database, started at the same moment (what a
 * deployment behind a load balancer does). Collected by the PostgreSQL run only (`npm run test:pg`,
 * see vitest.config.ts: `*.pg.test.ts`): SQLite is one process per file and has nothing to share.
 *
 * - both become ready (migrations and the demo seeding take turns under the cross-instance lock);
 * - a configuration activated through A is used by B's next case within 1 s (LISTEN/NOTIFY);
 * - that case's deadline (patched to 0 minutes) expires: it is marked and escalated exactly once,
 *   though both instances work the overdue queue every second;
 * - the billing notices due today are issued, each once, and the job never fails on the other's rows;
 * - a logout through A is refused by B within 1 s;
 * - the login limiter is shared: failures alternate between A and B and lock the name on both.
 *
 * The servers run on the real clock: the deadline is made due by configuration, not by moving time.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PG_ADMIN_URL } from '../../core/testing/harness.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const DB = `wuye_cluster_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
const url = new URL(PG_ADMIN_URL);
url.pathname = `/${DB}`;
const DATABASE_URL = url.toString();

interface Server { name: string; child: ChildProcess; output: string; baseUrl: string }
const servers: Server[] = [];
/** what the run measured, printed once at the end (the README quotes it) */
const measured: Record<string, string> = {};
let db: pg.Client;

async function admin(sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: PG_ADMIN_URL });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

function start(name: string): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'core/server/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env, NODE_ENV: 'development', PORT: '0', HOST: '127.0.0.1', DATABASE_URL, LOG_LEVEL: 'info', WUYE_JOBS: 'on',
      // the overdue scan every second, the notices every 2 s: the test sees several runs of each
      WUYE_JOB_PERIODS: 'core.overdue=1,billing.notices=2',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const server: Server = { name, child, output: '', baseUrl: '' };
  servers.push(server);
  child.stdout!.on('data', (b: Buffer) => { server.output += b.toString(); });
  child.stderr!.on('data', (b: Buffer) => { server.output += b.toString(); });
  return new Promise<Server>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start:\n${servers.map((s) => `--- ${s.name}\n${s.output}`).join('\n')}`)), 90_000);
    const check = () => {
      const m = /is running at (http:\/\/127\.0\.0\.1:\d+)/.exec(server.output) ?? /"url":"(http:\/\/127\.0\.0\.1:\d+)"/.exec(server.output);
      if (m) { clearTimeout(timer); server.baseUrl = m[1]!; resolve(server); }
    };
    child.stdout!.on('data', check);
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`${name} exited ${code}:\n${server.output}`)); });
  });
}

async function call(server: Server, method: string, route: string, token?: string | null, body?: unknown): Promise<{ status: number; json: any }> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const res = await fetch(`${server.baseUrl}${route}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : null };
}

async function login(server: Server, username: string, password = 'wuye2026'): Promise<string> {
  const res = await call(server, 'POST', '/api/auth/login', null, { username, password });
  expect(res.status, JSON.stringify(res.json)).toBe(200);
  return res.json.token as string;
}

/** Polls `probe` until it returns a value (not undefined) or `withinMs` passes; returns it and the time taken. */
async function within<T>(withinMs: number, probe: () => Promise<T | undefined>): Promise<{ value: T | undefined; ms: number }> {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    const ms = Date.now() - started;
    if (value !== undefined || ms > withinMs) return { value, ms };
    await new Promise((r) => setImmediate(r));
  }
}

const registerComplaint = (server: Server, token: string) => call(server, 'POST', '/api/cases/complaint', token, {
  projectId: 1, unitId: 1, personId: 1, data: { channel: 'phone', complainantName: '张伟', contactPhone: '13800000001', content: '楼道灯坏了' },
});

beforeAll(async () => {
  await admin(`CREATE DATABASE ${DB}`);
  db = new pg.Client({ connectionString: DATABASE_URL });
  await db.connect();
  const started = Date.now();
  await Promise.all([start('A'), start('B')]);
  measured['both ready after'] = `${Date.now() - started} ms`;
}, 120_000); // measured on a 2-core machine: 13 s for both, 45 s while it ran other work (load average 12)

afterAll(async () => {
  await Promise.all(servers.map(async (s) => {
    if (s.child.exitCode !== null) return;
    const exited = new Promise((r) => s.child.once('exit', r));
    s.child.kill('SIGTERM');
    await exited;
  }));
  console.log(`two instances: ${Object.entries(measured).map(([k, v]) => `${k} ${v}`).join('; ')}`);
  await db?.end();
  await admin(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
}, 30_000);

describe('two instances on one PostgreSQL database', () => {
  const [a, b] = [() => servers.find((s) => s.name === 'A')!, () => servers.find((s) => s.name === 'B')!];

  it('both become ready, working the job queue; the demo company is seeded once', async () => {
    for (const server of [a(), b()]) {
      const ready = await call(server, 'GET', '/api/health/ready');
      expect(ready.status, JSON.stringify(ready.json)).toBe(200);
      expect(ready.json.checks.jobs).toEqual({ ok: true, role: 'pg-boss' });
      expect(ready.json.checks.cacheBus).toMatchObject({ ok: true, kind: 'postgresql', connected: true });
    }
    expect((await db.query('select count(*)::int as n from company')).rows[0].n).toBe(1);
  });

  let caseId = 0;
  it('a configuration activated through A is used by B\'s next case within 1 s', async () => {
    const adminA = await login(a(), 'admin');
    const desk = await login(b(), 'frontdesk');
    // B has the current configuration cached (its timeline is kept up to 5 s without the bus)
    const before = await registerComplaint(b(), desk);
    expect(before.status, JSON.stringify(before.json)).toBe(201);
    const proposed = await call(a(), 'POST', '/api/config/versions', adminA, {
      reason: '测试：转交时限改为立即到期',
      patch: { plugins: { complaints: { workflows: { complaint: { deadlines: { forward: { duration: { amount: 0, unit: 'minutes' } } } } } } } },
    });
    expect(proposed.status, JSON.stringify(proposed.json)).toBe(201);
    const activated = await call(a(), 'POST', `/api/config/versions/${proposed.json.number}/activate`, adminA, {});
    expect(activated.status, JSON.stringify(activated.json)).toBe(200);
    const { value, ms } = await within(1000, async () => {
      const res = await registerComplaint(b(), desk);
      expect(res.status, JSON.stringify(res.json)).toBe(201);
      const view = await call(b(), 'GET', `/api/cases/complaint/${res.json.id}`, desk);
      const forward = (view.json.deadlines as { key: string; dueAt: string }[]).find((d) => d.key === 'forward');
      // the old configuration gives 30 minutes, the new one none
      return forward && Date.parse(forward.dueAt) - Date.now() < 60_000 ? view.json as { id: number } : undefined;
    });
    expect(value, `B still used the old configuration after ${ms} ms`).toBeDefined();
    measured['configuration on B after'] = `${ms} ms`;
    caseId = value!.id;
  });

  it('the expired deadline is marked and escalated exactly once, though both instances scan every second', async () => {
    const marked = await within(15_000, async () => {
      const { rows } = await db.query("select count(*)::int as n from case_deadline where case_id = $1 and key = 'forward' and status = 'overdue'", [caseId]);
      return rows[0].n === 1 ? true : undefined;
    });
    expect(marked.value, 'the deadline was not marked overdue').toBe(true);
    measured['deadline marked after'] = `${marked.ms} ms`;
    // let both instances scan again a few times: completed overdue jobs after the marking
    const since = new Date();
    const more = await within(15_000, async () => {
      const { rows } = await db.query("select count(*)::int as n from pgboss.job where name = 'wuye-core-overdue' and state = 'completed' and completed_on > $1", [since]);
      return rows[0].n >= 3 ? true : undefined;
    });
    expect(more.value, 'the overdue scan did not run again').toBe(true);
    const events = await db.query("select count(*)::int as n from case_event where case_id = $1 and type = 'overdue'", [caseId]);
    expect(events.rows[0].n).toBe(1);
    // one job per slot across both instances: never two runs of one second
    const slots = await db.query("select singleton_on, count(*)::int as n from pgboss.job where name = 'wuye-core-overdue' group by singleton_on having count(*) > 1");
    expect(slots.rows).toEqual([]);
  });

  it('the billing notices due today are issued, each once, and no job failed on either instance', async () => {
    const ran = await within(15_000, async () => {
      const { rows } = await db.query("select count(*)::int as n from pgboss.job where name = 'wuye-billing-notices' and state = 'completed'");
      return rows[0].n >= 2 ? true : undefined;
    });
    expect(ran.value, 'the notices job did not run twice').toBe(true);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    // every notice due today has been issued (the candidates of plugins/billing/ledger/notices.ts), and
    // none twice: issuing is idempotent per bill and kind, so the other instance's run adds nothing
    const missing = await db.query(`
      select b.id, k.kind from billing_bill b cross join (values ('payment'), ('reminder'), ('final')) as k(kind)
      where ((k.kind = 'payment' and b.notice_on <= $1 and b.period_end >= $1)
          or (k.kind = 'reminder' and b.status = 'open' and b.reminder_on <= $1)
          or (k.kind = 'final' and b.status = 'open' and b.final_notice_on <= $1))
        and not exists (select 1 from billing_notice n where n.bill_id = b.id and n.kind = k.kind)`, [today]);
    expect(missing.rows).toEqual([]);
    const issued = await db.query('select count(*)::int as n, count(distinct (bill_id, kind))::int as distinct_n from billing_notice');
    expect(issued.rows[0].n).toBeGreaterThan(0);
    expect(issued.rows[0].distinct_n).toBe(issued.rows[0].n);
    const failed = await db.query("select name, count(*)::int as n from pgboss.job where name like 'wuye-%' and state in ('failed', 'retry') group by name");
    expect(failed.rows).toEqual([]);
    for (const server of [a(), b()]) expect(server.output).not.toMatch(/job failed|could not offer a job/);
  });

  it('a logout through A is refused by B within 1 s', async () => {
    const token = await login(a(), 'supervisor');
    expect((await call(b(), 'GET', '/api/auth/me', token)).status).toBe(200); // B caches the session
    expect((await call(a(), 'POST', '/api/auth/logout', token)).status).toBeLessThan(300);
    const { value, ms } = await within(1000, async () => ((await call(b(), 'GET', '/api/auth/me', token)).status === 401 ? true : undefined));
    expect(value, `B still accepted the token ${ms} ms after the logout`).toBe(true);
    measured['logout refused by B after'] = `${ms} ms`;
  });

  it('the login limit is shared: failures through A and B together lock the name on both', async () => {
    const attempt = (server: Server, password: string) => call(server, 'POST', '/api/auth/login', null, { username: 'cashier', password });
    for (const server of [a(), b(), a(), b(), a()]) expect((await attempt(server, 'wrong-password')).status).toBe(401);
    // five failures in all (three on A, two on B): locked on both, even with the right password
    expect((await attempt(b(), 'wuye2026')).status).toBe(429);
    expect((await attempt(a(), 'wuye2026')).status).toBe(429);
  });
});
