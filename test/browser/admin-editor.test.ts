/**
 * The configuration editor in Chromium, as a company admin: add a field to the complaint form
 * (with a visibility condition, checked in the live preview), change a deadline (minor resolve
 * 24 hours → 2 days), rename a role, dry-run, give a reason, propose and activate. Then, over the
 * API: a new complaint has the field and the new deadline, the renamed role shows, and a
 * complaint opened before keeps its version and deadline; rollback restores the previous
 * behaviour. Invalid edits (a negative deadline, a transition to a missing state) are refused
 * with the message on the control that edits them, and the version in force stays. Staff
 * accounts are created and deactivated. A second company sets up manual B's deadlines through
 * the browser, and each company's complaint clocks follow its own regime.
 * Screenshots: test-results/screenshots/admin-*.png
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { demoRegistry } from '../../core/testing/harness.js';
import type { SeededRegistry } from '../../core/registry/seed-registry.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SCREENSHOT_DIR, startBrowserHarness, type BrowserHarness } from './browser-harness.js';
import { tab } from './admin-procedures-steps.js';

let h: BrowserHarness;
let second: SeededRegistry;
const pageErrors: string[] = [];

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const WF = '/document/plugins/complaints/workflows/complaint';

interface CaseBody {
  id: number;
  version: number;
  configVersionId: number | null;
  data: Record<string, unknown>;
  deadlines: { key: string; dueAt: string; status: string }[];
}

beforeAll(async () => {
  h = await startBrowserHarness({ plugins: ['service-desk', 'complaints'], startAt: '2026-11-02T09:00:00+08:00' });
  // a second company: the demo registry with its own codes and usernames
  const doc = demoRegistry();
  doc.company = { code: 'BAY', name: '海湾物业服务有限公司' };
  const codes: Record<string, string> = { CH: 'HW', JR: 'HB' };
  for (const p of doc.projects) p.code = codes[p.code] ?? p.code;
  for (const s of doc.staff) {
    s.username = `bay-${s.username}`;
    if (Array.isArray(s.projects)) s.projects = s.projects.map((c) => codes[c] ?? c);
  }
  second = await h.kernel.seed(doc);
});
afterAll(async () => h?.close());
afterEach(() => expect(pageErrors).toEqual([]));

function login(username: string): Promise<Page> {
  return h.signedIn(username, pageErrors, { promptAnswer: '恢复原处理时限' });
}

/** A screenshot of one part of the page (the control with its message), next to the full-page ones. */
async function shotOf(part: Locator, name: string): Promise<void> {
  await part.scrollIntoViewIfNeeded();
  await part.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
}

const issueOn = (page: Page, pointer: string): Locator => page.locator(`[data-issue-for="${pointer}"]`);

/** Opens a collapsed deadline or transition of the workflow page (each shows a one-line summary until opened). */
async function expand(page: Page, selector: string): Promise<void> {
  const part = page.locator(selector);
  if ((await part.getAttribute('open')) === null) await part.locator('summary').first().click();
  await expect.poll(() => part.getAttribute('open')).not.toBeNull();
}

/** Waits until the draft reached the server (the next login finds what this page left). */
async function draftSettled(page: Page): Promise<void> {
  await expect.poll(() => page.getByTestId('draft-status').getAttribute('data-save-state')).not.toBe('saving');
}

/** Activates a proposed version through the confirmation dialog. */
async function confirmActivation(page: Page, n: number): Promise<void> {
  const dialog = page.getByTestId('activate-dialog');
  await dialog.getByRole('heading', { name: `启用版本 ${n}？` }).waitFor();
  await dialog.getByRole('button', { name: `确认启用版本 ${n}` }).click();
}

// ---- the API side ----

const tokens = new Map<string, string>();
async function token(username: string): Promise<string> {
  if (!tokens.has(username)) tokens.set(username, await h.kernel.login(username));
  return tokens.get(username)!;
}

async function call<T>(username: string, method: 'GET' | 'POST', url: string, body?: unknown, status = 200): Promise<T> {
  const res = await h.kernel.call(await token(username), method, url, body);
  expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(status);
  return res.json() as T;
}

