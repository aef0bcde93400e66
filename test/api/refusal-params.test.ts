/**
 * Refusals carry a code and the parameters a client needs to word them in its reader's language
 * ({ limit } of a bound, { allowed } of an enum, { field } of a missing or unknown field, { state } of
 * a transition refused in the case's state), next to the English message kept for API users.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKernel, type TestKernel } from '../../core/testing/harness.js';

interface Issue { pointer: string; code: string; message: string; params?: Record<string, unknown> }

let kernel: TestKernel;
let token: string;
let supervisor: string;
let ch: number; let unit: number; let person: number;

const complaint = (data: Record<string, unknown> = {}) => ({
  projectId: ch, unitId: unit, personId: person,
  data: { channel: 'phone', complainantName: '张伟', contactPhone: '13800000001', content: '楼道灯坏了', ...data },
});

async function issuesOf(body: unknown, url = '/api/cases/complaint', as = token): Promise<Issue[]> {
  const res = await kernel.call(as, 'POST', url, body);
  expect(res.statusCode, res.body).toBeGreaterThanOrEqual(400);
  return (res.json() as { issues: Issue[] }).issues;
}

beforeAll(async () => {
  kernel = await startTestKernel({ plugins: ['service-desk', 'complaints'], startAt: '2026-09-30T10:00:00+08:00' });
  const demo = await kernel.seed();
  ch = demo.projects.get('CH')!.id;
  unit = demo.units.get('CH/1/101')!.id;
  person = demo.people.get('张伟')!.id;
  token = await kernel.login('frontdesk');
  supervisor = await kernel.login('supervisor');
});

afterAll(async () => {
  await kernel?.close();
});

describe('refusal parameters', () => {
  it('maxLength carries its limit, with the English message kept', async () => {
    const issues = await issuesOf(complaint({ content: '灯'.repeat(2001) }));
    expect(issues).toContainEqual({ pointer: '/data/content', code: 'maxLength', message: 'must NOT have more than 2000 characters', params: { limit: 2000 } });
  });

  it('enum carries the allowed values', async () => {
    const issues = await issuesOf(complaint({ channel: 'pigeon' }));
    const issue = issues.find((i) => i.pointer === '/data/channel');
    expect(issue?.code).toBe('enum');
    expect(issue?.params?.allowed).toEqual(expect.arrayContaining(['phone', 'other']));
  });

  it('required and an unknown field name the field', async () => {
    const body = complaint();
    delete (body.data as Record<string, unknown>).content;
    expect(await issuesOf(body)).toContainEqual(expect.objectContaining({ pointer: '/data/content', code: 'required', params: { field: 'content' } }));
    expect(await issuesOf({ ...complaint(), hacker: true })).toContainEqual(expect.objectContaining({ pointer: '/hacker', code: 'additionalProperties', params: { field: 'hacker' } }));
  });

  it('a transition refused in the case state names the state', async () => {
    const res = await kernel.call(token, 'POST', '/api/cases/complaint', complaint());
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json() as { id: number; version: number };
    const issues = await issuesOf({ version: created.version, data: {} }, `/api/cases/complaint/${created.id}/transitions/resume`, supervisor);
    expect(issues).toContainEqual(expect.objectContaining({ code: 'invalid-state', params: expect.objectContaining({ state: expect.any(String), transition: 'resume' }) }));
  });
});
