/**
 * `npm run wuye -- backup <file>` on a live database: a kernel keeps creating complaints (four
 * writers through inject) while the command runs in its own process, as an operator would run it
 * beside the server. The backup opens as a database that passes SQLite's integrity check and holds
 * every case whose creation was acknowledged before the command started. On PostgreSQL the command
 * points at pg_dump instead.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT_DIR } from '../../core/kernel.js';
import { startTestKernel, type TestKernel } from '../../core/testing/harness.js';

const PLUGINS = ['service-desk', 'complaints'];
let kernel: TestKernel;
let token = '';
let projectId = 0;
const dir = mkdtempSync(path.join(os.tmpdir(), 'wuye-backup-'));

beforeAll(async () => {
  kernel = await startTestKernel({ plugins: PLUGINS });
  const reg = await kernel.seed();
  projectId = reg.projects.get('CH')!.id;
  token = await kernel.login('frontdesk');
}, 60_000);

afterAll(async () => {
  await kernel?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** the CLI as a separate process on the kernel's database: exit code and output */
function runBackupCommand(file: string): Promise<{ code: number | null; output: string }> {
  const database = kernel.dialect === 'postgresql'
    ? { DATABASE_URL: kernel.orm.config.get('clientUrl')! }
    : { DATABASE_URL: '', WUYE_SQLITE: kernel.orm.config.get('dbName')! };
  const child = spawn(process.execPath, ['--import', 'tsx', 'core/cli/main.ts', 'backup', file], {
    cwd: ROOT_DIR,
    env: { ...process.env, ...database, WUYE_PLUGINS: PLUGINS.join(',') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (b: Buffer) => { output += b.toString(); });
  child.stderr.on('data', (b: Buffer) => { output += b.toString(); });
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output })));
}

describe('wuye backup', () => {
  it('copies a database under write load into a consistent file with every acknowledged write', async () => {
    const file = path.join(dir, 'backup.sqlite');
    if (kernel.dialect === 'postgresql') {
      const { code, output } = await runBackupCommand(file);
      expect(code).toBe(2);
      expect(output).toContain('pg_dump');
      expect(existsSync(file)).toBe(false);
      return;
    }
    const acknowledged: number[] = [];
    let writing = true;
    const writer = async () => {
      for (let i = 0; writing; i++) {
        const res = await kernel.call(token, 'POST', '/api/cases/complaint', { projectId, data: { channel: 'phone', complainantName: '张伟', contactPhone: '13800000001', content: `楼道灯坏了 ${i}` } });
        if (res.statusCode !== 201) throw new Error(`create failed: ${res.statusCode} ${res.body}`);
        acknowledged.push((res.json() as { id: number }).id);
      }
    };
    const writers = [writer(), writer(), writer(), writer()];
    const failed = Promise.all(writers).then(() => { throw new Error('the writers stopped'); });
    failed.catch(() => undefined);
    while (acknowledged.length < 100) await Promise.race([new Promise((r) => setImmediate(r)), failed]);

    const beforeBackup = [...acknowledged];
    const result = await runBackupCommand(file);
    const duringBackup = acknowledged.length - beforeBackup.length;
    writing = false;
    await Promise.all(writers);

    expect(result.output).toMatch(/backed up .* integrity ok/);
    expect(result.code).toBe(0);
    // the load really ran while the command did
    expect(duringBackup).toBeGreaterThan(0);
    const copy = new Database(file, { readonly: true, fileMustExist: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      const ids = new Set((copy.prepare('select id from work_case').all() as { id: number }[]).map((r) => r.id));
      expect(beforeBackup.filter((id) => !ids.has(id))).toEqual([]);
      // every case in the copy is whole: its creation event came with it
      const orphans = copy.prepare('select count(*) as n from work_case c where not exists (select 1 from case_event e where e.case_id = c.id)').get() as { n: number };
      expect(orphans.n).toBe(0);
    } finally {
      copy.close();
    }
  }, 120_000);

  it('refuses to overwrite an existing file', async () => {
    if (kernel.dialect === 'postgresql') return;
    const file = path.join(dir, 'existing.sqlite');
    writeFileSync(file, 'keep me');
    const { code, output } = await runBackupCommand(file);
    expect(code).toBe(1);
    expect(output).toContain('already exists');
    expect(readFileSync(file, 'utf8')).toBe('keep me');
  }, 60_000);
});
