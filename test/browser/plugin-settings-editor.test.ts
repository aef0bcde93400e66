/**
 * 业务设置 — every plugin's settings edited in Chromium from the plugin's own settings schema
 * (zh-CN, as the company admin): the paid-services price list, renovation's penalty table and an
 * intake inspection checklist are edited as tables, the draft is dry-run, proposed and activated
 * in the review tab, and then new cases (over the API) use each new value: a service order's
 * confirmed price, a renovation violation's penalty and a vacant-unit inspection's checklist.
 * Billing's settings are only linked to their own fee tables. No codes, English or JSON on screen.
 * Screenshots: test-results/screenshots/plugin-settings-*.png (desktop and 390×844).
 */
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { startBrowserHarness, signIn, type BrowserHarness } from './browser-harness.js';
import { SIGNATURE, applicationAttachments, bj, example, upload } from '../../plugins/renovation/test-support/fixtures.js';

let h: BrowserHarness;
const pageErrors: string[] = [];
const defaults = (plugin: string) => (JSON.parse(readFileSync(new URL(`../../plugins/${plugin}/plugin.json`, import.meta.url), 'utf8')) as { config: { defaults: Record<string, Record<string, unknown>> } }).config.defaults;

beforeAll(async () => {
  h = await startBrowserHarness({ plugins: ['service-desk', 'billing', 'paid-services', 'renovation', 'intake', 'parcel-desk'], startAt: '2026-11-10T09:00:00+08:00' });
});
afterAll(async () => h?.close());
afterEach(() => expect(pageErrors).toEqual([]));

const tokens: Record<string, string> = {};
async function call<T>(as: string, method: 'GET' | 'POST', url: string, body?: unknown, status = 200): Promise<T> {
  tokens[as] ||= await h.kernel.login(as);
  const res = await h.kernel.call(tokens[as], method, url, body);
  expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(status);
  return res.json() as T;
}
interface CaseBody { id: number; version: number; state: string; data: Record<string, unknown> }
const step = async (caseType: string, as: string, c: CaseBody, transition: string, data?: Record<string, unknown>) =>
  call<CaseBody>(as, 'POST', `/api/cases/${caseType}/${c.id}/transitions/${transition}`, { version: c.version, ...(data ? { data } : {}) });

/** What a person reads on the page (text and the values in its controls), shadow roots included. */
async function seenText(part: Locator): Promise<string> {
  return part.evaluate((root) => {
    const out: string[] = [];
    const walk = (node: Node) => {
      if (node instanceof HTMLInputElement || node instanceof HTMLTextAreaElement) out.push(node.value);
      else if (node.nodeType === Node.TEXT_NODE) out.push(node.textContent ?? '');
      if (node instanceof Element && node.shadowRoot) walk(node.shadowRoot);
      if (node instanceof HTMLSelectElement) { out.push(node.selectedOptions[0]?.textContent ?? ''); return; }
      if (node instanceof HTMLStyleElement || node instanceof HTMLScriptElement) return;
      node.childNodes.forEach(walk);
    };
    walk(root);
    return out.join(' ');
  });
}

async function shoot(page: Page, name: string): Promise<void> {
  await h.screenshot(page, name);
  await page.screenshot({ path: `/tmp/wuye-helpers/shots-types/${name}.png`, fullPage: true });
}

/** The table of one setting (its title is the table's legend). */
const table = (page: Page, title: string) => page.locator('wy-settings-table-widget', { has: page.locator('legend', { hasText: title }) });

