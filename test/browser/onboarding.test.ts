/**
 * Onboarding in the browser, on an empty database: the platform operator (operator:create, then
 * the operator API) creates a company with its first admin and project; the admin, in Chromium,
 * creates a building on 项目与楼栋 (a taken code refused on its field), imports a roster into the
 * new project (test fixture), and opens a cashier's account on 岗位与员工; after a billing run,
 * the cashier logs in and takes a payment on a unit of the imported roster.
 * Screenshots: test-results/screenshots/onboarding-*.png
 */
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ROOT_DIR } from '../../core/kernel.js';
import { CORE_COMMANDS } from '../../core/cli/core-commands.js';
import { startBrowserHarness, signIn, type BrowserHarness } from './browser-harness.js';

let h: BrowserHarness;
const pageErrors: string[] = [];
const ADMIN_PASSWORD = 'Lanxi-Gardens-8841';
const CASHIER_PASSWORD = 'Counter-Window-5530';
const ROSTER = path.join(ROOT_DIR, 'test/fixtures/onboarding/roster.csv');

beforeAll(async () => {
  h = await startBrowserHarness({ demo: false, plugins: ['service-desk', 'billing'], startAt: '2027-01-10T10:00:00+08:00' });
  process.env.ONBOARD_OPERATOR_PW = 'Harbour-Lights-4127';
  try {
    expect(await CORE_COMMANDS.get('operator:create')!.run(['ops', '--password-env', 'ONBOARD_OPERATOR_PW'], h.kernel)).toBe(0);
  } finally {
    delete process.env.ONBOARD_OPERATOR_PW;
  }
  const login = await h.kernel.call(null, 'POST', '/api/platform/login', { username: 'ops', password: 'Harbour-Lights-4127' });
  const created = await h.kernel.call(login.json().token, 'POST', '/api/platform/companies', {
    code: 'LANXI', name: '兰溪物业服务有限公司', timezone: 'Asia/Shanghai',
    admin: { username: 'lanxi-admin', name: '周敏', password: ADMIN_PASSWORD },
    projects: [{ code: 'LX', name: '兰溪花园' }],
  });
  expect(created.statusCode, created.body).toBe(201);
});
afterAll(async () => h?.close());
afterEach(() => expect(pageErrors).toEqual([]));

async function login(username: string, password: string): Promise<Page> {
  const page = await h.newPage();
  await page.clock.setFixedTime(h.kernel.clock.now());
  page.on('pageerror', (err) => pageErrors.push(err.message));
  await signIn(page, h.baseUrl, username, password);
  return page;
}