async function register(prefix: '' | 'bay-' = '', data: Record<string, unknown> = {}): Promise<CaseBody> {
  const reg = prefix ? second : h.registry;
  const project = prefix ? 'HW' : 'CH';
  return call<CaseBody>(`${prefix}frontdesk`, 'POST', '/api/cases/complaint', {
    projectId: reg.projects.get(project)!.id,
    unitId: reg.units.get(`${project}/1/101`)!.id,
    data: { channel: 'phone', complainantName: '张伟', contactPhone: '13800000001', content: '楼道灯坏了三天没人修', ...data },
  }, 201);
}

async function classify(prefix: '' | 'bay-', c: CaseBody, severity: string): Promise<CaseBody> {
  await call(`${prefix}supervisor`, 'POST', `/api/cases/complaint/${c.id}/transitions/classify`, {
    version: c.version, data: { nature: severity === 'major' ? 'major' : 'valid', severity, category: 'repair', ...(severity === 'major' ? { classificationNote: '多次投诉未解决' } : {}) },
  });
  return call<CaseBody>(`${prefix}supervisor`, 'GET', `/api/cases/complaint/${c.id}`);
}

const due = (c: CaseBody, key: string) => new Date(c.deadlines.find((d) => d.key === key && d.status === 'running')!.dueAt).getTime();
const now = () => h.kernel.clock.now().getTime();

async function currentVersion(username = 'admin'): Promise<number> {
  return (await call<{ version: number }>(username, 'GET', '/api/config')).version;
}

