import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { billOf, billingWorld, countRows, runBillingOver, unitId, type World } from './test-support/billing-world.js';

// The demo company on the month cycle: management 2.50/m²/month (residential), 6.80 (commercial).
// Clock: 2026-11-10 10:00 Asia/Shanghai; the run bills December 2026.
describe('billing run over the demo company', () => {
  let w: World;
  beforeAll(async () => {
    w = await billingWorld();
    const knex = w.knex();
    // CH 1栋202 (89.50 m²) is entrusted (托管房)
    await knex('unit').where({ id: unitId(w, 'CH/1/202') }).update({ status: 'entrusted' });
    // CH 1栋101's water meter: 100.0 on 31 Oct (baseline), 112.5 on 9 Nov
    const finance = await w.token('finance');
    for (const [reading, readOn] of [['100.0', '2026-10-31'], ['112.5', '2026-11-09']]) {
      const res = await w.kernel.call(finance, 'POST', '/api/billing/meter-readings', { unitId: unitId(w, 'CH/1/101'), meter: 'water', reading, readOn });
      expect(res.statusCode, res.body).toBe(201);
    }
    // a paid work order posted to CH 1栋102 before the run
    await knex('billing_charge').insert({
      company_id: w.registry.company.id, project_id: w.registry.projects.get('CH')!.id, unit_id: unitId(w, 'CH/1/102'), source_plugin: 'paid-services',
      source_ref: 'TY-2026-000012', description: '特约服务 TY-2026-000012', amount_fen: 8000, occurred_at: w.kernel.dialect === 'sqlite' ? Date.parse('2026-11-08T02:00:00Z') : new Date('2026-11-08T02:00:00Z'),
      bill_id: null, case_id: null, created_at: w.kernel.dialect === 'sqlite' ? Date.parse('2026-11-08T02:00:00Z') : new Date('2026-11-08T02:00:00Z'),
    });
  });
  afterAll(async () => w.kernel.close());

  it('bills every unit for 2026-12 with exact lines; a second run creates nothing', async () => {
    const first = await runBillingOver(w, '2026-12');
    expect(first.run).toMatchObject({ status: 'done', unitsTotal: 20, billsCreated: 20 });
    expect(first.created).toBe(20);

    // occupied 89.50 m² × 2.50 × 1 month = 223.75 + water (112.5 − 100.0) × 4.10 = 51.25
    const b101 = await billOf(w, unitId(w, 'CH/1/101'), '2026-12');
    expect(b101.principalFen).toBe(22375 + 5125);
    expect(b101.number).toBe(`BL-2026-12-${String(unitId(w, 'CH/1/101')).padStart(8, '0')}`);
    expect(b101.lines.map((l) => [l.feeCode, l.kind, l.quantity, l.unitPrice, l.factor, l.amountFen, l.rateFrom])).toEqual([
      ['management', 'area', '89.5', '2.50', '1', 22375, '2026-01-01'],
      ['water', 'metered', '12.5', '4.10', '1', 5125, '2026-01-01'],
    ]);
    expect(b101.lines[1]!.source).toBe('water 2026-10-31 (100.0) → 2026-11-09 (112.5)');
    expect(b101.dueOn).toBe('2026-11-30');

    // 120.00 m² × 2.50 = 300.00, plus the work order 80.00 as a charge line naming its serial
    const b102 = await billOf(w, unitId(w, 'CH/1/102'), '2026-12');
    expect(b102.principalFen).toBe(30000 + 8000);
    expect(b102.lines[1]).toMatchObject({ feeCode: 'paid-services', kind: 'charge', description: '特约服务 TY-2026-000012', amountFen: 8000, rateFrom: null, source: 'TY-2026-000012' });

    // entrusted: 89.50 × 2.50 × 0.7 = 156.625 → 156.63
    expect((await billOf(w, unitId(w, 'CH/1/202'), '2026-12')).lines.map((l) => [l.factor, l.amountFen])).toEqual([['0.7', 15663]]);
    // vacant without a vacancy factor: full 143.25 × 2.50 = 358.125 → 358.13
    expect((await billOf(w, unitId(w, 'CH/1/302'), '2026-12')).principalFen).toBe(35813);
    // commercial 185.50 m² × 6.80 = 1261.40
    expect((await billOf(w, unitId(w, 'JR/A/1002'), '2026-12')).principalFen).toBe(126140);

    const knex = w.knex();
    const charge = await knex('billing_charge').where({ source_ref: 'TY-2026-000012' }).first();
    expect(Number(charge.bill_id)).toBe(b102.id);
    const readings = await knex('billing_meter_reading').where({ unit_id: unitId(w, 'CH/1/101') }).orderBy('read_on');
    expect(readings.map((r: { billed_bill_id: number | null }) => (r.billed_bill_id == null ? null : Number(r.billed_bill_id)))).toEqual([b101.id, b101.id]);
    const ledger = await knex('billing_ledger_entry').where({ bill_id: b102.id });
    expect(ledger.map((e: Record<string, unknown>) => [e.account, e.kind, Number(e.amount_fen)])).toEqual([['receivable', 'charge', 38000]]);
    // lines and ledger speak Chinese only: the fee item's name, the period in words
    expect(b101.lines.map((l) => l.description)).toEqual(['物业管理费', '水费']);
    expect(ledger.map((e: Record<string, unknown>) => e.description)).toEqual([`2026年12月账单 ${b102.number}`]);

    const counts = { bills: await countRows(w, 'billing_bill'), lines: await countRows(w, 'billing_bill_line'), ledger: await countRows(w, 'billing_ledger_entry') };
    const second = await runBillingOver(w, '2026-12');
    expect(second.created).toBe(0);
    expect(second.alreadyBilled).toBe(20);
    expect({ bills: await countRows(w, 'billing_bill'), lines: await countRows(w, 'billing_bill_line'), ledger: await countRows(w, 'billing_ledger_entry') }).toEqual(counts);
  });
});
