/**
 * The printed 维修工作单 and 业主投诉处理单 opened from the case page in Chromium, as the staff print
 * them: Chinese only, the customer's signature drawn as an image, the technician and dispatcher
 * named, the reply and completion times filled from the history.
 * Screenshots: test-results/screenshots/print-work-order.png, print-complaint-sheet.png
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startBrowserHarness, type BrowserHarness, signIn } from './browser-harness.js';

let h: BrowserHarness;
const pageErrors: string[] = [];
const tokens: Record<string, string> = {};

beforeAll(async () => {
  h = await startBrowserHarness({ plugins: ['service-desk', 'billing', 'paid-services', 'complaints'], startAt: '2026-10-12T09:00:00+08:00' });
  for (const u of ['frontdesk', 'assistant', 'technician', 'supervisor', 'engineering']) tokens[u] = await h.kernel.login(u);
});
afterAll(async () => h?.close());
afterEach(() => expect(pageErrors).toEqual([]));

async function login(username: string): Promise<Page> {
  const page = await h.newPage();
  await page.clock.setFixedTime(h.kernel.clock.now());
  page.on('pageerror', (err) => pageErrors.push(err.message));
  await signIn(page, h.baseUrl, username);
  return page;
}

async function step(caseType: string, c: { id: number; version: number }, who: string, transition: string, data: Record<string, unknown> = {}) {
  const res = await h.kernel.call(tokens[who]!, 'POST', `/api/cases/${caseType}/${c.id}/transitions/${transition}`, { version: c.version, data });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { id: number; version: number; serial: string };
}

/** Opens the case page and its print link; returns the print tab. */
async function printFromCasePage(page: Page, caseType: string, id: number, title: string): Promise<Page> {
  await page.goto(`${h.baseUrl}/#/cases/${caseType}/${id}`);
  const link = page.getByRole('link', { name: new RegExp(title) });
  await link.waitFor();
  const [print] = await Promise.all([page.context().waitForEvent('page'), link.click()]);
  await print.waitForLoadState();
  return print;
}

const latinWords = (text: string) => text.replace(/\b[A-Z]{1,6}-\d{4}-\d{6}\b/g, ' ').match(/[A-Za-z]{2,}/g) ?? [];

describe('printed documents from the case page', { timeout: 120_000 }, () => {
  it('the signed repair work order: signature image, technician and dispatcher by name, Chinese only', async () => {
    const created = await h.kernel.call(tokens.frontdesk!, 'POST', '/api/cases/repair', {
      projectId: h.registry.projects.get('CH')!.id,
      data: { channel: 'phone', customerName: '王芳', contactPhone: '13800000002', appointmentAt: '2026-10-12T15:00:00+08:00', area: 'commonArea', location: '2栋电梯厅', category: 'electrical', content: '电梯厅灯不亮' },
    });
    expect(created.statusCode, created.body).toBe(201);
    let c = created.json() as { id: number; version: number; serial: string };
    c = await step('repair', c, 'assistant', 'dispatch');
    c = await step('repair', c, 'technician', 'pickUp', { pickedUpAt: h.kernel.clock.now().toISOString() });
    c = await step('repair', c, 'technician', 'startWork', { findings: '灯管老化', materialsSource: 'warehouse', materials: '灯管一支' });
    const page = await login('assistant');
    // a signature as the pad draws it: a stroke on a canvas, as a PNG data URL
    const signature = await page.evaluate(() => {
      const canvas = document.createElement('canvas');
      canvas.width = 240;
      canvas.height = 80;
      const g = canvas.getContext('2d')!;
      g.lineWidth = 3;
      g.beginPath();
      g.moveTo(12, 58);
      g.bezierCurveTo(50, 5, 80, 85, 120, 35);
      g.bezierCurveTo(150, 10, 170, 70, 228, 30);
      g.stroke();
      return canvas.toDataURL('image/png');
    });
    c = await step('repair', c, 'technician', 'complete', { workDone: '已更换灯管，试用正常', completedAt: h.kernel.clock.now().toISOString(), customerTested: true, customerSignature: signature });
    const print = await printFromCasePage(page, 'repair', c.id, '维修工作单');
    const text = await print.locator('body').innerText();
    const technician = (await h.kernel.call(tokens.assistant!, 'GET', `/api/cases/repair/${c.id}/events`)).json().items.find((e: { transition: string }) => e.transition === 'complete').actorName as string;
    expect(text).toContain(`服务人员：${technician}`);
    expect(text).not.toContain('客户已签名');
    const signatures = print.locator('img.signature[alt="客户签名"]');
    expect(await signatures.count()).toBe(3);
    expect(await signatures.first().evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(240);
    expect(latinWords(text)).toEqual([]);
    await h.screenshot(print, 'print-work-order');
  });

  it('the complaint sheet: 答复时间 and 处理完成时间 from the history, Chinese only', async () => {
    const created = await h.kernel.call(tokens.frontdesk!, 'POST', '/api/cases/complaint', {
      projectId: h.registry.projects.get('CH')!.id, unitId: h.registry.units.get('CH/1/101')!.id, personId: h.registry.people.get('张伟')!.id,
      data: { channel: 'phone', complainantName: '张伟', contactPhone: '13800000001', content: '楼道灯坏了三天没人修' },
    });
    let c = created.json() as { id: number; version: number; serial: string };
    c = await step('complaint', c, 'supervisor', 'classify', { nature: 'valid', severity: 'minor', category: 'repair' });
    h.kernel.clock.set(new Date('2026-10-12T14:20:00+08:00'));
    c = await step('complaint', c, 'engineering', 'handle', { cause: '灯管老化', correctiveAction: '更换灯管并检查线路', handledBy: '韩志' });
    h.kernel.clock.set(new Date('2026-10-12T15:05:00+08:00'));
    c = await step('complaint', c, 'frontdesk', 'reply', { replyMethod: 'phone', replyContent: '已更换灯管，感谢您的反馈' });

    const page = await login('supervisor');
    const print = await printFromCasePage(page, 'complaint', c.id, '业主投诉处理单');
    const row = async (label: string) => (await print.locator('tr', { has: print.locator('th', { hasText: new RegExp(`^${label}$`) }) }).first().innerText()).replace(/\s+/g, ' ');
    expect(await row('答复时间')).toContain('2026-10-12 15:05');
    expect(await row('处理完成时间')).toContain('2026-10-12 14:20');
    const text = await print.locator('body').innerText();
    expect(latinWords(text)).toEqual([]);
    expect(text).not.toMatch(/\/ (No|State|Project)/);
    await h.screenshot(print, 'print-complaint-sheet');
  });
});
