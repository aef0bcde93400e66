/**
 * The little SQL the reports need on both dialects: a case-data field read out of the JSON `data`
 * column as text (SQLite `json_extract`, PostgreSQL `->>`), datetimes bound as MikroORM stores
 * them (SQLite: epoch milliseconds; PostgreSQL: timestamptz), and counts read back as numbers
 * (PostgreSQL returns bigint counts as strings).
 */
import type { MikroORM } from '@mikro-orm/core';

export type ReportDialect = 'sqlite' | 'postgresql';

/** A field name the helper accepts: a plain identifier, dotted for nested objects (`contact.phone`). */
const FIELD = /^[A-Za-z_][A-Za-z0-9_]{0,63}(\.[A-Za-z_][A-Za-z0-9_]{0,63}){0,3}$/;
/** A column reference: `data`, `c.data`, `f.result`. */
const COLUMN = /^([a-z_]{1,16}\.)?[a-z_]{1,32}$/;

export function reportDialect(orm: MikroORM): ReportDialect {
  return orm.em.getPlatform().constructor.name.toLowerCase().includes('postgre') ? 'postgresql' : 'sqlite';
}

/**
 * SQL text of `column`'s JSON field `field` as text, the same on both dialects: strings as they
 * are, numbers in their JSON spelling, booleans as 'true' / 'false', absent or null as NULL.
 * Field names come from declarations; they are checked against an identifier pattern (and never
 * user input) before they are written into the statement, so GROUP BY can repeat the expression.
 */
export function jsonText(dialect: ReportDialect, column: string, field: string): string {
  if (!COLUMN.test(column)) throw new Error(`jsonText: bad column ${column}`);
  if (!FIELD.test(field)) throw new Error(`jsonText: bad field ${field}`);
  const parts = field.split('.');
  if (dialect === 'postgresql') {
    // -> descends objects, ->> reads the last step as text (a JSON boolean reads 'true' / 'false')
    const path = parts.slice(0, -1).map((p) => `->'${p}'`).join('');
    return `(${column}${path}->>'${parts[parts.length - 1]}')`;
  }
  const path = `'$.${field}'`;
  // json_extract gives SQLite's 1 / 0 for JSON booleans: spell them like PostgreSQL does
  return `(case json_type(${column}, ${path}) when 'true' then 'true' when 'false' then 'false' when 'null' then null else cast(json_extract(${column}, ${path}) as text) end)`;
}

/** A datetime bound as a parameter, as MikroORM stores it on this dialect. */
export function sqlTime(dialect: ReportDialect, date: Date): Date | number {
  return dialect === 'sqlite' ? date.getTime() : date;
}

/** A count or sum read back from either dialect (null → 0). */
export function num(value: unknown): number {
  if (value === null || value === undefined) return 0;
  return typeof value === 'number' ? value : Number(value);
}

/** `in (?, ?, …)` for a non-empty list, or a clause that matches nothing. */
export function inList(column: string, values: readonly unknown[]): { sql: string; params: unknown[] } {
  if (values.length === 0) return { sql: '1 = 0', params: [] };
  return { sql: `${column} in (${values.map(() => '?').join(', ')})`, params: [...values] };
}

/**
 * A share n / d rounded DOWN to 4 decimals as a string ("0.8333"), null when d is 0: a rate just
 * under a target never prints as meeting it.
 */
export function share(n: number, d: number): string | null {
  if (d <= 0) return null;
  const q = Math.floor((n * 10000) / d);
  return `${Math.floor(q / 10000)}.${String(q % 10000).padStart(4, '0')}`;
}

/** n / d ≥ required, compared exactly on integers (required has at most 4 decimals). */
export function meets(n: number, d: number, required: number): boolean {
  if (d <= 0) return false;
  return n * 10000 >= Math.round(required * 10000) * d;
}
