/**
 * A community event through the staff app in Chromium: the assistant registers the plan (budget
 * rows, computed total), the manager approves it, the notice is published, the front desk signs
 * residents up beyond the capacity on the generic case page — picking the household from the
 * list, and told at once whether it got a place or its 候补 position; the waiting list shows once
 * in the case data, without internal ids — a cancellation promotes the waiting household, the event is checked in, recorded with a
 * photo and closed, and the households present are followed up on the 回访 page.
 * Screenshots: test-results/screenshots/community-event-*.png
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { startBrowserHarness, type BrowserHarness, signIn } from './browser-harness.js';

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');

let h: BrowserHarness;
const pageErrors: string[] = [];

beforeAll(async () => {
  h = await startBrowserHarness({ plugins: ['service-desk', 'community-events'], startAt: '2026-06-01T09:00:00+08:00' });
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

const field = (scope: Page | Locator, pointer: string): Locator => scope.locator(`[data-pointer="${pointer}"]`).first();
const input = (scope: Page | Locator, pointer: string): Locator => field(scope, pointer).locator('input, textarea').first();
const stateOf = (page: Page) => page.getByTestId('case-state');
const caseData = (page: Page) => page.locator('wy-case-data');

async function openCase(page: Page, serial: string): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: '社区文化活动' }).click();
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

async function submit(page: Page, dialog: Locator, title: string, state: string): Promise<void> {
  await dialog.getByRole('button', { name: title, exact: true }).click();
  await expect.poll(() => stateOf(page).textContent()).toBe(state);
}

describe('a community event through the staff app', { timeout: 180_000 }, () => {
  let serial = '';

  it('the assistant registers the plan with budget rows; the total is computed', async () => {
    const page = await login('assistant');
    await page.getByRole('navigation').getByRole('link', { name: '社区文化活动' }).click();
    await page.getByRole('link', { name: /登记社区文化活动/ }).click();
    await page.getByRole('heading', { name: '登记社区文化活动' }).waitFor();
    await input(page, '/theme').fill('端午节包粽子亲子活动');
    await input(page, '/activities').fill('亲子包粽子比赛、香囊制作。');
    await input(page, '/participants').fill('本小区业主及家属');
    await input(page, '/organiser').fill('客服助理 李晓');
    await field(page, '/place').locator('select').selectOption({ label: '会所' });
    await input(page, '/startsAt').fill('2026-06-19T09:30');
    await input(page, '/endsAt').fill('2026-06-19T12:00');
    await input(page, '/capacity').fill('3');
    await input(page, '/programme').fill('9:30 签到；10:00 包粽子比赛；11:40 颁奖。');
    await field(page, '/departments').getByLabel('工程部').check();
    await field(page, '/departments').getByLabel('环境部（保洁绿化）').check();
    const budget = field(page, '/budgetLines');
    await budget.locator('button.add').click();
    await budget.locator('button.add').click();
    await input(page, '/budgetLines/0/item').fill('材料');
    await input(page, '/budgetLines/0/amount').fill('300');
    await input(page, '/budgetLines/1/item').fill('奖品');
    await input(page, '/budgetLines/1/amount').fill('450.50');
    await expect.poll(() => input(page, '/budgetTotal').inputValue()).toBe('750.50');
    await h.screenshot(page, 'community-event-01-plan');
    await page.getByRole('button', { name: '登记', exact: true }).click();
    await page.getByTestId('case-serial').waitFor();
    serial = (await page.getByTestId('case-serial').textContent()) ?? '';
    expect(serial).toMatch(/^HD/);
    await expect.poll(() => stateOf(page).textContent()).toBe('方案待审批');
    await h.screenshot(page, 'community-event-02-registered');
  });

  it('the manager approves; the assistant publishes the notice', async () => {
    const mgr = await login('manager');
    await openCase(mgr, serial);
    const dialog = await takeStep(mgr, '批准活动方案');
    await input(dialog, '/approvalComments').fill('同意，注意安全。');
    await submit(mgr, dialog, '批准活动方案', '已批准，待发布通知');

    const asst = await login('assistant');
    await openCase(asst, serial);
    const pub = await takeStep(asst, '发布活动通知');
    await input(pub, '/noticeText').fill('端午包粽子亲子活动开始报名，名额3人，额满候补。');
    await field(pub, '/channels').getByLabel('宣传栏').check();
    await field(pub, '/channels').getByLabel('微信群/公众号').check();
    await input(pub, '/noticeBoardFrom').fill('2026-06-02');
    await submit(asst, pub, '发布活动通知', '已发布，报名中');
    await caseData(asst).getByText('2026/06/16').first().waitFor(); // notice boards changed two weeks later
  });

  it('the front desk signs residents up beyond the capacity: the waiting list shows; a duplicate unit is refused', async () => {
    const desk = await login('frontdesk');
    await openCase(desk, serial);
    /** the household is picked like on every other form: type the room, choose 「1栋 101」 from the list */
    const signUp = async (name: string, unit: string, party: string, outcome: 'accepted' | 'refused' = 'accepted') => {
      const dialog = await takeStep(desk, '住户报名');
      const [building, room] = unit.split(' ');
      await input(dialog, '/signUpUnitId').fill(room!);
      await dialog.getByRole('option', { name: `${building} ${room}`, exact: true }).click();
      await input(dialog, '/signUpName').fill(name);
      await input(dialog, '/signUpPhone').fill('13800000001');
      await input(dialog, '/partySize').fill(party);
      await dialog.getByRole('button', { name: '住户报名', exact: true }).click();
      // an accepted sign-up closes the dialog; the next one must not find this one's button still there
      if (outcome === 'accepted') await dialog.waitFor({ state: 'detached' });
      return dialog;
    };
    const token = await h.kernel.login('manager');
    const before = async () => Number((await h.kernel.call(token, 'GET', `/api/cases/communityEvent?q=${serial}`)).json().items[0].version);
    let v = await before();
    const notice = desk.locator('.ok-box[role=status]');
    await signUp('张伟', '1栋 101', '2');
    await expect.poll(before).toBe(v + 1);
    await expect.poll(() => notice.textContent()).toContain('张伟（1栋 101，2人）报名成功，序号1，已获名额');
    v++;
    await signUp('王芳', '1栋 102', '1');
    await expect.poll(before).toBe(v + 1);
    v++;
    await signUp('李娜', '1栋 201', '1');
    await expect.poll(before).toBe(v + 1);
    // the desk can tell the resident at once: no place, waiting list position 1
    await expect.poll(() => notice.textContent()).toContain('名额已满：李娜（1栋 201，1人）列入候补第1位（序号3）');
    const waiting = caseData(desk).locator('[data-field="waitlist"]');
    await waiting.getByRole('cell', { name: '李娜', exact: true }).waitFor();
    expect(await waiting.getByRole('cell', { name: '1栋 201', exact: true }).count()).toBe(1);
    // each household is listed once, and no internal bookkeeping is shown
    expect(await caseData(desk).getByText('李娜', { exact: true }).count()).toBe(1);
    expect(await caseData(desk).getByText('张伟', { exact: true }).count()).toBe(1);
    const shown = await caseData(desk).innerText();
    for (const internal of ['单元ID', '登记编号', '下一报名序号', 'unitId']) expect(shown).not.toContain(internal);
    // the history names the household picked, not its record id
    await desk.locator('wy-case-timeline').getByText('1栋 201', { exact: true }).waitFor();
    await h.screenshot(desk, 'community-event-03-waiting-list');

    const dup = await signUp('张伟', '1栋 101', '1', 'refused');
    await dup.getByText(/已报名/).first().waitFor();
    await h.screenshot(desk, 'community-event-04-duplicate-refused');
    await dup.getByRole('button', { name: /取消|关闭/ }).first().click();
  });

  it('a cancellation promotes the waiting household', async () => {
    const desk = await login('frontdesk');
    await openCase(desk, serial);
    const dialog = await takeStep(desk, '取消报名');
    await input(dialog, '/cancelNo').fill('2');
    await input(dialog, '/cancelReason').fill('临时出差');
    await dialog.getByRole('button', { name: '取消报名', exact: true }).click();
    await caseData(desk).getByText(/候补转正：3\. 李娜/).first().waitFor();
    await h.screenshot(desk, 'community-event-05-promoted');
  });

  it('check-in, the record with a photo, and closing', async () => {
    const asst = await login('assistant');
    await openCase(asst, serial);
    let dialog = await takeStep(asst, '报名截止，活动开始');
    await input(dialog, '/staffing').fill('客服助理2人签到，工程部布置场地。');
    await submit(asst, dialog, '报名截止，活动开始', '活动进行中（签到）');
    for (const no of ['1', '3']) {
      dialog = await takeStep(asst, '现场签到');
      await input(dialog, '/checkInNo').fill(no);
      await dialog.getByRole('button', { name: '现场签到', exact: true }).click();
      await dialog.waitFor({ state: 'detached' });
    }
    await caseData(asst).locator('[data-field="signups"]').getByRole('columnheader', { name: '签到时间' }).waitFor();
    dialog = await takeStep(asst, '活动记录与照片存档');
    await field(dialog, '/photos').locator('input[type=file]').setInputFiles({ name: 'zongzi.png', mimeType: 'image/png', buffer: PNG });
    await input(dialog, '/eventSummary').fill('两户参加，气氛热烈。');
    await h.screenshot(asst, 'community-event-06-record-dialog');
    await submit(asst, dialog, '活动记录与照片存档', '活动已举办，待结束');

    const sup = await login('supervisor');
    await openCase(sup, serial);
    dialog = await takeStep(sup, '结束活动并安排回访');
    await input(dialog, '/closingNote').fill('一个月内回访参加住户。');
    await submit(sup, dialog, '结束活动并安排回访', '已结束，回访中');
    await h.screenshot(sup, 'community-event-07-closed');
  });

  it('the households present are followed up on the 回访 page', async () => {
    await h.kernel.runJobs();
    const token = await h.kernel.login('assistant');
    const due = (await h.kernel.call(token, 'GET', '/api/follow-ups?caseType=eventParticipant')).json() as { items: { serial: string }[] };
    expect(due.items).toHaveLength(2);
    const asst = await login('assistant');
    await asst.getByRole('navigation').getByRole('link', { name: '回访', exact: true }).click();
    await asst.getByRole('link', { name: due.items[0]!.serial }).waitFor();
    await h.screenshot(asst, 'community-event-08-follow-ups');
    await asst.getByRole('link', { name: due.items[0]!.serial }).click();
    await asst.getByRole('heading', { name: '记录回访结果' }).waitFor();
    await field(asst, '/method').getByRole('radio', { name: '电话回访', exact: true }).check();
    await field(asst, '/satisfaction').getByRole('radio', { name: '很满意', exact: true }).check();
    await input(asst, '/opinion').fill('孩子玩得很开心。');
    await asst.getByRole('button', { name: '记录回访结果' }).click();
    await expect.poll(() => stateOf(asst).textContent()).toBe('回访完成');
    await h.screenshot(asst, 'community-event-09-followed-up');
    const left = (await h.kernel.call(token, 'GET', '/api/follow-ups?caseType=eventParticipant')).json() as { items: unknown[] };
    expect(left.items).toHaveLength(1);
  });
});
