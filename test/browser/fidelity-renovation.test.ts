/**
 * Issue 18 (seed 000) in the staff app: the water or power cut request 《停水停电申请表》 (第4篇
 * 装修施工管理第20条, at least one day ahead — the server's refusal shown on the field) and the printed,
 * signed 《装修承诺书》 (第4篇 装修施工管理第1~26条, one row per rule from the settings).
 * Screenshots (zh-CN, desktop and 390×844): test-results/screenshots/fidelity-*.png
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { startBrowserHarness, type BrowserHarness, signIn } from './browser-harness.js';

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');
const SIGNATURE = `data:image/png;base64,${PNG.toString('base64')}`;

let h: BrowserHarness;
const pageErrors: string[] = [];

beforeAll(async () => {
  h = await startBrowserHarness({ plugins: ['service-desk', 'billing', 'renovation'], startAt: '2026-11-23T09:00:00+08:00' });
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

/** the visible screen only (the full page of a case is very long): /tmp/wuye-helpers/shots-fidelity/<name>.png */
async function view(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `/tmp/wuye-helpers/shots-fidelity/${name}.png` });
}

const field = (scope: Page | Locator, pointer: string): Locator => scope.locator(`[data-pointer="${pointer}"]`).first();

async function sign(page: Page, scope: Locator, pointer: string): Promise<void> {
  const pad = field(scope, pointer).locator('canvas');
  await pad.scrollIntoViewIfNeeded();
  const box = (await pad.boundingBox())!;
  await page.mouse.move(box.x + 30, box.y + box.height * 0.7);
  await page.mouse.down();
  for (let i = 1; i <= 12; i++) await page.mouse.move(box.x + 30 + i * 20, box.y + box.height * (0.7 - 0.4 * Math.abs(Math.sin(i / 2))));
  await page.mouse.up();
}

