/**
 * The renovation plugin through the staff app in Chromium, from its declarations only: the front
 * desk registers an application through the generated form (unit, workers as a repeating group,
 * attachments uploaded from the form), engineering returns the drawings with comments, the desk
 * resubmits a revised floor plan, engineering approves and security passes the fire review; after
 * the cashier's and the desk's steps (over the API), the three department heads sign the permit
 * with drawn signatures — issuing it before all three have signed is refused in the dialog — and
 * the desk issues it; the printed 《装修施工许可证》 shows the three signatures. During the works
 * security records a violation whose penalty is deducted from the deposit, the cashier tops it up,
 * and after the inspections the manager approves the refund in the app. Screenshots:
 * test-results/screenshots/renovation-*.png
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { startBrowserHarness, type BrowserHarness, signIn } from './browser-harness.js';

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');

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

/** The widget of a field by its JSON pointer (CSS locators pierce the widgets' shadow roots). */
const field = (scope: Page | Locator, pointer: string): Locator => scope.locator(`[data-pointer="${pointer}"]`).first();
const stateOf = (page: Page) => page.getByTestId('case-state');

async function choose(scope: Page | Locator, pointer: string, option: string): Promise<void> {
  const widget = field(scope, pointer);
  await widget.waitFor();
  const select = widget.locator('select');
  if (await select.count()) await select.first().selectOption({ label: option });
  else await widget.getByRole('radio', { name: option, exact: true }).check();
}

/** Ticks a boolean field shown as a checkbox, or answers 是 when it is shown as yes/no radios. */
async function tick(scope: Locator, pointer: string): Promise<void> {
  const widget = field(scope, pointer);
  const box = widget.getByRole('checkbox');
  if (await box.count()) await box.first().check();
  else await widget.getByRole('radio', { name: '是', exact: true }).check();
}

async function attach(scope: Page | Locator, pointer: string, name: string): Promise<void> {
  await field(scope, pointer).locator('input.file-input').setInputFiles({ name, mimeType: 'image/png', buffer: PNG });
  await expect.poll(() => field(scope, pointer).locator('.file-name').first().textContent()).toBe(name);
}

async function sign(page: Page, scope: Locator, pointer: string): Promise<void> {
  const pad = field(scope, pointer).locator('canvas');
  await pad.scrollIntoViewIfNeeded();
  const box = (await pad.boundingBox())!;
  await page.mouse.move(box.x + 30, box.y + box.height * 0.7);
  await page.mouse.down();
  for (let i = 1; i <= 12; i++) await page.mouse.move(box.x + 30 + i * 20, box.y + box.height * (0.7 - 0.4 * Math.abs(Math.sin(i / 2))));
  await page.mouse.up();
}

async function openCase(page: Page, serial: string): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: '装修申报' }).click();
  await page.getByRole('searchbox', { name: '搜索' }).fill(serial);
  await page.getByRole('button', { name: '查询' }).click();
  await page.getByRole('link', { name: serial, exact: true }).click();
  await expect.poll(() => page.getByTestId('case-serial').textContent()).toBe(serial);
}

async function takeStep(page: Page, title: string): Promise<Locator> {
  await page.getByRole('button', { name: title, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: title });
  await dialog.waitFor();
  return dialog;
}

