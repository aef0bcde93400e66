/**
 * Messages to residents through the outbox, against local fake providers that check signatures
 * (test/fakes): a parcel's check-in queues one SMS in its own transaction and the delivery job
 * sends it once; quiet hours defer it to 08:00 company time; a provider's refusal is retried with
 * backoff, then marked failed and shown; an opt-out suppresses; Tencent Cloud and WeChat channels;
 * a building-wide 停水停电 notice; credentials never appear in answers, the export or the log.
 * SQLite, or PostgreSQL with WUYE_TEST_DB=postgres. All keys and numbers here are TEST DATA.
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestKernel, type TestKernel } from '../../core/testing/harness.js';
import { NotificationChannel } from '../../core/db/entities/index.js';
import { startAliyunSmsFake } from '../fakes/aliyun-sms-fake.js';
import { startTencentSmsFake } from '../fakes/tencent-sms-fake.js';
import { startWechatFake } from '../fakes/wechat-template-fake.js';
import type { FakeServer } from '../fakes/fake-server.js';

// TEST DATA: a throw-away secrets key and provider keys
process.env.WUYE_SECRETS_KEY = Buffer.alloc(32, 7).toString('base64');
const ALIYUN = { accessKeyId: 'LTAI-test-id', accessKeySecret: 'aliyun-test-secret-4f8a' };
const TENCENT = { secretId: 'AKID-test-id', secretKey: 'tencent-test-secret-9c1d' };
const WECHAT = { appId: 'wx-test-app', appSecret: 'wechat-test-secret-77e2' };
const SECRETS = [ALIYUN.accessKeySecret, TENCENT.secretKey, WECHAT.appSecret];

const example = (name: string) => (JSON.parse(readFileSync(new URL(`../../plugins/parcel-desk/examples/${name}`, import.meta.url), 'utf8')) as { data: Record<string, unknown> }).data;

interface CaseBody { id: number; version: number; serial: string; state: string }
interface MessageRow { id: number; template: string; status: string; reason: string | null; attempts: number; text: string; recipient: string | null; nextAttemptAt: string | null; personName: string | null }

/** a log call's argument as the logger writes it: fastify's serializers keep a request's method and url, a reply's status */
function asWritten(arg: unknown): unknown {
  if (!arg || typeof arg !== 'object') return arg;
  const o = arg as Record<string, unknown> & { req?: { method?: string; url?: string }; res?: { statusCode?: number } };
  return { ...o, ...(o.req ? { req: { method: o.req.method, url: o.req.url } } : {}), ...(o.res ? { res: { statusCode: o.res.statusCode } } : {}) };
}

let kernel: TestKernel;
let aliyun: FakeServer;
let tencent: FakeServer;
let wechat: Awaited<ReturnType<typeof startWechatFake>>;
const tokens: Record<string, string> = {};
let projectId: number;
let unitId: number;
let ownerId: number;
let buildingId: number;
const logged: unknown[] = [];

