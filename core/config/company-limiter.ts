/**
 * At most a few configuration compilations per company at once: the next ones wait their turn in
 * a short queue, and beyond it a request is refused (429) naming the limit. One company's editors
 * cannot take the draft pool from the others.
 */
import { WuyeError } from '../errors.js';

export interface CompileLimits {
  /** compilations of one company handed to the pool at once */
  running: number;
  /** further ones waiting for a turn; beyond, 429 */
  queued: number;
}

export const DEFAULT_COMPILE_LIMITS: CompileLimits = { running: 2, queued: 16 };

interface CompanyLine {
  running: number;
  waiting: (() => void)[];
}

export class TooManyCompilationsError extends WuyeError {
  constructor(limits: CompileLimits) {
    super('WUYE_RATE_LIMITED', 429, `too many configuration checks for this company at once (${limits.running} running and ${limits.queued} waiting): try again when one has finished`, [
      { pointer: '', code: 'too-many-config-compilations', message: `at most ${limits.running} running and ${limits.queued} waiting per company` },
    ]);
  }
}

export class CompanyLimiter {
  private readonly lines = new Map<number, CompanyLine>();

  constructor(public limits: CompileLimits = DEFAULT_COMPILE_LIMITS) {}

  async run<T>(companyId: number, work: () => Promise<T>): Promise<T> {
    let line = this.lines.get(companyId);
    if (!line) {
      line = { running: 0, waiting: [] };
      this.lines.set(companyId, line);
    }
    if (line.running >= this.limits.running) {
      if (line.waiting.length >= this.limits.queued) throw new TooManyCompilationsError(this.limits);
      // a finishing compilation hands its place over directly (running stays counted)
      await new Promise<void>((resolve) => line.waiting.push(resolve));
    } else {
      line.running++;
    }
    try {
      return await work();
    } finally {
      const next = line.waiting.shift();
      if (next) next();
      else if (--line.running === 0) this.lines.delete(companyId);
    }
  }

  /** Compilations of a company running and waiting now. */
  load(companyId: number): { running: number; waiting: number } {
    const line = this.lines.get(companyId);
    return { running: line?.running ?? 0, waiting: line?.waiting.length ?? 0 };
  }
}
