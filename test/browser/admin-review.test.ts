/**
 * The configuration editor as the admin reviews and activates a change, in Chromium (zh-CN):
 * a new field goes into the section the select shows and lands there on the live form; the
 * review page describes each change in words (labels, sections, durations — no JSON pointers or
 * raw JSON); the dry run is entered with the case type's real forms; activation asks first (which
 * version replaces which, what changes) and a superseded proposal offers no 启用; the draft is kept
 * on the server (found from another browser, a stale window is told, a draft made on an older
 * version is not restored); the workflow page speaks in titles and stays short; version 1's
 * reason is in Chinese.
 * Screenshots: test-results/screenshots/admin-review-*.png
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import path from 'node:path';
import { SCREENSHOT_DIR, startBrowserHarness, type BrowserHarness, signIn } from './browser-harness.js';

let h: BrowserHarness;
const pageErrors: string[] = [];

beforeAll(async () => {
  h = await startBrowserHarness({ plugins: ['service-desk', 'complaints'], startAt: '2026-11-02T09:00:00+08:00' });
});
afterAll(async () => h?.close());
afterEach(() => expect(pageErrors).toEqual([]));

async function login(username: string): Promise<Page> {
  const page = await h.newPage();
  await page.clock.setFixedTime(h.kernel.clock.now());
  page.on('pageerror', (err) => pageErrors.push(err.message));
  await signIn(page, h.baseUrl, username);
  return page;
}

async function tab(page: Page, name: string): Promise<void> {
  const nav = page.getByRole('navigation', { name: '配置编辑' });
  await nav.getByRole('link', { name, exact: true }).click();
  await nav.getByRole('link', { name, exact: true }).and(page.locator('[aria-current="page"]')).waitFor();
}

async function currentVersion(): Promise<number> {
  const res = await h.kernel.call(await h.kernel.login('admin'), 'GET', '/api/config');
  return (res.json() as { version: number }).version;
}

/** The text a person sees in an element, shadow roots included (innerText stops at a shadow host). */
async function seenText(locator: import('playwright-core').Locator): Promise<string> {
  return locator.evaluate((root) => {
    const parts: string[] = [];
    const walk = (node: Node) => {
      if (node instanceof HTMLStyleElement || node instanceof HTMLScriptElement) return;
      if (node instanceof HTMLElement && (node.hidden || getComputedStyle(node).display === 'none')) return;
      if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
      if (node instanceof HTMLSelectElement) { parts.push(node.selectedOptions[0]?.textContent ?? ''); return; }
      if ((node instanceof HTMLInputElement && !['checkbox', 'radio', 'hidden'].includes(node.type)) || node instanceof HTMLTextAreaElement) parts.push(` ${node.value} `);
      if (node instanceof Element && node.shadowRoot) node.shadowRoot.childNodes.forEach(walk);
      if (node instanceof HTMLDetailsElement && !node.open) { node.querySelector(':scope > summary')?.childNodes.forEach(walk); return; }
      node.childNodes.forEach(walk);
    };
    walk(root);
    return parts.join(' ').replace(/\s+/g, ' ');
  });
}

/** Text a member of staff reads must carry no pointer, no JSON and no internal id. */
function expectWords(text: string, ids: string[] = []): void {
  expect(text).not.toMatch(/\/plugins\/|\/roles\/|\/document/);
  expect(text).not.toMatch(/[{}]|"[a-zA-Z-]+":/);
  for (const id of ids) expect(text).not.toContain(id);
}

