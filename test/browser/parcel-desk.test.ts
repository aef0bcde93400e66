/**
 * The parcel-desk plugin through the staff app in Chromium, with nothing but its declarations:
 * the front desk registers a courier's parcel through the generated form, is refused when checking
 * it in as food (the guard's message shows in the step's dialog), checks it in as a parcel and
 * notifies the recipient; the building concierge delivers it against a drawn signature and the
 * printed 《物品寄存登记表》 shows it. A tenant's goods release pass is refused without the owner's
 * authorisation, approved with the owner's phone confirmation, and released by security at the
 * gate; the printed 《物品放行单》 carries the pass number. Screenshots:
 * test-results/screenshots/parcel-desk-*.png
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { startBrowserHarness, type BrowserHarness, signIn } from './browser-harness.js';

let h: BrowserHarness;
const pageErrors: string[] = [];

beforeAll(async () => {
  h = await startBrowserHarness({ plugins: ['service-desk', 'billing', 'parcel-desk'], startAt: '2026-11-23T09:00:00+08:00' });
});
afterAll(async () => h?.close());
afterEach(() => expect(pageErrors).toEqual([]));

async function freshPage(): Promise<Page> {
  const page = await h.newPage();
  await page.clock.setFixedTime(h.kernel.clock.now());
  page.on('pageerror', (err) => pageErrors.push(err.message));
  return page;
}

async function login(username: string): Promise<Page> {
  const page = await freshPage();
  await signIn(page, h.baseUrl, username);
  return page;
}

/** Picks an enum value whether the form shows it as a select or as radio buttons. */
async function choose(scope: Page | Locator, field: string, option: string): Promise<void> {
  const select = scope.getByRole('combobox', { name: field });
  const group = scope.getByRole('radiogroup', { name: field }).or(scope.getByRole('group', { name: field }));
  await select.or(group).first().waitFor();
  if (await select.count()) await select.first().selectOption({ label: option });
  else await group.first().getByRole('radio', { name: option, exact: true }).check();
}

/** Ticks a boolean field shown as a checkbox, or answers 是 when it is shown as yes/no radios. */
async function tick(scope: Locator, field: string): Promise<void> {
  const box = scope.getByRole('checkbox', { name: field });
  const group = scope.getByRole('radiogroup', { name: field }).or(scope.getByRole('group', { name: field }));
  await box.or(group).first().waitFor();
  if (await box.count()) await box.first().check();
  else await group.first().getByRole('radio', { name: '是', exact: true }).check();
}

/** The widget of a field by its JSON pointer (CSS locators pierce the widgets' shadow roots). */
const field = (scope: Page | Locator, pointer: string): Locator => scope.locator(`[data-pointer="${pointer}"]`).first();

async function openCase(page: Page, menu: string, serial: string): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: menu }).click();
  await page.getByRole('searchbox', { name: '搜索' }).fill(serial);
  await page.getByRole('button', { name: '查询' }).click();
  await page.getByRole('link', { name: serial, exact: true }).click();
  await expect.poll(() => page.getByTestId('case-serial').textContent()).toBe(serial);
}

async function takeStep(page: Page, title: string): Promise<Locator> {
  await page.getByRole('button', { name: title, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: title });
  await dialog.waitFor();
  return dialog;
}

async function sign(page: Page, scope: Locator, pointer: string): Promise<void> {
  const pad = field(scope, pointer).locator('canvas');
  await pad.scrollIntoViewIfNeeded();
  const box = (await pad.boundingBox())!;
  await page.mouse.move(box.x + 30, box.y + box.height * 0.7);
  await page.mouse.down();
  for (let i = 1; i <= 12; i++) await page.mouse.move(box.x + 30 + i * 20, box.y + box.height * (0.7 - 0.4 * Math.abs(Math.sin(i / 2))));
  await page.mouse.up();
}

async function pickUnit(page: Page): Promise<void> {
  await page.getByPlaceholder('输入房号，如 101').fill('10');
  await page.getByRole('button', { name: '1栋 101' }).click();
  await expect.poll(() => page.getByTestId('chosen-unit').textContent()).toBe('1栋 101');
}

const stateOf = (page: Page) => page.getByTestId('case-state');

