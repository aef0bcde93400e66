/**
 * Creates the next migration for both dialects from the entity definitions:
 *   npm run migration:create
 * SQLite is diffed on a throw-away file, PostgreSQL on a throw-away database on 127.0.0.1.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MikroORM } from '@mikro-orm/core';
import pg from 'pg';
import { ormOptions } from './orm.js';
import { writeMigrationIndex } from './migrations/write-index.js';

async function create(label: string, options: Parameters<typeof ormOptions>[0]): Promise<void> {
  const orm = await MikroORM.init(ormOptions(options));
  try {
    const migrator = orm.getMigrator();
    await migrator.up();
    const result = await migrator.createMigration();
    console.log(result.fileName ? `${label}: created ${result.fileName}` : `${label}: schema up to date, nothing to create`);
    const dir = (orm.config.get('migrations') as { path: string }).path;
    if (writeMigrationIndex(dir)) console.log(`${label}: updated ${dir}/index.ts`);
  } finally {
    await orm.close(true);
  }
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'wuye-migration-'));
await create('sqlite', { sqlitePath: path.join(dir, 'm.sqlite') });
rmSync(dir, { recursive: true, force: true });

const admin = new pg.Client({ connectionString: process.env.PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' });
await admin.connect();
const db = `wuye_migration_${process.pid}`;
await admin.query(`CREATE DATABASE ${db}`);
try {
  await create('postgresql', { url: `postgres://postgres@127.0.0.1:5432/${db}` });
} finally {
  await admin.query(`DROP DATABASE ${db} WITH (FORCE)`);
  await admin.end();
}