beforeAll(async () => {
  kernel = await startTestKernel({ plugins: ['service-desk', 'billing', 'parcel-desk'], startAt: '2026-11-23T02:00:00Z' });
  const registry = await kernel.seed();
  projectId = registry.projects.get('CH')!.id;
  unitId = registry.units.get('CH/1/101')!.id;
  buildingId = registry.units.get('CH/1/101')!.buildingId;
  ownerId = registry.people.get('张伟')!.id;
  for (const user of ['frontdesk', 'supervisor', 'admin']) tokens[user] = await kernel.login(user);
  aliyun = await startAliyunSmsFake(ALIYUN, kernel.clock.now);
  tencent = await startTencentSmsFake(TENCENT, kernel.clock.now);
  wechat = await startWechatFake(WECHAT);
  // everything the kernel logs, to look for credentials in it
  for (const level of ['info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(kernel.app.log, level).mockImplementation(((...args: unknown[]) => { logged.push(args.map(asWritten)); }) as never);
  }
});
afterAll(async () => {
  await kernel?.close();
  await Promise.all([aliyun?.close(), tencent?.close(), wechat?.close()]);
});

const useAliyun = async (secret = ALIYUN.accessKeySecret) => {
  const res = await kernel.call(tokens.admin!, 'PUT', '/api/notification-channels/sms', {
    provider: 'aliyun', endpoint: aliyun.url,
    settings: { signName: '测试物业', templates: { parcelArrived: 'SMS_TEST_1', parcelReminder: 'SMS_TEST_2', utilityOutage: 'SMS_TEST_9' } },
    credentials: { ...ALIYUN, accessKeySecret: secret },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res;
};

async function storedParcel(): Promise<CaseBody> {
  const created = await kernel.call(tokens.frontdesk!, 'POST', '/api/cases/parcelDeposit', { projectId, unitId, data: example('create-deposit.json') });
  expect(created.statusCode, created.body).toBe(201);
  const c = created.json() as CaseBody;
  const res = await kernel.call(tokens.frontdesk!, 'POST', `/api/cases/parcelDeposit/${c.id}/transitions/checkIn`, { version: c.version, data: example('check-in.json') });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as CaseBody;
}
const log = async () => {
  const res = await kernel.call(tokens.frontdesk!, 'GET', `/api/units/${unitId}/messages`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { items: MessageRow[] }).items;
};
const deliver = () => kernel.runJobs(kernel.clock.now());

describe('a parcel arrival sends one SMS to the resident', () => {
  it('queued with the check-in, sent once by the delivery job, correctly signed', async () => {
    await useAliyun();
    kernel.clock.set('2026-11-23T02:00:00Z'); // 10:00 in Beijing
    const before = aliyun.accepted.length;
    const c = await storedParcel();
    const [queued] = await log();
    expect(queued).toMatchObject({ template: 'parcelArrived', status: 'queued', personName: '张伟', attempts: 0 });
    expect(queued!.text).toContain('顺丰纸箱一个');
    expect(queued!.text).toContain(c.serial);
    expect(aliyun.accepted.length).toBe(before);

    await deliver();
    await deliver();
    expect(aliyun.accepted.length).toBe(before + 1);
    expect(aliyun.refused).toEqual([]);
    expect(aliyun.accepted.at(-1)).toMatchObject({
      PhoneNumbers: '13800000001', SignName: '测试物业', TemplateCode: 'SMS_TEST_1', TemplateParam: { item: '顺丰纸箱一个', place: '寄存架 A-3', serial: c.serial },
    });
    expect((await log())[0]).toMatchObject({ status: 'sent', attempts: 1, reason: null });
  });

  it('a check-in refused by its guard sends nothing (the message is in the case change\'s transaction)', async () => {
    const count = (await log()).length;
    const created = await kernel.call(tokens.frontdesk!, 'POST', '/api/cases/parcelDeposit', { projectId, unitId, data: example('create-deposit.json') });
    const c = created.json() as CaseBody;
    const res = await kernel.call(tokens.frontdesk!, 'POST', `/api/cases/parcelDeposit/${c.id}/transitions/checkIn`, { version: c.version, data: { ...example('check-in.json'), category: 'cash' } });
    expect(res.statusCode).toBe(422);
    expect((await log()).length).toBe(count);
  });

  it('a badly signed request is refused by the provider and retried, not marked sent', async () => {
    await useAliyun('not-the-secret');
    const refusedBefore = aliyun.refused.length;
    await storedParcel();
    await deliver();
    expect(aliyun.refused.length).toBe(refusedBefore + 1);
    expect(aliyun.refused.at(-1)).toEqual({ reason: 'SignatureDoesNotMatch' });
    expect((await log())[0]).toMatchObject({ status: 'queued', attempts: 1, reason: expect.stringContaining('SignatureDoesNotMatch') });
    // the right key set again: the retry (1 minute later) goes through
    await useAliyun();
    kernel.clock.advance(60_000);
    await deliver();
    expect((await log())[0]).toMatchObject({ status: 'sent', attempts: 2 });
  });
});

describe('quiet hours, failures, opt-out', () => {
  it('quiet hours defer an SMS to 08:00 company time', async () => {
    kernel.clock.set('2026-11-23T14:30:00Z'); // 22:30 in Beijing
    const before = aliyun.accepted.length;
    await storedParcel();
    expect((await log())[0]).toMatchObject({ status: 'deferred', reason: 'quiet-hours', nextAttemptAt: '2026-11-24T00:00:00.000Z' });
    kernel.clock.set('2026-11-23T23:59:00Z'); // 07:59
    await deliver();
    expect(aliyun.accepted.length).toBe(before);
    kernel.clock.set('2026-11-24T00:00:00Z'); // 08:00
    await deliver();
    expect(aliyun.accepted.length).toBe(before + 1);
    expect((await log())[0]).toMatchObject({ status: 'sent' });
  });

  it('a provider failure is retried with backoff, then marked failed with the provider\'s error and shown', async () => {
    kernel.clock.set('2026-11-24T02:00:00Z');
    aliyun.failNext(10);
    await storedParcel();
    const attempts: number[] = [];
    // default: 4 attempts, 1, 2 and 4 minutes apart
    for (const wait of [0, 60_000, 120_000, 240_000]) {
      kernel.clock.advance(wait);
      await deliver();
      attempts.push((await log())[0]!.attempts);
    }
    expect(attempts).toEqual([1, 2, 3, 4]);
    const [failed] = await log();
    expect(failed).toMatchObject({ status: 'failed', reason: expect.stringContaining('isv.BUSINESS_LIMIT_CONTROL') });
    kernel.clock.advance(3_600_000);
    await deliver();
    expect((await log())[0]!.attempts).toBe(4);
    const shown = await kernel.call(tokens.admin!, 'GET', '/api/messages/undelivered?status=failed');
    expect(shown.statusCode, shown.body).toBe(200);
    expect((shown.json() as { items: MessageRow[] }).items.map((m) => m.id)).toContain(failed!.id);
    aliyun.failNext(0);
  });

  it('an opt-out suppresses the message; opting in again sends the next one', async () => {
    const put = (kinds: string[]) => kernel.call(tokens.frontdesk!, 'PUT', `/api/residents/${ownerId}/message-preferences`, { optOutKinds: kinds });
    const bad = await put(['nonsense']);
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ issues: [{ pointer: '/optOutKinds/0' }] });
    expect((await put(['parcel'])).statusCode).toBe(200);
    const before = aliyun.accepted.length;
    await storedParcel();
    expect((await log())[0]).toMatchObject({ status: 'suppressed', reason: 'opt-out' });
    await deliver();
    expect(aliyun.accepted.length).toBe(before);
    expect((await put([])).statusCode).toBe(200);
  });
});

describe('other channels and notices', () => {
  it('Tencent Cloud SMS: TC3-HMAC-SHA256 signed, template parameters in order', async () => {
    kernel.clock.set('2026-11-25T02:00:00Z');
    const res = await kernel.call(tokens.admin!, 'PUT', '/api/notification-channels/sms', {
      provider: 'tencent', endpoint: tencent.url, settings: { signName: '测试物业', sdkAppId: '1400000001', templates: { parcelArrived: '100001' } }, credentials: TENCENT,
    });
    expect(res.statusCode, res.body).toBe(200);
    const c = await storedParcel();
    await deliver();
    expect(tencent.refused).toEqual([]);
    expect(tencent.accepted).toEqual([{ PhoneNumberSet: ['+8613800000001'], SmsSdkAppId: '1400000001', SignName: '测试物业', TemplateId: '100001', TemplateParamSet: ['顺丰纸箱一个', '寄存架 A-3', c.serial] }]);
    await useAliyun();
  });

  it('a building-wide 停水停电 notice reaches each household, by WeChat where the resident gave an openid', async () => {
    const wx = await kernel.call(tokens.admin!, 'PUT', '/api/notification-channels/wechat', {
      provider: 'wechat', endpoint: wechat.url, settings: { templates: { utilityOutage: 'wx-template-outage' } }, credentials: WECHAT,
    });
    expect(wx.statusCode, wx.body).toBe(200);
    expect((await kernel.call(tokens.frontdesk!, 'PUT', `/api/residents/${ownerId}/message-preferences`, { optOutKinds: [], wechatOpenId: 'oTEST_openid_001' })).statusCode).toBe(200);
    const notice = { what: '二次供水水箱清洗', from: '11月26日9:00', until: '11月26日17:00' };
    const noPermission = await kernel.call(await kernel.login('concierge'), 'POST', '/api/messages/building-notice', { buildingId, template: 'utilityOutage', channel: 'wechat', notice });
    expect(noPermission.statusCode).toBe(403);
    const wrong = await kernel.call(tokens.supervisor!, 'POST', '/api/messages/building-notice', { buildingId, template: 'parcelArrived', channel: 'wechat', notice });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ issues: [{ pointer: '/template' }] });
    const res = await kernel.call(tokens.supervisor!, 'POST', '/api/messages/building-notice', { buildingId, template: 'utilityOutage', channel: 'wechat', notice });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json() as { households: number; byStatus: Record<string, number> };
    // only 张伟 gave an openid: the other households are logged as not reachable by WeChat
    expect(body.byStatus.queued).toBe(1);
    expect(body.households).toBeGreaterThan(1);
    await deliver();
    expect(wechat.accepted).toEqual([{ touser: 'oTEST_openid_001', template_id: 'wx-template-outage', data: { what: { value: notice.what }, from: { value: notice.from }, until: { value: notice.until } } }]);
    expect((await log())[0]).toMatchObject({ template: 'utilityOutage', status: 'sent', text: expect.stringContaining('二次供水水箱清洗') });
  });
});

