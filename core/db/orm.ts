/**
 * Opens the database: an SQLite file in WAL mode by default (embedded), PostgreSQL when a
 * postgres:// URL is given (scale-out). Same entities, same code; migrations per dialect.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MikroORM, type Options } from '@mikro-orm/core';
import { BetterSqliteDriver } from '@mikro-orm/better-sqlite';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { ALL_ENTITIES } from './entities/index.js';
import { migrations as sqliteMigrations } from './migrations/sqlite/index.js';
import { migrations as postgresqlMigrations } from './migrations/postgresql/index.js';

export type Dialect = 'sqlite' | 'postgresql';

export interface DatabaseOptions {
  /** postgres://… for PostgreSQL; otherwise ignored */
  url?: string;
  /** SQLite file path (default data/wuye.sqlite) */
  sqlitePath?: string;
  debug?: boolean;
}

const here = path.dirname(fileURLToPath(import.meta.url));

export function dialectOf(options: DatabaseOptions): Dialect {
  return options.url && /^postgres(ql)?:\/\//.test(options.url) ? 'postgresql' : 'sqlite';
}

export function ormOptions(options: DatabaseOptions): Options {
  const dialect = dialectOf(options);
  const migrationsPath = path.join(here, 'migrations', dialect);
  const common = {
    entities: ALL_ENTITIES,
    extensions: [Migrator],
    debug: options.debug ?? false,
    allowGlobalContext: false,
    // Explicit transactions only; the request path flushes exactly what it changed.
    implicitTransactions: true,
    forceUtcTimezone: true,
    migrations: {
      path: migrationsPath,
      pathTs: migrationsPath,
      glob: '!(*.d|index).{js,ts}',
      migrationsList: dialect === 'postgresql' ? postgresqlMigrations : sqliteMigrations,
      transactional: true,
      emit: 'ts' as const,
      snapshot: false,
      silent: true,
    },
  };
  if (dialect === 'postgresql') {
    return { ...common, driver: PostgreSqlDriver, clientUrl: options.url, pool: { min: 1, max: 10 } } as Options;
  }
  return { ...common, driver: BetterSqliteDriver, dbName: options.sqlitePath ?? 'data/wuye.sqlite' } as Options;
}

/** Opens the database and brings its schema up to date. */
export async function openDatabase(options: DatabaseOptions): Promise<MikroORM> {
  const orm = await MikroORM.init(ormOptions(options));
  if (dialectOf(options) === 'sqlite') {
    const conn = orm.em.getConnection();
    // WAL lets readers work while one writer commits; NORMAL sync is durable enough in WAL mode.
    await conn.execute('PRAGMA journal_mode = WAL');
    await conn.execute('PRAGMA synchronous = NORMAL');
    await conn.execute('PRAGMA busy_timeout = 5000');
    await conn.execute('PRAGMA foreign_keys = ON');
  }
  await orm.getMigrator().up();
  return orm;
}
