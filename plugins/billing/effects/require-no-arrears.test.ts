/**
 * billing.requireNoArrears, called as the workflow engine calls it (inside the transition's
 * transaction): refuses while the unit owes money — overdue only, or everything for a move-out —
 * with a message that says how much and for which periods.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RuleRefusedError } from '../../../core/plugin-api.js';
import { billPeriod, ledgerWorld, type LedgerWorld } from '../ledger/test-support.js';

let w: LedgerWorld;

async function check(unitKey: string, params: Record<string, unknown> = {}, unitId: number | null = w.unit(unitKey)): Promise<void> {
  const unit = w.registry.units.get(unitKey)!;
  await w.kernel.runEffect('billing.requireNoArrears', {
    pluginId: 'parcel-desk', caseType: 'goodsRelease', caseId: 7, serial: 'FX-2026-000007', companyId: unit.companyId, projectId: unit.projectId, unitId,
    actor: { staffId: 1, roles: ['security'] }, params,
  });
}

beforeAll(async () => {
  w = await ledgerWorld('2026-10-15T02:00:00Z');
  await billPeriod(w, '2026-11', '2026-10-15T02:00:00Z'); // due 2026-10-31, the day before the reminder
});
afterAll(async () => w?.kernel.close());

describe('billing.requireNoArrears', () => {
  it('passes while bills are not yet due, unless everything must be settled', async () => {
    w.kernel.clock.set('2026-10-25T02:00:00Z');
    await expect(check('CH/1/101')).resolves.toBeUndefined();
    // 89.50 m² × 2.50 = 223.75 for 2026-11, not due until 31 Oct
    await expect(check('CH/1/101', { scope: 'all' })).rejects.toThrow(/欠费 ¥223\.75（2026-11 ¥223\.75）/);
  });

  it('refuses once a bill is overdue, naming the period and the amount', async () => {
    w.kernel.clock.set('2026-11-16T02:00:00Z');
    const refusal = await check('CH/1/102').catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(RuleRefusedError);
    expect((refusal as RuleRefusedError).statusCode).toBe(422);
    // 120.00 m² × 2.50 = 300.00, and the late fee a payment today would assess: 3‰ × 300.00 × 15 days (1–15 Nov) = 13.50
    expect((refusal as RuleRefusedError).issues).toEqual([expect.objectContaining({ pointer: '/unitId', code: 'arrears', message: expect.stringContaining('2026-11 ¥313.50') })]);
  });

  it('passes once paid, late fee included', async () => {
    // paid on 16 Nov, after the final notice's term: 3‰ × 300.00 × 15 days (from 1 Nov) = 13.50 late fee first
    const short = await w.call('cashier', 'POST', '/api/billing/payments', { unitId: w.unit('CH/1/102'), amount: '300.00', method: 'cash' });
    expect(short.statusCode, short.body).toBe(201);
    await expect(check('CH/1/102')).rejects.toThrow(/欠费 ¥13\.50/);
    const paid = await w.call('cashier', 'POST', '/api/billing/payments', { unitId: w.unit('CH/1/102'), amount: '13.50', method: 'cash' });
    expect(paid.statusCode, paid.body).toBe(201);
    await expect(check('CH/1/102')).resolves.toBeUndefined();
    await expect(check('CH/1/102', { scope: 'all' })).resolves.toBeUndefined();
  });

  it('needs a unit', async () => {
    await expect(check('CH/1/101', {}, null)).rejects.toThrow(/has no unit/);
  });
});
