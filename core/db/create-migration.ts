/**
 * Creates the next migration for both dialects from the entity definitions:
 *   npm run migration:create                     core's tables  -> core/db/migrations/<dialect>/
 *   npm run migration:create -- --plugin <id>    a plugin's     -> plugins/<id>/migrations/<dialect>/
 * SQLite is diffed on a throw-away file, PostgreSQL on a throw-away database on 127.0.0.1, after
 * applying the migrations that exist (core's, then the plugins' the target depends on).
 */
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MikroORM } from '@mikro-orm/core';
import pg from 'pg';
import { ormOptions, type Dialect, type PluginTables } from './orm.js';
import { writeMigrationIndex } from './migrations/write-index.js';
import { loadPlugins } from '../declarations/load-plugins.js';
import { ROOT_DIR } from '../kernel.js';

const pluginFlag = process.argv.indexOf('--plugin');
const pluginId = pluginFlag >= 0 ? process.argv[pluginFlag + 1] : undefined;

/** The target plugin's tables and those of the plugins before it in dependency order. */
async function pluginTables(): Promise<PluginTables[]> {
  if (!pluginId) return [];
  const loaded = await loadPlugins({ pluginsDir: path.join(ROOT_DIR, 'plugins') });
  const tables: PluginTables[] = [];
  for (const bundle of loaded.bundles) {
    const db = loaded.extensions.databases.get(bundle.id);
    if (db) tables.push(db);
    if (bundle.id === pluginId) {
      if (!db) throw new Error(`plugin ${pluginId} declares no database (definePlugin({ database }))`);
      return tables;
    }
  }
  throw new Error(`no plugin ${pluginId}`);
}

function migrationsDir(dialect: Dialect): string | undefined {
  if (!pluginId) return undefined;
  const dir = path.join(ROOT_DIR, 'plugins', pluginId, 'migrations', dialect);
  mkdirSync(dir, { recursive: true });
  return dir;
}

async function create(label: Dialect, options: Parameters<typeof ormOptions>[0], tables: PluginTables[]): Promise<void> {
  const orm = await MikroORM.init(ormOptions(options, tables, migrationsDir(label)));
  try {
    const migrator = orm.getMigrator();
    await migrator.up();
    const result = await migrator.createMigration(undefined, false, false, pluginId?.replace(/-/g, '_'));
    console.log(result.fileName ? `${label}: created ${result.fileName}` : `${label}: schema up to date, nothing to create`);
    const dir = (orm.config.get('migrations') as { path: string }).path;
    if (writeMigrationIndex(dir)) console.log(`${label}: updated ${dir}/index.ts`);
  } finally {
    await orm.close(true);
  }
}

const tables = await pluginTables();
const dir = mkdtempSync(path.join(os.tmpdir(), 'wuye-migration-'));
await create('sqlite', { sqlitePath: path.join(dir, 'm.sqlite') }, tables);
rmSync(dir, { recursive: true, force: true });

const admin = new pg.Client({ connectionString: process.env.PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' });
await admin.connect();
const db = `wuye_migration_${process.pid}`;
await admin.query(`CREATE DATABASE ${db}`);
try {
  await create('postgresql', { url: `postgres://postgres@127.0.0.1:5432/${db}` }, tables);
} finally {
  await admin.query(`DROP DATABASE ${db} WITH (FORCE)`);
  await admin.end();
}
