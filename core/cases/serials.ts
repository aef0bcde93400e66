/**
 * Serial numbers per company and case type and year: TS-2026-000042. The counter row is
 * incremented inside the case's own transaction, so a rolled-back case does not burn a number.
 */
import type { EntityManager } from '@mikro-orm/core';
import { Counter } from '../db/entities/index.js';

export async function nextSerial(em: EntityManager, companyId: number, prefix: string, caseType: string, year: number): Promise<string> {
  const key = `serial:${caseType}:${year}`;
  const conn = em.getConnection();
  // One statement that works on SQLite (>= 3.35) and PostgreSQL: insert or increment, return the value.
  const rows = await conn.execute<{ value: number }[]>(
    'insert into counter (company_id, key, value) values (?, ?, 1) on conflict (company_id, key) do update set value = counter.value + 1 returning value',
    [companyId, key],
    'all',
    em.getTransactionContext(),
  );
  const value = Number(rows[0]!.value);
  return `${prefix}-${year}-${String(value).padStart(6, '0')}`;
}

void Counter;
