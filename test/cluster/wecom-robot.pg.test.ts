/**
 * A project's WeCom group robot with two kernels on one PostgreSQL database (two instances behind
 * a load balancer): the overdue job's escalation of a complaint is queued once per (robot, event)
 * and posted once, though both instances run all their jobs at the same moment and again later.
 * PostgreSQL only, like the other cluster tests (see dunning-messages.pg.test.ts). Keys are TEST DATA.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKernel, type Kernel } from '../../core/kernel.js';
import { startTestKernel, type TestKernel } from '../../core/testing/harness.js';
import { startWecomRobotFake } from '../fakes/wecom-robot-fake.js';
import type { FakeServer } from '../fakes/fake-server.js';

process.env.WUYE_SECRETS_KEY = Buffer.alloc(32, 9).toString('base64'); // TEST DATA
const KEY = 'cluster-test-robot-key-5d1e'; // TEST DATA

let a: TestKernel;
let b: Kernel;
let robot: FakeServer;

beforeAll(async () => {
  a = await startTestKernel({ plugins: ['service-desk', 'complaints'], startAt: '2026-11-02T09:00:00+08:00' });
  const reg = await a.seed();
  const config = a.orm.config;
  b = await startKernel({ database: { url: config.get('clientUrl') as string }, plugins: ['service-desk', 'complaints'], now: a.clock.now });
  robot = await startWecomRobotFake(KEY);
  const put = await a.call(await a.login('admin'), 'PUT', `/api/projects/${reg.projects.get('CH')!.id}/wecom-robot`, { key: KEY, endpoint: robot.url });
  expect(put.statusCode, put.body).toBe(200);
  const res = await a.call(await a.login('frontdesk'), 'POST', '/api/cases/complaint', { projectId: reg.projects.get('CH')!.id, data: { channel: 'letter', complainantName: '王芳', content: '电梯异响' } });
  expect(res.statusCode, res.body).toBe(201);
}, 240_000);
afterAll(async () => {
  await b?.close();
  await a?.close();
  await robot?.close();
});

describe('a WeCom robot with two instances', () => {
  it('posts the escalation once', async () => {
    await a.runJobs();
    a.clock.advance(40 * 60_000);
    const at = a.clock.now();
    for (let i = 0; i < 3; i++) await Promise.all([a.runJobs(at), b.runJobs(at), a.runJobs(at), b.runJobs(at)]);
    await Promise.all([a.runJobs(new Date(at.getTime() + 3_600_000)), b.runJobs(new Date(at.getTime() + 3_600_000))]);
    expect(robot.refused).toEqual([]);
    expect(robot.accepted).toHaveLength(1);
    expect(JSON.stringify(robot.accepted[0])).toContain('【升级】翠湖花园');
  });
});