describe('the monthly report', () => {
  it('counts the month\'s messages by kind and delivery result', async () => {
    const res = await kernel.call(tokens.supervisor!, 'GET', '/api/reports/monthly/messages?month=2026-11');
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json() as { items: { kind: string; counts: Record<string, number> }[]; totals: Record<string, number> };
    // parcel: the first, the one retried after a bad signature, the deferred one, Tencent's — sent; one failed; one opted out
    expect(report.items.find((i) => i.kind === 'parcel')!.counts).toEqual({ sent: 4, failed: 1, suppressed: 1 });
    expect(report.items.find((i) => i.kind === 'notice')!.counts.sent).toBe(1);
    // and per message, which the 统计 page names by its title
    const perMessage = (res.json() as { templates: { template: string; counts: Record<string, number> }[] }).templates;
    const parcelMessages = perMessage.filter((t) => t.template.startsWith('parcel'));
    expect(parcelMessages.reduce((n, t) => n + (t.counts.sent ?? 0), 0)).toBe(4);
    expect(perMessage.find((t) => t.template === 'utilityOutage')!.counts.sent).toBe(1);
    expect((await kernel.call(tokens.supervisor!, 'GET', '/api/reports/monthly/messages?month=2026-10')).json()).toMatchObject({ items: [], totals: {} });
    expect((await kernel.call(tokens.frontdesk!, 'GET', '/api/reports/monthly/messages?month=2026-11')).statusCode).toBe(403);
    const bad = await kernel.call(tokens.supervisor!, 'GET', '/api/reports/monthly/messages?month=2026-13');
    expect(bad.statusCode).toBe(400);
  });

  it('the monthly workbook\'s 短信与微信 sheet has the same figures, each message named by its title', async () => {
    const api = (await kernel.call(tokens.supervisor!, 'GET', '/api/reports/monthly/messages?month=2026-11')).json() as { templates: { template: string; counts: Record<string, number> }[]; totals: Record<string, number> };
    const titles = new Map(((await kernel.call(tokens.supervisor!, 'GET', '/api/messages/templates')).json().items as { id: string; title: { 'zh-CN': string } }[]).map((m) => [m.id, m.title['zh-CN']]));
    const res = await kernel.call(tokens.supervisor!, 'GET', '/api/reports/monthly.xlsx?month=2026-11');
    expect(res.statusCode, res.body).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('短信与微信')!;
    expect(ws).toBeDefined();
    const rows = ws.getSheetValues().slice(1).map((r) => (Array.isArray(r) ? r.slice(1) : []));
    expect(rows[0]).toEqual(['消息', '已发送', '失败', '待发送', '延后', '未发送', '合计']);
    const line = (c: Record<string, number>) => {
      const figures = ['sent', 'failed', 'queued', 'deferred', 'suppressed'].map((k) => c[k] ?? 0);
      return [...figures, figures.reduce((a, b) => a + b, 0)];
    };
    const expected = api.templates.map((t) => [titles.get(t.template)!, ...line(t.counts)]);
    expect(expected.length).toBeGreaterThan(1);
    expect(rows.slice(1, 1 + expected.length)).toEqual(expected);
    expect(rows[1 + expected.length]).toEqual(['合计', ...line(api.totals)]);
    // titles, never the template codes
    expect(JSON.stringify(rows)).not.toMatch(/parcelArrived|utilityOutage/);
    expect(rows.map((r) => r[0])).toContain('物品到达通知');
  });
});

