/**
 * The PostgreSQL cache bus between two "instances" (two buses on one database): a publish reaches
 * the other's subscribers, not the publisher's twice; after its listening connection drops, a bus
 * reconnects, asks its subscribers to resync (drop everything: notifications were missed) and
 * receives again. PostgreSQL only (`*.pg.test.ts`, see vitest.config.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKernel, type TestKernel } from '../testing/harness.js';
import { PgBus } from './pg-bus.js';
import { SessionStore } from '../auth/sessions.js';

const quiet = { info: () => undefined, warn: () => undefined };

/** Waits for a condition, without sleeping: yields to the event loop until it holds or 5 s pass. */
async function until(condition: () => boolean | Promise<boolean>): Promise<void> {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > 5_000) throw new Error('condition not met within 5 s');
    await new Promise((r) => setImmediate(r));
  }
}

describe('PostgreSQL cache bus', () => {
  let kernel: TestKernel;
  let other: PgBus;
  beforeAll(async () => {
    kernel = await startTestKernel({ plugins: ['service-desk'] });
    other = new PgBus(String(kernel.orm.config.get('clientUrl')), kernel.orm, quiet);
    await other.start();
  });
  afterAll(async () => {
    await other?.close();
    await kernel?.close();
  });

  it('delivers a publish to the other instance once, and runs the publisher\'s own handlers once', async () => {
    const there: string[] = [];
    const here: string[] = [];
    other.subscribe('test.topic', (p) => there.push(p));
    kernel.bus.subscribe('test.topic', (p) => here.push(p));
    await kernel.bus.publish('test.topic', '42');
    await until(() => there.length === 1);
    expect(there).toEqual(['42']);
    expect(here).toEqual(['42']);
    await other.publish('test.topic', '43');
    await until(() => here.length === 2);
    expect(here).toEqual(['42', '43']);
  });

  it('reconnects after losing its connection, resyncs, and receives again', async () => {
    let resyncs = 0;
    other.onResync(() => { resyncs++; });
    const got: string[] = [];
    other.subscribe('test.after', (p) => got.push(p));
    other.simulateConnectionLoss();
    expect(other.connected).toBe(false);
    await until(() => other.connected && resyncs === 1);
    await kernel.bus.publish('test.after', 'back');
    await until(() => got.length === 1);
    expect(got).toEqual(['back']);
  });

  it('a logout on one instance ends the session in the other\'s cache at once', async () => {
    await kernel.seed();
    const token = await kernel.login('frontdesk');
    const elsewhere = new SessionStore(kernel.orm, other);
    expect(await elsewhere.resolve(token)).not.toBeNull(); // now cached there
    const revokedAt = Date.now();
    await kernel.sessions.revoke(token);
    await until(async () => (await elsewhere.resolve(token)) === null);
    expect(Date.now() - revokedAt).toBeLessThan(1000); // not the 30 s cache TTL
  });
});
