/**
 * An online backup of the SQLite database with SQLite's backup API (better-sqlite3's `backup`),
 * safe while the server writes: the pages are copied in one step, that is inside one read
 * transaction, so the copy is the database as of one instant — every transaction committed before
 * it, none half-written. In WAL mode that read does not block the server's writers (a backup
 * copied in small steps would restart each time another process writes, and might never finish
 * under load). Copying the file with `cp` is not a backup: recent commits live in the -wal file.
 *
 * The copy is written beside the destination and renamed into place once its integrity check
 * passes, so the destination is either absent or a complete, checked database.
 */
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

export interface BackupResult {
  file: string;
  pages: number;
  bytes: number;
  ms: number;
}

/** all remaining pages in the next step (sqlite3_backup_step takes an int) */
const ALL_PAGES = 0x7fffffff;

export async function backupSqliteFile(source: string, destination: string): Promise<BackupResult> {
  const started = Date.now();
  const target = path.resolve(destination);
  if (existsSync(target)) throw new BackupError(`${target} already exists: choose a new file name`);
  if (!existsSync(path.dirname(target))) throw new BackupError(`folder ${path.dirname(target)} does not exist`);
  if (!existsSync(source)) throw new BackupError(`no database at ${source}`);
  const partial = `${target}.partial-${process.pid}`;
  const db = new Database(source, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    const progress = await db.backup(partial, { progress: () => ALL_PAGES });
    const copy = new Database(partial, { fileMustExist: true });
    try {
      const integrity = copy.pragma('integrity_check', { simple: true });
      if (integrity !== 'ok') throw new BackupError(`the copy failed its integrity check: ${String(integrity)}`);
      // one self-contained file: no -wal beside it to lose when it is copied elsewhere
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    renameSync(partial, target);
    return { file: target, pages: progress.totalPages, bytes: statSync(target).size, ms: Date.now() - started };
  } catch (e) {
    rmSync(partial, { force: true });
    rmSync(`${partial}-wal`, { force: true });
    rmSync(`${partial}-shm`, { force: true });
    throw e;
  } finally {
    db.close();
  }
}

/** A refusal with a message for the operator (no stack). */
export class BackupError extends Error {}