describe('parcel-desk through the staff app', { timeout: 120_000 }, () => {
  let parcel = '';
  let pass = '';

  it('the front desk registers a parcel; checking it in as food is refused; as a parcel it is stored and the recipient notified', async () => {
    const desk = await login('frontdesk');
    await desk.getByRole('navigation').getByRole('link', { name: '物品寄存' }).click();
    await desk.getByRole('link', { name: /登记物品寄存/ }).click();
    await desk.getByRole('heading', { name: '登记物品寄存' }).waitFor();
    await pickUnit(desk);
    await choose(desk, '寄存人身份', '快递/送货员');
    await desk.getByRole('textbox', { name: '寄存人', exact: true }).fill('顺丰快递 王师傅');
    await desk.getByLabel('寄存人电话').fill('13900000002');
    await desk.getByLabel('收件人（业主/住户）').fill('张伟');
    await desk.getByLabel('收件人电话').fill('13800000001');
    await desk.getByLabel('物品名称').fill('顺丰纸箱一个');
    await desk.getByLabel('件数').fill('1');
    await h.screenshot(desk, 'parcel-desk-01-register-deposit');
    await desk.getByRole('button', { name: '登记', exact: true }).click();
    await desk.getByTestId('case-serial').waitFor();
    parcel = (await desk.getByTestId('case-serial').textContent()) ?? '';
    expect(parcel).toMatch(/^JC-2026-\d{6}$/);
    await expect.poll(() => stateOf(desk).textContent()).toBe('已登记，待查验入库');

    let dialog = await takeStep(desk, '查验入库');
    await choose(dialog, '物品类别', '食品（不宜保管）');
    await dialog.getByLabel('物品特征').fill('白色泡沫箱，内有生鲜');
    await tick(dialog, '外包装完好');
    await tick(dialog, '已提醒寄存人勿寄存贵重物品、现金');
    await dialog.getByLabel('存放位置').fill('寄存架 A-3');
    await dialog.getByRole('button', { name: '查验入库', exact: true }).click();
    await dialog.getByText('物品类别：该类物品不予寄存').first().waitFor();
    await h.screenshot(desk, 'parcel-desk-02-food-refused');
    // refused: nothing changed
    await expect.poll(() => stateOf(desk).textContent()).toBe('已登记，待查验入库');

    await choose(dialog, '物品类别', '包裹');
    await dialog.getByLabel('物品特征').fill('黄色纸箱 40×30×20cm，单号 SF1234567890');
    await dialog.getByRole('button', { name: '查验入库', exact: true }).click();
    await expect.poll(() => stateOf(desk).textContent()).toBe('已入库，待通知收件人');
    await desk.getByText('领取期限').first().waitFor();
    await h.screenshot(desk, 'parcel-desk-03-stored');

    h.kernel.clock.set('2026-11-23T09:10:00+08:00');
    await desk.clock.setFixedTime(h.kernel.clock.now());
    dialog = await takeStep(desk, '通知收件人');
    await choose(dialog, '通知方式', '短信');
    await field(dialog, '/notifiedAt').locator('input').fill('2026-11-23T09:10');
    await dialog.getByLabel('通知情况').fill('业主回复今晚在家，请楼栋客服专员送上门');
    await dialog.getByRole('button', { name: '通知收件人', exact: true }).click();
    await expect.poll(() => stateOf(desk).textContent()).toBe('已通知，待送交领取');
    await expect.poll(() => desk.getByTestId('case-assignee').textContent()).toContain('楼栋客服专员');
  });

  it('the building concierge delivers it against the recipient’s signature; the register prints', async () => {
    h.kernel.clock.set('2026-11-23T19:20:00+08:00');
    const concierge = await login('concierge');
    await openCase(concierge, '物品寄存', parcel);
    const dialog = await takeStep(concierge, '送交签收');
    await choose(dialog, '领取人', '收件人本人');
    await dialog.getByLabel('领取人姓名').fill('张伟');
    await tick(dialog, '物品完好、件数相符');
    await field(dialog, '/pickedUpAt').locator('input').fill('2026-11-23T19:20');
    await sign(concierge, dialog, '/receiverSignature');
    await expect.poll(() => field(dialog, '/receiverSignature').locator('#state').textContent()).toBe('已签名 ✓');
    await h.screenshot(concierge, 'parcel-desk-04-delivery-signature');
    await dialog.getByRole('button', { name: '送交签收', exact: true }).click();
    await expect.poll(() => stateOf(concierge).textContent()).toBe('已领取');
    await h.screenshot(concierge, 'parcel-desk-05-delivered');

    const [print] = await Promise.all([
      concierge.context().waitForEvent('page'),
      concierge.getByRole('link', { name: /物品寄存登记表/ }).click(),
    ]);
    await print.waitForLoadState();
    const text = await print.locator('body').innerText();
    for (const s of ['物品寄存登记表', parcel, '登记', '2026-11-23 19:20', '顺丰快递 王师傅', '寄存架 A-3', '包裹', '短信', '张伟']) expect(text).toContain(s);
    // the drawn signature is printed as an image
    expect(await print.locator('img.signature').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    await h.screenshot(print, 'parcel-desk-06-register-print');
  });

  it('a tenant applies for a goods release pass; without the owner’s authorisation it is refused, with the owner’s phone confirmation approved', async () => {
    h.kernel.clock.set('2026-11-24T09:00:00+08:00');
    const desk = await login('frontdesk');
    await desk.getByRole('navigation').getByRole('link', { name: '物品放行' }).click();
    await desk.getByRole('link', { name: /登记物品放行/ }).click();
    await desk.getByRole('heading', { name: '登记物品放行' }).waitFor();
    await pickUnit(desk);
    await desk.getByRole('textbox', { name: '申请人', exact: true }).fill('赵敏');
    await desk.getByLabel('联系电话').fill('13700000009');
    await choose(desk, '申请人身份', '租户/使用人');
    await choose(desk, '搬出原因', '迁出/退租搬家');
    const goods = field(desk, '/goods');
    await goods.locator('button.add').click();
    await field(desk, '/goods/0/name').locator('input').fill('双人床');
    await field(desk, '/goods/0/quantity').locator('input').fill('1');
    await field(desk, '/goods/0/note').locator('input').fill('1.8m 已拆装');
    await goods.locator('button.add').click();
    await field(desk, '/goods/1/name').locator('input').fill('纸箱（衣物、书籍）');
    await field(desk, '/goods/1/quantity').locator('input').fill('12');
    await desk.getByLabel('车牌号').fill('粤B12345');
    await field(desk, '/plannedAt').locator('input').fill('2026-11-25T09:00');
    await h.screenshot(desk, 'parcel-desk-07-register-pass');
    await desk.getByRole('button', { name: '登记', exact: true }).click();
    await desk.getByTestId('case-serial').waitFor();
    pass = (await desk.getByTestId('case-serial').textContent()) ?? '';
    expect(pass).toMatch(/^FX-2026-\d{6}$/);
    await expect.poll(() => stateOf(desk).textContent()).toBe('已申请，待审核');

    const dialog = await takeStep(desk, '审核通过');
    await tick(dialog, '已核对申请人身份证件');
    await choose(dialog, '业主授权', '无授权');
    await dialog.getByRole('button', { name: '审核通过', exact: true }).click();
    await dialog.getByText('业主授权：租户或受托人办理物品放行须有业主授权').first().waitFor();
    await h.screenshot(desk, 'parcel-desk-08-pass-refused-no-authorisation');
    await expect.poll(() => stateOf(desk).textContent()).toBe('已申请，待审核');

    await choose(dialog, '业主授权', '电话向业主确认');
    await dialog.getByLabel('授权业主姓名').fill('张伟');
    await dialog.getByLabel('业主电话').fill('13800000001');
    await field(dialog, '/confirmedAt').locator('input').fill('2026-11-24T08:55');
    await h.screenshot(desk, 'parcel-desk-09-pass-phone-confirmation');
    await dialog.getByRole('button', { name: '审核通过', exact: true }).click();
    await expect.poll(() => stateOf(desk).textContent()).toBe('已审核，待门岗放行');
    await expect.poll(() => desk.getByTestId('case-assignee').textContent()).toContain('安护部');
  });

  it('security checks the goods at the gate and releases them; the pass prints with its number', async () => {
    h.kernel.clock.set('2026-11-25T09:20:00+08:00');
    const security = await login('security');
    await openCase(security, '物品放行', pass);
    const dialog = await takeStep(security, '核对放行');
    await tick(dialog, '物品与放行单清单核对相符');
    await field(dialog, '/releasedAt').locator('input').fill('2026-11-25T09:20');
    await dialog.getByLabel('出入口').fill('北门');
    await dialog.getByRole('button', { name: '核对放行', exact: true }).click();
    await expect.poll(() => stateOf(security).textContent()).toBe('已放行');
    await h.screenshot(security, 'parcel-desk-10-released');

    const [print] = await Promise.all([
      security.context().waitForEvent('page'),
      security.getByRole('link', { name: /物品放行单/ }).click(),
    ]);
    await print.waitForLoadState();
    const text = await print.locator('body').innerText();
    for (const s of ['物品放行单', `放行单号：${pass}`, '双人床', '纸箱（衣物、书籍）', '粤B12345', '电话向业主确认', '北门']) expect(text).toContain(s);
    await h.screenshot(print, 'parcel-desk-11-pass-print');
  });
});
