/**
 * An instance's role in job processing, as the readiness check reports it: pg-boss on PostgreSQL,
 * in-process timers on SQLite, off with WUYE_JOBS=off (it serves requests only).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startTestKernel, testDialect, type TestKernel } from '../testing/harness.js';

describe('job role', () => {
  let kernel: TestKernel | undefined;
  afterEach(async () => {
    delete process.env.WUYE_JOBS;
    await kernel?.close();
    kernel = undefined;
  });

  it('an instance with jobs on works them through its dialect\'s scheduler and says so when asked if it is ready', async () => {
    kernel = await startTestKernel({ plugins: ['service-desk'], jobTimers: true });
    const expected = testDialect() === 'postgresql' ? 'pg-boss' : 'in-process';
    expect(kernel.jobRole).toBe(expected);
    const ready = await kernel.app.inject({ method: 'GET', url: '/api/health/ready' });
    expect(ready.statusCode, ready.body).toBe(200);
    expect(ready.json().checks.jobs).toEqual({ ok: true, role: expected });
    expect(ready.json().checks.cacheBus).toMatchObject({ ok: true, kind: testDialect() === 'postgresql' ? 'postgresql' : 'in-process', connected: true });
  });

  it('WUYE_JOBS=off: the instance runs no jobs', async () => {
    process.env.WUYE_JOBS = 'off';
    kernel = await startTestKernel({ plugins: ['service-desk'], jobTimers: true });
    expect(kernel.jobRole).toBe('off');
    const ready = await kernel.app.inject({ method: 'GET', url: '/api/health/ready' });
    expect(ready.json().checks.jobs).toEqual({ ok: true, role: 'off' });
  });
});
