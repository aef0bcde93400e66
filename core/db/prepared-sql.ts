/**
 * Prepared statements for a plugin's hot write path (services.sql): SQL with `?` placeholders run
 * on the ORM's own connections, each distinct text prepared once per connection — better-sqlite3
 * statements cached per connection, PostgreSQL named statements. The ORM inlines values into the
 * SQL text, so every statement it sends is parsed and planned anew (README, Benchmarks); this seam
 * is for the few writes that run per request under load, never for reports or screens.
 *
 * Values are bound as MikroORM stores them, so rows written here read back through the entities:
 * on SQLite a Date is epoch milliseconds and a boolean 0/1. Rows come back as the driver returns
 * them (SQLite: dates as numbers; PostgreSQL: bigint as strings, timestamptz as Date).
 *
 * Tenant safety: a statement that does not name `company_id` is refused before it is prepared, so a
 * plugin cannot read or write across companies by forgetting the filter.
 *
 * Driver errors are converted as the ORM converts them (UniqueConstraintViolationException…), so
 * callers catch the same exceptions either way.
 */
import type { MikroORM } from '@mikro-orm/core';
import type { AbstractSqlConnection } from '@mikro-orm/knex';
import type { Database, Statement } from 'better-sqlite3';
import type { Dialect } from './orm.js';

type Row = Record<string, unknown>;

/** One statement at a time on a connection (a transaction's, or its own). */
export interface SqlQuery {
  <R extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<R[]>;
}

export interface PreparedSql {
  readonly dialect: Dialect;
  /** runs one statement on its own: it commits by itself */
  query: SqlQuery;
  /**
   * Runs `work` in one transaction on a connection held for it (committed when `work` resolves,
   * rolled back when it throws). `work` must await only `query` — no other I/O, no ORM call: on
   * SQLite the one connection is held, so anything else waiting for it would wait forever.
   */
  transaction<T>(work: (query: SqlQuery) => Promise<T>): Promise<T>;
}

interface PgClient {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: Row[] }>;
  query(text: string): Promise<unknown>;
}

interface KnexClient<C> {
  acquireConnection(): Promise<C>;
  releaseConnection(connection: C): Promise<void>;
}

function requireTenantFilter(sql: string): void {
  if (!/\bcompany_id\b/i.test(sql)) throw new Error(`services.sql refuses a statement that does not filter by company_id: ${sql.slice(0, 80)}`);
}

/** `?` → `$1, $2…`, leaving quoted text alone. */
function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/'(?:[^']|'')*'|"(?:[^"]|"")*"|\?/g, (m) => (m === '?' ? `$${++n}` : m));
}

const sqliteValue = (v: unknown) => (v === undefined ? null : v instanceof Date ? v.getTime() : typeof v === 'boolean' ? Number(v) : v);

export function createPreparedSql(orm: MikroORM, dialect: Dialect): PreparedSql {
  const knexClient = <C>() => (orm.em.getConnection() as AbstractSqlConnection).getKnex().client as unknown as KnexClient<C>;
  const converted = (err: unknown) => (err instanceof Error && 'code' in err ? orm.em.getDriver().convertException(err) : err);

  if (dialect === 'sqlite') {
    const statements = new WeakMap<Database, Map<string, Statement>>();
    const runner = (db: Database): SqlQuery => {
      let cache = statements.get(db);
      if (!cache) statements.set(db, (cache = new Map()));
      const known = cache;
      return async <R extends Row>(sql: string, params: readonly unknown[] = []) => {
        let statement = known.get(sql);
        if (!statement) {
          requireTenantFilter(sql);
          known.set(sql, (statement = db.prepare(sql)));
        }
        const values = params.map(sqliteValue);
        try {
          if (statement.reader) return statement.all(...values) as R[];
          statement.run(...values);
          return [];
        } catch (err) {
          throw converted(err);
        }
      };
    };
    const control = new WeakMap<Database, { begin: Statement; commit: Statement; rollback: Statement }>();
    const controlOf = (db: Database) => {
      let c = control.get(db);
      // immediate: the write lock is taken at once, not upgraded halfway (another process on the file)
      if (!c) control.set(db, (c = { begin: db.prepare('begin immediate'), commit: db.prepare('commit'), rollback: db.prepare('rollback') }));
      return c;
    };
    const held = async <T>(work: (db: Database) => Promise<T>): Promise<T> => {
      const client = knexClient<Database>();
      const db = await client.acquireConnection();
      try {
        return await work(db);
      } finally {
        await client.releaseConnection(db);
      }
    };
    return {
      dialect,
      query: (sql, params) => held((db) => runner(db)(sql, params)),
      transaction: (work) => held(async (db) => {
        const { begin, commit, rollback } = controlOf(db);
        begin.run();
        try {
          const out = await work(runner(db));
          commit.run();
          return out;
        } catch (err) {
          if (db.inTransaction) rollback.run();
          throw err;
        }
      }),
    };
  }

  // PostgreSQL: one name per distinct text in the process, so each connection prepares it once
  const names = new Map<string, { name: string; text: string }>();
  const runner = (client: PgClient): SqlQuery => async <R extends Row>(sql: string, params: readonly unknown[] = []) => {
    let known = names.get(sql);
    if (!known) {
      requireTenantFilter(sql);
      names.set(sql, (known = { name: `wuye_${names.size + 1}`, text: numbered(sql) }));
    }
    try {
      return (await client.query({ name: known.name, text: known.text, values: params.map((v) => (v === undefined ? null : v)) })).rows as R[];
    } catch (err) {
      throw converted(err);
    }
  };
  const held = async <T>(work: (client: PgClient) => Promise<T>): Promise<T> => {
    const client = knexClient<PgClient>();
    const connection = await client.acquireConnection();
    try {
      return await work(connection);
    } finally {
      await client.releaseConnection(connection);
    }
  };
  return {
    dialect,
    query: (sql, params) => held((c) => runner(c)(sql, params)),
    transaction: (work) => held(async (c) => {
      await c.query('begin');
      try {
        const out = await work(runner(c));
        await c.query('commit');
        return out;
      } catch (err) {
        await c.query('rollback').catch(() => undefined);
        throw err;
      }
    }),
  };
}
