/**
 * A project's WeCom (企业微信) group robot, against a local fake of its webhook that checks the
 * documented request (test/fakes/wecom-robot-fake.ts): the company admin sets it per project (the
 * key sealed, never shown, logged or exported; bad input a 400 naming the field; another company's
 * project 404); the overdue job's escalation of a complaint is posted to that project's group once,
 * however often and on however many instances the jobs run, and not to another project's; a
 * refusal is retried with backoff and then marked failed.
 */
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { demoRegistry, startTestKernel, type TestKernel } from '../../core/testing/harness.js';
import type { SeededRegistry } from '../../core/registry/seed-registry.js';
import { WecomRobot, WecomRobotPost } from '../../core/db/entities/index.js';
import { startWecomRobotFake } from '../fakes/wecom-robot-fake.js';
import type { FakeServer } from '../fakes/fake-server.js';

// test data: the secrets key and a robot key of the fake's
process.env.WUYE_SECRETS_KEY = Buffer.alloc(32, 9).toString('base64');
const KEY = '693a91f6-test-4bc4-97a0-robotkey7e21';

/** a log call's argument as the logger writes it: fastify's serializers keep a request's method and url, a reply's status */
function asWritten(arg: unknown): unknown {
  if (!arg || typeof arg !== 'object') return arg;
  const o = arg as Record<string, unknown> & { req?: { method?: string; url?: string }; res?: { statusCode?: number } };
  return { ...o, ...(o.req ? { req: { method: o.req.method, url: o.req.url } } : {}), ...(o.res ? { res: { statusCode: o.res.statusCode } } : {}) };
}

let kernel: TestKernel;
let reg: SeededRegistry;
let robot: FakeServer;
let otherCH: number;
const t: Record<string, string> = {};
const logged: unknown[] = [];

beforeAll(async () => {
  kernel = await startTestKernel({ plugins: ['service-desk', 'complaints'], startAt: '2026-11-02T09:00:00+08:00' });
  reg = await kernel.seed();
  const other = demoRegistry();
  other.company = { code: 'OTHER', name: '另一家物业' };
  other.staff = other.staff!.map((s) => ({ ...s, username: `o-${s.username}` }));
  otherCH = (await kernel.seed(other)).projects.get('CH')!.id;
  for (const u of ['frontdesk', 'frontdesk-jr', 'supervisor', 'admin', 'o-admin']) t[u] = await kernel.login(u);
  robot = await startWecomRobotFake(KEY);
  for (const level of ['info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(kernel.app.log, level).mockImplementation(((...args: unknown[]) => { logged.push(args.map(asWritten)); }) as never);
  }
}, 240_000);
afterAll(async () => {
  await kernel?.close();
  await robot?.close();
});

const CH = () => reg.projects.get('CH')!.id;
const setRobot = (body: Record<string, unknown>, project = CH(), as = 'admin') => kernel.call(t[as]!, 'PUT', `/api/projects/${project}/wecom-robot`, body);

async function complaint(content: string, as = 'frontdesk', project = 'CH') {
  const res = await kernel.call(t[as]!, 'POST', '/api/cases/complaint', { projectId: reg.projects.get(project)!.id, data: { channel: 'letter', complainantName: '王芳', content } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number; serial: string };
}

describe('setting a project\'s robot', () => {
  it('the company admin sets it; the key is stored sealed and only ever shown as set', async () => {
    const put = await setRobot({ key: KEY, endpoint: robot.url });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ projectId: CH(), projectName: '翠湖花园', key: 'set', endpoint: robot.url });
    const got = await kernel.call(t.admin!, 'GET', '/api/wecom-robots');
    expect(got.json().items).toEqual([expect.objectContaining({ projectId: CH(), key: 'set' })]);
    // saving again without the key keeps it; a new address needs it entered again
    expect((await setRobot({ endpoint: robot.url })).statusCode).toBe(200);
    const moved = await setRobot({ endpoint: 'http://127.0.0.1:1/' });
    expect(moved.statusCode).toBe(400);
    expect(moved.json().issues).toEqual([expect.objectContaining({ pointer: '/key', code: 'required' })]);
    const rows = await kernel.orm.em.fork().find(WecomRobot, {});
    expect(rows).toHaveLength(1);
    expect(rows[0]!.endpoint).toBe(robot.url);
    const exported = await kernel.call(t.admin!, 'GET', '/api/config/export');
    expect(exported.statusCode).toBe(200);
    for (const text of [put.body, got.body, exported.body, JSON.stringify(rows), inspect(logged, { depth: 8, maxStringLength: null, maxArrayLength: null })]) expect(text).not.toContain(KEY);
  });

  it('refuses bad input naming the field, strangers and another company\'s project, and writes nothing', async () => {
    for (const [body, pointer] of [[{ key: 'a b' }, 'key'], [{ key: KEY, endpoint: 'ftp://x' }, 'endpoint'], [{ key: KEY, colour: 'red' }, 'colour']] as const) {
      const res = await setRobot(body, reg.projects.get('JR')!.id);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(JSON.stringify(res.json())).toContain(pointer);
    }
    expect((await setRobot({ key: KEY }, CH(), 'frontdesk')).statusCode).toBe(403);
    expect((await setRobot({ key: KEY }, otherCH)).statusCode).toBe(404);
    expect((await kernel.call(t.admin!, 'DELETE', `/api/projects/${otherCH}/wecom-robot`)).statusCode).toBe(404);
    expect((await kernel.call(t['o-admin']!, 'GET', '/api/wecom-robots')).json().items).toEqual([]);
    expect((await kernel.call(null, 'GET', '/api/wecom-robots')).statusCode).toBe(401);
    expect(await kernel.orm.em.fork().count(WecomRobot, {})).toBe(1);
  });
});

