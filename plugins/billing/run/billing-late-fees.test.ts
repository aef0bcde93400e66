import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { billOf, billingWorld, runBillingOver, unitId, type World } from './test-support/billing-world.js';
import { claimLateFees } from './sql.js';

// Late fees are assessed by the next run on overdue open bills (defaults: 3‰ per day on the unpaid
// principal, counted from the period's first day, charged once the final notice's term has passed,
// days up to but excluding the run's date).
describe('late fees during the next run', () => {
  let w: World;
  beforeAll(async () => {
    w = await billingWorld('2026-11-10T02:00:00Z');
    expect((await runBillingOver(w, '2026-12')).created).toBe(20);
    const knex = w.knex();
    // CH 1栋101 paid in full; CH 1栋201 (358.13) paid 158.13, leaving 200.00 of principal
    const b101 = await billOf(w, unitId(w, 'CH/1/101'), '2026-12');
    await knex('billing_bill').where({ id: b101.id }).update({ status: 'paid', paid_fen: b101.principalFen, principal_paid_fen: b101.principalFen });
    const b201 = await billOf(w, unitId(w, 'CH/1/201'), '2026-12');
    expect(b201.principalFen).toBe(35813);
    await knex('billing_bill').where({ id: b201.id }).update({ paid_fen: 15813, principal_paid_fen: 15813 });
  });
  afterAll(async () => w.kernel.close());

  async function lateFeeEntries(billId: number): Promise<number[]> {
    const rows = await w.knex()('billing_ledger_entry').where({ bill_id: billId, kind: 'lateFee' }).orderBy('id');
    return rows.map((r: { amount_fen: number | string }) => Number(r.amount_fen));
  }

  it('billing January on 10 Dec assesses nothing: December\'s final notice runs until 12 Dec', async () => {
    w.kernel.clock.set('2026-12-10T02:00:00Z');
    const run = await runBillingOver(w, '2027-01');
    expect([run.created, run.lateFees]).toEqual([20, 0]);
  });

  it('2027-01-20, billing February: December bills unpaid since 1 Dec get 50 days: 300.00 × 0.003 × 50 = 45.00; 200.00 unpaid → 30.00; paid nothing; January bills 19 days', async () => {
    w.kernel.clock.set('2027-01-20T02:00:00Z');
    const run = await runBillingOver(w, '2027-02');
    expect(run.created).toBe(20);
    // 19 December bills (one paid) + 20 January bills
    expect(run.lateFees).toBe(39);

    const b102 = await billOf(w, unitId(w, 'CH/1/102'), '2026-12');
    expect([b102.lateFeeFen, b102.lateFeeThrough]).toEqual([4500, '2027-01-20']);
    expect(await lateFeeEntries(b102.id)).toEqual([4500]);
    const b201 = await billOf(w, unitId(w, 'CH/1/201'), '2026-12');
    expect([b201.lateFeeFen, b201.lateFeeThrough]).toEqual([3000, '2027-01-20']);
    const b101 = await billOf(w, unitId(w, 'CH/1/101'), '2026-12');
    expect([b101.lateFeeFen, b101.lateFeeThrough]).toEqual([0, null]);
    // January's bill (final notice due 12 Jan) owes 1–19 Jan: 300.00 × 0.003 × 19 = 17.10
    const jan = await billOf(w, unitId(w, 'CH/1/102'), '2027-01');
    expect([jan.lateFeeFen, jan.lateFeeThrough]).toEqual([1710, '2027-01-20']);
    // February's bills were just issued
    expect((await billOf(w, unitId(w, 'CH/1/102'), '2027-02')).lateFeeFen).toBe(0);
  });

  it('a second run the same day adds nothing; ten days later only the new days: 300.00 × 0.003 × 10 = 9.00', async () => {
    const again = await runBillingOver(w, '2027-02');
    expect([again.created, again.lateFees]).toEqual([0, 0]);

    w.kernel.clock.set('2027-01-30T02:00:00Z');
    const later = await runBillingOver(w, '2027-02');
    expect([later.created, later.lateFees]).toEqual([0, 39]);
    const b102 = await billOf(w, unitId(w, 'CH/1/102'), '2026-12');
    expect([b102.lateFeeFen, b102.lateFeeThrough]).toEqual([5400, '2027-01-30']);
    expect(await lateFeeEntries(b102.id)).toEqual([4500, 900]);
    const jan = await billOf(w, unitId(w, 'CH/1/102'), '2027-01');
    expect([jan.lateFeeFen, jan.lateFeeThrough]).toEqual([1710 + 900, '2027-01-30']);
    const ledger = await w.knex()('billing_ledger_entry').where({ bill_id: b102.id }).orderBy('id');
    expect(ledger.map((e: Record<string, unknown>) => [e.account, e.kind, Number(e.amount_fen)])).toEqual([['receivable', 'charge', 30000], ['receivable', 'lateFee', 4500], ['receivable', 'lateFee', 900]]);
    expect(ledger[2].description).toBe('2026年12月滞纳金（计至 2027-01-29）');
  });

  it('a late fee computed from figures a payment has since changed is not written (the payment wins)', async () => {
    const b102 = await billOf(w, unitId(w, 'CH/1/102'), '2026-12');
    const stale = { id: b102.id, oldThrough: b102.lateFeeThrough, principalPaidFen: 0, newFeeFen: b102.lateFeeFen + 900, through: '2027-02-09' };
    // computed before the last assessment (old fee 45.00), or before a payment of principal
    expect(await claimLateFees(w.knex(), w.registry.company.id, [{ ...stale, oldFeeFen: 4500 }])).toEqual(new Set());
    expect(await claimLateFees(w.knex(), w.registry.company.id, [{ ...stale, oldFeeFen: b102.lateFeeFen, principalPaidFen: 100 }])).toEqual(new Set());
    expect(await billOf(w, unitId(w, 'CH/1/102'), '2026-12')).toEqual(b102);
    // the current figures claim it
    expect(await claimLateFees(w.knex(), w.registry.company.id, [{ ...stale, oldFeeFen: b102.lateFeeFen }])).toEqual(new Set([b102.id]));
    expect((await billOf(w, unitId(w, 'CH/1/102'), '2026-12')).lateFeeFen).toBe(b102.lateFeeFen + 900);
  });

  it('a run for one project assesses only that project\'s bills, even with other projects\' units in its id range', async () => {
    w.kernel.clock.set('2027-02-20T02:00:00Z');
    const ch = w.registry.projects.get('CH')!;
    // a CH unit added after the JR units: CH's ids now span JR's
    const building = await w.knex()('building').where({ project_id: ch.id }).orderBy('id').first();
    await w.knex()('unit').insert({ company_id: w.registry.company.id, project_id: ch.id, building_id: building.id, number: '401', floor: 4, area: '90.00', unit_type: 'residential', status: 'occupied' });
    const res = await w.kernel.call(await w.token('finance'), 'POST', '/api/billing/runs', { periodKey: '2027-03', projectId: ch.id });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ created: 13, alreadyBilled: 0 });
    expect((await billOf(w, unitId(w, 'CH/1/201'), '2026-12')).lateFeeThrough).toBe('2027-02-20');
    expect((await billOf(w, unitId(w, 'JR/A/1001'), '2026-12')).lateFeeThrough).toBe('2027-01-30');
    const [other] = await w.knex()('billing_bill').where({ period_key: '2027-03' }).whereNot({ project_id: ch.id }).count({ n: '*' });
    expect(Number((other as { n: number | string }).n)).toBe(0);
  });
});
