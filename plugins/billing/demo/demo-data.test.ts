/** Billing's demo data: two periods billed for the demo company, half of last period paid. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKernel, type TestKernel } from '../../../core/testing/harness.js';

let kernel: TestKernel;
beforeAll(async () => {
  kernel = await startTestKernel({ plugins: ['service-desk', 'billing'], startAt: '2026-11-22T04:00:00Z' });
  const seeded = await kernel.seed();
  await kernel.seedDemoData(seeded.company.id);
});
afterAll(async () => kernel?.close());

describe('billing demo data', () => {
  it('bills last period and this one, and leaves every other unit of last period in arrears', async () => {
    const finance = await kernel.login('finance');
    const bills = async (periodKey: string, status?: string) => ((await kernel.call(finance, 'GET', `/api/billing/bills?periodKey=${periodKey}${status ? `&status=${status}` : ''}&limit=200`)).json().items as unknown[]).length;
    const billed = await bills('2026-10');
    expect(billed).toBeGreaterThan(10);
    expect(await bills('2026-11')).toBe(billed);
    expect(await bills('2026-10', 'paid')).toBe(Math.ceil(billed / 2));
    const arrears = (await kernel.call(finance, 'GET', '/api/billing/arrears')).json().items as unknown[];
    expect(arrears.length).toBeGreaterThan(0);
  });
});
