/**
 * Navigation and 工作台 by role, on a 390×844 phone and a desktop: a technician sees only the
 * procedures their role can register or act on, behind a menu button on the phone; 工作台 opens
 * with their team's repairs due today and overdue, each a link into the list; the front desk gets
 * quick registration. Screenshots (zh-CN) under test-results/screenshots/home-*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startBrowserHarness, type BrowserHarness } from './browser-harness.js';

let h: BrowserHarness;
const bj = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`);
type Case = { id: number; version: number; serial: string };

async function api<T>(username: string, method: 'GET' | 'POST', url: string, body?: unknown): Promise<T> {
  const token = await h.kernel.login(username);
  const res = await h.kernel.call(token, method, url, body);
  expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
  return res.json() as T;
}

/** A common-area repair dispatched to the technicians (no engineering review for common areas). */
async function dispatchedRepair(content: string): Promise<Case> {
  const c = await api<Case>('frontdesk', 'POST', '/api/cases/repair', {
    projectId: h.registry.projects.get('CH')!.id,
    data: { channel: 'phone', customerName: '王芳', contactPhone: '13800000002', appointmentAt: '2026-11-02T14:00:00+08:00', area: 'commonArea', location: '3栋', category: 'plumbing', content },
  });
  return api<Case>('assistant', 'POST', `/api/cases/repair/${c.id}/transitions/dispatch`, { version: c.version, data: { dispatchNote: '带工具' } });
}

beforeAll(async () => {
  h = await startBrowserHarness({ startAt: bj('2026-11-02 09:00') });
  await dispatchedRepair('楼道水管渗水');
  await dispatchedRepair('地下车库积水');
  h.kernel.clock.set(bj('2026-11-02 09:05')); // the pickup clocks of the dispatched repairs run (later they escalate to engineering)
  await h.kernel.runJobs();
}, 120_000);
afterAll(async () => h?.close());

describe('navigation and 工作台 by role', () => {
  it('a technician on a phone: only their procedures behind the menu button; 工作台 shows their counts', async () => {
    const page = await h.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, h.baseUrl, 'technician');
    const menu = page.getByTestId('nav-menu');
    expect(await menu.isVisible()).toBe(true);
    const types = page.getByTestId('nav-case-types');
    expect(await types.isVisible()).toBe(false); // collapsed: the page starts on the first screen
    const team = page.getByTestId('home-team');
    await team.locator('tr[data-case-type="repair"]').waitFor();
    const due = team.locator('tr[data-case-type="repair"] [data-cell="due"] a');
    expect(await due.textContent()).toBe('2');
    await h.screenshot(page, 'home-technician-phone');
    // nothing on the page is wider than the phone
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    await menu.click();
    expect(await types.isVisible()).toBe(true);
    const names = await types.getByRole('link').allTextContents();
    expect(names).toEqual(expect.arrayContaining(['报修', '特约（有偿）服务']));
    expect(names).not.toContain('业主满意率调查表');
    expect(names).not.toContain('社区文化活动');
    await h.screenshot(page, 'home-technician-phone-menu');
    // the menu closes when an entry is chosen; the count links into the filtered list
    await menu.click();
    await due.click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#/cases/repair?open=1');
  });

  it('the front desk on a desktop: quick registration for what it registers, the full navigation', async () => {
    const page = await h.newPage();
    await signIn(page, h.baseUrl, 'frontdesk');
    expect(await page.getByTestId('nav-menu').isVisible()).toBe(false);
    const quick = page.getByTestId('quick-actions');
    await quick.waitFor();
    const actions = await quick.getByRole('button').allTextContents();
    expect(actions.some((a) => a.includes('客户投诉'))).toBe(true);
    expect(actions.some((a) => a.includes('报修'))).toBe(true);
    await h.screenshot(page, 'home-frontdesk-desktop');
    await quick.getByRole('button', { name: /客户投诉/ }).click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#/cases/complaint/new');
  });
});
