/**
 * Free services (issue 18 item 4). DOMAIN.md, paid-services: "regular (常规: in the service contract,
 * free)"; seed 001 第五篇 "五、便民服務、委托服務". A company prices such an item 0.00 in its price list:
 * the order is worked like any other and completes without posting a charge to the unit's account.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKernel, type SeededRegistry, type TestKernel } from '../../core/testing/harness.js';

let kernel: TestKernel;
let reg: SeededRegistry;
const tokens: Record<string, string> = {};
const bj = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`);
const SIGNATURE = `data:image/png;base64,${'iVBORw0KGgo'.repeat(4)}`;

beforeAll(async () => {
  kernel = await startTestKernel({ plugins: ['service-desk', 'billing', 'paid-services'], startAt: bj('2026-11-09 09:00') });
  reg = await kernel.seed();
  for (const u of ['admin', 'frontdesk', 'assistant', 'technician', 'cashier']) tokens[u] = await kernel.login(u);
});
afterAll(async () => kernel?.close());

const unitId = () => reg.units.get('CH/1/101')!.id;

async function take(as: string, c: { id: number; version: number }, transition: string, data: Record<string, unknown> = {}) {
  const res = await kernel.call(tokens[as]!, 'POST', `/api/cases/serviceOrder/${c.id}/transitions/${transition}`, { version: c.version, data });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { id: number; version: number; serial: string; state: string; data: Record<string, unknown> };
}

describe('a service priced 0.00', () => {
  it('completes without a charge on the unit’s account', async () => {
    const proposed = await kernel.call(tokens.admin!, 'POST', '/api/config/versions', {
      patch: { plugins: { 'paid-services': { config: { catalog: { tapValve: { price: '0.00' } } } } } }, reason: '换水龙头阀门列为便民服务（免费）',
    });
    expect(proposed.statusCode, proposed.body).toBe(201);
    const activated = await kernel.call(tokens.admin!, 'POST', `/api/config/versions/${(proposed.json() as { number: number }).number}/activate`, {});
    expect(activated.statusCode, activated.body).toBe(200);

    const res = await kernel.call(tokens.frontdesk!, 'POST', '/api/cases/serviceOrder', {
      projectId: reg.projects.get('CH')!.id, unitId: unitId(), personId: reg.people.get('张伟')!.id,
      data: { channel: 'phone', customerName: '张伟', contactPhone: '13800000001', serviceItem: 'tapValve', appointmentAt: '2026-11-09T14:00:00+08:00', description: '阀门松动' },
    });
    expect(res.statusCode, res.body).toBe(201);
    let c = res.json() as { id: number; version: number; serial: string; state: string; data: Record<string, unknown> };
    c = await take('assistant', c, 'accept');
    c = await take('technician', c, 'pickUp', { pickedUpAt: kernel.clock.now().toISOString() });
    c = await take('technician', c, 'confirmPrice', { serviceItem: 'tapValve', quantity: 1, materialsSource: 'warehouse', materials: '无', materialsCost: '0', customerAgreed: true });
    expect(c.data.amount).toBe('0.00');
    c = await take('technician', c, 'complete', { workDone: '紧固阀门', completedAt: kernel.clock.now().toISOString(), customerTested: true, customerSignature: SIGNATURE });
    expect(c.state).toBe('completed');

    const account = (await kernel.call(tokens.cashier!, 'GET', `/api/billing/units/${unitId()}/account`)).json() as { pendingCharges: unknown[] };
    expect(account.pendingCharges).toEqual([]);
  });
});
