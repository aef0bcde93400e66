/**
 * The README's first command, as a process: the server starts on a fresh SQLite file, seeds the
 * demo company, prints its URL and logins, serves the OpenAPI document with the complaint routes
 * and lets a demo user log in.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT_DIR } from '../../core/kernel.js';

let child: ChildProcess;
let output = '';
let baseUrl = '';
const dir = mkdtempSync(path.join(os.tmpdir(), 'wuye-server-'));

beforeAll(async () => {
  child = spawn(path.join(ROOT_DIR, 'node_modules/.bin/tsx'), ['core/server/main.ts'], {
    cwd: ROOT_DIR,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', WUYE_SQLITE: path.join(dir, 'wuye.sqlite'), DATABASE_URL: '', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (b: Buffer) => { output += b.toString(); });
  child.stderr!.on('data', (b: Buffer) => { output += b.toString(); });
  baseUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 45_000);
    const check = () => {
      const m = /is running at (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (m) { clearTimeout(timer); resolve(m[1]!); }
    };
    child.stdout!.on('data', check);
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`server exited ${code}:\n${output}`)); });
  });
}, 60_000);

afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }
  rmSync(dir, { recursive: true, force: true });
});

describe('npm start', () => {
  it('prints the URL and the demo logins', () => {
    expect(output).toContain('Demo logins (password for all: wuye2026)');
    for (const user of ['frontdesk', 'supervisor', 'manager', 'engineering', 'admin']) expect(output).toMatch(new RegExp(`\\n\\s+${user}\\s`));
  });

  it('serves the OpenAPI document listing the complaint routes', async () => {
    const doc = (await (await fetch(`${baseUrl}/api/openapi.json`)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining([
      '/api/cases/complaint', '/api/cases/complaint/{id}', '/api/cases/complaint/{id}/transitions/{transition}',
      '/api/cases/complaint/{id}/events', '/api/cases/complaint/{id}/documents/{document}', '/api/cases/complaint/summary',
    ]));
  });

  it('has the demo company: a front-desk login sees its one project, the manager both', async () => {
    const login = async (username: string) => {
      const res = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'wuye2026' }) });
      expect(res.status).toBe(200);
      return ((await res.json()) as { token: string }).token;
    };
    const projects = async (token: string) => ((await (await fetch(`${baseUrl}/api/projects`, { headers: { authorization: `Bearer ${token}` } })).json()) as { items: { name: string }[] }).items.map((p) => p.name);
    expect(await projects(await login('frontdesk'))).toEqual(['翠湖花园']);
    expect(await projects(await login('manager'))).toEqual(['翠湖花园', '金融大厦']);
  });
});
