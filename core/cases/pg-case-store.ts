/**
 * PostgreSQL's case store. Serial numbers are gapless per company, type and year, so every case
 * of a type waits for the counter row until the case before it has committed (a commit costs a
 * WAL flush). Two things keep that wait short and shared:
 *
 * - one statement writes a case: it checks the references, increments the counter, inserts the
 *   case, its first event and its clocks (insert-cases.ts) and commits on its own — the counter
 *   row is locked for that one statement, not for a transaction's round trips;
 * - creates that arrive while a statement for the same counter is running wait and then go
 *   together in the next statement (the counter moves by their number), so one commit serves
 *   many cases and throughput grows with concurrent clients instead of queuing on the row.
 *
 * Cases a batch refuses (their references) take no number. If the statement fails as a whole,
 * each case of the batch is written on its own, so one bad case fails alone.
 */
import type { MikroORM } from '@mikro-orm/core';
import type { CaseStore, CreateResult, NewCasePlan } from './case-store.js';
import { counterKeyOf, insertCases } from './insert-cases.js';

/** More would only make one statement's rows wait longer for its commit. */
const MAX_BATCH = 64;

interface Waiting {
  plan: NewCasePlan;
  resolve: (result: CreateResult) => void;
  reject: (err: unknown) => void;
}

export class PgCaseStore implements CaseStore {
  /** plans waiting for their counter's statement, by company and counter key */
  private readonly waiting = new Map<string, Waiting[]>();

  constructor(private readonly orm: MikroORM) {}

  createCase(plan: NewCasePlan): Promise<CreateResult> {
    const key = `${plan.companyId}/${counterKeyOf(plan)}`;
    return new Promise((resolve, reject) => {
      const queue = this.waiting.get(key);
      if (queue) {
        queue.push({ plan, resolve, reject });
        return;
      }
      this.waiting.set(key, [{ plan, resolve, reject }]);
      void this.drain(key);
    });
  }

  /** Writes the counter's waiting plans, a batch per statement, until none wait. */
  private async drain(key: string): Promise<void> {
    const queue = this.waiting.get(key)!;
    try {
      while (queue.length > 0) await this.write(queue.splice(0, MAX_BATCH));
    } finally {
      this.waiting.delete(key);
    }
  }

  private async write(batch: Waiting[]): Promise<void> {
    const execute = this.execute;
    try {
      const results = await insertCases(execute, batch.map((w) => w.plan));
      batch.forEach((w, i) => w.resolve(results[i]!));
    } catch (err) {
      // only a statement the database refused (data exception 22…, integrity violation 23…) wrote
      // nothing and may be retried case by case; any other failure (a connection lost around the
      // commit) may have committed the batch, so retrying could register each case twice
      if (batch.length === 1 || !/^2[23]/.test(String((err as { code?: unknown }).code ?? ''))) {
        for (const w of batch) w.reject(err);
        return;
      }
      for (const w of batch) {
        try {
          w.resolve((await insertCases(execute, [w.plan]))[0]!);
        } catch (one) {
          w.reject(one);
        }
      }
    }
  }

  /** outside any transaction: the statement commits on its own */
  private readonly execute = (sql: string, params: unknown[]) => this.orm.em.getConnection().execute<Record<string, unknown>[]>(sql, params, 'all');
}
