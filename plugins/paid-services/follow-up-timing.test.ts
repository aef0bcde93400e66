/**
 * When repairs and paid services are followed up — seed 002, 3《回访管理操作规程》一、回访时间安排:
 *   2、「维修工程的回访,应在完成维修工程一个月内进行回访」 — a repair project is followed up within a
 *      month of its completion (a minor repair keeps its category's time);
 *   3、「特约服务的回访,应在执行期的中期阶段和结束后进行」 — a paid service running over several days
 *      is followed up in the middle of the works as well as after them: it cannot be completed
 *      before its mid-term follow-up once its expected period reaches the company's threshold
 *      (setting midTermFollowUpMinDays, 3 days by default; the manual gives no figure).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKernel, type SeededRegistry, type TestKernel } from '../../core/testing/harness.js';

interface CaseBody {
  id: number; version: number; state: string; data: Record<string, unknown>; availableTransitions: string[];
  followUps: { id: number; dueAt: string; status: string }[];
}

let kernel: TestKernel;
let reg: SeededRegistry;
const tokens: Record<string, string> = {};
const bj = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`);
const SIGNATURE = `data:image/png;base64,${'iVBORw0KGgo'.repeat(4)}`;
const DAY = 86_400_000;

beforeAll(async () => {
  kernel = await startTestKernel({ plugins: ['service-desk', 'billing', 'paid-services'], startAt: bj('2026-10-12 09:00') });
  reg = await kernel.seed();
  for (const u of ['frontdesk', 'assistant', 'technician', 'supervisor']) tokens[u] = await kernel.login(u);
});
afterAll(async () => kernel?.close());

function attempt(type: string, as: string, c: { id: number; version: number }, transition: string, data: Record<string, unknown> = {}) {
  return kernel.call(tokens[as]!, 'POST', `/api/cases/${type}/${c.id}/transitions/${transition}`, { version: c.version, data });
}
async function take(type: string, as: string, c: { id: number; version: number }, transition: string, data: Record<string, unknown> = {}) {
  const res = await attempt(type, as, c, transition, data);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as CaseBody;
}
const get = async (type: string, id: number) => (await kernel.call(tokens.supervisor!, 'GET', `/api/cases/${type}/${id}`)).json() as CaseBody;

/** a common-area repair (free) worked to completion with the given kind of repair */
async function completedRepair(workScope?: string): Promise<CaseBody> {
  const res = await kernel.call(tokens.frontdesk!, 'POST', '/api/cases/repair', {
    projectId: reg.projects.get('CH')!.id, data: { channel: 'phone', customerName: '王芳', contactPhone: '13800000002', appointmentAt: '2026-10-12T15:00:00+08:00', area: 'commonArea', location: '2栋电梯厅', category: 'electrical', content: '电梯厅照明线路老化' },
  });
  expect(res.statusCode, res.body).toBe(201);
  let c = res.json() as CaseBody;
  c = await take('repair', 'assistant', c, 'dispatch', {});
  c = await take('repair', 'technician', c, 'pickUp', { pickedUpAt: kernel.clock.now().toISOString() });
  c = await take('repair', 'technician', c, 'startWork', { findings: '线路老化', materialsSource: 'warehouse', materials: '电缆' });
  return take('repair', 'technician', c, 'complete', {
    ...(workScope ? { workScope } : {}), workDone: '更换整段线路', completedAt: kernel.clock.now().toISOString(), customerTested: true, customerSignature: SIGNATURE,
  });
}

describe('follow-up timing of repairs and paid services (seed 002, 回访时间安排)', () => {
  it('一、2: a repair project is followed up within a month of completion, a minor repair within its category’s days', async () => {
    const now = kernel.clock.now().getTime();
    const project = await get('repair', (await completedRepair('project')).id);
    const due = Date.parse(project.followUps[0]!.dueAt);
    expect(due - now).toBeGreaterThanOrEqual(29 * DAY);
    expect(due - now).toBeLessThanOrEqual(31 * DAY);
    const minor = await get('repair', (await completedRepair('minor')).id);
    expect(Date.parse(minor.followUps[0]!.dueAt) - now).toBeLessThanOrEqual(3 * DAY);
    const unstated = await get('repair', (await completedRepair()).id);
    expect(Date.parse(unstated.followUps[0]!.dueAt) - now).toBeLessThanOrEqual(3 * DAY);
  });

  async function startedService(expectedDays?: number): Promise<CaseBody> {
    const res = await kernel.call(tokens.frontdesk!, 'POST', '/api/cases/serviceOrder', {
      projectId: reg.projects.get('CH')!.id, unitId: reg.units.get('CH/1/101')!.id, personId: reg.people.get('张伟')!.id,
      data: { channel: 'phone', customerName: '张伟', contactPhone: '13800000001', serviceItem: 'tapValve', appointmentAt: '2026-10-12T14:00:00+08:00', description: '厨卫水管改造' },
    });
    expect(res.statusCode, res.body).toBe(201);
    let c = res.json() as CaseBody;
    c = await take('serviceOrder', 'assistant', c, 'accept');
    c = await take('serviceOrder', 'technician', c, 'pickUp', { pickedUpAt: kernel.clock.now().toISOString() });
    return take('serviceOrder', 'technician', c, 'confirmPrice', {
      serviceItem: 'tapValve', quantity: 1, materialsSource: 'warehouse', materials: '水管配件', materialsCost: '60', customerAgreed: true,
      ...(expectedDays ? { expectedDays } : {}),
    });
  }
  const completion = () => ({ workDone: '改造完成', completedAt: kernel.clock.now().toISOString(), customerTested: true, customerSignature: SIGNATURE });

  it('一、3: a paid service of several days is completed only after its mid-term follow-up', async () => {
    let c = await startedService(5);
    const refused = await attempt('serviceOrder', 'technician', c, 'complete', completion());
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('mid-term follow-up');
    c = await take('serviceOrder', 'assistant', c, 'midTermFollowUp', { midTermFollowUpAt: kernel.clock.now().toISOString(), midTermMethod: 'phone', midTermSatisfied: true, midTermNote: '客户对进度满意' });
    expect(c.state).toBe('inProgress');
    c = await take('serviceOrder', 'technician', c, 'complete', completion());
    expect(c.state).toBe('completed');
    // and the final follow-up after it, as for every paid service
    expect((await get('serviceOrder', c.id)).followUps.map((f) => f.status)).toEqual(['due']);
  });

  it('a short paid service is completed without one', async () => {
    expect((await take('serviceOrder', 'technician', await startedService(1), 'complete', completion())).state).toBe('completed');
    expect((await take('serviceOrder', 'technician', await startedService(), 'complete', completion())).state).toBe('completed');
  });
});
