/**
 * A plugin brings its screens without touching ui/: `npm run plugin:new`'s plugin, in a plugins
 * folder of its own (WUYE_PLUGINS_DIR), is built into the app — its page in a chunk of its own,
 * not in the first load — and a staff member finds its navigation entry and opens its page.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserHarness } from './browser-harness.js';

// Only type imports above this line: the server modules read WUYE_UI_DIST when first imported,
// so they are imported (dynamically) after it is set.
const ROOT_DIR = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');

const id = 'desk-notes';
const tmp = mkdtempSync(path.join(os.tmpdir(), 'wuye-scaffold-ui-'));
const pluginsDir = path.join(tmp, 'plugins');
const dist = path.join(tmp, 'dist');
// the server serves this build (core/http/static-app reads it when the harness is imported below)
process.env.WUYE_UI_DIST = dist;

let h: BrowserHarness;

beforeAll(async () => {
  const { scaffoldPlugin } = await import('../../core/devkit/new-plugin.js');
  scaffoldPlugin(id, pluginsDir);
  // the scaffold's procedure depends on service-desk (roles, demo company): a copy beside it, without
  // its own screens (their imports reach ui/ by a path that holds only inside the repository)
  const serviceDesk = path.join(ROOT_DIR, 'plugins', 'service-desk');
  cpSync(serviceDesk, path.join(pluginsDir, 'service-desk'), { recursive: true, filter: (src) => !src.startsWith(path.join(serviceDesk, 'ui')) });
  execFileSync('npx', ['vite', 'build', '--config', 'ui/vite.config.ts', '--logLevel', 'warn'], {
    cwd: ROOT_DIR, env: { ...process.env, WUYE_PLUGINS_DIR: pluginsDir, WUYE_UI_DIST: dist }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  const { startBrowserHarness } = await import('./browser-harness.js');
  h = await startBrowserHarness({ pluginsDir, plugins: ['service-desk', id] });
}, 240_000);

afterAll(async () => {
  await h?.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('a scaffolded plugin in the staff app', () => {
  it('is built into chunks of its own, outside the first load', () => {
    const assets = readdirSync(path.join(dist, 'assets')).filter((f) => f.endsWith('.js'));
    const page = assets.filter((f) => readFileSync(path.join(dist, 'assets', f), 'utf8').includes(`wy-${id}-overview`));
    expect(page.length).toBeGreaterThan(0);
    const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
    const initial = [...html.matchAll(/(?:src|href)="\/?assets\/([^"]+\.js)"/g)].map((m) => m[1]);
    for (const file of page) expect(initial).not.toContain(file);
  });

  it('shows its navigation entry and opens its page', async () => {
    const { signIn } = await import('./browser-harness.js');
    const page = await h.newPage();
    await signIn(page, h.baseUrl, 'frontdesk');
    const entry = page.getByTestId(`nav-group-${id}`).getByRole('link', { name: '申请概览' });
    await entry.click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#/${id}/overview`);
    await page.getByTestId(`${id}-overview`).waitFor();
    expect(await entry.getAttribute('aria-current')).toBe('page');
    // its links lead into the procedure's own list
    await page.getByRole('link', { name: '全部申请' }).click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#/cases/deskNotes');
  });
});
