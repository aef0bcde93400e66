/**
 * Serial numbers per company, case type and year: TS-2026-000042. The counter row is incremented
 * inside the case's own transaction, so a rolled-back case does not burn a number.
 */
import type { EntityManager } from '@mikro-orm/core';

export async function nextSerialValue(em: EntityManager, companyId: number, key: string): Promise<number> {
  // One statement for SQLite (>= 3.35) and PostgreSQL: insert or increment, return the value.
  const rows = await em.getConnection().execute<{ value: number }[]>(
    'insert into counter (company_id, key, value) values (?, ?, 1) on conflict (company_id, key) do update set value = counter.value + 1 returning value',
    [companyId, key],
    'all',
    em.getTransactionContext(),
  );
  return Number(rows[0]!.value);
}
