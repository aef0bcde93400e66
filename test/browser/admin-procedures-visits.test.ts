/**
 * Issue 17's "Done when", part (c): customer visits (拜访客户, seed 000 第6篇 3.5 拜访客户制度: visits
 * follow a plan, the visitor records the resident's opinions and suggestions, what cannot be settled
 * on the spot is recorded and passed on, and the 《拜访客户登记记录表》 is filled in for the archive;
 * seed 000 第7篇 adds phone/SMS/WeChat visits, seed 001 a monthly analysis). In Chromium, with one
 * server never restarted, a company admin builds it in 系统配置 from a blank type — the plan form,
 * the visit record form (拜访日期, 被拜访房屋, 拜访方式, 拜访人, 业主意见/建议, 发现问题, 问题描述),
 * the workflow 计划拜访 → 已拜访（待处理问题）→ 已完成 with the visit step using the record form,
 * 转为客户投诉 / 转为报修 for the problems found, the report field 拜访方式 and the printed
 * 《拜访客户登记记录表》 — dry-runs and activates it. Staff then plan a visit, record it on a 390×844
 * phone, turn the problem found into a complaint (linked both ways), print the record, and 统计
 * shows the month's visits by 拜访方式.
 * Screenshots: test-results/screenshots/admin-procedures-visits-*.png.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { SCREENSHOT_DIR, startBrowserHarness, type BrowserHarness } from './browser-harness.js';
import { deepText, deepTextOf, tick } from './form-steps.js';
import { addField, addState, addStep, choose, expand, openNewCase, part, proposeAndActivate, register, renameField, renameState, renameStep, setStepRoles, stateOf, step, tab, tabOn, configVersions } from './admin-procedures-steps.js';

let h: BrowserHarness;
const pageErrors: string[] = [];
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
// Monday 2026-11-02 09:00 Beijing: the month the report is read for
const START = '2026-11-02T09:00:00+08:00';
const TITLE = '拜访客户';
const VISITED = '已拜访（待处理问题）';
const WAITING = '已办结（待回访）';

beforeAll(async () => {
  // 客户投诉 (complaints) and 报修 (paid-services) are what a problem found turns into
  h = await startBrowserHarness({ plugins: ['service-desk', 'complaints', 'billing', 'paid-services'], startAt: START });
});
afterAll(async () => h?.close());
afterEach(() => expect(pageErrors).toEqual([]));

const shot = (page: Page, name: string) => h.screenshot(page, `admin-procedures-visits-${name}`);

function login(username: string, viewport = DESKTOP): Promise<Page> {
  return h.signedIn(username, pageErrors, { viewport });
}

/** No codes, ids, English or JSON in what staff read. */
function expectNoCodes(text: string): void {
  expect(text).not.toMatch(/\bx[A-Z][a-zA-Z]+\b|\bx-[a-z-]+\b|option\d|form\d|state\d|transition\d|\{\s*"|undefined|null\b|NaN/);
  expect(text).not.toMatch(/\b(open|done|finish|visit|phone|complaint|repair|true|false)\b/);
}

/** 新建业务类型 from the editor's status bar: a blank type; returns its bundle (x-type<n>). */
async function newType(admin: Page, title: string, prefix: string, roles: string[]): Promise<string> {
  await admin.getByRole('button', { name: '新建业务类型', exact: true }).click();
  const dialog = admin.getByRole('dialog', { name: '新建业务类型' });
  await dialog.getByLabel('名称', { exact: true }).fill(title);
  await dialog.getByLabel('编号前缀').fill(prefix);
  await dialog.getByRole('radio', { name: '从空白开始' }).check();
  for (const r of roles) await dialog.getByRole('group', { name: '可登记的岗位' }).getByLabel(r, { exact: true }).check();
  await dialog.getByRole('button', { name: '创建' }).click();
  await admin.getByRole('heading', { name: `字段：${title}` }).waitFor();
  await expect.poll(() => admin.getByTestId('type-notice').textContent()).toContain(`已新建业务类型「${title}」`);
  return new URLSearchParams(admin.url().split('?')[1]).get('plugin')!;
}

/** 新建表单 on the 表单 tab of a company type; the builder opens the new form. */
async function newForm(admin: Page, title: string): Promise<void> {
  const create = admin.getByRole('form', { name: '新建表单' });
  await create.getByLabel('表单名称').fill(title);
  await create.getByRole('button', { name: '新建表单' }).click();
  await admin.getByRole('heading', { name: `字段：${title}` }).waitFor();
}

/** Adds 转为其他业务 → target and opens its part. */
async function addConversion(admin: Page, target: string): Promise<Locator> {
  await admin.getByLabel('转为哪个业务').selectOption({ label: target });
  await admin.getByRole('button', { name: '添加转为其他业务' }).click();
  const conversion = part(admin, `转为${target}`);
  await expand(conversion);
  return conversion;
}

/**
 * 发送通知 on a step: whom, and either a new message (name, text with the case's serial and the
 * resident's name inserted by title) or one written before, by its name.
 */
async function addNotify(admin: Page, stepTitle: string, n: { to: string; role?: string; title?: string; message?: string }): Promise<void> {
  const steps = admin.getByRole('group', { name: `「${stepTitle}」的执行步骤` });
  await steps.getByLabel(`「${stepTitle}」添加的步骤类型`).selectOption({ label: '发送通知' });
  await steps.getByRole('button', { name: '添加步骤' }).click();
  const pending = steps.getByRole('group', { name: '发送通知' });
  await pending.getByLabel(`「${stepTitle}」的通知对象`).selectOption({ label: n.to });
  if (n.role) await pending.getByLabel(`「${stepTitle}」通知的岗位`).selectOption({ label: n.role });
  if (n.message) await pending.getByLabel(`「${stepTitle}」的通知内容`).selectOption({ label: n.message });
  else {
    // refused on its controls until named and written
    await pending.getByRole('button', { name: `确定添加「${stepTitle}」的步骤` }).click();
    await pending.getByRole('alert').filter({ hasText: '请填写通知名称' }).waitFor();
    await pending.getByLabel('通知名称').fill(n.title!);
    const text = pending.getByLabel('通知文字');
    await text.fill('');
    await pending.getByRole('group', { name: '插入' }).getByRole('button', { name: '住户姓名' }).click();
    await text.press('End');
    await text.pressSequentially('您好：您家的上门拜访（');
    await pending.getByRole('group', { name: '插入' }).getByRole('button', { name: '单号' }).click();
    await text.press('End');
    await text.pressSequentially('）已办结，感谢您的支持。');
    // the admin reads the inserted values by their titles, never template syntax
    await expect.poll(() => text.inputValue()).toBe('【住户姓名】您好：您家的上门拜访（【单号】）已办结，感谢您的支持。');
    await pending.screenshot({ path: `${SCREENSHOT_DIR}/admin-procedures-visits-03a-notify.png` });
  }
  await pending.getByRole('button', { name: `确定添加「${stepTitle}」的步骤` }).click();
  await pending.waitFor({ state: 'detached' });
}

describe('customer visits built by a company admin in the browser', { timeout: 240_000 }, () => {
  let serial = '';
  let visitUrl = '';

  it('the admin builds 拜访客户 from a blank type: plan and record forms, workflow, 转为投诉/报修, report field, printed record; dry run; activation', async () => {
    const admin = await login('admin');
    await admin.goto(`${h.baseUrl}/#/admin/forms`);
    const bundle = await newType(admin, TITLE, 'BF', ['前台接待', '客服主管']);
    expect(bundle).toMatch(/^x-type\d+$/);

    // the plan: whom to visit, when and why (the 拜访 is agreed with the resident beforehand)
    await renameField(admin, '事由', '拜访事由');
    await addField(admin, { kind: '房屋', label: '被拜访房屋', required: true });
    await addField(admin, { kind: '住户', label: '被拜访住户' });
    await addField(admin, { kind: '日期', label: '计划拜访日期', required: true });
    await admin.getByTestId('form-preview').getByLabel('计划拜访日期').waitFor();
    await shot(admin, '01-plan-form');

    // the 《拜访客户登记记录表》: filled in when the visit is made
    await newForm(admin, '拜访登记');
    await renameField(admin, '备注', '业主意见/建议');
    await addField(admin, { kind: '日期', label: '拜访日期', required: true });
    await addField(admin, { kind: '选项', label: '拜访方式', required: true, options: ['上门拜访', '电话', '短信', '微信'] });
    await addField(admin, { kind: '文本', label: '拜访人', required: true });
    await addField(admin, { kind: '是/否', label: '发现问题', required: true });
    await addField(admin, { kind: '多行文字', label: '问题描述' });
    await admin.getByTestId('form-preview').getByLabel('问题描述').waitFor();
    await shot(admin, '02-record-form');

    // 计划拜访 → 记录拜访 (the record form) → 已拜访（待处理问题）→ 办结拜访 → 已办结（待回访）→ 回访 → 已完成;
    // a plan may be cancelled
    await tabOn(admin, '流程与时限', TITLE);
    await admin.getByTestId('workflow-diagram').waitFor();
    await renameState(admin, '办理中', '计划拜访');
    await addState(admin, VISITED);
    await addState(admin, WAITING);
    await renameStep(admin, '办结', '取消拜访');
    await setStepRoles(admin, '取消拜访', ['客服主管']);
    await addStep(admin, { title: '记录拜访', from: '计划拜访', to: VISITED, roles: ['前台接待', '客服主管'] });
    await admin.getByLabel('记录拜访 · 表单').selectOption({ label: '拜访登记' });
    await addStep(admin, { title: '办结拜访', from: VISITED, to: WAITING, roles: ['前台接待', '客服主管'] });
    // 办结拜访 tells the supervisors in the app and the visited resident by SMS, with a message written here
    await addNotify(admin, '办结拜访', { to: '岗位（系统内通知）', role: '客服主管', title: '拜访办结通知' });
    await addNotify(admin, '办结拜访', { to: '登记的住户（短信或微信）', message: '拜访办结通知' });
    const finishSteps = await deepText(admin);
    expect(finishSteps).toContain('通知客服主管：「拜访办结通知」');
    expect(finishSteps).toContain('短信通知住户：「拜访办结通知」');
    await admin.getByRole('group', { name: '「办结拜访」的执行步骤' }).screenshot({ path: `${SCREENSHOT_DIR}/admin-procedures-visits-03c-steps.png` });

    // a problem found becomes a complaint or a repair; the visit itself ends there (see the report)
    await addConversion(admin, '客户投诉');
    await admin.getByLabel('转为「客户投诉」时「投诉内容」取自').selectOption({ label: '问题描述' });
    // 事由 shares its hidden key with the complaint's 被投诉人/部门: not the same thing, so not carried
    await admin.getByLabel('转为「客户投诉」时「被投诉人/部门」取自').selectOption({ label: '（不带入）' });
    await admin.getByLabel('转为「客户投诉」后本业务结束于').selectOption({ label: '已完成' });
    await addConversion(admin, '报修');
    await admin.getByLabel('转为「报修」后本业务结束于').selectOption({ label: '已完成' });
    await shot(admin, '03-workflow');

    // 回访: the supervisor calls a finished visit back within 2 working days; unsatisfied goes back
    const followUp = admin.getByRole('region', { name: '回访', exact: true });
    await followUp.getByText('此流程没有回访要求。').waitFor();
    const addFollowUp = followUp.getByRole('form', { name: '添加回访要求' });
    await addFollowUp.getByLabel('哪一步办完后回访').selectOption({ label: `办结拜访（之后为“${WAITING}”）` });
    await addFollowUp.getByLabel('回访满意后转到').selectOption({ label: '已完成' });
    // refused on its control: an unsatisfied follow-up cannot stay where it waits
    await addFollowUp.getByLabel('回访不满意后退回到').selectOption({ label: WAITING });
    await addFollowUp.getByRole('button', { name: '添加回访要求' }).click();
    await addFollowUp.getByRole('alert').filter({ hasText: '不满意时须退回到其他状态重新办理' }).waitFor();
    expect(await addFollowUp.getByLabel('回访不满意后退回到').getAttribute('aria-invalid')).toBe('true');
    await addFollowUp.getByLabel('回访不满意后退回到').selectOption({ label: VISITED });
    await addFollowUp.getByRole('button', { name: '添加回访要求' }).click();
    await followUp.getByLabel('回访期限 · 时长').fill('2');
    await followUp.getByLabel('回访期限 · 单位').selectOption({ label: '工作日' });
    await followUp.locator('details', { hasText: '回访岗位' }).locator('summary').click();
    await followUp.getByRole('group', { name: '回访岗位' }).getByLabel('前台接待', { exact: true }).uncheck();
    await expect.poll(() => followUp.textContent()).toContain('回访表单 回访记录；满意时执行“回访满意”，不满意时执行“回访不满意”');
    // 办结拜访 now schedules it, in words
    await expect.poll(() => deepText(admin)).toContain('安排回访');
    await followUp.screenshot({ path: `${SCREENSHOT_DIR}/admin-procedures-visits-03b-follow-up.png` });
    const designer = await admin.locator('wy-admin-workflow-page').evaluate((el) => el.shadowRoot!.textContent ?? '');
    expect(designer).not.toMatch(/\{"|form\d|state\d|transition\d/);

    // the list shows the purpose; the monthly report counts visits by 拜访方式 and problems found
    await admin.getByRole('button', { name: '业务类型设置', exact: true }).click();
    const settings = admin.getByRole('dialog', { name: '业务类型设置' });
    await settings.getByLabel('列表标题字段').selectOption({ label: '拜访事由' });
    const reportFields = settings.getByRole('group', { name: /月报统计字段/ });
    await reportFields.getByLabel('拜访方式', { exact: true }).check();
    // the visited house and resident are the case's own: header, lists, 回访 list, household archive
    await settings.getByLabel('案件房屋取自').selectOption({ label: '被拜访房屋' });
    await settings.getByLabel('案件住户取自').selectOption({ label: '被拜访住户' });
    await shot(admin, '04-type-settings');
    await settings.getByRole('button', { name: '保存' }).click();
    await settings.waitFor({ state: 'hidden' });

    // the printed 《拜访客户登记记录表》: the starter page lists every field of both forms
    await tabOn(admin, '打印模板', TITLE);
    const addDoc = admin.getByRole('form', { name: '新增打印单据' });
    await addDoc.getByLabel('单据名称').fill('拜访客户登记记录表');
    await addDoc.getByRole('button', { name: '添加单据' }).click();
    await expect.poll(() => admin.locator('textarea.source').inputValue()).toContain('{{document.title}}');
    const frame = admin.frameLocator('iframe[data-testid="print-preview"]');
    await expect.poll(() => frame.locator('body').textContent(), { timeout: 30_000 }).toContain('拜访方式');
    await expect.poll(() => frame.locator('body').textContent(), { timeout: 30_000 }).toContain('业主意见/建议');
    await shot(admin, '05-print-preview');

    // dry run: planned Monday, the visit recorded a day later
    await tab(admin, '审阅与启用');
    await admin.getByLabel('事项类型').selectOption({ label: TITLE });
    await admin.getByLabel('登记时间').fill('2026-11-02T09:00');
    if (!(await admin.getByLabel('第 1 步流转').count())) await admin.getByRole('button', { name: '添加一步' }).click();
    await admin.getByLabel('第 1 步流转').selectOption({ label: '记录拜访' });
    await admin.getByLabel('第 1 步间隔分钟').fill(String(24 * 60));
    await admin.getByRole('button', { name: '运行试运行' }).click();
    const results = admin.getByTestId('dry-run-results');
    await results.waitFor({ timeout: 60_000 });
    await expect.poll(() => results.getByTestId('dry-state').allTextContents()).toEqual(['计划拜访', VISITED]);
    expect(await results.textContent()).not.toMatch(/cannot|allowed|transition\d/);
    await shot(admin, '06-dry-run');
    const before = (await configVersions(h)).length;
    const n = await proposeAndActivate(admin, '拜访客户流程上线（拜访客户制度，《拜访客户登记记录表》）');
    expect(n).toBe(before + 1);
    await shot(admin, '07-activated');
    await admin.close();
  });

  it('staff plan a visit, record it on a phone, turn the problem found into a complaint (linked both ways), and print the record', async () => {
    const desk = await login('frontdesk');
    await openNewCase(desk, TITLE);
    await desk.getByLabel('拜访事由').fill('季度走访，了解住户对物业服务的意见');
    // units are found by their number within the project
    await desk.getByRole('combobox', { name: '被拜访房屋' }).fill('101');
    await desk.getByRole('option', { name: /1栋.*101/ }).first().click();
    await desk.getByLabel('计划拜访日期').fill('2026-11-03');
    await shot(desk, '08-plan');
    serial = await register(desk);
    expect(serial).toMatch(/^BF-/);
    await expect.poll(() => stateOf(desk).textContent()).toBe('计划拜访');
    // 被拜访房屋 is the case's house: the header shows it, the household archive lists the visit
    expect(await deepTextOf(desk.locator('wy-case-header'))).toMatch(/房号\s*1栋\s*101/);
    const [caseType, caseId] = desk.url().split('#/cases/')[1]!.split(/[/?]/);
    const deskToken = await h.kernel.login('frontdesk');
    const visit = (await h.kernel.call(deskToken, 'GET', `/api/cases/${caseType}/${caseId}`)).json() as { unitId: number | null };
    expect(visit.unitId).toBe(h.registry.units.get('CH/1/101')!.id);
    const archive = (await h.kernel.call(deskToken, 'GET', `/api/units/${visit.unitId}`)).json() as { cases: Record<string, { serial: string }[]> };
    expect(archive.cases[caseType!]?.map((c) => c.serial)).toContain(serial);
    visitUrl = desk.url();

    // Tuesday: the visitor records the visit on a phone, with the record form
    h.kernel.clock.set(new Date('2026-11-03T10:00:00+08:00'));
    const phone = await login('frontdesk', PHONE);
    await phone.goto(visitUrl);
    await phone.getByTestId('case-serial').waitFor();
    await step(phone, '记录拜访', async (dialog) => {
      await dialog.getByLabel('拜访日期').fill('2026-11-03');
      await choose(dialog, '拜访方式', '上门拜访');
      await dialog.getByRole('textbox', { name: /^拜访人\s*\*?$/ }).fill('客服 陈静');
      await dialog.getByLabel('业主意见/建议').fill('希望增加小区夜间巡逻');
      await tick(dialog, '发现问题');
      await dialog.getByLabel('问题描述').fill('1栋地下车库入口照明灯损坏，夜间很暗');
      await shot(phone, '09-record-visit-phone');
    });
    await expect.poll(() => stateOf(phone).textContent()).toBe(VISITED);
    // the record form's fields sit beside the plan's: the visited house is still the one planned
    const visited = await deepText(phone);
    expect(visited).toMatch(/1栋.*101/);
    expect(visited).toContain('上门拜访');
    expectNoCodes(visited);
    await shot(phone, '10-visited-phone');
    await phone.close();

    // the problem becomes a complaint: the visit ends, the two cases are linked
    await desk.clock.setFixedTime(h.kernel.clock.now()); // the desk's screen reads Tuesday too
    await desk.reload();
    await desk.getByTestId('case-serial').waitFor();
    await desk.getByRole('button', { name: '转为其他工单…' }).click();
    const dialog = desk.getByRole('dialog', { name: '转为其他工单' });
    await dialog.waitFor();
    await dialog.getByRole('radiogroup', { name: '转为' }).getByRole('radio', { name: '转为报修' }).waitFor();
    await dialog.getByRole('radiogroup', { name: '转为' }).getByRole('radio', { name: '转为客户投诉' }).check();
    await dialog.getByText('本工单将结案为“已完成”').waitFor();
    await expect.poll(() => dialog.getByLabel('投诉内容').inputValue()).toBe('1栋地下车库入口照明灯损坏，夜间很暗');
    await dialog.getByLabel('转换原因').fill('拜访中发现的问题，转投诉跟进');
    await choose(dialog, '投诉方式', '来访');
    await dialog.getByLabel('投诉人姓名').fill('张伟');
    await dialog.getByLabel('联系电话').fill('13800000001');
    expect(await dialog.getByLabel('被投诉人/部门').inputValue()).toBe('');
    await shot(desk, '11-convert-dialog');
    await dialog.getByRole('button', { name: '转为客户投诉', exact: true }).click();
    await desk.getByText(/已转为客户投诉 [A-Z]+-2026-\d+/).waitFor();
    await expect.poll(() => stateOf(desk).textContent()).toBe('已完成');
    const link = desk.locator('wy-case-links a').first();
    const complaintSerial = ((await link.textContent()) ?? '').trim();
    expect(complaintSerial).not.toBe(serial);
    expectNoCodes(await deepText(desk));
    await shot(desk, '12-visit-converted');

    // the complaint's page links back to the visit
    await link.click();
    await expect.poll(() => desk.getByTestId('case-serial').textContent()).toBe(complaintSerial);
    await desk.locator('wy-case-links').getByRole('link', { name: serial }).waitFor();
    await desk.getByText('由其他工单转来').first().waitFor();
    await shot(desk, '13-complaint-linked');

    // printed: the 《拜访客户登记记录表》 from the visit's page
    await desk.goto(visitUrl);
    await desk.getByTestId('case-serial').waitFor();
    const [print] = await Promise.all([desk.context().waitForEvent('page'), desk.getByRole('link', { name: /拜访客户登记记录表/ }).click()]);
    await print.waitForLoadState();
    const printed = await print.locator('body').innerText();
    for (const words of [serial, '拜访客户登记记录表', '上门拜访', '客服 陈静', '希望增加小区夜间巡逻', '1栋地下车库入口照明灯损坏']) expect(printed).toContain(words);
    expectNoCodes(printed);
    await shot(print, '14-printed-record');
    await desk.close();
  });

  it('a visit without problems is finished, called back by the supervisor on the 回访 page, and the satisfied follow-up closes it', async () => {
    const desk = await login('frontdesk');
    await openNewCase(desk, TITLE);
    await desk.getByLabel('拜访事由').fill('新入住业主拜访');
    await desk.getByRole('combobox', { name: '被拜访房屋' }).fill('101');
    await desk.getByRole('option', { name: /1栋.*101/ }).first().click();
    await desk.getByRole('combobox', { name: '被拜访住户' }).fill('张伟');
    await desk.getByRole('option', { name: /张伟/ }).first().click();
    await desk.getByLabel('计划拜访日期').fill('2026-11-03');
    const second = await register(desk);
    await step(desk, '记录拜访', async (dialog) => {
      await dialog.getByLabel('拜访日期').fill('2026-11-03');
      await choose(dialog, '拜访方式', '电话');
      await dialog.getByRole('textbox', { name: /^拜访人\s*\*?$/ }).fill('客服 陈静');
      await dialog.getByLabel('业主意见/建议').fill('对入住手续办理很满意');
      await choose(dialog, '发现问题', '否');
    });
    await expect.poll(() => stateOf(desk).textContent()).toBe(VISITED);
    await step(desk, '办结拜访');
    await expect.poll(() => stateOf(desk).textContent()).toBe(WAITING);
    // the follow-up belongs to the supervisor: the front desk cannot take the follow-up's own steps
    expect(await desk.getByRole('button', { name: '回访满意', exact: true }).count()).toBe(0);
    // the visited resident was sent the message written in the designer (the household's message log)
    const [caseType, caseId] = desk.url().split('#/cases/')[1]!.split(/[/?]/);
    const deskToken = await h.kernel.login('frontdesk');
    const unitId = ((await h.kernel.call(deskToken, 'GET', `/api/cases/${caseType}/${caseId}`)).json() as { unitId: number }).unitId;
    const log = (await h.kernel.call(deskToken, 'GET', `/api/units/${unitId}/messages`)).json() as { items: { text: string }[] };
    expect(log.items.map((m) => m.text)).toContain(`张伟您好：您家的上门拜访（${second}）已办结，感谢您的支持。`);
    await desk.close();

    const sup = await login('supervisor');
    // …and the supervisors in the app: the 通知 page shows the message with its text
    await sup.getByTestId('notification-bell').click();
    await sup.getByText('拜访办结通知').first().waitFor();
    expect(await deepText(sup)).toContain(`您家的上门拜访（${second}）已办结`);
    await shot(sup, '14a-notified');
    await sup.getByRole('navigation').getByRole('link', { name: '回访', exact: true }).click();
    const row = sup.getByRole('link', { name: second });
    await row.waitFor();
    await shot(sup, '14b-follow-ups');
    await row.click();
    await sup.getByRole('heading', { name: '记录回访结果' }).waitFor();
    await choose(sup, '回访方式', '电话回访');
    await tick(sup.locator('body'), '住户满意');
    await sup.getByLabel('住户意见').fill('拜访及时，没有其他意见');
    await shot(sup, '14c-follow-up-form');
    await sup.getByRole('button', { name: '记录回访结果' }).click();
    await expect.poll(() => stateOf(sup).textContent()).toBe('已完成');
    const done = await deepText(sup);
    expect(done).toContain('回访满意');
    expectNoCodes(done);
    await shot(sup, '14d-followed-up');
    // nothing of this type is left to follow up
    const token = await h.kernel.login('supervisor');
    const left = (await h.kernel.call(token, 'GET', '/api/follow-ups')).json() as { items: { serial: string }[] };
    expect(left.items.map((i) => i.serial)).not.toContain(second);
    await sup.close();
  });

  it('统计: the month shows 拜访客户 with its visits by 拜访方式 (desktop and phone)', async () => {
    const manager = await login('manager');
    await manager.goto(`${h.baseUrl}/#/reports?month=2026-11`);
    const visits = manager.locator('section.card.type', { has: manager.getByRole('heading', { name: TITLE }) });
    await visits.waitFor({ timeout: 30_000 });
    // the 拜访方式 breakdown is a table of its own (two ways this month): read through its shadow root
    const text = await deepTextOf(visits);
    expect(text).toContain('拜访方式');
    expect(text).toContain('上门拜访');
    expect(text).toContain('电话');
    // the follow-up policy added in the editor is reported like a plugin's: one due, done, satisfied
    expect(text).toMatch(/100%\s*回访率（要求 100%）/);
    expectNoCodes(text);
    await shot(manager, '15-report');
    await manager.setViewportSize(PHONE);
    await visits.screenshot({ path: `${SCREENSHOT_DIR}/admin-procedures-visits-16-report-phone.png` });
    await manager.close();
  });
});
