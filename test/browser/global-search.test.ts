/**
 * The header's search, in Chromium (zh-CN): '/' focuses it, "1-302" and the last 4 digits of a
 * phone find the household and the resident (phone masked), ↓ Enter opens the household; Ctrl+K
 * from anywhere; on a 390 px phone the icon expands into a full-width field. The new-case form shows
 * the chosen household's open complaint before a second one is registered.
 * Screenshots: test-results/screenshots/search-*.png (copied to /tmp/wuye-helpers/shots-search when it exists).
 */
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startBrowserHarness, type BrowserHarness, signIn } from './browser-harness.js';

let h: BrowserHarness;
const pageErrors: string[] = [];
let open: { id: number; serial: string };
const SHOTS = process.env.WUYE_SHOTS_DIR ?? '/tmp/wuye-helpers/shots-search';

beforeAll(async () => {
  h = await startBrowserHarness({ plugins: ['service-desk', 'complaints'], startAt: '2026-11-02T09:00:00+08:00' });
  const token = await h.kernel.login('frontdesk');
  const res = await h.kernel.call(token, 'POST', '/api/cases/complaint', {
    projectId: h.registry.projects.get('CH')!.id, unitId: h.registry.units.get('CH/1/101')!.id, personId: h.registry.people.get('张伟')!.id,
    data: { channel: 'phone', complainantName: '张伟', contactPhone: '13800000001', content: '楼道灯坏了' },
  });
  expect(res.statusCode, res.body).toBe(201);
  open = res.json();
});
afterAll(async () => h?.close());
afterEach(() => expect(pageErrors).toEqual([]));

async function login(username: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
  const context = await h.browser.newContext({ locale: 'zh-CN', viewport, timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await page.clock.setFixedTime(h.kernel.clock.now());
  page.on('pageerror', (err) => pageErrors.push(err.message));
  await signIn(page, h.baseUrl, username);
  return page;
}

async function shot(page: Page, name: string) {
  const file = await h.screenshot(page, name);
  if (existsSync(path.dirname(SHOTS))) {
    mkdirSync(SHOTS, { recursive: true });
    copyFileSync(file, path.join(SHOTS, `${name}.png`));
  }
}

describe('global search in the header', () => {
  it("'/' then 1-302 and the last 4 digits: ↓ Enter opens the household", async () => {
    const page = await login('frontdesk');
    const box = page.getByTestId('global-search');
    await page.keyboard.press('/');
    await expect.poll(() => box.evaluate((el) => el.matches(':focus'))).toBe(true);
    await box.pressSequentially('1-302');
    const room = page.getByRole('option', { name: /翠湖花园 1栋 302/ });
    await room.waitFor();
    await shot(page, 'search-desktop-room');
    await box.press('ArrowDown');
    await expect.poll(() => room.getAttribute('aria-selected')).toBe('true');
    await box.press('Enter');
    await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#/units/${h.registry.units.get('CH/1/302')!.id}`);
    await expect.poll(() => box.inputValue()).toBe('');

    // Ctrl+K from anywhere; the caller by the last 4 digits of the phone, masked, with their open complaint
    await page.locator('main').click();
    await page.keyboard.press('Control+k');
    await expect.poll(() => box.evaluate((el) => el.matches(':focus'))).toBe(true);
    await box.pressSequentially('0001');
    const person = page.getByRole('option', { name: /张伟.*138\*\*\*\*0001.*翠湖花园 1栋 101（业主）/ });
    await person.waitFor();
    await page.getByRole('option', { name: new RegExp(`客户投诉 ${open.serial}.*已登记`) }).waitFor();
    const panel = await page.getByRole('listbox').innerText();
    expect(panel).toContain('住户');
    expect(panel).toContain('工单');
    expect(panel).not.toContain('13800000001');
    await shot(page, 'search-desktop-phone');
    await box.press('ArrowDown');
    await box.press('Enter');
    await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#/units/${h.registry.units.get('CH/1/101')!.id}`);

    // Esc closes; nothing found says so
    await page.keyboard.press('/');
    await box.pressSequentially('欧阳不存在');
    await page.getByText('没有找到“欧阳不存在”').waitFor();
    await box.press('Escape');
    await expect.poll(() => page.getByRole('listbox').count()).toBe(0);
  });

  it('the new-case form shows the household’s open complaint before a second is registered', async () => {
    const page = await login('frontdesk');
    await page.goto(`${h.baseUrl}/#/cases/complaint/new`);
    await page.getByRole('heading', { name: '登记客户投诉' }).waitFor();
    const callerBox = page.getByPlaceholder('姓名或电话');
    await callerBox.fill('0001');
    // the caller's button (its phone as the caller's privacy rule shows it)
    await page.getByRole('button', { name: /张伟（.*1栋 101/ }).click();
    const history = page.getByTestId('household-history');
    await history.waitFor();
    await expect.poll(() => history.innerText()).toContain(open.serial);
    const text = await history.innerText();
    expect(text).toContain('该户的工单');
    expect(text).toContain('未办结 1 件');
    expect(text).toContain('客户投诉');
    expect(text).toContain('楼道灯坏了');
    await shot(page, 'search-new-case-history');
  });

  it('on a 390 px phone the icon expands into a full-width field', async () => {
    const page = await login('frontdesk', { width: 390, height: 844 });
    const box = page.getByTestId('global-search');
    await expect.poll(() => box.isVisible()).toBe(false);
    await page.getByRole('button', { name: '搜索' }).click();
    await expect.poll(() => box.evaluate((el) => el.matches(':focus'))).toBe(true);
    const width = await box.evaluate((el) => el.getBoundingClientRect().width);
    expect(width).toBeGreaterThan(250);
    await box.pressSequentially('1栋302');
    await page.getByRole('option', { name: /翠湖花园 1栋 302/ }).waitFor();
    await shot(page, 'search-phone');
    await box.press('Enter');
    await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#/units/${h.registry.units.get('CH/1/302')!.id}`);
    await expect.poll(() => box.isVisible()).toBe(false);
  });
});
