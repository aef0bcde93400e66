/**
 * `npm start` under a process manager: a SIGTERM to npm (what systemd or a container stop sends)
 * reaches the server, which shuts down cleanly — no server left orphaned and still serving. The
 * start script execs node, so npm's forwarded signal goes to the server itself.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT_DIR } from '../../core/kernel.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'wuye-npm-start-'));
/** the command line of a running process, '' once it is gone */
const commandOf = (pid: number) => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return '';
  }
};
const alive = (pid: number) => commandOf(pid) !== '';
/** npm and what it started: killed after the test if the test failed and left them running */
const started: number[] = [];

afterAll(() => {
  // only processes still running this start (a finished one's pid may belong to another by now)
  for (const pid of started) if (pid > 1 && /npm|core\/server\/main\.ts/.test(commandOf(pid))) process.kill(pid, 'SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

describe('npm start and SIGTERM', () => {
  it('a SIGTERM to npm stops the server cleanly and leaves no process behind', async () => {
    const npm = spawn('npm', ['start'], {
      cwd: ROOT_DIR,
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', WUYE_SQLITE: path.join(dir, 'wuye.sqlite'), DATABASE_URL: '', WUYE_NO_DEMO: '1', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    started.push(npm.pid!);
    let output = '';
    npm.stdout.on('data', (b: Buffer) => { output += b.toString(); });
    npm.stderr.on('data', (b: Buffer) => { output += b.toString(); });
    const exited = new Promise<number | null>((resolve) => npm.once('exit', (code) => resolve(code)));
    const url = await new Promise<string>((resolve, reject) => {
      const check = () => {
        const m = /is running at (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
        if (m) resolve(m[1]!);
      };
      npm.stdout.on('data', check);
      void exited.then((code) => reject(new Error(`npm start exited (${code}):\n${output}`)));
    });
    // the server is npm's child, started by exec: no shell in between
    const children = spawnSync('ps', ['-o', 'pid=,args=', '--ppid', String(npm.pid)], { encoding: 'utf8' }).stdout.trim().split('\n');
    // (a shell in between would have the server as its own child)
    for (const line of children) {
      const pid = Number(line.trim().split(' ')[0]);
      started.push(pid, ...spawnSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' }).stdout.trim().split('\n').filter(Boolean).map(Number));
    }
    expect(children).toHaveLength(1);
    expect(children[0]).toMatch(/^\s*\d+ node --import tsx core\/server\/main\.ts$/);
    const serverPid = Number(children[0]!.trim().split(' ')[0]);

    npm.kill('SIGTERM');
    await exited;
    // the server went with it, after logging its shutdown
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => { if (!alive(serverPid)) { clearInterval(poll); resolve(); } }, 50);
    });
    expect(output).toContain('shut down cleanly');
    await expect(fetch(`${url}/api/health/live`)).rejects.toThrow();
  }, 120_000);
});
