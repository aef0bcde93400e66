/**
 * Raw, set-based SQL for the billing run through the ORM's own knex (portable: SQLite and
 * PostgreSQL). The run writes tens of thousands of rows per minute, so it bypasses the unit of
 * work: multi-row inserts and one query per table per batch. Values are written exactly as
 * MikroORM writes them on each dialect (SQLite: datetimes as epoch milliseconds; PostgreSQL:
 * timestamptz), and bigint / numeric columns, which PostgreSQL returns as strings, are read back
 * as numbers / decimal strings.
 */
import type { AbstractSqlConnection } from '@mikro-orm/knex';
import type { PluginServices } from '../../../core/plugin-api.js';

export type Knex = ReturnType<AbstractSqlConnection['getKnex']>;
export type Trx = Knex; // a knex transaction is used exactly like the knex instance

export function knexOf(services: PluginServices): Knex {
  return (services.orm.em.getConnection() as AbstractSqlConnection).getKnex();
}

/** A datetime value as MikroORM stores it on this dialect. */
export function sqlTime(services: PluginServices, date: Date): Date | number {
  return services.dialect === 'sqlite' ? date.getTime() : date;
}

/** A datetime read back from either dialect. */
export function readTime(value: unknown): Date {
  if (value instanceof Date) return value;
  // SQLite: epoch milliseconds (number); PostgreSQL through MikroORM's driver: timestamptz text
  return typeof value === 'string' && !/^\d+$/.test(value) ? new Date(value) : new Date(Number(value));
}

/**
 * Rows per multi-row insert: keeps every statement under SQLite's 32,766 bound parameters (and
 * PostgreSQL's 65,535) whatever the column count.
 */
export function chunksFor<T>(rows: T[], columns: number): T[][] {
  const size = Math.max(1, Math.floor(30_000 / columns));
  const chunks: T[][] = [];
  for (let i = 0; i < rows.length; i += size) chunks.push(rows.slice(i, i + size));
  return chunks;
}

/**
 * One `insert into t (…) values (…), (…)` per chunk. Written by hand because knex's SQLite dialect
 * turns multi-row inserts into `select … union all select …`, which SQLite caps at 500 terms and
 * plans more slowly; a VALUES list is the same statement on both dialects. Every row must have the
 * same keys in the same order.
 */
export async function insertMany(trx: Trx, table: string, rows: Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  if (await insertManySqlite(trx, table, rows)) return;
  const columns = Object.keys(rows[0]!);
  const columnList = columns.map((c) => `"${c}"`).join(', ');
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  for (const chunk of chunksFor(rows, columns.length)) {
    const values: unknown[] = [];
    for (const row of chunk) for (const c of columns) values.push(row[c] ?? null);
    await trx.raw(`insert into "${table}" (${columnList}) values ${new Array(chunk.length).fill(tuple).join(', ')}`, values as never[]);
  }
}

/** The part of a better-sqlite3 connection the fast path uses. */
interface SqliteDatabase {
  prepare(sql: string): { run(...params: unknown[]): unknown };
}

/** Rows per prepared multi-row insert on SQLite: small enough to prepare in well under a millisecond. */
const SQLITE_ROWS_PER_STATEMENT = 50;
const sqliteStatements = new WeakMap<object, Map<string, { run(...params: unknown[]): unknown }>>();

/**
 * SQLite inside a transaction: the same multi-row inserts, but a few fixed-size statements prepared
 * once per connection and re-run, instead of one statement of thousands of placeholders built,
 * formatted by knex and compiled by SQLite for every chunk (a profile of the 100,000-unit run put
 * a third of its time there). Values are bound as knex's SQLite client binds them. Returns false
 * (nothing written) on PostgreSQL or outside a transaction.
 */
async function insertManySqlite(trx: Trx, table: string, rows: Record<string, unknown>[]): Promise<boolean> {
  // knex names its dialect: 'sqlite3' for the better-sqlite3 client MikroORM uses, 'postgresql' for pg
  const client = trx.client as { dialect?: string; acquireConnection(): Promise<unknown> };
  if (!trx.isTransaction || client.dialect !== 'sqlite3') return false;
  const db = (await client.acquireConnection()) as SqliteDatabase & object;
  let cache = sqliteStatements.get(db);
  if (!cache) sqliteStatements.set(db, (cache = new Map()));
  const columns = Object.keys(rows[0]!);
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  const head = `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values `;
  const bind = (value: unknown) => (value === undefined ? null : value instanceof Date ? value.valueOf() : typeof value === 'boolean' ? Number(value) : value);
  for (let i = 0; i < rows.length; i += SQLITE_ROWS_PER_STATEMENT) {
    const chunk = rows.slice(i, i + SQLITE_ROWS_PER_STATEMENT);
    const sql = head + new Array(chunk.length).fill(tuple).join(', ');
    let statement = cache.get(sql);
    if (!statement) cache.set(sql, (statement = db.prepare(sql)));
    const values: unknown[] = [];
    for (const row of chunk) for (const c of columns) values.push(bind(row[c]));
    statement.run(...values);
  }
  return true;
}

export interface LateFeeClaim {
  id: number;
  /** the figures the fee was computed from */
  oldFeeFen: number;
  oldThrough: string | null;
  principalPaidFen: number;
  /** what to write */
  newFeeFen: number;
  through: string;
}

/**
 * Writes late fees on many bills with ONE statement (`update … from (values …) returning id`, valid
 * on PostgreSQL and SQLite ≥ 3.35; VALUES columns are column1… on both), each bill only if it is
 * still open with the figures the fee was computed from. Returns the ids actually updated.
 * The bills are found by primary key (`id in (…)`, company_id as an expression the planner cannot
 * index): otherwise SQLite walks every open bill of the company for each batch and joins the VALUES
 * list to it — a run that slows with every bill it writes.
 */
export async function claimLateFees(trx: Trx, companyId: number, claims: LateFeeClaim[]): Promise<Set<number>> {
  const updated = new Set<number>();
  const tuple = '(cast(? as integer), cast(? as bigint), cast(? as varchar(10)), cast(? as bigint), cast(? as bigint), cast(? as varchar(10)))';
  for (const chunk of chunksFor(claims, 7)) {
    const values: unknown[] = [];
    for (const c of chunk) values.push(c.id, c.newFeeFen, c.through, c.oldFeeFen, c.principalPaidFen, c.oldThrough);
    const result = await trx.raw(
      `update billing_bill set late_fee_fen = v.column2, late_fee_through = v.column3
       from (values ${new Array(chunk.length).fill(tuple).join(', ')}) as v
       where billing_bill.id in (${chunk.map(() => '?').join(', ')}) and billing_bill.id = v.column1 and +billing_bill.company_id = ? and billing_bill.status = 'open'
         and billing_bill.late_fee_fen = v.column4 and billing_bill.principal_paid_fen = v.column5
         and billing_bill.late_fee_through is not distinct from v.column6
       returning billing_bill.id`,
      [...values, ...chunk.map((c) => c.id), companyId] as never[],
    );
    const rows = (Array.isArray(result) ? result : (result as { rows: { id: number | string }[] }).rows) as { id: number | string }[];
    for (const r of rows) updated.add(Number(r.id));
  }
  return updated;
}
