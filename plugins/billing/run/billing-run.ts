/**
 * The billing run for a company (optionally one project) and a period: units streamed in id order
 * (keyset), each batch billed in its own transaction (run-batch.ts), progress kept on the
 * billing_run row.
 *
 * Idempotent: a unit that already has a bill for the period is skipped (the unique (company, unit,
 * period) index is the guarantee). Resumable: an unfinished run for the same company, project and
 * period is continued rather than a new one started, and it keeps the original run's start — the
 * date late fees are assessed as of, the cut-off for posted charges and the configuration version —
 * so a run killed half-way and re-run writes exactly the bills of an uninterrupted run.
 */
import { DateTime } from 'luxon';
import { ValidationError, WuyeError, withExclusiveLock, type PluginServices } from '../../../core/plugin-api.js';
import { periodOf, type BillingPeriod } from '../domain/cycle-calendar.js';
import type { BillingSettings } from '../generated/settings.js';
import { runBatch, type BatchContext, type BatchUnit, type ProjectTerms } from './run-batch.js';
import { knexOf, readTime, sqlTime } from './sql.js';

export interface RunRequest {
  companyId: number;
  /** null = every project of the company */
  projectId: number | null;
  periodKey: string;
  /** units per transaction (default WUYE_BILLING_BATCH or 1000) */
  batchSize?: number;
  onProgress?(progress: RunProgress): void;
  /**
   * When another run of the company is in progress (any instance, the CLI or the API): 'wait' for
   * it (default; `onWait` is told first) or 'refuse' with BillingRunBusyError.
   */
  whenBusy?: 'wait' | 'refuse';
  onWait?(): void;
}

/** 409: another billing run of the company is in progress. */
export class BillingRunBusyError extends WuyeError {
  constructor() {
    super('WUYE_BILLING_RUN_BUSY', 409, 'another billing run of this company is in progress; try again when it has finished');
  }
}

export interface RunProgress {
  unitsTotal: number;
  unitsDone: number;
  billsCreated: number;
}

export interface RunView {
  id: number;
  periodKey: string;
  projectId: number | null;
  status: 'running' | 'done';
  unitsTotal: number;
  billsCreated: number;
  startedAt: string;
  finishedAt: string | null;
}

export interface RunOutcome {
  run: RunView;
  /** whether an unfinished run was continued */
  resumed: boolean;
  /** this invocation's figures */
  unitsSeen: number;
  billsCreated: number;
  alreadyBilled: number;
  nothingToBill: number;
  lateFees: number;
  seconds: number;
}

function defaultBatchSize(): number {
  const fromEnv = Number(process.env.WUYE_BILLING_BATCH);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : 1000;
}

export function runView(row: Record<string, unknown>): RunView {
  return {
    id: Number(row.id),
    periodKey: String(row.period_key),
    projectId: row.project_id == null ? null : Number(row.project_id),
    status: row.status as RunView['status'],
    unitsTotal: Number(row.units_total),
    billsCreated: Number(row.bills_created),
    startedAt: readTime(row.started_at).toISOString(),
    finishedAt: row.finished_at == null ? null : readTime(row.finished_at).toISOString(),
  };
}

/** Validates the period key against the cycle in force (the project's, when one is named) before anything is written. */
export async function validatedPeriod(services: PluginServices, companyId: number, projectId: number | null, periodKey: string): Promise<BillingPeriod> {
  const config = await services.configFor(companyId, projectId);
  return periodOf(config.settings as unknown as BillingSettings, periodKey);
}

/**
 * Runs (or continues) the billing of a period. One run per company at a time, across instances:
 * two runs at once would bill the same units in parallel transactions and one would fail on the
 * bills' unique index (and a company-wide run overlaps any project's).
 */
export async function runBilling(services: PluginServices, request: RunRequest): Promise<RunOutcome> {
  await validatedPeriod(services, request.companyId, request.projectId, request.periodKey);
  const lock = `billing-run:${request.companyId}`;
  const run = () => runUnlocked(services, request);
  const outcome = await withExclusiveLock(services.orm, lock, run, { skipIfHeld: true });
  if (outcome) return outcome;
  if (request.whenBusy === 'refuse') throw new BillingRunBusyError();
  request.onWait?.();
  return (await withExclusiveLock(services.orm, lock, run))!;
}

