/**
 * The bell, live: a supervisor has the staff app open; a complaint handled but not told to the
 * resident in time is escalated to the supervisors by the overdue job (test clock moved, jobs run
 * through the kernel's runJobs seam) — the bell's count rises without a reload, the 通知 page shows
 * the escalation in Chinese, and clicking it marks it read and opens the case.
 * Screenshots (desktop and 390×844 phone): test-results/screenshots/notification-*.png
 */
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

async function shot(page: Parameters<BrowserHarness['screenshot']>[0], name: string) {
  await h.screenshot(page, name);
}

async function take(token: string, c: { id: number; version: number }, transition: string, data?: Record<string, unknown>) {
  const res = await h.kernel.call(token, 'POST', `/api/cases/complaint/${c.id}/transitions/${transition}`, { version: c.version, ...(data ? { data } : {}) });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { id: number; version: number };
}

describe('notification bell', { timeout: 120_000 }, () => {
  it('rises without a reload when the overdue job escalates a complaint to the supervisor, and opens the case', async () => {
    const [frontdesk, supervisor, engineering] = await Promise.all(['frontdesk', 'supervisor', 'engineering'].map((u) => h.kernel.login(u)));
    // test data: a complaint classified and handled; telling the resident (8 hours, 客服助理) is still to do
    const created = await h.kernel.call(frontdesk!, 'POST', '/api/cases/complaint', {
      projectId: h.registry.projects.get('CH')!.id, data: { channel: 'letter', complainantName: '王芳', content: '电梯按钮失灵，按了没反应。' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const c = created.json() as { id: number; version: number; serial: string };
    let v = await take(supervisor!, c, 'classify', { nature: 'valid', severity: 'minor', category: 'repair' });
    v = await take(engineering!, v, 'handle', { cause: '按钮老化', correctiveAction: '更换按钮', handledBy: '韩志' });
    await h.kernel.runJobs();
    const before = (await h.kernel.call(supervisor!, 'GET', '/api/notifications/unread-count')).json().unread as number;

    const page = await h.newPage();
    page.on('pageerror', (err) => pageErrors.push(err.message));
    // the page's clock reads the kernel's, so countdowns and times match the test clock
    await page.clock.setFixedTime(h.kernel.clock.now());
    await signIn(page, h.baseUrl, 'supervisor');
    const bell = page.getByTestId('notification-bell');
    await expect.poll(() => bell.getAttribute('aria-label')).toBe(before ? `通知，${before}条未读` : '通知');

    // nine hours on, the overdue job escalates the untold result from 客服助理 to 客服主管
    h.kernel.clock.advance(9 * 60 * 60_000);
    expect((await h.kernel.runJobs()).overdue).toBe(1);
    await page.clock.setFixedTime(h.kernel.clock.now());
    await expect.poll(() => bell.getAttribute('aria-label')).toBe(`通知，${before + 1}条未读`);
    expect(await page.getByTestId('notification-count').textContent()).toBe(String(before + 1));
    await shot(page, 'notification-01-bell');

    await bell.click();
    await page.getByRole('heading', { name: '通知' }).waitFor();
    const item = page.locator('[data-testid="notification-list"] a', { hasText: '升级给我' });
    await item.waitFor();
    const text = await item.textContent();
    expect(text).toContain(c.serial);
    expect(text).toContain('处理结果当天告知住户超过时限，由客服助理升级至客服主管');
    const all = await deepText(page);
    expect(all).toContain('接收哪些通知');
    expect(all).not.toMatch(/escalatedToMe|assignedToRole|dueSoon|undefined/);
    await shot(page, 'notification-02-list');
    await page.setViewportSize({ width: 390, height: 844 });
    await shot(page, 'notification-03-list-phone');
    // the page fits the phone's width
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.setViewportSize({ width: 1280, height: 900 });

    await item.click();
    await expect.poll(() => page.getByTestId('case-serial').textContent()).toContain(c.serial);
    expect(page.url()).toContain(`#/cases/complaint/${c.id}`);
    await expect.poll(() => bell.getAttribute('aria-label')).toBe(before ? `通知，${before}条未读` : '通知');
    await shot(page, 'notification-04-case');
  });
});
