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
