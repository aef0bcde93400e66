/**
 * 物品放行 over HTTP through the kernel harness (SQLite, or PostgreSQL with WUYE_TEST_DB=postgres):
 * an owner's pass is approved at the desk and released by security at the gate; a tenant's pass
 * needs the owner's authorisation (guard); a unit with overdue bills is refused through billing's
 * `billing.requireNoArrears` with the amount named, and goes through once the cashier has been
 * paid; the printed 《物品放行单》 carries the pass number; bad input, wrong roles.
 *
 * Arrears are made the way billing's own tests make them: finance runs the billing for 2026-11 on
 * 15 Oct (due 31 Oct), then the clock moves past the due date.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKernel, type TestKernel } from '../../core/testing/harness.js';

const example = (name: string) => JSON.parse(readFileSync(new URL(`./examples/${name}`, import.meta.url), 'utf8')) as { data: Record<string, unknown> };
const application = example('create-goods-pass.json').data;
const byPhone = example('approve-tenant-by-phone.json').data;
const release = example('release.json').data;
const ownerInPerson = { identityChecked: true, authorisation: 'ownerInPerson' };

interface CaseBody { id: number; version: number; serial: string; state: string; assigneeRole: string | null; data: Record<string, unknown> }
interface ErrorBody { statusCode: number; code: string; message: string; issues: { pointer: string; code: string; message: string }[] }

let kernel: TestKernel;
let registry: Awaited<ReturnType<TestKernel['seed']>>;
const tokens: Record<string, string> = {};
let projectId: number;

beforeAll(async () => {
  kernel = await startTestKernel({ plugins: ['service-desk', 'billing', 'parcel-desk'], startAt: '2026-10-15T02:00:00Z' });
  registry = await kernel.seed();
  projectId = registry.projects.get('CH')!.id;
  for (const user of ['frontdesk', 'frontdesk-jr', 'concierge', 'supervisor', 'security', 'finance', 'cashier']) tokens[user] = await kernel.login(user);
});
afterAll(async () => kernel?.close());

const unit = (key: string) => registry.units.get(key)!.id;
const applyRaw = (data: Record<string, unknown>, unitKey = 'CH/1/101', user = 'frontdesk') =>
  kernel.call(tokens[user]!, 'POST', '/api/cases/goodsPass', { projectId, unitId: unit(unitKey), data });
async function apply(data: Record<string, unknown> = {}, unitKey = 'CH/1/101'): Promise<CaseBody> {
  const res = await applyRaw({ ...application, ...data }, unitKey);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as CaseBody;
}
const attempt = (user: string, c: CaseBody, transition: string, data?: Record<string, unknown>) =>
  kernel.call(tokens[user]!, 'POST', `/api/cases/goodsPass/${c.id}/transitions/${transition}`, data === undefined ? { version: c.version } : { version: c.version, data });
async function take(user: string, c: CaseBody, transition: string, data?: Record<string, unknown>): Promise<CaseBody> {
  const res = await attempt(user, c, transition, data);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as CaseBody;
}
const get = async (id: number) => (await kernel.call(tokens.frontdesk!, 'GET', `/api/cases/goodsPass/${id}`)).json() as CaseBody;
const pointers = (res: { json(): unknown }) => (res.json() as ErrorBody).issues.map((i) => i.pointer);

describe('goods release pass: authorisation', () => {
  it('an owner’s pass is approved at the desk and released by security; the printed pass carries its number', async () => {
    let c = await apply();
    expect(c.serial).toMatch(/^FX-2026-\d{6}$/);
    expect(c).toMatchObject({ state: 'applied', assigneeRole: 'frontDesk' });
    c = await take('frontdesk', c, 'approve', ownerInPerson);
    expect(c).toMatchObject({ state: 'approved', assigneeRole: 'security' });
    const queue = await kernel.call(tokens.security!, 'GET', '/api/queue?scope=team');
    expect(queue.body).toContain(c.serial);
    c = await take('security', c, 'release', release);
    expect(c).toMatchObject({ state: 'released', data: { goodsVerified: true, gate: '北门' } });

    const pass = await kernel.call(tokens.security!, 'GET', `/api/cases/goodsPass/${c.id}/documents/pass`);
    expect(pass.statusCode).toBe(200);
    for (const text of ['物品放行单', `放行单号：${c.serial}`, '双人床', '1.8m 已拆装', '纸箱（衣物、书籍）', '12', '粤B12345', '业主本人申请', '迁出/退租搬家', '北门', '1栋', '101']) {
      expect(pass.body).toContain(text);
    }
  });

  it('a tenant without the owner’s authorisation is refused; with the owner’s phone confirmation the pass goes through', async () => {
    const c = await apply({ applicantName: '赵敏', applicantPhone: '13700000009', relation: 'tenant' });
    for (const authorisation of ['none', 'ownerInPerson']) {
      const refused = await attempt('frontdesk', c, 'approve', { identityChecked: true, authorisation });
      expect(refused.statusCode, refused.body).toBe(422);
      expect((refused.json() as ErrorBody).message).toContain('业主授权');
      expect((refused.json() as ErrorBody).issues).toEqual([expect.objectContaining({ code: 'guard' })]);
    }
    expect(await get(c.id)).toMatchObject({ state: 'applied', version: c.version });

    // a phone confirmation must say with whom and when
    const incomplete = await attempt('frontdesk', c, 'approve', { ...byPhone, confirmedAt: undefined });
    expect(incomplete.statusCode).toBe(400);
    expect(pointers(incomplete)).toEqual(['/data/confirmedAt']);

    const approved = await take('frontdesk', c, 'approve', byPhone);
    expect(approved).toMatchObject({ state: 'approved', data: { authorisation: 'phoneConfirmation', ownerName: '张伟', relation: 'tenant' } });
    const released = await take('security', approved, 'release', release);
    expect(released.state).toBe('released');
    const pass = (await kernel.call(tokens.frontdesk!, 'GET', `/api/cases/goodsPass/${c.id}/documents/pass`)).body;
    expect(pass).toContain('电话向业主确认');
    expect(pass).toContain('租户/使用人');
  });

  it('an agent with the owner’s signed letter (an uploaded attachment) goes through', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');
    const boundary = '----parcel' + Date.now();
    const upload = await kernel.app.inject({
      method: 'POST', url: '/api/attachments',
      headers: { authorization: `Bearer ${tokens.frontdesk!}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="授权书.png"\r\nContent-Type: image/png\r\n\r\n`), png, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    });
    expect(upload.statusCode, upload.body).toBe(201);
    const letter = (upload.json() as { id: string }).id;
    const c = await apply({ applicantName: '刘强', relation: 'agent' });
    const withoutLetter = await attempt('frontdesk', c, 'approve', { identityChecked: true, authorisation: 'signedLetter', ownerName: '张伟' });
    expect(withoutLetter.statusCode).toBe(400);
    expect(pointers(withoutLetter)).toEqual(['/data/authorisationLetter']);
    const approved = await take('frontdesk', c, 'approve', { identityChecked: true, authorisation: 'signedLetter', ownerName: '张伟', authorisationLetter: letter });
    expect(approved).toMatchObject({ state: 'approved', data: { authorisationLetter: letter } });
  });

  it('refuses bad input naming the field, wrong roles (403) and other projects’ staff (404)', async () => {
    const noGoods = await applyRaw({ ...application, goods: [] });
    expect(noGoods.statusCode).toBe(400);
    expect(pointers(noGoods)).toContain('/data/goods');
    const noQuantity = await applyRaw({ ...application, goods: [{ name: '沙发' }] });
    expect(noQuantity.statusCode).toBe(400);
    expect(pointers(noQuantity).some((p) => p.startsWith('/data/goods/0'))).toBe(true);
    const badRelation = await applyRaw({ ...application, relation: 'friend' });
    expect(badRelation.statusCode).toBe(400);
    expect(pointers(badRelation)).toContain('/data/relation');
    const noTime = await applyRaw({ ...application, plannedAt: '明天上午' });
    expect(noTime.statusCode).toBe(400);
    expect(pointers(noTime)).toContain('/data/plannedAt');

    expect((await applyRaw(application, 'CH/1/101', 'security')).statusCode).toBe(403);
    const c = await apply();
    expect((await attempt('security', c, 'approve', ownerInPerson)).statusCode).toBe(403);
    expect((await attempt('concierge', c, 'approve', ownerInPerson)).statusCode).toBe(403);
    const approved = await take('supervisor', c, 'approve', ownerInPerson);
    expect((await attempt('frontdesk', approved, 'release', release)).statusCode).toBe(403);
    expect((await attempt('security', approved, 'release', { ...release, goodsVerified: false })).statusCode).toBe(400);
    expect((await kernel.call(tokens['frontdesk-jr']!, 'GET', `/api/cases/goodsPass/${c.id}`)).statusCode).toBe(404);
    // security may refuse at the gate instead
    const refused = await take('security', approved, 'refuseAtGate', { rejectionReason: 'goodsMismatch', rejectionNote: '车上有清单外的空调外机两台，已请其回客服中心补办' });
    expect(refused.state).toBe('rejected');
  });
});

describe('goods release pass: arrears (billing.requireNoArrears)', () => {
  it('a unit with an overdue bill is refused naming the amount; after the cashier is paid the pass goes through', async () => {
    // finance bills 2026-11 on 15 Oct; the bills are due on 31 Oct (the day before the reminder)
    kernel.clock.set('2026-10-15T02:00:00Z');
    const run = await kernel.call(tokens.finance!, 'POST', '/api/billing/runs', { periodKey: '2026-11', projectId });
    expect(run.statusCode, run.body).toBe(200);

    // not yet due: no arrears
    kernel.clock.set('2026-10-25T02:00:00Z');
    const early = await take('frontdesk', await apply({}, 'CH/1/101'), 'approve', ownerInPerson);
    expect(early.state).toBe('approved');

    kernel.clock.set('2026-11-16T02:00:00Z');
    const c = await apply({ applicantName: '李娜' }, 'CH/1/102');
    const refused = await attempt('frontdesk', c, 'approve', ownerInPerson);
    expect(refused.statusCode, refused.body).toBe(422);
    const body = refused.json() as ErrorBody;
    // 120.00 m² × 2.50 = 300.00 for 2026-11, and the late fee a payment today would assess: 3‰ × 300.00 × 15 days = 13.50
    expect(body.message).toContain('欠费 ¥313.50');
    expect(body.message).toContain('2026-11 ¥313.50');
    expect(body.issues).toEqual([expect.objectContaining({ pointer: '/unitId', code: 'arrears' })]);
    expect(await get(c.id)).toMatchObject({ state: 'applied', version: c.version });

    // the pass approved before the due date is re-checked at the gate: 89.50 m² × 2.50 = 223.75 + 3‰ × 15 days (10.07)
    const atGate = await attempt('security', early, 'release', release);
    expect(atGate.statusCode).toBe(422);
    expect((atGate.json() as ErrorBody).message).toContain('¥233.82');

    // paying a part is not enough; paying the amount named clears it in one go
    const part = await kernel.call(tokens.cashier!, 'POST', '/api/billing/payments', { unitId: unit('CH/1/102'), amount: '300.00', method: 'cash' });
    expect(part.statusCode, part.body).toBe(201);
    const stillOwing = await attempt('frontdesk', c, 'approve', ownerInPerson);
    expect(stillOwing.statusCode).toBe(422);
    expect((stillOwing.json() as ErrorBody).message).toContain('¥13.50');
    const rest = await kernel.call(tokens.cashier!, 'POST', '/api/billing/payments', { unitId: unit('CH/1/102'), amount: '13.50', method: 'cash' });
    expect(rest.statusCode, rest.body).toBe(201);

    const approved = await take('frontdesk', c, 'approve', ownerInPerson);
    expect(approved.state).toBe('approved');
    const released = await take('security', approved, 'release', release);
    expect(released.state).toBe('released');
  });
});