describe('the configuration editor', { timeout: 180_000 }, () => {
  let before: CaseBody;

  it('is offered only to roles with config.edit; the server refuses others', async () => {
    const desk = await login('frontdesk');
    await desk.getByRole('link', { name: '客户投诉' }).first().waitFor();
    expect(await desk.getByTestId('admin-nav').count()).toBe(0);
    await desk.goto(`${h.baseUrl}/#/admin/workflow`);
    await desk.getByText('只有具有“修改配置”权限').waitFor();
    const refused = await h.kernel.call(await token('frontdesk'), 'POST', '/api/config/versions', { patch: {}, reason: 'x' });
    expect(refused.statusCode).toBe(403);
    await desk.close();

    // a complaint opened under version 1, classified only after the change
    before = await register();
    expect(await currentVersion()).toBe(1);
  });

  it('the admin adds a field with a condition, changes a deadline, renames a role, dry-runs and activates', async () => {
    const admin = await login('admin');
    await admin.getByTestId('admin-nav').getByRole('link', { name: '表单' }).click();
    // the editor opens on the company's first procedure (the service work order): this test edits complaints
    await admin.goto(`${h.baseUrl}/#/admin/forms?plugin=complaints`);
    await admin.getByRole('heading', { name: '系统配置' }).waitFor();
    await admin.getByRole('heading', { name: /字段：客户投诉记录表/ }).waitFor();

    // a new field 接待人 in the 投诉人 section, shown only for complaints made in person
    const form = admin.getByTestId('new-field');
    await form.getByLabel('字段标识').fill('receivedBy');
    await form.getByLabel('中文名称').fill('接待人');
    await form.getByLabel('英文名称').fill('Received by');
    await form.getByLabel('最多字数').fill('50');
    await form.getByLabel('分区').selectOption({ label: '投诉人' });
    await form.getByRole('button', { name: '添加', exact: true }).click();
    const editor = admin.getByRole('group', { name: '编辑字段：接待人' });
    await editor.waitFor();
    const preview = admin.getByTestId('form-preview');
    await preview.getByLabel('接待人').waitFor();
    const visible = editor.getByRole('group', { name: '显示条件' });
    await visible.getByRole('button', { name: '添加条件' }).click();
    await visible.getByLabel('显示条件 · 字段').selectOption({ label: '投诉方式' });
    await visible.getByLabel('显示条件 · 值').selectOption({ label: '来访' });
    await expect.poll(() => preview.getByLabel('接待人').count()).toBe(0);
    await preview.getByLabel('投诉方式').selectOption({ label: '来访' });
    await preview.getByLabel('接待人').waitFor();
    // right after the complainant's name
    await admin.getByRole('button', { name: '上移 接待人' }).click();
    await expect.poll(() => admin.locator('[data-field]').evaluateAll((rows) => rows.slice(0, 5).map((r) => r.getAttribute('data-field'))))
      .toEqual(['channel', 'channelOther', 'complainantName', 'receivedBy', 'contactPhone']);
    await h.screenshot(admin, 'admin-01-forms-new-field');

    // minor complaints: solved within 2 days instead of 24 hours
    await tab(admin, '流程与时限');
    await admin.getByTestId('workflow-diagram').waitFor();
    await expand(admin, '[data-deadline="resolve"]');
    const resolve = admin.getByLabel('解决并答复住户 · 时长', { exact: true });
    expect(await resolve.inputValue()).toBe('24');
    await resolve.fill('2');
    await admin.getByLabel('解决并答复住户 · 单位', { exact: true }).selectOption('days');
    await h.screenshot(admin, 'admin-02-workflow');

    // 客服主管 is called 客服主任 in this company
    await tab(admin, '岗位与员工');
    await admin.getByLabel('岗位 supervisor 中文名称').fill('客服主任');
    await admin.getByLabel('岗位 supervisor 英文名称').fill('Service director');
    await expect.poll(() => admin.getByTestId('draft-status').textContent()).toContain('处修改');

    await tab(admin, '审阅与启用');
    const changes = admin.getByTestId('changes');
    await changes.waitFor();
    const changed = await changes.locator('tr[data-pointer-change]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-pointer-change')));
    expect(changed).toEqual(expect.arrayContaining([
      '/plugins/complaints/forms/complaint/properties/receivedBy',
      '/plugins/complaints/workflows/complaint/deadlines/resolve/duration',
      '/roles/supervisor/title',
    ]));

    // dry run of a minor complaint: classified an hour after registration, the resolve clock runs 24 h now, 2 days in the draft
    await admin.getByLabel('试运行的严重程度').selectOption({ label: '轻微' });
    await admin.getByRole('button', { name: '运行试运行' }).click();
    const results = admin.getByTestId('dry-run-results');
    await results.waitFor();
    const resolveAt = (side: string) => results.locator(`[data-side="${side}"][data-step="1"] [data-clock="resolve"] [data-testid="dry-due"]`).textContent();
    await expect.poll(() => resolveAt('current')).toBe('2026/11/03 10:00');
    await expect.poll(() => resolveAt('draft')).toBe('2026/11/04 10:00');
    expect(await results.locator('[data-side="draft"][data-step="0"] [data-testid="dry-assignee"]').textContent()).toBe('客服主任');
    await h.screenshot(admin, 'admin-03-review-dry-run');

    // propose without a reason: refused in the page
    await admin.getByRole('button', { name: '提交（待启用）' }).click();
    await expect.poll(() => admin.getByTestId('review-message').textContent()).toContain('请填写修改原因');
    await admin.getByLabel('修改原因（必填）').fill('轻微投诉改为2天内解决；来访投诉记录接待人；客服主管改称客服主任');
    await admin.getByRole('button', { name: '提交（待启用）' }).click();
    await expect.poll(() => admin.getByTestId('review-message').textContent(), { timeout: 30_000 }).toContain('已提交为版本 2');
    expect(await currentVersion()).toBe(1);
    await admin.getByRole('button', { name: '启用版本 2' }).click();
    await confirmActivation(admin, 2);
    // activation compiles the version on the server: seconds on a loaded machine, not the poll's default second
    await expect.poll(() => admin.getByTestId('review-message').textContent(), { timeout: 30_000 }).toContain('已启用版本 2');
    await expect.poll(() => admin.locator('[data-testid="history"] tr[data-version="2"]').textContent(), { timeout: 30_000 }).toContain('现行');
    await expect.poll(() => admin.getByTestId('draft-status').textContent()).toContain('无修改');
    await h.screenshot(admin, 'admin-04-activated-history');
    await admin.close();
  });

  it('new complaints follow version 2; the one opened before keeps version 1 and its deadline', async () => {
    expect(await currentVersion()).toBe(2);
    const types = await call<{ items: { caseType: string; form: { schema: { properties: Record<string, unknown> } } }[] }>('frontdesk', 'GET', '/api/case-types');
    expect(types.items.find((t) => t.caseType === 'complaint')!.form.schema.properties.receivedBy).toMatchObject({ maxLength: 50 });

    const created = await register('', { channel: 'visit', receivedBy: '前台 林小红' });
    expect(created.data.receivedBy).toBe('前台 林小红');
    // hidden unless the complaint was made in person
    const hidden = await h.kernel.call(await token('frontdesk'), 'POST', '/api/cases/complaint', {
      projectId: h.registry.projects.get('CH')!.id, data: { channel: 'phone', complainantName: '王芳', contactPhone: '13800000002', content: '噪音', receivedBy: '林小红' },
    });
    expect(hidden.statusCode).toBe(400);

    const after = await classify('', created, 'minor');
    const old = await classify('', before, 'minor');
    expect(after.configVersionId).not.toBe(old.configVersionId);
    expect(due(after, 'resolve') - now()).toBe(2 * DAY);
    expect(due(old, 'resolve') - now()).toBe(24 * HOUR);

    const config = await call<{ effective: { roles: Record<string, { title: Record<string, string> }> } }>('admin', 'GET', '/api/config');
    expect(config.effective.roles.supervisor!.title['zh-CN']).toBe('客服主任');
    // the new name in the staff app
    const sup = await login('supervisor');
    await expect.poll(() => sup.locator('header').textContent()).toContain('客服主任');
    await sup.close();
  });

  it('a negative deadline and a transition to a missing state are shown on their controls; the version in force stays', async () => {
    const admin = await login('admin');
    await admin.goto(`${h.baseUrl}/#/admin/workflow`);
    await expand(admin, '[data-deadline="resolve"]');
    const resolve = admin.getByLabel('解决并答复住户 · 时长', { exact: true });
    await expect.poll(() => resolve.inputValue()).toBe('2');
    await resolve.fill('-1');

    await tab(admin, '审阅与启用');
    await admin.getByLabel('修改原因（必填）').fill('测试：负数时限');
    await admin.getByRole('button', { name: '提交（待启用）' }).click();
    await expect.poll(() => admin.getByTestId('review-message').textContent(), { timeout: 30_000 }).toContain('提交被拒绝');
    expect(await currentVersion()).toBe(2);
    const problems = admin.getByTestId('problems');
    await problems.getByRole('link', { name: /解决并答复住户/ }).click();
    const amountIssue = issueOn(admin, `${WF}/deadlines/resolve/duration/amount`);
    await expect.poll(() => amountIssue.textContent()).toContain('不能小于 0');
    await expect.poll(() => admin.getByLabel('解决并答复住户 · 时长', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await h.screenshot(admin, 'admin-05-negative-deadline');
    await shotOf(admin.locator('[data-deadline="resolve"]'), 'admin-05b-negative-deadline-control');

    await admin.getByLabel('解决并答复住户 · 时长', { exact: true }).fill('2');
    // the state 已答复，待回访 is removed while the transition 答复住户处理结果 still leads to it
    await admin.getByRole('button', { name: '删除状态 已答复，待回访' }).click();
    await admin.getByRole('button', { name: '检查', exact: true }).click();
    const toIssue = issueOn(admin, `${WF}/transitions/reply/to`);
    await expect.poll(() => toIssue.textContent()).toContain('不存在');
    const to = admin.getByLabel('答复住户处理结果 · 目标状态');
    expect(await to.getAttribute('aria-invalid')).toBe('true');
    expect(await admin.locator('[data-transition="reply"]').getAttribute('open')).not.toBeNull();
    expect(await amountIssue.count()).toBe(0);
    await admin.getByTestId('workflow-diagram').locator('[data-state="replied"].missing').waitFor();
    await h.screenshot(admin, 'admin-06-missing-state');
    await shotOf(admin.locator('[data-transition="reply"]'), 'admin-06b-missing-state-control');
    await shotOf(admin.getByTestId('workflow-diagram'), 'admin-06c-missing-state-diagram');

    // the proposal is refused too; nothing changed
    const refused = await h.kernel.call(await token('admin'), 'POST', '/api/config/versions', { patch: { plugins: { complaints: { workflows: { complaint: { transitions: { reply: { to: 'nowhere' } } } } } } }, reason: 'x' });
    expect(refused.statusCode).toBe(400);
    expect(await currentVersion()).toBe(2);
    await admin.getByRole('button', { name: '放弃草稿' }).click();
    await expect.poll(() => admin.getByTestId('draft-status').textContent()).toContain('无修改');
    await draftSettled(admin);
    await admin.close();
  });

  it('a rule reading an unknown field and a duplicate field name are refused on their controls; the version in force stays', async () => {
    const RULE = '/document/plugins/complaints/rules/routeDepartment/logic';
    // over the API: 400 with unknown-variable under the rule's logic
    const refused = await h.kernel.call(await token('admin'), 'POST', '/api/config/versions', {
      patch: { plugins: { complaints: { rules: { routeDepartment: { logic: { if: [{ var: 'data.nope' }, 'engineering', 'customerService'] } } } } } }, reason: 'x',
    });
    expect(refused.statusCode).toBe(400);
    expect((refused.json() as { issues: { pointer: string; code: string }[] }).issues)
      .toContainEqual(expect.objectContaining({ code: 'unknown-variable', pointer: expect.stringMatching(/^\/document\/plugins\/complaints\/rules\/routeDepartment\/logic\//) }));
    expect(await currentVersion()).toBe(2);

    // in the browser: saved to the draft, checked by the server, shown on the rule's logic
    const admin = await login('admin');
    await admin.goto(`${h.baseUrl}/#/admin/rules?plugin=complaints`);
    const rule = admin.locator('[data-rule="routeDepartment"]');
    await rule.getByText('按类别确定责任部门').click();
    const logic = rule.getByLabel('按类别确定责任部门 的规则');
    await logic.fill('{"if": [{"var": "data.nope"}, "engineering", "customerService"]}');
    await rule.getByRole('button', { name: '保存到草稿' }).click();
    const logicIssue = issueOn(admin, RULE);
    await expect.poll(() => logicIssue.textContent()).toContain('规则读取了不存在的数据');
    expect(await logicIssue.textContent()).toContain('data.nope');
    expect(await logic.getAttribute('aria-invalid')).toBe('true');
    await h.screenshot(admin, 'admin-14-rule-unknown-field');
    await shotOf(rule, 'admin-14b-rule-unknown-field-control');

    // proposing the draft is refused; nothing changed
    await tab(admin, '审阅与启用');
    await admin.getByLabel('修改原因（必填）').fill('测试：规则读取不存在的字段');
    await admin.getByRole('button', { name: '提交（待启用）' }).click();
    await expect.poll(() => admin.getByTestId('review-message').textContent(), { timeout: 30_000 }).toContain('提交被拒绝');
    expect(await currentVersion()).toBe(2);
    await admin.getByRole('button', { name: '放弃草稿' }).click();
    await expect.poll(() => admin.getByTestId('draft-status').textContent()).toContain('无修改');

    // a second field named content: refused by the new-field form, no field added
    await admin.getByTestId('admin-nav').getByRole('link', { name: '表单' }).click();
    // the editor opens on the company's first procedure (the service work order): this test edits complaints
    await admin.goto(`${h.baseUrl}/#/admin/forms?plugin=complaints`);
    await admin.getByRole('heading', { name: /字段：客户投诉记录表/ }).waitFor();
    const fieldsBefore = await admin.locator('[data-field]').count();
    const form = admin.getByTestId('new-field');
    await form.getByLabel('字段标识').fill('content');
    await form.getByLabel('中文名称').fill('投诉内容（重复）');
    await form.getByRole('button', { name: '添加', exact: true }).click();
    const section = admin.getByRole('region', { name: '添加字段' });
    await expect.poll(() => section.getByRole('alert').textContent()).toContain('已有字段“content”');
    expect(await form.getByLabel('字段标识').inputValue()).toBe('content');
    // the message is on the key control: marked invalid and described by it
    expect(await form.getByLabel('字段标识').getAttribute('aria-invalid')).toBe('true');
    expect(await form.getByLabel('字段标识').getAttribute('aria-describedby')).toBe('new-field-error');
    expect(await form.getByLabel('中文名称').getAttribute('aria-invalid')).toBe('false');
    expect(await admin.locator('[data-field="content"]').count()).toBe(1);
    expect(await admin.locator('[data-field]').count()).toBe(fieldsBefore);
    expect(await admin.getByTestId('draft-status').textContent()).toContain('无修改');
    await h.screenshot(admin, 'admin-15-duplicate-field');
    await shotOf(section, 'admin-15b-duplicate-field-control');
    expect(await currentVersion()).toBe(2);
    await admin.close();
  });

  it('staff accounts: create one with roles and a project, then deactivate it', async () => {
    const admin = await login('admin');
    await admin.goto(`${h.baseUrl}/#/admin/roles`);
    const create = admin.getByRole('form', { name: '新建员工账号' });
    await create.getByLabel('用户名').fill('duty1');
    await create.getByLabel('姓名').fill('值班员 周晓');
    await create.getByLabel('初始密码').fill('duty-pass-2026');
    await create.getByRole('group', { name: '岗位' }).getByLabel('前台接待').check();
    await create.getByRole('group', { name: '管理处' }).getByLabel(/翠湖花园/).check();
    await create.getByRole('button', { name: '创建账号' }).click();
    const row = admin.locator('tr[data-username="duty1"]');
    await row.waitFor();
    expect(await row.textContent()).toContain('前台接待');
    expect((await h.kernel.call(null, 'POST', '/api/auth/login', { username: 'duty1', password: 'duty-pass-2026' })).statusCode).toBe(200);
    await row.getByRole('button', { name: '停用 值班员 周晓' }).click();
    await expect.poll(() => row.textContent()).toContain('已停用');
    expect((await h.kernel.call(null, 'POST', '/api/auth/login', { username: 'duty1', password: 'duty-pass-2026' })).statusCode).not.toBe(200);
    await h.screenshot(admin, 'admin-07-roles-staff');
    await admin.close();
  });

  it('rollback restores the previous behaviour', async () => {
    const admin = await login('admin');
    await admin.goto(`${h.baseUrl}/#/admin/review`);
    await admin.getByTestId('history').waitFor();
    await admin.getByRole('button', { name: '回滚到上一版本' }).click();
    await expect.poll(() => admin.getByTestId('history-message').textContent()).toContain('已回滚');
    await expect.poll(() => admin.locator('[data-testid="history"] tr[data-version="3"]').textContent()).toContain('现行');
    await h.screenshot(admin, 'admin-08-rollback');
    await admin.close();

    expect(await currentVersion()).toBe(3);
    const c = await classify('', await register(), 'minor');
    expect(due(c, 'resolve') - now()).toBe(24 * HOUR);
    const config = await call<{ effective: { roles: Record<string, { title: Record<string, string> }> } }>('admin', 'GET', '/api/config');
    expect(config.effective.roles.supervisor!.title['zh-CN']).toBe('客服主管');
    const types = await call<{ items: { caseType: string; form: { schema: { properties: Record<string, unknown> } } }[] }>('frontdesk', 'GET', '/api/case-types');
    expect(types.items.find((t) => t.caseType === 'complaint')!.form.schema.properties.receivedBy).toBeUndefined();
  });

  it('export downloads the document in force; importing it proposes a version to activate', async () => {
    const admin = await login('admin');
    await admin.goto(`${h.baseUrl}/#/admin/review`);
    await admin.getByTestId('history').waitFor();
    const [download] = await Promise.all([admin.waitForEvent('download'), admin.getByRole('button', { name: '导出现行配置（JSON）' }).click()]);
    expect(download.suggestedFilename()).toBe('wuye-config-v3.json');
    const file = await download.path();
    const exported = JSON.parse(readFileSync(file, 'utf8')) as { version: number; document: unknown };
    expect(exported.version).toBe(3);

    const form = admin.getByRole('form', { name: '导入配置' });
    await form.getByLabel('配置文件（JSON）').setInputFiles(file);
    await form.getByLabel('修改原因').fill('从备份导入');
    await form.getByRole('button', { name: '导入并提交' }).click();
    await expect.poll(() => admin.getByTestId('history-message').textContent()).toContain('已导入为版本 4');
    await expect.poll(() => admin.locator('[data-testid="history"] tr[data-version="4"]').textContent()).toContain('待启用');
    expect(await currentVersion()).toBe(3);
    await h.screenshot(admin, 'admin-13-import');
    await admin.close();
  });

  it('rules: a dry run on sample data; bad JSON and a rule its examples contradict are refused on their controls', async () => {
    const admin = await login('admin');
    await admin.goto(`${h.baseUrl}/#/admin/rules?plugin=complaints`);
    const rule = admin.locator('[data-rule="routeDepartment"]');
    await rule.getByText('按类别确定责任部门').click();
    await rule.getByRole('button', { name: '按草稿运行' }).click();
    await expect.poll(() => rule.getByTestId('rule-result').textContent()).toContain('"engineering"');
    await rule.getByLabel('按类别确定责任部门 的试运行数据').fill('{"data":{"category":"fees"}}');
    await rule.getByRole('button', { name: '按草稿运行' }).click();
    await expect.poll(() => rule.getByTestId('rule-result').textContent()).toContain('"finance"');

    const logic = rule.getByLabel('按类别确定责任部门 的规则');
    await logic.fill('{"if": [');
    await rule.getByRole('button', { name: '保存到草稿' }).click();
    await rule.getByText('JSON 格式错误').waitFor();
    await logic.fill('"customerService"');
    await rule.getByRole('button', { name: '保存到草稿' }).click();
    const examples = issueOn(admin, '/document/plugins/complaints/rules/routeDepartment/examples');
    await expect.poll(() => examples.textContent()).toContain('示例与规则结果不符');
    await shotOf(rule, 'admin-11-rule-examples-refused');
    await admin.getByRole('button', { name: '放弃草稿' }).click();
    await expect.poll(() => admin.getByTestId('draft-status').textContent()).toContain('无修改');
    await draftSettled(admin);
    await admin.close();
  });

  it('calendar: an extra holiday for one project moves its working-day deadlines in the dry run', async () => {
    const admin = await login('admin');
    await admin.goto(`${h.baseUrl}/#/admin/calendar`);
    const ch = admin.locator('[data-calendar="CH"]');
    await ch.getByLabel('翠湖花园（CH） · 额外放假日 · 要添加的日期').fill('2026-11-03');
    await ch.getByRole('button', { name: '添加' }).first().click();
    await ch.getByText('2026-11-03').waitFor();
    await h.screenshot(admin, 'admin-12-calendar');

    await tab(admin, '审阅与启用');
    await admin.locator('tr[data-pointer-change="/projects/CH/calendar"], tr[data-pointer-change="/projects/CH/calendar/holidays"]').first().waitFor();
    await admin.getByLabel('试运行的严重程度').selectOption({ label: '重大' });
    await admin.getByRole('button', { name: '运行试运行' }).click();
    const answerAt = (side: string) => admin.getByTestId('dry-run-results').locator(`[data-side="${side}"][data-step="1"] [data-clock="answer"] [data-testid="dry-due"]`).textContent();
    await expect.poll(() => answerAt('current')).toBe('2026/11/05 23:59');
    await expect.poll(() => answerAt('draft')).toBe('2026/11/06 23:59');
    await admin.getByRole('button', { name: '放弃草稿' }).click();
    await expect.poll(() => admin.getByTestId('draft-status').textContent()).toContain('无修改');
    await draftSettled(admin);
    await admin.close();
  });

  it("a second company sets up manual B's deadlines in the browser; each company's clocks follow its own regime", async () => {
    const admin = await login('bay-admin');
    await admin.goto(`${h.baseUrl}/#/admin/workflow`);
    await expand(admin, '[data-deadline="answer"]');
    await expand(admin, '[data-deadline="resolve"]');
    const amount = (label: string) => admin.getByLabel(`${label} · 时长`, { exact: true });
    const unit = (label: string) => admin.getByLabel(`${label} · 单位`, { exact: true });
    await amount('重大投诉明确答复住户').fill('2');
    await unit('重大投诉明确答复住户').selectOption('days');
    await amount('解决并答复住户').fill('2');
    await unit('解决并答复住户').selectOption('days');
    await amount('解决并答复住户 · 重大').fill('10');
    await unit('解决并答复住户 · 重大').selectOption('days');
    await admin.getByLabel('解决并答复住户 · 另定时长的严重程度').selectOption({ label: '重要' });
    await admin.locator('[data-deadline="resolve"]').getByRole('button', { name: '添加', exact: true }).click();
    await amount('解决并答复住户 · 重要').fill('3');
    await unit('解决并答复住户 · 重要').selectOption('days');
    await h.screenshot(admin, 'admin-09-manual-b-deadlines');
    await shotOf(admin.locator('[data-deadline="resolve"]'), 'admin-09b-manual-b-resolve');

    await tab(admin, '审阅与启用');
    await admin.getByLabel('试运行的严重程度').selectOption({ label: '重大' });
    await admin.getByRole('button', { name: '运行试运行' }).click();
    const results = admin.getByTestId('dry-run-results');
    await expect.poll(() => results.locator('[data-side="draft"][data-step="1"] [data-clock="resolve"] [data-testid="dry-due"]').textContent()).toBe('2026/11/12 10:00');
    await admin.getByLabel('修改原因（必填）').fill('采用手册B投诉处理时限');
    await admin.getByRole('button', { name: '提交（待启用）' }).click();
    await admin.getByRole('button', { name: '启用版本 2' }).click();
    await confirmActivation(admin, 2);
    await expect.poll(() => admin.getByTestId('review-message').textContent(), { timeout: 30_000 }).toContain('已启用版本 2');
    await h.screenshot(admin, 'admin-10-manual-b-activated');
    await admin.close();

    expect(await currentVersion('bay-admin')).toBe(2);
    expect(await currentVersion('admin')).toBe(3);
    const b = {
      minor: await classify('bay-', await register('bay-'), 'minor'),
      important: await classify('bay-', await register('bay-'), 'important'),
      major: await classify('bay-', await register('bay-'), 'major'),
    };
    expect(due(b.minor, 'resolve') - now()).toBe(2 * DAY);
    expect(due(b.important, 'resolve') - now()).toBe(3 * DAY);
    expect(due(b.major, 'resolve') - now()).toBe(10 * DAY);
    expect(due(b.major, 'answer') - now()).toBe(2 * DAY);

    const a = {
      minor: await classify('', await register(), 'minor'),
      important: await classify('', await register(), 'important'),
      major: await classify('', await register(), 'major'),
    };
    expect(due(a.minor, 'resolve') - now()).toBe(24 * HOUR);
    expect(due(a.important, 'resolve') - now()).toBe(24 * HOUR);
    // by the end of the 3rd and the 7th working day after Monday 2 November 2026 (no holiday in between)
    expect(new Date(due(a.major, 'answer')).toISOString()).toBe(new Date('2026-11-05T23:59:59.999+08:00').toISOString());
    expect(new Date(due(a.major, 'resolve')).toISOString()).toBe(new Date('2026-11-11T23:59:59.999+08:00').toISOString());
  });
});
