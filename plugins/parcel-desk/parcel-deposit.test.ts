/**
 * 小件物品寄存 over HTTP through the kernel harness (SQLite, or PostgreSQL with WUYE_TEST_DB=postgres):
 * registered at the desk, checked in (refused categories refused by the guard, naming the category),
 * the recipient notified, delivered by the building concierge against a signature, the 7-day pickup
 * clock escalating to the supervisor, return to the depositor, the printed 《物品寄存登记表》, bad
 * input, wrong roles, and the company settings (refused categories, pickup deadline).
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKernel, type TestKernel } from '../../core/testing/harness.js';

const example = (name: string) => JSON.parse(readFileSync(new URL(`./examples/${name}`, import.meta.url), 'utf8')) as { data: Record<string, unknown> };
const registration = example('create-deposit.json').data;
const checkIn = example('check-in.json').data;
const notify = example('notify.json').data;
const deliver = example('deliver.json').data;

interface CaseBody {
  id: number; version: number; serial: string; state: string; assigneeRole: string | null; data: Record<string, unknown>;
  availableTransitions: string[];
}
interface ErrorBody { statusCode: number; code: string; message: string; issues: { pointer: string; code: string; message: string }[] }
interface DeadlineView { key: string; dueAt: string; [k: string]: unknown }

let kernel: TestKernel;
const tokens: Record<string, string> = {};
let projectId: number;
let unitId: number;

beforeAll(async () => {
  kernel = await startTestKernel({ plugins: ['service-desk', 'billing', 'parcel-desk'], startAt: '2026-11-23T01:00:00Z' });
  const registry = await kernel.seed();
  projectId = registry.projects.get('CH')!.id;
  unitId = registry.units.get('CH/1/101')!.id;
  for (const user of ['frontdesk', 'frontdesk-jr', 'concierge', 'supervisor', 'security', 'admin']) tokens[user] = await kernel.login(user);
});
afterAll(async () => kernel?.close());

const registerRaw = (data: Record<string, unknown>, user = 'frontdesk') =>
  kernel.call(tokens[user]!, 'POST', '/api/cases/parcelDeposit', { projectId, unitId, data });
async function register(data: Record<string, unknown> = {}): Promise<CaseBody> {
  const res = await registerRaw({ ...registration, ...data });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as CaseBody;
}
const attempt = (user: string, c: CaseBody, transition: string, data?: Record<string, unknown>) =>
  kernel.call(tokens[user]!, 'POST', `/api/cases/parcelDeposit/${c.id}/transitions/${transition}`, data === undefined ? { version: c.version } : { version: c.version, data });
async function take(user: string, c: CaseBody, transition: string, data?: Record<string, unknown>): Promise<CaseBody> {
  const res = await attempt(user, c, transition, data);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as CaseBody;
}
const get = async (id: number, user = 'frontdesk') => {
  const res = await kernel.call(tokens[user]!, 'GET', `/api/cases/parcelDeposit/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as CaseBody & { deadlines: DeadlineView[] };
};
const eventCount = async (id: number) => ((await kernel.call(tokens.frontdesk!, 'GET', `/api/cases/parcelDeposit/${id}/events`)).json() as { items: unknown[] }).items.length;
const pointers = (res: { json(): unknown }) => (res.json() as ErrorBody).issues.map((i) => i.pointer);

describe('parcel deposit: check-in, notification, delivery against a signature', () => {
  it('a courier’s parcel is checked in, the recipient notified, and the concierge delivers it to an agent who signs', async () => {
    kernel.clock.set('2026-11-23T01:00:00Z');
    let c = await register();
    expect(c.serial).toMatch(/^JC-2026-\d{6}$/);
    expect(c).toMatchObject({ state: 'checking', assigneeRole: 'frontDesk' });

    c = await take('frontdesk', c, 'checkIn', checkIn);
    expect(c).toMatchObject({ state: 'stored', assigneeRole: 'frontDesk', data: { category: 'parcel', storageLocation: '寄存架 A-3' } });
    // 7 calendar days to collect, from check-in
    expect((await get(c.id)).deadlines.find((d) => d.key === 'pickup')?.dueAt).toBe('2026-11-30T01:00:00.000Z');

    // the concierge cannot deliver before the recipient has been notified
    const early = await attempt('concierge', c, 'deliver', deliver);
    expect(early.statusCode).toBe(422);
    expect(pointers(early)).toEqual(['/transition']);

    c = await take('frontdesk', c, 'notify', notify);
    expect(c).toMatchObject({ state: 'notified', assigneeRole: 'buildingConcierge', data: { notifyMethod: 'sms', notifiedAt: notify.notifiedAt } });
    expect(c.availableTransitions).toEqual(expect.arrayContaining(['deliver', 'remind', 'returnToDepositor']));

    c = await take('concierge', c, 'deliver', deliver);
    expect(c).toMatchObject({ state: 'delivered', data: { collectedBy: 'agent', receiverName: '李秀英', agentRelation: '业主母亲', receiverSignature: deliver.receiverSignature } });
    const done = await get(c.id);
    expect(done.availableTransitions).toEqual([]);
    expect(done.deadlines.find((d) => d.key === 'pickup')).toMatchObject({ status: 'met', metAt: '2026-11-23T01:00:00.000Z' });

    // after collection the overdue job has nothing to chase
    kernel.clock.set('2026-12-05T01:00:00Z');
    expect((await kernel.runJobs()).overdue).toBe(0);
    expect((await get(c.id)).deadlines.find((d) => d.key === 'pickup')?.status).toBe('met');

    const sheet = await kernel.call(tokens.frontdesk!, 'GET', `/api/cases/parcelDeposit/${c.id}/documents/register`);
    expect(sheet.statusCode).toBe(200);
    for (const text of ['物品寄存登记表', c.serial, '顺丰快递 王师傅', '张伟', '顺丰纸箱一个', '包裹', '寄存架 A-3', '短信', '李秀英', '代领人', '业主母亲', '1栋', '101']) {
      expect(sheet.body).toContain(text);
    }
    // the signature is printed as the image it is (escaped: '=' becomes &#x3D;, which the browser decodes)
    expect(sheet.body).toContain(`src="${(deliver.receiverSignature as string).replaceAll('=', '&#x3D;')}"`);
  });

  it.each([
    ['flammable', '易燃'],
    ['cash', '现金'],
    ['valuables', '贵重'],
    ['food', '食品'],
  ])('refuses a %s item at check-in, naming the category; nothing is written', async (category) => {
    const c = await register({ itemDescription: `待查验物品 ${category}` });
    const before = await eventCount(c.id);
    const refused = await attempt('frontdesk', c, 'checkIn', { ...checkIn, category });
    expect(refused.statusCode, refused.body).toBe(422);
    const body = refused.json() as ErrorBody;
    expect(body.code).toBe('WUYE_REFUSED');
    expect(body.message).toContain('物品类别');
    expect(body.message).toContain('不予寄存');
    expect(body.message).toContain('Category');
    const after = await get(c.id);
    expect(after).toMatchObject({ state: 'checking', version: c.version });
    expect(after.data.category).toBeUndefined();
    expect(after.deadlines.filter((d) => d.key === 'pickup')).toEqual([]);
    expect(await eventCount(c.id)).toBe(before);
    // the desk explains and refuses the item instead
    const declined = await take('frontdesk', c, 'decline', { declineReason: '食品等不宜保管的物品客服中心不提供寄存，已向寄存人说明。' });
    expect(declined.state).toBe('declined');
  });
});

describe('parcel deposit: the pickup deadline', () => {
  it('an item not collected within 7 days goes to the supervisor; the desk reminds the recipient, then returns it to the depositor', async () => {
    kernel.clock.set('2026-11-23T01:00:00Z');
    let c = await take('frontdesk', await register({ itemDescription: '文件袋' }), 'checkIn', { ...checkIn, category: 'document', storageLocation: '寄存柜 B-1' });
    c = await take('frontdesk', c, 'notify', { ...notify, notifyMethod: 'phone' });

    kernel.clock.set('2026-11-29T23:00:00Z'); // 6 days 22 hours: still in time
    await kernel.runJobs();
    let view = await get(c.id);
    expect(view.assigneeRole).toBe('buildingConcierge');

    kernel.clock.set('2026-11-30T02:00:00Z'); // one hour past the 7 days
    const run = await kernel.runJobs();
    expect(run.overdue).toBe(1);
    view = await get(c.id);
    expect(view.assigneeRole).toBe('supervisor');
    expect(view.deadlines.find((d) => d.key === 'pickup')).toMatchObject({ dueAt: '2026-11-30T01:00:00.000Z' });
    expect(view.deadlines.find((d) => d.key === 'pickup')).toMatchObject({ status: 'overdue', overdueAt: '2026-11-30T02:00:00.000Z', escalatedToRole: 'supervisor', metAt: null });
    // the supervisor's queue shows it
    const queue = await kernel.call(tokens.supervisor!, 'GET', '/api/queue?scope=team');
    expect(queue.statusCode, queue.body).toBe(200);
    expect(queue.body).toContain(c.serial);

    // a second run at the same time changes nothing (idempotent)
    const again = await kernel.runJobs();
    expect(again.overdue).toBe(0);

    c = await take('supervisor', view, 'remind', { notifyMethod: 'visit', notifiedAt: '2026-11-30T10:30:00+08:00', notifyNote: '上门告知，业主出差，约定退回寄存人' });
    expect(c.state).toBe('notified');
    c = await take('frontdesk', c, 'returnToDepositor', {
      returnReason: 'overdue', returnedTo: '顺丰快递 王师傅', returnedAt: '2026-11-30T15:00:00+08:00',
      returnNote: '逾期未领，退回快递员', returnSignature: deliver.receiverSignature,
    });
    expect(c.state).toBe('returned');
    const sheet = await kernel.call(tokens.supervisor!, 'GET', `/api/cases/parcelDeposit/${c.id}/documents/register`);
    expect(sheet.body).toContain('逾期未领取');
    expect(sheet.body).toContain('上门告知');
  });
});

describe('parcel deposit: the printed register, bad input and roles', () => {
  it('the printed register escapes what was typed', async () => {
    kernel.clock.set('2026-11-23T01:00:00Z');
    const c = await register({ depositorName: '<script>alert("x")</script>', itemDescription: '<img src=x onerror=alert(1)>' });
    await take('frontdesk', c, 'checkIn', { ...checkIn, itemFeatures: '"><b>粗体</b>', storageLocation: 'A&B' });
    const sheet = await kernel.call(tokens.frontdesk!, 'GET', `/api/cases/parcelDeposit/${c.id}/documents/register`);
    expect(sheet.statusCode).toBe(200);
    expect(sheet.body).not.toContain('<script>alert');
    expect(sheet.body).not.toContain('<img src=x');
    expect(sheet.body).not.toContain('<b>粗体');
    expect(sheet.body).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(sheet.body).toContain('&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;');
    expect(sheet.body).toContain('A&amp;B');
  });

  it('refuses bad input with 400 naming the field, and writes nothing', async () => {
    const listBefore = (await kernel.call(tokens.frontdesk!, 'GET', '/api/cases/parcelDeposit')).json() as { items: unknown[] };
    const missing = await registerRaw({ ...registration, itemCount: undefined });
    expect(missing.statusCode).toBe(400);
    expect(pointers(missing)).toContain('/data/itemCount');
    const wrongType = await registerRaw({ ...registration, itemCount: '2' });
    expect(wrongType.statusCode).toBe(400);
    expect(pointers(wrongType)).toContain('/data/itemCount');
    const badPhone = await registerRaw({ ...registration, depositorPhone: '电话123' });
    expect(badPhone.statusCode).toBe(400);
    expect(pointers(badPhone)).toContain('/data/depositorPhone');
    const extra = await registerRaw({ ...registration, secret: 1 });
    expect(extra.statusCode).toBe(400);
    const listAfter = (await kernel.call(tokens.frontdesk!, 'GET', '/api/cases/parcelDeposit')).json() as { items: unknown[] };
    expect(listAfter.items.length).toBe(listBefore.items.length);

    const fresh = await register();
    const unknownCategory = await attempt('frontdesk', fresh, 'checkIn', { ...checkIn, category: 'gold' });
    expect(unknownCategory.statusCode).toBe(400);
    expect(pointers(unknownCategory)).toContain('/data/category');
    const noLocation = await attempt('frontdesk', fresh, 'checkIn', { ...checkIn, storageLocation: undefined });
    expect(noLocation.statusCode).toBe(400);
    expect(pointers(noLocation)).toContain('/data/storageLocation');
    const notReminded = await attempt('frontdesk', fresh, 'checkIn', { ...checkIn, remindedNoValuables: false });
    expect(notReminded.statusCode).toBe(400);
    expect(pointers(notReminded)).toContain('/data/remindedNoValuables');
    expect((await get(fresh.id)).state).toBe('checking');
    const c = await take('frontdesk', fresh, 'checkIn', checkIn);
    const n = await take('frontdesk', c, 'notify', notify);
    const unsigned = await attempt('concierge', n, 'deliver', { ...deliver, receiverSignature: undefined });
    expect(unsigned.statusCode).toBe(400);
    expect(pointers(unsigned)).toContain('/data/receiverSignature');
    const agentWithoutRelation = await attempt('concierge', n, 'deliver', { ...deliver, agentRelation: undefined });
    expect(agentWithoutRelation.statusCode).toBe(400);
    expect(pointers(agentWithoutRelation)).toEqual(['/data/agentRelation']);
    const notChecked = await attempt('concierge', n, 'deliver', { ...deliver, itemsComplete: false });
    expect(notChecked.statusCode).toBe(400);
    expect(pointers(notChecked)).toContain('/data/itemsComplete');
    // the recipient in person needs no relation; giving one is refused (the field does not apply)
    const recipientWithRelation = await attempt('concierge', n, 'deliver', { ...deliver, collectedBy: 'recipient', receiverName: '张伟' });
    expect(recipientWithRelation.statusCode).toBe(400);
    expect(pointers(recipientWithRelation)).toEqual(['/data/agentRelation']);
    expect((await get(n.id)).state).toBe('notified');
  });

  it('refuses roles the workflow does not name (403) and other projects’ staff (404)', async () => {
    expect((await registerRaw(registration, 'security')).statusCode).toBe(403);
    const c = await register();
    expect((await attempt('concierge', c, 'checkIn', checkIn)).statusCode).toBe(403);
    expect((await attempt('security', c, 'decline', { declineReason: '无权限' })).statusCode).toBe(403);
    expect((await kernel.call(tokens['frontdesk-jr']!, 'GET', `/api/cases/parcelDeposit/${c.id}`)).statusCode).toBe(404);
    expect((await get(c.id)).state).toBe('checking');
  });
});

describe('parcel deposit: what a company configures', () => {
  it('the refused categories and the pickup deadline are company settings; open items keep theirs', async () => {
    kernel.clock.set('2026-12-01T01:00:00Z');
    const openedBefore = await register({ itemDescription: '月饼礼盒' });
    const proposed = await kernel.call(tokens.admin!, 'POST', '/api/config/versions', {
      reason: '本管理处代收生鲜食品；钥匙不予寄存；领取期限改为3天',
      patch: { plugins: { 'parcel-desk': {
        config: { refusedCategories: ['flammable', 'cash', 'valuables', 'keys'] },
        workflows: { parcelDeposit: { deadlines: { pickup: { duration: { amount: 3, unit: 'days' } } } } },
      } } },
    });
    expect(proposed.statusCode, proposed.body).toBe(201);
    const activated = await kernel.call(tokens.admin!, 'POST', `/api/config/versions/${(proposed.json() as { number: number }).number}/activate`, {});
    expect(activated.statusCode, activated.body).toBe(200);

    const food = await take('frontdesk', await register({ itemDescription: '生鲜水果一箱' }), 'checkIn', { ...checkIn, category: 'food', storageLocation: '冷藏柜 1' });
    expect(food.state).toBe('stored');
    expect((await get(food.id)).deadlines.find((d) => d.key === 'pickup')?.dueAt).toBe('2026-12-04T01:00:00.000Z');
    const keys = await attempt('frontdesk', await register({ itemDescription: '钥匙一串' }), 'checkIn', { ...checkIn, category: 'keys' });
    expect(keys.statusCode).toBe(422);
    expect((keys.json() as ErrorBody).message).toContain('物品类别');

    // opened under the old configuration: food is still refused and the clock is still 7 days
    expect((await attempt('frontdesk', openedBefore, 'checkIn', { ...checkIn, category: 'food' })).statusCode).toBe(422);
    const old = await take('frontdesk', openedBefore, 'checkIn', { ...checkIn, category: 'parcel' });
    expect((await get(old.id)).deadlines.find((d) => d.key === 'pickup')?.dueAt).toBe('2026-12-08T01:00:00.000Z');

    // a setting that is not a list of category codes is refused with a pointer
    const bad = await kernel.call(tokens.admin!, 'POST', '/api/config/versions', {
      reason: '错误设置', patch: { plugins: { 'parcel-desk': { config: { refusedCategories: 'food' } } } },
    });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('refusedCategories');
  });
});
