/**
 * A complaint from the phone call to the closed case, through the staff app in Chromium: the
 * front desk finds the caller by the last digits of their phone (↓ + Enter picks resident and room;
 * name, phone and 投诉方式 电话 are filled in) and registers it through the generated form (an
 * invalid phone number is caught on the field first); the queue shows 房号 / 住户 and the 回访
 * list the resident's name with a tel: link (desktop and phone screenshots); the supervisor classifies it, engineering records the handling, the front desk
 * tells the resident, the supervisor records the follow-up as satisfied and the case closes; the
 * printed 业主投诉处理单 carries the serial and the complaint. Each role works in its own browser
 * context, logged in through the login page. Screenshots: test-results/screenshots/complaint-*.png
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { startBrowserHarness, type BrowserHarness, signIn } from './browser-harness.js';

let h: BrowserHarness;
const pageErrors: string[] = [];
const CONTENT = '1栋楼道灯坏了三天，晚上回家看不见路。';

beforeAll(async () => {
  h = await startBrowserHarness({ plugins: ['service-desk', 'complaints'], startAt: '2026-11-02T09:00:00+08:00' });
});
afterAll(async () => h?.close());
afterEach(() => expect(pageErrors).toEqual([]));

/** A fresh browser context whose clock reads the kernel's (frozen) clock, so countdowns are exact. */
async function freshPage(): Promise<Page> {
  const page = await h.newPage();
  await page.clock.setFixedTime(h.kernel.clock.now());
  page.on('pageerror', (err) => pageErrors.push(err.message));
  return page;
}

/** The text of an element through the shadow roots inside it (innerText stops at them). */
function deepTextOf(scope: Locator): Promise<string> {
  return scope.evaluate((el) => {
    const walk = (node: Node): string => {
      if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
      if (node instanceof HTMLStyleElement || node instanceof HTMLScriptElement) return '';
      let out = '';
      const root = (node as Element).shadowRoot;
      if (root) out += walk(root);
      for (const child of node.childNodes) out += walk(child);
      return `${out} `;
    };
    return walk(el);
  });
}
const deepText = (page: Page) => deepTextOf(page.locator('body'));

async function login(username: string): Promise<Page> {
  const page = await freshPage();
  await signIn(page, h.baseUrl, username);
  return page;
}

/** Picks an enum value whether the form shows it as a select or as radio buttons (a radio group or fieldset). */
async function choose(scope: Page | Locator, field: string, option: string): Promise<void> {
  const select = scope.getByRole('combobox', { name: field });
  const group = scope.getByRole('radiogroup', { name: field }).or(scope.getByRole('group', { name: field }));
  await select.or(group).first().waitFor();
  if (await select.count()) await select.first().selectOption({ label: option });
  else await group.first().getByRole('radio', { name: option, exact: true }).check();
}

async function openCase(page: Page, serial: string): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: '客户投诉' }).click();
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

const stateOf = (page: Page) => page.getByTestId('case-state');

