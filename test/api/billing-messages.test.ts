/**
 * Billing's notices reach the household by SMS (through the outbox, against the local Aliyun fake
 * that checks signatures): the payment notice on its date queues one billIssued message per bill and
 * person, the reminder and the final notice theirs for bills still open — once, even when two
 * instances run the notices job at once, when it runs again, or when the counter issued the notice
 * first. A paid bill gets no reminder; the final notice ignores an opt-out of billing messages.
 * SQLite, or PostgreSQL with WUYE_TEST_DB=postgres. All keys and numbers here are TEST DATA.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { billPeriod, billsOf, ledgerWorld, type LedgerWorld } from '../../plugins/billing/ledger/test-support/ledger-world.js';
import { runNotices } from '../../plugins/billing/ledger/notices-job.js';
import { startAliyunSmsFake } from '../fakes/aliyun-sms-fake.js';
import type { FakeServer } from '../fakes/fake-server.js';

// TEST DATA: a throw-away secrets key and provider keys
process.env.WUYE_SECRETS_KEY = Buffer.alloc(32, 7).toString('base64');
const ALIYUN = { accessKeyId: 'LTAI-test-id', accessKeySecret: 'aliyun-test-secret-4f8a' };
const CODES = { billIssued: 'SMS_BILL_1', paymentReminder: 'SMS_BILL_2', finalNotice: 'SMS_BILL_3' };

interface OutboxRow { template: string; dedupeKey: string; status: string; reason: string | null; unitId: number; personId: number }

let w: LedgerWorld;
let aliyun: FakeServer;

beforeAll(async () => {
  w = await ledgerWorld('2026-11-10T02:00:00Z');
  aliyun = await startAliyunSmsFake(ALIYUN, w.kernel.clock.now);
  const res = await w.kernel.call(await w.token('admin'), 'PUT', '/api/notification-channels/sms', {
    provider: 'aliyun', endpoint: aliyun.url, settings: { signName: '测试物业', templates: CODES }, credentials: ALIYUN,
  });
  expect(res.statusCode, res.body).toBe(200);
  await billPeriod(w, '2026-12', '2026-11-10T02:00:00Z');
});
afterAll(async () => {
  await w?.kernel.close();
  await aliyun?.close();
});

/** the jobs (notices, delivery) at an instant, the clock (which the fake provider checks the signature's timestamp against) set there */
const jobsAt = async (iso: string) => {
  w.kernel.clock.set(iso);
  await w.kernel.runJobs(new Date(iso));
};
const messages = async (template?: string): Promise<OutboxRow[]> => {
  const rows = await w.knex()('outbox_message').where(template ? { template } : {}).whereIn('template', Object.keys(CODES)).orderBy('id');
  return rows.map((r: Record<string, unknown>) => ({ template: String(r.template), dedupeKey: String(r.dedupe_key), status: String(r.status), reason: (r.reason as string | null) ?? null, unitId: Number(r.unit_id), personId: Number(r.person_id) }));
};
/** the owners and occupants of each unit, as the messages are addressed */
const households = async (): Promise<Map<number, number[]>> => {
  const rows = await w.knex()('unit_person').whereIn('relation', ['owner', 'occupant']).orderBy('id');
  const out = new Map<number, number[]>();
  for (const r of rows as { unit_id: unknown; person_id: unknown }[]) out.set(Number(r.unit_id), [...(out.get(Number(r.unit_id)) ?? []), Number(r.person_id)]);
  return out;
};
const openBills = async () => (await w.knex()('billing_bill').where({ period_key: '2026-12', status: 'open' }).orderBy('id')).map((r: Record<string, unknown>) => ({ id: Number(r.id), unitId: Number(r.unit_id) }));
/** the messages a notice of `kind` should queue: one per open bill and person of its unit */
const expected = async (kind: string, bills: { id: number; unitId: number }[]) => {
  const people = await households();
  return bills.flatMap((b) => (people.get(b.unitId) ?? []).map((p) => `notice:${b.id}:${kind}:${p}`)).sort();
};

