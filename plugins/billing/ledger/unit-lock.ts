/**
 * One writer per unit's ledger at a time. Payments, credit application and deposit changes of the
 * same unit are serialised: on PostgreSQL (many connections) by a transaction-scoped advisory lock
 * keyed by company and unit; on SQLite the single connection already serialises transactions.
 * Bill updates are additionally claimed by conditional updates (see settle.ts), so even a writer
 * that skipped the lock could not double-allocate.
 */
import type { EntityManager } from '@mikro-orm/core';
import type { PluginServices } from '../../../core/plugin-api.js';

export async function lockUnitLedger(em: EntityManager, dialect: PluginServices['dialect'], companyId: number, unitId: number): Promise<void> {
  if (dialect !== 'postgresql') return;
  await em.getConnection().execute('select pg_advisory_xact_lock(?, ?)', [companyId, unitId], 'all', em.getTransactionContext());
}