describe('credentials never leak', () => {
  it('not in the channel answers, the database row, the configuration export or the log', async () => {
    const put = await useAliyun();
    // the stored keys do not follow the channel to another address without being entered again
    const moved = await kernel.call(tokens.admin!, 'PUT', '/api/notification-channels/sms', {
      provider: 'aliyun', endpoint: 'http://127.0.0.1:1/collect', settings: { signName: '测试物业', templates: {} },
    });
    expect(moved.statusCode, moved.body).toBe(400);
    expect(moved.json()).toMatchObject({ issues: [expect.objectContaining({ pointer: '/credentials' })] });
    const got = await kernel.call(tokens.admin!, 'GET', '/api/notification-channels');
    expect(got.statusCode).toBe(200);
    expect(got.body).not.toContain('127.0.0.1:1/collect');
    expect(got.json()).toMatchObject({ items: expect.arrayContaining([expect.objectContaining({ channel: 'sms', provider: 'aliyun', credentials: { accessKeyId: 'set', accessKeySecret: 'set' } })]) });
    const exported = await kernel.call(tokens.admin!, 'GET', '/api/config/export');
    const rows = await kernel.orm.em.fork().find(NotificationChannel, {});
    for (const secret of SECRETS) {
      expect(put.body).not.toContain(secret);
      expect(got.body).not.toContain(secret);
      expect(exported.body).not.toContain(secret);
      for (const row of rows) expect(JSON.stringify(row)).not.toContain(secret);
      expect(inspect(logged, { depth: 8, maxStringLength: null, maxArrayLength: null })).not.toContain(secret);
    }
    expect(logged.length).toBeGreaterThan(0);
    // only config.edit sees or sets channels
    expect((await kernel.call(tokens.frontdesk!, 'GET', '/api/notification-channels')).statusCode).toBe(403);
    expect((await kernel.call(tokens.frontdesk!, 'PUT', '/api/notification-channels/sms', { provider: 'aliyun', settings: {}, credentials: ALIYUN })).statusCode).toBe(403);
    const wrongChannel = await kernel.call(tokens.admin!, 'PUT', '/api/notification-channels/wechat', { provider: 'aliyun', settings: {}, credentials: ALIYUN });
    expect(wrongChannel.statusCode).toBe(400);
    expect(wrongChannel.json()).toMatchObject({ issues: [{ pointer: '/provider' }] });
  });
});

