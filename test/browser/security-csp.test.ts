/**
 * The staff app under its Content-Security-Policy (issue 13, findings 5 and 6), in Chromium: the
 * app loads, logs in, shows the queue and the generated complaint form, whose ajv validation and
 * rules run and catch a bad phone number, without one CSP violation; another site cannot frame
 * it; staff change their own password from the header (a common one is refused on its field).
 * Screenshots: test-results/screenshots/security-*.png
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startBrowserHarness, type BrowserHarness } from './browser-harness.js';

let h: BrowserHarness;
const pageErrors: string[] = [];
const violations: string[] = [];

beforeAll(async () => {
  h = await startBrowserHarness({ plugins: ['service-desk', 'complaints'], startAt: '2026-11-02T09:00:00+08:00' });
});
afterAll(async () => h?.close());

/** A page that records CSP violations (the event and Chromium's console report) and script errors. */
async function watchedPage(viewport?: { width: number; height: number }): Promise<Page> {
  const page = await h.newPage();
  if (viewport) await page.setViewportSize(viewport);
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  page.on('console', (m) => { if (/Content Security Policy|CSP violation/i.test(m.text())) violations.push(m.text()); });
  page.on('pageerror', (err) => pageErrors.push(err.message));
  return page;
}

async function login(page: Page, username: string, password = 'wuye2026'): Promise<void> {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('heading', { name: '工作台' }).waitFor();
}

describe('the staff app under its CSP', { timeout: 120_000 }, () => {
  it('serves the app with CSP, frame-ancestors, X-Frame-Options and Referrer-Policy, and runs the generated form without a violation', async () => {
    const page = await watchedPage();
    const res = await page.goto(h.baseUrl);
    const headers = res!.headers();
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['content-security-policy']).toContain("script-src 'self'");
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['referrer-policy']).toBe('no-referrer');

    await login(page, 'frontdesk');
    await page.getByRole('link', { name: '客户投诉' }).click();
    await page.getByRole('link', { name: /登记客户投诉/ }).click();
    await page.getByRole('heading', { name: '登记客户投诉' }).waitFor();
    // the form's rules and ajv validation run in the browser: a bad phone number is caught on its field
    const channel = page.getByRole('combobox', { name: '投诉方式' });
    const group = page.getByRole('radiogroup', { name: '投诉方式' }).or(page.getByRole('group', { name: '投诉方式' }));
    await channel.or(group).first().waitFor();
    if (await channel.count()) await channel.first().selectOption({ label: '电话' });
    else await group.first().getByRole('radio', { name: '电话', exact: true }).check();
    await page.getByLabel('投诉人姓名').fill('张伟');
    await page.getByLabel('联系电话').fill('电话1380000');
    await page.getByLabel('投诉内容').fill('楼道灯坏了');
    await page.getByRole('button', { name: '登记', exact: true }).click();
    await expect.poll(async () => page.getByLabel('联系电话').evaluate((el) => el.getAttribute('aria-invalid'))).toBe('true');
    await h.screenshot(page, 'security-csp-form');
    expect(violations).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('cannot be framed by another site', async () => {
    const page = await watchedPage();
    const blocked = page.waitForEvent('console', { predicate: (m) => /frame-ancestors|X-Frame-Options/i.test(m.text()) });
    await page.setContent(`<h1>evil</h1><iframe src="${h.baseUrl}/" width="600" height="400"></iframe>`);
    expect((await blocked).text()).toMatch(/frame-ancestors 'none'|X-Frame-Options/);
    const child = page.frames().find((f) => f !== page.mainFrame());
    expect(await child!.locator('wy-app').count()).toBe(0);
  });

  it('lets staff change their own password from the header; a common one is refused on its field', async () => {
    violations.length = 0;
    const page = await watchedPage();
    await page.goto(h.baseUrl);
    await login(page, 'supervisor');
    await page.getByTestId('change-password').click();
    await page.getByRole('heading', { name: '修改密码' }).waitFor();
    await page.getByLabel('当前密码').fill('wuye2026');
    await page.getByLabel('新密码', { exact: true }).fill('iloveyou');
    await page.getByLabel('再次输入新密码').fill('iloveyou');
    await page.getByRole('button', { name: '修改密码' }).click();
    await page.getByText('这是常见密码，请换一个').waitFor();
    await h.screenshot(page, 'security-password-refused');
    await page.getByLabel('新密码', { exact: true }).fill('harbour-lamp-93');
    await page.getByLabel('再次输入新密码').fill('harbour-lamp-93');
    await page.getByRole('button', { name: '修改密码' }).click();
    await page.getByRole('status').filter({ hasText: '密码已修改' }).waitFor();
    await h.screenshot(page, 'security-password-changed');
    const phone = await watchedPage({ width: 390, height: 844 });
    await phone.goto(h.baseUrl);
    await login(phone, 'supervisor', 'harbour-lamp-93');
    await phone.getByTestId('change-password').click();
    await phone.getByRole('heading', { name: '修改密码' }).waitFor();
    await h.screenshot(phone, 'security-password-phone');
    expect(violations).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
