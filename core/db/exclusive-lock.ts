/**
 * One instance at a time: work that must not run twice at once across instances (migrations,
 * first-start seeding, a billing run) runs under a named lock. On PostgreSQL that is a
 * transaction-scoped advisory lock held on its own connection while the work runs on others, so
 * every instance on the database waits its turn; on SQLite (one instance per file) a promise chain
 * in the process does.
 */
import type { MikroORM } from '@mikro-orm/core';
import type { Knex } from '@mikro-orm/knex';

const localChains = new Map<string, Promise<unknown>>();

/** A stable 32-bit key for a lock name (advisory locks are keyed by integers). */
export function lockKey(name: string): number {
  let hash = 0x811c9dc5;
  for (const ch of `wuye:${name}`) {
    hash ^= ch.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193);
  }
  return hash | 0;
}

export interface LockOptions {
  /** don't wait: when another instance holds the lock, return `undefined` at once */
  skipIfHeld?: boolean;
}

/** Runs `work` while holding the lock `name`; with `skipIfHeld`, returns undefined if another holds it. */
export async function withExclusiveLock<T>(orm: MikroORM, name: string, work: () => Promise<T>, options: LockOptions = {}): Promise<T | undefined> {
  if (orm.config.get('driver')?.name !== 'PostgreSqlDriver') return runLocally(name, work, options);
  const knex = (orm.em.getConnection() as unknown as { getKnex(): Knex }).getKnex();
  const key = lockKey(name);
  return knex.transaction(async (trx) => {
    if (options.skipIfHeld) {
      const { rows } = await trx.raw('select pg_try_advisory_xact_lock(?) as got', [key]);
      if (!rows[0].got) return undefined;
    } else {
      await trx.raw('select pg_advisory_xact_lock(?)', [key]);
    }
    return work();
  });
}

const localHeld = new Set<string>();

async function runLocally<T>(name: string, work: () => Promise<T>, options: LockOptions): Promise<T | undefined> {
  if (options.skipIfHeld && localHeld.has(name)) return undefined;
  const previous = localChains.get(name) ?? Promise.resolve();
  const mine = previous.catch(() => undefined).then(async () => {
    localHeld.add(name);
    try {
      return await work();
    } finally {
      localHeld.delete(name);
    }
  });
  localChains.set(name, mine);
  try {
    return await mine;
  } finally {
    if (localChains.get(name) === mine) localChains.delete(name);
  }
}
