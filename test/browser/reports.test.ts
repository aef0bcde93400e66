/**
 * The statistics dashboard (统计) and the follow-ups page in Chromium, on a month seeded over the
 * API: complaints (one followed up satisfied on site, one unsatisfied by phone), a paid-service
 * order, billing for the month with one payment. The manager opens 统计 for 2026-11: KPI figures
 * equal the JSON report, every section draws its chart (canvas), billing's collection rates are
 * shown, the export downloads an .xlsx that exceljs opens; the follow-ups page filters by case type
 * and shows the policy and the rates. A front-desk account has no 统计 entry.
 * Screenshots: test-results/screenshots/reports-*.png
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { startBrowserHarness, type BrowserHarness } from './browser-harness.js';

let h: BrowserHarness;
const pageErrors: string[] = [];
const bj = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`);
const MONTH = '2026-11';

const tokens = new Map<string, string>();
async function api<T>(username: string, method: 'GET' | 'POST', url: string, body?: unknown): Promise<T> {
  if (!tokens.has(username)) tokens.set(username, await h.kernel.login(username));
  const res = await h.kernel.call(tokens.get(username)!, method, url, body);
  expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
  return res.json() as T;
}
type Case = { id: number; version: number };
const take = async (as: string, type: string, c: Case, transition: string, data?: Record<string, unknown>) => {
  const current = await api<Case>(as, 'GET', `/api/cases/${type}/${c.id}`);
  return api<Case>(as, 'POST', `/api/cases/${type}/${c.id}/transitions/${transition}`, { version: current.version, ...(data ? { data } : {}) });
};
const followUp = async (as: string, type: string, c: Case, data: Record<string, unknown>) => {
  const current = await api<Case & { followUps: { id: number; status: string }[] }>(as, 'GET', `/api/cases/${type}/${c.id}`);
  const due = current.followUps.find((f) => f.status === 'due')!;
  await api(as, 'POST', `/api/follow-ups/${due.id}/complete`, { caseVersion: current.version, data });
};
const at = async (local: string) => { h.kernel.clock.set(bj(local)); await h.kernel.runJobs(); };

async function seed() {
  const reg = h.registry;
  const CH = reg.projects.get('CH')!.id;
  await at('2026-10-20 09:00');
  await api('finance', 'POST', '/api/billing/runs', { periodKey: MONTH, projectId: CH });
  await at('2026-11-02 09:00');
  const complaint = (unit: string, category: string) => api<Case>('frontdesk', 'POST', '/api/cases/complaint', {
    projectId: CH, unitId: reg.units.get(unit)!.id, data: { channel: 'phone', complainantName: '张伟', contactPhone: '13800000001', content: `${category} 投诉` },
  }).then(async (c) => take('supervisor', 'complaint', c, 'classify', { nature: 'valid', severity: 'minor', category }));
  const c1 = await complaint('CH/1/101', 'repair');
  const c2 = await complaint('CH/1/102', 'noise');
  await complaint('CH/1/201', 'parking');
  for (const c of [c1, c2]) {
    await take('engineering', 'complaint', c, 'handle', { cause: '原因', correctiveAction: '处理', handledBy: '韩志' });
    await take('frontdesk', 'complaint', c, 'reply', { replyMethod: 'phone', replyContent: '已处理' });
  }
  await at('2026-11-03 10:00');
  await followUp('manager', 'complaint', c1, { method: 'onSite', satisfied: true, satisfaction: 'verySatisfied' });
  await followUp('supervisor', 'complaint', c2, { method: 'phone', satisfied: false, satisfaction: 'unsatisfied', shortcomings: '夜间仍有噪音', visitorNote: '电话回访' });
  const order = await api<Case>('frontdesk', 'POST', '/api/cases/serviceOrder', {
    projectId: CH, unitId: reg.units.get('CH/1/101')!.id,
    data: { channel: 'phone', customerName: '张伟', contactPhone: '13800000001', serviceItem: 'tapValve', appointmentAt: '2026-11-03T14:00:00+08:00', description: '水龙头滴水' },
  });
  await take('assistant', 'serviceOrder', order, 'accept', {});
  const bill = await api<{ items: { principal: string }[] }>('finance', 'GET', `/api/billing/bills?unitId=${reg.units.get('CH/1/101')!.id}&periodKey=${MONTH}`);
  await api('cashier', 'POST', '/api/billing/payments', { unitId: reg.units.get('CH/1/101')!.id, amount: bill.items[0]!.principal, method: 'cash' });
  await at('2026-11-20 10:00');
}

beforeAll(async () => {
  h = await startBrowserHarness({ plugins: ['service-desk', 'billing', 'paid-services', 'complaints'], startAt: '2026-10-20T08:00:00+08:00' });
  await seed();
}, 120_000);
afterAll(async () => h?.close());
afterEach(() => expect(pageErrors).toEqual([]));

async function login(username: string, language: 'zh-CN' | 'en' = 'zh-CN'): Promise<Page> {
  const page = await h.newPage({ language });
  await page.clock.setFixedTime(h.kernel.clock.now());
  page.on('pageerror', (err) => pageErrors.push(err.message));
  await page.goto(h.baseUrl);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill('wuye2026');
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('heading', { name: '工作台' }).waitFor();
  return page;
}

interface Report { caseTypes: { caseType: string; title: { 'zh-CN': string }; cases: { total: number; closed: number; overdue: number }; followUps: { rate: string | null } | null }[] }

describe('statistics dashboard', { timeout: 180_000 }, () => {
  it('the manager sees the month per case type with charts, collection rates and the rates table', async () => {
    const page = await login('manager');
    await page.getByTestId('reports-nav').click();
    await page.getByRole('heading', { name: '统计', exact: true }).waitFor({ timeout: 30_000 }).catch(async (err: Error) => {
      await h.screenshot(page, 'reports-00-failed');
      throw err;
    });
    await page.getByLabel('月份').fill(MONTH);
    await page.getByLabel('月份').dispatchEvent('change');
    await expect.poll(() => page.url()).toContain(`month=${MONTH}`);
    const complaint = page.locator('section[data-case-type="complaint"]');
    await complaint.getByRole('heading', { name: '投诉' }).waitFor();
    const report = await api<Report>('manager', 'GET', `/api/reports/monthly?month=${MONTH}`);
    const figures = report.caseTypes.find((c) => c.caseType === 'complaint')!;
    const kpi = (name: string) => complaint.locator('.kpi', { hasText: name }).locator('.v').textContent();
    expect(await kpi('登记')).toBe(String(figures.cases.total));
    expect(await kpi('已结案')).toBe(String(figures.cases.closed));
    const pct = (share: string | null | undefined) => `${Number(share) * 100}%`;
    expect(await kpi('回访率')).toBe(pct(figures.followUps!.rate));
    // every chart of the section has drawn onto its canvas
    await expect.poll(() => complaint.locator('wy-chart canvas').count()).toBeGreaterThanOrEqual(5);
    await expect.poll(() => complaint.locator('wy-chart canvas').evaluateAll((cs) => cs.every((c) => (c as HTMLCanvasElement).width > 0))).toBe(true);
    await expect.poll(() => page.locator('section[data-case-type="serviceOrder"] wy-chart canvas').count()).toBeGreaterThanOrEqual(2);
    await expect.poll(() => complaint.getByTestId('dissatisfaction').textContent()).toContain('夜间仍有噪音');
    // billing's collection rates: one household of the project paid
    const rates = page.getByTestId('collection-rates-panel');
    await expect.poll(() => rates.locator('tr[data-label="thisMonth"] [data-cell="rate"]').textContent()).toMatch(/%$/);
    expect(await rates.locator('canvas').count()).toBe(1);
    const table = page.getByTestId('follow-up-rates');
    expect(await table.locator('tr[data-case-type="complaint"] [data-cell="rate"]').textContent()).toBe(pct(figures.followUps!.rate));
    await page.waitForTimeout(200);
    await h.screenshot(page, 'reports-01-dashboard');
  });

  it('export downloads the month as .xlsx that opens with the same figures', async () => {
    const page = await login('manager');
    await page.goto(`${h.baseUrl}/#/reports?month=${MONTH}`);
    await page.locator('section[data-case-type="complaint"]').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export').click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await readFile((await download.path())!)) as unknown as ArrayBuffer);
    const overview = wb.getWorksheet('概况')!;
    const report = await api<Report>('manager', 'GET', `/api/reports/monthly?month=${MONTH}`);
    const c = report.caseTypes.find((x) => x.caseType === 'complaint')!;
    const row = overview.getRows(2, overview.rowCount - 1)!.find((r) => r.getCell(1).value === c.title['zh-CN'])!;
    expect([row.getCell(2).value, row.getCell(3).value, row.getCell(9).value]).toEqual([c.cases.total, c.cases.closed, Number(c.followUps!.rate)]);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['概况', '按状态', '按分类', '按严重程度', '按项目', '办理时限', '回访', '管理人员抽查', '不满意原因', '不满意意见']);
  });

  it('in English, one project', async () => {
    const page = await login('manager');
    await page.getByRole('button', { name: 'English' }).click();
    await page.goto(`${h.baseUrl}/#/reports?month=${MONTH}&projectId=${h.registry.projects.get('CH')!.id}`);
    await page.getByRole('heading', { name: 'Statistics', exact: true }).waitFor();
    await page.locator('section[data-case-type="complaint"] wy-chart canvas').first().waitFor();
    await page.waitForTimeout(200);
    await h.screenshot(page, 'reports-02-dashboard-en');
  });

  it('the follow-ups page filters by case type and shows the policy and the month’s rates', async () => {
    const page = await login('supervisor');
    await page.getByRole('link', { name: '回访', exact: true }).click();
    await page.getByRole('heading', { name: '回访', exact: true }).waitFor();
    const policies = page.getByTestId('follow-up-policies');
    await expect.poll(() => policies.locator('li').count()).toBeGreaterThanOrEqual(3);
    await page.getByTestId('follow-up-case-type').selectOption('complaint');
    await expect.poll(() => policies.locator('li').count()).toBe(1);
    expect(await policies.textContent()).toContain('3天内');
    await expect.poll(() => page.getByTestId('follow-up-rates').locator('tbody tr').count()).toBe(1);
    await page.getByLabel('状态').selectOption('done');
    const done = page.locator('.card').first().locator('table tbody tr');
    await expect.poll(() => done.count()).toBe(2);
    expect(await done.allTextContents()).toEqual([expect.stringMatching(/\s满意/), expect.stringContaining('不满意')]);
    await h.screenshot(page, 'reports-03-follow-ups');
  });

  it('the front desk has no 统计 entry and the API refuses', async () => {
    const page = await login('frontdesk');
    expect(await page.getByTestId('reports-nav').count()).toBe(0);
    const res = await h.kernel.call(await h.kernel.login('frontdesk'), 'GET', `/api/reports/monthly?month=${MONTH}`);
    expect(res.statusCode).toBe(403);
  });
});
