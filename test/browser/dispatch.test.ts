/**
 * Named dispatch in the staff app (Chromium): the supervisor accepts a paid-service order and sends
 * it to 谢工 by name with the 派工 form's staff picker (the technicians of the project, with their
 * open jobs); the case page names the 经办人. 谢工 logs in on a 390×844 phone and finds the job in
 * 我的待办; the clerk who registered it follows it under 我登记的. Screenshots (zh-CN, desktop and
 * phone): test-results/screenshots/dispatch-*.png, copied to $WUYE_SHOTS_DIR when set.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startBrowserHarness, type BrowserHarness, signIn } from './browser-harness.js';

let h: BrowserHarness;
const pageErrors: string[] = [];

beforeAll(async () => {
  h = await startBrowserHarness({ plugins: ['service-desk', 'billing', 'paid-services'], startAt: '2026-10-12T09:00:00+08:00' });
}, 240_000);
afterAll(async () => h?.close());
afterEach(() => expect(pageErrors).toEqual([]));

async function login(username: string, phone = false): Promise<Page> {
  const page = await h.newPage();
  if (phone) await page.setViewportSize({ width: 390, height: 844 });
  await page.clock.setFixedTime(h.kernel.clock.now());
  page.on('pageerror', (err) => pageErrors.push(err.message));
  await signIn(page, h.baseUrl, username);
  return page;
}

async function shot(page: Page, name: string): Promise<void> {
  await h.screenshot(page, `dispatch-${name}`);
}

/** No English, ids or raw codes on a staff screen. */
async function plainChinese(page: Page): Promise<void> {
  const text = await page.locator('body').innerText();
  for (const raw of ['technicianId', 'serviceOrder', 'technician', 'assignee', 'undefined', 'null', '[object']) expect(text).not.toContain(raw);
}

