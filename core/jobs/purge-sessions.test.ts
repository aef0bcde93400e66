/**
 * The housekeeping job deletes expired sessions (a live one keeps working) and login-throttle rows
 * nobody needs any more (a current lock is kept).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKernel, type TestKernel } from '../testing/harness.js';
import { LoginThrottle, Session } from '../db/entities/index.js';
import { hashToken } from '../auth/sessions.js';

describe('session purge job', () => {
  let kernel: TestKernel;
  beforeAll(async () => {
    kernel = await startTestKernel({ plugins: ['service-desk'] });
    await kernel.seed();
  });
  afterAll(async () => kernel?.close());

  it('deletes expired sessions and stale throttle rows, keeping live ones', async () => {
    const live = await kernel.login('frontdesk');
    const em = kernel.orm.em.fork();
    const staff = (await em.findOneOrFail(Session, { tokenHash: hashToken(live) }));
    const day = 24 * 60 * 60_000;
    const now = kernel.clock.now();
    em.create(Session, { tokenHash: 'e'.repeat(64), companyId: staff.companyId, staffId: staff.staffId, createdAt: new Date(Date.now() - 2 * day), expiresAt: new Date(Date.now() - day) });
    em.create(LoginThrottle, { key: 'user:old', failures: 3, windowStart: new Date(now.getTime() - 2 * day), lockedUntil: null });
    em.create(LoginThrottle, { key: 'user:locked', failures: 9, windowStart: new Date(now.getTime() - 2 * day), lockedUntil: new Date(now.getTime() + 60_000) });
    em.create(LoginThrottle, { key: 'user:recent', failures: 1, windowStart: now, lockedUntil: null });
    await em.flush();

    await kernel.runJobs();

    const left = kernel.orm.em.fork();
    expect((await left.find(Session, {})).map((s) => s.tokenHash)).toEqual([hashToken(live)]);
    expect((await left.find(LoginThrottle, {}, { orderBy: { key: 'asc' } })).map((t) => t.key)).toEqual(['user:locked', 'user:recent']);
    expect((await kernel.call(live, 'GET', '/api/auth/me')).statusCode).toBe(200);
  });
});
