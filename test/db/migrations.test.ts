/**
 * The migrations are the schema: after running them, the entities must need no further change
 * (on the dialect under test), and each dialect's migration list must name every file.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKernel, type TestKernel } from '../../core/testing/harness.js';
import { migrationIndexSource } from '../../core/db/migrations/write-index.js';
import { ROOT_DIR } from '../../core/kernel.js';

let kernel: TestKernel;
beforeAll(async () => {
  kernel = await startTestKernel({ plugins: ['service-desk'] });
});
afterAll(async () => kernel?.close());

describe('database migrations', () => {
  it('leave nothing for the entities to change', async () => {
    const diff = await kernel.orm.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false });
    expect(diff.trim()).toBe('');
  });

  it('runs SQLite in WAL mode, PostgreSQL on a throw-away database of its own', async () => {
    const conn = kernel.orm.em.getConnection();
    if (kernel.dialect === 'sqlite') {
      const rows = await conn.execute<{ journal_mode: string }[]>('PRAGMA journal_mode');
      expect(rows[0]!.journal_mode).toBe('wal');
    } else {
      const rows = await conn.execute<{ db: string }[]>('select current_database() as db');
      expect(rows[0]!.db).toMatch(/^wuye_t_/);
    }
  });

  it.each(['sqlite', 'postgresql'])('the %s migration list is up to date', (dialect) => {
    const dir = path.join(ROOT_DIR, 'core/db/migrations', dialect);
    expect(readFileSync(path.join(dir, 'index.ts'), 'utf8')).toBe(migrationIndexSource(dir));
  });
});
