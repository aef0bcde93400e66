/**
 * The desk's daily friction, in Chromium (zh-CN): the work queue and the 回访 list name room and
 * resident (the phone as a tel: link for those who call); a paid-service registration tells the price of
 * the chosen item while the resident is on the phone; the case page reads codes of the price list
 * as their titles (data and the timeline) and shows files as thumbnails with names and sizes; the
 * renovation application takes the room's floor area from the room picked; date fields name no
 * time zone even when the browser runs elsewhere; the repair form speaks no rule ids and calls a
 * phone call 电话 like every other form. Screenshots: test-results/screenshots/desk-*.png
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { startBrowserHarness, type BrowserHarness, signIn } from './browser-harness.js';

let h: BrowserHarness;
const pageErrors: string[] = [];
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');

beforeAll(async () => {
  h = await startBrowserHarness({ plugins: ['service-desk', 'billing', 'complaints', 'paid-services', 'renovation'], startAt: '2026-11-02T09:00:00+08:00' });
});
afterAll(async () => h?.close());
afterEach(() => expect(pageErrors).toEqual([]));

async function login(username: string, options: { timezoneId?: string } = {}): Promise<Page> {
  const context = await h.browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 }, timezoneId: options.timezoneId ?? 'Asia/Shanghai' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await page.clock.setFixedTime(h.kernel.clock.now());
  page.on('pageerror', (err) => pageErrors.push(err.message));
  await signIn(page, h.baseUrl, username);
  return page;
}

const field = (scope: Page | Locator, pointer: string): Locator => scope.locator(`[data-pointer="${pointer}"]`).first();

/** The text of an element through the shadow roots inside it (innerText stops at them). */
function deepTextOf(scope: Locator): Promise<string> {
  return scope.evaluate((el) => {
    const walk = (node: Node): string => {
      if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
      if (node instanceof HTMLStyleElement || node instanceof HTMLScriptElement) return '';
      let out = '';
      const root = (node as Element).shadowRoot;
      if (root) out += walk(root);
      for (const child of node.childNodes) out += walk(child);
      return `${out} `;
    };
    return walk(el);
  });
}
const deepText = (page: Page) => deepTextOf(page.locator('body'));

async function api(user: string, method: 'GET' | 'POST', url: string, body?: unknown) {
  const res = await h.kernel.call(await h.kernel.login(user), method, url, body);
  expect(res.statusCode, res.body).toBeLessThan(300);
  return res.json();
}

