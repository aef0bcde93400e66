/**
 * Fee tables (收费标准) in the configuration editor, in Chromium, as the company admin: a new
 * management-fee rate effective 2027-01-01 is added without touching the old row, the fee dry
 * run shows the new amount for 2027-01 and the old one for 2026-12 (area × rate, exact), invalid
 * edits (a negative rate, a malformed date) are shown on their controls and refused by the server
 * with the version in force unchanged; the valid change is proposed and activated, and over the
 * API the new rate is in force from 2027-01 only. Server issues read in Chinese. Paid services are
 * loaded too, as a company running billing would have them.
 * Screenshots: test-results/screenshots/fees-*.png
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import path from 'node:path';
import { SCREENSHOT_DIR, startBrowserHarness, type BrowserHarness } from './browser-harness.js';
import { tab } from './admin-procedures-steps.js';

let h: BrowserHarness;
const pageErrors: string[] = [];
const CONFIG = '/document/plugins/billing/config';
const RATE_2027 = `${CONFIG}/feeItems/management/rates/1/byUnitType/residential`;
const FROM_2027 = `${CONFIG}/feeItems/management/rates/1/from`;

beforeAll(async () => {
  h = await startBrowserHarness({ plugins: ['service-desk', 'complaints', 'billing', 'paid-services'], startAt: '2026-11-10T09:00:00+08:00' });
});
afterAll(async () => h?.close());
afterEach(() => expect(pageErrors).toEqual([]));

function login(username: string): Promise<Page> {
  return h.signedIn(username, pageErrors);
}

async function shotOf(part: Locator, name: string): Promise<void> {
  await part.scrollIntoViewIfNeeded();
  await part.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
}

const issueOn = (page: Page, pointer: string): Locator => page.locator(`[data-issue-for="${pointer}"]`);

let adminToken = '';
async function api<T>(method: 'GET' | 'POST', url: string, body?: unknown, status = 200): Promise<T> {
  adminToken ||= await h.kernel.login('admin');
  const res = await h.kernel.call(adminToken, method, url, body);
  expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(status);
  return res.json() as T;
}

const currentVersion = async () => (await api<{ version: number }>('GET', '/api/config')).version;

interface Preview { period: { start: string; dueOn: string }; lines: { feeCode: string; amount: string; unitPrice: string; rateFrom: string }[]; total: string }
const sampleUnit = { area: '89.50', unitType: 'residential', status: 'occupied' };

/** Runs the fee dry run for a period and returns the management line's cells on both sides. */
async function dryRun(page: Page, periodKey: string) {
  const box = page.locator('wy-admin-fee-dry-run');
  await box.getByLabel('建筑面积（㎡）', { exact: true }).fill('89.50');
  await box.getByLabel('房屋类型', { exact: true }).selectOption({ label: '住宅' });
  await box.getByLabel('房屋状态', { exact: true }).selectOption({ label: '已入住' });
  await box.getByLabel('账期', { exact: true }).fill(periodKey);
  await box.getByRole('button', { name: '试算' }).click();
  const results = box.getByTestId('fee-dry-run-results');
  await results.waitFor();
  const cell = (side: string, c: string) => results.locator(`[data-side="${side}"] [data-line="management"] [data-cell="${c}"]`);
  await expect.poll(() => results.locator('[data-side="draft"] [data-date="start"]').textContent()).toBe(`${periodKey}-01`);
  return {
    draftAmount: () => cell('draft', 'amount').textContent(),
    draftRateFrom: () => cell('draft', 'rateFrom').textContent(),
    draftPrice: () => cell('draft', 'unitPrice').textContent(),
    currentAmount: () => cell('current', 'amount').textContent(),
    results,
  };
}

