/**
 * Issue 17's "Done when" (so far part (a), key lending; (b) and (c) still to come), in Chromium with one server that is never restarted: a company admin
 * builds three procedures of the manuals in 系统配置 — key lending (钥匙借用, seed 004 部门钥匙管理),
 * a public-area inspection with a rectification notice (公共区域巡查, seeds 000 §6.2.16 and 004
 * 清洁整改通知书) and customer visits (拜访客户, seed 000 第6篇 3.5, 《拜访客户登记记录表》) — dry-runs and
 * activates each; the staff roles then work them through in the staff app (desktop, and a step on
 * a 390×844 phone), print them, and 统计 shows them in the month. Invalid definitions are refused
 * on the control concerned and nothing is activated.
 * Screenshots: test-results/screenshots/admin-procedures-*.png.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SCREENSHOT_DIR, startBrowserHarness, type BrowserHarness } from './browser-harness.js';
import { deepText } from './form-steps.js';
import { addClock, addField, choose, openNewCase, proposeAndActivate, register, renameField, renameState, renameStep, addState, addStep, setStepRoles, stateOf, step, tab, tabOn, moveClockTo, configVersions } from './admin-procedures-steps.js';

let h: BrowserHarness;
const pageErrors: string[] = [];
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
// Monday 2026-11-02 09:00 Beijing: the month the report is read for
const START = '2026-11-02T09:00:00+08:00';

beforeAll(async () => {
  h = await startBrowserHarness({ plugins: ['service-desk', 'complaints', 'billing', 'paid-services'], startAt: START });
});
afterAll(async () => h?.close());
afterEach(() => expect(pageErrors).toEqual([]));

const shot = (page: Page, name: string) => h.screenshot(page, `admin-procedures-${name}`);

function login(username: string, viewport = DESKTOP): Promise<Page> {
  return h.signedIn(username, pageErrors, { viewport });
}

/** No codes, ids, English or JSON in what staff read. */
function expectNoCodes(text: string): void {
  expect(text).not.toMatch(/\bx[A-Z][a-zA-Z]+\b|\bx-[a-z-]+\b|option\d|\{\s*"|undefined|null\b|NaN/);
  expect(text).not.toMatch(/\b(open|done|finish|lent|returned|register|inspect|visit)\b/);
}

/**
 * 新建业务类型 from the editor's status bar: a blank type with its name, the serial prefix and the
 * roles that may register it; the editor opens the new type's form. Returns the bundle (x-type<n>).
 */
async function newType(admin: Page, title: string, prefix: string, roles: string[]): Promise<string> {
  await admin.getByRole('button', { name: '新建业务类型', exact: true }).click();
  const dialog = admin.getByRole('dialog', { name: '新建业务类型' });
  await dialog.getByLabel('名称', { exact: true }).fill(title);
  await dialog.getByLabel('编号前缀').fill(prefix);
  await dialog.getByRole('radio', { name: '从空白开始' }).check();
  for (const r of roles) await dialog.getByLabel(r, { exact: true }).check();
  await dialog.getByRole('button', { name: '创建' }).click();
  await admin.getByRole('heading', { name: `字段：${title}` }).waitFor();
  await expect.poll(() => admin.getByTestId('type-notice').textContent()).toContain(`已新建业务类型「${title}」`);
  return new URLSearchParams(admin.url().split('?')[1]).get('plugin')!;
}

describe('procedures a company admin builds in the browser', { timeout: 240_000 }, () => {
  let keyLoanBundle = '';

  it('key lending: the admin builds 钥匙借用 from a blank type, dry-runs it (overdue on working days) and activates it', async () => {
    const admin = await login('admin');
    await admin.goto(`${h.baseUrl}/#/admin/forms`);
    keyLoanBundle = await newType(admin, '钥匙借用', 'YS', ['前台接待', '客服主管']);
    expect(keyLoanBundle).toMatch(/^x-type\d+$/);

    // the registration form: the key, the borrower and when it is due back
    await renameField(admin, '事由', '钥匙名称');
    await addField(admin, { kind: '文本', label: '借用人', required: true });
    await addField(admin, { kind: '电话', label: '借用人电话' });
    await addField(admin, { kind: '选项', label: '借用事由', required: true, options: ['装修', '维修', '其他'] });
    await addField(admin, { kind: '日期时间', label: '约定归还时间', required: true });
    await admin.getByTestId('form-preview').getByLabel('约定归还时间').waitFor();
    await shot(admin, 'a01-key-loan-form');

    // 已借出，待归还 → 归还钥匙 → 已归还, within one working day, late → 客服主管
    await tabOn(admin, '流程与时限', '钥匙借用');
    await admin.getByTestId('workflow-diagram').waitFor();
    await renameState(admin, '办理中', '已借出，待归还');
    await renameState(admin, '已完成', '已归还');
    // the open loan sits in the front desk's queue
    await admin.getByLabel('已借出，待归还 进入时转给岗位').selectOption({ label: '前台接待' });
    await renameStep(admin, '办结', '归还钥匙');
    await setStepRoles(admin, '归还钥匙', ['前台接待', '客服主管']);
    await addClock(admin, { title: '归还期限', amount: 1, unit: '工作日', escalateTo: '客服主管' });
    await shot(admin, 'a02-key-loan-workflow');

    // the list shows the key; the monthly report counts loans by purpose
    await admin.getByRole('button', { name: '业务类型设置', exact: true }).click();
    const settings = admin.getByRole('dialog', { name: '业务类型设置' });
    await settings.getByLabel('列表标题字段').selectOption({ label: '钥匙名称' });
    await settings.getByRole('group', { name: /月报统计字段/ }).getByLabel('借用事由', { exact: true }).check();
    await settings.getByRole('button', { name: '保存' }).click();
    await settings.waitFor({ state: 'hidden' });

    // the slip it prints: a new document whose starter page lists the fields; a field that does not exist is refused on the text box
    await tabOn(admin, '打印模板', '钥匙借用');
    const addDoc = admin.getByRole('form', { name: '新增打印单据' });
    await addDoc.getByLabel('单据名称').fill('钥匙借用登记单');
    await addDoc.getByRole('button', { name: '添加单据' }).click();
    const source = admin.locator('textarea.source');
    await expect.poll(() => source.inputValue()).toContain('{{document.title}}');
    const frame = admin.frameLocator('iframe[data-testid="print-preview"]');
    await expect.poll(() => frame.locator('body').textContent(), { timeout: 30_000 }).toContain('钥匙借用登记单');
    await source.evaluate((el: HTMLTextAreaElement) => { el.focus(); el.setSelectionRange(el.value.length, el.value.length); });
    await admin.keyboard.insertText('<p class="unknown">{{data.noSuchField}}</p>');
    const problems = admin.getByTestId('template-problems');
    await expect.poll(() => problems.textContent(), { timeout: 30_000 }).toContain('打印模板读取了不存在的数据');
    expect(await source.getAttribute('aria-invalid')).toBe('true');
    await shot(admin, 'a02b-print-unknown-field-refused');
    for (let i = 0; i < '<p class="unknown">{{data.noSuchField}}</p>'.length; i++) await admin.keyboard.press('Backspace');
    await expect.poll(() => problems.count(), { timeout: 30_000 }).toBe(0);
    await expect.poll(() => frame.locator('body').textContent(), { timeout: 30_000 }).toContain('借用人');
    await shot(admin, 'a02c-print-preview');

    // dry run: lent on a Friday, returned the next Tuesday — the clock was due at the end of Monday
    await tab(admin, '审阅与启用');
    await admin.getByLabel('事项类型').selectOption({ label: '钥匙借用' });
    await admin.getByLabel('登记时间').fill('2026-11-06T09:00');
    // the path starts with one step of the type; one is all a loan has
    if (!(await admin.getByLabel('第 1 步流转').count())) await admin.getByRole('button', { name: '添加一步' }).click();
    await admin.getByLabel('第 1 步流转').selectOption({ label: '归还钥匙' });
    await admin.getByLabel('第 1 步间隔分钟').fill(String(4 * 24 * 60));
    await admin.getByRole('button', { name: '运行试运行' }).click();
    const results = admin.getByTestId('dry-run-results');
    await results.waitFor({ timeout: 60_000 });
    await expect.poll(() => results.getByTestId('dry-state').allTextContents()).toEqual(['已借出，待归还', '已归还']);
    // one working day from Friday is the end of Monday; returned on Tuesday, the loan was overdue
    const clock = results.locator('[data-clock]', { hasText: '归还期限' }).last();
    expect(await clock.textContent()).toMatch(/归还期限：2026\/11\/09 23:59\s*已逾期/);
    expect(await results.textContent()).not.toMatch(/cannot|allowed|finish/);
    await shot(admin, 'a03-key-loan-dry-run');
    const before = (await configVersions(h)).length;
    const n = await proposeAndActivate(admin, '钥匙借用流程上线（部门钥匙管理）');
    expect(n).toBe(before + 1);
    await shot(admin, 'a04-key-loan-activated');
    await admin.close();
  });

  it('key lending: the front desk lends a key; not back within a working day it escalates to the supervisor; returned on a phone; printed', async () => {
    const desk = await login('frontdesk');
    await openNewCase(desk, '钥匙借用');
    await desk.getByLabel('钥匙名称').fill('1栋101 入户门钥匙');
    await desk.getByRole('textbox', { name: /^借用人\s*\*?$/ }).fill('李师傅');
    await desk.getByLabel('借用人电话').fill('13800000001');
    await choose(desk, '借用事由', '装修');
    await desk.getByLabel('约定归还时间').fill('2026-11-02T18:00');
    await shot(desk, 'a05-lend-form');
    const serial = await register(desk);
    await expect.poll(() => stateOf(desk).textContent()).toBe('已借出，待归还');
    await expect.poll(() => desk.getByTestId('case-assignee').textContent()).toContain('前台接待');
    await desk.getByText('归还期限').first().waitFor();
    const text = await deepText(desk);
    expect(text).toContain('李师傅');
    expect(text).toContain('装修');
    expectNoCodes(text);
    await shot(desk, 'a06-lent');

    // Monday's loan is due at the end of Tuesday; on Wednesday morning it is overdue and escalated
    await moveClockTo(h, '2026-11-04 10:00');
    const sup = await login('supervisor');
    await sup.getByRole('tab', { name: '本岗位待办' }).click();
    await sup.locator(`tr[data-serial="${serial}"]`).waitFor();
    await sup.locator(`tr[data-serial="${serial}"]`).getByRole('link', { name: serial }).click();
    await sup.getByText('超过时限：归还期限').waitFor();
    await sup.getByText('已升级至 客服主管').waitFor();
    expectNoCodes(await deepText(sup));
    await shot(sup, 'a07-overdue-escalated');
    await sup.close();

    // the key comes back: the front desk returns it from a phone
    const phone = await login('frontdesk', PHONE);
    await phone.goto(desk.url());
    await phone.getByTestId('case-serial').waitFor();
    await step(phone, '归还钥匙');
    await expect.poll(() => stateOf(phone).textContent()).toBe('已归还');
    await shot(phone, 'a08-returned-phone');
    await phone.close();

    // printed: the slip from the case page
    await desk.reload();
    await desk.getByTestId('case-serial').waitFor();
    const [print] = await Promise.all([desk.context().waitForEvent('page'), desk.getByRole('link', { name: /钥匙借用登记单/ }).click()]);
    await print.waitForLoadState();
    const printed = await print.locator('body').innerText();
    expect(printed).toContain(serial);
    expect(printed).toContain('李师傅');
    expect(printed).toContain('装修');
    expectNoCodes(printed);
    await shot(print, 'a09-printed-slip');

    await desk.close();
  });

  it('invalid definitions are refused on the control concerned and nothing is activated', async () => {
    const admin = await login('admin');
    const before = await configVersions(h);
    await admin.goto(`${h.baseUrl}/#/admin/workflow`);
    await tabOn(admin, '流程与时限', '钥匙借用');
    // a state nobody can leave: 待核对 with no step out of it
    await addState(admin, '待核对');
    // a step into a state that no longer exists: 转交核对 → 待核对 …, then 已归还 removed
    await addStep(admin, { title: '转交核对', from: '已借出，待归还', to: '待核对', roles: ['客服主管'] });
    await admin.getByRole('button', { name: '删除状态 已归还' }).click();
    await admin.getByRole('button', { name: '检查', exact: true }).first().click();
    const problems = admin.getByTestId('problems');
    await problems.waitFor({ timeout: 60_000 });
    await expect.poll(() => admin.getByLabel('归还钥匙 · 目标状态').getAttribute('aria-invalid')).toBe('true');
    // each refusal is shown on its control: the step's 目标状态, the state's row
    const states = admin.locator('section[aria-labelledby="states-title"]');
    await expect.poll(() => states.locator('tr', { has: admin.getByLabel('待核对 中文名称') }).locator('xpath=following-sibling::tr[1]').or(states.locator('tr', { has: admin.getByLabel('待核对 中文名称') })).first().textContent()).toMatch(/没有流转可以离开它/);
    const words = await problems.textContent();
    expect(words).toMatch(/不存在/);
    expect(words).toMatch(/没有流转可以离开它/);
    await shot(admin, 'e01-invalid-refused');
    // proposing it is refused: no version is made, none activated
    await tab(admin, '审阅与启用');
    await admin.getByLabel('修改原因（必填）').fill('试图加入无效流程');
    await admin.getByRole('button', { name: '提交（待启用）' }).click();
    await expect.poll(() => admin.getByRole('alert').allTextContents(), { timeout: 60_000 }).toEqual(expect.arrayContaining([expect.stringMatching(/问题|不能|错误/)]));
    await shot(admin, 'e02-propose-refused');
    expect(await configVersions(h)).toEqual(before);
    await admin.getByRole('button', { name: '放弃草稿' }).click();
    await admin.close();
  });

  it('统计: the month shows 钥匙借用 with its figures (by 借用事由, its clock)', async () => {
    const manager = await login('manager');
    await manager.goto(`${h.baseUrl}/#/reports?month=2026-11`);
    const keyLoans = manager.locator('section.card.type', { has: manager.getByRole('heading', { name: '钥匙借用' }) });
    await keyLoans.waitFor({ timeout: 30_000 });
    const text = await keyLoans.innerText();
    expect(text).toContain('借用事由');
    expect(text).toContain('装修');
    expect(text).toContain('归还期限');
    expectNoCodes(text);
    await shot(manager, 'r01-report');
    await manager.setViewportSize(PHONE);
    await keyLoans.screenshot({ path: `${SCREENSHOT_DIR}/admin-procedures-r02-report-phone.png` });
    await manager.close();
  });
});
