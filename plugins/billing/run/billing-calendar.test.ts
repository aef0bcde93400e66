import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { billOf, billingWorld, changeBillingConfig, runBillingOver, unitId, type World } from './test-support/billing-world.js';

// Each cycle's calendar replayed through the API after an admin switches the company's cycle.
// Clock: 2026-11-10 10:00 Asia/Shanghai.
describe('billing calendar per cycle, switched through the config API', () => {
  let w: World;
  beforeAll(async () => { w = await billingWorld(); });
  afterAll(async () => w.kernel.close());

  async function periods(at?: string) {
    const res = await w.kernel.call(await w.token('finance'), 'GET', `/api/billing/periods${at ? `?at=${at}` : ''}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { cycle: string; current: Record<string, string>; next: Record<string, string> };
  }

  it('month (default): notice on the 15th for next month, pay within 1 month; reminder on the 1st, 7 days; final notice day 8, 5 days', async () => {
    expect(await periods()).toEqual({
      cycle: 'month',
      current: { periodKey: '2026-11', start: '2026-11-01', end: '2026-11-30', noticeOn: '2026-10-15', dueOn: '2026-10-31', reminderOn: '2026-11-01', reminderDueOn: '2026-11-07', finalNoticeOn: '2026-11-08', finalDueOn: '2026-11-12' },
      next: { periodKey: '2026-12', start: '2026-12-01', end: '2026-12-31', noticeOn: '2026-11-15', dueOn: '2026-11-30', reminderOn: '2026-12-01', reminderDueOn: '2026-12-07', finalNoticeOn: '2026-12-08', finalDueOn: '2026-12-12' },
    });
  });

  it('quarter: notice 1 Dec for Q1 (pay by 31 Dec), reminder 1 Jan (by 31 Jan), final notice 1 Feb (by 5 Feb); a quarter bill is 3 months', async () => {
    await changeBillingConfig(w, { cycle: 'quarter' }, '改为按季收费');
    const { cycle, current, next } = await periods();
    expect(cycle).toBe('quarter');
    expect(current).toMatchObject({ periodKey: '2026-Q4', start: '2026-10-01', end: '2026-12-31', noticeOn: '2026-09-01', reminderOn: '2026-10-01' });
    expect(next).toEqual({ periodKey: '2027-Q1', start: '2027-01-01', end: '2027-03-31', noticeOn: '2026-12-01', dueOn: '2026-12-31', reminderOn: '2027-01-01', reminderDueOn: '2027-01-31', finalNoticeOn: '2027-02-01', finalDueOn: '2027-02-05' });
    expect((await periods('2027-05-20')).current).toMatchObject({ periodKey: '2027-Q2', noticeOn: '2027-03-01', reminderOn: '2027-04-01', finalNoticeOn: '2027-05-01' });

    const run = await runBillingOver(w, '2027-Q1');
    expect(run.created).toBe(20);
    // 89.50 m² × 2.50 × 3 months = 671.25
    const bill = await billOf(w, unitId(w, 'CH/1/101'), '2027-Q1');
    expect(bill.principalFen).toBe(67125);
    expect(bill.lines[0]).toMatchObject({ quantity: '268.5', unitPrice: '2.50', amountFen: 67125 });
    expect(bill.dueOn).toBe('2026-12-31');
    // a month key does not fit the quarter cycle
    const bad = await w.kernel.call(await w.token('finance'), 'POST', '/api/billing/runs', { periodKey: '2027-01' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues[0].pointer).toBe('/periodKey');
  });

  it('half-year: notice 1 Jun / 1 Dec for the next half, reminder 1 Jan / 1 Jul; a half already covered by quarter bills is not billed again', async () => {
    await changeBillingConfig(w, { cycle: 'halfYear' }, '改为按半年收费');
    const { cycle, current, next } = await periods();
    expect(cycle).toBe('halfYear');
    expect(current).toEqual({ periodKey: '2026-H2', start: '2026-07-01', end: '2026-12-31', noticeOn: '2026-06-01', dueOn: '2026-06-30', reminderOn: '2026-07-01', reminderDueOn: '2026-07-31', finalNoticeOn: '2026-08-01', finalDueOn: '2026-08-05' });
    expect(next).toEqual({ periodKey: '2027-H1', start: '2027-01-01', end: '2027-06-30', noticeOn: '2026-12-01', dueOn: '2026-12-31', reminderOn: '2027-01-01', reminderDueOn: '2027-01-31', finalNoticeOn: '2027-02-01', finalDueOn: '2027-02-05' });

    // every unit already has 2027-Q1 (January–March): 2027-H1 would bill those months twice
    const overlapping = await runBillingOver(w, '2027-H1');
    expect(overlapping.created).toBe(0);
    expect(overlapping.alreadyBilled).toBe(20);
    // 2027-H2 is new: 89.50 × 2.50 × 6 = 1342.50, notice 1 Jun 2027, reminder 1 Jul, final notice 1 Aug
    expect((await runBillingOver(w, '2027-H2')).created).toBe(20);
    const bill = await billOf(w, unitId(w, 'CH/1/101'), '2027-H2');
    expect(bill.principalFen).toBe(134250);
    const row = await w.knex()('billing_bill').where({ id: bill.id }).first();
    expect([row.notice_on, row.due_on, row.reminder_on, row.reminder_due_on, row.final_notice_on, row.final_due_on]).toEqual(['2027-06-01', '2027-06-30', '2027-07-01', '2027-07-31', '2027-08-01', '2027-08-05']);
  });
});
