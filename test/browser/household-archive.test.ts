/**
 * The household archive page (一户一档) in the staff app: the front desk changes a resident's phone
 * and registers a vehicle through the page's dialogs, sees phones masked (this company's privacy
 * setting) and reveals one with a reason (logged); a refused input shows beside its field; screenshots in zh-CN, desktop and phone.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { signIn, startBrowserHarness, type BrowserHarness } from './browser-harness.js';

const SHOTS = '/tmp/wuye-helpers/shots-archive';
let h: BrowserHarness;
let page: Page;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  h = await startBrowserHarness({ plugins: ['service-desk'], startAt: '2026-11-02T09:00:00+08:00' });
  // this company masks phones for its front desk too (the default shows the desk full numbers):
  // the front desk reveals a number with a reason when it calls a resident back
  const admin = await h.kernel.login('admin');
  const proposed = await h.kernel.call(admin, 'POST', '/api/config/versions', { patch: { privacy: { roles: { frontDesk: { phone: 'masked' } } } }, reason: '前台电话号码脱敏' });
  expect(proposed.statusCode, proposed.body).toBe(201);
  const activated = await h.kernel.call(admin, 'POST', `/api/config/versions/${(proposed.json() as { number: number }).number}/activate`, {});
  expect(activated.statusCode, activated.body).toBe(200);
  page = await h.newPage();
  await signIn(page, h.baseUrl, 'frontdesk');
}, 120_000);
afterAll(async () => h?.close());

/** the visible text of the page, shadow roots included */
const deepText = (p: Page) => p.evaluate(() => {
  const walk = (n: Node): string => {
    if (n.nodeType === Node.TEXT_NODE) return n.textContent ?? '';
    if (n instanceof HTMLElement && (n.tagName === 'STYLE' || n.tagName === 'SCRIPT')) return '';
    const el = n as Element & { shadowRoot?: ShadowRoot | null };
    const kids = [...(el.shadowRoot ? el.shadowRoot.childNodes : []), ...n.childNodes];
    return kids.map(walk).join(' ');
  };
  return walk(document.body).replace(/\s+/g, ' ');
});
const shot = (name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });

describe('household archive page', () => {
  it('edits a phone, adds a vehicle, reveals a masked phone — on desktop and at 390 px', async () => {
    const unitId = h.registry.units.get('CH/1/101')!.id;
    await page.goto(`${h.baseUrl}/#/units/${unitId}`);
    await page.getByRole('heading', { name: '住户与联系人' }).waitFor();
    // the front desk sees the phone masked
    await page.getByText('138****0001').waitFor();

    // change the owner's phone; a bad number is refused beside the field first
    await page.getByRole('button', { name: '修改 张伟' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('电话').fill('12ab');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.getByText('电话格式不对').waitFor();
    await dialog.getByLabel('电话').fill('13900000009');
    await dialog.getByRole('button', { name: '保存' }).click();
    await page.getByText('139****0009').first().waitFor();
    await page.getByText('修改电话：138****0001 → 139****0009').waitFor();

    // register a vehicle
    await page.getByRole('button', { name: '登记车辆' }).click();
    await dialog.getByLabel('车牌号').fill('粤B12345');
    await dialog.getByLabel('品牌型号').fill('比亚迪 汉');
    await dialog.getByLabel('颜色').fill('白');
    await dialog.getByRole('button', { name: '保存' }).click();
    await page.getByText('登记车辆：粤B12345 比亚迪 汉 白').waitFor();
    await shot('archive-desktop');

    // reveal the masked phone with a reason
    await page.getByRole('button', { name: '查看 电话 张伟' }).click();
    await dialog.getByText('每次查看都会记录').waitFor();
    await shot('archive-reveal-dialog');
    await dialog.getByLabel('查看原因').fill('回电业主');
    await dialog.getByRole('button', { name: '查看' }).click();
    await page.getByRole('link', { name: '13900000009' }).waitFor();

    const stored = await h.kernel.orm.em.fork().getConnection().execute<{ kind: string; reason: string }[]>("select kind, reason from personal_data_read where kind = 'reveal'");
    expect(stored).toEqual([{ kind: 'reveal', reason: '回电业主' }]);
    const text = await deepText(page);
    expect(text).toContain('粤B12345');
    expect(text).not.toMatch(/\b(owner|tenant|undefined|null|rented|owned)\b/);

    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await page.getByRole('heading', { name: '住户与联系人' }).waitFor();
    await shot('archive-phone');
    await page.getByRole('button', { name: '登记车位' }).click();
    await shot('archive-phone-dialog');
    await dialog.getByRole('button', { name: '取消' }).click();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  }, 120_000);

  it('the supervisor reads who viewed the household and the reveal with its reason', async () => {
    const sup = await h.newPage();
    await signIn(sup, h.baseUrl, 'supervisor');
    const unitId = h.registry.units.get('CH/1/101')!.id;
    await sup.goto(`${h.baseUrl}/#/units/${unitId}`);
    // the supervisor sees phones in full
    await sup.getByRole('link', { name: '13900000009' }).waitFor();
    await sup.locator('wy-household-page').getByRole('link', { name: '个人资料查阅记录' }).click();
    await sup.getByRole('heading', { name: '个人资料查阅记录' }).waitFor();
    await sup.getByText('原因：回电业主').waitFor();
    const text = await deepText(sup);
    expect(text).toContain('前台 林小红');
    expect(text).toContain('查看完整号码：张伟 电话');
    expect(text).toContain('查阅：住户档案');
    await sup.screenshot({ path: path.join(SHOTS, 'read-log-desktop.png'), fullPage: true });
    await sup.setViewportSize({ width: 390, height: 844 });
    await sup.screenshot({ path: path.join(SHOTS, 'read-log-phone.png'), fullPage: true });
  }, 120_000);
});
