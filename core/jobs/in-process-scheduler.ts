/**
 * SQLite's scheduler: every job on its own timer in this process (one process per SQLite file, so
 * nothing to coordinate). A job still running when its timer fires again is not started twice.
 */
import type { Job, JobLog, JobScheduler } from './job.js';

export class InProcessScheduler implements JobScheduler {
  readonly role = 'in-process' as const;
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly running = new Map<string, Promise<void>>();
  private stopped = false;

  constructor(private readonly now: () => Date, private readonly log: JobLog) {}

  async start(jobs: Job[]): Promise<void> {
    for (const job of jobs) {
      this.timers.push(setInterval(() => this.fire(job), job.everySeconds * 1000));
    }
  }

  private fire(job: Job): void {
    if (this.stopped || this.running.has(job.name)) return;
    const run = job.run(this.now())
      .then(() => undefined, (err: unknown) => this.log.error({ err, job: job.name }, 'job failed'))
      .finally(() => this.running.delete(job.name));
    this.running.set(job.name, run);
  }

  async stop(timeoutMs = 10_000): Promise<void> {
    this.stopped = true;
    this.timers.forEach(clearInterval);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => { timer = setTimeout(resolve, timeoutMs); });
    await Promise.race([Promise.all(this.running.values()), timeout]);
    clearTimeout(timer);
  }
}
