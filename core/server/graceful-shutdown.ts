/**
 * SIGTERM / SIGINT: stop accepting connections, let the requests in flight finish, close the
 * database, exit 0 — or exit 1 after a timeout (WUYE_SHUTDOWN_TIMEOUT seconds, default 10) when
 * something does not finish. A second signal while shutting down exits at once (Ctrl-C twice).
 */
import type { FastifyBaseLogger } from 'fastify';

export const DEFAULT_SHUTDOWN_TIMEOUT_S = 10;

export function shutdownTimeoutMs(): number {
  const raw = process.env.WUYE_SHUTDOWN_TIMEOUT;
  const seconds = raw === undefined || raw === '' ? DEFAULT_SHUTDOWN_TIMEOUT_S : Number(raw);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new Error(`WUYE_SHUTDOWN_TIMEOUT must be a positive number of seconds, got "${raw}"`);
  return seconds * 1000;
}

export function installGracefulShutdown(close: () => Promise<void>, log: FastifyBaseLogger, timeoutMs: number): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      log.warn({ signal }, 'second signal while shutting down: exiting now');
      process.exit(1);
    }
    stopping = true;
    const started = Date.now();
    log.info({ signal, timeoutMs }, 'shutting down: no new connections, finishing the requests in flight');
    // unref: the timer alone must not keep a process alive that has finished closing
    setTimeout(() => {
      log.error({ timeoutMs }, 'shutdown timed out: exiting with work unfinished');
      process.exit(1);
    }, timeoutMs).unref();
    close().then(
      () => {
        log.info({ ms: Date.now() - started }, 'shut down cleanly');
        process.exit(0);
      },
      (err: unknown) => {
        log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
