/**
 * The front desk's one door through the staff app in Chromium: the 服务台 page and its big
 * 新建服务工作单 entry; a consultation registered on the 服务工作单 (caller found by phone digits
 * fills name and phone, the receiver is the clerk) answered and closed at the desk, its printed
 * 服务工作单; a "complaint" that is a consultation converted from its case page (转为…, the work
 * order's form prefilled, a reason) — closed as 已转为咨询, the two cases linked both ways.
 * Screenshots (zh-CN, desktop and 390×844): /tmp/wuye-helpers/shots-desk/ and test-results/screenshots/desk-*.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { startBrowserHarness, type BrowserHarness, signIn } from './browser-harness.js';
import { deepText } from './form-steps.js';

let h: BrowserHarness;
const pageErrors: string[] = [];
const SHOTS = process.env.WUYE_SHOTS_DIR ?? '/tmp/wuye-helpers/shots-desk';

beforeAll(async () => {
  h = await startBrowserHarness({ plugins: ['service-desk', 'complaints', 'billing', 'paid-services'], startAt: '2026-11-02T09:00:00+08:00' });
  mkdirSync(SHOTS, { recursive: true });
}, 240_000);
afterAll(async () => h?.close());
afterEach(() => expect(pageErrors).toEqual([]));

async function shot(page: Page, name: string, phone = false): Promise<void> {
  if (phone) await page.setViewportSize({ width: 390, height: 844 });
  const file = await h.screenshot(page, `desk-${name}${phone ? '-phone' : ''}`);
  copyFileSync(file, `${SHOTS}/${name}${phone ? '-phone' : ''}.png`);
  if (phone) await page.setViewportSize({ width: 1280, height: 900 });
}

async function login(username: string): Promise<Page> {
  const page = await h.newPage();
  await page.clock.setFixedTime(h.kernel.clock.now());
  page.on('pageerror', (err) => pageErrors.push(err.message));
  await signIn(page, h.baseUrl, username);
  return page;
}


async function choose(scope: Page | Locator, field: string, option: string): Promise<void> {
  const select = scope.getByRole('combobox', { name: field });
  const group = scope.getByRole('radiogroup', { name: field }).or(scope.getByRole('group', { name: field }));
  await select.or(group).first().waitFor();
  if (await select.count()) await select.first().selectOption({ label: option });
  else await group.first().getByRole('radio', { name: option, exact: true }).check();
}

const stateOf = (page: Page) => page.getByTestId('case-state');
/** no English words, ids or codes on a zh-CN screen */
const NOT_CHINESE = /\b(serviceRequest|complaint|consultation|registered|convertedTo\w*|handedTo|undefined|null)\b/;

