/**
 * The per-company limit on configuration compilations: a few run, a few wait their turn in order,
 * the rest are refused with 429; other companies are not held up.
 */
import { describe, expect, it } from 'vitest';
import { CompanyLimiter, TooManyCompilationsError } from './company-limiter.js';

/** Work that finishes when the test says so. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => { open = resolve; });
  return { open, opened };
}

describe('CompanyLimiter', () => {
  it('runs up to the limit, queues the next ones in order, refuses beyond the queue', async () => {
    const limiter = new CompanyLimiter({ running: 2, queued: 1 });
    const order: string[] = [];
    const gates = [gate(), gate(), gate()];
    const work = (name: string, g: ReturnType<typeof gate>) => async () => { order.push(`start ${name}`); await g.opened; order.push(`end ${name}`); return name; };
    const a = limiter.run(1, work('a', gates[0]!));
    const b = limiter.run(1, work('b', gates[1]!));
    const c = limiter.run(1, work('c', gates[2]!));
    await expect(limiter.run(1, async () => 'd')).rejects.toBeInstanceOf(TooManyCompilationsError);
    await Promise.resolve();
    expect(order).toEqual(['start a', 'start b']);
    expect(limiter.load(1)).toEqual({ running: 2, waiting: 1 });

    gates[0]!.open();
    expect(await a).toBe('a');
    await new Promise((resolve) => setImmediate(resolve));
    expect(order).toEqual(['start a', 'start b', 'end a', 'start c']);
    expect(limiter.load(1)).toEqual({ running: 2, waiting: 0 });
    gates[1]!.open();
    gates[2]!.open();
    expect(await Promise.all([b, c])).toEqual(['b', 'c']);
    expect(limiter.load(1)).toEqual({ running: 0, waiting: 0 });
  });

  it('one company at its limit does not hold up another', async () => {
    const limiter = new CompanyLimiter({ running: 1, queued: 0 });
    const g = gate();
    const busy = limiter.run(1, async () => g.opened);
    await expect(limiter.run(1, async () => 'x')).rejects.toMatchObject({ statusCode: 429, message: expect.stringContaining('1 running and 0 waiting') });
    expect(await limiter.run(2, async () => 'other company')).toBe('other company');
    g.open();
    await busy;
  });

  it('a failing compilation frees its place', async () => {
    const limiter = new CompanyLimiter({ running: 1, queued: 0 });
    await expect(limiter.run(1, async () => { throw new Error('broken draft'); })).rejects.toThrow('broken draft');
    expect(await limiter.run(1, async () => 'next')).toBe('next');
  });
});
