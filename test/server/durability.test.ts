/**
 * Money is written durably: on SQLite every commit is fsynced to the WAL (synchronous = FULL, 2),
 * so an acknowledged payment survives a power loss, not only a crash of the process; PostgreSQL
 * keeps its durable defaults (fsync and synchronous_commit on).
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

describe('durability', () => {
  it('commits survive a power loss', async () => {
    const conn = kernel.orm.em.getConnection();
    if (kernel.dialect === 'sqlite') {
      expect(await conn.execute('PRAGMA journal_mode')).toEqual([{ journal_mode: 'wal' }]);
      expect(await conn.execute('PRAGMA synchronous')).toEqual([{ synchronous: 2 }]);
    } else {
      expect(await conn.execute('show fsync')).toEqual([{ fsync: 'on' }]);
      expect(await conn.execute('show synchronous_commit')).toEqual([{ synchronous_commit: 'on' }]);
    }
  });
});