async function upload(user: string, name: string): Promise<string> {
  const boundary = '----wuye' + Math.random().toString(16).slice(2);
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: image/png\r\n\r\n`),
    PNG,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const res = await h.kernel.app.inject({ method: 'POST', url: '/api/attachments', headers: { authorization: `Bearer ${await h.kernel.login(user)}`, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

describe('the desk in the staff app', { timeout: 90_000 }, () => {
  it('a paid-service registration shows the price of the chosen item, and the phone call is 电话', async () => {
    const desk = await login('frontdesk');
    await desk.goto(`${h.baseUrl}/#/cases/serviceOrder/new`);
    await desk.getByRole('heading', { name: '登记特约（有偿）服务' }).waitFor();
    const item = field(desk, '/serviceItem').locator('select');
    // the list itself says what each item costs
    expect(await item.locator('option').allTextContents()).toContain('水龙头、闸阀维修（¥25.00/个）');
    await item.selectOption({ label: '水龙头、闸阀维修（¥25.00/个）' });
    await expect.poll(() => field(desk, '/serviceItem').getByTestId('option-price').textContent()).toBe('收费标准：¥25.00/个');
    await item.selectOption({ label: '空调器维修（¥80.00/台）' });
    await expect.poll(() => field(desk, '/serviceItem').getByTestId('option-price').textContent()).toBe('收费标准：¥80.00/台');
    const channel = field(desk, '/channel').locator('select');
    expect(await channel.evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent?.trim())).toBe('电话');
    expect(await channel.locator('option').allTextContents()).not.toContain('来电');
    await h.screenshot(desk, 'desk-01-paid-service-price');
    await desk.context().close();
  });

  it('the case page reads price-list codes as their titles, in the data and in the timeline', async () => {
    const ch = h.registry.projects.get('CH')!.id;
    let order = await api('frontdesk', 'POST', '/api/cases/serviceOrder', {
      projectId: ch, unitId: h.registry.units.get('CH/1/101')!.id, personId: h.registry.people.get('张伟')!.id,
      data: { channel: 'phone', customerName: '张伟', contactPhone: '13800000001', serviceItem: 'fluorescentLamp', appointmentAt: '2026-11-02T14:00:00+08:00', description: '厨房灯管闪烁' },
    });
    const take = async (user: string, transition: string, data: unknown) => {
      order = await api(user, 'POST', `/api/cases/serviceOrder/${order.id}/transitions/${transition}`, { version: order.version, data });
    };
    await take('assistant', 'accept', {});
    await take('technician', 'pickUp', { pickedUpAt: '2026-11-02T13:30:00+08:00' });
    await take('technician', 'confirmPrice', { serviceItem: 'tapValve', quantity: 1, materialsSource: 'warehouse', materials: '水龙头一个', materialsCost: '60', customerAgreed: true });

    const sup = await login('supervisor');
    await sup.goto(`${h.baseUrl}/#/cases/serviceOrder/${order.id}`);
    await sup.getByTestId('case-serial').waitFor();
    await sup.getByText('现场确认材料与价格').first().waitFor();
    const body = await deepText(sup);
    expect(body).toContain('水龙头、闸阀维修');
    expect(body).not.toMatch(/tapValve|fluorescentLamp|warehouse/);
    const timeline = sup.locator('wy-case-timeline');
    expect(await deepTextOf(timeline)).toContain('水龙头、闸阀维修');
    await h.screenshot(sup, 'desk-02-case-labels');
    await sup.context().close();
  });

  it('files show as thumbnails with their names and sizes, and open when tapped', async () => {
    const ch = h.registry.projects.get('CH')!.id;
    const photo = await upload('frontdesk', '楼道积水.png');
    const c = await api('frontdesk', 'POST', '/api/cases/complaint', {
      projectId: ch, data: { channel: 'visit', complainantName: '王芳', contactPhone: '13800000002', content: '楼道积水', evidence: [photo] },
    });
    const sup = await login('supervisor');
    await sup.goto(`${h.baseUrl}/#/cases/complaint/${c.id}`);
    await sup.getByTestId('case-serial').waitFor();
    const tile = sup.locator(`[data-attachment="${photo}"]`).first();
    await tile.getByText('楼道积水.png').waitFor();
    await tile.getByText(`${PNG.length} B`).waitFor();
    const img = tile.getByRole('img', { name: '楼道积水.png' });
    await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth)).toBe(1);
    expect(await tile.getByRole('link').getAttribute('href')).toBe(`/api/attachments/${photo}`);
    expect(await deepText(sup)).not.toMatch(/附件 1/);
    await h.screenshot(sup, 'desk-03-attachments');
    await sup.context().close();
  });

  it('the work queue and the 回访 list name the room and the resident; the phone is a tel: link for the caller', async () => {
    const ch = h.registry.projects.get('CH')!.id;
    const household = { unitId: h.registry.units.get('CH/2/101')!.id, personId: h.registry.people.get('杨磊')!.id };
    const open = await api('frontdesk', 'POST', '/api/cases/complaint', { projectId: ch, ...household, data: { channel: 'phone', complainantName: '杨磊', contactPhone: '13800000011', content: '车库照明不足' } });
    let done = await api('frontdesk', 'POST', '/api/cases/complaint', { projectId: ch, ...household, data: { channel: 'phone', complainantName: '杨磊', contactPhone: '13800000011', content: '门禁卡失灵' } });
    const take = async (user: string, transition: string, data: unknown) => {
      done = await api(user, 'POST', `/api/cases/complaint/${done.id}/transitions/${transition}`, { version: done.version, data });
    };
    await take('supervisor', 'classify', { nature: 'valid', severity: 'minor', category: 'facilities' });
    await take('supervisor', 'handle', { cause: '读卡器故障', correctiveAction: '已更换读卡器', handledBy: '罗斌' });
    await take('frontdesk', 'reply', { replyMethod: 'phone', replyContent: '已更换' });

    const sup = await login('supervisor');
    await sup.getByRole('tab', { name: '本岗位待办' }).click();
    const row = sup.locator(`tr[data-serial="${open.serial}"]`);
    await expect.poll(() => row.locator('[data-col="unit"]').textContent()).toBe('2栋 101');
    expect(await row.locator('[data-col="person"]').textContent()).toBe('杨磊');
    await sup.getByRole('navigation').getByRole('link', { name: '回访' }).click();
    const followUp = sup.locator('tr', { has: sup.getByRole('link', { name: done.serial }) });
    await expect.poll(() => followUp.locator('[data-col="person"]').textContent()).toBe('杨磊');
    expect(await followUp.getByRole('link', { name: /13800000011/ }).getAttribute('href')).toBe('tel:13800000011');
    await sup.context().close();

    // the front desk does not make the follow-up call: the name, no number
    const desk = await login('frontdesk');
    await desk.getByRole('navigation').getByRole('link', { name: '回访' }).click();
    const deskRow = desk.locator('tr', { has: desk.getByRole('link', { name: done.serial }) });
    await expect.poll(() => deskRow.locator('[data-col="person"]').textContent()).toBe('杨磊');
    expect(await deskRow.locator('a[href^="tel:"]').count()).toBe(0);
    await desk.context().close();
  });

  it('a renovation application takes the floor area and the applicant from the room picked', async () => {
    const desk = await login('frontdesk');
    await desk.goto(`${h.baseUrl}/#/cases/renovation/new`);
    await desk.getByRole('heading', { name: '登记装修申报' }).waitFor();
    await desk.getByPlaceholder('输入房号，如 101').fill('201');
    await desk.getByRole('button', { name: /1栋 201/ }).click();
    await expect.poll(() => desk.getByTestId('chosen-person').textContent()).toBe('李娜（13800000003）');
    await expect.poll(() => field(desk, '/area').locator('input').inputValue()).toBe('143.25');
    await expect.poll(() => field(desk, '/applicantName').locator('input').inputValue()).toBe('李娜');
    await expect.poll(() => field(desk, '/applicantPhone').locator('input').inputValue()).toBe('13800000003');
    await desk.context().close();
  });

  it('date fields name no time zone though the browser runs elsewhere; the repair form names no rule', async () => {
    const desk = await login('frontdesk', { timezoneId: 'Europe/Berlin' });
    await desk.goto(`${h.baseUrl}/#/cases/repair/new`);
    await desk.getByRole('heading', { name: /^登记/ }).waitFor();
    await field(desk, '/appointmentAt').locator('input').waitFor();
    const text = await deepText(desk);
    expect(text).not.toMatch(/时区|Asia\/Shanghai|repairCharge|由规则/);
    expect(await field(desk, '/channel').locator('option').allTextContents()).toEqual(expect.arrayContaining(['电话', '来访', '来信']));
    await desk.context().close();
  });

  it('a form’s submit button wears the app’s one button colour, not a second blue', async () => {
    const desk = await login('frontdesk');
    await desk.goto(`${h.baseUrl}/#/cases/repair/new`);
    await desk.getByRole('heading', { name: /^登记/ }).waitFor();
    const submit = desk.locator('wy-form button[type="submit"]').first();
    await submit.waitFor();
    // the app's primary button, drawn beside the form (same shadow root, same styles), against the form's own
    const [formButton, appButton] = await submit.evaluate((button) => {
      const form = (button.getRootNode() as ShadowRoot).host;
      const root = form.getRootNode();
      const probe = document.createElement('button');
      probe.className = 'primary';
      (root instanceof ShadowRoot ? root : document.body).appendChild(probe);
      const colours = [getComputedStyle(button).backgroundColor, getComputedStyle(probe).backgroundColor];
      probe.remove();
      return colours;
    });
    expect(appButton).not.toMatch(/^rgba\(0, 0, 0, 0\)$|^rgb\(255, 255, 255\)$/);
    expect(formButton).toBe(appButton);
    await desk.context().close();
  });
});
