/**
 * The move-in fee step (收取入伙费用) in Chromium: a unit that stood vacant (billed for October and
 * November, October with a late fee) is handed over on 16 Nov. The cashier opens the step and sees
 * what is due now — the owner's days of November and the move-in items — with the total, takes it
 * in cash and prints the receipt from the case; the months before the handover are the developer's.
 * Screenshots: test-results/screenshots/billing-move-in-*.png (desktop and the cashier's 390×844).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startBrowserHarness, type BrowserHarness, signIn } from './browser-harness.js';

let h: BrowserHarness;
const pageErrors: string[] = [];
let caseId = 0;
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const SIGNATURE = `data:image/png;base64,${PNG.toString('base64')}`;

async function call<T>(username: string, method: 'GET' | 'POST', url: string, body?: unknown): Promise<T> {
  const res = await h.kernel.call(await h.kernel.login(username), method, url, body);
  expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
  return res.json() as T;
}

async function upload(username: string): Promise<string> {
  const boundary = `----wuye${Math.random().toString(16).slice(2)}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="scan.png"\r\nContent-Type: image/png\r\n\r\n`), PNG, Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const res = await h.kernel.app.inject({ method: 'POST', url: '/api/attachments', headers: { authorization: `Bearer ${await h.kernel.login(username)}`, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as { id: string }).id;
}

beforeAll(async () => {
  h = await startBrowserHarness({ plugins: ['service-desk', 'billing', 'paid-services', 'intake'], startAt: '2026-09-20T10:00:00+08:00' });
  const projectId = h.registry.projects.get('CH')!.id;
  for (const [period, at] of [['2026-10', '2026-09-20T10:00:00+08:00'], ['2026-11', '2026-10-20T10:00:00+08:00']] as const) {
    h.kernel.clock.set(at);
    await call('finance', 'POST', '/api/billing/runs', { periodKey: period, projectId });
  }
  h.kernel.clock.set('2026-11-16T09:00:00+08:00');
  const unitId = h.registry.units.get('CH/1/302')!.id; // 143.25 m², vacant
  const created = await call<{ id: number; version: number }>('frontdesk', 'POST', '/api/cases/moveIn', {
    projectId, unitId, data: { purchaserKind: 'owner', ownerName: '林晓', contactPhone: '13900000011', moveInNotice: await upload('frontdesk'), purchaseContract: await upload('frontdesk'), ownerIdCopy: await upload('frontdesk') },
  });
  await call('frontdesk', 'POST', `/api/cases/moveIn/${created.id}/transitions/register`, {
    version: created.version,
    data: {
      householdMembers: [{ name: '林晓', relation: 'owner', phone: '13900000011' }], contacts: [{ name: '林父', phone: '13900000013' }],
      emergencyContact: { name: '林父', phone: '13900000013', relation: '父亲' }, preliminaryContractSigned: true, covenantSigned: true, fireSafetyPledgeSigned: true, registrationSignature: SIGNATURE,
    },
  });
  caseId = created.id;
}, 240_000);
afterAll(async () => h?.close());
afterEach(() => expect(pageErrors).toEqual([]));

/** The text a person sees in an element, through shadow roots, with the values of inputs. */
function seenText(page: Page, selector: string): Promise<string> {
  return page.evaluate((sel) => {
    const out: string[] = [];
    const walk = (node: Node) => {
      if (node.nodeType === Node.TEXT_NODE) out.push(node.textContent ?? '');
      if (node instanceof HTMLInputElement || node instanceof HTMLTextAreaElement) out.push(` ${node.value} `);
      if (node instanceof Element && node.shadowRoot) node.shadowRoot.childNodes.forEach(walk);
      node.childNodes.forEach(walk);
    };
    const find = (root: Document | ShadowRoot): Element | null => {
      const hit = root.querySelector(sel);
      if (hit) return hit;
      for (const el of root.querySelectorAll('*')) if (el.shadowRoot) { const f = find(el.shadowRoot); if (f) return f; }
      return null;
    };
    const el = find(document);
    if (el) walk(el);
    return out.join('');
  }, selector);
}

async function login(username: string, viewport?: { width: number; height: number }): Promise<Page> {
  const page = await h.newPage();
  if (viewport) await page.setViewportSize(viewport);
  await page.clock.setFixedTime(h.kernel.clock.now());
  page.on('pageerror', (err) => pageErrors.push(err.message));
  await signIn(page, h.baseUrl, username);
  return page;
}

describe('the move-in fee step', { timeout: 240_000 }, () => {
  it('shows what is due now on a phone, takes it in cash and prints the receipt', async () => {
    const cashier = await login('cashier', { width: 390, height: 844 });
    await cashier.goto(`${h.baseUrl}/#/cases/moveIn/${caseId}`);
    await cashier.getByRole('button', { name: '收取入伙费用并出具收据' }).click();
    const dialog = cashier.getByRole('dialog');
    await dialog.waitFor();
    // the items due now and their total, before anything is taken
    await dialog.getByRole('radio', { name: '现金' }).waitFor();
    await expect.poll(() => seenText(cashier, 'dialog'), { timeout: 15_000 }).toContain('2026年11月（2026-11-16 至 2026-11-30）');
    const text = await seenText(cashier, 'dialog');
    for (const item of ['物业管理费', '179.07', '门禁卡工本费（2张）', '40.00', '水卡、电卡、燃气卡工本费', '《住户手册》及房屋水电图']) expect(text).toContain(item);
    expect(text).toContain('259.07');
    expect(text).not.toMatch(/accessCards|utilityCards|handbook|dueNow/);
    await h.screenshot(cashier, 'billing-move-in-01-due-now-phone');
    await cashier.setViewportSize({ width: 1280, height: 900 });
    await h.screenshot(cashier, 'billing-move-in-02-due-now-desktop');

    await dialog.getByRole('radio', { name: '现金' }).check();
    await dialog.getByRole('button', { name: '收取入伙费用并出具收据' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const account = await call<{ receivable: string }>('cashier', 'GET', `/api/billing/units/${h.registry.units.get('CH/1/302')!.id}/account`);
    expect(account.receivable).toBe('0.00');

    // the receipt prints from the case's documents
    const detail = await call<{ documents: { id: string; title: { 'zh-CN': string } }[] }>('cashier', 'GET', `/api/cases/moveIn/${caseId}`);
    expect(detail.documents.map((d) => d.id)).toContain('feeReceipt');
    const receipt = await cashier.context().newPage();
    await receipt.goto(`${h.baseUrl}/api/cases/moveIn/${caseId}/documents/feeReceipt`);
    const body = (await receipt.locator('body').textContent())!;
    expect(await receipt.locator('.copy-label').allTextContents()).toEqual(['第一联 存根', '第二联 收据（交款人）', '第三联 记账']);
    for (const t of ['门禁卡工本费（2张）', '2026年11月（2026-11-16 至 2026-11-30）', '¥259.07', '人民币贰佰伍拾玖元零柒分', '收款单位（盖章）', '现金']) expect(body).toContain(t);
    expect(body.replace(/SJ\d+|RH-\d{4}-\d{6}/g, ' ')).not.toMatch(/[A-Za-z]{2,}/);
    await h.screenshot(receipt, 'billing-move-in-03-receipt');
    await receipt.close();
    await cashier.close();
  });
});