async function shots(page: Page, name: string) {
  await h.screenshot(page, `onboarding-${name}`);
  await page.screenshot({ path: `/tmp/wuye-helpers/shots-onboard/${name}-desktop.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await h.screenshot(page, `onboarding-${name}-phone`);
  await page.screenshot({ path: `/tmp/wuye-helpers/shots-onboard/${name}-phone.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
}

describe('a new company in the browser', { timeout: 240_000 }, () => {
  it('the admin creates a building and imports the roster on 项目与楼栋', async () => {
    const admin = await login('lanxi-admin', ADMIN_PASSWORD);
    await admin.goto(`${h.baseUrl}/#/admin/registry`);
    await admin.getByRole('heading', { name: '项目（管理处）' }).waitFor();
    expect(await admin.locator('nav.tabs a[aria-current="page"]').textContent()).toContain('项目与楼栋');
    await admin.getByRole('heading', { name: '兰溪花园 的楼栋' }).waitFor();
    expect(await admin.getByText('这个项目还没有楼栋。').count()).toBe(1);

    const form = admin.getByRole('form', { name: '新建楼栋' });
    await form.getByLabel('编码').fill('1');
    await form.getByLabel('名称').fill('1栋');
    await form.getByRole('button', { name: '新建楼栋' }).click();
    await expect.poll(() => admin.locator('wy-registry-buildings tbody tr').count()).toBe(1);
    expect(await admin.locator('wy-registry-buildings [role=status]').textContent()).toContain('已新建楼栋「1栋」');

    // the same code again: refused, nothing added
    await form.getByLabel('编码').fill('1');
    await form.getByLabel('名称').fill('又一个1栋');
    await form.getByRole('button', { name: '新建楼栋' }).click();
    await expect.poll(() => admin.locator('wy-registry-buildings [role=status]').textContent()).toContain('编码已被使用');
    expect(await admin.locator('wy-registry-buildings tbody tr').count()).toBe(1);

    // a roster with errors: each named by row and column, in Chinese; nothing imported
    await admin.locator('wy-registry-roster input[type=file]').setInputFiles(ROSTER.replace('roster.csv', 'roster-with-errors.csv'));
    await admin.getByRole('button', { name: '导入清单' }).click();
    await expect.poll(() => admin.locator('wy-registry-roster [role=status]').textContent(), { timeout: 15_000 }).toContain('清单有 2 处错误，未导入');
    const rosterIssues = await admin.locator('wy-registry-roster ul.issues li').allTextContents();
    expect(rosterIssues).toEqual([expect.stringMatching(/^第 2 行 A 列「项目编码」：本公司没有项目「ZZ」$/), '第 3 行 F 列「建筑面积」：建筑面积应为大于 0 的数，最多两位小数']);
    await shots(admin, 'roster-errors');
    expect(await admin.locator('wy-registry-buildings tbody tr').count()).toBe(1);

    await admin.locator('wy-registry-roster input[type=file]').setInputFiles(ROSTER);
    await admin.getByRole('button', { name: '检查清单' }).click();
    await expect.poll(() => admin.locator('wy-registry-roster [role=status]').textContent(), { timeout: 15_000 }).toContain('检查通过：共 3 行');
    await admin.getByRole('button', { name: '导入清单' }).click();
    await expect.poll(() => admin.locator('wy-registry-roster [role=status]').textContent(), { timeout: 15_000 }).toContain('已导入 3 行');
    // building 1 (made above) took its units; building 2 came with the roster
    await expect.poll(() => admin.locator('wy-registry-buildings tbody tr').count()).toBe(2);
    expect(await admin.locator('wy-registry-buildings tbody tr').allTextContents()).toEqual([expect.stringContaining('1栋'), expect.stringContaining('2栋')]);
    await shots(admin, 'registry');

    // a second project from the same screen
    const p = admin.getByRole('form', { name: '新建项目' });
    await p.getByLabel('编码').fill('LX2');
    await p.getByLabel('名称').fill('兰溪花园二期');
    await p.getByRole('button', { name: '新建项目' }).click();
    await admin.getByRole('heading', { name: '兰溪花园二期 的楼栋' }).waitFor();
    expect(await admin.locator('wy-registry-projects tbody tr').count()).toBe(2);
    // and renames it
    await admin.getByRole('button', { name: '改名 兰溪花园二期' }).click();
    const rename = admin.getByRole('form', { name: '改名 兰溪花园二期' });
    await rename.getByLabel('名称').fill('兰溪花园北区');
    await rename.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => admin.locator('wy-registry-projects tr[data-code="LX2"]').textContent()).toContain('兰溪花园北区');
    await admin.close();
  });

  it('the admin opens a cashier account on 岗位与员工', async () => {
    const admin = await login('lanxi-admin', ADMIN_PASSWORD);
    await admin.goto(`${h.baseUrl}/#/admin/roles`);
    const form = admin.getByRole('form', { name: '新建员工账号' });
    await form.getByLabel('用户名').fill('lx-cashier');
    await form.getByLabel('姓名').fill('吴晓');
    await form.getByLabel('初始密码').fill(CASHIER_PASSWORD);
    await form.getByRole('checkbox', { name: '收费员' }).check();
    await form.getByRole('checkbox', { name: '兰溪花园（LX）' }).check();
    // a common password first: refused on its field, in Chinese, no account made
    await form.getByLabel('初始密码').fill('12345678');
    await form.getByRole('button', { name: '创建账号' }).click();
    await expect.poll(() => form.getByRole('alert').first().textContent(), { timeout: 15_000 }).toContain('常见密码');
    // the refusal in Chinese only: no English server text, no field names
    expect(await admin.locator('wy-admin-staff-panel [role=status]').first().textContent()).not.toMatch(/[A-Za-z]/);
    await shots(admin, 'staff-refused');
    expect(await admin.locator('wy-admin-staff-panel tr[data-username="lx-cashier"]').count()).toBe(0);
    await form.getByLabel('初始密码').fill(CASHIER_PASSWORD);
    await form.getByRole('button', { name: '创建账号' }).click();
    await expect.poll(() => admin.locator('wy-admin-staff-panel [role=status]').first().textContent(), { timeout: 15_000 }).toContain('已创建账号：吴晓');
    await admin.locator('wy-admin-staff-panel tr[data-username="lx-cashier"]').waitFor();
    await admin.close();
  });

  it('the cashier logs in and takes a payment on a unit of the imported roster', async () => {
    const adminToken = await h.kernel.login('lanxi-admin', ADMIN_PASSWORD);
    const projectId = (await h.kernel.call(adminToken, 'GET', '/api/projects')).json().items.find((p: { code: string }) => p.code === 'LX').id;
    // bills to pay: the admin (who now holds billing.run) runs December's billing
    const run = await h.kernel.call(adminToken, 'POST', '/api/billing/runs', { periodKey: '2026-12', projectId });
    expect(run.statusCode, run.body).toBe(200);
    expect(run.json().created).toBeGreaterThan(0);
    const unit = (await h.kernel.call(adminToken, 'GET', `/api/units?projectId=${projectId}&number=101`)).json().items[0];

    const cashier = await login('lx-cashier', CASHIER_PASSWORD);
    await cashier.goto(`${h.baseUrl}/#/units/${unit.id}`);
    await cashier.getByTestId('billing-account-link').click();
    await cashier.getByRole('heading', { name: /的收费账户/ }).waitFor();
    const pay = cashier.getByRole('form', { name: '收款' });
    await pay.getByLabel('金额（元）').fill('50.00');
    await pay.getByLabel('付款人').fill('测试业主甲');
    await pay.getByRole('button', { name: '核对收款' }).click();
    await cashier.getByTestId('payment-summary').getByRole('button', { name: '确认收款' }).click();
    await expect.poll(() => cashier.getByTestId('payment-result').textContent()).toContain('已收款 50.00 元');
    const cashierToken = await h.kernel.login('lx-cashier', CASHIER_PASSWORD);
    const payments = (await h.kernel.call(cashierToken, 'GET', `/api/billing/payments?unitId=${unit.id}`)).json();
    expect(payments.items).toEqual([expect.objectContaining({ amount: '50.00' })]);
    await cashier.close();
  });
});
