/**
 * Dry run of a deadline running out (core/config/dry-run.ts): the admin lets time pass with a step
 * that takes no transition and reads what the overdue job would do — escalate to the deadline's
 * role, or, when the deadline declares onExpiry, take that transition as the platform — on a
 * company's own key-lending type (working days on the company calendar). Nothing is written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKernel, type TestKernel } from '../../core/testing/harness.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** TEST DATA: the key-lending type as the configuration editor writes it (test/fixtures/company-case-types/key-loan.json). */
function keyLoanType(): Record<string, unknown> {
  const def = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/company-case-types/key-loan.json'), 'utf8')) as Record<string, unknown>;
  delete def._comment;
  return def;
}

interface Expiry { clock: string; escalatedTo: string | null; escalatedToTitle: { 'zh-CN': string } | null; transition: string | null; transitionTitle: { 'zh-CN': string } | null; state: string; stateTitle: { 'zh-CN': string } | null; dueAt: string }
interface Step { transition: string | null; waited?: boolean; state: string; assigneeRole: string | null; expired: Expiry[]; clocks: { key: string; status: string }[]; refused: unknown }

let kernel: TestKernel;
let admin: string;
// Friday 2026-11-06 09:00 Beijing: one working day later is the end of Monday
const START = '2026-11-06T09:00:00+08:00';
const create = { data: { keyName: '1栋101 入户门钥匙', borrowerName: '李师傅', borrowerPhone: '13800000001', purpose: 'renovation', dueAt: '2026-11-06T18:00:00+08:00' } };

/** the key loan whose return deadline, on expiry, marks the loan 逾期未还 (and the supervisor gets it there) */
function withOnExpiry(): Record<string, unknown> {
  const def = keyLoanType() as { workflow: Record<string, any> };
  const wf = def.workflow;
  wf.states.overdue = { title: { 'zh-CN': '逾期未还' }, assignRole: 'supervisor' };
  wf.transitions.markOverdue = { title: { 'zh-CN': '标记逾期' }, from: ['lent'], to: 'overdue', roles: ['supervisor'], system: true };
  wf.transitions.returnKey.from = ['lent', 'overdue'];
  wf.deadlines.returnBy.onExpiry = { transition: 'markOverdue' };
  return def;
}

async function dryRun(def: Record<string, unknown>, steps: object[]): Promise<Step[]> {
  const res = await kernel.call(admin, 'POST', '/api/config/dry-run', { document: { caseTypes: { xKeyLoan: def } }, caseType: 'xKeyLoan', start: new Date(START).toISOString(), create, steps });
  expect(res.statusCode, res.body).toBe(200);
  const body = res.json() as { valid: boolean; issues: unknown[]; steps: Step[] };
  expect(body.issues).toEqual([]);
  return body.steps;
}

beforeAll(async () => {
  kernel = await startTestKernel({ plugins: ['service-desk'], startAt: START });
  await kernel.seed();
  admin = await kernel.login('admin');
});
afterAll(async () => kernel?.close());

describe('dry run of a deadline that runs out', () => {
  it('escalates to the deadline role when it declares no onExpiry (a wait step takes no transition)', async () => {
    // lent Friday 09:00, due by the end of the next working day (Monday); Tuesday 09:00 it has run out
    const steps = await dryRun(keyLoanType(), [{ afterMinutes: 4 * 24 * 60 }]);
    expect(steps).toHaveLength(2);
    const wait = steps[1]!;
    expect(wait).toMatchObject({ transition: null, waited: true, state: 'lent', assigneeRole: 'supervisor', refused: null });
    expect(wait.expired).toEqual([expect.objectContaining({ clock: 'returnBy', escalatedTo: 'supervisor', transition: null, state: 'lent' })]);
    expect(wait.expired[0]!.escalatedToTitle?.['zh-CN']).toBeTruthy();
    expect(new Date(wait.expired[0]!.dueAt).toISOString()).toBe(new Date('2026-11-09T23:59:59.999+08:00').toISOString());
    expect(wait.clocks.find((c) => c.key === 'returnBy')?.status).toBe('overdue');
  }, 120_000);

  it('takes the onExpiry transition as the platform instead, and the case carries on from there', async () => {
    const steps = await dryRun(withOnExpiry(), [{ afterMinutes: 4 * 24 * 60 }, { transition: 'returnKey', data: { condition: 'intact' }, afterMinutes: 30 }]);
    const [, wait, back] = steps;
    expect(wait!.expired).toEqual([expect.objectContaining({ clock: 'returnBy', transition: 'markOverdue', escalatedTo: null, state: 'overdue' })]);
    expect(wait!.expired[0]!.transitionTitle).toEqual({ 'zh-CN': '标记逾期' });
    expect(wait!.expired[0]!.stateTitle).toEqual({ 'zh-CN': '逾期未还' });
    expect(wait).toMatchObject({ state: 'overdue', assigneeRole: 'supervisor' });
    expect(back).toMatchObject({ transition: 'returnKey', state: 'returned', refused: null, expired: [] });
  }, 120_000);

  it('a clock that has not run out does nothing', async () => {
    const steps = await dryRun(withOnExpiry(), [{ afterMinutes: 60 }]);
    expect(steps[1]).toMatchObject({ state: 'lent', expired: [] });
  }, 120_000);
});
