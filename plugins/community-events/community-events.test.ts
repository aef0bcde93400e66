/**
 * Community events and the annual satisfaction survey over HTTP: a plan returned once and approved,
 * the notice, sign-ups beyond the capacity (waiting list), a cancellation promoting the first
 * waiting party that fits, a duplicate unit refused, check-in, photos, closing with one follow-up
 * case per household present (due within a month, 70% policy) and follow-ups recorded; the survey
 * planned, signed off, distributed to a project's households, partly collected and analysed — the
 * numbers checked against a computation made here from the answers; bad input, wrong roles,
 * another company's ids.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoRegistry, startTestKernel, type TestKernel } from '../../core/testing/harness.js';
import { examplePlan, upload } from './test-support/fixtures.js';

interface CaseView {
  id: number; version: number; serial: string; state: string; unitId: number | null;
  data: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  deadlines: { key: string; status: string; dueAt: string }[];
  followUps?: { id: number; status: string; dueAt: string }[];
}

const USERS = ['frontdesk', 'concierge', 'assistant', 'supervisor', 'manager', 'director', 'technician', 'frontdesk-jr'];

function secondCompany() {
  const doc = demoRegistry();
  const codes: Record<string, string> = { CH: 'BCH', JR: 'BJR' };
  doc.company = { code: 'BETA', name: '贝塔物业管理有限公司' };
  doc.projects = doc.projects.map((p) => ({ ...p, code: codes[p.code]!, name: `贝塔${p.name}` }));
  doc.staff = doc.staff.map((s) => ({ ...s, username: `b-${s.username}`, projects: s.projects === '*' ? '*' : s.projects.map((c) => codes[c]!) }));
  return doc;
}

describe('community events and the satisfaction survey', () => {
  let kernel: TestKernel;
  const tokens: Record<string, string> = {};
  let projectId: number;
  let unitIds: Map<string, { id: number }>;
  let otherCompanyUnitId: number;

  beforeAll(async () => {
    kernel = await startTestKernel({ plugins: ['service-desk', 'community-events'], startAt: '2026-05-06T01:00:00Z' });
    const reg = await kernel.seed();
    const other = await kernel.seed(secondCompany());
    otherCompanyUnitId = other.units.get('BCH/1/101')!.id;
    projectId = reg.projects.get('CH')!.id;
    unitIds = reg.units as unknown as Map<string, { id: number }>;
    for (const u of USERS) tokens[u] = await kernel.login(u);
    tokens['b-manager'] = await kernel.login('b-manager');
  });
  afterAll(async () => kernel?.close());

  const get = async (type: string, id: number, who = 'manager'): Promise<CaseView> => {
    const res = await kernel.call(tokens[who]!, 'GET', `/api/cases/${type}/${id}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as CaseView;
  };
  const take = async (type: string, id: number, who: string, transition: string, data?: Record<string, unknown>) => {
    const c = await get(type, id);
    return kernel.call(tokens[who]!, 'POST', `/api/cases/${type}/${id}/transitions/${transition}`, { version: c.version, ...(data ? { data } : {}) });
  };
  const ok = async (type: string, id: number, who: string, transition: string, data?: Record<string, unknown>): Promise<CaseView> => {
    const res = await take(type, id, who, transition, data);
    expect(res.statusCode, `${transition}: ${res.body}`).toBe(200);
    return res.json() as CaseView;
  };
  const refused = async (status: number, type: string, id: number, who: string, transition: string, data: Record<string, unknown> | undefined, pointer?: string) => {
    const before = await get(type, id);
    const res = await take(type, id, who, transition, data);
    expect(res.statusCode, `${transition}: ${res.body}`).toBe(status);
    if (pointer) expect(res.json().issues.map((i: { pointer: string }) => i.pointer)).toContain(pointer);
    const after = await get(type, id);
    expect(after.version).toBe(before.version);
    expect(after.data).toEqual(before.data);
    return res.json() as { message: string };
  };

  describe('a community event', () => {
    let id: number;
    const ev = (who: string, transition: string, data?: Record<string, unknown>) => ok('communityEvent', id, who, transition, data);

    it('the assistant registers the plan: the budget total is computed; bad input is refused naming the field', async () => {
      const bad = await kernel.call(tokens.assistant!, 'POST', '/api/cases/communityEvent', { projectId, data: { ...examplePlan, capacity: 200 } });
      expect(bad.statusCode).toBe(400); // the clubhouse holds 120
      expect(bad.json().issues.map((i: { pointer: string }) => i.pointer)).toContain('/data/capacity');
      const badMoney = await kernel.call(tokens.assistant!, 'POST', '/api/cases/communityEvent', { projectId, data: { ...examplePlan, budgetLines: [{ item: '奖品', amount: '12.345' }] } });
      expect(badMoney.statusCode).toBe(400);
      expect(badMoney.json().issues.map((i: { pointer: string }) => i.pointer)).toContain('/data/budgetLines/0/amount');
      const forged = await kernel.call(tokens.assistant!, 'POST', '/api/cases/communityEvent', { projectId, data: { ...examplePlan, signUpResult: '报名成功' } });
      expect(forged.statusCode).toBe(400);
      expect((await kernel.call(tokens.technician!, 'POST', '/api/cases/communityEvent', { projectId, data: examplePlan })).statusCode).toBe(403);
      const list = (await kernel.call(tokens.manager!, 'GET', '/api/cases/communityEvent')).json() as { items: unknown[] };
      expect(list.items).toHaveLength(0);

      const res = await kernel.call(tokens.assistant!, 'POST', '/api/cases/communityEvent', { projectId, data: { ...examplePlan, budgetTotal: '1.00' } });
      expect(res.statusCode, res.body).toBe(201);
      const c = res.json() as CaseView;
      id = c.id;
      expect(c.state).toBe('planned');
      expect(c.serial).toMatch(/^HD-2026-/);
      expect(c.data.budgetTotal).toBe('1150.50'); // 300 + 800.50 + 50, recomputed on the server
      expect((await get('communityEvent', id)).deadlines.find((d) => d.key === 'approval')?.status).toBe('running');
    });

    it('the manager returns it with comments, the assistant revises, the manager approves', async () => {
      await refused(403, 'communityEvent', id, 'assistant', 'approve', {});
      await refused(400, 'communityEvent', id, 'manager', 'reject', {}, '/data/rejectionComments');
      let c = await ev('manager', 'reject', { rejectionComments: '预算中的奖品费用偏高，请压缩到 600 元以内，并增加安护部现场秩序维护。' });
      expect(c.state).toBe('revising');
      c = await ev('assistant', 'revise', {
        revisionNote: '奖品预算压缩，增加安护部。', departments: ['engineering', 'security', 'environment'],
        budgetLines: [{ item: '奖品', amount: '580.00' }, { item: '茶点', amount: '300' }, { item: '布置物料', amount: '50' }],
      });
      expect(c.state).toBe('planned');
      expect(c.data.budgetTotal).toBe('930.00');
      expect(c.data.departments).toEqual(['engineering', 'security', 'environment']);
      expect(c.data.theme).toBe(examplePlan.theme); // left as planned
      c = await ev('manager', 'approve', { approvalComments: '同意' });
      expect(c.state).toBe('approved');
      const plan = await kernel.call(tokens.manager!, 'GET', `/api/cases/communityEvent/${id}/documents/plan`);
      expect(plan.statusCode).toBe(200);
      expect(plan.body).toContain('社区文化活动方案');
      expect(plan.body).toContain('930.00');
    });

    it('the notice is published: the notice boards are changed after the settings\' two weeks', async () => {
      await refused(400, 'communityEvent', id, 'assistant', 'publish', { noticeText: '端午包粽子活动报名开始啦！', channels: ['noticeBoard'] }, '/data/noticeBoardFrom');
      const c = await ev('assistant', 'publish', { noticeText: '端午包粽子活动报名开始啦！欢迎各位业主报名。', channels: ['noticeBoard', 'wechat'], noticeBoardFrom: '2026-05-07' });
      expect(c.state).toBe('open');
      expect(c.data.noticeBoardUntil).toBe('2026-05-21');
      expect(c.data.signups).toEqual([]);
      expect(c.data.waitlist).toEqual([]);
    });

    /** the household picked in the form: '1-101' is building 1, room 101 of 翠湖花园 */
    const unitOf = (label: string) => unitIds.get(`CH/${label.replace('-', '/')}`)!.id;
    const signUp = (who: string, name: string, unit: string, partySize: number) => ev(who, 'signUp', { signUpName: name, signUpUnitId: unitOf(unit), signUpPhone: '13800000001', partySize });

    it('sign-ups count party sizes against the capacity; beyond it they wait; a duplicate unit, an unknown unit or a party too large is refused', async () => {
      // capacity 10 people
      let first = await signUp('frontdesk', '张伟', '1-101', 4);
      expect(first.data.signUpResult).toBe('张伟（1栋 101，4人）报名成功，序号1，已获名额');
      first = await signUp('concierge', '王芳', '1-102', 3);
      expect(first.data.signups.map((s: { unit: string }) => s.unit)).toEqual(['1栋 101', '1栋 102']);
      let c = await signUp('frontdesk', '李娜', '1-201', 3);
      expect(c.data.confirmedPeople).toBe(10);
      c = await signUp('frontdesk', '刘洋', '1-202', 2);
      expect(c.data.signUpResult).toBe('名额已满：刘洋（1栋 202，2人）列入候补第1位（序号4），有人取消时按顺序转正');
      c = await signUp('frontdesk', '陈静', '1-301', 1);
      expect(c.data.signUpResult).toContain('列入候补第2位（序号5）');
      expect(c.data.signups.map((s: { no: number }) => s.no)).toEqual([1, 2, 3]);
      expect(c.data.waitlist.map((s: { no: number; status: string }) => [s.no, s.status])).toEqual([[4, 'waitlisted'], [5, 'waitlisted']]);
      expect(c.data.waitingPeople).toBe(3);
      expect(c.data.signUpName).toBeUndefined(); // the form's fields live on the roster

      const duplicate = await refused(422, 'communityEvent', id, 'frontdesk', 'signUp', { signUpName: '张伟', signUpUnitId: unitOf('1-101'), signUpPhone: '13800000001', partySize: 1 }, '/data/signUpUnitId');
      expect(duplicate.message).toBe('1栋 101已报名（序号1）');
      const otherProject = [...unitIds.entries()].find(([key]) => key.startsWith('JR/'))![1].id;
      for (const unknown of [otherProject, otherCompanyUnitId, 999999]) {
        await refused(422, 'communityEvent', id, 'frontdesk', 'signUp', { signUpName: '某人', signUpUnitId: unknown, signUpPhone: '13800000001', partySize: 1 }, '/data/signUpUnitId');
      }
      await refused(422, 'communityEvent', id, 'frontdesk', 'signUp', { signUpName: '杨磊', signUpUnitId: unitOf('2-101'), signUpPhone: '13800000001', partySize: 7 }, '/data/partySize');
      await refused(400, 'communityEvent', id, 'frontdesk', 'signUp', { signUpName: '杨磊', signUpUnitId: '2栋101', signUpPhone: '13800000001', partySize: 1 }, '/data/signUpUnitId');
      await refused(403, 'communityEvent', id, 'technician', 'signUp', { signUpName: '杨磊', signUpUnitId: unitOf('2-101'), signUpPhone: '13800000001', partySize: 1 });
    });

    it('a cancellation frees places: the waiting parties that fit are promoted in order', async () => {
      await refused(422, 'communityEvent', id, 'frontdesk', 'cancelSignUp', { cancelNo: 99, cancelReason: '有事' }, '/data/cancelNo');
      // 王芳 (3 people) cancels: 刘洋 (2) and then 陈静 (1) move up
      const c = await ev('frontdesk', 'cancelSignUp', { cancelNo: 2, cancelReason: '临时出差' });
      expect(c.data.signups.map((s: { no: number }) => s.no)).toEqual([1, 3, 4, 5]);
      expect(c.data.signups.find((s: { no: number }) => s.no === 4)).toMatchObject({ status: 'confirmed', promotedAt: '2026-05-06T01:00:00.000Z' });
      expect(c.data.waitlist).toEqual([]);
      expect(c.data.confirmedPeople).toBe(10);
      expect(c.data.cancellations).toEqual([expect.objectContaining({ no: 2, status: 'cancelled', cancelReason: '临时出差', promoted: [4, 5] })]);
      expect(c.data.lastPromotion).toContain('刘洋');
      expect(c.data.signUpResult).toBeNull(); // no longer the current news: 陈静 was promoted
      // a new household now waits; cancelling a waiting party promotes nobody
      let d = await signUp('frontdesk', '杨磊', '2-101', 2);
      expect(d.data.waitlist.map((s: { no: number }) => s.no)).toEqual([6]);
      d = await ev('frontdesk', 'cancelSignUp', { cancelNo: 6, cancelReason: '不去了' });
      expect(d.data.waitlist).toEqual([]);
      expect(d.data.cancellations.at(-1)).toMatchObject({ no: 6, promoted: [] });
      // the waiting party whose size does not fit keeps its place while a smaller one behind it moves up
      await signUp('frontdesk', '赵敏', '2-102', 4);
      await signUp('frontdesk', '黄强', '2-201', 2);
      d = await ev('frontdesk', 'cancelSignUp', { cancelNo: 4, cancelReason: '孩子生病' });
      expect(d.data.waitlist.map((s: { no: number }) => s.no)).toEqual([7]);
      expect(d.data.signups.map((s: { no: number }) => s.no)).toEqual([1, 3, 5, 8]);
    });

    it('check-in at the event: a waiting party is refused; photos are archived; closing opens one follow-up per household present', async () => {
      await refused(403, 'communityEvent', id, 'frontdesk', 'startEvent', { staffing: '客服2人' });
      await ev('assistant', 'startEvent', { staffing: '客服助理2人负责签到，工程部布置场地，安护部维持秩序。' });
      await refused(422, 'communityEvent', id, 'frontdesk', 'checkIn', { checkInNo: 7 }, '/data/checkInNo');
      await ev('frontdesk', 'checkIn', { checkInNo: 1, attendedCount: 3 });
      await ev('frontdesk', 'checkIn', { checkInNo: 3 });
      await ev('concierge', 'checkIn', { checkInNo: 8 });
      await refused(422, 'communityEvent', id, 'frontdesk', 'checkIn', { checkInNo: 1 }, '/data/checkInNo');
      const sheet = await kernel.call(tokens.assistant!, 'GET', `/api/cases/communityEvent/${id}/documents/signUpSheet`);
      expect(sheet.statusCode).toBe(200);
      expect(sheet.body).toContain('黄强');
      expect(sheet.body).toContain('赵敏'); // on the waiting list

      await refused(400, 'communityEvent', id, 'assistant', 'finish', { eventSummary: '活动顺利' }, '/data/photos');
      await refused(400, 'communityEvent', id, 'assistant', 'finish', { photos: ['not-a-file'], eventSummary: '活动顺利' }, '/data/photos/0');
      const photos = [await upload(kernel, tokens.assistant!, 'photo1.png'), await upload(kernel, tokens.assistant!, 'photo2.png')];
      let c = await ev('assistant', 'finish', { photos, eventSummary: '共三户参加，气氛热烈。', actualCost: '912.00' });
      expect(c.state).toBe('held');
      expect(c.data).toMatchObject({ attendedHouseholds: 3, attendedPeople: 3 + 3 + 2, photos });
      c = await ev('manager', 'close', { closingNote: '一个月内回访参加住户' });
      expect(c.state).toBe('closed');
      expect(c.data.followUpCount).toBe(3);
      expect(c.data.signups.filter((s: { followUpSerial?: string }) => s.followUpSerial).length).toBe(3);
    });

    it('the follow-ups: due within a month under the 70% policy, recorded satisfied or not', async () => {
      await kernel.runJobs();
      const list = await kernel.call(tokens.assistant!, 'GET', '/api/follow-ups?caseType=eventParticipant');
      const items = (list.json() as { items: { id: number; caseId: number; caseVersion: number; dueAt: string; serial: string }[] }).items;
      expect(items).toHaveLength(3);
      for (const f of items) expect(f.dueAt).toBe('2026-06-05T01:00:00.000Z');
      const participant = await get('eventParticipant', items[0]!.caseId);
      expect(participant.state).toBe('awaitingFollowUp');
      expect(participant.unitId).toBe(unitIds.get('CH/1/101')!.id);
      expect(participant.data).toMatchObject({ residentName: '张伟', attendedCount: 3, eventId: id });
      const events = (await kernel.call(tokens.manager!, 'GET', `/api/cases/eventParticipant/${participant.id}/events`));
      expect(events.statusCode).toBe(200);
      expect(JSON.stringify(events.json())).toContain('"requiredRate":0.7');

      const done = await kernel.call(tokens.assistant!, 'POST', `/api/follow-ups/${items[0]!.id}/complete`, { caseVersion: items[0]!.caseVersion, data: { method: 'phone', satisfaction: 'verySatisfied', satisfied: true, opinion: '活动很好' } });
      expect(done.statusCode, done.body).toBe(200);
      expect((await get('eventParticipant', items[0]!.caseId)).state).toBe('closed');
      const unhappy = await kernel.call(tokens.assistant!, 'POST', `/api/follow-ups/${items[1]!.id}/complete`, { caseVersion: items[1]!.caseVersion, data: { method: 'phone', satisfaction: 'unsatisfied', satisfied: false, suggestions: '场地太小' } });
      expect(unhappy.statusCode, unhappy.body).toBe(200);
      expect((await get('eventParticipant', items[1]!.caseId)).state).toBe('improving');
      const again = await ok('eventParticipant', items[1]!.caseId, 'supervisor', 'improve', { improvement: '下次改在广场举办，已电话致歉。' });
      expect(again.state).toBe('awaitingFollowUp');
      const due = (await kernel.call(tokens.assistant!, 'GET', '/api/follow-ups?caseType=eventParticipant')).json() as { items: unknown[] };
      expect(due.items).toHaveLength(2);
      // the job does not move them twice
      await kernel.runJobs();
      expect(((await kernel.call(tokens.assistant!, 'GET', '/api/follow-ups?caseType=eventParticipant')).json() as { items: unknown[] }).items).toHaveLength(2);
    });

    it('another company and another project see nothing', async () => {
      expect((await kernel.call(tokens['b-manager']!, 'GET', `/api/cases/communityEvent/${id}`)).statusCode).toBe(404);
      expect((await kernel.call(tokens['frontdesk-jr']!, 'GET', `/api/cases/communityEvent/${id}`)).statusCode).toBe(404);
    });
  });

  describe('the annual satisfaction survey', () => {
    let id: number;
    const plan = { year: 2026, surveyTitle: '2026年度业主满意率调查', distributeOn: '2026-05-10', collectBy: '2026-05-25', planNote: '全体入住业主，每户一份。' };

    it('the manager plans it, the director signs it off; bad input and wrong roles are refused', async () => {
      const bad = await kernel.call(tokens.manager!, 'POST', '/api/cases/satisfactionSurvey', { projectId, data: { ...plan, collectBy: '2026-05-01' } });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().issues.map((i: { pointer: string }) => i.pointer)).toContain('/data/collectBy');
      expect((await kernel.call(tokens.assistant!, 'POST', '/api/cases/satisfactionSurvey', { projectId, data: plan })).statusCode).toBe(403);
      const res = await kernel.call(tokens.manager!, 'POST', '/api/cases/satisfactionSurvey', { projectId, data: { ...plan, buildingCodes: ['1', '9'] } });
      expect(res.statusCode, res.body).toBe(201);
      id = (res.json() as CaseView).id;
      await refused(403, 'satisfactionSurvey', id, 'manager', 'approve', {});
      await ok('satisfactionSurvey', id, 'director', 'approve', { approvalNote: '同意' });
      await refused(422, 'satisfactionSurvey', id, 'manager', 'distribute', undefined, '/data/buildingCodes/1');
    });

    it('distribution opens one questionnaire per occupied unit of the project', async () => {
      // a second survey of all buildings (the first names an unknown building and is withdrawn)
      await ok('satisfactionSurvey', id, 'manager', 'withdraw', { withdrawalReason: '楼栋填写有误，重新编制' });
      const res = await kernel.call(tokens.manager!, 'POST', '/api/cases/satisfactionSurvey', { projectId, data: plan });
      id = (res.json() as CaseView).id;
      await ok('satisfactionSurvey', id, 'director', 'approve', {});
      const c = await ok('satisfactionSurvey', id, 'manager', 'distribute');
      expect(c.state).toBe('collecting');
      expect(c.data.distributedCount).toBe(9); // CH: 5 + 4 occupied units, vacant ones skipped
      expect(c.data.questions.map((q: { code: string }) => q.code)).toEqual(['overall', 'desk', 'security', 'cleaning', 'events']);
      const list = (await kernel.call(tokens.concierge!, 'GET', '/api/cases/surveyResponse?limit=100')).json() as { items: { id: number; unitId: number; state: string }[] };
      expect(list.items).toHaveLength(9);
      expect(list.items.every((r) => r.state === 'distributed')).toBe(true);
    });

    // answers per unit: overall, desk, security, cleaning, events(yes=1)
    const ANSWERS: Record<string, number[]> = {
      'CH/1/101': [5, 4, 5, 3, 1],
      'CH/1/102': [4, 4, 3, 4, 0],
      'CH/1/201': [3, 2, 4, 5, 1],
      'CH/2/101': [5, 5, 5, 5, 1],
      'CH/2/102': [2, 3, 4, 4, 0],
    };
    const CODES = ['overall', 'desk', 'security', 'cleaning', 'events'];

    it('building concierges record the returned questionnaires; answers outside the survey are refused', async () => {
      const list = (await kernel.call(tokens.concierge!, 'GET', '/api/cases/surveyResponse?limit=100')).json() as { items: { id: number; unitId: number }[] };
      const byUnit = new Map(list.items.map((r) => [r.unitId, r.id]));
      const first = byUnit.get(unitIds.get('CH/1/101')!.id)!;
      await refused(422, 'surveyResponse', first, 'concierge', 'recordAnswers', { answers: [{ question: 'parking', score: 3 }] }, '/data/answers/0/question');
      await refused(422, 'surveyResponse', first, 'concierge', 'recordAnswers', { answers: [{ question: 'overall', score: 0 }] }, '/data/answers/0/score');
      await refused(422, 'surveyResponse', first, 'concierge', 'recordAnswers', { answers: [{ question: 'events', score: 3 }] }, '/data/answers/0/score');
      await refused(422, 'surveyResponse', first, 'concierge', 'recordAnswers', { answers: [{ question: 'overall', score: 3 }, { question: 'overall', score: 4 }] }, '/data/answers/1/question');
      await refused(403, 'surveyResponse', first, 'technician', 'recordAnswers', { answers: [{ question: 'overall', score: 3 }] });
      for (const [unit, scores] of Object.entries(ANSWERS)) {
        const c = await ok('surveyResponse', byUnit.get(unitIds.get(unit)!.id)!, 'concierge', 'recordAnswers', {
          respondentName: '业主', answers: scores.map((score, i) => ({ question: CODES[i]!, score })), opinions: unit === 'CH/2/102' ? '客服电话经常占线' : undefined,
        });
        expect(c.state).toBe('returned');
      }
      const q = await kernel.call(tokens.concierge!, 'GET', `/api/cases/surveyResponse/${first}/documents/questionnaire`);
      expect(q.statusCode).toBe(200);
      expect(q.body).toContain('物业服务的总体评价');
    });

    it('the analysis by question and building matches an independent computation', async () => {
      const res = await kernel.call(tokens.manager!, 'GET', `/api/community-events/surveys/${id}/analysis`);
      expect(res.statusCode, res.body).toBe(200);
      const a = res.json() as {
        distributed: number; returned: number; responseRate: number; satisfiedRate: number; targetRate: number; targetMet: boolean;
        byQuestion: { code: string; answered: number; average: number; satisfiedRate: number; byBuilding: { building: string; answered: number; average: number | null }[] }[];
        byBuilding: { building: string; distributed: number; returned: number; responseRate: number; satisfiedRate: number }[];
      };
      const r4 = (x: number) => Math.round(x * 10_000) / 10_000;
      const r2 = (x: number) => Math.round(x * 100) / 100;
      const rows = Object.entries(ANSWERS);
      const sat = (i: number, s: number) => (i === 4 ? s === 1 : s >= 4);
      expect(a.distributed).toBe(9);
      expect(a.returned).toBe(5);
      expect(a.responseRate).toBe(r4(5 / 9));
      const all = rows.flatMap(([, s]) => s.map((v, i) => sat(i, v)));
      expect(a.satisfiedRate).toBe(r4(all.filter(Boolean).length / all.length));
      expect(a.targetRate).toBe(0.95);
      expect(a.targetMet).toBe(false);
      CODES.forEach((code, i) => {
        const q = a.byQuestion.find((x) => x.code === code)!;
        const scores = rows.map(([, s]) => s[i]!);
        expect(q.answered).toBe(5);
        expect(q.average).toBe(r2(scores.reduce((x, y) => x + y, 0) / 5));
        expect(q.satisfiedRate).toBe(r4(scores.filter((v) => sat(i, v)).length / 5));
        for (const b of ['1', '2']) {
          const inB = rows.filter(([u]) => u.startsWith(`CH/${b}/`)).map(([, s]) => s[i]!);
          expect(q.byBuilding.find((x) => x.building === `${b}栋`)).toMatchObject({ answered: inB.length, average: r2(inB.reduce((x, y) => x + y, 0) / inB.length) });
        }
      });
      for (const [b, given] of [['1', 5], ['2', 4]] as const) {
        const back = rows.filter(([u]) => u.startsWith(`CH/${b}/`));
        const answers = back.flatMap(([, s]) => s.map((v, i) => sat(i, v)));
        expect(a.byBuilding.find((x) => x.building === `${b}栋`)).toEqual(expect.objectContaining({
          distributed: given, returned: back.length, responseRate: r4(back.length / given), satisfiedRate: r4(answers.filter(Boolean).length / answers.length),
        }));
      }
      // foreign ids, another project's staff and roles without the permission
      expect((await kernel.call(tokens['b-manager']!, 'GET', `/api/community-events/surveys/${id}/analysis`)).statusCode).toBe(404);
      expect((await kernel.call(tokens.manager!, 'GET', '/api/community-events/surveys/999999/analysis')).statusCode).toBe(404);
      expect((await kernel.call(tokens.technician!, 'GET', `/api/community-events/surveys/${id}/analysis`)).statusCode).toBe(403);
      expect((await kernel.call(tokens.manager!, 'GET', '/api/community-events/surveys/abc/analysis')).statusCode).toBe(400);
    });

    it('ending collection snapshots the analysis; actions go to departments; the report is archived and prints', async () => {
      let c = await ok('satisfactionSurvey', id, 'manager', 'endCollection');
      expect(c.state).toBe('analysed');
      expect(c.data).toMatchObject({ distributedCount: 9, returnedCount: 5, targetMet: false });
      expect(c.data.questionStats).toHaveLength(5);
      expect(c.data.analysisSummary).toContain('回收率');
      // the unreturned questionnaires stay open; a late one is refused once collection has ended
      const open = ((await kernel.call(tokens.concierge!, 'GET', '/api/cases/surveyResponse?limit=100')).json() as { items: { id: number; state: string }[] }).items.filter((r) => r.state === 'distributed');
      expect(open).toHaveLength(4);
      await refused(422, 'surveyResponse', open[0]!.id, 'concierge', 'recordAnswers', { answers: [{ question: 'overall', score: 5 }] }, '/transition');

      await refused(400, 'satisfactionSurvey', id, 'manager', 'assignActions', { actions: [] }, '/data/actions');
      c = await ok('satisfactionSurvey', id, 'manager', 'assignActions', { actions: [
        { department: 'customerService', issue: '客服电话经常占线', measure: '高峰时段增设一条热线', dueOn: '2026-06-30' },
        { department: 'environment', issue: '公共区域清洁', measure: '1栋楼道每日保洁两次', dueOn: '2026-06-15' },
      ] });
      expect(c.data.actionsSummary).toContain('客服部');
      expect(c.data.actionsSummary).toContain('环境部');
      await refused(403, 'satisfactionSurvey', id, 'assistant', 'archive', { reportText: '回访报告：各部门已落实整改。' });
      c = await ok('satisfactionSurvey', id, 'manager', 'archive', { reportText: '回访报告：客服部已增设热线，环境部已调整保洁频次，回访业主均表示认可。' });
      expect(c.state).toBe('archived');
      const report = await kernel.call(tokens.manager!, 'GET', `/api/cases/satisfactionSurvey/${id}/documents/report`);
      expect(report.statusCode).toBe(200);
      for (const text of ['业主满意率调查统计及回访报告', '1栋', '2栋', '高峰时段增设一条热线', '客服部已增设热线']) expect(report.body).toContain(text);
    });
  });
});
