/** Picks this instance's scheduler: off, pg-boss on PostgreSQL, in-process on SQLite. */
import type { MikroORM } from '@mikro-orm/core';
import type { Dialect } from '../db/orm.js';
import { InProcessScheduler } from './in-process-scheduler.js';
import { NoJobs, type JobLog, type JobScheduler } from './job.js';
import { PgBossScheduler } from './pg-boss-scheduler.js';

export interface SchedulerChoice {
  enabled: boolean;
  dialect: Dialect;
  /** the PostgreSQL URL (pg-boss opens its own small pool on it) */
  url?: string;
  orm: MikroORM;
  now: () => Date;
  log: JobLog;
}

export function createJobScheduler(choice: SchedulerChoice): JobScheduler {
  if (!choice.enabled) return new NoJobs();
  if (choice.dialect === 'postgresql' && choice.url) return new PgBossScheduler({ url: choice.url, orm: choice.orm, now: choice.now, log: choice.log });
  return new InProcessScheduler(choice.now, choice.log);
}
