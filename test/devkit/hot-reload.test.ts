/**
 * Development hot reload: editing a plugin's declaration reloads it in the running server; a
 * broken edit keeps the previous version running and shows its error at /api/dev/plugins.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT_DIR } from '../../core/kernel.js';
import { startTestKernel, type TestKernel } from '../../core/testing/harness.js';

interface Status { id: string; reloadedAt: string | null; issues: { code: string; file: string; pointer: string }[] | null }

describe('plugin hot reload in development', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'wuye-reload-'));
  const workflowFile = path.join(dir, 'complaints', 'complaint.workflow.json');
  let kernel: TestKernel;
  let desk: string;
  let projectId: number;

  beforeAll(async () => {
    for (const id of ['service-desk', 'complaints']) cpSync(path.join(ROOT_DIR, 'plugins', id), path.join(dir, id), { recursive: true });
    kernel = await startTestKernel({ pluginsDir: dir, plugins: ['service-desk', 'complaints'], devReload: true, startAt: '2026-11-24T02:00:00Z' });
    projectId = (await kernel.seed()).projects.get('CH')!.id;
    desk = await kernel.login('frontdesk');
  });
  afterAll(async () => {
    await kernel?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const forwardDue = async () => {
    const res = await kernel.call(desk, 'POST', '/api/cases/complaint', { projectId, data: { channel: 'visit', complainantName: '张伟', contactPhone: '13800000001', content: '电梯异响' } });
    expect(res.statusCode, res.body).toBe(201);
    const view = await kernel.call(desk, 'GET', `/api/cases/complaint/${(res.json() as { id: number }).id}`);
    return (view.json() as { deadlines: { key: string; dueAt: string }[] }).deadlines.find((d) => d.key === 'forward')?.dueAt;
  };
  const editWorkflow = (change: (wf: { transitions: Record<string, { to: string }>; deadlines: Record<string, { duration: { amount: number } }> }) => void) => {
    const wf = JSON.parse(readFileSync(workflowFile, 'utf8'));
    change(wf);
    writeFileSync(workflowFile, JSON.stringify(wf, null, 2));
  };
  /** the watcher reacts to the file system: wait until the status shows the edit was handled */
  const statusAfter = async (done: (s: Status) => boolean): Promise<Status> => {
    for (let i = 0; i < 100; i++) {
      const items = (await kernel.call(desk, 'GET', '/api/dev/plugins')).json().items as Status[];
      const s = items.find((x) => x.id === 'complaints')!;
      if (done(s)) return s;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('the watcher did not handle the edit within 10 s');
  };

  it('a saved change applies to new cases without a restart', async () => {
    expect(await forwardDue()).toBe('2026-11-24T02:30:00.000Z');
    editWorkflow((wf) => { wf.deadlines.forward!.duration.amount = 45; });
    const s = await statusAfter((x) => x.reloadedAt !== null);
    expect(s.issues).toBeNull();
    expect(await forwardDue()).toBe('2026-11-24T02:45:00.000Z');
  });

  it('a broken edit keeps the previous version running and shows the error until fixed', async () => {
    editWorkflow((wf) => { wf.transitions.classify!.to = 'nowhere'; });
    const broken = await statusAfter((x) => x.issues !== null);
    expect(broken.issues).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'unknown-state', file: 'plugins/complaints/complaint.workflow.json' })]));
    expect(await forwardDue()).toBe('2026-11-24T02:45:00.000Z');

    editWorkflow((wf) => { wf.transitions.classify!.to = 'routed'; wf.deadlines.forward!.duration.amount = 20; });
    await statusAfter((x) => x.issues === null);
    expect(await forwardDue()).toBe('2026-11-24T02:20:00.000Z');
  });

  it('malformed JSON is reported, not crashed on; unknown plugins need a restart', async () => {
    writeFileSync(workflowFile, '{ "caseType": ');
    const s = await statusAfter((x) => x.issues?.[0]?.code === 'malformed-json');
    expect(s.issues![0]!.file).toBe('plugins/complaints/complaint.workflow.json');
    expect(await forwardDue()).toBe('2026-11-24T02:20:00.000Z');
    const unknown = await kernel.reloader.reload('nope');
    expect(unknown).toEqual({ ok: false, issues: [expect.objectContaining({ code: 'unknown-plugin' })] });
  });

  it('the dev route exists only in development', async () => {
    const prod = await startTestKernel({ plugins: ['service-desk'] });
    try {
      await prod.seed();
      const token = await prod.login('frontdesk');
      expect((await prod.call(token, 'GET', '/api/dev/plugins')).statusCode).toBe(404);
    } finally {
      await prod.close();
    }
  });
});