async function runUnlocked(services: PluginServices, request: RunRequest): Promise<RunOutcome> {
  const clockStart = process.hrtime.bigint();
  const { companyId, projectId, periodKey } = request;
  const knex = knexOf(services);
  const scope = () => {
    const q = knex('unit').where({ company_id: companyId });
    return projectId === null ? q : q.where({ project_id: projectId });
  };
  // The keyset walk must follow the primary key. Given `company_id = ?`, SQLite prefers the
  // (company_id, project_id) index and then sorts every unit of the company for each batch — a
  // quadratic run. A unary plus makes the filters expressions the planner cannot index, so it walks
  // the primary key from the cursor (valid SQL on PostgreSQL too, where it has the same effect).
  const batchOf = (afterId: number, limit: number) => {
    const q = knex('unit').select('id', 'project_id', 'area', 'unit_type', 'status').whereRaw('+company_id = ?', [companyId]).where('id', '>', afterId);
    if (projectId !== null) q.whereRaw('+project_id = ?', [projectId]);
    return q.orderBy('id').limit(limit);
  };

  // find the unfinished run to continue, or start one
  const open = await knex('billing_run').where({ company_id: companyId, period_key: periodKey, status: 'running' })
    .where((q) => (projectId === null ? q.whereNull('project_id') : q.where({ project_id: projectId }))).orderBy('id').first();
  let runRow: Record<string, unknown>;
  if (open) {
    runRow = open;
  } else {
    const startedAt = services.now();
    const config = await services.configFor(companyId, projectId, startedAt);
    const total = Number(((await scope().count({ n: '*' })) as { n: number | string }[])[0]!.n);
    await knex('billing_run').insert({
      company_id: companyId, project_id: projectId, period_key: periodKey, status: 'running', config_version_id: config.versionId,
      units_total: total, bills_created: 0, started_at: sqlTime(services, startedAt), finished_at: null,
    });
    runRow = (await knex('billing_run').where({ company_id: companyId, period_key: periodKey, status: 'running' })
      .where((q) => (projectId === null ? q.whereNull('project_id') : q.where({ project_id: projectId }))).orderBy('id', 'desc').first())!;
  }
  const runId = Number(runRow.id);
  const startedAt = readTime(runRow.started_at);
  const companyConfig = await services.configFor(companyId, null, startedAt);
  const asOf = DateTime.fromJSDate(startedAt, { zone: companyConfig.calendar.timezone }).toISODate()!;

  // each project's settings as of the run's start (a project may patch the company's settings)
  const terms = new Map<number, ProjectTerms>();
  for (const p of await knex('project').select('id').where({ company_id: companyId })) {
    const config = await services.configFor(companyId, Number(p.id), startedAt);
    const settings = config.settings as unknown as BillingSettings;
    let period: BillingPeriod | null;
    try {
      period = periodOf(settings, periodKey);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      period = null;
    }
    terms.set(Number(p.id), { settings, configVersionId: config.versionId, period });
  }
  const ctx: BatchContext = {
    services, companyId, runId, periodKey, asOf, chargesUpTo: startedAt, writtenAt: startedAt,
    termsOf: (id) => terms.get(id)!,
  };

  const batchSize = request.batchSize ?? defaultBatchSize();
  const outcome = { unitsSeen: 0, billsCreated: 0, alreadyBilled: 0, nothingToBill: 0, lateFees: 0 };
  const unitsTotal = Number(runRow.units_total);
  let billsSoFar = Number(runRow.bills_created);
  let lastId = 0;
  for (;;) {
    const rows = await batchOf(lastId, batchSize);
    if (rows.length === 0) break;
    const units: BatchUnit[] = rows.map((r: Record<string, unknown>) => ({
      id: Number(r.id), projectId: Number(r.project_id), area: String(r.area), unitType: String(r.unit_type), status: String(r.status),
    }));
    const batch = await knex.transaction(async (trx) => {
      const result = await runBatch(trx, ctx, units);
      if (result.billsCreated > 0) await trx('billing_run').where({ id: runId }).increment('bills_created', result.billsCreated);
      return result;
    });
    lastId = units[units.length - 1]!.id;
    outcome.unitsSeen += units.length;
    outcome.billsCreated += batch.billsCreated;
    outcome.alreadyBilled += batch.alreadyBilled;
    outcome.nothingToBill += batch.nothingToBill;
    outcome.lateFees += batch.lateFees;
    billsSoFar += batch.billsCreated;
    request.onProgress?.({ unitsTotal: Math.max(unitsTotal, outcome.unitsSeen), unitsDone: outcome.unitsSeen, billsCreated: billsSoFar });
  }
  await knex('billing_run').where({ id: runId }).update({ status: 'done', finished_at: sqlTime(services, services.now()) });
  const finished = (await knex('billing_run').where({ id: runId }).first())!;
  return { run: runView(finished), resumed: Boolean(open), ...outcome, seconds: Number(process.hrtime.bigint() - clockStart) / 1e9 };
}
