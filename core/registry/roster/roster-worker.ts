/**
 * The roster worker thread: parses each roster it is sent ({ content }) and posts back either the
 * sheet or the error, by kind. Started and reused by read-roster.ts through roster-worker-entry.mjs.
 */
import { parentPort } from 'node:worker_threads';
import { parseRoster } from './parse-roster.js';
import { RosterLimitError, RosterReadError } from './roster-limits.js';

export type RosterWorkerReply =
  | { ok: true; sheet: Awaited<ReturnType<typeof parseRoster>> }
  | { ok: false; kind: 'limit'; code: RosterLimitError['code']; message: string }
  | { ok: false; kind: 'read' | 'crash'; message: string };

parentPort!.on('message', async ({ content }: { content: Uint8Array }) => {
  let reply: RosterWorkerReply;
  try {
    reply = { ok: true, sheet: await parseRoster(Buffer.from(content.buffer, content.byteOffset, content.byteLength)) };
  } catch (e) {
    if (e instanceof RosterLimitError) reply = { ok: false, kind: 'limit', code: e.code, message: e.message };
    else if (e instanceof RosterReadError) reply = { ok: false, kind: 'read', message: e.message };
    else reply = { ok: false, kind: 'crash', message: (e as Error).message };
  }
  parentPort!.postMessage(reply);
});
