/**
 * The configuration editor's drafts on the server: an admin saves a draft and finds it again
 * from another session (another browser), saves carry the draft's version (a stale one is 409,
 * nothing written), bad input is a 400 naming the field, a draft is bounded in size, only roles
 * with config.edit may touch drafts, and another company's drafts are invisible (404).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoRegistry, startTestKernel, type TestKernel } from '../../core/testing/harness.js';
import type { SeededRegistry } from '../../core/registry/seed-registry.js';

let kernel: TestKernel;
let demo: SeededRegistry;
let other: SeededRegistry;

const DOC = { plugins: { complaints: { workflows: { complaint: { deadlines: { resolve: { duration: { amount: 2, unit: 'days' } } } } } } } };
const EDITOR = { changed: [{ plugin: 'complaints', section: 'workflows', name: 'complaint' }] };

interface Issue { pointer: string; code: string }

beforeAll(async () => {
  kernel = await startTestKernel({ plugins: ['service-desk', 'complaints'], startAt: '2026-11-02T09:00:00+08:00' });
  demo = await kernel.seed();
  const doc = demoRegistry();
  doc.company = { code: 'BAY', name: '海湾物业服务有限公司' };
  doc.projects = doc.projects.map((p) => ({ ...p, code: `B${p.code}` }));
  doc.staff = doc.staff.map((s) => ({ ...s, username: `bay-${s.username}`, projects: Array.isArray(s.projects) ? s.projects.map((c) => `B${c}`) : s.projects }));
  other = await kernel.seed(doc);
});
afterAll(async () => kernel?.close());

describe('configuration drafts on the server', () => {
  it('a saved draft is found from another session of the same admin, with its document and editor state', async () => {
    const first = await kernel.login('admin');
    expect((await kernel.call(first, 'GET', '/api/config/drafts/mine')).statusCode).toBe(404);
    const saved = await kernel.call(first, 'PUT', '/api/config/drafts/mine', { version: 0, baseVersion: 1, document: DOC, editor: EDITOR });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ version: 1, baseVersion: 1 });

    const second = await kernel.login('admin'); // another browser: another session
    const found = await kernel.call(second, 'GET', '/api/config/drafts/mine');
    expect(found.statusCode).toBe(200);
    expect(found.json()).toMatchObject({ version: 1, baseVersion: 1, document: DOC, editor: EDITOR, staffName: expect.any(String) });

    const list = await kernel.call(second, 'GET', '/api/config/drafts');
    expect(list.json()).toEqual({ items: [expect.objectContaining({ staffId: demo.staff.get('admin')!.id, baseVersion: 1, version: 1 })] });
  });

  it('a save from a stale tab is refused with 409 and changes nothing; the current version saves', async () => {
    const token = await kernel.login('admin');
    const next = { ...DOC, calendar: { holidays: ['2026-11-03'] } };
    const ok = await kernel.call(token, 'PUT', '/api/config/drafts/mine', { version: 1, baseVersion: 1, document: next });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ version: 2 });

    const stale = await kernel.call(token, 'PUT', '/api/config/drafts/mine', { version: 1, baseVersion: 1, document: { calendar: { holidays: ['2026-12-01'] } } });
    expect(stale.statusCode).toBe(409);
    expect((stale.json() as { issues: Issue[] }).issues).toContainEqual(expect.objectContaining({ pointer: '/version', code: 'stale' }));
    // starting a second draft over an existing one is stale too
    expect((await kernel.call(token, 'PUT', '/api/config/drafts/mine', { version: 0, baseVersion: 1, document: {} })).statusCode).toBe(409);

    const stored = (await kernel.call(token, 'GET', '/api/config/drafts/mine')).json() as { version: number; document: unknown };
    expect(stored).toMatchObject({ version: 2, document: next });

    expect((await kernel.call(token, 'DELETE', '/api/config/drafts/mine?version=1')).statusCode).toBe(409);
    expect((await kernel.call(token, 'GET', '/api/config/drafts/mine')).statusCode).toBe(200);
  });

  it('bad input is a 400 naming the field, and nothing is written', async () => {
    const token = await kernel.login('admin');
    const cases: [unknown, string][] = [
      [{ version: 2, baseVersion: 1 }, '/document'],
      [{ version: 2, baseVersion: 1, document: [] }, '/document'],
      [{ version: -1, baseVersion: 1, document: {} }, '/version'],
      [{ version: 2, baseVersion: 0, document: {} }, '/baseVersion'],
      [{ version: 2, baseVersion: '1', document: {} }, '/baseVersion'],
      [{ version: 2, baseVersion: 1, document: {}, editor: 'x' }, '/editor'],
      [{ version: 2, baseVersion: 1, document: {}, extra: true }, '/extra'],
      // a configuration version this company does not have
      [{ version: 2, baseVersion: 99, document: {} }, '/baseVersion'],
    ];
    for (const [body, pointer] of cases) {
      const res = await kernel.call(token, 'PUT', '/api/config/drafts/mine', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect((res.json() as { issues: Issue[] }).issues.map((i) => i.pointer), JSON.stringify(body)).toContain(pointer);
    }
    // too large: refused as such, naming the document
    const big = { blob: 'x'.repeat(600 * 1024) };
    const tooLarge = await kernel.call(token, 'PUT', '/api/config/drafts/mine', { version: 2, baseVersion: 1, document: big });
    expect(tooLarge.statusCode).toBe(413);
    expect((tooLarge.json() as { issues: Issue[] }).issues[0]).toMatchObject({ pointer: '/document', code: 'too-large' });
    expect((await kernel.call(token, 'GET', '/api/config/drafts/mine')).json()).toMatchObject({ version: 2 });
  });

  it("another company's drafts are invisible, and staff without config.edit are refused", async () => {
    const bay = await kernel.login('bay-admin');
    expect((await kernel.call(bay, 'GET', '/api/config/drafts/mine')).statusCode).toBe(404);
    expect((await kernel.call(bay, 'GET', '/api/config/drafts')).json()).toEqual({ items: [] });
    // asking for the demo admin's draft by id from the other company: as if it did not exist
    expect((await kernel.call(bay, 'GET', `/api/config/drafts/${demo.staff.get('admin')!.id}`)).statusCode).toBe(404);
    // its own draft does not touch the demo company's
    const own = await kernel.call(bay, 'PUT', '/api/config/drafts/mine', { version: 0, baseVersion: 1, document: { calendar: { workdays: ['2026-11-07'] } } });
    expect(own.statusCode, own.body).toBe(200);
    const demoAdmin = await kernel.login('admin');
    expect((await kernel.call(demoAdmin, 'GET', '/api/config/drafts')).json()).toEqual({ items: [expect.objectContaining({ staffId: demo.staff.get('admin')!.id })] });
    expect((await kernel.call(demoAdmin, 'GET', `/api/config/drafts/${other.staff.get('bay-admin')!.id}`)).statusCode).toBe(404);

    const desk = await kernel.login('frontdesk');
    for (const [method, url, body] of [['GET', '/api/config/drafts'], ['GET', '/api/config/drafts/mine'], ['PUT', '/api/config/drafts/mine', { version: 0, baseVersion: 1, document: {} }], ['DELETE', '/api/config/drafts/mine']] as const) {
      expect((await kernel.call(desk, method, url, body)).statusCode, `${method} ${url}`).toBe(403);
    }
    expect((await kernel.call(null, 'GET', '/api/config/drafts/mine')).statusCode).toBe(401);
  });

  it('discarding removes the draft; a second discard is 404', async () => {
    const token = await kernel.login('admin');
    expect((await kernel.call(token, 'DELETE', '/api/config/drafts/mine?version=2')).statusCode).toBe(204);
    expect((await kernel.call(token, 'GET', '/api/config/drafts/mine')).statusCode).toBe(404);
    expect((await kernel.call(token, 'DELETE', '/api/config/drafts/mine')).statusCode).toBe(404);
    // the other company's draft is still there
    expect((await kernel.call(await kernel.login('bay-admin'), 'GET', '/api/config/drafts/mine')).statusCode).toBe(200);
  });
});
