/**
 * 日清日审 and the duty log through the staff app in Chromium: the front desk promises a time on a
 * complaint, postpones it once and is refused a second postponement with its message on the field,
 * tells the resident of the progress; opens a shift, logs a call and an incident, hands over with
 * both signatures (the incoming colleague picked by name) and prints the 《值班记录表》; the
 * supervisor checks the shift and reads the daily board — overdue first — on a desktop and on a
 * 390×844 phone, and signs the day off. Screenshots: test-results/screenshots/duty-desk-*.png
 * (copied to /tmp/wuye-helpers/shots-review when that folder exists).
 */
import { copyFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { startBrowserHarness, type BrowserHarness, signIn } from './browser-harness.js';
import { choose, field, sign, takeStep, tick } from './form-steps.js';

let h: BrowserHarness;
const pageErrors: string[] = [];
const SHOTS = '/tmp/wuye-helpers/shots-review';
const HOUR = 3600_000;

beforeAll(async () => {
  h = await startBrowserHarness({ plugins: ['service-desk', 'complaints', 'duty-desk'], startAt: '2026-12-07T08:30:00+08:00' });
});
afterAll(async () => h?.close());
afterEach(() => expect(pageErrors).toEqual([]));

async function shot(page: Page, name: string): Promise<void> {
  const file = await h.screenshot(page, `duty-desk-${name}`);
  if (existsSync(SHOTS)) copyFileSync(file, path.join(SHOTS, path.basename(file)));
}

async function login(username: string, viewport?: { width: number; height: number }): Promise<Page> {
  const page = await h.newPage();
  if (viewport) await page.setViewportSize(viewport);
  await page.clock.setFixedTime(h.kernel.clock.now());
  page.on('pageerror', (err) => pageErrors.push(err.message));
  await signIn(page, h.baseUrl, username);
  return page;
}

const stateOf = (page: Page) => page.getByTestId('case-state');





describe('日清日审 and the duty log through the staff app', { timeout: 180_000 }, () => {
  let complaintId = 0;
  let shiftSerial = '';

  it('the front desk promises a time, postpones it once, is refused a second postponement with its message, and tells the resident', async () => {
    const token = await h.kernel.login('frontdesk');
    const created = await h.kernel.call(token, 'POST', '/api/cases/complaint', { projectId: h.registry.projects.get('CH')!.id, data: { channel: 'letter', complainantName: '王芳', content: '楼道灯不亮，晚上看不清台阶' } });
    expect(created.statusCode, created.body).toBe(201);
    complaintId = created.json().id;

    const desk = await login('frontdesk');
    await desk.goto(`${h.baseUrl}/#/cases/complaint/${complaintId}`);
    const panel = desk.locator('wy-case-promise');
    await panel.getByText('尚未与住户约定时间').waitFor();
    await panel.locator('input[name="promisedAt"]').fill('2026-12-07T16:00');
    await panel.getByRole('button', { name: '约定时间', exact: true }).click();
    await expect.poll(() => panel.locator('.now strong').textContent()).toContain('16:00');

    await panel.locator('input[name="promisedAt"]').fill('2026-12-08T10:00');
    await panel.getByLabel('改约原因').fill('灯具需向供应商订货');
    await panel.getByRole('button', { name: '改约', exact: true }).click();
    await panel.getByText('已改约 1 次').waitFor();

    // a second postponement: refused on the field, in words — "同一事项不得两次推迟处理"
    await panel.locator('input[name="promisedAt"]').fill('2026-12-09T10:00');
    await panel.getByLabel('改约原因').fill('供应商延迟发货');
    await panel.getByRole('button', { name: '改约', exact: true }).click();
    const refusal = panel.locator('#promise-error');
    await expect.poll(() => refusal.textContent()).toContain('同一事项不得两次推迟处理');
    expect(await panel.locator('input[name="promisedAt"]').getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => panel.locator('.now strong').textContent()).toContain('10:00');

    await panel.getByLabel('告知内容').fill('已电话告知业主灯具明早到货后更换');
    await panel.getByRole('button', { name: '记录已告知', exact: true }).click();
    await panel.locator('li[data-step="progressTold"]').getByText('电话告知进度').waitFor();
    await panel.scrollIntoViewIfNeeded();
    await shot(desk, '01-second-postponement-refused');
  });

  it('the front desk opens a shift, logs a call and an incident, and hands over with both signatures', async () => {
    const desk = await login('frontdesk');
    await desk.goto(`${h.baseUrl}/#/cases/dutyShift/new`);
    await choose(desk, '班次', '早班');
    await shot(desk, '02-open-shift');
    await desk.getByRole('button', { name: '登记', exact: true }).click();
    await desk.getByTestId('case-serial').waitFor();
    shiftSerial = (await desk.getByTestId('case-serial').textContent()) ?? '';
    expect(shiftSerial).toMatch(/^ZB-2026-\d{6}$/);
    await expect.poll(() => stateOf(desk).textContent()).toBe('值班中');

    let dialog = await takeStep(desk, '记录值班情况');
    await choose(dialog, '类别', '来电');
    await dialog.getByLabel('内容').fill('3栋1201业主来电：厨房水管漏水');
    await dialog.getByLabel('处理情况').fill('已通知维修中心，10分钟内上门');
    await dialog.getByRole('button', { name: '记录值班情况', exact: true }).click();
    await expect.poll(() => desk.getByRole('dialog', { name: '记录值班情况' }).isVisible()).toBe(false);

    h.kernel.clock.advance(HOUR);
    await desk.clock.setFixedTime(h.kernel.clock.now());
    dialog = await takeStep(desk, '记录值班情况');
    await choose(dialog, '类别', '突发事件');
    await dialog.getByLabel('内容').fill('地下车库B2积水');
    await dialog.getByLabel('处理情况').fill('通知工程部抽水，安护部设置警示');
    await dialog.getByRole('button', { name: '记录值班情况', exact: true }).click();
    await expect.poll(() => desk.getByRole('dialog', { name: '记录值班情况' }).isVisible()).toBe(false);
    await desk.reload();
    const entries = desk.locator('wy-duty-entries');
    await entries.getByText('地下车库B2积水').waitFor();
    await entries.getByText('3栋1201业主来电：厨房水管漏水').waitFor();
    await shot(desk, '03-shift-entries');

    dialog = await takeStep(desk, '交接班');
    const items = field(dialog, '/openItems');
    await items.locator('button.add').click();
    await field(dialog, '/openItems/0/item').locator('input, textarea').first().fill('3栋1201漏水待维修完工回复业主');
    await tick(dialog, '已与接班人共同核实设备运行情况');
    await sign(desk, dialog, '/outgoingSignature');
    await field(dialog, '/incomingStaffName').locator('input').fill('客服助理 何佳');
    // the incoming staff's signature is missing: refused on its field
    await dialog.getByRole('button', { name: '交接班', exact: true }).click();
    await shot(desk, '04a-incoming-signature-missing');
    await field(dialog, '/incomingSignature').getByText(/必填|请签名/).first().waitFor();
    await sign(desk, dialog, '/incomingSignature');
    await shot(desk, '04-handover-signatures');
    await dialog.getByRole('button', { name: '交接班', exact: true }).click();
    await expect.poll(() => stateOf(desk).textContent()).toBe('已交接，待主管检查');
  });

  it('the supervisor checks the shift, prints the duty record and reads the daily board, overdue first, on desktop and phone', async () => {
    const sup = await login('supervisor');
    await sup.goto(`${h.baseUrl}/#/cases/dutyShift`);
    await sup.getByRole('link', { name: shiftSerial, exact: true }).click();
    await expect.poll(() => sup.getByTestId('case-serial').textContent()).toBe(shiftSerial);
    await shot(sup, '05a-shift-to-check');
    const dialog = await takeStep(sup, '检查');
    await choose(dialog, '检查结果', '记录完整，交接清楚');
    await dialog.getByLabel('检查意见').fill('记录清楚，漏水事项跟进');
    await dialog.getByRole('button', { name: '检查', exact: true }).click();
    await expect.poll(() => stateOf(sup).textContent()).toBe('已检查');

    const [print] = await Promise.all([sup.context().waitForEvent('page'), sup.getByRole('link', { name: /值班记录表/ }).click()]);
    await print.waitForLoadState();
    const text = await print.locator('body').innerText();
    for (const s of ['值班记录表', shiftSerial, '早班', '来电', '突发事件', '地下车库B2积水', '3栋1201漏水待维修完工回复业主', '客服助理 何佳', '客服主管 罗斌', '记录完整，交接清楚']) expect(text).toContain(s);
    expect(await print.locator('img.signature').count()).toBe(2);
    for (const img of await print.locator('img.signature').all()) expect(await img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth > 0)).toBe(true);
    expect(text).not.toMatch(/[A-Za-z]{4,}/);
    await shot(print, '05-duty-record-print');

    // the afternoon passes: the promised 10:00 tomorrow is still ahead, but the complaint's own clock may run out
    h.kernel.clock.set('2026-12-08T11:00:00+08:00');
    const board = await login('supervisor');
    await board.getByRole('navigation').getByRole('link', { name: '日清日审' }).click();
    await board.getByRole('heading', { name: '日清日审' }).waitFor();
    const cards = board.locator('wy-duty-daily-review article.item');
    await expect.poll(() => cards.count()).toBeGreaterThan(0);
    const groups = await cards.evaluateAll((els) => els.map((e) => ['overdue', 'dueToday', 'open'].indexOf(e.getAttribute('data-group') ?? '')));
    expect(groups).toEqual([...groups].sort());
    // exactly the open cases: the complaint (promise missed: overdue), not the checked shift
    const serials = await cards.evaluateAll((els) => els.map((e) => e.getAttribute('data-case')));
    expect(serials).not.toContain(shiftSerial);
    const complaintCard = board.locator('wy-duty-daily-review article.item[data-group="overdue"]').first();
    await complaintCard.getByText('已改约').waitFor();
    await complaintCard.getByText('已过约定时间').waitFor();
    await shot(board, '06-board-desktop');

    await board.locator('wy-duty-daily-review textarea[name="note"]').fill('超时投诉已督办，今日内回复业主');
    await board.getByRole('button', { name: '签阅', exact: true }).click();
    await board.getByText(/客服主管 罗斌 于 .* 签阅/).waitFor();

    const phone = await login('supervisor', { width: 390, height: 844 });
    await phone.goto(`${h.baseUrl}/#/duty-desk/daily-review`);
    await phone.locator('wy-duty-daily-review article.item').first().waitFor();
    const width = await phone.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await shot(phone, '07-board-phone');
  });
});
