/**
 * Lines the process writes before (or without) fastify's logger, in the same JSON shape as pino's
 * (level number, time, msg), so a production log stays JSON from the first line to the last:
 * start-up refusals, warnings from Node itself, crashes.
 */
import os from 'node:os';
import { format } from 'node:util';

const LEVELS = { info: 30, warn: 40, error: 50, fatal: 60 } as const;

export function jsonLog(level: keyof typeof LEVELS, msg: string, extra: Record<string, unknown> = {}): void {
  const line = JSON.stringify({ level: LEVELS[level], time: Date.now(), pid: process.pid, hostname: os.hostname(), ...extra, msg });
  (level === 'info' ? process.stdout : process.stderr).write(`${line}\n`);
}

function errorFields(err: unknown): Record<string, unknown> {
  return err instanceof Error ? { err: { type: err.name, message: err.message, stack: err.stack } } : { err: String(err) };
}

/**
 * Production: Node's own warnings, uncaught errors and whatever code writes with console.* (plugin
 * jobs warn that way) as JSON lines instead of plain text. Called first thing by the server.
 */
export function jsonProcessOutput(): void {
  console.log = console.info = (...args: unknown[]) => jsonLog('info', format(...args));
  console.warn = (...args: unknown[]) => jsonLog('warn', format(...args));
  console.error = (...args: unknown[]) => jsonLog('error', format(...args));
  process.removeAllListeners('warning');
  process.on('warning', (w) => jsonLog('warn', w.message, { warning: w.name, code: (w as NodeJS.ErrnoException).code }));
  process.on('uncaughtException', (err) => {
    jsonLog('fatal', 'uncaught exception', errorFields(err));
    process.exit(1);
  });
  process.on('unhandledRejection', (err) => {
    jsonLog('fatal', 'unhandled promise rejection', errorFields(err));
    process.exit(1);
  });
}

export { errorFields };
