/**
 * The deposit effects, called as the workflow engine calls them (inside the transition's
 * transaction): a renovation-style deposit held, deducted with a reason (never beyond what is
 * held), topped up and refunded, each with its ledger entry on the unit's deposit account.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RuleRefusedError } from '../../../core/plugin-api.js';
import { ledgerWorld, type LedgerWorld } from '../ledger/test-support.js';

let w: LedgerWorld;

async function effect(name: string, data: Record<string, unknown>, params: Record<string, unknown>): Promise<void> {
  const unit = w.registry.units.get('CH/2/201')!;
  await w.kernel.runEffect(`billing.${name}`, {
    pluginId: 'renovation', caseType: 'renovation', caseId: 9, serial: 'ZX-2026-000009', companyId: unit.companyId, projectId: unit.projectId, unitId: unit.id,
    data, actor: { staffId: 3, roles: ['manager'] }, params,
  });
}

const account = async () => (await w.call('cashier', 'GET', `/api/billing/units/${w.unit('CH/2/201')}/account`)).json() as { depositsHeld: string };
const ledger = async () => ((await w.call('cashier', 'GET', `/api/billing/units/${w.unit('CH/2/201')}/ledger`)).json().items as { account: string; kind: string; amount: string; description: string }[])
  .filter((e) => e.account === 'deposit').map((e) => [e.kind, e.amount]);
const P = { purpose: 'renovation' };

beforeAll(async () => { w = await ledgerWorld('2026-11-10T02:00:00Z'); });
afterAll(async () => w?.kernel.close());

describe('deposit effects', () => {
  it('holds the deposit once per case', async () => {
    await effect('receiveDeposit', { deposit: '2000.00', paidBy: 'pos' }, { ...P, amountField: 'deposit', methodField: 'paidBy' });
    await effect('receiveDeposit', { deposit: '2000.00', paidBy: 'pos' }, { ...P, amountField: 'deposit', methodField: 'paidBy' });
    expect((await account()).depositsHeld).toBe('2000.00');
    expect(await ledger()).toEqual([['depositReceived', '2000.00']]);
  });

  it('deducts a penalty with its reason, never more than is held', async () => {
    await effect('deductDeposit', { penalty: '300.00', violation: '未经审批动火作业' }, { ...P, amountField: 'penalty', reasonField: 'violation' });
    expect((await account()).depositsHeld).toBe('1700.00');
    const tooMuch = await effect('deductDeposit', { penalty: '5000.00', violation: '损坏公共设施' }, { ...P, amountField: 'penalty', reasonField: 'violation' }).catch((e: unknown) => e);
    expect(tooMuch).toBeInstanceOf(RuleRefusedError);
    expect((tooMuch as RuleRefusedError).issues[0]).toMatchObject({ pointer: '/data/penalty', code: 'exceeds-deposit' });
    expect((tooMuch as Error).message).toContain('押金余额 ¥1700.00');
    const malformed = await effect('deductDeposit', { penalty: '-1', violation: 'x' }, { ...P, amountField: 'penalty', reasonField: 'violation' }).catch((e: unknown) => e);
    expect((malformed as RuleRefusedError).issues[0]!.pointer).toBe('/data/penalty');
    expect((await account()).depositsHeld).toBe('1700.00');
  });

  it('tops it up, then refunds what is held', async () => {
    await effect('topUpDeposit', { topUp: '300.00', paidBy: 'cash' }, { ...P, amountField: 'topUp', methodField: 'paidBy' });
    expect((await account()).depositsHeld).toBe('2000.00');
    await effect('refundDeposit', {}, P);
    await effect('refundDeposit', {}, P); // taken twice: refunded once
    expect((await account()).depositsHeld).toBe('0.00');
    expect(await ledger()).toEqual(expect.arrayContaining([['depositDeducted', '-300.00'], ['depositReceived', '300.00'], ['depositRefunded', '-2000.00']]));
    const deposits = (await w.call('cashier', 'GET', `/api/billing/deposits?unitId=${w.unit('CH/2/201')}`)).json().items as { status: string; held: string }[];
    expect(deposits).toEqual([expect.objectContaining({ status: 'refunded', held: '0.00' })]);
    const after = await effect('deductDeposit', { penalty: '1.00', violation: 'x' }, { ...P, amountField: 'penalty', reasonField: 'violation' }).catch((e: unknown) => e);
    expect((after as Error).message).toContain('no renovation deposit is held');
  });

  it('a move-out refunds whatever the unit holds, whichever case took it', async () => {
    await effect('receiveDeposit', { deposit: '500.00' }, { purpose: 'keys', amountField: 'deposit' });
    const unit = w.registry.units.get('CH/2/201')!;
    await w.kernel.runEffect('billing.refundUnitDeposits', {
      pluginId: 'intake', caseType: 'moveOut', serial: 'QC-2026-000001', companyId: unit.companyId, projectId: unit.projectId, unitId: unit.id, actor: { staffId: 4, roles: ['finance'] },
    });
    expect((await account()).depositsHeld).toBe('0.00');
    expect(await ledger()).toEqual(expect.arrayContaining([['depositRefunded', '-500.00']]));
  });
});
