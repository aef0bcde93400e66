/**
 * The plugin extension points, through a fixture plugin (test/fixtures/plugin-api/notes) that
 * uses each of them: its own table and migration, a workflow effect writing in the transition's
 * transaction, routes under /api/<pluginId>, a job, a CLI command and a plugin document.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT_DIR } from '../../core/kernel.js';
import { loadPlugins } from '../../core/declarations/load-plugins.js';
import { startTestKernel, type TestKernel } from '../../core/testing/harness.js';
import type { RegistryDocument } from '../../core/registry/seed-registry.js';
import { jobRuns } from '../fixtures/plugin-api/notes/index.js';

const PLUGINS_DIR = path.join(ROOT_DIR, 'test/fixtures/plugin-api');

function registry(code: string): RegistryDocument {
  return {
    company: { code, name: `<b>${code}</b> 物业` },
    projects: [{ code: 'P1', name: '一期', buildings: [{ code: '1', name: '1栋', units: [{ number: '101', area: '80.00', unitType: 'residential', status: 'occupied' }] }] }],
    staff: [
      { username: `${code}-clerk`, name: '办事员', password: 'wuye2026', roles: ['clerk'], projects: '*' },
      { username: `${code}-boss`, name: '主管', password: 'wuye2026', roles: ['boss'], projects: '*' },
    ],
  };
}

describe('plugin extension points', () => {
  let kernel: TestKernel;
  let clerk: string;
  let otherClerk: string;
  let projectId: number;

  beforeAll(async () => {
    kernel = await startTestKernel({ pluginsDir: PLUGINS_DIR, plugins: ['notes'], startAt: '2026-11-20T02:00:00Z' });
    const seeded = await kernel.seed(registry('ext'));
    await kernel.seed(registry('other'));
    projectId = seeded.projects.get('P1')!.id;
    clerk = await kernel.login('ext-clerk');
    otherClerk = await kernel.login('other-clerk');
  });
  afterAll(async () => kernel?.close());

  const createNote = async (data: Record<string, unknown>) => {
    const res = await kernel.call(clerk, 'POST', '/api/cases/note', { projectId, data });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: number; version: number; serial: string };
  };

  it('an effect writes its rows in the transition transaction and may change the case data', async () => {
    const note = await createNote({ subject: '盖章' });
    const res = await kernel.call(clerk, 'POST', `/api/cases/note/${note.id}/transitions/stamp`, { version: note.version });
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as { data: Record<string, unknown> }).data.stampedAt).toBe('2026-11-20T02:00:00.000Z');
    const list = await kernel.call(clerk, 'GET', '/api/notes/stamps');
    expect(list.json()).toEqual({ items: [{ serial: note.serial, text: expect.stringMatching(/^workflow:\d+$/) }], stampText: '已阅' });
  });

  it('a failing effect rolls the whole transition back: no row, case unchanged', async () => {
    const note = await createNote({ subject: '失败', failStamp: true });
    const res = await kernel.call(clerk, 'POST', `/api/cases/note/${note.id}/transitions/stamp`, { version: note.version });
    expect(res.statusCode).toBe(422);
    expect(res.json().issues[0].pointer).toBe('/data/failStamp');
    const after = await kernel.call(clerk, 'GET', `/api/cases/note/${note.id}`);
    expect(after.json()).toMatchObject({ state: 'open', version: note.version });
    expect((await kernel.call(clerk, 'GET', '/api/notes/stamps')).json().items).toHaveLength(1);
  });

  it('plugin routes are mounted under /api/<pluginId>, need a session and see only their company', async () => {
    expect((await kernel.call(null, 'GET', '/api/notes/stamps')).statusCode).toBe(401);
    expect((await kernel.call(otherClerk, 'GET', '/api/notes/stamps')).json().items).toEqual([]);
    const openapi = (await kernel.call(null, 'GET', '/api/openapi.json')).json() as { paths: Record<string, unknown> };
    expect(Object.keys(openapi.paths)).toContain('/api/notes/stamps');
  });

  it('a plugin document renders the effective template, escaped, and permissions come from configured roles', async () => {
    const stamps = await kernel.orm.em.fork().getConnection().execute<{ id: number }[]>('select id from notes_stamp');
    const id = stamps[0]!.id;
    const res = await kernel.call(clerk, 'GET', `/api/notes/stamps/${id}/print`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('<h1>盖章记录</h1>');
    expect(res.body).toContain('&lt;b&gt;ext&lt;/b&gt; 物业');
    expect(res.body).not.toContain('<b>ext</b>');
    const boss = await kernel.login('ext-boss');
    expect((await kernel.call(boss, 'GET', `/api/notes/stamps/${id}/print`)).statusCode).toBe(403);
    expect((await kernel.call(otherClerk, 'GET', `/api/notes/stamps/${id}/print`)).statusCode).toBe(404);
  });

  it('an effect opens another case in the same transaction, rolled back with it', async () => {
    const note = await createNote({ subject: '检查' });
    const res = await kernel.call(clerk, 'POST', `/api/cases/note/${note.id}/transitions/spawn`, { version: note.version });
    expect(res.statusCode, res.body).toBe(200);
    const subject = (res.json() as { data: { subject: string } }).data.subject;
    const spawnedSerial = subject.split(' → ')[1]!;
    const list = (await kernel.call(clerk, 'GET', `/api/cases/note?q=${spawnedSerial}`)).json() as { items: { serial: string; title: string; state: string }[] };
    expect(list.items.find((c) => c.serial === spawnedSerial)).toMatchObject({ title: `跟进 ${note.serial}`, state: 'open' });

    const failing = await createNote({ subject: '失败', failStamp: true });
    const before = (await kernel.call(clerk, 'GET', '/api/cases/note?limit=100')).json().items.length;
    const refused = await kernel.call(clerk, 'POST', `/api/cases/note/${failing.id}/transitions/spawn`, { version: failing.version });
    expect(refused.statusCode).toBe(422);
    expect((await kernel.call(clerk, 'GET', '/api/cases/note?limit=100')).json().items.length).toBe(before);
  });

  it("a field's errorIf rule refuses the value on that field, with its message, and nothing is written", async () => {
    const before = (await kernel.call(clerk, 'GET', '/api/cases/note?limit=100')).json().items.length;
    const res = await kernel.call(clerk, 'POST', '/api/cases/note', { projectId, data: { subject: '寄存危险品一箱' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().issues).toEqual([{ pointer: '/data/subject', code: 'rule-error', message: '不接收危险品 / Dangerous goods are refused' }]);
    expect((await kernel.call(clerk, 'GET', '/api/cases/note?limit=100')).json().items.length).toBe(before);
  });

  it('a guard refusal points at the field it declares (guardField)', async () => {
    const note = await createNote({ subject: '禁止' });
    const res = await kernel.call(clerk, 'POST', `/api/cases/note/${note.id}/transitions/spawn`, { version: note.version });
    expect(res.statusCode).toBe(422);
    expect(res.json().issues).toEqual([expect.objectContaining({ pointer: '/data/subject', code: 'guard', message: expect.stringContaining('不能派生') })]);
  });

  it('a clock pauses in its pauseOn states and its due time moves by the pause', async () => {
    kernel.clock.set('2026-11-21T01:00:00Z');
    const note = await createNote({ subject: '等待业主回复' });
    const handle = async () => ((await kernel.call(clerk, 'GET', `/api/cases/note/${note.id}`)).json().deadlines as { key: string; status: string; dueAt: string }[]).find((d) => d.key === 'handle')!;
    expect(await handle()).toMatchObject({ status: 'running', dueAt: '2026-11-21T03:00:00.000Z' });
    kernel.clock.advance(3_600_000);
    const waiting = await kernel.call(clerk, 'POST', `/api/cases/note/${note.id}/transitions/spawn`, { version: note.version });
    expect(waiting.statusCode, waiting.body).toBe(200);
    expect(await handle()).toMatchObject({ status: 'paused' });
    kernel.clock.advance(5 * 3_600_000); // long past the original due time, but paused
    await kernel.runJobs();
    expect(await handle()).toMatchObject({ status: 'paused' });
    const resumed = await kernel.call(clerk, 'POST', `/api/cases/note/${note.id}/transitions/resume`, { version: waiting.json().version });
    expect(resumed.statusCode, resumed.body).toBe(200);
    expect(await handle()).toMatchObject({ status: 'running', dueAt: '2026-11-21T08:00:00.000Z' }); // 03:00 + 5 h paused
    kernel.clock.set('2026-11-21T08:30:00Z');
    await kernel.runJobs();
    expect(await handle()).toMatchObject({ status: 'overdue' });
  });

  it("an effect sets the case unit's status in the registry", async () => {
    const unit = (await kernel.call(clerk, 'GET', `/api/units?projectId=${projectId}`)).json().items[0] as { id: number; status: string };
    expect(unit.status).toBe('occupied');
    await kernel.runEffect('notes.setStatus', { companyId: (await kernel.call(clerk, 'GET', '/api/auth/me')).json().companyId, projectId, unitId: unit.id, params: { status: 'vacant' } });
    expect((await kernel.call(clerk, 'GET', `/api/units/${unit.id}`)).json()).toMatchObject({ status: 'vacant' });
  });

  it('a job takes a system transition no staff member may take', async () => {
    const note = await createNote({ subject: '会过期' });
    const byHand = await kernel.call(clerk, 'POST', `/api/cases/note/${note.id}/transitions/expire`, { version: note.version });
    expect(byHand.statusCode).toBe(403);
    kernel.clock.advance(2 * 86_400_000);
    await kernel.runJobs();
    expect((await kernel.call(clerk, 'GET', `/api/cases/note/${note.id}`)).json()).toMatchObject({ state: 'expired', closedAt: expect.any(String) });
  });

  it('jobs run with the plugin services; commands are registered by name', async () => {
    await kernel.runJobs(new Date('2026-11-23T03:00:00Z'));
    expect(jobRuns.at(-1)).toEqual({ at: new Date('2026-11-23T03:00:00Z'), stamps: 1 });
    const command = kernel.plugins.extensions.commands.get('notes:count');
    expect(command?.summary).toBe('prints the number of stamps');
  });
});

describe('plugin tables are checked at load', () => {
  it('refuses a table whose name does not start with the plugin id', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'wuye-ext-'));
    try {
      cpSync(path.join(PLUGINS_DIR, 'notes'), path.join(dir, 'notes'), { recursive: true });
      const index = path.join(dir, 'notes/index.ts');
      const source = readFileSync(index, 'utf8')
        .replace("tableName: 'notes_stamp'", "tableName: 'stamp'")
        .replaceAll('../../../../core/', `${path.join(ROOT_DIR, 'core')}/`);
      writeFileSync(index, source);
      await expect(loadPlugins({ pluginsDir: dir })).rejects.toThrow(/bad-table-name.*"stamp" must start with "notes_"/s);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
