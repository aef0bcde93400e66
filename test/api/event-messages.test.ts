/**
 * Community events message residents (through the outbox, against the local Aliyun fake that checks
 * signatures): publishing with 短信 among the channels sends the event notice to every household of
 * the project; a sign-up is told its place or its place on the waiting list; a cancellation's
 * promotion tells the promoted household; a name and phone nobody registered at the unit gets
 * nothing. SQLite, or PostgreSQL with WUYE_TEST_DB=postgres. All keys and numbers here are TEST DATA.
 */
import type { AbstractSqlConnection } from '@mikro-orm/knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKernel, type TestKernel } from '../../core/testing/harness.js';
import { examplePlan } from '../../plugins/community-events/test-support/fixtures.js';
import { startAliyunSmsFake } from '../fakes/aliyun-sms-fake.js';
import type { FakeServer } from '../fakes/fake-server.js';

// TEST DATA: a throw-away secrets key and provider keys
process.env.WUYE_SECRETS_KEY = Buffer.alloc(32, 7).toString('base64');
const ALIYUN = { accessKeyId: 'LTAI-test-id', accessKeySecret: 'aliyun-test-secret-4f8a' };
const CODES = { eventNotice: 'SMS_EV_1', eventSignUpConfirmed: 'SMS_EV_2', eventWaitlisted: 'SMS_EV_3', eventPromoted: 'SMS_EV_4' };

interface MessageRow { template: string; status: string; text: string; personName: string | null }

let kernel: TestKernel;
let aliyun: FakeServer;
let registry: Awaited<ReturnType<TestKernel['seed']>>;
const tokens: Record<string, string> = {};
let eventId: number;

beforeAll(async () => {
  kernel = await startTestKernel({ plugins: ['service-desk', 'community-events'], startAt: '2026-05-06T01:00:00Z' }); // 09:00 in Beijing
  registry = await kernel.seed();
  for (const u of ['assistant', 'manager', 'frontdesk', 'admin']) tokens[u] = await kernel.login(u);
  aliyun = await startAliyunSmsFake(ALIYUN, kernel.clock.now);
  const res = await kernel.call(tokens.admin!, 'PUT', '/api/notification-channels/sms', { provider: 'aliyun', endpoint: aliyun.url, settings: { signName: '测试物业', templates: CODES }, credentials: ALIYUN });
  expect(res.statusCode, res.body).toBe(200);
});
afterAll(async () => {
  await kernel?.close();
  await aliyun?.close();
});

const unitId = (label: string) => registry.units.get(`CH/${label.replace('-', '/')}`)!.id;
const log = async (label: string): Promise<MessageRow[]> => {
  const res = await kernel.call(tokens.frontdesk!, 'GET', `/api/units/${unitId(label)}/messages`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { items: MessageRow[] }).items;
};
const eventMessages = async (template: string) => {
  const knex = (kernel.orm.em.getConnection() as AbstractSqlConnection).getKnex();
  return Number((await knex('outbox_message').where({ template, case_id: eventId }).count({ n: '*' }))[0]!.n);
};
const take = async (who: string, transition: string, data: Record<string, unknown>) => {
  const current = (await kernel.call(tokens[who]!, 'GET', `/api/cases/communityEvent/${eventId}`)).json() as { version: number };
  const res = await kernel.call(tokens[who]!, 'POST', `/api/cases/communityEvent/${eventId}/transitions/${transition}`, { version: current.version, data });
  expect(res.statusCode, `${transition}: ${res.body}`).toBe(200);
};
const signUp = (name: string, unit: string, phone: string, partySize: number) => take('frontdesk', 'signUp', { signUpName: name, signUpUnitId: unitId(unit), signUpPhone: phone, partySize });
const phoneOf = (name: string) => registry.people.get(name)!.phone!;

