/**
 * The dunning ladder's SMS step, with two kernels on one database (what two instances behind a
 * load balancer are; a pair of test kernels keeps it fast): a step recorded for two units in
 * arrears queues one reminder per unit's owner in the step's transaction, and both instances'
 * delivery jobs, run at the same moment and twice over, send each reminder exactly once (each row
 * is claimed by one conditional UPDATE). PostgreSQL only, like the other cluster tests: several
 * instances are a PostgreSQL deployment, and two kernels in one process cannot share a SQLite file
 * once a job's transaction awaits between its statements (better-sqlite3 waits for the lock
 * synchronously, so the kernel holding it never gets to commit). Keys and phone numbers are TEST DATA.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKernel, type Kernel } from '../../core/kernel.js';
import { billPeriod, ledgerWorld, type LedgerWorld } from '../../plugins/billing/ledger/test-support/ledger-world.js';
import { startAliyunSmsFake } from '../fakes/aliyun-sms-fake.js';
import type { FakeServer } from '../fakes/fake-server.js';

process.env.WUYE_SECRETS_KEY = Buffer.alloc(32, 9).toString('base64'); // TEST DATA
const KEYS = { accessKeyId: 'LTAI-cluster-test', accessKeySecret: 'cluster-test-secret' };

let w: LedgerWorld;
let b: Kernel;
let aliyun: FakeServer;

beforeAll(async () => {
  w = await ledgerWorld('2026-10-20T02:00:00Z');
  await billPeriod(w, '2026-11', '2026-10-20T02:00:00Z');
  await billPeriod(w, '2026-12', '2026-11-20T02:00:00Z');
  w.kernel.clock.set('2026-12-02T02:00:00Z'); // 10:00: outside quiet hours
  // the second instance: the same database, plugins and clock
  const config = w.kernel.orm.config;
  const database = w.kernel.dialect === 'postgresql' ? { url: config.get('clientUrl') as string } : { sqlitePath: config.get('dbName') as string };
  b = await startKernel({ database, plugins: ['service-desk', 'billing'], now: w.kernel.clock.now });
  aliyun = await startAliyunSmsFake(KEYS, w.kernel.clock.now);
  const res = await w.kernel.call(await w.token('admin'), 'PUT', '/api/notification-channels/sms', {
    provider: 'aliyun', endpoint: aliyun.url, settings: { signName: '测试物业', templates: { dunningReminder: 'SMS_TEST_DUN' } }, credentials: KEYS,
  });
  expect(res.statusCode, res.body).toBe(200);
});
afterAll(async () => {
  await b?.close();
  await w?.kernel.close();
  await aliyun?.close();
});

describe('the dunning SMS step with two instances', () => {
  it('sends each unit\'s reminder once', async () => {
    const late = w.unit('CH/1/102');
    const alsoLate = w.unit('CH/1/201');
    const done = await w.call('assistant', 'POST', '/api/billing/dunning', { unitIds: [late, alsoLate], step: 'phone', note: '电话催缴' });
    expect(done.statusCode, done.body).toBe(201);
    // a step without a message (the letter) queues nothing: only the two reminders are waiting
    const waiting = await w.call('admin', 'GET', '/api/messages/undelivered?status=queued');
    const queued = (waiting.json() as { items: { template: string; unitId: number; text: string }[] }).items;
    expect(queued.map((m) => [m.template, m.unitId]).sort()).toEqual([['dunningReminder', late], ['dunningReminder', alsoLate]].sort());
    expect(queued.find((m) => m.unitId === late)!.text).toMatch(/102室物业服务费已欠缴\d+个月，合计[\d,.]+元/);

    const at = w.kernel.clock.now();
    await Promise.all([w.kernel.runJobs(at), b.runJobs(at), w.kernel.runJobs(at), b.runJobs(at)]);
    expect(aliyun.refused).toEqual([]);
    const phones = aliyun.accepted.map((r) => r.PhoneNumbers as string).sort();
    // one owner with a phone in each unit (demo registry): two requests, to two numbers
    expect(phones).toHaveLength(2);
    expect(new Set(phones).size).toBe(2);
    expect(aliyun.accepted.every((r) => r.TemplateCode === 'SMS_TEST_DUN')).toBe(true);

    // a later run of either instance sends nothing more
    await Promise.all([w.kernel.runJobs(new Date(at.getTime() + 3_600_000)), b.runJobs(new Date(at.getTime() + 3_600_000))]);
    expect(aliyun.accepted).toHaveLength(2);
    const log = await w.call('frontdesk', 'GET', `/api/units/${late}/messages`);
    // the notices job also queued the bills' own notices (billing-messages.test.ts): the dunning reminder went once
    expect((log.json() as { items: { template: string; status: string; attempts: number }[] }).items.filter((m) => m.template === 'dunningReminder')).toEqual([expect.objectContaining({ status: 'sent', attempts: 1 })]);
  });
});