describe('fee tables in the configuration editor', { timeout: 180_000 }, () => {
  /** one admin session for the whole story: the draft lives in it from edit to activation */
  let admin: Page;

  it('is offered to the admin when billing is enabled; a new rate row is dry-run for 2027-01 and 2026-12', async () => {
    expect(await currentVersion()).toBe(1);
    admin = await login('admin');
    await admin.getByTestId('admin-nav').getByRole('link', { name: '收费标准' }).click();
    await admin.getByRole('heading', { name: '系统配置' }).waitFor();
    await admin.getByRole('heading', { name: '收费项目', exact: true }).waitFor();

    await shotOf(admin.locator('section.card', { has: admin.getByRole('heading', { name: '收费周期', exact: true }) }), 'fees-00a-cycle');
    await shotOf(admin.locator('section.card', { has: admin.getByRole('heading', { name: '比例、取整与滞纳金', exact: true }) }), 'fees-00b-shares');
    await shotOf(admin.locator('section.card', { has: admin.getByRole('heading', { name: '收款与催缴', exact: true }) }), 'fees-00c-collection');
    const management = admin.locator('wy-admin-fee-item[data-fee="management"]');
    // the old row, as the plugin declares it
    expect(await management.getByLabel('物业管理费 · 2026-01-01 · 住宅').inputValue()).toBe('2.50');
    await management.getByLabel('物业管理费 · 新费率的生效日期').fill('2027-01-01');
    await management.getByRole('button', { name: '添加费率' }).click();
    const newRate = management.getByLabel('物业管理费 · 2027-01-01 · 住宅');
    // the new row starts as a copy of the latest rates
    expect(await newRate.inputValue()).toBe('2.50');
    await newRate.fill('2.80');
    await newRate.press('Tab');
    expect(await management.getByLabel('物业管理费 · 2026-01-01 · 住宅').inputValue()).toBe('2.50');
    expect(await management.getByLabel('物业管理费 · 2027-01-01 · 商业').inputValue()).toBe('6.80');
    await expect.poll(() => admin.getByTestId('draft-status').textContent()).toContain('处修改');

    // 89.50 m² × 2.80 = 250.60 under the draft in 2027-01; in force: 89.50 × 2.50 = 223.75
    let run = await dryRun(admin, '2027-01');
    await expect.poll(run.draftAmount).toBe('250.60');
    expect(await run.draftPrice()).toBe('2.80');
    expect(await run.draftRateFrom()).toBe('2027-01-01');
    expect(await run.currentAmount()).toBe('223.75');
    await h.screenshot(admin, 'fees-01-new-rate-dry-run-2027-01');
    await shotOf(run.results, 'fees-01b-dry-run-2027-01');

    // 2026-12 still bills the old rate under the draft
    run = await dryRun(admin, '2026-12');
    await expect.poll(run.draftAmount).toBe('223.75');
    expect(await run.draftRateFrom()).toBe('2026-01-01');
    await shotOf(run.results, 'fees-02-dry-run-2026-12');
  });

  it('a negative rate and a malformed date are shown on their controls; the proposal is refused and the version in force stays', async () => {
    await admin.reload();
    const management = admin.locator('wy-admin-fee-item[data-fee="management"]');
    // the draft of the first test survived the reload
    const rate = management.getByLabel('物业管理费 · 2027-01-01 · 住宅');
    await expect.poll(() => rate.inputValue()).toBe('2.80');

    await rate.fill('-3');
    await rate.press('Tab');
    await expect.poll(() => issueOn(admin, RATE_2027).textContent()).toContain('费率不能为负数');
    expect(await rate.getAttribute('aria-invalid')).toBe('true');

    const from = management.getByLabel('物业管理费 · 第 2 行 · 生效日期');
    await from.fill('2027-1-1');
    await from.press('Tab');
    await expect.poll(() => issueOn(admin, FROM_2027).textContent()).toContain('日期格式应为 YYYY-MM-DD');
    expect(await from.getAttribute('aria-invalid')).toBe('true');
    await h.screenshot(admin, 'fees-03-invalid-edits');
    await shotOf(management, 'fees-03b-invalid-controls');

    // the server refuses the proposal: its problems are listed in Chinese, linked to the fee tables
    await tab(admin, '审阅与启用');
    await admin.getByLabel('修改原因（必填）').fill('测试：负数费率与错误日期');
    await admin.getByRole('button', { name: '提交（待启用）' }).click();
    await expect.poll(() => admin.getByTestId('review-message').textContent()).toContain('提交被拒绝');
    expect(await currentVersion()).toBe(1);
    const problems = admin.getByTestId('problems');
    await expect.poll(() => problems.textContent()).toContain('收费项目「物业管理费」');
    expect(await problems.textContent()).toContain('日期格式应为 YYYY-MM-DD');
    expect(await problems.textContent()).toContain('不能为负数');
    expect(await problems.textContent()).not.toContain('must match pattern');
    await h.screenshot(admin, 'fees-04-refused');
    const refused = await h.kernel.call(adminToken, 'POST', '/api/config/versions', {
      patch: { plugins: { billing: { config: { feeItems: { management: { rates: [{ from: '2026-01-01', byUnitType: { residential: '2.50' } }, { from: '2027-01-01', byUnitType: { residential: '-3' } }] } } } } } }, reason: 'x',
    });
    expect(refused.statusCode).toBe(400);
    expect((refused.json() as { issues: { pointer: string }[] }).issues.map((i) => i.pointer)).toContain(RATE_2027);
    expect(await currentVersion()).toBe(1);

    // the problem's link opens the fee tables at the control
    await problems.getByRole('link', { name: /生效日期/ }).first().click();
    await admin.getByRole('heading', { name: '收费项目', exact: true }).waitFor();
    await expect.poll(() => issueOn(admin, FROM_2027).count()).toBe(1);
  });

  it('the valid change is activated; the new rate is in force from 2027-01 only', async () => {
    const management = admin.locator('wy-admin-fee-item[data-fee="management"]');
    const from = management.getByLabel('物业管理费 · 第 2 行 · 生效日期');
    await from.fill('2027-01-01');
    await from.press('Tab');
    const rate = management.getByLabel('物业管理费 · 2027-01-01 · 住宅');
    await rate.fill('2.80');
    await rate.press('Tab');
    // the server's problems stay until the draft is checked again
    await admin.getByRole('button', { name: '检查', exact: true }).click();
    await expect.poll(() => admin.getByRole('status').filter({ hasText: '检查通过' }).count()).toBe(1);
    expect(await admin.locator('[data-issue-for]').count()).toBe(0);
    await h.screenshot(admin, 'fees-05-fixed');

    await tab(admin, '审阅与启用');
    await admin.getByLabel('修改原因（必填）').fill('2027年起住宅物业管理费调整为2.80元/㎡·月');
    await admin.getByRole('button', { name: '提交（待启用）' }).click();
    await expect.poll(() => admin.getByTestId('review-message').textContent(), { timeout: 30_000 }).toContain('已提交为版本 2');
    await admin.getByRole('button', { name: '启用版本 2' }).click();
    // 启用 asks first, with the change in words
    const dialog = admin.getByTestId('activate-dialog');
    await expect.poll(() => dialog.getByTestId('changes').textContent()).toContain('2027-01-01 起：住宅 2.80');
    await dialog.getByRole('button', { name: '确认启用版本 2' }).click();
    await expect.poll(() => admin.getByTestId('review-message').textContent(), { timeout: 30_000 }).toContain('已启用版本 2');
    await h.screenshot(admin, 'fees-06-activated');
    await admin.close();

    expect(await currentVersion()).toBe(2);
    const config = await api<{ document: unknown; effective: { plugins: { billing: { manifest: { config: { defaults: { feeItems: Record<string, { rates: unknown[] }> } } } } } } }>('GET', '/api/config');
    expect(config.effective.plugins.billing.manifest.config.defaults.feeItems.management!.rates).toEqual([
      { from: '2026-01-01', byUnitType: { residential: '2.50', commercial: '6.80' } },
      { from: '2027-01-01', byUnitType: { residential: '2.80', commercial: '6.80' } },
    ]);
    const jan = await api<Preview>('POST', '/api/billing/preview', { unit: sampleUnit, periodKey: '2027-01' });
    const dec = await api<Preview>('POST', '/api/billing/preview', { unit: sampleUnit, periodKey: '2026-12' });
    expect(jan.lines.find((l) => l.feeCode === 'management')).toMatchObject({ amount: '250.60', unitPrice: '2.80', rateFrom: '2027-01-01' });
    expect(dec.lines.find((l) => l.feeCode === 'management')).toMatchObject({ amount: '223.75', unitPrice: '2.50', rateFrom: '2026-01-01' });
  });
});
