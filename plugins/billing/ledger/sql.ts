/**
 * Aggregates in the database (GROUP BY), through MikroORM's query builder so dates and other
 * values are converted the same way on SQLite and PostgreSQL. Sums of bigint columns come back as
 * strings on PostgreSQL: callers read them through `num`.
 */
import type { EntityManager } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';

export function sqlEm(em: EntityManager): SqlEntityManager {
  return em as unknown as SqlEntityManager;
}

export function num(value: unknown): number {
  return value === null || value === undefined ? 0 : Number(value);
}
