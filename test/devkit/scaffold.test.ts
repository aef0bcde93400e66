/**
 * The plugin guide's steps, verbatim, on a throw-away plugin: scaffold it, generate its types,
 * type-check, run its own test, and load it into a kernel — with no edit to core.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT_DIR } from '../../core/kernel.js';
import { startTestKernel } from '../../core/testing/harness.js';

const id = `zz-scaffold-${process.pid}`;
const dir = path.join(ROOT_DIR, 'plugins', id);
const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { cwd: ROOT_DIR, encoding: 'utf8', env: { ...process.env, CI: 'true', NO_COLOR: '1', FORCE_COLOR: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });

describe('the plugin guide on a fresh plugin', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('npm run plugin:new creates a plugin that generates, type-checks, passes its test and loads', { timeout: 240_000 }, async () => {
    expect(run('npm', ['run', '--silent', 'plugin:new', '--', id])).toContain(`created plugins/${id}`);
    for (const file of ['plugin.json', 'zzScaffold' + process.pid + '.workflow.json', 'README.md', `${id}.test.ts`, `examples/create-${id}.json`]) {
      expect(existsSync(path.join(dir, file)), file).toBe(true);
    }
    run('npm', ['run', '--silent', 'generate']);
    expect(readFileSync(path.join(dir, 'generated', `zzScaffold${process.pid}.form.ts`), 'utf8')).toContain('GENERATED FILE — DO NOT EDIT');
    expect(existsSync(path.join(dir, 'generated', 'settings.ts'))).toBe(true);
    run('npx', ['tsc', '-p', `plugins/${id}`]);
    const testRun = run('npx', ['vitest', 'run', `plugins/${id}`, '--reporter=dot']);
    expect(testRun.replace(/\x1b\[[0-9;]*m/g, '')).toMatch(/Tests\s+2 passed \(2\)/);

    const kernel = await startTestKernel({ plugins: ['service-desk', id] });
    try {
      const meta = await kernel.app.inject({ method: 'GET', url: '/api/openapi.json' });
      expect(Object.keys((meta.json() as { paths: object }).paths)).toContain(`/api/cases/zzScaffold${process.pid}`);
    } finally {
      await kernel.close();
    }
    // the scaffold refuses to overwrite and refuses bad ids
    expect(() => run('npm', ['run', '--silent', 'plugin:new', '--', id])).toThrow(/already exists/);
    expect(() => run('npm', ['run', '--silent', 'plugin:new', '--', 'Bad_Id'])).toThrow(/lower-case words/);
  });
});
