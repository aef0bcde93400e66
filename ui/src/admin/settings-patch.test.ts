/**
 * A settings editor keeps only what differs as the company's (or project's) entry: RFC 7386 merge
 * patches that core's mergePatch turns back into the edited settings.
 */
import { describe, expect, it } from 'vitest';
import { mergePatch } from '../../../core/config/merge-patch.js';
import { companySettingsEntry, projectSettingsEntry, settingsInProject } from './settings-patch.js';

/** Settings shaped like a plugin's: a table of items with dated rates, optional members absent. */
interface FeeSettings {
  cycle: string;
  vacancyFactor?: string | null;
  lateFee: { enabled: boolean; ratePerDay: string; capOfPrincipal?: string };
  feeItems: Record<string, { title: { 'zh-CN': string }; rates: { from: string; byUnitType?: Record<string, string>; price?: string }[] }>;
}
const defaults: FeeSettings = {
  cycle: 'month',
  lateFee: { enabled: true, ratePerDay: '0.003' },
  feeItems: {
    management: { title: { 'zh-CN': '物业管理费' }, rates: [{ from: '2026-01-01', byUnitType: { residential: '2.50', commercial: '6.80' } }] },
    water: { title: { 'zh-CN': '水费' }, rates: [{ from: '2026-01-01', price: '3.50' }] },
  },
};
const clone = <T>(v: T): T => structuredClone(v);

describe('settings as merge patches', () => {
  it('a new rate row: the company entry applied to the defaults gives the edited settings', () => {
    const next = clone(defaults);
    next.feeItems.management!.rates.push({ from: '2027-01-01', byUnitType: { residential: '2.80', commercial: '6.80' } });
    const entry = companySettingsEntry(defaults, undefined, next as never);
    expect(entry).toEqual({ feeItems: { management: { rates: next.feeItems.management!.rates } } });
    expect(mergePatch(defaults, entry)).toEqual(next);
  });

  it('composes with the entry in force, and "none" removes the member so the default (none) applies', () => {
    const activeEntry = { vacancyFactor: '0.5', lateFee: { capOfPrincipal: '1' } };
    const active = mergePatch(defaults, activeEntry) as FeeSettings;
    const next = clone(active);
    next.vacancyFactor = null;
    next.lateFee.ratePerDay = '0.005';
    const entry = companySettingsEntry(active, activeEntry, next as never);
    expect(entry).toEqual({ lateFee: { capOfPrincipal: '1', ratePerDay: '0.005' } });
    const { vacancyFactor: none, ...inForce } = next;
    expect(none).toBeNull();
    expect(mergePatch(defaults, entry)).toEqual(inForce);
  });

  it('a project entry holds only what differs from the company; nothing left means no entry', () => {
    const project = clone(defaults);
    project.cycle = 'quarter';
    const entry = projectSettingsEntry(defaults, project as never);
    expect(entry).toEqual({ cycle: 'quarter' });
    expect(settingsInProject(defaults, entry)).toEqual(project);
    expect(projectSettingsEntry(defaults, clone(defaults) as never)).toBeUndefined();
  });
});
