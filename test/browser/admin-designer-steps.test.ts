/**
 * The workflow designer's declared steps in Chromium (issue 17), on a company's own key-lending
 * type, with one server never restarted: the admin adds to 归还钥匙 a 追加记录 step (a stamped row
 * in 借还记录), makes the return deadline take 标记逾期 when it runs out, declares 转为其他业务 →
 * 客户投诉 with fields carried over by title, lets the dry run wait past the deadline and reads what
 * happens, then proposes and activates. Staff then return a key (the row is appended), convert a
 * loan into a complaint (the loan ends), and, the test clock moved past the deadline and the jobs
 * run, an overdue loan is marked 逾期未还 by the platform.
 * Screenshots: test-results/screenshots/admin-designer-steps-*.png (desktop and 390×844).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startBrowserHarness, type BrowserHarness } from './browser-harness.js';
import { tab } from './admin-procedures-steps.js';

let h: BrowserHarness;
const pageErrors: string[] = [];
// Friday 2026-11-06 09:00 Beijing: the loan's one working day ends on Monday night
const START = '2026-11-06T09:00:00+08:00';

/** TEST DATA: the key-lending type (test/fixtures/company-case-types/key-loan.json) with a 借还记录 list and a 逾期未还 state the platform moves it to. */
function keyLoan(): Record<string, unknown> {
  const def = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/company-case-types/key-loan.json'), 'utf8')) as { _comment?: string; workflow: any; forms: any };
  delete def._comment;
  def.forms.keyLoan.properties.log = {
    type: 'array', maxItems: 50, 'x-label': { 'zh-CN': '借还记录' },
    items: { type: 'object', additionalProperties: false, properties: {
      at: { type: 'string', format: 'date-time', 'x-label': { 'zh-CN': '时间' } },
      note: { type: 'string', maxLength: 300, 'x-label': { 'zh-CN': '记事' } },
    } },
  };
  def.workflow.states.overdue = { title: { 'zh-CN': '逾期未还' }, assignRole: 'supervisor' };
  // not yet the platform's own: the admin ticks 仅由系统办理 in the designer
  def.workflow.transitions.markOverdue = { title: { 'zh-CN': '标记逾期' }, from: ['lent'], to: 'overdue', roles: ['supervisor'] };
  def.workflow.transitions.returnKey.from = ['lent', 'overdue'];
  return def;
}

beforeAll(async () => {
  h = await startBrowserHarness({ plugins: ['service-desk', 'complaints'], startAt: START });
  const admin = await h.kernel.login('admin');
  const proposed = await h.kernel.call(admin, 'POST', '/api/config/versions', { document: { caseTypes: { xKeyLoan: keyLoan() } }, reason: '钥匙借用（自建流程）' });
  expect(proposed.statusCode, proposed.body).toBe(201);
  const activated = await h.kernel.call(admin, 'POST', `/api/config/versions/${(proposed.json() as { number: number }).number}/activate`, {});
  expect(activated.statusCode, activated.body).toBe(200);
});
afterAll(async () => h?.close());
afterEach(() => expect(pageErrors).toEqual([]));

function login(username: string): Promise<Page> {
  return h.signedIn(username, pageErrors);
}

async function expand(page: Page, selector: string): Promise<void> {
  const part = page.locator(selector).first();
  if ((await part.getAttribute('open')) === null) await part.locator('summary').first().click();
  await expect.poll(() => part.getAttribute('open')).not.toBeNull();
}

const shot = (page: Page, name: string) => h.screenshot(page, `admin-designer-steps-${name}`);
async function phoneShot(page: Page, name: string) {
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, `${name}-phone`);
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function call<T>(username: string, method: 'GET' | 'POST', url: string, body?: unknown, status = 200): Promise<T> {
  const res = await h.kernel.call(await h.kernel.login(username), method, url, body);
  expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(status);
  return res.json() as T;
}

