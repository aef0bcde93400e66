import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { billingCounts, billingWorld, type World } from './test-support/billing-world.js';
import { defaultSettings } from '../domain/default-settings.js';

describe('fee preview, run list, project runs and the command line', () => {
  let w: World;
  beforeAll(async () => { w = await billingWorld(); });
  afterAll(async () => w.kernel.close());

  it('previews an entrusted unit with water under the settings in force: 156.63 + 51.25 = 207.88', async () => {
    const before = await billingCounts(w);
    const res = await w.kernel.call(await w.token('finance'), 'POST', '/api/billing/preview', {
      unit: { area: '89.50', unitType: 'residential', status: 'entrusted' }, periodKey: '2026-12', consumption: { water: '12.5' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      period: { periodKey: '2026-12', start: '2026-12-01', end: '2026-12-31', noticeOn: '2026-11-15', dueOn: '2026-11-30', reminderOn: '2026-12-01', reminderDueOn: '2026-12-07', finalNoticeOn: '2026-12-08', finalDueOn: '2026-12-12' },
      lines: [
        { feeCode: 'management', title: { 'zh-CN': '物业管理费', en: 'Management fee' }, kind: 'area', quantity: '89.5', unitPrice: '2.50', factor: '0.7', amount: '156.63', rateFrom: '2026-01-01' },
        { feeCode: 'water', title: { 'zh-CN': '水费', en: 'Water' }, kind: 'metered', quantity: '12.5', unitPrice: '4.10', factor: '1', amount: '51.25', rateFrom: '2026-01-01' },
      ],
      total: '207.88',
    });
    expect(await billingCounts(w)).toEqual(before);
  });

  it('the admin previews a draft (quarterly, 2.80 from 2027-01-01): 89.50 × 2.80 × 3 = 751.80', async () => {
    const draft = defaultSettings({ cycle: 'quarter' });
    draft.feeItems.management!.rates.push({ from: '2027-01-01', byUnitType: { residential: '2.80' } });
    const res = await w.kernel.call(await w.token('admin'), 'POST', '/api/billing/preview', {
      settings: draft, unit: { area: '89.50', unitType: 'residential', status: 'occupied' }, periodKey: '2027-Q1',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ period: { periodKey: '2027-Q1', noticeOn: '2026-12-01' }, lines: [{ quantity: '268.5', unitPrice: '2.80', amount: '751.80', rateFrom: '2027-01-01' }], total: '751.80' });
  });

  it('a run for one project, then for all: the second bills only the other project; GET /runs lists both', async () => {
    const ch = w.registry.projects.get('CH')!.id;
    const token = await w.token('finance');
    const first = await w.kernel.call(token, 'POST', '/api/billing/runs', { periodKey: '2026-12', projectId: ch });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ run: { projectId: ch, periodKey: '2026-12', status: 'done', unitsTotal: 12, billsCreated: 12 }, created: 12 });
    const all = await w.kernel.call(token, 'POST', '/api/billing/runs', { periodKey: '2026-12' });
    expect(all.json()).toMatchObject({ run: { projectId: null, unitsTotal: 20, billsCreated: 8 }, created: 8, alreadyBilled: 12 });
    const list = await w.kernel.call(token, 'GET', '/api/billing/runs');
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((r: { projectId: number | null; billsCreated: number; status: string }) => [r.projectId, r.billsCreated, r.status])).toEqual([[null, 8, 'done'], [ch, 12, 'done']]);
    expect(list.json().items[0]).toMatchObject({ startedAt: '2026-11-10T02:00:00.000Z', finishedAt: '2026-11-10T02:00:00.000Z' });
    // someone who sees only some projects may not run every project at once
    const assistant = await w.kernel.call(await w.token('assistant'), 'POST', '/api/billing/runs', { periodKey: '2026-12' });
    expect(assistant.statusCode).toBe(403);
  });

  it('billing:run refuses unknown companies, projects, periods and arguments with exit code 2', async () => {
    const command = w.kernel.plugins.extensions.commands.get('billing:run')!;
    const services = w.kernel.pluginServices.get('billing')!;
    const errors: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((message: unknown) => { errors.push(String(message)); });
    try {
      expect(await command.run(['--company', 'NOPE', '--period', '2026-12'], services)).toBe(2);
      expect(await command.run(['--company', 'DEMO', '--period', '2026-12', '--project', 'ZZ'], services)).toBe(2);
      expect(await command.run(['--company', 'DEMO', '--period', '2026-13'], services)).toBe(2);
      expect(await command.run(['--company', 'DEMO'], services)).toBe(2);
      expect(await command.run(['--company', 'DEMO', '--period', '2026-12', '--force'], services)).toBe(2);
    } finally {
      spy.mockRestore();
    }
    expect(errors[0]).toContain('unknown company "NOPE"');
    expect(errors[1]).toContain('unknown project "ZZ"');
    expect(errors[2]).toContain('"2026-13" is not a period of this billing cycle');
    expect(errors[3]).toContain('usage');
    expect(errors[4]).toContain('unexpected argument "--force"');
  });
});
