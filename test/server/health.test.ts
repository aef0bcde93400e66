/**
 * Health for load balancers: /api/health/live answers while the process runs; /api/health/ready is
 * 200 only while the database answers and every migration is applied, 503 naming what is wrong
 * otherwise; checks other parts register (app.readiness.add) count too. Public: no session needed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKernel, type TestKernel } from '../../core/testing/harness.js';

let kernel: TestKernel;

beforeAll(async () => {
  kernel = await startTestKernel({ plugins: ['service-desk'] });
}, 60_000);

afterAll(async () => {
  await kernel?.close();
});

describe('health', () => {
  it('live and the old /api/health answer without a session', async () => {
    expect((await kernel.call(null, 'GET', '/api/health/live')).json()).toEqual({ ok: true });
    expect((await kernel.call(null, 'GET', '/api/health')).json()).toEqual({ ok: true });
  });

  it('ready: 200 with the database and migrations checked', async () => {
    const res = await kernel.call(null, 'GET', '/api/health/ready');
    expect(res.statusCode).toBe(200);
    const body = res.json() as { ok: boolean; checks: Record<string, { ok: boolean; applied?: number }> };
    expect(body.ok).toBe(true);
    expect(body.checks.database).toEqual({ ok: true });
    expect(body.checks.migrations!.ok).toBe(true);
    expect(body.checks.migrations!.applied).toBeGreaterThan(0);
  });

  it('ready: 503 naming a migration that is not applied', async () => {
    const conn = kernel.orm.em.getConnection();
    const [last] = (await conn.execute('select id, name from mikro_orm_migrations order by id desc limit 1')) as { id: number; name: string }[];
    await conn.execute('delete from mikro_orm_migrations where id = ?', [last!.id]);
    try {
      const res = await kernel.call(null, 'GET', '/api/health/ready');
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({ ok: false, checks: { database: { ok: true }, migrations: { ok: false, pending: [last!.name.replace(/\.[jt]s$/, '')] } } });
    } finally {
      await conn.execute('insert into mikro_orm_migrations (id, name, executed_at) values (?, ?, ?)', [last!.id, last!.name, new Date()]);
    }
    expect((await kernel.call(null, 'GET', '/api/health/ready')).statusCode).toBe(200);
  });

  it('ready: a check registered by another part of the kernel counts, a failing one gives 503', async () => {
    let healthy = true;
    kernel.app.readiness.add({ name: 'example', run: async () => (healthy ? { ok: true, role: 'worker' } : { ok: false, error: 'not yet' }) });
    expect((await kernel.call(null, 'GET', '/api/health/ready')).json()).toMatchObject({ ok: true, checks: { example: { ok: true, role: 'worker' } } });
    healthy = false;
    const res = await kernel.call(null, 'GET', '/api/health/ready');
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ ok: false, checks: { database: { ok: true }, example: { ok: false, error: 'not yet' } } });
  });
});
