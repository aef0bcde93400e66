/**
 * Compiling a draft configuration (check, dry run, rule, diff) takes from a few tens of
 * milliseconds to seconds and grows with the configuration: it runs in a pool of worker threads
 * (piscina), never on the event loop that answers every other request. A company has at most a
 * few compilations in the pool at once (company-limiter.ts). The pool starts with the first task
 * and keeps one thread warm, with its compile cache.
 */
import os from 'node:os';
import { Piscina } from 'piscina';
import { WuyeError } from '../errors.js';
import { CompanyLimiter, DEFAULT_COMPILE_LIMITS, type CompileLimits } from './company-limiter.js';
import type { DraftBase, DraftTask } from './draft-tasks.js';
import { platformCalendarYears } from '../calendar/public-calendar.js';
import type { DraftOutcome } from './draft-worker.js';

const WORKER = new URL('./draft-worker-entry.mjs', import.meta.url).href;
/** A draft that takes longer is refused, and its thread replaced, rather than holding a thread. */
const TASK_TIMEOUT_MS = 60_000;
/** Threads beyond the first leave after this long idle. */
const IDLE_MS = 60_000;

export class DraftPool {
  private pool: Piscina | null = null;
  private readonly limiter = new CompanyLimiter();

  /** @param base the loaded plugins' declarations, read when the pool (re)starts */
  constructor(private readonly base: () => DraftBase) {}

  set limits(limits: CompileLimits) {
    this.limiter.limits = limits;
  }

  /** Runs a task for a company, within its limit; an error the task raised on purpose is raised again here. */
  async run<T>(companyId: number, task: DraftTask): Promise<T> {
    return this.limiter.run(companyId, async () => {
      let outcome: DraftOutcome;
      try {
        // the thread counts working days with the platform's public calendar as it stands now
        outcome = await this.threads().run({ task, publicCalendar: platformCalendarYears() }, { signal: AbortSignal.timeout(TASK_TIMEOUT_MS) });
      } catch (e) {
        if ((e as Error).name === 'AbortError' || (e as Error).name === 'TimeoutError') {
          throw new WuyeError('WUYE_TIMEOUT', 503, `compiling the configuration took longer than ${TASK_TIMEOUT_MS / 1000} s and was stopped`);
        }
        throw e;
      }
      if (!outcome.ok) throw new WuyeError(outcome.error.code, outcome.error.statusCode, outcome.error.message, outcome.error.issues);
      return outcome.value as T;
    });
  }

  /** Takes a place in the company's line until `release` resolves (see ConfigService.holdDraftPlace). */
  hold(companyId: number, release: Promise<void>): Promise<void> {
    return this.limiter.run(companyId, () => release);
  }

  /** The plugins' declarations changed (development reload): the next task starts fresh threads. */
  reset(): void {
    const old = this.pool;
    this.pool = null;
    // tasks already running finish on the old threads
    void old?.close().catch(() => undefined);
  }

  async close(): Promise<void> {
    const old = this.pool;
    this.pool = null;
    await old?.destroy();
  }

  private threads(): Piscina {
    this.pool ??= new Piscina({
      filename: WORKER,
      workerData: this.base(),
      // the event loop keeps a core; on two cores one thread compiles
      maxThreads: Math.max(1, Math.min(4, os.availableParallelism() - 1)),
      minThreads: 1,
      idleTimeout: IDLE_MS,
      // no lower priority (niceIncrement): on a busy machine it starved the compiling thread for
      // tens of seconds behind other processes; being off the event loop is what protects requests
    });
    return this.pool;
  }
}

export { DEFAULT_COMPILE_LIMITS };
