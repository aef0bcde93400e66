/**
 * Promised times (约定完成时间) and progress told to the resident on any case (日清日审,
 * core/cases/promises.ts): a promise is set, postponed once, a second postponement and a promise
 * beyond the horizon are refused with a coded 422 naming promisedAt and nothing written; another
 * company's case is unknown (404), a stale version 409; telling the resident is a recorded step.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoRegistry, startTestKernel, type TestKernel } from '../../core/testing/harness.js';
import type { SeededRegistry } from '../../core/registry/seed-registry.js';
import type { CasePromiseView } from '../../core/http/api-types.js';

let kernel: TestKernel;
let reg: SeededRegistry;
const t: Record<string, string> = {};
const HOUR = 3600_000;
const DAY = 24 * HOUR;

beforeAll(async () => {
  kernel = await startTestKernel({ plugins: ['service-desk', 'complaints'], startAt: '2026-12-01T09:00:00+08:00' });
  reg = await kernel.seed();
  const other = demoRegistry();
  other.company = { code: 'OTHER', name: '另一家物业' };
  other.staff = other.staff!.map((s) => ({ ...s, username: `o-${s.username}` }));
  await kernel.seed(other);
  for (const u of ['frontdesk', 'supervisor', 'o-frontdesk', 'cashier']) t[u] = await kernel.login(u);
});
afterAll(async () => kernel?.close());

async function register(content = '楼道灯坏了') {
  const res = await kernel.call(t.frontdesk!, 'POST', '/api/cases/complaint', { projectId: reg.projects.get('CH')!.id, data: { channel: 'letter', complainantName: '张伟', content } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number; version: number; serial: string; createdAt: string };
}

const promise = (token: string, id: number, body: Record<string, unknown>) => kernel.call(token, 'POST', `/api/cases/complaint/${id}/promise`, body);
const state = async (id: number) => {
  const res = await kernel.call(t.supervisor!, 'GET', `/api/cases/complaint/${id}/promise`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as CasePromiseView;
};
const events = async (id: number) => ((await kernel.call(t.supervisor!, 'GET', `/api/cases/complaint/${id}/events`)).json() as { items: { type: string; data: Record<string, unknown> }[] }).items;
const at = (ms: number) => new Date(kernel.clock.now().getTime() + ms).toISOString();

describe('promised times', () => {
  it('sets a promise, accepts one postponement, refuses the second naming promisedAt, and writes nothing on refusal', async () => {
    const c = await register();
    const first = await promise(t.frontdesk!, c.id, { promisedAt: at(DAY), version: c.version });
    expect(first.statusCode, first.body).toBe(200);
    const s1 = first.json() as CasePromiseView;
    expect(s1).toMatchObject({ promisedAt: at(DAY), postponements: 0, version: c.version + 1, mayPostpone: true, rules: { maxDays: 7, maxPostponements: 1 } });

    const second = await promise(t.frontdesk!, c.id, { promisedAt: at(2 * DAY), reason: '配件未到', version: s1.version });
    expect(second.statusCode, second.body).toBe(200);
    const s2 = second.json() as CasePromiseView;
    expect(s2).toMatchObject({ promisedAt: at(2 * DAY), postponements: 1, mayPostpone: false });
    expect(s2.steps.map((s) => s.type)).toEqual(['promised', 'postponed']);
    expect(s2.steps[1]).toMatchObject({ reason: '配件未到', previousPromisedAt: at(DAY), actorName: '前台 林小红' });

    // the manuals: "不得出现同一件事情有两次推迟处理的情况" (seed 000, 首问责任制)
    const third = await promise(t.frontdesk!, c.id, { promisedAt: at(3 * DAY), reason: '再等等', version: s2.version });
    expect(third.statusCode, third.body).toBe(422);
    expect(third.json().issues).toEqual([expect.objectContaining({ pointer: '/promisedAt', code: 'promise-postponed-too-often', params: { limit: 1 } })]);
    const after = await state(c.id);
    expect(after).toMatchObject({ promisedAt: at(2 * DAY), postponements: 1, version: s2.version });
    expect((await events(c.id)).filter((e) => e.type === 'postponed')).toHaveLength(1);
  });

  it('refuses a promise beyond the horizon — at most a week after registration — and one in the past', async () => {
    // the manuals: "承诺的时间最好控制在一两天，一般不超过一周" (seed 000, 首问责任制) → promises.maxDays 7
    const c = await register('门禁卡失灵');
    kernel.clock.advance(2 * DAY);
    // counted from registration, not from now: 2 days have passed, so 6 days from now is 8 after registration
    const far = await promise(t.frontdesk!, c.id, { promisedAt: at(6 * DAY), version: c.version });
    expect(far.statusCode, far.body).toBe(422);
    expect(far.json().issues[0]).toMatchObject({ pointer: '/promisedAt', code: 'promise-beyond-horizon', params: { limit: 7 } });
    const past = await promise(t.frontdesk!, c.id, { promisedAt: at(-HOUR), version: c.version });
    expect(past.statusCode).toBe(422);
    expect(past.json().issues[0]).toMatchObject({ pointer: '/promisedAt', code: 'promise-in-past' });
    expect(await state(c.id)).toMatchObject({ promisedAt: null, postponements: 0, version: c.version, steps: [] });
    const inside = await promise(t.frontdesk!, c.id, { promisedAt: at(5 * DAY - HOUR), version: c.version });
    expect(inside.statusCode, inside.body).toBe(200);
  });

  it('follows the company configuration, per case type', async () => {
    const res = await kernel.call(await kernel.login('admin'), 'POST', '/api/config/versions', {
      reason: '投诉约定时间最长3天，不得改约', patch: { promises: { maxDays: 10, byCaseType: { complaint: { maxDays: 3, maxPostponements: 0 } } } },
    });
    expect(res.statusCode, res.body).toBe(201);
    const activated = await kernel.call(await kernel.login('admin'), 'POST', `/api/config/versions/${res.json().number}/activate`, {});
    expect(activated.statusCode, activated.body).toBe(200);
    const c = await register('电梯异响');
    expect((await promise(t.frontdesk!, c.id, { promisedAt: at(4 * DAY), version: c.version })).json().issues[0]).toMatchObject({ code: 'promise-beyond-horizon', params: { limit: 3 } });
    const ok = await promise(t.frontdesk!, c.id, { promisedAt: at(2 * DAY), version: c.version });
    expect(ok.statusCode, ok.body).toBe(200);
    const again = await promise(t.frontdesk!, c.id, { promisedAt: at(2 * DAY + HOUR), version: ok.json().version });
    expect(again.json().issues[0]).toMatchObject({ pointer: '/promisedAt', code: 'promise-no-postponement', params: { limit: 0 } });
  });

  it('answers 404 for another company, 409 for a stale version, 403 for a role outside the procedure, 400 for bad input', async () => {
    const c = await register('垃圾未清');
    expect((await promise(t['o-frontdesk']!, c.id, { promisedAt: at(DAY), version: c.version })).statusCode).toBe(404);
    expect((await kernel.call(t['o-frontdesk']!, 'POST', `/api/cases/complaint/${c.id}/progress-told`, { channel: 'phone', note: '已告知' })).statusCode).toBe(404);
    expect((await kernel.call(t['o-frontdesk']!, 'GET', `/api/cases/complaint/${c.id}/promise`)).statusCode).toBe(404);
    const stale = await promise(t.frontdesk!, c.id, { promisedAt: at(DAY), version: c.version + 5 });
    expect(stale.statusCode).toBe(409);
    expect((await promise(t.cashier!, c.id, { promisedAt: at(DAY), version: c.version })).statusCode).toBe(403);
    const bad = await promise(t.frontdesk!, c.id, { promisedAt: '明天', version: c.version });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues[0].pointer).toBe('/promisedAt');
    expect(await state(c.id)).toMatchObject({ promisedAt: null, version: c.version });
  });

  it('records progress told to the resident, with channel and note, as a step and as lastToldAt', async () => {
    const c = await register('水压低');
    const told = await kernel.call(t.frontdesk!, 'POST', `/api/cases/complaint/${c.id}/progress-told`, { channel: 'phone', note: '已电话告知业主维修师傅下午到场' });
    expect(told.statusCode, told.body).toBe(201);
    expect(told.json()).toMatchObject({ lastToldAt: kernel.clock.now().toISOString(), steps: [{ type: 'progressTold', channel: 'phone', note: '已电话告知业主维修师傅下午到场', actorName: '前台 林小红' }] });
    expect((await events(c.id)).map((e) => e.type)).toContain('progressTold');
    const bad = await kernel.call(t.frontdesk!, 'POST', `/api/cases/complaint/${c.id}/progress-told`, { channel: 'pigeon', note: 'x' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues[0].pointer).toBe('/channel');
  });

  it('refuses a promise on a closed case', async () => {
    const c = await register('重复登记');
    const cancelled = await kernel.call(t.supervisor!, 'POST', `/api/cases/complaint/${c.id}/transitions/cancel`, { version: c.version, data: { cancelReason: 'duplicate', cancelNote: '重复' } });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    const res = await promise(t.supervisor!, c.id, { promisedAt: at(DAY), version: cancelled.json().version });
    expect(res.statusCode).toBe(422);
    expect(res.json().issues[0]).toMatchObject({ pointer: '/promisedAt', code: 'promise-case-closed' });
  });
});
