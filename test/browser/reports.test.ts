/**
 * The statistics dashboard (统计) and the follow-ups page in Chromium, on a month seeded over the
 * API with every plugin loaded: complaints (one followed up satisfied on site, one unsatisfied by
 * phone), a paid-service order, a plumbing repair, billing for the month with one payment. The
 * manager opens 统计 for 2026-11: KPI figures equal the JSON report; breakdowns are compact tables,
 * a single value is a one-line fact (no chart), the case types without data share one line and the
 * page is short (measured); billing's collection rates are shown, the export downloads an .xlsx
 * that exceljs opens; a repair's category is not shown as its 严重程度; the follow-ups page filters
 * by case type and shows each policy once (次月10日前, not 次月10日前内). A front-desk account has no
 * 统计 entry. Screenshots (desktop and 390×844): test-results/screenshots/reports-*.png
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import path from 'node:path';
import { SCREENSHOT_DIR, startBrowserHarness, type BrowserHarness, signIn } from './browser-harness.js';

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
  complaintId = c1.id;
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
  repairId = (await api<Case>('frontdesk', 'POST', '/api/cases/repair', {
    projectId: CH, data: { channel: 'phone', customerName: '王芳', contactPhone: '13800000002', appointmentAt: '2026-11-03T14:00:00+08:00', area: 'commonArea', location: '3栋', category: 'plumbing', content: '楼道水管渗水' },
  })).id;
  const bill = await api<{ items: { principal: string }[] }>('finance', 'GET', `/api/billing/bills?unitId=${reg.units.get('CH/1/101')!.id}&periodKey=${MONTH}`);
  await api('cashier', 'POST', '/api/billing/payments', { unitId: reg.units.get('CH/1/101')!.id, amount: bill.items[0]!.principal, method: 'cash' });
  await at('2026-11-20 10:00');
}

let repairId = 0;
let complaintId = 0;

beforeAll(async () => {
  // every procedure, as a company runs them: the page must stay short with a dozen case types
  h = await startBrowserHarness({ plugins: ['service-desk', 'billing', 'paid-services', 'complaints', 'intake', 'renovation', 'community-events', 'parcel-desk'], startAt: '2026-10-20T08:00:00+08:00' });
  await seed();
}, 120_000);
afterAll(async () => h?.close());
afterEach(() => expect(pageErrors).toEqual([]));

async function login(username: string, language: 'zh-CN' | 'en' = 'zh-CN'): Promise<Page> {
  const page = await h.newPage({ language });
  await page.clock.setFixedTime(h.kernel.clock.now());
  page.on('pageerror', (err) => pageErrors.push(err.message));
  await signIn(page, h.baseUrl, username);
  return page;
}

interface Report { caseTypes: { caseType: string; title: { 'zh-CN': string }; cases: { total: number; closed: number; overdue: number }; followUps: { rate: string | null } | null }[] }

describe('statistics dashboard', { timeout: 180_000 }, () => {
  it('the manager sees the month per case type in a short page: figures, compact tables, no chart for a single value', async () => {
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
    await complaint.getByRole('heading', { name: '客户投诉' }).waitFor();
    const report = await api<Report>('manager', 'GET', `/api/reports/monthly?month=${MONTH}`);
    const figures = report.caseTypes.find((c) => c.caseType === 'complaint')!;
    const kpi = (name: string) => complaint.locator('.kpi', { hasText: name }).locator('.v').textContent();
    expect(await kpi('登记')).toBe(String(figures.cases.total));
    expect(await kpi('已结案')).toBe(String(figures.cases.closed));
    const pct = (share: string | null | undefined) => `${Number(share) * 100}%`;
    expect(await kpi('回访率')).toBe(pct(figures.followUps!.rate));
    // three categories: a table of three rows; one severity (all 轻微): a fact on one line, no chart
    const byCategory = complaint.locator('wy-breakdown', { has: page.locator('caption', { hasText: /^投诉类别$/ }) });
    await expect.poll(() => byCategory.locator('tbody tr').count()).toBe(3);
    expect(await complaint.getByTestId('facts').textContent()).toMatch(/严重程度\s*轻微\s*3/);
    expect(await complaint.locator('wy-breakdown', { has: page.locator('caption', { hasText: /^严重程度$/ }) }).count()).toBe(0);
    // no section draws a chart: counts are read from tables; the one chart compares the case types
    expect(await page.locator('section[data-case-type] wy-chart').count()).toBe(0);
    expect(await page.getByTestId('overview').locator('wy-chart').count()).toBe(1);
    await expect.poll(() => complaint.getByTestId('dissatisfaction').textContent()).toContain('夜间仍有噪音');
    // the deadline table's last column is the share met on time (达标率), not billing's 收缴率
    expect(await complaint.getByTestId('deadlines').locator('thead th').last().textContent()).toBe('达标率');
    // a repair's category is a category, not a severity
    const repair = page.locator('section[data-case-type="repair"]');
    expect(await repair.getByTestId('facts').textContent()).toMatch(/报修类别\s*给排水\s*1/);
    expect(await repair.textContent()).not.toContain('严重程度');
    // the case types with nothing this month share one line
    const empty = page.getByTestId('empty-types');
    expect(await empty.textContent()).toContain('装修');
    expect(await page.locator('section[data-case-type="renovation"]').count()).toBe(0);
    // billing's collection rates: one household of the project paid
    const rates = page.getByTestId('collection-rates-panel');
    await expect.poll(() => rates.locator('tr[data-label="thisMonth"] [data-cell="rate"]').textContent()).toMatch(/%$/);
    const table = page.getByTestId('follow-up-rates');
    expect(await table.locator('tr[data-case-type="complaint"] [data-cell="rate"]').textContent()).toBe(pct(figures.followUps!.rate));
    // nothing of the repairs is due for a follow-up this month: not judged, not 0 % in red
    const repairRate = table.locator('tr[data-case-type="repair"] [data-cell="rate"]');
    expect(await repairRate.textContent()).toBe('无应回访');
    expect(await repairRate.getAttribute('class')).not.toContain('bad');
    // the whole month of every procedure fits in about three screens (it was ~7,000 px of charts)
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    console.log(`统计 page height at 1280×900: ${height} px`);
    expect(height).toBeLessThan(2700);
    await h.screenshot(page, 'reports-01-dashboard');
    await page.setViewportSize({ width: 390, height: 844 });
    await expect.poll(() => page.evaluate(() => document.documentElement.clientWidth)).toBe(390);
    await h.screenshot(page, 'reports-01-dashboard-phone');
    // on a phone every card keeps its content inside (the 办理时限 table ran off the right edge):
    // no card wider than its box, no page-wide sideways scroll; a wide table scrolls inside its card
    const overflowing = await page.locator('section.card.type').evaluateAll((cards) => cards
      .filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => `${el.getAttribute('data-case-type')}: ${el.scrollWidth} > ${el.clientWidth}`));
    expect(overflowing).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // the 办理时限 table fits its card: every column readable without scrolling it sideways
    const cutOff = await page.locator('[data-testid="deadlines"]').evaluateAll((boxes) => boxes
      .filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => `${el.closest('section')?.getAttribute('data-case-type')}: ${el.scrollWidth} > ${el.clientWidth}`));
    expect(cutOff).toEqual([]);
    // the sections at full resolution, to look at on a phone
    await complaint.screenshot({ path: path.join(SCREENSHOT_DIR, 'reports-01-dashboard-phone-complaint.png') });
    await page.locator('section.card', { has: page.getByTestId('follow-up-rates') }).screenshot({ path: path.join(SCREENSHOT_DIR, 'reports-01-dashboard-phone-rates.png') });
  });

  it('a repair’s case page does not show its category as 严重程度; a complaint’s does show its severity', async () => {
    const page = await login('manager');
    await page.goto(`${h.baseUrl}/#/cases/repair/${repairId}`);
    await page.getByTestId('case-serial').waitFor();
    const facts = page.locator('wy-case-header dl');
    await expect.poll(() => facts.textContent()).toContain('翠湖花园');
    expect(await facts.textContent()).not.toContain('严重程度');
    expect(await facts.textContent()).not.toContain('给排水');
    await page.goto(`${h.baseUrl}/#/cases/complaint/${complaintId}`);
    await page.getByTestId('case-serial').waitFor();
    await expect.poll(() => facts.textContent()).toMatch(/严重程度\s*轻微/);
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
    expect(wb.worksheets.map((w) => w.name)).toEqual(['概况', '按状态', '按分类', '按严重程度', '按项目', '办理时限', '回访', '管理人员抽查', '不满意原因', '不满意意见', '目标达成', '短信与微信']);
  });

  it('in English, one project', async () => {
    const page = await login('manager');
    await page.getByRole('button', { name: 'English' }).click();
    await page.goto(`${h.baseUrl}/#/reports?month=${MONTH}&projectId=${h.registry.projects.get('CH')!.id}`);
    await page.getByRole('heading', { name: 'Statistics', exact: true }).waitFor();
    await page.locator('section[data-case-type="complaint"] wy-breakdown').first().waitFor();
    await page.waitForTimeout(200);
    await h.screenshot(page, 'reports-02-dashboard-en');
  });

  it('the follow-ups page shows each policy once, filters by case type, and words a day-of-month limit as 次月10日前', async () => {
    const page = await login('supervisor');
    await page.getByRole('link', { name: '回访', exact: true }).click();
    await page.getByRole('heading', { name: '回访', exact: true }).waitFor();
    const table = page.getByTestId('follow-up-rates');
    await expect.poll(() => table.locator('tbody tr').count()).toBeGreaterThanOrEqual(3);
    // every policy is printed once: in the rates table's 回访要求 column
    const complaintPolicy = (await table.locator('tr[data-case-type="complaint"] td.policy').textContent())!;
    expect(complaintPolicy).toContain('3天内');
    expect(await page.getByText(complaintPolicy).count()).toBe(1);
    const orderPolicy = (await table.locator('tr[data-case-type="serviceOrder"] td.policy').textContent())!;
    expect(orderPolicy).toContain('次月10日前');
    expect(await page.getByText(orderPolicy).count()).toBe(1);
    expect(await page.getByText('日前内').count()).toBe(0);
    // a repair's windows are per category, labelled as such
    expect(await table.locator('tr[data-case-type="repair"] td.policy').textContent()).toMatch(/按报修类别：.*房屋渗漏水 3天内/);
    await h.screenshot(page, 'reports-03-follow-ups');
    await page.setViewportSize({ width: 390, height: 844 });
    await expect.poll(() => page.evaluate(() => document.documentElement.clientWidth)).toBe(390);
    await h.screenshot(page, 'reports-03-follow-ups-phone');
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByTestId('follow-up-case-type').selectOption('complaint');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(1);
    expect(await page.getByTestId('follow-up-policies').locator('li').count()).toBe(0);
    await page.getByLabel('状态').selectOption('done');
    const done = page.locator('.card').first().locator('table tbody tr');
    await expect.poll(() => done.count()).toBe(2);
    expect(await done.allTextContents()).toEqual([expect.stringMatching(/\s满意/), expect.stringContaining('不满意')]);
  });

  it('a role without the statistics still sees the follow-up policies, once', async () => {
    const page = await login('assistant');
    await page.getByRole('link', { name: '回访', exact: true }).click();
    await page.getByRole('heading', { name: '回访', exact: true }).waitFor();
    const policies = page.getByTestId('follow-up-policies');
    await expect.poll(() => policies.locator('li').count()).toBeGreaterThanOrEqual(3);
    expect(await page.getByTestId('follow-up-rates').count()).toBe(0);
    const items = (await policies.locator('li').allTextContents()).map((i) => i.trim());
    expect(new Set(items).size).toBe(items.length);
    expect(items.join('')).not.toContain('日前内');
    // the repair's per-category windows in words, without the statistics' help
    expect(items.find((i) => i.startsWith('报修'))).toMatch(/按报修类别：.*房屋渗漏水 3天内/);
  });

  it('the front desk has no 统计 entry and the API refuses', async () => {
    const page = await login('frontdesk');
    expect(await page.getByTestId('reports-nav').count()).toBe(0);
    const res = await h.kernel.call(await h.kernel.login('frontdesk'), 'GET', `/api/reports/monthly?month=${MONTH}`);
    expect(res.statusCode).toBe(403);
  });
});