describe('the service desk through the staff app', { timeout: 180_000 }, () => {
  let requestSerial = '';

  it('the front desk registers a consultation from 服务台, answers it and closes it; the 服务工作单 prints', async () => {
    const desk = await login('frontdesk');
    await desk.getByRole('navigation').getByRole('link', { name: '服务台' }).click();
    await desk.getByRole('heading', { name: '服务台', level: 1 }).waitFor();
    await desk.getByText('今天还没有登记服务工作单。').waitFor();
    await desk.getByRole('link', { name: /新建服务工作单/ }).click();
    await desk.getByRole('heading', { name: /服务工作单/ }).first().waitFor();

    const callerBox = desk.getByPlaceholder('姓名或电话');
    await callerBox.fill('0001');
    // the caller's button (its phone as the front desk's privacy rule shows it)
    await desk.getByRole('button', { name: /张伟（.*1栋 101/ }).click();
    await expect.poll(() => desk.getByLabel('客户姓名').inputValue()).toBe('张伟');
    await desk.getByLabel('联系电话').fill('13800000001');
    await expect.poll(() => desk.getByLabel('首问责任人').inputValue()).toContain('林小红');
    await choose(desk, '诉求类别', '咨询');
    await desk.getByLabel('服务内容').fill('请问小区游泳池什么时候开放？');
    await shot(desk, '01-new-request');
    await desk.getByRole('button', { name: '登记', exact: true }).click();
    await desk.getByTestId('case-serial').waitFor();
    requestSerial = (await desk.getByTestId('case-serial').textContent()) ?? '';
    expect(requestSerial).toMatch(/^FW-2026-/);
    await expect.poll(() => stateOf(desk).textContent()).toBe('已登记，待答复');
    await desk.getByText('15分钟内答复客户').first().waitFor();

    await desk.getByRole('button', { name: '答复客户', exact: true }).click();
    const dialog = desk.getByRole('dialog', { name: '答复客户' });
    await dialog.waitFor();
    await expect.poll(() => dialog.getByLabel('答复时间').inputValue()).toMatch(/^2026-11-02T09:0\d$/);
    await dialog.getByLabel('答复内容').fill('游泳池每年6月至9月开放，开放时间为每天9:00–21:00。');
    await dialog.getByRole('button', { name: '答复客户', exact: true }).click();
    await expect.poll(() => stateOf(desk).textContent()).toBe('已结案');
    await shot(desk, '02-request-closed');
    expect(await deepText(desk)).not.toMatch(NOT_CHINESE);

    const [print] = await Promise.all([desk.context().waitForEvent('page'), desk.locator('a[data-document="sheet"]').click()]);
    await print.waitForLoadState();
    const text = await print.locator('body').innerText();
    for (const words of [requestSerial, '服务工作单', '首问责任人', '林小红', '咨询', '电话', '游泳池每年6月至9月开放', '已按时答复']) expect(text).toContain(words);
    expect(text).not.toMatch(/[a-z]{4,}/);
    await shot(print, '03-printed-work-order');
  });

  it('a "complaint" that is a consultation is converted from its case page: closed as 已转为咨询, linked both ways', async () => {
    const token = await h.kernel.login('frontdesk');
    const res = await h.kernel.call(token, 'POST', '/api/cases/complaint', {
      projectId: h.registry.projects.get('CH')!.id, unitId: h.registry.units.get('CH/1/102')!.id, personId: h.registry.people.get('王芳')!.id,
      data: { channel: 'phone', complainantName: '王芳', contactPhone: '13800000002', content: '想咨询一下装修押金多久能退' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const complaint = res.json() as { id: number; serial: string };

    const desk = await login('frontdesk');
    await desk.goto(`${h.baseUrl}/#/cases/complaint/${complaint.id}`);
    await expect.poll(() => desk.getByTestId('case-serial').textContent()).toBe(complaint.serial);
    await desk.getByText('没有关联的工单').waitFor();
    await desk.getByRole('button', { name: '转为其他工单…' }).click();
    const dialog = desk.getByRole('dialog', { name: '转为其他工单' });
    await dialog.waitFor();
    await dialog.getByText('本工单将结案为“已转为咨询”').waitFor();
    // the work order's form starts from the complaint
    await expect.poll(() => dialog.getByLabel('客户姓名').inputValue()).toBe('王芳');
    await expect.poll(() => dialog.getByLabel('服务内容').inputValue()).toBe('想咨询一下装修押金多久能退');
    // the reason is required
    await dialog.getByRole('button', { name: '转为咨询（服务工作单）', exact: true }).click();
    await dialog.getByText('请填写转换原因。').waitFor();
    await dialog.getByLabel('转换原因').fill('住户只是咨询装修押金退还，不是投诉');
    await dialog.evaluate((el) => { el.scrollTop = 0; });
    await shot(desk, '04-convert-dialog');
    await dialog.evaluate((el) => { el.scrollTop = 0; });
    await shot(desk, '04-convert-dialog', true);
    await dialog.getByRole('button', { name: '转为咨询（服务工作单）', exact: true }).click();
    await desk.getByText(/已转为服务工作单 FW-2026-\d+/).waitFor();
    await expect.poll(() => stateOf(desk).textContent()).toBe('已转为咨询');
    const link = desk.locator('wy-case-links a').first();
    const fw = (await link.textContent()) ?? '';
    expect(fw).toMatch(/^FW-2026-/);
    await desk.getByText('转为其他工单（本单结案）').first().waitFor(); // the timeline's event
    expect(await deepText(desk)).not.toMatch(NOT_CHINESE);

    await link.click();
    await expect.poll(() => desk.getByTestId('case-serial').textContent()).toBe(fw);
    await expect.poll(() => stateOf(desk).textContent()).toBe('已登记，待答复');
    await desk.locator('wy-case-links').getByRole('link', { name: complaint.serial }).waitFor();
    await desk.locator('wy-case-links').getByText('已转为咨询').waitFor();
    await desk.getByText('由其他工单转来').first().waitFor();
    await shot(desk, '05-work-order-with-links');
    await shot(desk, '05-work-order-with-links', true);
    expect(await deepText(desk)).not.toMatch(NOT_CHINESE);
  });

  it('服务台 shows today\'s contacts by kind and the one waiting for an answer', async () => {
    const desk = await login('frontdesk');
    await desk.goto(`${h.baseUrl}/#/service-desk`);
    await desk.getByRole('heading', { name: '服务台', level: 1 }).waitFor();
    await desk.getByRole('link', { name: requestSerial }).first().waitFor();
    const consult = desk.locator('button[data-kind="consultation"]');
    await expect.poll(() => consult.textContent()).toContain('2');
    await desk.getByRole('heading', { name: '待答复客户' }).waitFor();
    await shot(desk, '06-service-desk');
    await shot(desk, '06-service-desk', true);
    await consult.click();
    await desk.getByRole('heading', { name: /今日服务工作单 · 咨询/ }).waitFor();
    expect(await deepText(desk)).not.toMatch(NOT_CHINESE);
  });
});
