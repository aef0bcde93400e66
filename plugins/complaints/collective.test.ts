/**
 * 集体投诉 — seed 003 §2.7.5: 「客户普通关心、关注或有多位客户共同投诉的问题，客户服务中心经理或总物业经理
 * 应召集投诉者座谈会，或在小区公布处理情况」 (DOMAIN.md complaints: "Many residents with the same complaint →
 * manager holds a meeting or posts the outcome"). A complaint classified as shared by several
 * residents cannot be closed by its follow-up until the manager or the general manager has recorded
 * the meeting or the public notice; an ordinary complaint refuses the step.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKernel, type SeededRegistry, type TestKernel } from '../../core/testing/harness.js';

let kernel: TestKernel;
let reg: SeededRegistry;
const tokens: Record<string, string> = {};
const bj = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`);

interface CaseBody { id: number; version: number; state: string; availableTransitions: string[]; followUps: { id: number; status: string }[] }

beforeAll(async () => {
  kernel = await startTestKernel({ plugins: ['service-desk', 'complaints'], startAt: bj('2026-11-16 09:00') });
  reg = await kernel.seed();
  for (const u of ['frontdesk', 'supervisor', 'engineering', 'manager']) tokens[u] = await kernel.login(u);
});
afterAll(async () => kernel?.close());

const get = async (id: number, as = 'manager') => (await kernel.call(tokens[as]!, 'GET', `/api/cases/complaint/${id}`)).json() as CaseBody;

async function take(as: string, c: { id: number; version: number }, transition: string, data: Record<string, unknown> = {}) {
  const res = await kernel.call(tokens[as]!, 'POST', `/api/cases/complaint/${c.id}/transitions/${transition}`, { version: c.version, data });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as CaseBody;
}

/** registered, classified (collective or not), handled and replied: waiting for its follow-up */
async function repliedComplaint(classification: Record<string, unknown>): Promise<CaseBody> {
  const res = await kernel.call(tokens.frontdesk!, 'POST', '/api/cases/complaint', {
    projectId: reg.projects.get('CH')!.id, unitId: reg.units.get('CH/1/101')!.id, personId: reg.people.get('张伟')!.id,
    data: { channel: 'phone', complainantName: '张伟', contactPhone: '13800000001', content: '地下车库夜间照明不足，多户业主反映' },
  });
  expect(res.statusCode, res.body).toBe(201);
  let c = res.json() as CaseBody;
  c = await take('supervisor', c, 'classify', { nature: 'valid', severity: 'minor', category: 'facilities', ...classification });
  c = await take('engineering', await get(c.id), 'handle', { cause: '灯具老化', correctiveAction: '更换车库灯具', handledBy: '韩志' });
  return take('frontdesk', c, 'reply', { replyMethod: 'phone', replyContent: '车库灯具已全部更换' });
}

const completeFollowUp = async (caseId: number) => {
  const c = await get(caseId, 'supervisor');
  const due = c.followUps.find((f) => f.status === 'due')!;
  return kernel.call(tokens.supervisor!, 'POST', `/api/follow-ups/${due.id}/complete`, {
    caseVersion: c.version, data: { method: 'phone', satisfied: true, satisfaction: 'satisfied', visitorNote: '业主满意' },
  });
};

describe('a complaint shared by several residents (seed 003 §2.7.5)', () => {
  it('cannot be closed by its follow-up before the meeting or the public notice', async () => {
    const c = await repliedComplaint({ collective: true, complainantCount: 12 });
    expect(c.state).toBe('replied');
    expect((await get(c.id)).availableTransitions).toContain('publishOutcome');
    const refused = await completeFollowUp(c.id);
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('collective complaint');

    const published = await take('manager', await get(c.id), 'publishOutcome', {
      publicityMethod: 'meeting', publishedAt: '2026-11-18T19:00:00+08:00', publicityPlace: '会所二楼会议室',
      publicitySummary: '召集12户投诉业主座谈，说明车库照明改造方案与完成时间',
    });
    expect(published.state).toBe('replied');
    const closed = await completeFollowUp(c.id);
    expect(closed.statusCode, closed.body).toBe(200);
    expect((await get(c.id)).state).toBe('closed');
  });

  it('a complaint of one resident is closed by its follow-up without the step, which it refuses', async () => {
    const c = await repliedComplaint({});
    const tried = await kernel.call(tokens.manager!, 'POST', `/api/cases/complaint/${c.id}/transitions/publishOutcome`, {
      version: c.version, data: { publicityMethod: 'notice', publishedAt: '2026-11-18T10:00:00+08:00', publicitySummary: '公告' },
    });
    expect(tried.statusCode).toBe(422);
    expect(tried.body).toContain('several residents');
    expect((await completeFollowUp(c.id)).statusCode).toBe(200);
  });

  it('a collective complaint names how many households complain', async () => {
    const res = await kernel.call(tokens.frontdesk!, 'POST', '/api/cases/complaint', {
      projectId: reg.projects.get('CH')!.id, data: { channel: 'phone', complainantName: '张伟', contactPhone: '13800000001', content: '多户反映电梯噪音' },
    });
    const c = res.json() as CaseBody;
    const missing = await kernel.call(tokens.supervisor!, 'POST', `/api/cases/complaint/${c.id}/transitions/classify`, {
      version: c.version, data: { nature: 'valid', severity: 'minor', category: 'facilities', collective: true },
    });
    expect(missing.statusCode).toBe(400);
    expect((missing.json() as { issues: { pointer: string }[] }).issues.map((i) => i.pointer)).toContain('/data/complainantCount');
  });
});