describe('renovation through the staff app', { timeout: 180_000 }, () => {
  let serial = '';
  let caseId = 0;

  it('the front desk registers an application with its workers and attachments through the generated form', async () => {
    const desk = await login('frontdesk');
    await desk.getByRole('navigation').getByRole('link', { name: '装修申报' }).click();
    await desk.getByRole('link', { name: /登记装修申报/ }).click();
    await desk.getByRole('heading', { name: '登记装修申报' }).waitFor();
    await desk.getByPlaceholder('输入房号，如 101').fill('10');
    await desk.getByRole('button', { name: '1栋 101' }).click();
    await expect.poll(() => desk.getByTestId('chosen-unit').textContent()).toBe('1栋 101');

    await field(desk, '/applicantName').locator('input').fill('张伟');
    await field(desk, '/applicantPhone').locator('input').fill('13800000001');
    await choose(desk, '/applicantRelation', '业主');
    await attach(desk, '/applicantIdCopy', '张伟身份证.png');
    await choose(desk, '/premisesUse', '住宅');
    await field(desk, '/area').locator('input').fill('89.5');
    await field(desk, '/worksScope').locator('textarea').fill('厨卫翻新、客厅吊顶、全屋电路改造，不改动承重结构');
    await field(desk, '/plannedStartOn').locator('input').fill('2026-11-25');
    await field(desk, '/plannedEndOn').locator('input').fill('2027-01-15');
    await choose(desk, '/hotWork', '否');
    await field(desk, '/contractorName').locator('input').fill('鸿图装饰工程有限公司');
    await field(desk, '/contractorManager').locator('input').fill('刘建国');
    await field(desk, '/contractorPhone').locator('input').fill('13911112222');
    await attach(desk, '/contractorLicence', '营业执照.png');
    await field(desk, '/workers').locator('button.add').click();
    await field(desk, '/workers/0/name').locator('input').fill('王强');
    await field(desk, '/workers/0/idNumber').locator('input').fill('11010119850202123X');
    await choose(desk, '/workers/0/trade', '电工');
    await attach(desk, '/floorPlan', '平面图.png');
    await attach(desk, '/electricalPlan', '电气图.png');
    await h.screenshot(desk, 'renovation-01-application-form');
    await desk.getByRole('button', { name: '登记', exact: true }).click();
    await desk.getByTestId('case-serial').waitFor();
    serial = (await desk.getByTestId('case-serial').textContent()) ?? '';
    expect(serial).toMatch(/^ZX-2026-\d{6}$/);
    await expect.poll(() => stateOf(desk).textContent()).toBe('已申报，待工程部审图');
    await h.screenshot(desk, 'renovation-02-applied');
    const admin = await h.kernel.login('manager');
    const list = (await h.kernel.call(admin, 'GET', '/api/cases/renovation')).json() as { items: { id: number; serial: string; data?: Record<string, unknown> }[] };
    caseId = list.items.find((c) => c.serial === serial)!.id;
    const stored = (await h.kernel.call(admin, 'GET', `/api/cases/renovation/${caseId}`)).json() as { data: Record<string, unknown> };
    expect(stored.data).toMatchObject({ area: 89.5, hotWork: false, contractorLicence: expect.stringMatching(/^att_/), workers: [{ name: '王强', idNumber: '11010119850202123X', trade: 'electrician' }] });
  });

  it('engineering returns the drawings with comments; the desk resubmits a revised plan; engineering approves and security passes the fire review', async () => {
    const eng = await login('engineering');
    await openCase(eng, serial);
    let dialog = await takeStep(eng, '工程部审图');
    await choose(dialog, '/drawingDecision', '不合格，提出整改意见');
    await field(dialog, '/drawingComments').locator('textarea').fill('卫生间新增隔墙须用轻质材料');
    await h.screenshot(eng, 'renovation-03-drawing-review');
    await dialog.getByRole('button', { name: '工程部审图', exact: true }).click();
    await expect.poll(() => stateOf(eng).textContent()).toBe('审图未通过，待通知业主整改后重新送审');

    const desk = await login('frontdesk');
    await openCase(desk, serial);
    dialog = await takeStep(desk, '按审图意见修改后重新送审');
    await field(dialog, '/ownerNotifiedAt').locator('input').fill('2026-11-23T10:00');
    await attach(dialog, '/floorPlan', '平面图-修改版.png');
    await field(dialog, '/resubmissionNote').locator('textarea').fill('隔墙改为轻钢龙骨石膏板');
    await dialog.getByRole('button', { name: '按审图意见修改后重新送审', exact: true }).click();
    await expect.poll(() => stateOf(desk).textContent()).toBe('已申报，待工程部审图');

    await eng.reload();
    await expect.poll(() => stateOf(eng).textContent()).toBe('已申报，待工程部审图');
    dialog = await takeStep(eng, '工程部审图');
    await choose(dialog, '/drawingDecision', '审核通过');
    await dialog.getByRole('button', { name: '工程部审图', exact: true }).click();
    await expect.poll(() => stateOf(eng).textContent()).toBe('审图通过，待保安部消防审核');

    const security = await login('security');
    await openCase(security, serial);
    dialog = await takeStep(security, '消防审核');
    await choose(dialog, '/fireDecision', '审核通过');
    await field(dialog, '/extinguishersRequired').locator('input').fill('2');
    await dialog.getByRole('button', { name: '消防审核', exact: true }).click();
    await expect.poll(() => stateOf(security).textContent()).toBe('待收取装修押金及费用');
    await h.screenshot(security, 'renovation-04-fees-due');
  });

  it('the three heads sign the permit in the app; issuing before all three have signed is refused; the printed permit carries the signatures', async () => {
    // the cashier's and the desk's steps in between, over the API
    const SIGNATURE = `data:image/png;base64,${PNG.toString('base64')}`;
    const step = async (user: string, transition: string, data: Record<string, unknown>) => {
      const token = await h.kernel.login(user);
      const c = (await h.kernel.call(token, 'GET', `/api/cases/renovation/${caseId}`)).json() as { version: number };
      const res = await h.kernel.call(token, 'POST', `/api/cases/renovation/${caseId}/transitions/${transition}`, { version: c.version, data });
      expect(res.statusCode, res.body).toBe(200);
    };
    await step('cashier', 'collectFees', { paymentMethod: 'cash' });
    await step('frontdesk', 'signAgreements', { agreementSignature: SIGNATURE, pledgeSignature: SIGNATURE, fireSafetyPledgeSignature: SIGNATURE, handbookGiven: true });

    const signers: [string, string][] = [['supervisor', '客服部负责人签发'], ['engineering', '工程部负责人签发']];
    for (const [user, title] of signers) {
      const page = await login(user);
      await openCase(page, serial);
      const dialog = await takeStep(page, title);
      await sign(page, dialog, '/permitSignature');
      await expect.poll(() => field(dialog, '/permitSignature').locator('#state').textContent()).toBe('已签名 ✓');
      await h.screenshot(page, `renovation-05-sign-${user}`);
      await dialog.getByRole('button', { name: title, exact: true }).click();
      await expect.poll(() => page.getByRole('button', { name: title, exact: true }).count()).toBe(1);
      await expect.poll(() => stateOf(page).textContent()).toBe('待三部门签发施工许可证');
    }

    const desk = await login('frontdesk');
    await openCase(desk, serial);
    let dialog = await takeStep(desk, '发放施工许可证及出入证');
    await field(dialog, '/worksStartOn').locator('input').fill('2026-11-24');
    await tick(dialog, '/permitPosted');
    await tick(dialog, '/protectionChecked');
    await dialog.getByRole('button', { name: '发放施工许可证及出入证', exact: true }).click();
    await dialog.getByText('三方负责人签发后方可发放').first().waitFor();
    await h.screenshot(desk, 'renovation-06-permit-refused');
    await expect.poll(() => stateOf(desk).textContent()).toBe('待三部门签发施工许可证');
    // not issued yet: the permit and the passes are not offered for printing, and no hot-work permit either
    const printLinks = async (page: Page) => (await page.locator('a[data-document]').allInnerTexts()).join(' ');
    await desk.getByRole('link', { name: /装修申报表/ }).waitFor();
    expect(await printLinks(desk)).not.toMatch(/装修施工许可证|施工人员出入证|临时动火作业申请表/);
    await dialog.getByRole('button', { name: /取消|关闭/ }).first().click();

    const security = await login('security');
    await openCase(security, serial);
    dialog = await takeStep(security, '保安部负责人签发');
    await sign(security, dialog, '/permitSignature');
    await dialog.getByRole('button', { name: '保安部负责人签发', exact: true }).click();
    await expect.poll(() => stateOf(security).textContent()).toBe('待三部门签发施工许可证');

    await desk.reload();
    dialog = await takeStep(desk, '发放施工许可证及出入证');
    await field(dialog, '/worksStartOn').locator('input').fill('2026-11-24');
    await tick(dialog, '/permitPosted');
    await tick(dialog, '/protectionChecked');
    await dialog.getByRole('button', { name: '发放施工许可证及出入证', exact: true }).click();
    await expect.poll(() => stateOf(desk).textContent()).toBe('施工中');
    await h.screenshot(desk, 'renovation-07-works');

    expect(await printLinks(desk)).toMatch(/装修施工许可证[\s\S]*施工人员出入证/);
    expect(await printLinks(desk)).not.toContain('临时动火作业申请表'); // no hot work declared
    const [print] = await Promise.all([
      desk.context().waitForEvent('page'),
      desk.getByRole('link', { name: /装修施工许可证/ }).click(),
    ]);
    await print.waitForLoadState();
    const text = await print.locator('body').innerText();
    for (const s of ['装修施工许可证', serial, '鸿图装饰工程有限公司', '2026-11-24', '2027-01-15']) expect(text).toContain(s);
    expect(text).toContain('有效期：2026-11-24 至 2027-01-15');
    expect(text.replace(serial, ' ').match(/[A-Za-z]{2,}/g)).toBeNull(); // Chinese only: no "状态 / State"
    expect(text).not.toContain('未发放');
    const images = print.locator('img.signature');
    expect(await images.count()).toBe(3);
    for (let i = 0; i < 3; i++) expect(await images.nth(i).evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    await h.screenshot(print, 'renovation-08-permit-print');
  });

  it('a violation is deducted from the deposit in the app, the cashier tops it up, and after the inspections the manager approves the refund', async () => {
    const SIGNATURE = `data:image/png;base64,${PNG.toString('base64')}`;
    const finance = await h.kernel.login('finance');
    const unitId = ((await h.kernel.call(finance, 'GET', `/api/cases/renovation/${caseId}`)).json() as { unitId: number }).unitId;
    const depositsHeld = async () => ((await h.kernel.call(finance, 'GET', `/api/billing/units/${unitId}/account`)).json() as { depositsHeld: string }).depositsHeld;
    const held = await depositsHeld();
    h.kernel.clock.set('2026-11-25T10:00:00+08:00');

    const security = await login('security');
    await openCase(security, serial);
    let dialog = await takeStep(security, '记录违章并从押金扣款');
    await choose(dialog, '/violationCode', '材料或垃圾未装袋');
    await field(dialog, '/observedAt').locator('input').fill('2026-11-25T09:30');
    await field(dialog, '/violationDescription').locator('textarea').fill('楼道内堆放未装袋的建筑垃圾');
    await attach(dialog, '/violationPhoto', '违章.png');
    await choose(dialog, '/actionTaken', '劝阻');
    await dialog.getByRole('button', { name: '记录违章并从押金扣款', exact: true }).click();
    await expect.poll(depositsHeld).toBe((Number(held) - 500).toFixed(2)); // debris not bagged: 500.00 from the penalty table
    await h.screenshot(security, 'renovation-09-violation');

    const cashier = await login('cashier');
    await openCase(cashier, serial);
    dialog = await takeStep(cashier, '补足装修押金');
    await field(dialog, '/topUpAmount').locator('input').fill('500.00');
    await choose(dialog, '/paymentMethod', '现金');
    await dialog.getByRole('button', { name: '补足装修押金', exact: true }).click();
    await expect.poll(() => stateOf(cashier).textContent()).toBe('施工中');
    await expect.poll(depositsHeld).toBe(held);
    // the unit's billing account lists the deposit with the amount held (the screen once read fields the server never sends)
    await cashier.goto(`${h.baseUrl}/#/billing/units/${unitId}`);
    const depositRow = cashier.getByRole('region', { name: '押金' }).locator('tbody tr').first();
    await expect.poll(() => depositRow.locator('td.num').textContent()).toBe(held);
    // the purpose and the unit's status read in Chinese, not as the codes the procedure uses
    await expect.poll(() => depositRow.locator('td').first().textContent()).toBe('装修押金');
    await expect.poll(() => cashier.getByText(/装修中/).count()).toBeGreaterThan(0);
    expect(await cashier.getByText(/renovati/).count()).toBe(0);
    await h.screenshot(cashier, 'renovation-09b-account-deposit');
    await cashier.setViewportSize({ width: 390, height: 844 });
    await expect.poll(() => depositRow.locator('td.num').textContent()).toBe(held);
    await h.screenshot(cashier, 'renovation-09c-account-deposit-phone');

    // the inspections in between, over the API
    const step = async (user: string, transition: string, data: Record<string, unknown>) => {
      const token = await h.kernel.login(user);
      const c = (await h.kernel.call(token, 'GET', `/api/cases/renovation/${caseId}`)).json() as { version: number };
      const res = await h.kernel.call(token, 'POST', `/api/cases/renovation/${caseId}/transitions/${transition}`, { version: c.version, data });
      expect(res.statusCode, res.body).toBe(200);
    };
    await step('engineering', 'inspectHiddenWorks', { hiddenWorksItems: ['electrical'], hiddenWorksResult: 'pass', hiddenWorksFindings: '合格', hwServiceSignature: SIGNATURE, hwEngineeringSignature: SIGNATURE, hwSecuritySignature: SIGNATURE });
    await step('frontdesk', 'requestCompletionInspection', { completionNote: '全部完工' });
    await step('engineering', 'inspectCompletion', { completionResult: 'pass', completionFindings: '验收合格', ciOwnerSignature: SIGNATURE, ciContractorSignature: SIGNATURE, ciServiceSignature: SIGNATURE, ciEngineeringSignature: SIGNATURE, ciSecuritySignature: SIGNATURE });

    const manager = await login('manager');
    await openCase(manager, serial);
    dialog = await takeStep(manager, '经理审核通过，退还装修押金');
    await sign(manager, dialog, '/managerSignature');
    await field(dialog, '/refundNote').locator('textarea, input').first().fill('同意退还');
    await dialog.getByRole('button', { name: '经理审核通过，退还装修押金', exact: true }).click();
    await expect.poll(depositsHeld).toBe('0.00');
    await h.screenshot(manager, 'renovation-10-refunded');
    const ledger = (await h.kernel.call(finance, 'GET', `/api/billing/units/${unitId}/ledger`)).json().items as { account: string; kind: string; amount: string }[];
    expect(ledger.filter((e) => e.account === 'deposit').map((e) => [e.kind, e.amount]).reverse()).toEqual([
      ['depositReceived', held], ['depositDeducted', '-500.00'], ['depositReceived', '500.00'], ['depositRefunded', `-${held}`],
    ]);
  });
});
