/**
 * Browser tests: a test kernel (throw-away database, demo company, controllable clock) listening
 * on 127.0.0.1 and serving the built staff app, driven by Debian's Chromium through
 * playwright-core. Screenshots go to test-results/screenshots/ so people can look at the screens.
 */
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ROOT_DIR } from '../../core/kernel.js';
import { UI_DIST } from '../../core/http/static-app.js';
import type { SeededRegistry } from '../../core/registry/seed-registry.js';
import { startTestKernel, type TestKernel, type TestKernelOptions } from '../../core/testing/harness.js';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];
export const SCREENSHOT_DIR = path.join(ROOT_DIR, 'test-results/screenshots');

/** Opens the app and logs in through the login page (demo password), waiting for 工作台. */
export async function signIn(page: Page, baseUrl: string, username: string, password = 'wuye2026'): Promise<void> {
  await page.goto(baseUrl);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('heading', { name: '工作台' }).waitFor();
}

export interface BrowserHarness {
  baseUrl: string;
  kernel: TestKernel;
  registry: SeededRegistry;
  browser: Browser;
  /** a page in its own browser context (own cookies), zh-CN, 1280×900 */
  newPage(options?: { language?: 'zh-CN' | 'en' }): Promise<Page>;
  /**
   * A page signed in as `username`, its clock at the test kernel's: page errors go into `errors`
   * (the test's afterEach expects none), dialogs are accepted (a prompt with `promptAnswer`).
   */
  signedIn(username: string, errors: string[], options?: { viewport?: { width: number; height: number }; promptAnswer?: string }): Promise<Page>;
  /** saves test-results/screenshots/<name>.png (full page) and returns its path */
  screenshot(page: Page, name: string): Promise<string>;
  close(): Promise<void>;
}

/** `demo: false` starts on an empty database (onboarding); `registry` is then empty. */
export async function startBrowserHarness(options: TestKernelOptions & { demo?: boolean } = {}): Promise<BrowserHarness> {
  if (!existsSync(path.join(UI_DIST, 'index.html'))) {
    throw new Error(`the staff app is not built (${UI_DIST}): run \`npm run build:ui\` (npm install does it)`);
  }
  const { demo = true, ...kernelOptions } = options;
  const kernel = await startTestKernel(kernelOptions);
  const registry = demo ? await kernel.seed() : { company: null as never, projects: new Map(), units: new Map(), people: new Map(), staff: new Map() };
  const baseUrl = await kernel.app.listen({ port: 0, host: '127.0.0.1' });
  // The browser's own widgets (date and month pickers) follow its UI language, which Chromium on
  // Linux takes from LANGUAGE: the staff app's users run it in Chinese (chromium-l10n installed).
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, '--lang=zh-CN'], env: { ...process.env, LANGUAGE: 'zh_CN:zh' },
  });
  const contexts: BrowserContext[] = [];
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const newPage = async ({ language = 'zh-CN' }: { language?: 'zh-CN' | 'en' } = {}): Promise<Page> => {
    const context = await browser.newContext({ locale: language, viewport: { width: 1280, height: 900 }, timezoneId: 'Asia/Shanghai' });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    return page;
  };
  return {
    baseUrl,
    kernel,
    registry,
    browser,
    newPage,
    async signedIn(username, errors, { viewport, promptAnswer } = {}) {
      const page = await newPage();
      if (viewport) await page.setViewportSize(viewport);
      await page.clock.setFixedTime(kernel.clock.now());
      page.on('pageerror', (err) => errors.push(err.message));
      page.on('dialog', (d) => void d.accept(d.type() === 'prompt' ? promptAnswer : undefined));
      await signIn(page, baseUrl, username);
      return page;
    },
    async screenshot(page, name) {
      const file = path.join(SCREENSHOT_DIR, `${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      // extra copies for whoever reviews the screens of a change (WUYE_SHOTS_DIR), besides test-results/screenshots
      const extra = process.env.WUYE_SHOTS_DIR;
      if (extra) {
        mkdirSync(extra, { recursive: true });
        copyFileSync(file, path.join(extra, path.basename(file)));
      }
      return file;
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close();
      await kernel.close();
    },
  };
}
