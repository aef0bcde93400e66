/**
 * A case type of the company's own, built in the editor in Chromium by the company admin, with the
 * server never restarted: 新建业务类型 from blank (the dialog refuses an empty name and no roles on
 * their fields, suggests a serial prefix, never asks for an id), a field added on its form, a
 * printed document added on 打印模板 (title, printable while 办理中, a starter page listing the
 * fields by title), 业务类型设置 adds a role that may register, then dry run and activation. The
 * front desk then finds 登记钥匙借用 among the new-case links, and a case prints the new document
 * in Chinese only. Then a copy of the plugin's complaint procedure, checked and activated.
 * Screenshots: test-results/screenshots/admin-new-type-*.png (desktop and 390×844).
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

function login(username: string): Promise<Page> {
  return h.signedIn(username, pageErrors);
}

const shot = (page: Page, name: string) => h.screenshot(page, `admin-new-type-${name}`);

/** 390×844; a dialog is shot as the screen shows it (a full page would shrink it to a strip) */
async function phoneShot(page: Page, name: string, fullPage = true): Promise<void> {
  await page.setViewportSize({ width: 390, height: 844 });
  if (fullPage) await shot(page, `${name}-phone`);
  else await page.screenshot({ path: path.join(SCREENSHOT_DIR, `admin-new-type-${name}-phone.png`) });
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function call<T>(username: string, method: 'GET' | 'POST', url: string, body?: unknown, status = 200): Promise<T> {
  const res = await h.kernel.call(await h.kernel.login(username), method, url, body);
  expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(status);
  return res.json() as T;
}

/** dry run, reason, propose, activate version n (the review page, as admin-builder.test.ts). */
async function dryRunAndActivate(admin: Page, reason: string, n: number): Promise<void> {
  await tab(admin, '审阅与启用');
  await admin.getByRole('button', { name: '运行试运行' }).click();
  await admin.getByTestId('dry-run-results').waitFor();
  await admin.getByLabel('修改原因（必填）').fill(reason);
  await admin.getByRole('button', { name: '提交（待启用）' }).click();
  await expect.poll(() => admin.getByTestId('review-message').textContent(), { timeout: 30_000 }).toContain(`已提交为版本 ${n}`);
  await admin.getByRole('button', { name: `启用版本 ${n}` }).click();
  await admin.getByTestId('activate-dialog').getByRole('button', { name: `确认启用版本 ${n}` }).click();
  // activation compiles the whole configuration: slower on a busy PostgreSQL
  await expect.poll(() => admin.getByTestId('review-message').textContent(), { timeout: 30_000 }).toContain(`已启用版本 ${n}`);
}

/** Latin words on a page, a serial like ZJ-2026-000001 aside. */
const latinWords = (text: string) => text.replace(/\b[A-Z]{1,6}-\d{4}-\d{6}\b/g, ' ').match(/[A-Za-z]{2,}/g) ?? [];

type CaseTypeItem = { caseType: string; title: { 'zh-CN': string }; form: { schema: { properties: Record<string, { 'x-label'?: { 'zh-CN': string } }> } } };

describe("a company's own case type built in the editor", { timeout: 240_000 }, () => {
  let caseType = '';

  it('the admin creates 钥匙借用 from blank, adds a field and a printed document, lets the supervisor register it too, dry-runs and activates', async () => {
    const admin = await login('admin');
    await admin.goto(`${h.baseUrl}/#/admin/forms`);
    await admin.getByRole('button', { name: '新建业务类型', exact: true }).click();
    const dialog = admin.getByRole('dialog', { name: '新建业务类型' });
    await dialog.waitFor();
    // a prefix is suggested; the admin never sees an id field
    expect(await dialog.getByLabel('编号前缀').inputValue()).toBe('ZJ');
    expect(await dialog.getByRole('textbox').count()).toBe(2);
    // nothing filled in: each refusal on its field
    await dialog.getByRole('button', { name: '创建' }).click();
    await expect.poll(() => dialog.getByRole('alert').allTextContents()).toEqual(['请填写名称', '请至少选择一个可登记的岗位']);
    expect(await dialog.getByLabel('名称', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    // a name another type has, a prefix in lower case letters and digits
    await dialog.getByLabel('名称', { exact: true }).fill('客户投诉');
    await dialog.getByLabel('编号前缀').fill('k1');
    await dialog.getByRole('button', { name: '创建' }).click();
    await expect.poll(() => dialog.getByRole('alert').allTextContents()).toEqual(['已有同名的业务类型，请换一个名称', '编号前缀须为 1～4 个大写英文字母', '请至少选择一个可登记的岗位']);
    await shot(admin, '01-dialog-refused');
    await phoneShot(admin, '01-dialog-refused', false);

    await dialog.getByLabel('名称', { exact: true }).fill('钥匙借用');
    await dialog.getByLabel('编号前缀').fill('ZJ');
    expect(await dialog.getByLabel('从空白开始').isChecked()).toBe(true);
    expect(await dialog.getByLabel('复制的业务类型').isDisabled()).toBe(true);
    await dialog.getByRole('group', { name: '可登记的岗位' }).getByLabel('前台接待', { exact: true }).check();
    await shot(admin, '02-dialog-filled');
    await dialog.getByRole('button', { name: '创建' }).click();

    // the editor opens the new type's form, in the draft only
    await admin.getByRole('heading', { name: '字段：钥匙借用' }).waitFor();
    await expect.poll(() => admin.getByTestId('type-notice').textContent()).toContain('已新建业务类型「钥匙借用」（未发布）');
    const bundle = new URLSearchParams(admin.url().split('?')[1]).get('plugin')!;
    expect(bundle).toMatch(/^x-/);
    caseType = 'x' + bundle.slice(2).split('-').map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
    expect((await call<{ items: { caseType: string }[] }>('admin', 'GET', '/api/case-types')).items.map((t) => t.caseType)).not.toContain(caseType);

    // a field 借用人 from the palette, its key chosen by the builder
    const form = admin.getByTestId('new-field');
    await form.getByRole('radiogroup', { name: '字段类型' }).getByRole('radio', { name: '文本', exact: true }).click();
    await form.getByLabel('中文名称').fill('借用人');
    await form.getByLabel('必填').check();
    await form.getByRole('button', { name: '添加', exact: true }).click();
    await admin.getByRole('group', { name: '编辑字段：借用人' }).waitFor();

    // 新建表单: a second form for a step (named by the admin, its name generated), opened at once
    const newForm = admin.getByRole('form', { name: '新建表单' });
    await newForm.getByRole('button', { name: '新建表单' }).click();
    await expect.poll(() => newForm.getByRole('alert').textContent()).toBe('请填写表单名称');
    await newForm.getByLabel('表单名称').fill('归还登记');
    await newForm.getByRole('button', { name: '新建表单' }).click();
    await admin.getByRole('heading', { name: '字段：归还登记' }).waitFor();
    await admin.getByTestId('form-picker').selectOption({ label: '钥匙借用' });
    await admin.getByRole('heading', { name: '字段：钥匙借用' }).waitFor();

    // 打印模板: the type has no document yet; 新增打印单据 printable while 办理中
    await tab(admin, '打印模板');
    await admin.goto(`${h.baseUrl}/#/admin/print?plugin=${bundle}`);
    const add = admin.getByRole('form', { name: '新增打印单据' });
    await add.getByRole('button', { name: '添加单据' }).click();
    await expect.poll(() => add.getByRole('alert').textContent()).toBe('请填写单据名称');
    await add.getByLabel('单据名称').fill('钥匙借用单');
    await add.getByRole('group', { name: '可打印的状态' }).getByLabel('办理中').check();
    await add.getByRole('button', { name: '添加单据' }).click();
    const source = admin.locator('textarea.source');
    await expect.poll(() => source.inputValue()).toContain('<tr><th>借用人</th>');
    const frame = admin.frameLocator('iframe[data-testid="print-preview"]');
    await expect.poll(() => frame.locator('h1').textContent(), { timeout: 15_000 }).toBe('钥匙借用单');
    // the fields are listed by title for insertion, as for a plugin's document
    await admin.getByRole('group', { name: '表单字段' }).getByRole('button', { name: '借用人', exact: true }).waitFor();
    const settings = admin.getByRole('region', { name: '单据设置' });
    expect(await settings.getByRole('group', { name: '可打印的状态' }).getByLabel('办理中').isChecked()).toBe(true);
    // renamed in place
    await settings.getByLabel('单据名称').fill('钥匙借用登记单');
    await settings.getByLabel('单据名称').press('Enter');
    await settings.getByLabel('单据名称').blur();
    await expect.poll(() => admin.getByTestId('document-picker').locator('option:checked').textContent()).toBe('钥匙借用 · 钥匙借用登记单');
    await expect.poll(() => frame.locator('h1').textContent(), { timeout: 15_000 }).toBe('钥匙借用登记单');
    await shot(admin, '03-print-tab');
    await phoneShot(admin, '03-print-tab');
    // a second document, removed again (with confirmation)
    await add.getByLabel('单据名称').fill('临时单');
    await add.getByRole('button', { name: '添加单据' }).click();
    await expect.poll(() => admin.getByTestId('document-picker').locator('option:checked').textContent()).toBe('钥匙借用 · 临时单');
    await settings.getByRole('button', { name: '删除此单据' }).click();
    await expect.poll(() => admin.getByTestId('document-picker').locator('option').allTextContents()).toEqual(['钥匙借用 · 钥匙借用登记单']);

    // 业务类型设置: the supervisor may register it too
    await admin.getByRole('button', { name: '业务类型设置' }).click();
    const settingsDialog = admin.getByRole('dialog', { name: '业务类型设置' });
    expect(await settingsDialog.getByLabel('前台接待', { exact: true }).isChecked()).toBe(true);
    await settingsDialog.getByLabel('客服主管', { exact: true }).check();
    // the case's one-line title in lists: a field chosen by its title
    await settingsDialog.getByLabel('列表标题字段').selectOption({ label: '借用人' });
    await shot(admin, '03d-settings-dialog');
    await settingsDialog.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => admin.getByTestId('type-notice').textContent()).toContain('业务类型「钥匙借用」的设置已改');

    // the review page names the new type in words, no ids
    await tab(admin, '审阅与启用');
    const changes = admin.getByTestId('changes');
    await expect.poll(() => changes.textContent()).toContain('新增业务类型「钥匙借用」');
    expect(await changes.textContent()).not.toMatch(/xType|caseTypes|register|subject/);
    await dryRunAndActivate(admin, '新增钥匙借用登记（部门钥匙）', 2);
    await shot(admin, '04-activated');
    await admin.close();
  });

  it('the front desk finds 登记钥匙借用, and a case prints the new document in Chinese only', async () => {
    const types = await call<{ items: CaseTypeItem[] }>('frontdesk', 'GET', '/api/case-types');
    const mine = types.items.find((t) => t.caseType === caseType)!;
    expect(mine.title['zh-CN']).toBe('钥匙借用');
    const props = mine.form.schema.properties;
    const keyOf = (label: string) => Object.entries(props).find(([, f]) => f['x-label']?.['zh-CN'] === label)![0];
    const desk = await login('frontdesk');
    await desk.getByRole('link', { name: '钥匙借用', exact: true }).first().click();
    await desk.getByRole('link', { name: /登记钥匙借用/ }).click();
    await desk.getByRole('heading', { name: '登记钥匙借用' }).waitFor();

    const project = h.registry.projects.get('CH')!.id;
    const created = await call<{ id: number; serial: string }>('frontdesk', 'POST', `/api/cases/${caseType}`, {
      projectId: project, unitId: h.registry.units.get('CH/1/101')!.id,
      data: { [keyOf('事由')]: '借 3 号楼机房钥匙', [keyOf('借用人')]: '李师傅' },
    }, 201);
    expect(created.serial).toMatch(/^ZJ-/);
    // 借用人 is the case's title in lists (业务类型设置 · 列表标题字段)
    expect((mine as CaseTypeItem & { titleField: string | null }).titleField).toBe(keyOf('借用人'));
    await desk.goto(`${h.baseUrl}/#/cases/${caseType}/${created.id}`);
    const link = desk.getByRole('link', { name: /钥匙借用登记单/ });
    await link.waitFor();
    const [print] = await Promise.all([desk.context().waitForEvent('page'), link.click()]);
    await print.waitForLoadState();
    const text = await print.locator('body').innerText();
    expect(text).toContain('钥匙借用登记单');
    expect(text).toContain('借用人');
    expect(text).toContain('李师傅');
    expect(text).toContain(created.serial);
    expect(latinWords(text)).toEqual([]);
    await h.screenshot(print, 'admin-new-type-05-printed');
    await desk.close();
  });

  it('the admin copies the plugin complaint procedure into a type of its own, checked and activated', async () => {
    const admin = await login('admin');
    await admin.goto(`${h.baseUrl}/#/admin/forms`);
    await admin.getByRole('button', { name: '新建业务类型', exact: true }).click();
    const dialog = admin.getByRole('dialog', { name: '新建业务类型' });
    // ZJ is taken by 钥匙借用 now
    expect(await dialog.getByLabel('编号前缀').inputValue()).toBe('ZA');
    await dialog.getByLabel('名称', { exact: true }).fill('物业投诉（分公司）');
    await dialog.getByLabel('复制现有业务类型').check();
    await dialog.getByRole('button', { name: '创建' }).click();
    await expect.poll(() => dialog.getByRole('alert').allTextContents()).toEqual(['请选择要复制的业务类型', '请至少选择一个可登记的岗位']);
    const from = dialog.getByLabel('复制的业务类型');
    expect(await from.locator('option').allTextContents()).toEqual(expect.arrayContaining(['客户投诉', '钥匙借用']));
    await from.selectOption({ label: '客户投诉' });
    await dialog.getByRole('group', { name: '可登记的岗位' }).getByLabel('前台接待', { exact: true }).check();
    await shot(admin, '06-dialog-copy');
    await phoneShot(admin, '06-dialog-copy', false);
    await dialog.getByRole('button', { name: '创建' }).click();
    await admin.getByRole('heading', { name: /^字段：/ }).waitFor();
    expect(await deepText(admin)).toContain('投诉内容');
    await admin.getByRole('button', { name: '检查', exact: true }).click();
    await admin.getByTestId('problems').or(admin.getByText('检查通过：草稿没有问题。')).first().waitFor();
    expect(await admin.getByTestId('problems').count() ? await admin.getByTestId('problems').innerText() : '').toBe('');
    await dryRunAndActivate(admin, '分公司投诉按公司自己的流程办理', 3);
    await admin.close();
    const types = await call<{ items: CaseTypeItem[] }>('frontdesk', 'GET', '/api/case-types');
    expect(types.items.map((t) => t.title['zh-CN'])).toEqual(expect.arrayContaining(['钥匙借用', '物业投诉（分公司）', '客户投诉']));
  });
});
