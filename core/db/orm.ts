/**
 * Opens the database: an SQLite file in WAL mode by default (embedded), PostgreSQL when a
 * postgres:// URL is given (scale-out). Same entities, same code; migrations per dialect.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MikroORM, type EntitySchema, type MigrationObject, type Options } from '@mikro-orm/core';
import { BetterSqliteDriver } from '@mikro-orm/better-sqlite';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { ALL_ENTITIES } from './entities/index.js';
import { withExclusiveLock } from './exclusive-lock.js';
import { migrations as sqliteMigrations } from './migrations/sqlite/index.js';
import { migrations as postgresqlMigrations } from './migrations/postgresql/index.js';

export type Dialect = 'sqlite' | 'postgresql';

/** Tables contributed by plugins, in dependency order (see PluginDatabase). */
export interface PluginTables {
  entities: EntitySchema<any>[]; // eslint-disable-line @typescript-eslint/no-explicit-any
  migrations: { sqlite: MigrationObject[]; postgresql: MigrationObject[] };
}

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

export function ormOptions(options: DatabaseOptions, plugins: PluginTables[] = [], migrationsPathOverride?: string): Options {
  const dialect = dialectOf(options);
  const migrationsPath = migrationsPathOverride ?? path.join(here, 'migrations', dialect);
  // core's migrations first, then each plugin's (in dependency order): a plugin's tables may
  // only refer to core's and its dependencies'
  const migrationsList = [...(dialect === 'postgresql' ? postgresqlMigrations : sqliteMigrations), ...plugins.flatMap((p) => p.migrations[dialect])];
  const common = {
    entities: [...ALL_ENTITIES, ...plugins.flatMap((p) => p.entities)],
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
      migrationsList,
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
export async function openDatabase(options: DatabaseOptions, plugins: PluginTables[] = []): Promise<MikroORM> {
  const orm = await MikroORM.init(ormOptions(options, plugins));
  if (dialectOf(options) === 'sqlite') {
    const conn = orm.em.getConnection();
    // WAL lets readers work while one writer commits. FULL: each commit (a payment, a bill, a case)
    // is fsynced to the WAL before it is acknowledged, so it survives a power loss; NORMAL survives
    // only a crash of the process. The cost is one fsync per commit (README, Benchmarks).
    await conn.execute('PRAGMA journal_mode = WAL');
    await conn.execute('PRAGMA synchronous = FULL');
    await conn.execute('PRAGMA busy_timeout = 5000');
    await conn.execute('PRAGMA foreign_keys = ON');
  }
  // instances started together on a fresh database take turns: the first migrates, the others then
  // find nothing to do (without the lock both create the same tables: duplicate pg_type names)
  await withExclusiveLock(orm, 'migrations', () => orm.getMigrator().up());
  return orm;
}
