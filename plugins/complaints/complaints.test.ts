/**
 * The complaints procedure end to end over HTTP, on the demo company, with a controlled clock:
 * every path of the workflow, its events, clocks on the Chinese calendar, follow-ups and the
 * printed sheet.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKernel, type SeededRegistry, type TestKernel } from '../../core/testing/harness.js';

interface CaseBody {
  id: number;
  serial: string;
  state: string;
  version: number;
  data: Record<string, unknown>;
  assigneeRole: string | null;
  overdue: boolean;
  closedAt: string | null;
  availableTransitions: string[];
  deadlines: { key: string; dueAt: string; status: string; metAt: string | null; overdueAt: string | null; escalatedToRole: string | null }[];
  followUps: { id: number; dueAt: string; method: string; roles: string[]; status: string; satisfied: boolean | null }[];
}

let kernel: TestKernel;
let reg: SeededRegistry;
const tokens: Record<string, string> = {};

const HOUR = 3600_000;
/** Beijing time helper: '2026-09-29 10:00' -> Date */
const bj = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`);

beforeAll(async () => {
  kernel = await startTestKernel({ plugins: ['service-desk', 'complaints'], startAt: bj('2026-09-29 10:00') });
  reg = await kernel.seed();
  for (const u of ['frontdesk', 'supervisor', 'manager', 'engineering', 'assistant', 'gm', 'concierge', 'frontdesk-jr']) tokens[u] = await kernel.login(u);
});
afterAll(async () => kernel?.close());

const unit101 = () => reg.units.get('CH/1/101')!;
const owner = () => reg.people.get('张伟')!;

async function get(id: number, as = 'supervisor'): Promise<CaseBody> {
  const res = await kernel.call(tokens[as]!, 'GET', `/api/cases/complaint/${id}`);
  expect(res.statusCode).toBe(200);
  return res.json() as CaseBody;
}

async function register(data: Record<string, unknown> = {}): Promise<CaseBody> {
  const res = await kernel.call(tokens.frontdesk!, 'POST', '/api/cases/complaint', {
    projectId: reg.projects.get('CH')!.id,
    unitId: unit101().id,
    personId: owner().id,
    data: { channel: 'phone', complainantName: '张伟', contactPhone: '13800000001', content: '楼道灯坏了三天没人修', ...data },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as CaseBody;
}

async function take(as: string, c: { id: number; version: number }, transition: string, data?: Record<string, unknown>): Promise<CaseBody> {
  const res = await kernel.call(tokens[as]!, 'POST', `/api/cases/complaint/${c.id}/transitions/${transition}`, { version: c.version, ...(data ? { data } : {}) });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as CaseBody;
}

async function completeFollowUp(as: string, caseId: number, data: Record<string, unknown>) {
  const c = await get(caseId, as);
  const due = c.followUps.filter((f) => f.status === 'due');
  expect(due).toHaveLength(1);
  const res = await kernel.call(tokens[as]!, 'POST', `/api/follow-ups/${due[0]!.id}/complete`, { caseVersion: c.version, data });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { followUp: { status: string; satisfied: boolean }; case: CaseBody };
}

const clock = (c: CaseBody, key: string) => c.deadlines.filter((d) => d.key === key);

describe('complaints: a minor complaint solved in time', () => {
  let id: number;

  it('registers with a serial, the supervisor queue and the 30-minute forwarding clock', async () => {
    const created = await register();
    id = created.id;
    expect(created.serial).toMatch(/^TS-2026-\d{6}$/);
    expect(created.state).toBe('registered');
    expect(created.assigneeRole).toBe('supervisor');
    expect(created.availableTransitions).toEqual([]); // the front desk registers; the supervisor classifies
    const c = await get(id);
    expect(c.availableTransitions).toEqual(expect.arrayContaining(['classify', 'cancel']));
    expect(clock(c, 'forward')).toEqual([expect.objectContaining({ status: 'running', dueAt: bj('2026-09-29 10:30').toISOString() })]);
  });

  it('classifying routes to the department chosen by the rule and starts the 24-hour clock', async () => {
    kernel.clock.advance(10 * 60_000);
    const before = await get(id);
    const after = await take('supervisor', before, 'classify', { nature: 'valid', severity: 'minor', category: 'repair' });
    expect(after.state).toBe('routed');
    expect(after.data.department).toBe('engineering'); // routeDepartment: repair -> engineering
    expect(after.version).toBe(before.version + 1);
    const c = await get(id);
    expect(clock(c, 'forward')[0]).toMatchObject({ status: 'met', metAt: bj('2026-09-29 10:10').toISOString() });
    expect(clock(c, 'resolve')[0]).toMatchObject({ status: 'running', dueAt: bj('2026-09-30 10:10').toISOString() });
    expect(clock(c, 'answer')).toEqual([]); // only major complaints get the "clear answer" clock
  });

  it('the department handles, the desk replies, and a phone follow-up falls due in 3 days', async () => {
    kernel.clock.advance(5 * HOUR);
    let c = await take('engineering', await get(id), 'handle', { cause: '灯管老化', correctiveAction: '更换灯管并检查线路', handledBy: '韩志' });
    expect(c.state).toBe('handled');
    kernel.clock.advance(HOUR);
    c = await take('frontdesk', c, 'reply', { replyMethod: 'phone', replyContent: '已更换灯管，感谢您的反馈' });
    expect(c.state).toBe('replied');
    const full = await get(id);
    expect(clock(full, 'resolve')[0]).toMatchObject({ status: 'met' });
    expect(full.followUps).toEqual([
      expect.objectContaining({ status: 'due', method: 'phone', roles: ['supervisor', 'manager'], dueAt: bj('2026-10-02 16:10').toISOString() }),
    ]);
    const list = await kernel.call(tokens.supervisor!, 'GET', '/api/follow-ups');
    expect((list.json() as { items: { caseId: number }[] }).items.map((i) => i.caseId)).toContain(id);
    // staff of the other project do not see this project's follow-ups
    const other = await kernel.call(tokens['frontdesk-jr']!, 'GET', '/api/follow-ups');
    expect((other.json() as { items: unknown[] }).items).toEqual([]);
    // the front desk is not among the follow-up roles
    const byDesk = await kernel.call(tokens.frontdesk!, 'POST', `/api/follow-ups/${full.followUps[0]!.id}/complete`, {
      caseVersion: full.version, data: { method: 'phone', satisfied: true, satisfaction: 'satisfied', visitorNote: '电话回访' },
    });
    expect(byDesk.statusCode).toBe(403);
  });

  it('a satisfied follow-up closes the case; no clock is left running and the job finds nothing overdue', async () => {
    kernel.clock.advance(24 * HOUR);
    const done = await completeFollowUp('supervisor', id, { method: 'phone', satisfied: true, satisfaction: 'verySatisfied', visitorNote: '业主表示满意' });
    expect(done.followUp).toMatchObject({ status: 'done', satisfied: true });
    expect(done.case.state).toBe('closed');
    const c = await get(id);
    expect(c.closedAt).toBe(kernel.clock.now().toISOString());
    expect(c.deadlines.every((d) => d.status === 'met')).toBe(true);
    expect(c.availableTransitions).toEqual([]);
    kernel.clock.advance(30 * 24 * HOUR);
    expect((await kernel.runJobs()).overdue).toBe(0);
  });

  it('the event log records every step with actor and role', async () => {
    const res = await kernel.call(tokens.supervisor!, 'GET', `/api/cases/complaint/${id}/events`);
    const events = (res.json() as { items: { type: string; transition: string | null; actorRole: string | null; toState: string | null }[] }).items;
    expect(events.map((e) => [e.type, e.transition, e.actorRole, e.toState])).toEqual([
      ['created', null, 'frontDesk', 'registered'],
      ['transition', 'classify', 'supervisor', 'routed'],
      ['transition', 'handle', 'engineering', 'handled'],
      ['transition', 'reply', 'frontDesk', 'replied'],
      ['followUpScheduled', null, null, 'replied'],
      ['transition', 'followUpSatisfied', 'supervisor', 'closed'],
    ]);
  });

  it('prints the complaint sheet with the case, the household and the timeline', async () => {
    const res = await kernel.call(tokens.supervisor!, 'GET', `/api/cases/complaint/${id}/documents/sheet`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    const html = res.body;
    const c = await get(id);
    for (const expected of ['业主投诉处理单', c.serial, '张伟', '13800000001', '楼道灯坏了三天没人修', '翠湖花园', '更换灯管并检查线路', '已结案']) {
      expect(html).toContain(expected);
    }
    // paper is in the company's language, whatever the clerk's screen language
    const en = await kernel.call(tokens.supervisor!, 'GET', `/api/cases/complaint/${id}/documents/sheet?lang=en`);
    expect(en.body).toContain('业主投诉处理单');
    expect(en.body).not.toContain('Complaint sheet');
  });

  it('escapes what residents and staff typed: the printed sheet never runs their markup', async () => {
    kernel.clock.set(bj('2026-08-15 10:00')); // a month the summary test does not look at
    const hostile = await register({ complainantName: '<img src=x onerror=alert(1)>', content: '<script>alert("x")</script> 楼上漏水' });
    const res = await kernel.call(tokens.supervisor!, 'GET', `/api/cases/complaint/${hostile.id}/documents/sheet`);
    expect(res.body).not.toContain('<script>alert');
    expect(res.body).not.toContain('<img src=x');
    expect(res.body).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; 楼上漏水');
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    const cancelled = await take('supervisor', hostile, 'cancel', { cancelReason: 'enteredByMistake', cancelNote: '测试' });
    expect(cancelled.state).toBe('cancelled');
  });
});

describe('complaints: a major complaint over National Day escalates when overdue', () => {
  let id: number;

  it('3 working days span the holiday and end on the 调休 Saturday; 7 working days end on 15 October', async () => {
    kernel.clock.set(bj('2026-09-30 10:00'));
    const created = await register({ content: '电梯困人，物业二十分钟后才到', ongoingDamage: false });
    id = created.id;
    const c = await take('supervisor', created, 'classify', { nature: 'major', severity: 'major', category: 'facilities', classificationNote: '涉及人身安全' });
    expect(c.state).toBe('routed');
    expect(c.assigneeRole).toBe('engineering'); // forwarded to the department's queue (rule departmentRole)
    const full = await get(id);
    // Oct 1–7 are holidays, Oct 8 (Thu), 9 (Fri) and the make-up working Saturday Oct 10 count.
    expect(clock(full, 'answer')[0]!.dueAt).toBe(new Date('2026-10-10T23:59:59.999+08:00').toISOString());
    // then Mon 12, Tue 13, Wed 14, Thu 15 (Sunday 11 is a day off)
    expect(clock(full, 'resolve')[0]!.dueAt).toBe(new Date('2026-10-15T23:59:59.999+08:00').toISOString());
  });

  it('the server computes severity from the nature: a major complaint is always major', async () => {
    const other = await register({ content: '重复投诉无人处理' });
    const c = await take('supervisor', other, 'classify', { nature: 'major', severity: 'minor', category: 'other', classificationNote: '多次投诉未解决' });
    expect(c.data.severity).toBe('major');
  });

  it('nothing is overdue on the Saturday evening; just after midnight the job escalates to the service manager', async () => {
    kernel.clock.set(bj('2026-10-10 22:00'));
    expect((await kernel.runJobs()).overdue).toBe(0);
    const before = await get(id);
    kernel.clock.set(bj('2026-10-11 00:30'));
    expect((await kernel.runJobs()).overdue).toBe(2); // this case's answer clock and the other major case's
    const after = await get(id);
    expect(after.overdue).toBe(true);
    expect(after.assigneeRole).toBe('manager'); // the answer clock escalates to the manager (escalateTo), not up engineering's line
    expect(after.version).toBe(before.version + 1);
    expect(clock(after, 'answer')[0]).toMatchObject({ status: 'overdue', overdueAt: bj('2026-10-11 00:30').toISOString(), escalatedToRole: 'manager' });
    expect(clock(after, 'resolve')[0]!.status).toBe('running');
    // running the job again marks nothing twice
    expect((await kernel.runJobs()).overdue).toBe(0);
    const events = (await kernel.call(tokens.manager!, 'GET', `/api/cases/complaint/${id}/events`)).json() as { items: { type: string; data: Record<string, unknown> }[] };
    expect(events.items.filter((e) => e.type === 'overdue')).toEqual([
      expect.objectContaining({ data: expect.objectContaining({ deadline: 'answer', escalatedFrom: 'engineering', escalatedTo: 'manager' }) }),
    ]);
  });

  it('the overdue case is listed for the manager; the manager answers, handles and the follow-up is on site by the manager', async () => {
    const list = await kernel.call(tokens.manager!, 'GET', '/api/cases/complaint?overdue=true&assigneeRole=manager');
    expect((list.json() as { items: { id: number }[] }).items.map((i) => i.id)).toContain(id);
    let c = await take('manager', await get(id, 'manager'), 'answer', { answerContent: '经理上门致歉并说明整改计划', answerMethod: 'visit' });
    expect(c.state).toBe('answered');
    c = await take('manager', c, 'handle', { cause: '维保单位响应慢', correctiveAction: '更换维保单位，增加值守', handledBy: '高雅' });
    c = await take('manager', c, 'reply', { replyMethod: 'visit', replyContent: '已整改' });
    const full = await get(id, 'manager');
    expect(full.overdue).toBe(false); // the overdue clock is met (late): nothing runs overdue any more
    expect(clock(full, 'answer')[0]).toMatchObject({ status: 'overdue', metAt: kernel.clock.now().toISOString() });
    expect(full.followUps[0]).toMatchObject({ method: 'onSite', roles: ['manager', 'generalManager'] });
    // the supervisor may not do a major complaint's follow-up
    const bySupervisor = await kernel.call(tokens.supervisor!, 'POST', `/api/follow-ups/${full.followUps[0]!.id}/complete`, {
      caseVersion: full.version, data: { method: 'onSite', satisfied: true, satisfaction: 'satisfied' },
    });
    expect(bySupervisor.statusCode).toBe(403);
    const done = await completeFollowUp('gm', id, { method: 'onSite', satisfied: true, satisfaction: 'satisfied', residentSignature: `data:image/png;base64,${'A'.repeat(64)}` });
    expect(done.case.state).toBe('closed');
  });
});

describe('complaints: an invalid complaint is explained and closed', () => {
  it('goes to the assistant to explain, then closes without a follow-up', async () => {
    kernel.clock.set(bj('2026-10-12 09:00'));
    const created = await register({ content: '要求物业赔偿邻居装修噪音损失' });
    const missingNote = await kernel.call(tokens.supervisor!, 'POST', `/api/cases/complaint/${created.id}/transitions/classify`, {
      version: created.version, data: { nature: 'invalid', severity: 'minor', category: 'noise' },
    });
    expect(missingNote.statusCode).toBe(400); // an invalid complaint needs the reason (requiredIf)
    expect(missingNote.json().issues[0].pointer).toBe('/data/classificationNote');
    let c = await take('supervisor', created, 'classify', { nature: 'invalid', severity: 'minor', category: 'noise', classificationNote: '属邻里纠纷，非物业责任' });
    expect(c.state).toBe('explaining');
    expect(c.assigneeRole).toBe('assistant');
    c = await take('assistant', c, 'explain', { explanation: '已向业主说明属邻里纠纷，可协助调解', explanationMethod: 'phone', residentAccepted: true });
    expect(c.state).toBe('closed');
    const full = await get(c.id);
    expect(full.followUps).toEqual([]);
    expect(full.deadlines.every((d) => d.status === 'met')).toBe(true);
  });
});

describe('complaints: an unsatisfied follow-up reopens the case for rectification', () => {
  it('rectifies, replies again and closes after a second, satisfied follow-up', async () => {
    kernel.clock.set(bj('2026-10-13 09:00'));
    let c = await register({ content: '垃圾桶满溢无人清理' });
    c = await take('supervisor', c, 'classify', { nature: 'valid', severity: 'minor', category: 'cleaning' });
    expect(c.data.department).toBe('cleaning');
    c = await take('supervisor', c, 'handle', { cause: '清运车辆故障', correctiveAction: '增加清运频次', handledBy: '罗斌' });
    c = await take('concierge', c, 'reply', { replyMethod: 'phone', replyContent: '已安排清运' });
    // the server recomputes "satisfied" from the satisfaction given, whatever the client sent
    const unhappy = await completeFollowUp('supervisor', c.id, { method: 'phone', satisfied: true, satisfaction: 'unsatisfied', shortcomings: '第二天又满了', visitorNote: '电话回访，业主不满意' });
    expect(unhappy.followUp.satisfied).toBe(false);
    expect(unhappy.case.state).toBe('rectifying');
    let full = await get(c.id);
    expect(clock(full, 'rectify')[0]).toMatchObject({ status: 'running', dueAt: bj('2026-10-15 09:00').toISOString() });
    c = await take('supervisor', full, 'handle', { cause: '清运频次不足', correctiveAction: '每日清运两次', handledBy: '罗斌' });
    c = await take('concierge', c, 'reply', { replyMethod: 'visit', replyContent: '已改为每日两次' });
    const happy = await completeFollowUp('manager', c.id, { method: 'onSite', satisfied: true, satisfaction: 'satisfied' });
    expect(happy.case.state).toBe('closed');
    full = await get(c.id);
    expect(full.followUps.map((f) => [f.status, f.satisfied])).toEqual([['done', false], ['done', true]]);
  });
});

describe('complaints: monthly summary', () => {
  it('counts the month by category, severity and nature, with deadline and follow-up figures', async () => {
    const res = await kernel.call(tokens.manager!, 'GET', '/api/cases/complaint/summary?month=2026-10');
    expect(res.statusCode).toBe(200);
    const s = res.json();
    // October: two major (Sep 30 is September), one invalid noise, one cleaning — the two majors were registered on 30 Sep
    expect(s.total).toBe(2);
    expect(s.by.category).toEqual({ noise: 1, cleaning: 1 });
    expect(s.by.nature).toEqual({ invalid: 1, valid: 1 });
    expect(s.closed).toBe(2);
    expect(s.followUps).toMatchObject({ total: 2, done: 2, satisfied: 1 });
    const sept = (await kernel.call(tokens.manager!, 'GET', '/api/cases/complaint/summary?month=2026-09')).json();
    expect(sept.total).toBe(3);
    expect(sept.by.severity).toEqual({ minor: 1, major: 2 });
    expect(sept.deadlines.overdueOpen + sept.deadlines.metLate).toBe(2);
  });
});

describe('complaints: concurrent changes', () => {
  it('of several simultaneous transitions from the same version exactly one wins; the others get 409', async () => {
    kernel.clock.set(bj('2026-11-03 09:00'));
    const c = await register({ content: '并发测试' });
    const attempts = await Promise.all([
      ...Array.from({ length: 3 }, () => kernel.call(tokens.supervisor!, 'POST', `/api/cases/complaint/${c.id}/transitions/cancel`, { version: c.version, data: { cancelReason: 'duplicate', cancelNote: '重复' } })),
      ...Array.from({ length: 3 }, () => kernel.call(tokens.manager!, 'POST', `/api/cases/complaint/${c.id}/transitions/classify`, { version: c.version, data: { nature: 'valid', severity: 'minor', category: 'other' } })),
    ]);
    const statuses = attempts.map((r) => r.statusCode).sort();
    expect(statuses).toEqual([200, 409, 409, 409, 409, 409]);
    const events = (await kernel.call(tokens.supervisor!, 'GET', `/api/cases/complaint/${c.id}/events`)).json().items as { type: string }[];
    expect(events.filter((e) => e.type === 'transition')).toHaveLength(1);
    expect((await get(c.id)).version).toBe(c.version + 1);
  });
});

describe('complaints: reclassifying', () => {
  it('returns the case to the supervisor, clears the routing and routes it again by the new category', async () => {
    let c = await register({ content: '收费有误，被当成维修投诉' });
    c = await take('supervisor', c, 'classify', { nature: 'valid', severity: 'minor', category: 'repair' });
    expect([c.data.department, c.assigneeRole]).toEqual(['engineering', 'engineering']);
    c = await take('supervisor', c, 'reclassify');
    expect(c.state).toBe('registered');
    expect(c.assigneeRole).toBe('supervisor');
    expect(c.data.department).toBeNull();
    c = await take('supervisor', c, 'classify', { nature: 'valid', severity: 'minor', category: 'fees' });
    expect([c.data.department, c.assigneeRole]).toEqual(['finance', 'finance']);
  });
});
