/**
 * The job interface: a named piece of work run every `everySeconds`. How it is scheduled is the
 * scheduler's business — pg-boss on PostgreSQL (each run fires once across every instance), an
 * in-process timer on SQLite (one process per file), or nothing when the instance has jobs off.
 */

export interface Job {
  /** unique, e.g. 'core.overdue' or 'billing.notices' */
  name: string;
  everySeconds: number;
  /** runs the job as of `at`; jobs are idempotent, so a retried or overlapping run does nothing new */
  run(at: Date): Promise<unknown>;
}

/**
 * What this instance does with jobs, reported by the readiness check:
 * - 'pg-boss': schedules and works jobs through the shared pg-boss queue (PostgreSQL)
 * - 'in-process': runs them on its own timers (SQLite: the only instance on its file)
 * - 'off': runs none (WUYE_JOBS=off — another instance does)
 */
export type JobRole = 'pg-boss' | 'in-process' | 'off';

export interface JobScheduler {
  readonly role: JobRole;
  start(jobs: Job[]): Promise<void>;
  /** stops scheduling, lets a running job finish (up to `timeoutMs`), then releases connections */
  stop(timeoutMs?: number): Promise<void>;
}

export interface JobLog {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** An instance started with jobs off: it serves requests only. */
export class NoJobs implements JobScheduler {
  readonly role = 'off' as const;
  async start(): Promise<void> {}
  async stop(): Promise<void> {}
}

/** WUYE_JOBS=off (or 0/false) turns an instance's jobs off; anything else leaves them on. */
export function jobsEnabledFromEnv(value = process.env.WUYE_JOBS): boolean {
  return !(value && ['off', '0', 'false', 'no'].includes(value.trim().toLowerCase()));
}

/**
 * WUYE_JOB_PERIODS overrides how often named jobs run, e.g. `core.overdue=30,billing.notices=600`
 * (seconds). Unknown names are refused at start, so a typo does not silently keep the default.
 */
export function jobPeriodsFromEnv(value = process.env.WUYE_JOB_PERIODS): Record<string, number> {
  const periods: Record<string, number> = {};
  for (const part of (value ?? '').split(',').map((p) => p.trim()).filter(Boolean)) {
    const m = /^([\w.-]+)=(\d+)$/.exec(part);
    if (!m || Number(m[2]) < 1) throw new Error(`WUYE_JOB_PERIODS: "${part}" is not <job name>=<seconds, at least 1>`);
    periods[m[1]!] = Number(m[2]);
  }
  return periods;
}

/** Applies period overrides to the jobs; an override naming no job is an error. */
export function withPeriods(jobs: Job[], periods: Record<string, number>): Job[] {
  const names = new Set(jobs.map((j) => j.name));
  const unknown = Object.keys(periods).filter((n) => !names.has(n));
  if (unknown.length) throw new Error(`WUYE_JOB_PERIODS names unknown jobs: ${unknown.join(', ')} (jobs: ${[...names].join(', ')})`);
  return jobs.map((j) => (periods[j.name] ? { ...j, everySeconds: periods[j.name]! } : j));
}
