/**
 * The form builder's 明细表 kind (list of rows, issue 17) in Chromium, one server never restarted:
 * the company admin makes a 公共区域巡查 type from blank (新建业务类型), adds from the palette a
 * 明细表 field 存在问题, renames its first column, adds a 发现时间 (日期时间) column and bounds the
 * rows; on 流程与时限 gives 办结 a 追加记录 step writing into it (问题描述 ← 事由, 发现时间 ← 办理时间);
 * dry run, activation. The front desk then takes 办结 on a case and the case page shows the appended
 * row in a table under the column titles.
 * Screenshots: test-results/screenshots/admin-list-field-*.png (desktop and 390×844; copied to $WUYE_SHOTS_DIR when set).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SCREENSHOT_DIR, startBrowserHarness, type BrowserHarness } from './browser-harness.js';
import { deepText, takeStep } from './form-steps.js';
import { tab } from './admin-procedures-steps.js';

let h: BrowserHarness;
const pageErrors: string[] = [];

beforeAll(async () => {
  h = await startBrowserHarness({ plugins: ['service-desk'], startAt: '2026-11-02T09:00:00+08:00' });
});
afterAll(async () => h?.close());
afterEach(() => expect(pageErrors).toEqual([]));

function login(username: string): Promise<Page> {
  return h.signedIn(username, pageErrors);
}

/** desktop 1280×900 and phone 390×844, full page */
async function shots(page: Page, name: string): Promise<void> {
  await h.screenshot(page, `admin-list-field-${name}`);
  await page.setViewportSize({ width: 390, height: 844 });
  await h.screenshot(page, `admin-list-field-${name}-phone`);
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function call<T>(username: string, method: 'GET' | 'POST', url: string, body?: unknown, status = 200): Promise<T> {
  const res = await h.kernel.call(await h.kernel.login(username), method, url, body);
  expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(status);
  return res.json() as T;
}

type Labelled = { 'x-label'?: { 'zh-CN': string } };
type CaseTypeItem = { caseType: string; title: { 'zh-CN': string }; form: { schema: { properties: Record<string, Labelled & { items?: { properties?: Record<string, Labelled> } }> } } };

describe('a 明细表 field built in the form builder and filled by 追加记录', { timeout: 300_000 }, () => {
  let caseType = '';

  it('the admin adds 存在问题 with two columns to a new type, a 追加记录 step on 办结, dry-runs and activates', async () => {
    const admin = await login('admin');
    await admin.goto(`${h.baseUrl}/#/admin/forms`);
    await admin.getByRole('button', { name: '新建业务类型', exact: true }).click();
    const dialog = admin.getByRole('dialog', { name: '新建业务类型' });
    await dialog.getByLabel('名称', { exact: true }).fill('公共区域巡查');
    await dialog.getByRole('group', { name: '可登记的岗位' }).getByLabel('前台接待', { exact: true }).check();
    await dialog.getByRole('button', { name: '创建' }).click();
    await admin.getByRole('heading', { name: '字段：公共区域巡查' }).waitFor();
    const bundle = new URLSearchParams(admin.url().split('?')[1]).get('plugin')!;
    caseType = 'x' + bundle.slice(2).split('-').map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');

    // 明细表 from the palette: it starts with one column
    const form = admin.getByTestId('new-field');
    await form.getByRole('radiogroup', { name: '字段类型' }).getByRole('radio', { name: '明细表', exact: true }).click();
    await form.getByLabel('中文名称').fill('存在问题');
    await form.getByRole('button', { name: '添加', exact: true }).click();
    const editor = admin.getByRole('group', { name: '编辑字段：存在问题' });
    await editor.waitFor();
    const columns = editor.getByTestId('list-columns');
    expect(await columns.getByLabel('第 1 列名称').inputValue()).toBe('内容');
    await columns.getByLabel('第 1 列名称').fill('问题描述');
    // a column with no name is refused on its control
    await columns.getByRole('button', { name: '添加列' }).click();
    await expect.poll(() => columns.getByRole('alert').textContent()).toBe('请填写新列的中文名称');
    await columns.getByLabel('新列的中文名称').fill('发现时间');
    await columns.getByLabel('新列的类型').selectOption({ label: '日期时间' });
    await columns.getByRole('button', { name: '添加列' }).click();
    await expect.poll(() => columns.getByLabel('第 2 列名称').inputValue()).toBe('发现时间');
    expect(await columns.getByLabel('第 2 列类型').locator('option:checked').textContent()).toBe('日期时间');
    // a third column, moved first, then removed
    await columns.getByLabel('新列的中文名称').fill('整改结果');
    await columns.getByLabel('新列的类型').selectOption({ label: '选项' });
    await columns.getByLabel('新列的选项（用顿号分隔）').fill('已整改、未整改');
    await columns.getByRole('button', { name: '添加列' }).click();
    await expect.poll(() => columns.getByLabel('第 3 列的选项（用顿号分隔）').inputValue()).toBe('已整改、未整改');
    await columns.getByRole('button', { name: '「整改结果」左移' }).click();
    await expect.poll(() => columns.getByLabel('第 2 列名称').inputValue()).toBe('整改结果');
    await editor.getByLabel('最多几行（1–500）').fill('20');
    await shots(admin, '01-column-editor');
    // the column editor itself on a phone, at the size the admin sees it
    await admin.setViewportSize({ width: 390, height: 844 });
    await editor.screenshot({ path: `${SCREENSHOT_DIR}/admin-list-field-01-column-editor-phone-detail.png` });
    await admin.setViewportSize({ width: 1280, height: 900 });
    await columns.getByRole('button', { name: '删除列「整改结果」' }).click();
    await expect.poll(() => columns.getByLabel('第 2 列名称').inputValue()).toBe('发现时间');
    expect(await columns.getByLabel('第 3 列名称').count()).toBe(0);
    // no key to type, no pattern anywhere: the palette badge says 明细表
    expect(await admin.locator('[data-field] .badge').filter({ hasText: '明细表' }).count()).toBe(1);

    // 办结 appends a row: 问题描述 ← 事由, 发现时间 ← 办理时间 (pre-filled)
    await admin.goto(`${h.baseUrl}/#/admin/workflow?plugin=${bundle}&caseType=${caseType}`);
    await admin.getByTestId('workflow-diagram').waitFor();
    const finish = admin.locator('[data-transition="finish"]').first();
    if ((await finish.getAttribute('open')) === null) await finish.locator('summary').first().click();
    await admin.getByLabel('「办结」添加的步骤类型').selectOption({ label: '追加记录' });
    await finish.getByRole('button', { name: '添加步骤' }).click();
    await admin.getByLabel('「办结」追加记录的列表').selectOption({ label: '存在问题' });
    await expect.poll(() => admin.getByLabel('「办结」追加记录「发现时间」填入').inputValue()).toBe('stamp:at');
    await admin.getByLabel('「办结」追加记录「问题描述」填入').selectOption({ label: '事由' });
    await admin.getByRole('button', { name: '确定添加「办结」的步骤' }).click();
    const words = admin.getByRole('group', { name: '「办结」的执行步骤' }).getByText(/^追加一行到「存在问题」：/);
    await words.waitFor();
    expect(await words.textContent()).toMatch(/发现时间←办理时间/);
    expect(await words.textContent()).toMatch(/问题描述←事由/);

    // the configuration check passes, then dry run and activation
    await tab(admin, '审阅与启用');
    // the changes are in words: no schema type, key or column id
    await expect.poll(() => admin.getByTestId('changes').textContent()).toContain('公共区域巡查');
    expect(await admin.getByTestId('changes').textContent()).not.toMatch(/kind_|col\d|array|appendRow/);
    await admin.getByRole('button', { name: '运行试运行' }).click();
    await admin.getByTestId('dry-run-results').waitFor();
    await admin.getByLabel('修改原因（必填）').fill('新增公共区域巡查，存在问题逐条记录');
    await admin.getByRole('button', { name: '提交（待启用）' }).click();
    await expect.poll(() => admin.getByTestId('review-message').textContent(), { timeout: 60_000 }).toContain('已提交为版本 2');
    await admin.getByRole('button', { name: '启用版本 2' }).click();
    await admin.getByTestId('activate-dialog').getByRole('button', { name: '确认启用版本 2' }).click();
    await expect.poll(() => admin.getByTestId('review-message').textContent(), { timeout: 60_000 }).toContain('已启用版本 2');
    await admin.close();
  });

  it('the front desk takes 办结 and the case page shows the appended row under the column titles', async () => {
    const types = await call<{ items: CaseTypeItem[] }>('frontdesk', 'GET', '/api/case-types');
    const props = types.items.find((t) => t.caseType === caseType)!.form.schema.properties;
    const keyOf = (label: string) => Object.entries(props).find(([, f]) => f['x-label']?.['zh-CN'] === label)![0];
    const list = props[keyOf('存在问题')]!;
    // column keys were generated, in the order the admin left them
    expect(Object.entries(list.items!.properties!).map(([k, c]) => `${k}:${c['x-label']?.['zh-CN']}`)).toEqual(['col1:问题描述', 'col2:发现时间']);
    const created = await call<{ id: number; serial: string }>('frontdesk', 'POST', `/api/cases/${caseType}`, {
      projectId: h.registry.projects.get('CH')!.id, unitId: h.registry.units.get('CH/1/101')!.id,
      data: { [keyOf('事由')]: '3栋大堂地砖破损' },
    }, 201);

    const desk = await login('frontdesk');
    await desk.goto(`${h.baseUrl}/#/cases/${caseType}/${created.id}`);
    const step = await takeStep(desk, '办结');
    // 办结 has no form: its dialog only confirms
    await step.getByRole('button', { name: /^(确定|确认)$/ }).click();
    await expect.poll(() => desk.getByTestId('case-state').textContent()).toBe('已完成');
    const table = desk.locator('wy-case-data').locator(`[data-field="${keyOf('存在问题')}"]`);
    await table.getByRole('columnheader', { name: '问题描述' }).waitFor();
    await table.getByRole('columnheader', { name: '发现时间' }).waitFor();
    await table.getByRole('cell', { name: '3栋大堂地砖破损' }).waitFor();
    const text = await deepText(desk);
    expect(text).not.toMatch(/col1|col2|appendRow/);
    await shots(desk, '02-case-page');
    await desk.close();
  });
});
