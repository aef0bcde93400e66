/**
 * Messages to residents, in the browser: the company admin sets up the SMS channel in the editor's
 * 短信与微信 tab against the local Aliyun fake (provider, signature, keys typed into password
 * fields that afterwards only say 已设置, the template code found by the message's title); a parcel
 * checked in at the desk is sent by the delivery job and the household's archive shows 已发送; one
 * checked in at night waits, and the supervisor sees it as 延后 among the undelivered messages.
 * Screenshots (desktop and 390×844 phone): test-results/screenshots/resident-messages-*.png.
 * All keys and numbers here are TEST DATA.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserHarness, signIn, type BrowserHarness } from './browser-harness.js';
import { deepText } from './form-steps.js';
import { startAliyunSmsFake } from '../fakes/aliyun-sms-fake.js';
import type { FakeServer } from '../fakes/fake-server.js';

// TEST DATA: a throw-away secrets key and provider keys
process.env.WUYE_SECRETS_KEY = Buffer.alloc(32, 7).toString('base64');
const ALIYUN = { accessKeyId: 'LTAI-test-id', accessKeySecret: 'aliyun-test-secret-4f8a' };

let h: BrowserHarness;
let aliyun: FakeServer;
const pageErrors: string[] = [];

beforeAll(async () => {
  h = await startBrowserHarness({ plugins: ['service-desk', 'billing', 'parcel-desk'], startAt: '2026-11-23T10:00:00+08:00' });
  aliyun = await startAliyunSmsFake(ALIYUN, h.kernel.clock.now);
});
afterAll(async () => {
  await h?.close();
  await aliyun?.close();
});
afterEach(() => expect(pageErrors).toEqual([]));

async function shot(page: Page, name: string) {
  await h.screenshot(page, name);
}
async function phoneShot(page: Page, name: string) {
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, name);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.setViewportSize({ width: 1280, height: 900 });
}
async function open(username: string, hash: string): Promise<Page> {
  const page = await h.newPage();
  page.on('pageerror', (err) => pageErrors.push(err.message));
  await page.clock.setFixedTime(h.kernel.clock.now());
  await signIn(page, h.baseUrl, username);
  await page.goto(`${h.baseUrl}/#${hash}`);
  return page;
}

const example = (name: string) => (JSON.parse(readFileSync(new URL(`../../plugins/parcel-desk/examples/${name}`, import.meta.url), 'utf8')) as { data: Record<string, unknown> }).data;
async function checkInParcel(unitId: number) {
  const token = await h.kernel.login('frontdesk');
  const created = await h.kernel.call(token, 'POST', '/api/cases/parcelDeposit', { projectId: h.registry.projects.get('CH')!.id, unitId, data: example('create-deposit.json') });
  expect(created.statusCode, created.body).toBe(201);
  const c = created.json() as { id: number; version: number };
  const res = await h.kernel.call(token, 'POST', `/api/cases/parcelDeposit/${c.id}/transitions/checkIn`, { version: c.version, data: example('check-in.json') });
  expect(res.statusCode, res.body).toBe(200);
}

describe('messages to residents', { timeout: 120_000 }, () => {
  it('the admin sets up SMS; a parcel\'s message is sent and the household\'s log says 已发送', async () => {
    const admin = await open('admin', '/admin/channels');
    const sms = admin.locator('section[data-channel="sms"]');
    await sms.getByRole('heading', { name: '短信通道' }).waitFor();
    await sms.locator('select[name="provider"]').selectOption('aliyun');
    await sms.locator('input[name="endpoint"]').fill(aliyun.url);
    await sms.locator('input[name="signName"]').fill('测试物业');
    // only one of the two keys: refused beside the missing one, nothing saved
    await sms.locator('input[name="cred-accessKeyId"]').fill(ALIYUN.accessKeyId);
    await sms.getByRole('button', { name: '保存' }).click();
    await sms.locator('label', { hasText: 'AccessKey Secret' }).locator('.issue').waitFor();
    expect((await h.kernel.call(await h.kernel.login('admin'), 'GET', '/api/notification-channels')).json()).toMatchObject({ items: [] });

    await sms.locator('input[name="cred-accessKeySecret"]').fill(ALIYUN.accessKeySecret);
    // the message is found by its title, not its id
    await sms.getByLabel('物品到达通知 模板编号').fill('SMS_TEST_1');
    await sms.getByRole('button', { name: '保存' }).click();
    await sms.getByRole('status').filter({ hasText: '已保存' }).waitFor();
    // the keys are write-only: the fields are empty again and say 已设置
    expect(await sms.locator('input[name="cred-accessKeySecret"]').inputValue()).toBe('');
    expect(await sms.locator('[data-set]').allTextContents()).toEqual(['已设置', '已设置']);
    const adminText = await deepText(admin);
    expect(adminText).not.toContain(ALIYUN.accessKeySecret);
    expect(adminText).not.toMatch(/parcelArrived|aliyun\b|undefined/);
    await shot(admin, 'resident-messages-01-channel');
    await phoneShot(admin, 'resident-messages-02-channel-phone');

    const unitId = h.registry.units.get('CH/1/101')!.id;
    await checkInParcel(unitId);
    await h.kernel.runJobs(h.kernel.clock.now());
    expect(aliyun.refused).toEqual([]);
    expect(aliyun.accepted.at(-1)).toMatchObject({ PhoneNumbers: '13800000001', SignName: '测试物业', TemplateCode: 'SMS_TEST_1' });

    const desk = await open('frontdesk', `/units/${unitId}`);
    const log = desk.getByTestId('message-log');
    await log.getByRole('heading', { name: '短信与微信记录' }).waitFor();
    const first = log.locator('li').first();
    await first.locator('[data-status="sent"]').waitFor();
    expect(await first.locator('.m-status').textContent()).toBe('已发送');
    expect(await first.textContent()).toContain('物品到达通知');
    expect(await first.textContent()).toContain('发给 张伟');
    await log.scrollIntoViewIfNeeded();
    await shot(desk, 'resident-messages-03-household-log');
    await phoneShot(desk, 'resident-messages-04-household-log-phone');
  });

  it('a parcel checked in at night waits: 待发送 in quiet hours shows as 延后 to the supervisor', async () => {
    h.kernel.clock.set('2026-11-23T22:30:00+08:00');
    await checkInParcel(h.registry.units.get('CH/1/102')!.id);
    const supervisor = await open('supervisor', '/notifications');
    const panel = supervisor.getByTestId('undelivered-messages');
    await panel.getByRole('heading', { name: '未送达的短信与微信' }).waitFor();
    const row = panel.locator('li').first();
    await row.locator('[data-status="deferred"]').waitFor();
    expect(await row.textContent()).toContain('王芳');
    expect(await row.textContent()).toContain('将于');
    const text = await deepText(supervisor);
    expect(text).not.toMatch(/quiet-hours|deferred|parcelArrived|undefined/);
    await panel.scrollIntoViewIfNeeded();
    await shot(supervisor, 'resident-messages-05-undelivered');
    await phoneShot(supervisor, 'resident-messages-06-undelivered-phone');
  });

  it('统计 counts the month\'s messages per message by delivery result', async () => {
    const supervisor = await open('supervisor', '/reports?month=2026-11');
    const card = supervisor.getByTestId('report-messages');
    await card.getByRole('heading', { name: '2026-11 发给住户的短信与微信' }).waitFor();
    // closed to one line of totals (nothing failed); the table opens on demand
    const summary = card.locator('summary');
    expect((await summary.innerText()).replace(/\s+/g, ' ')).toMatch(/已发送 1.*延后 1/);
    expect(await card.locator('table').isVisible()).toBe(false);
    await summary.click();
    await card.locator('table').waitFor();
    const row = card.locator('tbody tr', { hasText: '物品到达通知' });
    // the day-time parcel was sent, the night one waits for 08:00
    expect((await row.locator('td').allTextContents()).map((t) => t.trim())).toEqual(['物品到达通知', '1', '0', '0', '0', '1']);
    expect(await card.textContent()).not.toMatch(/parcelArrived|sent|deferred/);
    await card.scrollIntoViewIfNeeded();
    await shot(supervisor, 'resident-messages-07-report');
    await phoneShot(supervisor, 'resident-messages-08-report-phone');
  });
});
