/** billing.recordMeterReadings as the engine runs it: readings recorded, lower ones refused, repeats once. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ledgerWorld, type LedgerWorld } from '../ledger/test-support.js';

let w: LedgerWorld;
const FIELDS = { fields: { water: 'waterReading', electricity: 'electricityReading', gas: 'gasReading' } };

async function record(data: Record<string, unknown>): Promise<void> {
  const unit = w.registry.units.get('CH/1/302')!;
  await w.kernel.runEffect('billing.recordMeterReadings', {
    pluginId: 'intake', caseType: 'moveIn', serial: 'RH-2026-000001', companyId: unit.companyId, projectId: unit.projectId, unitId: unit.id, data, params: FIELDS,
  });
}
const readings = async () => ((await w.call('finance', 'GET', `/api/billing/units/${w.unit('CH/1/302')}/meter-readings`)).json().items as { meter: string; reading: string; readOn: string }[])
  .map((r) => `${r.meter}:${r.reading}@${r.readOn}`).sort();

beforeAll(async () => { w = await ledgerWorld('2026-11-20T02:00:00Z'); });
afterAll(async () => w?.kernel.close());

describe('billing.recordMeterReadings', () => {
  it('records the readings a procedure took, skipping empty fields, once per day', async () => {
    await record({ waterReading: '120.5', electricityReading: '3400', gasReading: '' });
    await record({ waterReading: '120.5', electricityReading: '3400' });
    expect(await readings()).toEqual(['electricity:3400@2026-11-20', 'water:120.5@2026-11-20']);
  });

  it('refuses a reading lower than the previous one, naming the field, and writes nothing', async () => {
    w.kernel.clock.set('2026-11-25T02:00:00Z');
    await expect(record({ waterReading: '125', electricityReading: '3300' })).rejects.toMatchObject({ statusCode: 422, issues: [expect.objectContaining({ pointer: '/data/electricityReading', code: 'lower-than-previous' })] });
    await expect(record({ waterReading: 'abc' })).rejects.toMatchObject({ issues: [expect.objectContaining({ pointer: '/data/waterReading' })] });
    expect(await readings()).toEqual(['electricity:3400@2026-11-20', 'water:120.5@2026-11-20']);
    await record({ waterReading: '125', electricityReading: '3410.25' });
    expect(await readings()).toEqual(['electricity:3400@2026-11-20', 'electricity:3410.25@2026-11-25', 'water:120.5@2026-11-20', 'water:125@2026-11-25']);
  });
});