describe('plugin settings editor', () => {
  const newTitle = '入户门表面、门锁及猫眼';
  const vacantItems = Object.entries(defaults('intake').inspectionItems!).filter(([, item]) => (item as { checks: string[] }).checks.includes('vacant')).map(([code]) => code);

  it('edits the price list, the penalty table and a checklist as tables, dry-runs, proposes and activates', async () => {
    const admin = await h.newPage();
    await admin.clock.setFixedTime(new Date('2026-11-10T09:00:00+08:00'));
    admin.on('pageerror', (err) => pageErrors.push(err.message));
    await signIn(admin, h.baseUrl, 'admin');
    await admin.getByTestId('admin-nav').getByRole('link', { name: '业务设置' }).click();
    await admin.getByRole('heading', { name: '系统配置' }).waitFor();
    const choice = admin.getByLabel('业务模块');

    // billing keeps its fee tables: only a link here
    await choice.selectOption({ label: '收费与催缴' });
    await admin.getByRole('link', { name: '前往「收费标准」' }).waitFor();
    expect(await admin.locator('wy-admin-plugin-settings-page wy-form').count()).toBe(0);
    // paid services: the tap and valve repair costs 28.00 from now on
    await choice.selectOption({ label: '特约（有偿）服务与报修' });
    const prices = table(admin, '有偿服务收费标准');
    const tapRow = prices.locator(`tr[data-row="${Object.keys(defaults('paid-services').catalog!).indexOf('tapValve')}"]`);
    expect(await tapRow.getByLabel('项目名称').inputValue()).toBe('水龙头、闸阀维修');
    await tapRow.getByLabel('单价（元）').fill('28.00');
    await tapRow.getByLabel('单价（元）').press('Tab');
    await expect.poll(() => admin.getByTestId('draft-status').textContent()).toContain('处修改');
    await shoot(admin, 'plugin-settings-01-price-list');
    const words = await seenText(admin.locator('wy-admin-plugin-settings-page'));
    for (const code of ['tapValve', 'fluorescentLamp', 'electrical', 'paid-services', 'catalog', '{', 'Price']) expect(words).not.toContain(code);

    // renovation: materials or debris not bagged costs 650.00
    await choice.selectOption({ label: '装修管理（二次装修）' });
    const penalties = table(admin, '违章处罚表');
    const debris = penalties.locator(`tr[data-row="${Object.keys(defaults('renovation').penalties!).indexOf('debrisNotBagged')}"]`);
    expect(await debris.getByLabel('违章名称').inputValue()).toBe('材料或垃圾未装袋（每次）');
    await debris.getByLabel('扣款（元）').fill('650.00');
    await debris.getByLabel('扣款（元）').press('Tab');
    await shoot(admin, 'plugin-settings-02-penalties');

    // intake: the first item of the vacant-unit round gets a clearer name
    await choice.selectOption({ label: '入伙、托管、迁出与空置房' });
    const checklist = table(admin, '验房检查项目');
    const first = checklist.locator(`tr[data-row="${Object.keys(defaults('intake').inspectionItems!).indexOf(vacantItems[0]!)}"]`);
    await first.getByLabel('检查内容').fill(newTitle);
    await first.getByLabel('检查内容').press('Tab');
    await shoot(admin, 'plugin-settings-03-checklist');
    for (const code of ['entranceDoor', 'moveIn', 'wholeUnit', 'inspectionItems']) expect(await seenText(admin.locator('wy-admin-plugin-settings-page'))).not.toContain(code);

    // every plugin's settings read in Chinese: no codes (camelCase identifiers), no JSON
    for (const title of await choice.locator('option').allTextContents()) {
      await choice.selectOption({ label: title });
      const seen = await seenText(admin.locator('wy-admin-plugin-settings-page'));
      expect((seen.match(/\b[a-z]+[A-Z][A-Za-z]*\b|[{}]/g) ?? []).filter((w) => w !== 'kWh'), title).toEqual([]); // kWh: a unit, not a code
    }
    await choice.selectOption({ label: '物品寄存与放行' });
    await shoot(admin, 'plugin-settings-03c-parcel-desk');

    // back to the price list: the edit is still in the draft; a malformed price is shown on its control
    await choice.selectOption({ label: '特约（有偿）服务与报修' });
    expect(await tapRow.getByLabel('单价（元）').inputValue()).toBe('28.00');
    const lamp = prices.locator('tr[data-row="0"]').getByLabel('单价（元）');
    await lamp.fill('20元');
    await lamp.press('Tab');
    await expect.poll(() => lamp.getAttribute('aria-invalid')).toBe('true');
    await shoot(admin, 'plugin-settings-03b-invalid-price');
    await lamp.fill('20.00');
    await lamp.press('Tab');

    // on a phone the tables scroll inside their box; the page does not
    await admin.setViewportSize({ width: 390, height: 844 });
    await shoot(admin, 'plugin-settings-04-phone');
    expect(await admin.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await admin.setViewportSize({ width: 1280, height: 900 });

    // review: the changes in words, a dry run, propose and activate
    const nav = admin.getByRole('navigation', { name: '配置编辑' });
    await nav.getByRole('link', { name: '审阅与启用', exact: true }).click();
    const changes = admin.getByTestId('changes');
    await expect.poll(() => changes.textContent()).toContain('28.00');
    expect(await changes.textContent()).toContain('650.00');
    expect(await changes.textContent()).toContain(newTitle);
    // where each change is, in words: the row by its title, never a code
    expect(await changes.textContent()).toContain('有偿服务收费标准 · 「水龙头、闸阀维修」 · 单价（元）');
    expect(await changes.textContent()).toContain('违章处罚表 · 「材料或垃圾未装袋（每次）」 · 扣款（元）');
    for (const code of ['catalog', 'tapValve', 'penalties', 'debrisNotBagged', 'inspectionItems', vacantItems[0]!]) expect(await changes.textContent()).not.toContain(code);
    // the dry run of a paid service order under the draft (the review tab's own dry run)
    await admin.getByLabel('事项类型').selectOption({ label: '特约（有偿）服务' });
    await admin.getByRole('button', { name: '运行试运行' }).click();
    await admin.getByTestId('dry-run-results').waitFor();
    await shoot(admin, 'plugin-settings-04b-review-dry-run');
    await admin.getByLabel('修改原因（必填）').fill('调整水龙头维修价、垃圾未装袋罚款和空置房检查项目名称');
    await admin.getByRole('button', { name: '提交（待启用）' }).click();
    await expect.poll(() => admin.getByTestId('review-message').textContent(), { timeout: 30_000 }).toContain('已提交为版本 2');
    await admin.getByRole('button', { name: '启用版本 2' }).click();
    await admin.getByTestId('activate-dialog').getByRole('button', { name: '确认启用版本 2' }).click();
    await expect.poll(() => admin.getByTestId('review-message').textContent(), { timeout: 30_000 }).toContain('已启用版本 2');
    await shoot(admin, 'plugin-settings-05-activated');
    await admin.close();
  }, 120_000);

  it('a new service order is priced from the new list', async () => {
    const projectId = h.registry.projects.get('CH')!.id;
    let c = await call<CaseBody>('frontdesk', 'POST', '/api/cases/serviceOrder', {
      projectId, unitId: h.registry.units.get('CH/1/101')!.id, personId: h.registry.people.get('张伟')!.id,
      data: { channel: 'phone', customerName: '张伟', contactPhone: '13800000001', serviceItem: 'tapValve', appointmentAt: '2026-11-10T14:00:00+08:00', description: '厨房水龙头滴水' },
    }, 201);
    c = await step('serviceOrder', 'assistant', c, 'accept', {});
    c = await step('serviceOrder', 'technician', c, 'pickUp', { pickedUpAt: h.kernel.clock.now().toISOString() });
    c = await step('serviceOrder', 'technician', c, 'confirmPrice', { serviceItem: 'tapValve', quantity: 1, materialsSource: 'warehouse', materials: '水龙头一个', materialsCost: '60', customerAgreed: true });
    expect(c.data).toMatchObject({ unitPrice: '28.00', amount: '88.00' });
  });

  it('a new renovation\'s violation is deducted at the new penalty', async () => {
    tokens.frontdesk ||= await h.kernel.login('frontdesk');
    const files = await applicationAttachments(h.kernel, tokens.frontdesk);
    const { hotWorkDescription: _hot, ...application } = example.data;
    let c = await call<CaseBody>('frontdesk', 'POST', '/api/cases/renovation', {
      projectId: h.registry.projects.get('CH')!.id, unitId: h.registry.units.get('CH/1/202')!.id,
      data: { ...application, ...files, area: 120, hotWork: false, plannedStartOn: '2026-11-12', plannedEndOn: '2026-12-31' },
    }, 201);
    c = await step('renovation', 'engineering', c, 'reviewDrawings', { drawingDecision: 'approved', drawingComments: '同意' });
    c = await step('renovation', 'security', c, 'reviewFire', { fireDecision: 'approved', extinguishersRequired: 2 });
    c = await step('renovation', 'cashier', c, 'collectFees', { paymentMethod: 'transfer', receiptNo: 'SJ-1110-01' });
    c = await step('renovation', 'frontdesk', c, 'signAgreements', { agreementSignature: SIGNATURE, pledgeSignature: SIGNATURE, fireSafetyPledgeSignature: SIGNATURE, handbookGiven: true });
    c = await step('renovation', 'supervisor', c, 'signPermitService', { permitSignature: SIGNATURE, permitOpinion: '同意施工' });
    c = await step('renovation', 'engineering', c, 'signPermitEngineering', { permitSignature: SIGNATURE });
    c = await step('renovation', 'security', c, 'signPermitSecurity', { permitSignature: SIGNATURE });
    c = await step('renovation', 'frontdesk', c, 'issuePermit', { worksStartOn: '2026-11-12', permitPosted: true, protectionChecked: true });
    expect(c.state).toBe('works');
    h.kernel.clock.set(new Date(bj('2026-11-12 10:00')));
    tokens.security ||= await h.kernel.login('security');
    const photo = (await upload(h.kernel, tokens.security, '违章.png')).id;
    c = await step('renovation', 'security', c, 'recordViolation', { violationCode: 'debrisNotBagged', violationDescription: '装修垃圾散堆在走廊', violationPhoto: photo, actionTaken: 'stopped', observedAt: bj('2026-11-12 09:30') });
    expect(c.data).toMatchObject({ penaltyAmount: '650.00' });
  });

  it('a new vacant-unit round checks the renamed item', async () => {
    const projectId = h.registry.projects.get('CH')!.id;
    const listed = await call<{ items: { code: string; title: { 'zh-CN': string } }[] }>('concierge', 'GET', `/api/intake/checklists/vacant?projectId=${projectId}`);
    expect(listed.items.find((i) => i.code === vacantItems[0])?.title['zh-CN']).toBe(newTitle);
    const c = await call<CaseBody>('concierge', 'POST', '/api/cases/vacantUnit', {
      projectId, unitId: h.registry.units.get('CH/2/302')!.id, data: { source: 'newHandover', vacantSince: '2026-10-01', keyLocation: '客服中心钥匙柜 B-12' },
    }, 201);
    const answers = vacantItems.slice(1).map((item) => ({ item, result: 'ok' }));
    const refused = await call<{ message: string }>('concierge', 'POST', `/api/cases/vacantUnit/${c.id}/transitions/inspect`, {
      version: c.version, data: { inspectedAt: h.kernel.clock.now().toISOString(), inspectors: '李娜', inspectionItems: answers },
    }, 422);
    expect(refused.message).toContain(`未检查：${newTitle}`);
  });
});