interface CaseBody { id: number; state: string; version: number; data: Record<string, unknown> }
const lend = (keyName: string) => call<CaseBody>('frontdesk', 'POST', '/api/cases/xKeyLoan', {
  projectId: h.registry.projects.get('CH')!.id, unitId: h.registry.units.get('CH/1/101')!.id,
  data: { keyName, borrowerName: '李师傅', borrowerPhone: '13800000001', purpose: 'renovation', dueAt: '2026-11-06T18:00:00+08:00' },
}, 201);

describe('declared steps built in the workflow designer', { timeout: 300_000 }, () => {
  it('the admin adds a 追加记录 step, 到期时 标记逾期 and 转为客户投诉, dry-runs the expiry and activates', async () => {
    const admin = await login('admin');
    await admin.goto(`${h.baseUrl}/#/admin/workflow?plugin=x-key-loan&caseType=xKeyLoan`);
    await admin.getByTestId('workflow-diagram').waitFor();

    // 归还钥匙 appends a row to 借还记录: 时间 ← 办理时间, 记事 ← 说明
    await expand(admin, '[data-transition="returnKey"]');
    await admin.getByLabel('「归还钥匙」添加的步骤类型').selectOption({ label: '追加记录' });
    await admin.locator('[data-transition="returnKey"]').getByRole('button', { name: '添加步骤' }).click();
    await admin.getByLabel('「归还钥匙」追加记录的列表').selectOption({ label: '借还记录' });
    await expect.poll(() => admin.getByLabel('「归还钥匙」追加记录「时间」填入').inputValue()).toBe('stamp:at');
    await admin.getByLabel('「归还钥匙」追加记录「记事」填入').selectOption({ label: '说明' });
    await admin.getByRole('button', { name: '确定添加「归还钥匙」的步骤' }).click();
    await admin.getByRole('group', { name: '「归还钥匙」的执行步骤' }).getByText('追加一行到「借还记录」：时间←办理时间、记事←说明').waitFor();

    // the return deadline takes 标记逾期 when it runs out
    await expand(admin, '[data-deadline="returnBy"]');
    await admin.getByLabel('「归还期限」到期时').selectOption({ label: '自动办理「标记逾期」' });
    // …and only the platform takes it: staff get no button for it
    await expand(admin, '[data-transition="markOverdue"]');
    await admin.getByLabel('「标记逾期」仅由系统办理').check();
    await admin.locator('[data-transition="markOverdue"] summary .badge', { hasText: '系统' }).waitFor();

    // 转为其他业务 → 客户投诉, the loan ends as 已归还; the borrower's name is carried over
    await admin.getByLabel('转为哪个业务').selectOption({ label: '客户投诉' });
    await admin.getByRole('button', { name: '添加转为其他业务' }).click();
    await expand(admin, '[data-conversion="complaint"]');
    await admin.getByLabel('转为「客户投诉」时「投诉人姓名」取自').selectOption({ label: '借用人' });
    await admin.getByLabel('转为「客户投诉」后本业务结束于').selectOption({ label: '已归还' });
    await shot(admin, '01-designer');
    await phoneShot(admin, '01-designer');
    const text = await admin.locator('wy-admin-workflow-page').evaluate((el) => el.shadowRoot!.textContent ?? '');
    expect(text).not.toMatch(/\{"|appendRow|onExpiry/);

    // dry run: lent Friday 09:00, wait four days — the deadline ran out on Monday night and 标记逾期 was taken
    await tab(admin, '审阅与启用');
    const dry = admin.locator('wy-admin-dry-run');
    await dry.getByLabel('事项类型').selectOption({ label: '钥匙借用' });
    await dry.getByLabel('第 1 步流转').selectOption({ label: '只等待（不办理）' });
    await dry.getByLabel('第 1 步间隔分钟').fill(String(4 * 24 * 60));
    await dry.getByLabel('第 1 步间隔分钟').dispatchEvent('change');
    await admin.getByRole('button', { name: '运行试运行' }).click();
    const expired = admin.getByTestId('dry-run-results').locator('[data-side="draft"] [data-testid="dry-expired"]');
    await expect.poll(() => expired.first().textContent(), { timeout: 30_000 }).toMatch(/「归还期限」于 .+ 到期，自动办理「标记逾期」，转为「逾期未还」/);
    // under the version in force the same deadline only escalates
    await expect.poll(() => admin.getByTestId('dry-run-results').locator('[data-side="current"] [data-testid="dry-expired"]').first().textContent()).toMatch(/到期，上报给/);
    await shot(admin, '02-dry-run-expiry');
    await phoneShot(admin, '02-dry-run-expiry');

    await admin.getByLabel('修改原因（必填）').fill('钥匙归还记入借还记录；逾期自动标记；可转为投诉');
    await admin.getByRole('button', { name: '提交（待启用）' }).click();
    await expect.poll(() => admin.getByTestId('review-message').textContent(), { timeout: 30_000 }).toContain('已提交为版本 3');
    await admin.getByRole('button', { name: '启用版本 3' }).click();
    await admin.getByTestId('activate-dialog').getByRole('button', { name: '确认启用版本 3' }).click();
    await expect.poll(() => admin.getByTestId('review-message').textContent(), { timeout: 30_000 }).toContain('已启用版本 3');
    await admin.close();
  });

  it('staff: returning appends the stamped row, a loan converts into a complaint, an overdue loan is marked by the platform', async () => {
    // the effect: 归还钥匙 with a note appends 时间 + 记事
    const a = await lend('1栋101 入户门钥匙');
    const returned = await call<CaseBody>('frontdesk', 'POST', `/api/cases/xKeyLoan/${a.id}/transitions/returnKey`, { version: a.version, data: { condition: 'intact', returnNote: '完好归还' } });
    expect(returned.state).toBe('returned');
    expect(returned.data.log).toEqual([{ at: h.kernel.clock.now().toISOString(), note: '完好归还' }]);

    // the conversion: offered on the case page with the borrower carried over, the loan ends
    const b = await lend('2栋门禁卡');
    const offers = await call<{ items: { to: string; label: { 'zh-CN': string }; prefill: Record<string, unknown> }[] }>('frontdesk', 'GET', `/api/cases/xKeyLoan/${b.id}/conversions`);
    expect(offers.items).toEqual([expect.objectContaining({ to: 'complaint', label: { 'zh-CN': '转为客户投诉' } })]);
    expect(offers.items[0]!.prefill.complainantName).toBe('李师傅');
    const desk = await login('frontdesk');
    await desk.goto(`${h.baseUrl}/#/cases/xKeyLoan/${b.id}`);
    await desk.getByRole('button', { name: '转为其他工单…' }).waitFor();
    await shot(desk, '03-staff-case');
    await phoneShot(desk, '03-staff-case');
    await desk.close();
    const converted = await call<{ source: CaseBody; target: { caseType: string } }>('frontdesk', 'POST', `/api/cases/xKeyLoan/${b.id}/convert`, {
      to: 'complaint', version: b.version, reason: '借用人投诉门禁卡损坏', data: { channel: 'visit', complainantName: '李师傅', contactPhone: '13800000001', content: '门禁卡借来就是坏的' },
    }, 201);
    expect(converted.source.state).toBe('returned');
    expect(converted.target.caseType).toBe('complaint');

    // the expiry: still out on Tuesday morning, the overdue job takes 标记逾期
    const c = await lend('3栋机房钥匙');
    h.kernel.clock.set('2026-11-10T09:00:00+08:00');
    await h.kernel.runJobs();
    const late = await call<CaseBody>('supervisor', 'GET', `/api/cases/xKeyLoan/${c.id}`);
    expect(late.state).toBe('overdue');
    // while it was out, the supervisor could not take 标记逾期 by hand (a system step)
    const other = await lend('5栋配电房钥匙');
    const seen = await call<CaseBody & { availableTransitions: string[] }>('supervisor', 'GET', `/api/cases/xKeyLoan/${other.id}`);
    expect(seen.availableTransitions).not.toContain('markOverdue');
  });
});