describe('posting overdue and escalated items', () => {
  it('an escalation is posted to the project\'s group once, whatever runs the jobs; another project\'s group hears nothing', async () => {
    const c = await complaint('电梯异响');
    await complaint('写字楼空调不制冷', 'frontdesk-jr', 'JR');
    await kernel.runJobs();
    kernel.clock.advance(40 * 60_000);
    await kernel.runJobs();
    // two instances at once and a rerun
    await Promise.all([kernel.runJobs(), kernel.runJobs()]);
    await kernel.runJobs();
    expect(robot.refused).toEqual([]);
    const mine = robot.accepted.filter((b) => JSON.stringify(b).includes(c.serial));
    expect(mine).toEqual([{ msgtype: 'text', text: { content: `【升级】翠湖花园 客户投诉 ${c.serial} 电梯异响：分类并转交责任部门已超过时限，由客服主管升级至客服经理。` } }]);
    // JR has no robot: its escalation is posted nowhere
    expect(robot.accepted.filter((b) => JSON.stringify(b).includes('写字楼'))).toEqual([]);
    expect(await kernel.orm.em.fork().count(WecomRobotPost, { caseId: c.id })).toBe(1);
  });

  it('a refusal is retried after 1, 2, 4 minutes, then marked failed with the robot\'s error', async () => {
    const c = await complaint('门禁失灵');
    await kernel.runJobs();
    robot.failNext(10, '45009');
    kernel.clock.advance(40 * 60_000);
    await kernel.runJobs();
    await kernel.runJobs();
    const post = async () => kernel.orm.em.fork().findOneOrFail(WecomRobotPost, { caseId: c.id });
    expect(await post()).toMatchObject({ status: 'queued', attempts: 1, error: 'errcode 45009: api freq out of limit' });
    for (const minutes of [1, 2, 4]) {
      kernel.clock.advance(minutes * 60_000);
      await kernel.runJobs();
    }
    expect(await post()).toMatchObject({ status: 'failed', attempts: 4 });
    // the tab shows the failure (what was not heard, the robot's refusal, never the key) until the robot is saved again
    const robots = async () => kernel.call(t.admin!, 'GET', '/api/wecom-robots');
    const listed = await robots();
    expect(listed.body).not.toContain(KEY);
    const mine = (listed.json() as { items: { projectId: number; lastFailure: { text: string; error: string } | null }[] }).items.find((r) => r.projectId === CH())!;
    expect(mine.lastFailure).toMatchObject({ error: 'errcode 45009: api freq out of limit' });
    expect(mine.lastFailure!.text).toContain(c.serial);
    kernel.clock.advance(60_000);
    expect((await setRobot({ endpoint: robot.url })).statusCode).toBe(200);
    expect(((await robots()).json() as { items: { projectId: number; lastFailure: unknown }[] }).items.find((r) => r.projectId === CH())!.lastFailure).toBeNull();
    robot.failNext(0);
    kernel.clock.advance(30 * 60_000);
    await kernel.runJobs();
    expect(robot.accepted.filter((b) => JSON.stringify(b).includes(c.serial))).toEqual([]);
    expect(inspect(logged, { depth: 8, maxStringLength: null, maxArrayLength: null })).not.toContain(KEY);
  });

  it('removing the robot leaves nothing of its key', async () => {
    expect((await kernel.call(t.admin!, 'DELETE', `/api/projects/${CH()}/wecom-robot`)).statusCode).toBe(204);
    expect((await kernel.call(t.admin!, 'GET', '/api/wecom-robots')).json().items).toEqual([]);
    expect(await kernel.orm.em.fork().count(WecomRobot, {})).toBe(0);
  });
});
