/**
 * The editor's builder tools in Chromium, as a company admin, on the complaint procedure: a new
 * section with three fields of different kinds picked from the palette (one shown only for one
 * answer of another), a new final state with a step into it and a deadline on working days that
 * escalates to the service manager, the complaint sheet's print template edited with fields
 * inserted by title and the server's live preview (a template reading a field that does not exist
 * is refused on the text box), then dry run, propose and activate. A front-desk clerk then
 * registers a complaint with the new fields, sees them on the case page and prints the new sheet.
 * Screenshots: test-results/screenshots/admin-builder-*.png (desktop and 390×844).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import path from 'node:path';
import { SCREENSHOT_DIR, startBrowserHarness, type BrowserHarness } from './browser-harness.js';
import { deepText } from './form-steps.js';
import { tab } from './admin-procedures-steps.js';

let h: BrowserHarness;
const pageErrors: string[] = [];

beforeAll(async () => {
  h = await startBrowserHarness({ plugins: ['service-desk', 'complaints'], startAt: '2026-11-02T09:00:00+08:00' });
});
afterAll(async () => h?.close());
afterEach(() => expect(pageErrors).toEqual([]));

function login(username: string, viewport?: { width: number; height: number }): Promise<Page> {
  return h.signedIn(username, pageErrors, { viewport });
}

async function expand(page: Page, selector: string): Promise<void> {
  const part = page.locator(selector);
  if ((await part.getAttribute('open')) === null) await part.locator('summary').first().click();
  await expect.poll(() => part.getAttribute('open')).not.toBeNull();
}

const shot = (page: Page, name: string) => h.screenshot(page, `admin-builder-${name}`);

async function call<T>(username: string, method: 'GET' | 'POST', url: string, body?: unknown, status = 200): Promise<T> {
  const res = await h.kernel.call(await h.kernel.login(username), method, url, body);
  expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(status);
  return res.json() as T;
}

type Props = Record<string, { 'x-label'?: { 'zh-CN': string }; format?: string; enum?: string[] }>;

describe('building a procedure in the editor', { timeout: 240_000 }, () => {
  it('the admin adds a section of three fields, a state, a step with a deadline and a print template, dry-runs and activates', async () => {
    const admin = await login('admin');
    await admin.goto(`${h.baseUrl}/#/admin/forms?plugin=complaints`);
    await admin.getByRole('heading', { name: /字段：客户投诉记录表/ }).waitFor();

    // a section 回访安排 (saved with its first field)
    const sectionForm = admin.locator('section.sections form');
    await sectionForm.getByLabel('中文名称').fill('回访安排');
    await sectionForm.getByRole('button', { name: '添加分区' }).click();

    // three fields of different kinds from the palette, keys chosen by the builder
    const form = admin.getByTestId('new-field');
    const palette = form.getByRole('radiogroup', { name: '字段类型' });
    const addField = async (kind: string, label: string) => {
      await palette.getByRole('radio', { name: kind, exact: true }).click();
      await expect.poll(() => palette.getByRole('radio', { name: kind, exact: true }).getAttribute('aria-checked')).toBe('true');
      await form.getByLabel('中文名称').fill(label);
      await form.getByLabel('分区').selectOption({ label: '回访安排' });
      await form.getByRole('button', { name: '添加', exact: true }).click();
      await admin.getByRole('group', { name: `编辑字段：${label}` }).waitFor();
    };
    await addField('选项', '回访方式');
    const method = admin.getByRole('group', { name: '编辑字段：回访方式' });
    await method.getByLabel('选项 1 中文').fill('电话回访');
    await method.getByLabel('选项 2 中文').fill('上门回访');
    await addField('电话', '回访电话');
    const phone = admin.getByRole('group', { name: '编辑字段：回访电话' });
    const visible = phone.getByRole('group', { name: '显示条件' });
    await visible.getByRole('button', { name: '添加条件' }).click();
    await visible.getByLabel('显示条件 · 字段').selectOption({ label: '回访方式' });
    await visible.getByLabel('显示条件 · 值').selectOption({ label: '电话回访' });
    await addField('日期', '预约回访日期');
    // the palette's validation for a number of days: a range, never a pattern
    await addField('整数', '提前提醒天数');
    const days = admin.getByRole('group', { name: '编辑字段：提前提醒天数' });
    await days.getByLabel('最小值').fill('0');
    await days.getByLabel('最大值').fill('7');
    const preview = admin.getByTestId('form-preview');
    await preview.getByLabel('预约回访日期').waitFor();
    expect(await preview.getByLabel('回访电话').count()).toBe(0);
    await preview.getByLabel('回访方式').first().waitFor();
    await h.screenshot(admin, 'admin-builder-01-form-builder');
    await admin.setViewportSize({ width: 390, height: 844 });
    await shot(admin, '01b-form-builder-phone');
    await admin.setViewportSize({ width: 1280, height: 900 });

    // a final state 住户撤回 reached from 已登记 by 住户撤回投诉, within 2 working days, late → 客服经理
    // (the designer makes up their ids: state1, transition1, deadline1)
    await tab(admin, '流程与时限');
    await admin.getByTestId('workflow-diagram').waitFor();
    const addState = admin.getByRole('form', { name: '添加状态' });
    await addState.getByLabel('中文名称').fill('住户撤回，已结束');
    await addState.getByLabel('终止状态').check();
    await addState.getByRole('button', { name: '添加状态' }).click();
    const addStep = admin.getByRole('form', { name: '添加流转' });
    await addStep.getByLabel('中文名称').fill('住户撤回投诉');
    await addStep.getByLabel('起始状态').selectOption({ label: '已登记，待分类' });
    await addStep.getByLabel('目标状态').selectOption({ label: '住户撤回，已结束' });
    await addStep.getByRole('button', { name: '添加流转' }).click();
    await expand(admin, '[data-transition="transition1"]');
    // who may take it: the list opens from its one-line summary
    await admin.locator('[data-transition="transition1"] details').filter({ hasText: '可执行岗位' }).locator('summary').click();
    await admin.getByRole('group', { name: '住户撤回投诉 · 可执行岗位' }).getByLabel('前台接待').check();
    const addClock = admin.getByRole('form', { name: '添加时限' });
    await addClock.getByLabel('中文名称').fill('确认撤回');
    await addClock.getByLabel('时长').fill('2');
    await addClock.getByLabel('单位').selectOption({ label: '工作日' });
    await addClock.getByRole('button', { name: '添加时限' }).click();
    await expand(admin, '[data-deadline="deadline1"]');
    await admin.getByLabel('确认撤回 · 超时上报岗位').selectOption({ label: '客服经理' });
    await admin.locator('[data-testid="workflow-diagram"] [data-state="state1"]').first().waitFor();
    await shot(admin, '02-workflow-designer');

    // the complaint sheet: 回访电话 inserted by its title before the footer, previewed by the server
    await tab(admin, '打印模板');
    // the editor opens on the company's first procedure (the service work order): this test edits complaints
    await admin.goto(`${h.baseUrl}/#/admin/print?plugin=complaints`);
    const source = admin.locator('textarea.source');
    await source.waitFor();
    const frame = admin.frameLocator('iframe[data-testid="print-preview"]');
    await expect.poll(() => frame.locator('body').textContent(), { timeout: 15_000 }).toContain('业主投诉处理单');
    await source.evaluate((el: HTMLTextAreaElement) => { const i = el.value.indexOf('<footer>'); el.focus(); el.setSelectionRange(i, i); });
    await admin.keyboard.insertText('<p class="revisit">预约回访：');
    await admin.getByRole('group', { name: '表单字段' }).getByRole('button', { name: '预约回访日期', exact: true }).click();
    await admin.keyboard.insertText('，电话：');
    await admin.getByRole('group', { name: '表单字段' }).getByRole('button', { name: '回访电话', exact: true }).click();
    await admin.keyboard.insertText('</p>');
    await expect.poll(() => frame.locator('p.revisit').textContent(), { timeout: 15_000 }).toBe('预约回访：2026-11-02，电话：13800000000');
    // a field that does not exist: refused on the text box, the preview keeps the last good page
    await admin.keyboard.insertText('{{data.noSuchField}}');
    const problems = admin.getByTestId('template-problems');
    await expect.poll(() => problems.textContent(), { timeout: 15_000 }).toContain('打印模板读取了不存在的数据');
    expect(await source.getAttribute('aria-invalid')).toBe('true');
    await shot(admin, '03-print-template-refused');
    for (let i = 0; i < '{{data.noSuchField}}'.length; i++) await admin.keyboard.press('Backspace');
    await expect.poll(() => problems.count(), { timeout: 15_000 }).toBe(0);
    await shot(admin, '03b-print-template-preview');
    await admin.setViewportSize({ width: 390, height: 844 });
    await shot(admin, '03c-print-template-phone');
    await admin.setViewportSize({ width: 1280, height: 900 });

    // dry run, reason, propose, activate
    await tab(admin, '审阅与启用');
    await admin.getByRole('button', { name: '运行试运行' }).click();
    await admin.getByTestId('dry-run-results').waitFor();
    await admin.getByLabel('修改原因（必填）').fill('投诉登记增加回访安排；住户可撤回投诉；投诉处理单打印预约回访');
    await admin.getByRole('button', { name: '提交（待启用）' }).click();
    await expect.poll(() => admin.getByTestId('review-message').textContent(), { timeout: 30_000 }).toContain('已提交为版本 2');
    await admin.getByRole('button', { name: '启用版本 2' }).click();
    const dialog = admin.getByTestId('activate-dialog');
    await dialog.getByRole('button', { name: '确认启用版本 2' }).click();
    await expect.poll(() => admin.getByTestId('review-message').textContent(), { timeout: 30_000 }).toContain('已启用版本 2');
    await shot(admin, '04-activated');
    await admin.close();
  });

  it('the front desk registers a complaint with the new fields, sees them and prints the new sheet', async () => {
    const types = await call<{ items: { caseType: string; form: { schema: { properties: Props } } }[] }>('frontdesk', 'GET', '/api/case-types');
    const props = types.items.find((t) => t.caseType === 'complaint')!.form.schema.properties;
    const keyOf = (label: string) => Object.entries(props).find(([, f]) => f['x-label']?.['zh-CN'] === label)![0];
    const [method, phone, date] = [keyOf('回访方式'), keyOf('回访电话'), keyOf('预约回访日期')];
    expect(props[phone]).toMatchObject({ format: 'phone' });
    expect(props[date]).toMatchObject({ format: 'date' });
    const project = h.registry.projects.get('CH')!.id;
    const created = await call<{ id: number; data: Record<string, unknown> }>('frontdesk', 'POST', '/api/cases/complaint', {
      projectId: project, unitId: h.registry.units.get('CH/1/101')!.id,
      data: { channel: 'phone', complainantName: '张伟', contactPhone: '13800000001', content: '楼道灯坏了', [method]: 'option1', [phone]: '13900000009', [date]: '2026-11-05' },
    }, 201);
    expect(created.data[phone]).toBe('13900000009');

    const desk = await login('frontdesk');
    await desk.goto(`${h.baseUrl}/#/cases/complaint/${created.id}`);
    await expect.poll(() => deepText(desk)).toContain('回访电话');
    const text = await deepText(desk);
    expect(text).toContain('电话回访');
    expect(text).toContain('13900000009');
    // the new step is offered to the front desk, with its deadline on the case
    expect(text).toContain('住户撤回投诉');
    expect(text).toContain('确认撤回');
    await shot(desk, '05-staff-case');
    await desk.goto(`${h.baseUrl}/api/cases/complaint/${created.id}/documents/sheet`);
    await expect.poll(() => desk.locator('p.revisit').textContent()).toBe('预约回访：2026-11-05，电话：13900000009');
    await desk.screenshot({ path: path.join(SCREENSHOT_DIR, 'admin-builder-06-printed-sheet.png'), fullPage: true });
    await desk.close();
  });
});