describe('reviewing and activating a configuration change', { timeout: 240_000 }, () => {
  it('a field added to the section 投诉人 lands in 投诉人, and the review page says so in words', async () => {
    const admin = await login('admin');
    await admin.getByTestId('admin-nav').getByRole('link', { name: '表单' }).click();
    // the editor opens on the company's first procedure (the service work order): this test edits complaints
    await admin.goto(`${h.baseUrl}/#/admin/forms?plugin=complaints`);
    await admin.getByRole('heading', { name: /字段：客户投诉记录表/ }).waitFor();

    const form = admin.getByTestId('new-field');
    const section = form.getByLabel('分区');
    // the select shows the section the field will go into
    await expect.poll(() => section.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent)).toBe('证人与证据');
    await form.getByLabel('字段标识').fill('receivedBy');
    await form.getByLabel('中文名称').fill('接待人');
    await form.getByLabel('最多字数').fill('50');
    await section.selectOption({ label: '投诉人' });
    await form.getByRole('button', { name: '添加', exact: true }).click();
    const editor = admin.getByRole('group', { name: '编辑字段：接待人' });
    await editor.waitFor();
    // its own editor shows the section it is in, and the list shows it at the end of 投诉人
    await expect.poll(() => editor.getByLabel('分区').evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent)).toBe('投诉人');
    await expect.poll(() => admin.locator('[data-field]').evaluateAll((rows) => rows.slice(0, 5).map((r) => r.getAttribute('data-field'))))
      .toEqual(['channel', 'channelOther', 'complainantName', 'contactPhone', 'receivedBy']);
    // the next field's select still shows what the admin picked last
    await expect.poll(() => section.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent)).toBe('投诉人');

    // 2 days instead of 24 hours for minor complaints
    await tab(admin, '流程与时限');
    await admin.locator('[data-deadline="resolve"] > summary').click();
    await admin.getByLabel('解决并答复住户 · 时长', { exact: true }).fill('2');
    await admin.getByLabel('解决并答复住户 · 单位', { exact: true }).selectOption('days');

    await tab(admin, '审阅与启用');
    const changes = admin.getByTestId('changes');
    await changes.waitFor();
    await expect.poll(() => changes.textContent()).toContain('字段「接待人」放在分区「投诉人」，在「联系电话」之后');
    const text = (await changes.innerText());
    expect(text).toContain('字段「接待人」');
    expect(text).toContain('文本，最多 50 字');
    expect(text).toMatch(/时限「解决并答复住户」[^\n]*时长[\s\S]*24 小时[\s\S]*2 天/);
    expectWords(text, ['receivedBy', 'complainant', 'resolve', 'workflows', 'x-label']);
    await h.screenshot(admin, 'admin-review-01-diff');

    await admin.getByLabel('修改原因（必填）').fill('来访投诉记录接待人；轻微投诉2天内解决');
    await admin.getByRole('button', { name: '提交（待启用）' }).click();
    await expect.poll(() => admin.getByTestId('review-message').textContent(), { timeout: 30_000 }).toContain('已提交为版本 2');

    // 启用 asks first: which version replaces which, and what changes; cancelling changes nothing
    await admin.getByRole('button', { name: '启用版本 2' }).click();
    const dialog = admin.getByTestId('activate-dialog');
    await dialog.getByRole('heading', { name: '启用版本 2？' }).waitFor();
    await expect.poll(() => dialog.textContent()).toContain('现行为版本 1');
    expect(await dialog.textContent()).toContain('版本 2 的修改如下');
    await expect.poll(() => dialog.getByTestId('changes').textContent()).toContain('字段「接待人」放在分区「投诉人」');
    await h.screenshot(admin, 'admin-review-02-confirm-activation');
    await dialog.getByRole('button', { name: '取消' }).click();
    expect(await currentVersion()).toBe(1);
    await admin.getByRole('button', { name: '启用版本 2' }).click();
    await dialog.getByRole('button', { name: '确认启用版本 2' }).click();
    await expect.poll(() => admin.getByTestId('review-message').textContent(), { timeout: 30_000 }).toContain('已启用版本 2');
    expect(await currentVersion()).toBe(2);
    // version 1 in the history, in Chinese
    await expect.poll(() => admin.locator('[data-testid="history"] tr[data-version="1"] td.reason').textContent()).toBe('初始配置：采用各流程的默认设置');
    await admin.close();

    // the live form: 接待人 in the 投诉人 section, after 联系电话
    const desk = await login('frontdesk');
    await desk.goto(`${h.baseUrl}/#/cases/complaint/new`);
    const complainant = desk.locator('wy-form section[data-section="complainant"]');
    await complainant.getByLabel('接待人').waitFor();
    expect(await desk.locator('wy-form section[data-section="evidence"]').getByLabel('接待人').count()).toBe(0);
    await desk.close();
  });

  it('the dry run is entered with the forms of the case type and of each step, and answers in words', async () => {
    const admin = await login('admin');
    await admin.goto(`${h.baseUrl}/#/admin/roles`);
    await admin.getByLabel('岗位 supervisor 中文名称').fill('客服主任');
    await tab(admin, '审阅与启用');
    await admin.getByTestId('changes').waitFor();
    const review = admin.locator('wy-admin-dry-run');
    expect(await review.getByLabel(/JSON/).count()).toBe(0);

    // the registration: the complaint form itself, with sample content the admin changes
    await review.getByTestId('dry-run-create').locator('summary').click();
    const create = review.getByTestId('dry-run-create').locator('wy-form');
    await create.getByLabel('投诉人姓名').fill('王芳');
    await create.getByLabel('联系电话').fill('13800000002');
    await create.getByLabel('投诉内容').fill('楼上漏水');
    await admin.getByLabel('试运行的严重程度').selectOption({ label: '重大' });

    // step 1 (分类): its own form, the severity picked above already in it
    const step = review.locator('[data-step-input="0"]');
    await step.locator('summary').click();
    const stepForm = step.getByTestId('dry-run-step-form').locator('wy-form');
    await stepForm.getByText('严重程度').first().waitFor();
    expect(await stepForm.evaluate((f) => (f as unknown as { getValue(): Record<string, unknown> }).getValue().severity)).toBe('major');
    await admin.getByRole('button', { name: '运行试运行' }).click();
    const results = admin.getByTestId('dry-run-results');
    await expect.poll(() => results.locator('[data-side="draft"][data-step="0"] [data-testid="dry-assignee"]').textContent()).toBe('客服主任');
    expectWords(await seenText(results), ['supervisor', 'registered', 'routed']);
    expectWords(await seenText(review), ['classify', 'supervisor']);
    await h.screenshot(admin, 'admin-review-03-dry-run');
    await results.screenshot({ path: path.join(SCREENSHOT_DIR, 'admin-review-03b-dry-run-results.png') });
    await admin.getByRole('button', { name: '放弃草稿' }).click();
    await expect.poll(() => admin.getByTestId('draft-status').getAttribute('data-save-state')).not.toBe('saving');
    await admin.close();
  });

  it('a proposal made on an older version offers no 启用', async () => {
    const token = await h.kernel.login('admin');
    const propose = async (reason: string, amount: number) => {
      const res = await h.kernel.call(token, 'POST', '/api/config/versions', { reason, patch: { plugins: { complaints: { workflows: { complaint: { deadlines: { reply: { duration: { amount, unit: 'hours' } } } } } } } } });
      expect(res.statusCode, res.body).toBe(201);
      return (res.json() as { number: number }).number;
    };
    const older = await propose('处理结果3小时内告知', 3);
    const newer = await propose('处理结果4小时内告知', 4);
    expect((await h.kernel.call(token, 'POST', `/api/config/versions/${newer}/activate`, {})).statusCode).toBe(200);

    const admin = await login('admin');
    await admin.goto(`${h.baseUrl}/#/admin/review`);
    const row = admin.locator(`[data-testid="history"] tr[data-version="${older}"]`);
    await row.getByTestId('superseded').waitFor();
    expect(await row.textContent()).toContain('已过时');
    expect(await row.getByRole('button', { name: '启用' }).count()).toBe(0);
    await admin.close();
  });

  it('the draft is kept on the server: found from another browser; a stale window is told; a draft made on an older version is not restored', async () => {
    const first = await login('admin');
    await first.goto(`${h.baseUrl}/#/admin/roles`);
    await first.getByLabel('岗位 supervisor 中文名称').fill('客服主任');
    await expect.poll(() => first.getByTestId('draft-save-state').getAttribute('data-state')).toBe('saved');

    // another browser (own cookies, own storage): the same draft
    const second = await login('admin');
    await second.goto(`${h.baseUrl}/#/admin/roles`);
    await expect.poll(() => second.getByTestId('draft-status').textContent()).toContain('已恢复上次未提交的草稿');
    await expect.poll(() => second.getByLabel('岗位 supervisor 中文名称').inputValue()).toBe('客服主任');
    await second.getByLabel('岗位 manager 中文名称').fill('客服部经理');
    await expect.poll(() => second.getByTestId('draft-save-state').getAttribute('data-state')).toBe('saved');

    // the first window has not seen that save: its next save is refused, and it says so
    await first.getByLabel('岗位 supervisor 中文名称').fill('客服主任（值班）');
    await first.getByTestId('draft-conflict').waitFor();
    await h.screenshot(first, 'admin-review-04-draft-conflict');
    await first.getByRole('button', { name: '载入最新草稿' }).click();
    await expect.poll(() => first.getByLabel('岗位 manager 中文名称').inputValue()).toBe('客服部经理');
    await first.close();

    // a version activated meanwhile: the draft made on the older one is not restored, and can be discarded
    const token = await h.kernel.login('admin');
    const v = await h.kernel.call(token, 'POST', '/api/config/versions', { reason: '日历', patch: { calendar: { holidays: ['2026-12-31'] } } });
    expect((await h.kernel.call(token, 'POST', `/api/config/versions/${(v.json() as { number: number }).number}/activate`, {})).statusCode).toBe(200);
    await second.reload();
    await second.getByTestId('draft-superseded').waitFor();
    expect(await second.getByTestId('draft-superseded').textContent()).toContain('不能提交或启用');
    expect(await second.getByLabel('岗位 manager 中文名称').inputValue()).toBe('客服经理');
    await second.getByRole('button', { name: '放弃过时的草稿' }).click();
    await expect.poll(() => second.getByTestId('draft-superseded').count()).toBe(0);
    await expect.poll(async () => (await h.kernel.call(token, 'GET', '/api/config/drafts/mine')).statusCode).toBe(404);
    await second.close();
  });

  it('the workflow page speaks in titles and is short', async () => {
    const admin = await login('admin');
    await admin.goto(`${h.baseUrl}/#/admin/workflow`);
    await admin.getByTestId('workflow-diagram').waitFor();
    const page = admin.locator('wy-admin-workflow-page');
    const text = await seenText(page);
    expect(text).toContain('回访不满意，整改中');
    // ids of transitions, states and forms (the English names the admin may edit are not ids)
    expectWords(text, ['followUpUnsatisfied', 'followUpSatisfied', 'reclassify', 'explaining', 'classification', 'workingDays']);
    const height = await admin.evaluate(() => document.documentElement.scrollHeight);
    // 3,000 px until the page also held 转为其他业务 (the complaint's conversions, each one collapsed line)
    expect(height).toBeLessThan(3400);
    // a transition opens to be edited
    await admin.locator('[data-transition="followUpUnsatisfied"] > summary').click();
    await admin.getByLabel('回访不满意，整改 · 目标状态').waitFor();
    await admin.locator('[data-transition="followUpUnsatisfied"] > summary').click();
    await h.screenshot(admin, 'admin-review-05-workflow');
    await admin.close();
  });
});
