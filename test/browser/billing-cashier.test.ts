/**
 * Billing pages of the staff app in Chromium: finance runs the billing of two periods; the cashier
 * finds the unit's account from the household page, sees the open bills, is refused a bad amount
 * on its field, takes a partial payment (allocation to the oldest bill shown), prints the receipt
 * (receipt number and the amount in capital numerals) and closes the day; the unit is listed in
 * arrears, where finance records the next dunning step; collection rates against the targets.
 * Navigation entries follow the roles' billing permissions.
 * Screenshots: test-results/screenshots/billing-*.png
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startBrowserHarness, type BrowserHarness, signIn } from './browser-harness.js';

let h: BrowserHarness;
const pageErrors: string[] = [];
let unitId = 0;

beforeAll(async () => {
  h = await startBrowserHarness({ plugins: ['service-desk', 'complaints', 'billing'], startAt: '2027-01-10T10:00:00+08:00' });
  unitId = h.registry.units.get('CH/1/101')!.id;
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

async function api<T>(username: string, method: 'GET' | 'POST', url: string, body?: unknown): Promise<T> {
  const res = await h.kernel.call(await h.kernel.login(username), method, url, body);
  expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
  return res.json() as T;
}

describe('billing in the staff app', { timeout: 180_000 }, () => {
  let receiptNo = '';

  it('finance runs the billing of 2026-11 and 2026-12', async () => {
    const finance = await login('finance');
    const nav = finance.getByTestId('nav-group-billing');
    expect(await nav.getByRole('link').allTextContents()).toEqual(['账单', '欠费', '收缴率', '日清', '计费']);
    await nav.getByRole('link', { name: '计费' }).click();
    await finance.getByRole('heading', { name: '计费' }).waitFor();
    const form = finance.getByRole('form', { name: '开始计费' });
    for (const period of ['2026-11', '2026-12']) {
      await form.getByLabel('账期').fill(period);
      await form.getByRole('button', { name: '开始计费' }).click();
      await expect.poll(() => finance.getByTestId('run-message').textContent()).toContain(`${period} 计费完成`);
    }
    await expect.poll(() => finance.locator('[data-testid="runs"] tbody tr').count()).toBe(2);
    await h.screenshot(finance, 'billing-01-runs');

    await finance.locator('[data-testid="runs"] tbody tr').first().getByRole('link').click();
    await finance.getByRole('heading', { name: '账单', exact: true }).waitFor();
    await expect.poll(() => finance.locator('[data-testid="bills"] tbody tr').count()).toBeGreaterThan(0);
    await h.screenshot(finance, 'billing-02-bills');
    await finance.locator('[data-testid="bills"] tbody tr').first().locator('a.serial').click();
    await finance.getByTestId('bill-lines').waitFor();
    expect(await finance.getByTestId('bill-lines').textContent()).toContain('2026-01-01');
    // why the dates fall where they do, and how the late fee is reached (base × rate × days, rounding)
    expect(await finance.getByTestId('dates-why').textContent()).toMatch(/付款通知书 \d{4}-\d{2}-15 发出，缴款截止 \d{4}-\d{2}-\d{2}；逾期未缴的，\d{4}-\d{2}-01 发出催款通知书/);
    expect(await finance.getByTestId('late-fee-why').textContent()).toMatch(/元 × 每日 3‰ × \d+ 天 = [\d.]+ 元，四舍五入到2位小数后 [\d.]+ 元/);
    await h.screenshot(finance, 'billing-03-bill');
    await finance.close();
  });

  it('the cashier opens the account, is refused a bad amount, takes a partial payment and prints the receipt', async () => {
    const cashier = await login('cashier');
    expect(await cashier.getByTestId('nav-group-billing').getByRole('link').allTextContents()).toEqual(['账单', '欠费', '收缴率', '日清']);
    await cashier.goto(`${h.baseUrl}/#/units/${unitId}`);
    await cashier.getByTestId('billing-account-link').click();
    await cashier.getByRole('heading', { name: /的收费账户/ }).waitFor();
    const bills = cashier.getByTestId('open-bills');
    await expect.poll(() => bills.locator('tbody tr').count()).toBe(2);
    const before = await api<{ receivable: string; openBills: { id: number; periodKey: string; outstanding: string }[] }>('cashier', 'GET', `/api/billing/units/${unitId}/account`);
    expect(before.openBills.map((b) => b.periodKey)).toEqual(['2026-11', '2026-12']);

    const pay = cashier.getByRole('form', { name: '收款' });
    await pay.getByLabel('金额（元）').fill('-5');
    await pay.getByRole('button', { name: '核对收款' }).click();
    const amountError = cashier.locator('#pay-amount-error');
    await expect.poll(() => amountError.textContent()).toContain('金额格式不正确');
    expect(await pay.getByLabel('金额（元）').getAttribute('aria-invalid')).toBe('true');
    await h.screenshot(cashier, 'billing-04-bad-amount');
    const unchanged = await api<{ receivable: string }>('cashier', 'GET', `/api/billing/units/${unitId}/account`);
    expect(unchanged.receivable).toBe(before.receivable);

    await pay.getByLabel('金额（元）').fill('100.00');
    await pay.getByLabel('付款人').fill('张伟');
    await pay.getByRole('button', { name: '核对收款' }).click();
    // the confirmation step: amount, method and what it pays, nothing booked yet
    const summary = cashier.getByTestId('payment-summary');
    await summary.waitFor();
    expect(await summary.getByTestId('summary-amount').textContent()).toBe('¥100.00');
    expect(await summary.getByTestId('summary-method').textContent()).toBe('现金');
    const planned = summary.getByTestId('summary-allocation').locator('tbody tr');
    expect(await planned.count()).toBe(1);
    expect(await planned.first().textContent()).toMatch(/^2026年11月物业管理费/);
    expect((await api<{ items: unknown[] }>('cashier', 'GET', `/api/billing/payments?unitId=${unitId}`)).items).toHaveLength(0);
    await cashier.setViewportSize({ width: 390, height: 844 });
    await h.screenshot(cashier, 'billing-04b-confirm-phone');
    await cashier.setViewportSize({ width: 1280, height: 900 });
    await summary.getByRole('button', { name: '确认收款' }).click();
    const result = cashier.getByTestId('payment-result');
    await expect.poll(() => result.textContent()).toContain('已收款 100.00 元');
    // the oldest bill takes it all
    const allocation = result.getByTestId('allocation').locator('tbody tr');
    expect(await allocation.count()).toBe(1);
    expect(await allocation.first().getAttribute('data-bill')).toBe(String(before.openBills[0]!.id));
    await h.screenshot(cashier, 'billing-05-paid');
    // late fee first, then principal: 100.00 in all; the receivable falls by the principal paid
    const lateFee = await allocation.first().locator('td').nth(2).textContent();
    const principal = await allocation.first().locator('td').nth(3).textContent();
    expect(Math.round((Number(lateFee) + Number(principal)) * 100)).toBe(10000);
    const payments = await api<{ items: { amount: string; allocations: { billId: number; lateFee: string; principal: string }[] }[] }>('cashier', 'GET', `/api/billing/payments?unitId=${unitId}`);
    expect(payments.items).toHaveLength(1);
    expect(payments.items[0]).toMatchObject({ amount: '100.00', allocations: [{ billId: before.openBills[0]!.id, lateFee: lateFee!.trim(), principal: principal!.trim() }] });
    // the account page shows the payment in the ledger
    await expect.poll(() => cashier.getByTestId('ledger').textContent()).toContain('收款');

    receiptNo = (await result.textContent())!.match(/收据号 (\S+?)。/)![1]!;
    // after a reload the account lists the payment with its receipt
    await cashier.reload();
    const paymentRow = cashier.getByTestId('payments').locator('tbody tr').first();
    await paymentRow.waitFor();
    expect(await paymentRow.textContent()).toContain(receiptNo);
    const href = await paymentRow.getByTestId('payment-receipt').getAttribute('href');
    const receipt = await cashier.context().newPage();
    await receipt.goto(`${h.baseUrl}${href}`);
    const body = (await receipt.locator('body').textContent())!;
    expect(body).toContain(receiptNo);
    expect(body).toContain('壹佰元整');
    // three copies (联次), each naming the fee item and month it paid, with the payee's seal box; Chinese only
    expect(await receipt.locator('.copy-label').allTextContents()).toEqual(['第一联 存根', '第二联 收据（交款人）', '第三联 记账']);
    expect(body).toContain('物业管理费');
    expect(body).toContain('2026年11月（2026-11-01 至 2026-11-30）');
    expect(body).toContain('收款单位（盖章）');
    expect(body.replace(new RegExp(receiptNo, 'g'), ' ')).not.toMatch(/[A-Za-z]{2,}/);
    await h.screenshot(receipt, 'billing-06-receipt');
    await receipt.close();

    // the day's cash: 100.00 in cash, closed against 100.00 counted
    await cashier.getByTestId('nav-group-billing').getByRole('link', { name: '日清' }).click();
    await expect.poll(() => cashier.getByTestId('cash-total').textContent()).toBe('100.00');
    await cashier.getByLabel('清点现金（元）').fill('100.00');
    await cashier.getByRole('button', { name: '提交日清' }).click();
    await expect.poll(() => cashier.getByTestId('closing-message').textContent()).toContain('差额 0.00 元');
    await h.screenshot(cashier, 'billing-07-cash-closed');
    await cashier.close();
  });

  it('the unit is in arrears; finance records the next dunning step; collection rates against the targets', async () => {
    const finance = await login('finance');
    await finance.getByTestId('nav-group-billing').getByRole('link', { name: '欠费' }).click();
    const row = finance.locator(`[data-testid="arrears"] tr[data-unit="${unitId}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain('2026年11月');
    // the whole list's total, and the export of the same list
    const list = await api<{ totals: { units: number; outstanding: string } }>('finance', 'GET', '/api/billing/arrears');
    expect(await finance.getByTestId('arrears-total').textContent()).toContain(`合计 ${list.totals.units} 户，欠费 ${list.totals.outstanding} 元`);
    expect(await finance.getByTestId('arrears-export').getAttribute('href')).toBe('/api/billing/arrears.xlsx');
    // batch: select two units and print their reminders, issued now, one sheet each
    const rows = finance.locator('[data-testid="arrears"] tbody tr[data-unit]');
    await rows.nth(0).getByRole('checkbox').check();
    await rows.nth(1).getByRole('checkbox').check();
    await finance.getByTestId('batch-bar').waitFor();
    const [printed] = await Promise.all([finance.waitForEvent('popup'), finance.getByTestId('batch-reminder').click()]);
    await printed.waitForURL(/notices\/print/);
    expect(await printed.locator('section.reminder-notice').count()).toBeGreaterThanOrEqual(2);
    expect(await printed.locator('h1').first().textContent()).toContain('催款通知书');
    await h.screenshot(printed, 'billing-08b-batch-reminders');
    await printed.close();
    await h.screenshot(finance, 'billing-08a-arrears-batch');
    await rows.nth(0).getByRole('checkbox').uncheck();
    await rows.nth(1).getByRole('checkbox').uncheck();
    await row.getByRole('button', { name: '记录催缴' }).click();
    const form = finance.getByRole('form', { name: /记录催缴 · / });
    await form.getByRole('button', { name: '记录催缴' }).click();
    await expect.poll(() => finance.locator('#note-error').textContent()).toContain('请填写情况记录');
    await form.getByLabel('情况记录').fill('电话联系业主张伟，答应月底前缴清');
    await form.getByRole('button', { name: '记录催缴' }).click();
    await expect.poll(() => finance.getByRole('status').filter({ hasText: '已记录' }).count()).toBe(1);
    await expect.poll(() => row.textContent()).toContain('电话/短信催缴');
    await h.screenshot(finance, 'billing-08-arrears');
    const steps = await api<{ items: { step: string; note: string }[] }>('finance', 'GET', `/api/billing/units/${unitId}/dunning`);
    expect(steps.items.map((s) => s.step)).toEqual(['phone']);

    await finance.getByTestId('nav-group-billing').getByRole('link', { name: '收缴率' }).click();
    const rates = finance.getByTestId('collection-rates');
    await rates.waitFor();
    expect(await rates.locator('tbody tr').count()).toBe(3);
    expect(await rates.locator('tr[data-label="thisMonth"] [data-cell="met"]').textContent()).toMatch(/达标|未达标|无账单/);
    await h.screenshot(finance, 'billing-09-collection-rates');
    await finance.close();
  });
});