describe('派工 to a named technician', () => {
  let serial = '';
  let caseId = 0;

  it('the supervisor sends the paid-service order to 谢工 by name', async () => {
    const reg = h.registry;
    const front = await h.kernel.login('frontdesk');
    const res = await h.kernel.call(front, 'POST', '/api/cases/serviceOrder', {
      projectId: reg.projects.get('CH')!.id, unitId: reg.units.get('CH/1/101')!.id,
      data: { channel: 'phone', customerName: '张伟', contactPhone: '13800000001', serviceItem: 'tapValve', appointmentAt: '2026-10-12T14:00:00+08:00', description: '厨房水龙头关不紧，一直滴水' },
    });
    expect(res.statusCode, res.body).toBe(201);
    ({ serial, id: caseId } = res.json() as { serial: string; id: number });

    const page = await login('supervisor');
    await page.goto(`${h.baseUrl}/#/cases/serviceOrder/${caseId}`);
    await expect.poll(() => page.getByTestId('case-serial').textContent()).toBe(serial);
    await expect.poll(() => page.getByTestId('assignee').textContent()).toContain('客服助理');
    await page.getByRole('button', { name: '受理并派工', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: '受理并派工' });
    await dialog.waitFor();
    const picker = dialog.getByRole('combobox', { name: '派给维修人员' });
    await expect.poll(async () => (await picker.locator('option').allTextContents()).join('|')).toContain('维修技工 谢工（在办 0 件）');
    const options = await picker.locator('option').allTextContents();
    expect(options).toEqual(expect.arrayContaining(['维修技工 谢工（在办 0 件）', '维修技工 周工（在办 0 件）']));
    await picker.selectOption({ label: '维修技工 谢工（在办 0 件）' });
    await shot(page, 'desktop-dispatch-form');
    await dialog.getByRole('button', { name: '受理并派工', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => page.getByTestId('assignee').textContent()).toContain('维修技工 谢工');
    await expect.poll(() => page.locator('[data-event="assigned"]').count()).toBe(1);
    // the case data names the technician, never his record id
    await expect.poll(async () => (await page.locator('wy-ref-label span').allTextContents()).join('|')).toContain('维修技工 谢工');
    await plainChinese(page);
    await shot(page, 'desktop-case-page');
    const c = (await h.kernel.call(front, 'GET', `/api/cases/serviceOrder/${caseId}`)).json();
    expect([c.state, c.assigneeId]).toEqual(['dispatched', h.registry.staff.get('technician')!.id]);
  });

  it('谢工 finds it in 我的待办 on his phone; the clerk follows it under 我登记的', async () => {
    const phone = await login('technician', true);
    await phone.getByRole('tab', { name: '我的待办' }).click();
    await expect.poll(() => phone.getByRole('link', { name: serial }).count()).toBeGreaterThan(0);
    await expect.poll(async () => (await phone.getByTestId('assignee-name').locator('wy-ref-label span').allTextContents()).join('|')).toContain('维修技工 谢工');
    await plainChinese(phone);
    await shot(phone, 'phone-my-queue');
    await phone.getByRole('link', { name: serial }).first().click();
    await expect.poll(() => phone.getByTestId('assignee').textContent()).toContain('维修技工 谢工');
    await shot(phone, 'phone-case-page');

    const clerk = await login('frontdesk');
    await clerk.getByRole('tab', { name: '我登记的' }).click();
    await expect.poll(() => clerk.getByRole('link', { name: serial }).count()).toBeGreaterThan(0);
    await expect.poll(async () => (await clerk.getByTestId('assignee-name').locator('wy-ref-label span').allTextContents()).join('|')).toContain('维修技工 谢工');
    await plainChinese(clerk);
    await shot(clerk, 'desktop-registered');
  });

  it('the admin writes a rule in 派工规则 and the dry run says who the draft would pick and why', async () => {
    const page = await login('admin');
    await page.goto(`${h.baseUrl}/#/admin/assignment`);
    await page.getByRole('heading', { name: '派工规则' }).first().waitFor();
    await page.getByLabel('技能清单').fill('水电、土建、门窗');
    await page.getByRole('button', { name: '保存技能清单' }).click();
    const add = page.locator('form', { has: page.getByRole('button', { name: '加入规则' }) });
    await add.getByLabel('规则名称').fill('技工按在办量');
    await add.getByLabel('岗位').selectOption({ label: '客户维修技工' });
    await add.getByLabel('派给方式').selectOption({ label: '在办最少者' });
    await add.getByRole('button', { name: '加入规则' }).click();
    await expect.poll(() => page.getByTestId('rule-row').count()).toBe(1);
    const dry = page.locator('form', { has: page.getByRole('button', { name: '试算' }) });
    await dry.getByLabel('适用事项').selectOption({ label: '特约（有偿）服务' });
    await dry.getByLabel('岗位').selectOption({ label: '客户维修技工' });
    await dry.getByRole('button', { name: '试算' }).click();
    // 谢工 has the order dispatched above: 周工, with none open, is picked
    await expect.poll(() => page.getByTestId('dry-answer').textContent()).toContain('将派给：维修技工 周工');
    await plainChinese(page);
    await shot(page, 'desktop-admin-rules');
  });

  it('staff skills are ticked in the staff panel from the company list', async () => {
    await h.kernel.call(await h.kernel.login('admin'), 'POST', '/api/config/versions', { reason: '技能', patch: { assignment: { skills: ['水电', '土建', '门窗'] } } })
      .then(async (r) => h.kernel.call(await h.kernel.login('admin'), 'POST', `/api/config/versions/${r.json().number}/activate`, {}));
    const page = await login('admin');
    await page.goto(`${h.baseUrl}/#/admin/roles`);
    await page.getByRole('button', { name: '编辑 维修技工 周工' }).click();
    const skills = page.locator('wy-staff-skills');
    // the demo gives 周工 土建 and 门窗: he now does plumbing and electrics instead of masonry
    await expect.poll(() => skills.getByRole('checkbox', { name: '土建' }).isChecked()).toBe(true);
    await skills.getByRole('checkbox', { name: '土建' }).uncheck();
    await skills.getByRole('checkbox', { name: '水电' }).check();
    await skills.getByRole('button', { name: '保存技能' }).click();
    await expect.poll(() => skills.getByRole('status').textContent()).toContain('技能已保存');
    const rows = (await h.kernel.call(await h.kernel.login('admin'), 'GET', '/api/staff/skills')).json().staff as { id: number; skills: string[] }[];
    expect([...rows.find((r) => r.id === h.registry.staff.get('technician2')!.id)!.skills].sort()).toEqual(['水电', '门窗'].sort());
    await shot(page, 'desktop-staff-skills');
  });
});
