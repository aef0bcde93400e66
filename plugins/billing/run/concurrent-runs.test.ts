/**
 * Two `billing:run` of one company at once (two terminals, two instances' cron…): the second waits
 * for the first, says so in one line, then finds every unit billed — no SQL dumped, no failure, each
 * bill created once. And an API run while another runs is refused with 409 instead of racing it.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { withExclusiveLock } from '../../../core/plugin-api.js';
import { billingRunCommand } from './command.js';
import { billingWorld, type World } from './test-support/billing-world.js';

describe('concurrent billing runs', () => {
  let w: World;
  beforeAll(async () => {
    w = await billingWorld();
  });
  afterAll(async () => w?.kernel.close());
  const billsOf = async (period: string) => Number(((await w.knex()('billing_bill').where({ period_key: period }).count({ n: '*' })) as { n: number | string }[])[0]!.n);

  it('a second billing:run waits for the first, saying so in one line, and bills nothing twice', async () => {
    const services = w.kernel.pluginServices.get('billing')!;
    const out: string[] = [];
    const err: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => { out.push(a.join(' ')); });
    const error = vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => { err.push(a.join(' ')); });
    const write = vi.spyOn(process.stderr, 'write').mockImplementation(() => true); // the progress bar
    try {
      const args = ['--company', w.registry.company.code, '--period', '2026-12'];
      const codes = await Promise.all([billingRunCommand.run(args, services), billingRunCommand.run(args, services)]);
      expect(codes, [...out, ...err].join('\n')).toEqual([0, 0]);
    } finally {
      log.mockRestore();
      error.mockRestore();
      write.mockRestore();
    }
    expect(err).toEqual([expect.stringMatching(/^billing:run: another billing run of company \S+ is in progress; waiting for it to finish…$/)]);
    expect(out).toHaveLength(2);
    expect(out.join('\n')).toContain('20 bills created');
    expect(out.join('\n')).toContain('0 bills created, 20 already billed');
    expect(await billsOf('2026-12')).toBe(20);
  });

  it('an API run while another run holds the company is refused with 409, writing nothing', async () => {
    const services = w.kernel.pluginServices.get('billing')!;
    let release!: () => void;
    const held = new Promise<void>((resolve) => { release = resolve; });
    let entered!: () => void;
    const inside = new Promise<void>((resolve) => { entered = resolve; });
    const holder = withExclusiveLock(services.orm, `billing-run:${w.registry.company.id}`, async () => { entered(); await held; });
    await inside;
    try {
      const res = await w.kernel.call(await w.token('finance'), 'POST', '/api/billing/runs', { periodKey: '2027-01' });
      expect(res.statusCode, res.body).toBe(409);
      expect(res.json()).toMatchObject({ code: 'WUYE_BILLING_RUN_BUSY' });
    } finally {
      release();
      await holder;
    }
    expect(await billsOf('2027-01')).toBe(0);
  });
});