describe('a complaint through the staff app', { timeout: 90_000 }, () => {
  let serial = '';

  it('the front desk takes the call: the caller found by phone digits fills the room and the form; the bad phone number shows on its field', async () => {
    const page = await freshPage();
    await page.goto(h.baseUrl);
    await page.getByLabel('用户名').waitFor();
    await h.screenshot(page, 'complaint-01-login');
    await page.close();

    const desk = await login('frontdesk');
    await expect.poll(() => desk.getByTestId('user-name').textContent()).toContain('林小红');
    await desk.getByRole('link', { name: '客户投诉' }).click();
    await desk.getByRole('link', { name: /登记客户投诉/ }).click();
    await desk.getByRole('heading', { name: '登记客户投诉' }).waitFor();

    // a room found by its number names its owner
    await desk.getByPlaceholder('输入房号，如 101').fill('10');
    await desk.getByRole('button', { name: /1栋 101.*业主 张伟/ }).waitFor();
    await desk.getByPlaceholder('输入房号，如 101').fill('');

    // the caller is found by the last digits of their phone: ↓ and Enter pick them, with their room
    const callerBox = desk.getByPlaceholder('姓名或电话');
    await callerBox.fill('0001');
    const first = desk.getByRole('button', { name: /张伟（13800000001）.*1栋 101/ });
    await first.waitFor();
    await callerBox.press('ArrowDown');
    await expect.poll(() => first.evaluate((el) => el.matches(':focus'))).toBe(true);
    await desk.keyboard.press('Enter');
    await expect.poll(() => desk.getByTestId('chosen-person').textContent()).toBe('张伟（13800000001）');
    await expect.poll(() => desk.getByTestId('chosen-unit').textContent()).toBe('1栋 101');
    // what the form knows from the caller is filled in; the phone desk's channel is 电话
    await expect.poll(() => desk.getByLabel('投诉人姓名').inputValue()).toBe('张伟');
    await expect.poll(() => desk.getByLabel('联系电话').inputValue()).toBe('13800000001');
    await expect.poll(() => desk.getByRole('combobox', { name: '投诉方式' }).evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent?.trim())).toBe('电话');
    await h.screenshot(desk, 'complaint-02a-new-case-caller-picked');
    expect(await deepText(desk)).not.toMatch(/时区|Asia\/Shanghai/);

    await desk.getByLabel('联系电话').fill('电话13800000001');
    await desk.getByLabel('投诉内容').fill(CONTENT);
    await desk.getByRole('button', { name: '登记', exact: true }).click();
    await desk.getByText('电话号码格式不正确').first().waitFor();
    await h.screenshot(desk, 'complaint-02-new-case-phone-error');

    await desk.getByLabel('联系电话').fill('13800000001');
    await expect.poll(() => desk.getByText('电话号码格式不正确').count()).toBe(0);
    await desk.getByRole('button', { name: '登记', exact: true }).click();
    await desk.getByTestId('case-serial').waitFor();
    serial = (await desk.getByTestId('case-serial').textContent()) ?? '';
    expect(serial).toMatch(/^TS/);
    await expect.poll(() => stateOf(desk).textContent()).toBe('已登记，待分类');
    await expect.poll(() => desk.getByTestId('case-assignee').textContent()).toContain('客服主管');
    await desk.getByText('分类并转交责任部门').waitFor();
    await h.screenshot(desk, 'complaint-03-case-registered');
  });

  it('the supervisor finds it in the team queue; the deadline runs out while the page is open (409 → reload); classifies it', async () => {
    const sup = await login('supervisor');
    await sup.getByRole('tab', { name: '本岗位待办' }).click();
    const row = sup.locator(`tr[data-serial="${serial}"]`);
    await row.getByText('剩余 30分钟').waitFor();
    // the columns the desk works from: which room, which resident
    await sup.getByRole('columnheader', { name: '房号' }).waitFor();
    await sup.getByRole('columnheader', { name: '住户' }).waitFor();
    expect(await row.locator('[data-col="unit"]').textContent()).toBe('1栋 101');
    expect(await row.locator('[data-col="person"]').textContent()).toBe('张伟');
    await h.screenshot(sup, 'complaint-04-queue');
    await sup.setViewportSize({ width: 390, height: 844 });
    await h.screenshot(sup, 'complaint-04-queue-phone');
    await sup.setViewportSize({ width: 1280, height: 900 });
    await row.getByRole('link', { name: serial }).click();
    await sup.getByTestId('case-serial').waitFor();

    // 40 minutes later the overdue job escalates the unclassified complaint: the open page is stale
    h.kernel.clock.advance(40 * 60_000);
    expect((await h.kernel.runJobs()).overdue).toBe(1);
    await sup.clock.setFixedTime(h.kernel.clock.now());

    let dialog = await takeStep(sup, '分类并转交');
    await choose(dialog, '投诉性质', '有效');
    await choose(dialog, '严重程度', '轻微');
    await choose(dialog, '投诉类别', '维修服务');
    await dialog.getByRole('button', { name: '分类并转交', exact: true }).click();
    await sup.getByText('事项已被他人更新').waitFor();
    await h.screenshot(sup, 'complaint-05-stale-prompt');
    await sup.getByRole('button', { name: '重新加载' }).click();
    await expect.poll(() => sup.getByText('事项已被他人更新').count()).toBe(0);
    await sup.getByText('逾期 10分钟').first().waitFor();
    await expect.poll(() => sup.getByTestId('case-assignee').textContent()).toContain('客服经理');
    await sup.getByText('超过时限：分类并转交责任部门').waitFor();
    await h.screenshot(sup, 'complaint-06-overdue-escalated');

    dialog = await takeStep(sup, '分类并转交');
    await choose(dialog, '投诉性质', '有效');
    await choose(dialog, '严重程度', '轻微');
    await choose(dialog, '投诉类别', '维修服务');
    await h.screenshot(sup, 'complaint-07-classify-dialog');
    await dialog.getByRole('button', { name: '分类并转交', exact: true }).click();
    await expect.poll(() => stateOf(sup).textContent()).toBe('已转交部门，处理中');
    await sup.getByText('工程部').first().waitFor();
    await sup.getByText('逾期完成').first().waitFor();
  });

  it('engineering records the handling', async () => {
    const eng = await login('engineering');
    await openCase(eng, serial);
    const dialog = await takeStep(eng, '填写处理结果');
    // who handles it and when are known: filled in, still editable
    await expect.poll(() => dialog.getByLabel('处理人').inputValue()).toBe('工程部 韩志');
    await expect.poll(() => dialog.getByLabel('处理完成时间').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    await dialog.getByLabel('原因分析').fill('楼道声控灯灯管老化。');
    await dialog.getByLabel('纠正措施及处理结果').fill('已更换1栋1–3层声控灯，并检查线路。');
    await dialog.getByLabel('处理人').fill('工程部 周强');
    await dialog.getByRole('button', { name: '填写处理结果', exact: true }).click();
    await expect.poll(() => stateOf(eng).textContent()).toBe('已处理，待答复住户');
  });

  it('the front desk tells the resident the result', async () => {
    const desk = await login('frontdesk');
    await openCase(desk, serial);
    const dialog = await takeStep(desk, '答复住户处理结果');
    await choose(dialog, '答复方式', '电话');
    await dialog.getByLabel('答复内容').fill('已电话告知张先生：楼道灯已全部更换。');
    await dialog.getByRole('button', { name: '答复住户处理结果', exact: true }).click();
    await expect.poll(() => stateOf(desk).textContent()).toBe('已答复，待回访');
  });

  it('the supervisor records the follow-up as satisfied and the case closes; the sheet prints', async () => {
    const sup = await login('supervisor');
    await sup.getByRole('link', { name: '回访' }).click();
    // the 回访 list is for calling: the resident's name and a phone number to tap
    const followUpRow = sup.locator('tr', { has: sup.getByRole('link', { name: serial }) });
    expect(await followUpRow.locator('[data-col="person"]').textContent()).toBe('张伟');
    expect(await followUpRow.locator('[data-col="unit"]').textContent()).toBe('1栋 101');
    expect(await followUpRow.getByRole('link', { name: /13800000001/ }).getAttribute('href')).toBe('tel:13800000001');
    await h.screenshot(sup, 'complaint-08a-follow-ups');
    await sup.setViewportSize({ width: 390, height: 844 });
    await h.screenshot(sup, 'complaint-08b-follow-ups-phone');
    await sup.setViewportSize({ width: 1280, height: 900 });
    await sup.getByRole('link', { name: serial }).click();
    await sup.getByRole('heading', { name: '记录回访结果' }).waitFor();
    await choose(sup, '回访方式', '电话回访');
    await choose(sup, '满意程度', '满意');
    await sup.getByLabel('回访人记录').fill('张先生表示灯已修好，满意。');
    await sup.getByRole('button', { name: '记录回访结果' }).click();
    await expect.poll(() => stateOf(sup).textContent()).toBe('已结案');
    await sup.getByText('回访满意，结案').first().waitFor();
    await h.screenshot(sup, 'complaint-08-case-closed');

    const [print] = await Promise.all([
      sup.context().waitForEvent('page'),
      sup.getByRole('link', { name: /业主投诉处理单/ }).click(),
    ]);
    await print.waitForLoadState();
    const text = await print.locator('body').innerText();
    expect(text).toContain(serial);
    expect(text).toContain(CONTENT);
    expect(text).toContain('业主投诉处理单');
    await h.screenshot(print, 'complaint-09-print');
  });
});
