/**
 * Arrears, the dunning ladder and collection rates on four months of bills for project CH:
 * months unpaid from the oldest unpaid period, a formal letter refused before 3 months and allowed
 * after, the next step suggested in ladder order, rates checked against an independent computation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { billPeriod, billsOf, expectIssue, ledgerWorld, snapshot, type LedgerWorld } from './test-support/ledger-world.js';

let w: LedgerWorld;
let never: number; // pays nothing
let upToDate: number; // pays everything but November
let oneMonth: number; // pays August only

interface ArrearsItem { unitId: number; outstanding: string; lateFee: string; oldestPeriod: string; monthsUnpaid: number; lastStep: { step: string } | null; nextStep: { code: string } | null }

const pay = async (unitId: number, amount: string) => {
  const res = await w.call('cashier', 'POST', '/api/billing/payments', { unitId, amount, method: 'cash' });
  expect(res.statusCode, res.body).toBe(201);
};
const arrears = async (query = '') => {
  const res = await w.call('finance', 'GET', `/api/billing/arrears?projectId=${w.registry.projects.get('CH')!.id}${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: ArrearsItem[]; nextCursor: string | null };
};
const dun = (username: string, unitId: number, step: string) => w.call(username, 'POST', `/api/billing/units/${unitId}/dunning`, { step, note: `${step} 记录` });

beforeAll(async () => {
  w = await ledgerWorld('2026-07-20T02:00:00Z');
  never = w.unit('CH/1/101');
  upToDate = w.unit('CH/1/102');
  oneMonth = w.unit('CH/1/201');
  await billPeriod(w, '2026-08', '2026-07-20T02:00:00Z');
  await billPeriod(w, '2026-09', '2026-08-20T02:00:00Z');
  w.kernel.clock.set('2026-08-25T02:00:00Z');
  // August only: 143.25 m² × 2.50 = 358.125 → 358.13, plus its late fee to 25 Aug: 358.13 × 3‰ × 24 days = 25.79
  await pay(oneMonth, '383.92');
  await billPeriod(w, '2026-10', '2026-09-20T02:00:00Z');
  await billPeriod(w, '2026-11', '2026-10-20T02:00:00Z');
  w.kernel.clock.set('2026-10-25T02:00:00Z');
  // August, September and October with their late fees to 25 Oct: 3 × 300 + 85 days + 54 days + 24 days × 0.90
  await pay(upToDate, '1046.70');
  w.kernel.clock.set('2026-11-20T02:00:00Z');
});

afterAll(async () => {
  await w?.kernel.close();
});

describe('arrears and dunning', () => {
  it('reports months unpaid from the oldest unpaid period and the next step of the ladder', async () => {
    const upToDateBills = await billsOf(w, upToDate);
    expect(upToDateBills.map((b) => b.status)).toEqual(['paid', 'paid', 'paid', 'open']);
    const { items } = await arrears();
    const byUnit = new Map(items.map((i) => [i.unitId, i]));
    expect(byUnit.get(never)).toMatchObject({ oldestPeriod: '2026-08', monthsUnpaid: 3, nextStep: { code: 'phone' }, lastStep: null });
    // November is past its final notice's term (12 Nov): 300.00 × 3‰ × 19 days = 17.10 accrued, not yet recorded
    expect(byUnit.get(upToDate)).toMatchObject({ oldestPeriod: '2026-11', monthsUnpaid: 0, outstanding: '317.10', lateFee: '17.10' });
    expect(byUnit.get(oneMonth)).toMatchObject({ oldestPeriod: '2026-09', monthsUnpaid: 2 });
    // 223.75 a month, four months; late fees to 20 Nov: 111 + 80 + 50 + 19 days at 3‰ of 223.75
    // 74.51 + 53.70 + 33.56 + 12.75 (each bill's late fee rounded on its own)
    expect(byUnit.get(never)!.lateFee).toBe('174.52');
    expect(byUnit.get(never)!.outstanding).toBe('1069.52');

    const atLeast3 = await arrears('&minMonths=3');
    expect(atLeast3.items.map((i) => i.unitId)).toContain(never);
    expect(atLeast3.items.map((i) => i.unitId)).not.toContain(oneMonth);
    expect(atLeast3.items.map((i) => i.unitId)).not.toContain(upToDate);
  });

  it('pages by unit without repeats', async () => {
    const all = (await arrears()).items.map((i) => i.unitId);
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: ArrearsItem[]; nextCursor: string | null } = await arrears(`&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.items.map((i) => i.unitId));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
    expectIssue(await w.call('finance', 'GET', '/api/billing/arrears?cursor=bm90LWEtY3Vyc29y'), 400, '/cursor');
  });

  it('refuses the formal letter before 3 months unpaid and allows it after; refuses a unit without arrears', async () => {
    const before = await snapshot(w);
    const early = await dun('assistant', oneMonth, 'letter');
    expectIssue(early, 422, '/step');
    expect((early.json() as { message: string }).message).toBe('「快递寄发催缴函」须欠费满 3 个月，该单元欠费 2 个月（自 2026-09-01 起）');
    expectIssue(await dun('assistant', oneMonth, 'fax'), 422, '/step');
    expect((await dun('cashier', oneMonth, 'phone')).statusCode).toBe(403); // a cashier does not dun
    expect(await snapshot(w)).toEqual(before);

    expect((await dun('assistant', oneMonth, 'phone')).statusCode).toBe(201);
    w.kernel.clock.set('2026-12-01T02:00:00Z'); // 3 months since 1 September
    const letter = await dun('assistant', oneMonth, 'letter');
    expect(letter.statusCode, letter.body).toBe(201);
    expect((letter.json() as { step: { step: string; title: { 'zh-CN': string } } }).step).toMatchObject({ step: 'letter', title: { 'zh-CN': '快递寄发催缴函' } });

    const history = await w.call('assistant', 'GET', `/api/billing/units/${oneMonth}/dunning`);
    expect(history.json()).toMatchObject({ items: [{ step: 'phone' }, { step: 'letter' }], monthsUnpaid: 3, nextStep: { code: 'visit' } });

    // the unit that pays everything has nothing to dun
    w.kernel.clock.set('2026-11-20T02:00:00Z');
    await pay(upToDate, '317.10');
    const none = await dun('assistant', upToDate, 'phone');
    expectIssue(none, 422, '/unitId');
  });

  it('suggests the next step in ladder order as steps are taken', async () => {
    expect((await dun('finance', never, 'letter')).statusCode).toBe(201);
    let item = (await arrears()).items.find((i) => i.unitId === never)!;
    expect([item.lastStep?.step, item.nextStep?.code]).toEqual(['letter', 'phone']);
    expect((await dun('finance', never, 'phone')).statusCode).toBe(201);
    expect((await dun('finance', never, 'visit')).statusCode).toBe(201);
    item = (await arrears()).items.find((i) => i.unitId === never)!;
    expect(item.nextStep).toBeNull(); // legal action only after 6 months
    expectIssue(await dun('finance', never, 'legal'), 422, '/step');
  });
});

describe('collection rates', () => {
  it('match an independent computation for this month, last month and the month before', async () => {
    const res = await w.call('finance', 'GET', `/api/billing/collection-rates?projectId=${w.registry.projects.get('CH')!.id}&asOf=2026-11-20`);
    expect(res.statusCode, res.body).toBe(200);
    const { items } = res.json() as { items: { label: string; periodKey: string; billed: string; collected: string; rate: string; target: string; met: boolean }[] };
    expect(items.map((i) => [i.label, i.periodKey, i.target])).toEqual([['thisMonth', '2026-11', '0.80'], ['lastMonth', '2026-10', '0.90'], ['monthBefore', '2026-09', '1.00']]);
    const rows = await w.knex()('billing_bill').where({ project_id: w.registry.projects.get('CH')!.id }).select('period_key', 'principal_fen', 'principal_paid_fen');
    for (const item of items) {
      let billed = 0n;
      let collected = 0n;
      for (const r of rows.filter((x: { period_key: string }) => x.period_key === item.periodKey)) {
        billed += BigInt(r.principal_fen);
        collected += BigInt(r.principal_paid_fen);
      }
      const tenThousandths = (collected * 10000n) / billed; // rounded down
      const rate = `${tenThousandths / 10000n}.${String(tenThousandths % 10000n).padStart(4, '0')}`;
      const targetHundredths = BigInt(Math.round(Number(item.target) * 100));
      expect(item.billed).toBe(`${billed / 100n}.${String(billed % 100n).padStart(2, '0')}`);
      expect(item.collected).toBe(`${collected / 100n}.${String(collected % 100n).padStart(2, '0')}`);
      expect(item.rate).toBe(rate);
      expect(item.met).toBe(collected * 100n >= targetHundredths * billed);
      expect(billed > 0n).toBe(true);
    }
    expect(items.some((i) => Number(i.collected) > 0)).toBe(true);
  });

  it('a foreign or unknown project is 404, a role without billing.view 403', async () => {
    expect((await w.call('finance', 'GET', '/api/billing/collection-rates?projectId=999999')).statusCode).toBe(404);
    expect((await w.call('frontdesk', 'GET', '/api/billing/collection-rates')).statusCode).toBe(403);
    expect((await w.call('frontdesk', 'GET', '/api/billing/arrears')).statusCode).toBe(403);
  });
});
