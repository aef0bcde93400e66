/**
 * A workflow's message to staff on the 通知 page, in the browser: a complaint classified major is
 * reported to the director (complaints' notify to: "role"); the bell counts it without a reload, the
 * list shows 工作消息 with the message's title and text, the preferences list 工作消息 as a kind one
 * may switch off, and the item opens the case. No codes on screen. Screenshots (desktop and
 * 390×844 phone): test-results/screenshots/notification-message-*.png.
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserHarness, signIn, type BrowserHarness } from './browser-harness.js';
import { deepText } from './form-steps.js';

let h: BrowserHarness;
const pageErrors: string[] = [];

beforeAll(async () => {
  h = await startBrowserHarness({ plugins: ['service-desk', 'complaints'], startAt: '2026-11-02T09:00:00+08:00' });
});
afterAll(async () => h?.close());
afterEach(() => expect(pageErrors).toEqual([]));

async function shot(page: Page, name: string) {
  await h.screenshot(page, name);
}

describe('a message to staff on the 通知 page', { timeout: 120_000 }, () => {
  it('the director is told of a major complaint: 工作消息 with its title and text, and it opens the case', async () => {
    const [frontdesk, supervisor] = await Promise.all(['frontdesk', 'supervisor'].map((u) => h.kernel.login(u)));
    const page = await h.newPage();
    page.on('pageerror', (err) => pageErrors.push(err.message));
    await page.clock.setFixedTime(h.kernel.clock.now());
    await signIn(page, h.baseUrl, 'director');
    const bell = page.getByTestId('notification-bell');
    await expect.poll(() => bell.getAttribute('aria-label')).toBe('通知');

    // test data: a complaint the supervisor classifies as major
    const created = await h.kernel.call(frontdesk!, 'POST', '/api/cases/complaint', {
      projectId: h.registry.projects.get('CH')!.id, data: { channel: 'letter', complainantName: '王芳', content: '地下车库连续三天积水，多辆车受损' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const c = created.json() as { id: number; version: number; serial: string };
    const classified = await h.kernel.call(supervisor!, 'POST', `/api/cases/complaint/${c.id}/transitions/classify`, { version: c.version, data: { nature: 'major', severity: 'major', category: 'facilities', classificationNote: '多户财产受损' } });
    expect(classified.statusCode, classified.body).toBe(200);
    // the fan-out announces it once the transition has committed
    await h.kernel.runJobs();
    await expect.poll(() => bell.getAttribute('aria-label')).toBe('通知，1条未读');

    await bell.click();
    await page.getByRole('heading', { name: '通知' }).waitFor();
    const item = page.locator('[data-testid="notification-list"] a', { hasText: '工作消息' });
    await item.waitFor();
    expect(await item.textContent()).toContain(`重大投诉报告：翠湖花园重大投诉（${c.serial}）：地下车库连续三天积水，多辆车受损。重大投诉当日报告管理处主任，请知悉并督办。`);
    const all = await deepText(page);
    expect(all).toContain('工作消息');
    expect(all).not.toMatch(/majorComplaint|message|undefined|\{\{/);
    await shot(page, 'notification-message-list');
    await page.setViewportSize({ width: 390, height: 844 });
    await shot(page, 'notification-message-list-phone');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.setViewportSize({ width: 1280, height: 900 });

    await item.click();
    await expect.poll(() => page.getByTestId('case-serial').textContent()).toContain(c.serial);
    await expect.poll(() => bell.getAttribute('aria-label')).toBe('通知');
  });
});
