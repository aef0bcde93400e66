/**
 * The counter's side of dunning: a due notice issued and printed on demand (the hourly job then
 * issues nothing more for it), a batch for units of the arrears list printed as one page set, the
 * arrears list's totals and its .xlsx export, and one dunning step recorded for several units —
 * all or none.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { billPeriod, billsOf, expectIssue, ledgerWorld, otherCompany, snapshot, type LedgerWorld } from './test-support/ledger-world.js';

let w: LedgerWorld;
let paid: number; // CH/1/101, pays everything
let late: number; // CH/1/102, 120.00 m² × 2.50 = 300.00 a month, pays nothing
let alsoLate: number; // CH/1/201

interface Notice { billId: number; unitId: number; kind: string; issuedOn: string; amount: string; newlyIssued: boolean }
interface Arrears { items: { unitId: number; outstanding: string; lateFee: string; oldestPeriodLabel: string }[]; totals: { units: number; outstanding: string; lateFee: string } | null; nextCursor: string | null }

const noticeRows = (billId: number, kind: string) => w.knex()('billing_notice').where({ bill_id: billId, kind }).count({ n: '*' }).then((r) => Number(r[0]!.n));
const projectId = () => w.registry.projects.get('CH')!.id;
const cents = (s: string) => Math.round(Number(s) * 100);

beforeAll(async () => {
  w = await ledgerWorld('2026-10-20T02:00:00Z');
  paid = w.unit('CH/1/101');
  late = w.unit('CH/1/102');
  alsoLate = w.unit('CH/1/201');
  await billPeriod(w, '2026-11', '2026-10-20T02:00:00Z');
  await billPeriod(w, '2026-12', '2026-11-20T02:00:00Z');
  w.kernel.clock.set('2026-11-25T02:00:00Z');
  const res = await w.call('cashier', 'POST', '/api/billing/payments', { unitId: paid, amount: '1000.00', method: 'cash' });
  expect(res.statusCode, res.body).toBe(201);
  w.kernel.clock.set('2026-12-02T02:00:00Z'); // 10:00 on 2 Dec: December's reminder date (1 Dec) has passed, no job has run
});

afterAll(async () => {
  await w?.kernel.close();
});

describe('notices on demand', () => {
  it('issues a due reminder at the counter and prints it; the job then issues nothing more for that bill', async () => {
    const december = (await billsOf(w, late)).find((b) => b.periodKey === '2026-12')!;
    expect((await w.call('cashier', 'GET', `/api/billing/bills/${december.id}/print?kind=reminder`)).statusCode).toBe(404);

    const issued = await w.call('cashier', 'POST', `/api/billing/bills/${december.id}/notices`, { kind: 'reminder' });
    expect(issued.statusCode, issued.body).toBe(201);
    expect((issued.json() as { notice: Notice }).notice).toEqual({ billId: december.id, unitId: late, kind: 'reminder', issuedOn: '2026-12-02', amount: '300.00', newlyIssued: true });
    const print = await w.call('cashier', 'GET', `/api/billing/bills/${december.id}/print?kind=reminder`);
    expect(print.statusCode, print.body).toBe(200);
    expect(print.body).toContain('催款通知书');
    expect(print.body).toContain('发出日期：2026-12-02');

    const again = await w.call('cashier', 'POST', `/api/billing/bills/${december.id}/notices`, { kind: 'reminder' });
    expect(again.statusCode, again.body).toBe(200);
    expect((again.json() as { notice: Notice }).notice.newlyIssued).toBe(false);
    await w.kernel.runJobs(new Date('2026-12-02T03:00:00Z'));
    expect(await noticeRows(december.id, 'reminder')).toBe(1);
  });

  it('refuses a notice before its date or for a paid bill, for a clerk without collect rights, and another company’s bill', async () => {
    const december = (await billsOf(w, late)).find((b) => b.periodKey === '2026-12')!;
    const before = await snapshot(w);
    const early = await w.call('cashier', 'POST', `/api/billing/bills/${december.id}/notices`, { kind: 'final' });
    expectIssue(early, 422, '/kind');
    expect(early.json()).toMatchObject({ issues: [{ message: '2026年12月的最后缴款通知书自 2026-12-08 起方可发出' }] });
    const paidBill = (await billsOf(w, paid)).find((b) => b.periodKey === '2026-11')!;
    expectIssue(await w.call('cashier', 'POST', `/api/billing/bills/${paidBill.id}/notices`, { kind: 'reminder' }), 422, '/kind');
    expectIssue(await w.call('cashier', 'POST', `/api/billing/bills/${december.id}/notices`, { kind: 'reminder', extra: 1 }), 400, '/extra');
    expect((await w.call('frontdesk', 'POST', `/api/billing/bills/${december.id}/notices`, { kind: 'reminder' })).statusCode).toBe(403);
    expect(await snapshot(w)).toEqual(before);
    expect(await noticeRows(december.id, 'final')).toBe(0);

    const other = await w.kernel.seed(otherCompany());
    const foreign = await w.kernel.call(await w.kernel.login('other-cashier'), 'POST', `/api/billing/bills/${december.id}/notices`, { kind: 'reminder' });
    expect(foreign.statusCode).toBe(404);
    expect(other).toBeTruthy();
  });

  it('issues the due final notices of several units at once and prints them as one page set, one notice per sheet', async () => {
    w.kernel.clock.set('2026-12-08T02:00:00Z'); // December's final notice date; the job last ran on 2 Dec (November's are issued)
    const batch = await w.call('cashier', 'POST', '/api/billing/notices', { kind: 'final', unitIds: [late, alsoLate, paid] });
    expect(batch.statusCode, batch.body).toBe(201);
    const notices = (batch.json() as { notices: Notice[] }).notices;
    // November's and December's bills of the two units in arrears; nothing for the unit that paid
    expect(notices.map((n) => n.unitId).sort()).toEqual([late, late, alsoLate, alsoLate].sort());
    expect(notices.filter((n) => n.newlyIssued).map((n) => n.issuedOn)).toEqual(['2026-12-08', '2026-12-08']);
    const print = await w.call('cashier', 'GET', `/api/billing/notices/print?kind=final&billIds=${notices.map((n) => n.billId).join(',')}`);
    w.kernel.clock.set('2026-12-02T02:00:00Z');
    expect(print.statusCode, print.body).toBe(200);
    expect(print.body.match(/<section class="wuye-document final-notice">/g)).toHaveLength(4);
    expect(print.body.match(/class="page-break"/g)).toHaveLength(3);
    expect(print.body.match(/<html/g)).toHaveLength(1);
    expectIssue(await w.call('cashier', 'POST', '/api/billing/notices', { kind: 'reminder' }), 400, '/billIds');
    expectIssue(await w.call('cashier', 'GET', '/api/billing/notices/print?kind=reminder&billIds=1,x'), 400, '/querystring/billIds');
  });
});

describe('the arrears list: totals, export, batch dunning', () => {
  it('gives the whole list’s totals on the first page, equal to the sum of every row', async () => {
    const all = (await w.call('finance', 'GET', `/api/billing/arrears?projectId=${projectId()}&limit=200`)).json() as Arrears;
    expect(all.items.length).toBeGreaterThan(2);
    expect(all.totals!.units).toBe(all.items.length);
    expect(cents(all.totals!.outstanding)).toBe(all.items.reduce((s, i) => s + cents(i.outstanding), 0));
    expect(cents(all.totals!.lateFee)).toBe(all.items.reduce((s, i) => s + cents(i.lateFee), 0));
    const first = (await w.call('finance', 'GET', `/api/billing/arrears?projectId=${projectId()}&limit=2`)).json() as Arrears;
    expect(first.totals).toEqual(all.totals);
    const second = (await w.call('finance', 'GET', `/api/billing/arrears?projectId=${projectId()}&limit=2&cursor=${first.nextCursor}`)).json() as Arrears;
    expect(second.totals).toBeNull();
    // late fees on November to 2 Dec: 300.00 × 3‰ × 31 days (1 Nov – 1 Dec) = 27.90; December not chargeable yet
    expect(all.items.find((i) => i.unitId === late)).toMatchObject({ outstanding: '627.90', lateFee: '27.90', oldestPeriodLabel: '2026年11月' });
  });

  it('exports the list as a workbook with Chinese headers, every row and a total', async () => {
    const res = await w.call('finance', 'GET', `/api/billing/arrears.xlsx?projectId=${projectId()}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(String(res.headers['content-disposition'])).toContain(encodeURIComponent('欠费清单-2026-12-02-CH.xlsx'));
    const list = (await w.call('finance', 'GET', `/api/billing/arrears?projectId=${projectId()}&limit=200`)).json() as Arrears;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    const ws = wb.getWorksheet('欠费清单')!;
    expect(ws.getRow(2).values).toEqual([undefined, '房号', '业主', '联系电话', '欠费起始', '欠费月数', '欠费金额（元）', '其中滞纳金（元）', '上次催缴', '建议下一步']);
    const rows = list.items.length;
    const lateRow = ws.getRow(3 + list.items.findIndex((i) => i.unitId === late));
    expect([lateRow.getCell(1).value, lateRow.getCell(4).value, lateRow.getCell(6).value, lateRow.getCell(7).value]).toEqual(['1栋 102', '2026年11月', 627.9, 27.9]);
    const total = ws.getRow(3 + rows);
    expect(total.getCell(1).value).toBe(`合计 ${rows} 户`);
    expect((total.getCell(6).value as { result: number }).result).toBeCloseTo(Number(list.totals!.outstanding), 2);
    expect((await w.call('frontdesk', 'GET', '/api/billing/arrears.xlsx')).statusCode).toBe(403);
  });

  it('records one dunning step for several units, or for none when one of them may not take it', async () => {
    const before = await snapshot(w);
    const refused = await w.call('assistant', 'POST', '/api/billing/dunning', { unitIds: [late, paid], step: 'phone', note: '电话催缴' });
    expectIssue(refused, 422, '/unitIds/1');
    const notDue = await w.call('assistant', 'POST', '/api/billing/dunning', { unitIds: [late, alsoLate], step: 'letter', note: '寄催缴函' });
    expectIssue(notDue, 422, '/unitIds/0');
    expectIssue(await w.call('assistant', 'POST', '/api/billing/dunning', { unitIds: [late], step: 'sms', note: 'x' }), 422, '/step');
    expectIssue(await w.call('assistant', 'POST', '/api/billing/dunning', { unitIds: [], step: 'phone', note: 'x' }), 400, '/unitIds');
    expect(await snapshot(w)).toEqual(before);

    const done = await w.call('assistant', 'POST', '/api/billing/dunning', { unitIds: [late, alsoLate], step: 'phone', note: '电话催缴，答应月底前交' });
    expect(done.statusCode, done.body).toBe(201);
    expect((done.json() as { steps: { unitId: number; step: string }[] }).steps.map((s) => [s.unitId, s.step])).toEqual([[late, 'phone'], [alsoLate, 'phone']]);
    const list = (await w.call('finance', 'GET', `/api/billing/arrears?projectId=${projectId()}&limit=200`)).json() as { items: { unitId: number; lastStep: { step: string } | null }[] };
    expect(list.items.find((i) => i.unitId === alsoLate)!.lastStep).toMatchObject({ step: 'phone' });
    expect((await w.call('cashier', 'POST', '/api/billing/dunning', { unitIds: [late], step: 'phone', note: 'x' })).statusCode).toBe(403);
  });
});