describe('notices send their SMS once', () => {
  it('the payment notice queues one billIssued message per bill and person, even from two instances at once', async () => {
    const services = w.kernel.pluginServices.get('billing')! as Parameters<typeof runNotices>[1];
    const at = new Date('2026-11-15T01:00:00Z'); // 09:00 in Shanghai
    w.kernel.clock.set(at.toISOString());
    const bills = await openBills();
    expect(bills.length).toBeGreaterThan(3);
    await Promise.all([runNotices(at, services), runNotices(at, services)]);
    const queued = await messages('billIssued');
    expect(queued.map((m) => m.dedupeKey).sort()).toEqual(await expected('payment', bills));
    expect(queued.every((m) => m.status === 'queued' || m.reason === 'no-phone')).toBe(true);

    // the hourly rerun and the delivery job: nothing new queued, each message sent once
    await jobsAt('2026-11-15T02:00:00Z');
    await jobsAt('2026-11-15T03:00:00Z');
    const after = await messages('billIssued');
    expect(after.length).toBe(queued.length);
    const sent = after.filter((m) => m.status === 'sent');
    expect(sent.length).toBe(queued.filter((m) => m.status === 'queued').length);
    expect(aliyun.refused).toEqual([]);
    const accepted = aliyun.accepted.filter((a) => a.TemplateCode === CODES.billIssued);
    expect(accepted.length).toBe(sent.length);
    expect(accepted[0]).toMatchObject({ SignName: '测试物业', TemplateParam: { period: '2026年12月', dueOn: expect.stringMatching(/^2026-1[12]-\d\d$/) } });
  });

  it('reminder and final notice: only open bills, the counter\'s notice not sent again by the job, the final notice despite an opt-out', async () => {
    const lateUnit = w.unit('CH/1/102');
    const paidUnit = w.unit('CH/1/101');
    w.kernel.clock.set('2026-11-20T02:00:00Z');
    const paid = await w.call('cashier', 'POST', '/api/billing/payments', { unitId: paidUnit, amount: '223.75', method: 'cash' });
    expect(paid.statusCode, paid.body).toBe(201);
    const [lateOwner] = (await households()).get(lateUnit)!;
    const optOut = await w.kernel.call(await w.token('frontdesk'), 'PUT', `/api/residents/${lateOwner}/message-preferences`, { optOutKinds: ['billing'] });
    expect(optOut.statusCode, optOut.body).toBe(200);

    // the cashier hands the late unit its reminder at the counter on 1 December, before the job runs
    w.kernel.clock.set('2026-12-01T01:00:00Z');
    const lateBill = (await billsOf(w, lateUnit))[0]!;
    const issued = await w.call('cashier', 'POST', `/api/billing/bills/${lateBill.id}/notices`, { kind: 'reminder' });
    expect(issued.statusCode, issued.body).toBe(201);
    expect((await messages('paymentReminder')).map((m) => [m.dedupeKey, m.status, m.reason])).toEqual([[`notice:${lateBill.id}:reminder:${lateOwner}`, 'suppressed', 'opt-out']]);

    await jobsAt('2026-12-01T02:00:00Z');
    await jobsAt('2026-12-01T03:00:00Z');
    const open = await openBills();
    expect(open.some((b) => b.unitId === paidUnit)).toBe(false);
    const reminders = await messages('paymentReminder');
    expect(reminders.map((m) => m.dedupeKey).sort()).toEqual(await expected('reminder', open));
    expect(reminders.some((m) => m.unitId === paidUnit)).toBe(false);

    await jobsAt('2026-12-08T02:00:00Z');
    await jobsAt('2026-12-08T03:00:00Z');
    const finals = await messages('finalNotice');
    expect(finals.map((m) => m.dedupeKey).sort()).toEqual(await expected('final', open));
    // a final notice cannot be opted out of
    expect(finals.find((m) => m.personId === lateOwner)).toMatchObject({ status: 'sent' });
    expect(aliyun.accepted.filter((a) => a.TemplateCode === CODES.finalNotice).length).toBe(finals.filter((m) => m.status === 'sent').length);
  });
});