// last: it changes the company's configuration and moves the clock past the month's other messages
describe('provider addresses', () => {
  it('a channel or group robot address the platform does not allow is refused on /endpoint, nothing stored', async () => {
    const before = (await kernel.call(tokens.admin!, 'GET', '/api/notification-channels')).body;
    // the tests' platform allows local fakes: the editor offers the address field
    expect(JSON.parse(before)).toMatchObject({ endpointsAllowed: true });
    // the cloud's metadata service: a company admin may not make the server post there with its keys
    const channel = await kernel.call(tokens.admin!, 'PUT', '/api/notification-channels/sms', {
      provider: 'aliyun', endpoint: 'http://169.254.169.254/latest', settings: { signName: '测试物业', templates: {} }, credentials: ALIYUN,
    });
    expect(channel.statusCode, channel.body).toBe(400);
    expect(channel.json()).toMatchObject({ issues: [expect.objectContaining({ pointer: '/endpoint', code: 'endpoint-not-allowed' })] });
    expect((await kernel.call(tokens.admin!, 'GET', '/api/notification-channels')).body).toBe(before);
    const robot = await kernel.call(tokens.admin!, 'PUT', `/api/projects/${projectId}/wecom-robot`, { key: 'robot-test-key', endpoint: 'http://10.0.0.5/' });
    expect(robot.statusCode, robot.body).toBe(400);
    expect(robot.json()).toMatchObject({ issues: [expect.objectContaining({ pointer: '/endpoint', code: 'endpoint-not-allowed' })] });
    expect((await kernel.call(tokens.admin!, 'GET', '/api/wecom-robots')).body).not.toContain('10.0.0.5');
  });
});

describe('the daily cap', () => {
  it('past the company\'s limit a resident\'s next message that day is suppressed, and the next day one goes out again', async () => {
    const proposed = await kernel.call(tokens.admin!, 'POST', '/api/config/versions', { patch: { notifications: { dailyCap: 2 } }, reason: '每户每日最多两条' });
    expect(proposed.statusCode, proposed.body).toBe(201);
    const activated = await kernel.call(tokens.admin!, 'POST', `/api/config/versions/${(proposed.json() as { number: number }).number}/activate`, {});
    expect(activated.statusCode, activated.body).toBe(200);
    kernel.clock.set('2026-11-27T02:00:00Z'); // a new day, 10:00 in Beijing: nothing sent to 张伟 yet today
    // a minute apart, so the household's log lists them newest first without ties
    for (let i = 0; i < 2; i++) { await storedParcel(); kernel.clock.advance(60_000); }
    expect((await log()).slice(0, 2).map((m) => m.status)).toEqual(['queued', 'queued']);
    await storedParcel();
    const capped = (await log())[0]!;
    expect(capped, JSON.stringify(await log())).toMatchObject({ status: 'suppressed', reason: 'daily-cap' });
    kernel.clock.set('2026-11-28T01:00:00Z'); // 09:00 the next day
    await storedParcel();
    expect((await log())[0]).toMatchObject({ status: 'queued', reason: null });
    await deliver();
  });
});