describe('event messages', () => {
  it('publishing by SMS sends the notice to every household of the project, once', async () => {
    const created = await kernel.call(tokens.assistant!, 'POST', '/api/cases/communityEvent', { projectId: registry.projects.get('CH')!.id, data: examplePlan });
    expect(created.statusCode, created.body).toBe(201);
    eventId = (created.json() as { id: number }).id;
    await take('manager', 'approve', { approvalComments: '同意' });
    await take('assistant', 'publish', { noticeText: '端午包粽子活动报名开始啦！欢迎各位业主报名。', channels: ['noticeBoard', 'sms'], noticeBoardFrom: '2026-05-07' });

    // one message per owner and occupant of the project's units
    const knex = (kernel.orm.em.getConnection() as AbstractSqlConnection).getKnex();
    const households = Number((await knex('unit_person').join('unit', 'unit.id', 'unit_person.unit_id').where('unit.project_id', registry.projects.get('CH')!.id).whereIn('unit_person.relation', ['owner', 'occupant']).count({ n: '*' }))[0]!.n);
    expect(households).toBeGreaterThan(5);
    expect(await eventMessages('eventNotice')).toBe(households);
    const [notice] = await log('1-101');
    // 09:30 on 19 June in Beijing, the place in words
    expect(notice).toMatchObject({ template: 'eventNotice', status: 'queued', personName: '张伟', text: expect.stringContaining('6月19日 09:30在会所（会所二楼多功能厅）举办「端午节包粽子亲子活动」') });
    expect(notice!.text).not.toMatch(/clubhouse|T01:30/);
    await kernel.runJobs(kernel.clock.now());
    expect(aliyun.refused).toEqual([]);
    expect(aliyun.accepted.find((a) => a.PhoneNumbers === phoneOf('张伟'))).toMatchObject({ TemplateCode: CODES.eventNotice, TemplateParam: { theme: '端午节包粽子亲子活动', startsAt: '6月19日 09:30' } });
    expect((await log('1-101'))[0]).toMatchObject({ status: 'sent' });
  });

  it('a sign-up is told its place or its place on the waiting list; a promotion tells the promoted household', async () => {
    await signUp('张伟', '1-101', phoneOf('张伟'), 4);
    expect((await log('1-101'))[0]).toMatchObject({ template: 'eventSignUpConfirmed', text: expect.stringContaining('您已成功报名「端午节包粽子亲子活动」（4人，序号1）') });
    await signUp('王芳', '1-102', phoneOf('王芳'), 3);
    await signUp('李娜', '1-201', phoneOf('李娜'), 3); // 10 of 10
    // the phone given at the desk differs from the registered one: the name at the unit finds 刘洋
    await signUp('刘洋', '1-202', '13700000000', 2);
    expect((await log('1-202'))[0]).toMatchObject({ template: 'eventWaitlisted', text: expect.stringContaining('候补第1位（序号4）') });

    // someone nobody registered at the unit signs up for it: no message to the household
    const before = await eventMessages('eventSignUpConfirmed') + await eventMessages('eventWaitlisted');
    await signUp('访客赵某', '2-101', '13900000000', 1);
    expect(await eventMessages('eventSignUpConfirmed') + await eventMessages('eventWaitlisted')).toBe(before);

    await take('frontdesk', 'cancelSignUp', { cancelNo: 2, cancelReason: '临时出差' });
    expect((await log('1-202'))[0]).toMatchObject({ template: 'eventPromoted', text: expect.stringContaining('已转为正式名额') });
    expect(await eventMessages('eventPromoted')).toBe(1);

    await kernel.runJobs(kernel.clock.now());
    expect(aliyun.refused).toEqual([]);
    const sent = (code: string) => aliyun.accepted.filter((a) => a.TemplateCode === code).length;
    expect([sent(CODES.eventSignUpConfirmed), sent(CODES.eventWaitlisted), sent(CODES.eventPromoted)]).toEqual([3, 1, 1]);
  });
});

describe('what the screens read', () => {
  it('the message templates by title for every staff member; undelivered messages for those who send notices (desk, supervisors), not the building concierge', async () => {
    const templates = await kernel.call(tokens.frontdesk!, 'GET', '/api/messages/templates');
    expect(templates.statusCode, templates.body).toBe(200);
    expect((templates.json() as { items: { id: string; title: { 'zh-CN': string }; kind: string }[] }).items).toContainEqual(expect.objectContaining({ id: 'eventNotice', title: expect.objectContaining({ 'zh-CN': '社区活动通知' }), kind: 'events' }));
    // a message waiting for a retry: the provider refuses the next one
    aliyun.failNext(1);
    await signUp('周丽', '2-202', phoneOf('周丽'), 1);
    await kernel.runJobs(kernel.clock.now());
    const supervisor = await kernel.login('supervisor');
    const undelivered = await kernel.call(supervisor, 'GET', '/api/messages/undelivered');
    expect(undelivered.statusCode, undelivered.body).toBe(200);
    expect((undelivered.json() as { items: { template: string; status: string; personName: string }[] }).items).toContainEqual(expect.objectContaining({ template: 'eventWaitlisted', status: 'queued', personName: '周丽' }));
    // the building concierge sends no notices: not theirs to follow up
    expect((await kernel.call(await kernel.login('concierge'), 'GET', '/api/messages/undelivered')).statusCode).toBe(403);
  });
});
