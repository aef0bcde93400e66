/**
 * Reads an uploaded roster without letting it hurt the server: a zip's central directory is checked
 * first (entry count, unpacked size), then the file is parsed in a worker thread with its own heap
 * limit and a deadline, so neither a zip bomb nor a sheet of millions of rows can stall other
 * requests or grow the process without bound. The kind (.xlsx or .csv) is taken from the content,
 * not the file name.
 * Each read gets a fresh worker, ended as soon as it answers: a worker stopped mid-file (a limit,
 * a timeout) keeps half-read streams that are not worth reusing, and imports are rare. Starting one
 * (TypeScript loader, exceljs) costs about half a second of CPU.
 */
import { Worker } from 'node:worker_threads';
import { inspectZip } from './inspect-zip.js';
import type { RosterWorkerReply } from './roster-worker.js';
import {
  isZip, MAX_CONCURRENT_READS, READ_TIMEOUT_MS, RosterLimitError, RosterReadError, WORKER_HEAP_MB, type RosterSheet,
} from './roster-limits.js';

export { MAX_ROSTER_ROWS, RosterLimitError, RosterReadError, type RosterSheet } from './roster-limits.js';

/** Every slot is reading another roster: try again shortly (429). */
export class RosterBusyError extends Error {}

const WORKER_ENTRY = new URL('./roster-worker-entry.mjs', import.meta.url);
let reading = 0;

export async function readRoster(content: Buffer): Promise<RosterSheet> {
  if (isZip(content)) await inspectZip(content);
  if (reading >= MAX_CONCURRENT_READS) throw new RosterBusyError(`已有 ${MAX_CONCURRENT_READS} 份清单正在读取，请稍后再试 / ${MAX_CONCURRENT_READS} rosters are being read, try again shortly`);
  reading++;
  try {
    return await parseInWorker(content);
  } finally {
    reading--;
  }
}

function parseInWorker(content: Buffer): Promise<RosterSheet> {
  const worker = new Worker(WORKER_ENTRY, { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: 32 } });
  return new Promise<RosterSheet>((resolve, reject) => {
    let settled = false;
    const finish = (action: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      action();
    };
    const timer = setTimeout(() => finish(() => reject(new RosterLimitError('too-large', `清单读取超过 ${READ_TIMEOUT_MS / 1000} 秒 / reading the roster took longer than ${READ_TIMEOUT_MS / 1000} s`))), READ_TIMEOUT_MS);
    worker.on('message', (reply: RosterWorkerReply) => finish(() => {
      if (reply.ok) resolve(reply.sheet);
      else if (reply.kind === 'limit') reject(new RosterLimitError(reply.code, reply.message));
      else if (reply.kind === 'read') reject(new RosterReadError(reply.message));
      else reject(new Error(`roster worker failed: ${reply.message}`));
    }));
    worker.on('error', (err: Error & { code?: string }) => finish(() => reject(err.code === 'ERR_WORKER_OUT_OF_MEMORY'
      ? new RosterLimitError('too-large', `清单过于庞大，读取时超过 ${WORKER_HEAP_MB} MiB 内存 / reading the roster needed more than ${WORKER_HEAP_MB} MiB of memory`)
      : err)));
    worker.on('exit', (code) => finish(() => reject(new Error(`roster worker exited (${code}) without an answer`))));
    worker.postMessage({ content });
  });
}
