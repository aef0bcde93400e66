/**
 * The projects' WeCom group robots in the editor's 短信与微信 tab, in the browser: the company admin
 * enters 翠湖花园's robot key (a bad one is refused beside the field, nothing saved), saves it
 * against the local fake robot, and afterwards the field is empty and only says 已设置 — the key is
 * nowhere on the page; a complaint the overdue job escalates is then posted to the group.
 * Screenshots (desktop and 390×844 phone): test-results/screenshots/wecom-robot-*.png.
 * The keys here are TEST DATA.
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserHarness, signIn, type BrowserHarness } from './browser-harness.js';
import { startWecomRobotFake } from '../fakes/wecom-robot-fake.js';
import type { FakeServer } from '../fakes/fake-server.js';

process.env.WUYE_SECRETS_KEY = Buffer.alloc(32, 7).toString('base64'); // TEST DATA
const KEY = '693a91f6-browser-4bc4-robot0c2e'; // TEST DATA

let h: BrowserHarness;
let robot: FakeServer;
const pageErrors: string[] = [];

beforeAll(async () => {
  h = await startBrowserHarness({ plugins: ['service-desk', 'complaints'], startAt: '2026-11-02T09:00:00+08:00' });
  robot = await startWecomRobotFake(KEY);
});
afterAll(async () => {
  await h?.close();
  await robot?.close();
});
afterEach(() => expect(pageErrors).toEqual([]));

async function shot(page: Page, name: string) {
  await h.screenshot(page, name);
}

describe('WeCom group robots in the 短信与微信 tab', { timeout: 120_000 }, () => {
  it('the admin sets 翠湖花园\'s robot; the key is only ever 已设置; an escalation reaches the group', async () => {
    const page = await h.newPage();
    page.on('pageerror', (err) => pageErrors.push(err.message));
    await signIn(page, h.baseUrl, 'admin');
    await page.goto(`${h.baseUrl}/#/admin/channels`);
    // the SMS card asks for template codes of messages to residents only, not of those told to staff in the app
    const sms = page.locator('section[data-channel="sms"]');
    await sms.locator('select[name="provider"]').selectOption('aliyun');
    await sms.getByText('投诉答复通知').waitFor();
    expect(await sms.getByText('重大投诉报告').count()).toBe(0);
    const card = page.locator('section[data-channel="wecom"]');
    await card.getByRole('heading', { name: '企业微信群机器人' }).waitFor();
    const ch = card.locator(`form[data-project="${h.registry.projects.get('CH')!.id}"]`);
    await ch.getByText('尚未设置').waitFor();
    // a malformed key: refused beside the field, nothing stored
    await ch.locator('input[name="robot-key"]').fill('带空格 的key');
    await ch.getByRole('button', { name: '保存' }).click();
    await ch.getByRole('alert').waitFor();
    expect((await h.kernel.call(await h.kernel.login('admin'), 'GET', '/api/wecom-robots')).json().items).toEqual([]);
    await ch.locator('input[name="robot-key"]').fill(KEY);
    await ch.locator('input[name="robot-endpoint"]').fill(robot.url);
    await ch.getByRole('button', { name: '保存' }).click();
    await ch.getByRole('status').filter({ hasText: '已保存' }).waitFor();
    await page.reload();
    await ch.locator('[data-set="key"]').waitFor();
    expect(await ch.locator('input[name="robot-key"]').inputValue()).toBe('');
    expect(await page.content()).not.toContain(KEY);
    await shot(page, 'wecom-robot-tab');
    await page.setViewportSize({ width: 390, height: 844 });
    await shot(page, 'wecom-robot-tab-phone');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    const res = await h.kernel.call(await h.kernel.login('frontdesk'), 'POST', '/api/cases/complaint', { projectId: h.registry.projects.get('CH')!.id, data: { channel: 'letter', complainantName: '王芳', content: '电梯异响' } });
    expect(res.statusCode, res.body).toBe(201);
    await h.kernel.runJobs();
    h.kernel.clock.advance(40 * 60_000);
    await h.kernel.runJobs();
    await h.kernel.runJobs();
    expect(robot.accepted.map((b) => JSON.stringify(b))).toEqual([expect.stringContaining(`【升级】翠湖花园 客户投诉 ${res.json().serial}`)]);

    // the robot refuses from now on (its key was revoked): after the retries the tab says so, in words
    robot.failNext(10, '93000');
    const second = await h.kernel.call(await h.kernel.login('frontdesk'), 'POST', '/api/cases/complaint', { projectId: h.registry.projects.get('CH')!.id, data: { channel: 'letter', complainantName: '王芳', content: '门禁失灵' } });
    expect(second.statusCode, second.body).toBe(201);
    await h.kernel.runJobs();
    h.kernel.clock.advance(40 * 60_000);
    await h.kernel.runJobs();
    await h.kernel.runJobs();
    for (const minutes of [1, 2, 4]) {
      h.kernel.clock.advance(minutes * 60_000);
      await h.kernel.runJobs();
    }
    await page.reload();
    const failure = ch.getByTestId('robot-failure');
    await expect.poll(() => failure.textContent()).toContain(second.json().serial);
    expect(await failure.textContent()).not.toMatch(/errcode|93000|[A-Za-z]{4,}/);
    await shot(page, 'wecom-robot-tab-failure-phone');
  });
});
