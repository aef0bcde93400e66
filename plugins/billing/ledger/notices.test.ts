/**
 * The notices job on the monthly calendar (seed 001 1.3): payment notice on the 15th for next month,
 * reminder from the 1st with 7 days, final notice from day 8 with 5 days — issued on their dates
 * for bills still outstanding, idempotently, with the amount outstanding that day; printed with the
 * dates and the late-fee figures of the settings. Credit held by a unit settles its new bill first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { balance, billPeriod, billsOf, ledgerWorld, type LedgerWorld } from './test-support/ledger-world.js';
import { runNotices } from './notices-job.js';

let w: LedgerWorld;
let paidUnit: number;
let lateUnit: number;
let creditUnit: number;

const noticeCount = async (kind?: string) => Number((await w.knex()('billing_notice').where(kind ? { kind } : {}).count({ n: '*' }))[0]!.n);
const decemberBills = async () => Number((await w.knex()('billing_bill').where({ period_key: '2026-12' }).count({ n: '*' }))[0]!.n);

beforeAll(async () => {
  w = await ledgerWorld('2026-11-10T02:00:00Z');
  paidUnit = w.unit('CH/1/101');
  lateUnit = w.unit('CH/1/102');
  creditUnit = w.unit('CH/1/202');
  await billPeriod(w, '2026-12', '2026-11-10T02:00:00Z');
});

afterAll(async () => {
  await w?.kernel.close();
});

describe('notices job', () => {
  it('issues nothing before the payment notice date; the payment notice prints any time, a reminder only once issued', async () => {
    await w.kernel.runJobs(new Date('2026-11-14T02:00:00Z'));
    expect(await noticeCount()).toBe(0);
    const bill = (await billsOf(w, lateUnit))[0]!;
    const payment = await w.call('cashier', 'GET', `/api/billing/bills/${bill.id}/print?kind=payment`);
    expect(payment.statusCode, payment.body).toBe(200);
    expect(payment.body).toContain('2026-11-15'); // the notice date of the bill
    const reminder = await w.call('cashier', 'GET', `/api/billing/bills/${bill.id}/print?kind=reminder`);
    expect(reminder.statusCode, reminder.body).toBe(404);
  });

  it('issues a payment notice for every bill on the 15th, once, even when two instances run the job at once', async () => {
    const services = w.kernel.pluginServices.get('billing')! as Parameters<typeof runNotices>[1];
    const at = new Date('2026-11-15T01:00:00Z'); // 09:00 in Shanghai
    // both runs list the same bills; whichever inserts a notice second skips it instead of failing its chunk
    const [a, b] = await Promise.all([runNotices(at, services), runNotices(at, services)]);
    expect(a.noticesIssued + b.noticesIssued).toBe(await decemberBills());
    expect(await noticeCount('payment')).toBe(await decemberBills());
    await w.kernel.runJobs(new Date('2026-11-15T08:00:00Z'));
    expect(await noticeCount()).toBe(await decemberBills());
  });

  it('reminds on the 1st and gives the final notice on the 8th only for bills still outstanding', async () => {
    w.kernel.clock.set('2026-11-20T02:00:00Z');
    const paid = await w.call('cashier', 'POST', '/api/billing/payments', { unitId: paidUnit, amount: '223.75', method: 'cash' });
    expect(paid.statusCode, paid.body).toBe(201);
    const over = await w.call('cashier', 'POST', '/api/billing/payments', { unitId: creditUnit, amount: '500.00', method: 'cash' });
    expect(over.statusCode, over.body).toBe(201);

    await w.kernel.runJobs(new Date('2026-11-30T02:00:00Z'));
    expect(await noticeCount('reminder')).toBe(0);
    await w.kernel.runJobs(new Date('2026-12-01T02:00:00Z'));
    const outstanding = (await decemberBills()) - 2;
    expect(await noticeCount('reminder')).toBe(outstanding);
    await w.kernel.runJobs(new Date('2026-12-07T02:00:00Z'));
    expect(await noticeCount('final')).toBe(0);
    await w.kernel.runJobs(new Date('2026-12-08T02:00:00Z'));
    expect(await noticeCount('final')).toBe(outstanding);
    await w.kernel.runJobs(new Date('2026-12-09T02:00:00Z'));
    expect(await noticeCount()).toBe(await decemberBills() + 2 * outstanding);

    const paidBill = (await billsOf(w, paidUnit))[0]!;
    const kinds = await w.knex()('billing_notice').where({ bill_id: paidBill.id }).pluck('kind');
    expect(kinds).toEqual(['payment']);
  });

  it('lists the notices on the bill with their dates and amounts and prints them with the settings’ figures', async () => {
    const bill = (await billsOf(w, lateUnit))[0]!; // 120.00 m² × 2.50 = 300.00
    const detail = await w.call('cashier', 'GET', `/api/billing/bills/${bill.id}`);
    expect(detail.statusCode, detail.body).toBe(200);
    expect(detail.json()).toMatchObject({
      bill: { periodKey: '2026-12', noticeOn: '2026-11-15', dueOn: '2026-11-30', reminderOn: '2026-12-01', reminderDueOn: '2026-12-07', finalNoticeOn: '2026-12-08', finalDueOn: '2026-12-12', principal: '300.00', outstanding: '300.00' },
      notices: [
        { kind: 'payment', issuedOn: '2026-11-15', dueOn: '2026-11-30', amount: '300.00' },
        { kind: 'reminder', issuedOn: '2026-12-01', dueOn: '2026-12-07', amount: '300.00' },
        { kind: 'final', issuedOn: '2026-12-08', dueOn: '2026-12-12', amount: '300.00' },
      ],
    });
    const reminder = await w.call('cashier', 'GET', `/api/billing/bills/${bill.id}/print?kind=reminder`);
    expect(reminder.statusCode, reminder.body).toBe(200);
    expect(reminder.body).toContain('催款通知书');
    expect(reminder.body).toContain('7日内');
    expect(reminder.body).toContain('2026-12-07');
    expect(reminder.body).toContain('每日3‰的滞纳金');
    expect(reminder.body).toContain('叁佰元整');

    // printed in the company's language, whatever the clerk's screen speaks (?lang is ignored)
    const final = await w.call('cashier', 'GET', `/api/billing/bills/${bill.id}/print?kind=final&lang=en`);
    expect(final.statusCode, final.body).toBe(200);
    expect(final.body).toContain('最后缴款通知书');
    expect(final.body).toContain('5日内');
    expect(final.body).toContain('即 2026-12-12 前');
    expect(final.body).toContain('自 2026-12-01（欠款的第一天）起算');
    expect(final.body).toContain('法律诉讼');
    expect(final.body.replace(/<[^>]*>/g, ' ')).not.toMatch(/Final notice|Dear|within|Outstanding/);
    // the reminder names the month in words and the payment date it follows
    expect(reminder.body).toContain('2026年12月（2026-12-01 至 2026-12-31）的费用已过缴款期限（2026-11-30）');

    // a company changing the rate sees it on the next print
    const admin = await w.token('admin');
    const proposed = await w.kernel.call(admin, 'POST', '/api/config/versions', { reason: '滞纳金调整为5‰', patch: { plugins: { billing: { config: { lateFee: { ratePerDay: '0.005' } } } } } });
    expect(proposed.statusCode, proposed.body).toBe(201);
    const activated = await w.kernel.call(admin, 'POST', `/api/config/versions/${(proposed.json() as { number: number }).number}/activate`, {});
    expect(activated.statusCode, activated.body).toBe(200);
    const again = await w.call('cashier', 'GET', `/api/billing/bills/${bill.id}/print?kind=reminder`);
    expect(again.body).toContain('每日5‰的滞纳金');
  });

  it('applies credit to the next bill before issuing its payment notice', async () => {
    expect(await balance(w, creditUnit, 'credit')).toBe(50000 - 22375);
    await billPeriod(w, '2027-01', '2026-12-10T02:00:00Z');
    const january = (await billsOf(w, creditUnit)).find((b) => b.periodKey === '2027-01')!;
    expect(january.status).toBe('open');
    await w.kernel.runJobs(new Date('2026-12-15T02:00:00Z'));
    const after = (await billsOf(w, creditUnit)).find((b) => b.periodKey === '2027-01')!;
    expect([after.status, after.paidFen]).toEqual(['paid', 22375]);
    expect(await balance(w, creditUnit, 'credit')).toBe(50000 - 2 * 22375);
    expect(await balance(w, creditUnit, 'receivable')).toBe(0);
    const notice = await w.knex()('billing_notice').where({ bill_id: january.id, kind: 'payment' }).first();
    expect(Number(notice.amount_fen)).toBe(0);
    // running again applies nothing more
    await w.kernel.runJobs(new Date('2026-12-15T03:00:00Z'));
    expect(await balance(w, creditUnit, 'credit')).toBe(50000 - 2 * 22375);
  });
});