describe('renovation to the manual in the staff app (seed 000)', { timeout: 240_000 }, () => {
  let caseId = 0;
  let serial = '';

  beforeAll(async () => {
    const token = async (u: string) => h.kernel.login(u);
    const desk = await token('frontdesk');
    const uploads: Record<string, string> = {};
    for (const f of ['applicantIdCopy', 'contractorLicence', 'workerIdCopies', 'floorPlan', 'electricalPlan', 'plumbingPlan']) {
      const boundary = '----wuye' + f;
      const payload = Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${f}.png"\r\nContent-Type: image/png\r\n\r\n`), PNG, Buffer.from(`\r\n--${boundary}--\r\n`)]);
      const res = await h.kernel.app.inject({ method: 'POST', url: '/api/attachments', headers: { authorization: `Bearer ${desk}`, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
      uploads[f] = (res.json() as { id: string }).id;
    }
    const created = await h.kernel.call(desk, 'POST', '/api/cases/renovation', {
      projectId: h.registry.projects.get('CH')!.id, unitId: h.registry.units.get('CH/1/101')!.id,
      data: {
        applicantName: '张伟', applicantPhone: '13800000001', applicantRelation: 'owner', premisesUse: 'residential', area: 89.5,
        contractorName: '鸿图装饰工程有限公司', contractorManager: '刘建国', contractorPhone: '13911112222', worksScope: '厨卫翻新、客厅吊顶、全屋电路改造，不改动承重结构',
        plannedStartOn: '2026-11-25', plannedEndOn: '2027-01-15', hotWork: false, workers: [{ name: '刘建国', idNumber: '110101198001011234', trade: 'carpenter' }], ...uploads,
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    ({ id: caseId, serial } = created.json() as { id: number; serial: string });
    const step = async (user: string, transition: string, data: Record<string, unknown>) => {
      const t = await token(user);
      const c = (await h.kernel.call(t, 'GET', `/api/cases/renovation/${caseId}`)).json() as { version: number };
      const res = await h.kernel.call(t, 'POST', `/api/cases/renovation/${caseId}/transitions/${transition}`, { version: c.version, data });
      expect(res.statusCode, `${transition}: ${res.body}`).toBe(200);
    };
    await step('engineering', 'reviewDrawings', { drawingDecision: 'approved' });
    await step('security', 'reviewFire', { fireDecision: 'approved', extinguishersRequired: 1 });
    await step('cashier', 'collectFees', { paymentMethod: 'cash' });
    await step('frontdesk', 'signAgreements', { agreementSignature: SIGNATURE, pledgeSignature: SIGNATURE, fireSafetyPledgeSignature: SIGNATURE, handbookGiven: true });
    await step('supervisor', 'signPermitService', { permitSignature: SIGNATURE });
    await step('engineering', 'signPermitEngineering', { permitSignature: SIGNATURE });
    await step('security', 'signPermitSecurity', { permitSignature: SIGNATURE });
    await step('frontdesk', 'issuePermit', { worksStartOn: '2026-11-25', permitPosted: true, protectionChecked: true });
  });

  async function openCase(page: Page): Promise<void> {
    await page.goto(`${h.baseUrl}/#/cases/renovation/${caseId}`);
    await expect.poll(() => page.getByTestId('case-serial').textContent()).toBe(serial);
  }

  it('第4篇 第20条: the desk requests a water cut; less than a day ahead is refused on the field; engineering’s approval prints', async () => {
    const desk = await login('frontdesk');
    await openCase(desk);
    await desk.getByRole('button', { name: '停水停电申请（提前一天）', exact: true }).click();
    const dialog = desk.getByRole('dialog', { name: '停水停电申请（提前一天）' });
    await dialog.waitFor();
    await field(dialog, '/cutUtility').getByRole('radio', { name: '停水', exact: true }).check();
    await field(dialog, '/cutFrom').locator('input').fill('2026-11-24T08:00');
    await field(dialog, '/cutTo').locator('input').fill('2026-11-24T11:00');
    await field(dialog, '/cutArea').locator('input').fill('1栋101户内分户阀');
    await field(dialog, '/cutReason').locator('textarea').fill('卫生间改水管，须关闭分户阀');
    await field(dialog, '/cutRequestedBy').locator('input').fill('刘建国');
    await sign(desk, dialog, '/cutApplicantSignature');
    await dialog.getByRole('button', { name: '停水停电申请（提前一天）', exact: true }).click();
    await expect.poll(async () => (await dialog.innerText()).includes('须提前1天书面申请')).toBe(true);
    await h.screenshot(desk, 'fidelity-01-utility-cut-refused');
    await field(dialog, '/cutFrom').scrollIntoViewIfNeeded();
    await view(desk, 'view-01-utility-cut-refused');
    await desk.setViewportSize({ width: 390, height: 844 });
    await h.screenshot(desk, 'fidelity-02-utility-cut-refused-phone');
    await field(dialog, '/cutFrom').scrollIntoViewIfNeeded();
    await view(desk, 'view-02-utility-cut-refused-phone');
    await desk.setViewportSize({ width: 1280, height: 900 });
    await field(dialog, '/cutFrom').locator('input').fill('2026-11-24T10:00');
    await field(dialog, '/cutTo').locator('input').fill('2026-11-24T12:00');
    await dialog.getByRole('button', { name: '停水停电申请（提前一天）', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });

    const eng = await login('engineering');
    await openCase(eng);
    await eng.getByRole('button', { name: '工程部审批停水停电申请', exact: true }).click();
    const decide = eng.getByRole('dialog', { name: '工程部审批停水停电申请' });
    await field(decide, '/cutDecision').getByRole('radio', { name: '同意，按申请时间安排关停', exact: true }).check();
    await field(decide, '/cutDecisionNote').locator('textarea').fill('11月24日10:00关闭分户阀，12:00恢复');
    await sign(eng, decide, '/cutEngineeringSignature');
    await h.screenshot(eng, 'fidelity-03-utility-cut-approve');
    await decide.getByRole('button', { name: '工程部审批停水停电申请', exact: true }).click();
    await decide.waitFor({ state: 'hidden' });

    const [print] = await Promise.all([eng.context().waitForEvent('page'), eng.getByRole('link', { name: /停水停电申请表/ }).click()]);
    await print.waitForLoadState();
    const text = await print.locator('body').innerText();
    for (const s of ['停水停电申请表', '1栋101户内分户阀', '2026-11-24 10:00', '同意，按申请时间安排关停', `${serial}-TS1`]) expect(text).toContain(s);
    expect(text.replace(/ZX-\d{4}-\d{6}(-TS\d+)?/g, ' ').match(/[A-Za-z]{2,}/g)).toBeNull(); // no English or codes beside the numbers
    expect(await print.locator('img.signature').count()).toBe(2);
    await h.screenshot(print, 'fidelity-04-utility-cut-print');
    await print.setViewportSize({ width: 390, height: 844 });
    await h.screenshot(print, 'fidelity-05-utility-cut-print-phone');
  });

  it('第4篇 装修施工管理第1~26条: the pledge prints the 26 rules with the applicant’s signature', async () => {
    const desk = await login('frontdesk');
    await openCase(desk);
    const [print] = await Promise.all([desk.context().waitForEvent('page'), desk.getByRole('link', { name: /装修承诺书/ }).click()]);
    await print.waitForLoadState();
    expect(await print.locator('ol.pledge-rules li').count()).toBe(26);
    const text = await print.locator('body').innerText();
    expect(text).toContain('装修范围仅限于业主室内除承重墙、主体结构以外的部分');
    expect(text.replace(serial, ' ').match(/[A-Za-z]{2,}/g)).toEqual(['mm', 'PVC']); // only the manual's own words (1700mm, 阻燃PVC管)
    expect(await print.locator('img.signature').count()).toBe(1);
    await h.screenshot(print, 'fidelity-06-pledge-print');
    await print.setViewportSize({ width: 390, height: 844 });
    await h.screenshot(print, 'fidelity-07-pledge-print-phone');
    await view(print, 'view-07-pledge-print-phone');
    // the case page shows the pledge rules and the requests as tables
    await desk.getByText('《装修承诺书》条款（申请人逐条承诺）').first().scrollIntoViewIfNeeded();
    await view(desk, 'view-08-case-pledge-rules');
  });
});
