/**
 * The 目标达成 table on 统计 (issue 18 item 3) in Chromium: October 2026 of the demo company, the
 * 客服经理 with 2 follow-ups (未达标 against seed 001/003 §2.7.5's 3 a month), the 总物业经理 with
 * 3 (达标), complaints' on-site share 1 of 20 = 5 % (达标, seed 001/003 §2.7.4). Chinese labels,
 * no codes; on a 390 px phone the table fits the width. Screenshots (desktop and 390×844):
 * /tmp/wuye-helpers/shots-targets/ (WUYE_SHOTS_DIR) and test-results/screenshots/report-targets-*.png
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { startBrowserHarness, signIn, SCREENSHOT_DIR, type BrowserHarness } from './browser-harness.js';
import { FollowUp } from '../../core/db/entities/index.js';

let h: BrowserHarness;
const bj = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`);
const SHOTS = process.env.WUYE_SHOTS_DIR ?? SCREENSHOT_DIR;

beforeAll(async () => {
  h = await startBrowserHarness({ plugins: ['service-desk', 'complaints'], startAt: '2026-10-01T09:00:00+08:00' });
  const reg = h.registry;
  const token = await h.kernel.login('frontdesk');
  const c = await h.kernel.call(token, 'POST', '/api/cases/complaint', {
    projectId: reg.projects.get('CH')!.id, unitId: reg.units.get('CH/1/101')!.id,
    data: { channel: 'phone', complainantName: '张伟', contactPhone: '13800000001', content: '楼道灯不亮' },
  });
  expect(c.statusCode, c.body).toBe(201);
  const caseId = (c.json() as { id: number }).id;
  // the follow-ups as done rows (how one is recorded is test/browser/reports.test.ts's subject)
  const em = h.kernel.orm.em.fork();
  const done = (by: string, local: string, onSite = false) => {
    const at = bj(local);
    em.create(FollowUp, {
      companyId: reg.company.id, caseId, caseType: 'complaint', projectId: reg.projects.get('CH')!.id, dueAt: at, method: onSite ? 'onSite' : 'phone', roles: ['manager'],
      status: 'done', satisfied: true, onSite, result: { satisfied: true }, doneAt: at, doneBy: reg.staff.get(by)!.id, createdAt: at,
    });
  };
  done('manager', '2026-10-05 10:00');
  done('manager', '2026-10-12 10:00');
  done('gm', '2026-10-06 10:00', true);
  done('gm', '2026-10-13 10:00');
  done('gm', '2026-10-20 10:00');
  for (let d = 11; d <= 25; d++) done('director', `2026-10-${d} 15:00`);
  await em.flush();
  h.kernel.clock.set(bj('2026-11-02 09:00'));
}, 120_000);
afterAll(async () => h?.close());

describe('目标达成 on 统计', { timeout: 120_000 }, () => {
  it('shows each manager and each case type against the target, 达标 / 未达标, on a desktop and a phone', async () => {
    const page = await h.newPage({ language: 'zh-CN' });
    await page.clock.setFixedTime(h.kernel.clock.now());
    await signIn(page, h.baseUrl, 'manager');
    await page.goto(`${h.baseUrl}/#/reports?month=2026-10`);
    const card = page.getByTestId('targets-card');
    await card.waitFor();
    const spot = card.locator('table[data-target="managerSpotChecks"]');
    await expect.poll(() => spot.locator('tr').count()).toBe(2);
    const manager = spot.locator(`tr[data-staff-id="${h.registry.staff.get('manager')!.id}"]`);
    const gm = spot.locator(`tr[data-staff-id="${h.registry.staff.get('gm')!.id}"]`);
    expect(await manager.innerText()).toMatch(/客服经理 高雅\s+2 项\s+目标 3 项\s+未达标/);
    expect(await gm.innerText()).toMatch(/总物业经理 宋诚\s+3 项\s+目标 3 项\s+达标/);
    expect(await spot.locator('caption').innerText()).toContain('管理人员每月抽查回访');
    expect(await spot.locator('caption').innerText()).toContain('每人每月不少于 3 项');
    const share = card.locator('table[data-target="onSiteShare"] tr[data-case-type="complaint"]');
    expect(await share.innerText()).toMatch(/5%（1\/20）\s+目标 5%\s+达标/);
    // 服务工作单 had no follow-up done: not judged, named on one line
    expect(await card.locator('table[data-target="onSiteShare"]').innerText()).toContain('无已回访：服务工作单');
    // no codes, ids or English on the card
    const text = await card.innerText();
    expect(text).not.toMatch(/[A-Za-z]{3,}/);
    mkdirSync(SHOTS, { recursive: true });
    await card.screenshot({ path: path.join(SHOTS, 'report-targets-desktop.png') });
    await page.setViewportSize({ width: 390, height: 844 });
    await card.scrollIntoViewIfNeeded();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: path.join(SHOTS, 'report-targets-phone.png') });
    await card.screenshot({ path: path.join(SHOTS, 'report-targets-phone-card.png') });
    // the table fits the phone: nothing to scroll sideways
    const table = card.locator('wy-report-targets');
    expect(await table.evaluate((el) => [el.scrollWidth, el.clientWidth])).toSatisfy(([scroll, client]: number[]) => scroll! <= client! + 1);
  });
});
