/**
 * PostgreSQL's scheduler: jobs go through pg-boss's queue in the shared database, so a schedule
 * fires once across every instance however many run. Each instance with jobs on:
 *
 * - offers each job once per period with `sendThrottled(…, everySeconds, singletonKey)`: pg-boss
 *   keeps one job per (queue, time slot, key) by a unique index, so the offers of every instance
 *   for the same slot make one job (periods under a minute work too, which cron cannot do);
 * - works the queues: whichever instance fetches the job first runs it; a job that throws is
 *   retried (RETRY_LIMIT times, backing off), one that hangs expires and is retried.
 *
 * pg-boss keeps its tables in its own schema (`pgboss`), created on first start under its own lock.
 */
import PgBoss from 'pg-boss';
import type { MikroORM } from '@mikro-orm/core';
import { withExclusiveLock } from '../db/exclusive-lock.js';
import type { Job, JobLog, JobScheduler } from './job.js';

const RETRY_LIMIT = 3;
const RETRY_DELAY_SECONDS = 15;
/** how often an instance offers each job: a slot is offered within this many seconds of its start */
const MAX_OFFER_INTERVAL_MS = 5_000;

/** pg-boss queue names: letters, digits, underscores and hyphens */
export function queueName(jobName: string): string {
  return `wuye-${jobName.replace(/[^\w-]/g, '-')}`;
}

export interface PgBossSchedulerOptions {
  url: string;
  orm: MikroORM;
  now: () => Date;
  log: JobLog;
  /** how often workers look for jobs (default 2 s) */
  pollingIntervalSeconds?: number;
}

export class PgBossScheduler implements JobScheduler {
  readonly role = 'pg-boss' as const;
  private readonly boss: PgBoss;
  private readonly timers: NodeJS.Timeout[] = [];
  private stopping = false;

  constructor(private readonly options: PgBossSchedulerOptions) {
    this.boss = new PgBoss({ connectionString: options.url, schema: 'pgboss', max: 3, application_name: 'wuye-jobs', schedule: false });
    this.boss.on('error', (err) => options.log.error({ err }, 'job queue error'));
  }

  async start(jobs: Job[]): Promise<void> {
    await this.boss.start();
    // createQueue is idempotent, but two instances creating one queue's partition at once can collide
    await withExclusiveLock(this.options.orm, 'jobs:queues', async () => {
      for (const job of jobs) {
        await this.boss.createQueue(queueName(job.name), {
          name: queueName(job.name), policy: 'standard', retryLimit: RETRY_LIMIT, retryDelay: RETRY_DELAY_SECONDS, retryBackoff: true,
          expireInSeconds: Math.max(15 * 60, job.everySeconds),
        });
      }
    });
    for (const job of jobs) {
      const queue = queueName(job.name);
      await this.boss.work(queue, { pollingIntervalSeconds: this.options.pollingIntervalSeconds ?? 2, batchSize: 1 }, async () => {
        await job.run(this.options.now());
      });
      const offer = () => {
        if (this.stopping) return;
        this.boss.sendThrottled(queue, {}, {}, job.everySeconds, queue)
          .catch((err: unknown) => { if (!this.stopping) this.options.log.error({ err, job: job.name }, 'could not offer a job'); });
      };
      offer();
      this.timers.push(setInterval(offer, Math.min(job.everySeconds * 1000, MAX_OFFER_INTERVAL_MS)));
    }
    this.options.log.info({ jobs: jobs.map((j) => j.name) }, 'jobs run through the pg-boss queue');
  }

  async stop(timeoutMs = 10_000): Promise<void> {
    this.stopping = true;
    this.timers.forEach(clearInterval);
    // graceful: a running job finishes (or is failed for a retry by another instance after the timeout)
    await this.boss.stop({ graceful: true, wait: true, timeout: timeoutMs });
  }
}
