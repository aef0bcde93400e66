/**
 * Two instances opening one fresh PostgreSQL database at the same moment both bring it up to date:
 * migrations run under the cross-instance lock, so the second finds them applied instead of
 * creating the same tables at once (`duplicate key … pg_type_typname_nsp_index`). PostgreSQL only.
 */
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../core/db/orm.js';
import { PG_ADMIN_URL } from '../../core/testing/harness.js';

const DB = `wuye_migr_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;

async function admin(sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: PG_ADMIN_URL });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

describe('migrations on a fresh database', () => {
  afterAll(async () => admin(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`));

  it('three instances starting together all open it, and each migration is applied once', async () => {
    await admin(`CREATE DATABASE ${DB}`);
    const url = new URL(PG_ADMIN_URL);
    url.pathname = `/${DB}`;
    const opened = await Promise.allSettled([0, 1, 2].map(() => openDatabase({ url: url.toString() })));
    const orms = opened.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []));
    try {
      expect(opened.map((o) => (o.status === 'rejected' ? String(o.reason) : 'ok'))).toEqual(['ok', 'ok', 'ok']);
      const rows = await orms[0]!.em.getConnection().execute('select name, count(*)::int as n from mikro_orm_migrations group by name having count(*) > 1');
      expect(rows).toEqual([]);
    } finally {
      await Promise.all(orms.map((o) => o.close(true)));
    }
  });
});
