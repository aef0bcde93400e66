import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { billingCounts, billingWorld, unitId, type World } from './test-support/billing-world.js';

// Bad input is refused with a clear 4xx naming the field, and nothing is written.
describe('billing run and meter readings refuse bad input', () => {
  let w: World;
  let foreignUnit: number;
  let foreignProject: number;
  let before: Record<string, number>;
  beforeAll(async () => {
    w = await billingWorld();
    const other = await w.kernel.seed({
      company: { code: 'OTHER', name: '另一家物业' },
      projects: [{ code: 'X', name: '别处', buildings: [{ code: '1', name: '1栋', units: [{ number: '101', area: '80.00', unitType: 'residential', status: 'occupied' }] }] }],
      staff: [{ username: 'other-finance', name: '他司财务', password: 'wuye2026', roles: ['finance'], projects: '*' }],
    });
    foreignUnit = other.units.get('X/1/101')!.id;
    foreignProject = other.projects.get('X')!.id;
    const res = await w.kernel.call(await w.token('finance'), 'POST', '/api/billing/meter-readings', { unitId: unitId(w, 'CH/1/101'), meter: 'water', reading: '100.5', readOn: '2026-11-01' });
    expect(res.statusCode, res.body).toBe(201);
    before = await billingCounts(w);
  });
  afterAll(async () => w.kernel.close());

  async function refused(username: string, method: 'GET' | 'POST', url: string, body: unknown, status: number, pointer?: string) {
    const res = await w.kernel.call(await w.token(username), method, url, body);
    expect(res.statusCode, res.body).toBe(status);
    const error = res.json() as { message: string; issues: { pointer: string }[] };
    expect(error.message.length).toBeGreaterThan(0);
    if (pointer) expect(error.issues.map((i) => i.pointer)).toContain(pointer);
    return error;
  }

  it('POST /runs: bad or foreign period keys, unknown or foreign projects, extra fields, wrong role', async () => {
    const bad = await refused('finance', 'POST', '/api/billing/runs', { periodKey: '2026-13' }, 400, '/periodKey');
    expect(bad.message).toContain('2026-13');
    await refused('finance', 'POST', '/api/billing/runs', { periodKey: '2027-Q1' }, 400, '/periodKey');
    await refused('finance', 'POST', '/api/billing/runs', { periodKey: 202612 }, 400, '/periodKey');
    await refused('finance', 'POST', '/api/billing/runs', {}, 400, '/periodKey');
    await refused('finance', 'POST', '/api/billing/runs', { periodKey: '2026-12', force: true }, 400);
    await refused('finance', 'POST', '/api/billing/runs', { periodKey: '2026-12', projectId: 99999 }, 404);
    await refused('finance', 'POST', '/api/billing/runs', { periodKey: '2026-12', projectId: foreignProject }, 404);
    // the cashier collects but does not run the billing; front desk has no billing permission at all
    await refused('cashier', 'POST', '/api/billing/runs', { periodKey: '2026-12' }, 403);
    await refused('frontdesk', 'POST', '/api/billing/runs', { periodKey: '2026-12' }, 403);
    await refused('frontdesk', 'GET', '/api/billing/runs', undefined, 403);
    const anonymous = await w.kernel.call(null, 'POST', '/api/billing/runs', { periodKey: '2026-12' });
    expect(anonymous.statusCode).toBe(401);
    expect(await billingCounts(w)).toEqual(before);
  });

  it('POST /meter-readings: negative, malformed, lower than the previous, future, duplicate, unknown meter, foreign or unknown unit', async () => {
    const ch101 = unitId(w, 'CH/1/101');
    await refused('finance', 'POST', '/api/billing/meter-readings', { unitId: ch101, meter: 'water', reading: '-1', readOn: '2026-11-09' }, 400, '/reading');
    await refused('finance', 'POST', '/api/billing/meter-readings', { unitId: ch101, meter: 'water', reading: 112.5, readOn: '2026-11-09' }, 400, '/reading');
    await refused('finance', 'POST', '/api/billing/meter-readings', { unitId: ch101, meter: 'water', reading: '1e3', readOn: '2026-11-09' }, 400, '/reading');
    await refused('finance', 'POST', '/api/billing/meter-readings', { unitId: ch101, meter: 'water', reading: '112.5', readOn: '2026-11-31' }, 400, '/readOn');
    await refused('finance', 'POST', '/api/billing/meter-readings', { unitId: ch101, meter: 'steam', reading: '112.5', readOn: '2026-11-09' }, 400, '/meter');
    const lower = await refused('finance', 'POST', '/api/billing/meter-readings', { unitId: ch101, meter: 'water', reading: '99.9', readOn: '2026-11-09' }, 422, '/reading');
    expect(lower.message).toContain('100.5');
    // a reading slipped in before an existing one may not exceed it
    await refused('finance', 'POST', '/api/billing/meter-readings', { unitId: ch101, meter: 'water', reading: '101', readOn: '2026-10-15' }, 422, '/reading');
    await refused('finance', 'POST', '/api/billing/meter-readings', { unitId: ch101, meter: 'water', reading: '120', readOn: '2026-11-11' }, 422, '/readOn');
    await refused('finance', 'POST', '/api/billing/meter-readings', { unitId: ch101, meter: 'water', reading: '120', readOn: '2026-11-01' }, 422, '/readOn');
    await refused('finance', 'POST', '/api/billing/meter-readings', { unitId: foreignUnit, meter: 'water', reading: '1', readOn: '2026-11-09' }, 404);
    await refused('finance', 'POST', '/api/billing/meter-readings', { unitId: 999999, meter: 'water', reading: '1', readOn: '2026-11-09' }, 404);
    // the cashier works in CH only: a JR unit is out of scope
    await refused('cashier', 'POST', '/api/billing/meter-readings', { unitId: unitId(w, 'JR/A/1001'), meter: 'water', reading: '1', readOn: '2026-11-09' }, 404);
    await refused('frontdesk', 'POST', '/api/billing/meter-readings', { unitId: ch101, meter: 'water', reading: '112.5', readOn: '2026-11-09' }, 403);
    await refused('finance', 'GET', `/api/billing/units/${foreignUnit}/meter-readings`, undefined, 404);
    expect(await billingCounts(w)).toEqual(before);

    // and a good one is recorded and listed, newest first
    const ok = await w.kernel.call(await w.token('cashier'), 'POST', '/api/billing/meter-readings', { unitId: ch101, meter: 'water', reading: '112.5', readOn: '2026-11-09' });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().reading).toMatchObject({ unitId: ch101, meter: 'water', reading: '112.5', readOn: '2026-11-09', billedBillId: null });
    const list = await w.kernel.call(await w.token('cashier'), 'GET', `/api/billing/units/${ch101}/meter-readings`);
    expect(list.json().items.map((r: { reading: string }) => r.reading)).toEqual(['112.5', '100.5']);
  });

  it('POST /preview and GET /periods: bad keys, bad drafts, wrong role', async () => {
    const unit = { area: '89.50', unitType: 'residential', status: 'occupied' };
    await refused('finance', 'POST', '/api/billing/preview', { unit, periodKey: '2026-H1' }, 400, '/periodKey');
    await refused('finance', 'POST', '/api/billing/preview', { unit: { ...unit, area: '-89.50' }, periodKey: '2026-12' }, 400, '/unit/area');
    await refused('finance', 'POST', '/api/billing/preview', { unit: { ...unit, status: 'haunted' }, periodKey: '2026-12' }, 400, '/unit/status');
    await refused('finance', 'POST', '/api/billing/preview', { unit, periodKey: '2026-12', settings: { cycle: 'weekly' } }, 400, '/settings/cycle');
    await refused('frontdesk', 'POST', '/api/billing/preview', { unit, periodKey: '2026-12' }, 403);
    await refused('finance', 'GET', '/api/billing/periods?at=2026-02-30', undefined, 400, '/querystring/at');
    await refused('frontdesk', 'GET', '/api/billing/periods', undefined, 403);
  });
});
