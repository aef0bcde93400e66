/**
 * SQLite's scheduler: each job on its own timer, never two runs of one job at once in the process,
 * a failing job logged and retried on its next tick, a running job finished before stop resolves.
 * Fake timers move time; nothing sleeps.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { InProcessScheduler } from './in-process-scheduler.js';
import { jobPeriodsFromEnv, jobsEnabledFromEnv, withPeriods, type Job } from './job.js';

afterEach(() => { vi.useRealTimers(); });

describe('in-process scheduler', () => {
  it('runs each job at its own period, skips a tick while its previous run is still going, and waits for it on stop', async () => {
    vi.useFakeTimers();
    const errors: unknown[] = [];
    const scheduler = new InProcessScheduler(() => new Date(0), { info: () => undefined, error: (obj) => errors.push(obj) });
    let slowRuns = 0;
    let finishSlow!: () => void;
    const slow: Job = { name: 'slow', everySeconds: 1, run: () => { slowRuns++; return new Promise<void>((r) => { finishSlow = r; }); } };
    let fastRuns = 0;
    const fast: Job = { name: 'fast', everySeconds: 2, run: async () => { fastRuns++; } };
    let failures = 0;
    const failing: Job = { name: 'failing', everySeconds: 3, run: async () => { failures++; throw new Error('boom'); } };
    await scheduler.start([slow, fast, failing]);
    await vi.advanceTimersByTimeAsync(6_000);
    expect(slowRuns).toBe(1); // still running: later ticks are skipped
    expect(fastRuns).toBe(3);
    expect(failures).toBe(2);
    expect(errors).toHaveLength(2);
    let stopped = false;
    const stopping = scheduler.stop().then(() => { stopped = true; });
    await vi.advanceTimersByTimeAsync(100);
    expect(stopped).toBe(false); // the slow run is still going
    finishSlow();
    await stopping;
    await vi.advanceTimersByTimeAsync(10_000);
    expect([slowRuns, fastRuns]).toEqual([1, 3]); // nothing after stop
  });
});

describe('job settings from the environment', () => {
  it('WUYE_JOBS=off turns jobs off; anything else leaves them on', () => {
    expect(['off', 'OFF', '0', 'false'].map(jobsEnabledFromEnv)).toEqual([false, false, false, false]);
    expect([undefined, '', 'on', '1'].map(jobsEnabledFromEnv)).toEqual([true, true, true, true]);
  });

  it('WUYE_JOB_PERIODS overrides named jobs; a malformed entry or an unknown job is refused, naming it', () => {
    const jobs: Job[] = [{ name: 'core.overdue', everySeconds: 60, run: async () => undefined }, { name: 'billing.notices', everySeconds: 3600, run: async () => undefined }];
    expect(withPeriods(jobs, jobPeriodsFromEnv('core.overdue=5, billing.notices=600')).map((j) => j.everySeconds)).toEqual([5, 600]);
    expect(() => jobPeriodsFromEnv('core.overdue=0')).toThrow(/"core.overdue=0"/);
    expect(() => jobPeriodsFromEnv('core.overdue')).toThrow(/"core.overdue"/);
    expect(() => withPeriods(jobs, { 'core.overdu': 5 })).toThrow(/unknown jobs: core.overdu/);
  });
});
