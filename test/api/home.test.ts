/**
 * 工作台's figures (GET /api/home): my and my team's open cases per type, due today and overdue,
 * follow-ups due, escalations to my roles — the same cases the work queue lists, never another
 * company's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoRegistry, startTestKernel, type TestKernel } from '../../core/testing/harness.js';
import type { SeededRegistry } from '../../core/registry/seed-registry.js';
import type { HomeFigures } from '../../core/http/routes/home.js';

let kernel: TestKernel;
let reg: SeededRegistry;
const t: Record<string, string> = {};
const classification = { nature: 'valid', severity: 'major', category: 'facilities' };

beforeAll(async () => {
  kernel = await startTestKernel({ plugins: ['service-desk', 'complaints'], startAt: '2026-11-02T09:00:00+08:00' });
  reg = await kernel.seed();
  // a second company with the same usernames prefixed: its cases must never count here
  const other = demoRegistry();
  other.company = { code: 'OTHER', name: '另一家物业' };
  other.staff = other.staff!.map((s) => ({ ...s, username: `o-${s.username}` }));
  await kernel.seed(other);
  for (const u of ['frontdesk', 'supervisor', 'technician', 'manager', 'o-frontdesk']) t[u] = await kernel.login(u);
});
afterAll(async () => kernel?.close());

async function register(token: string, content: string, projectId = reg.projects.get('CH')!.id) {
  const res = await kernel.call(token, 'POST', '/api/cases/complaint', { projectId, data: { channel: 'letter', complainantName: '王芳', content } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number; version: number; serial: string };
}

const home = async (who: string) => {
  const res = await kernel.call(t[who]!, 'GET', '/api/home');
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as HomeFigures;
};

describe('工作台 figures', () => {
  it('counts the team’s open cases by type like the work queue, and nothing of another company', async () => {
    await register(t.frontdesk!, '楼道灯坏了');
    await register(t.frontdesk!, '电梯异响');
    const otherCompanyProject = (await kernel.call(t['o-frontdesk']!, 'GET', '/api/projects')).json().items[0].id as number;
    await register(t['o-frontdesk']!, '另一家的投诉', otherCompanyProject);

    const sup = await home('supervisor');
    expect(sup.today).toBe('2026-11-02');
    const queue = (await kernel.call(t.supervisor!, 'GET', '/api/queue?scope=team&limit=200')).json().items as { caseType: string; nextDueAt: string | null; overdue: boolean }[];
    const endOfDay = new Date('2026-11-03T00:00:00+08:00');
    const due = queue.filter((q) => !q.overdue && q.nextDueAt && new Date(q.nextDueAt) < endOfDay).length;
    expect(due).toBe(2); // classification is due within hours of registration
    expect(sup.team).toEqual([{ caseType: 'complaint', open: queue.filter((q) => q.caseType === 'complaint').length, dueToday: due, overdue: 0 }]);
    expect(sup.team[0]!.open).toBe(2);
    expect(sup.mine).toEqual([]);
    // the technician acts for no role that holds these cases
    expect((await home('technician')).team).toEqual([]);
    expect((await kernel.call(null, 'GET', '/api/home')).statusCode).toBe(401);
  });

  it('counts the follow-ups due by the end of the day for the roles that make them, then as overdue', async () => {
    const c = await register(t.frontdesk!, '垃圾清运不及时');
    const step = async (who: string, transition: string, data: Record<string, unknown>) => {
      const current = (await kernel.call(t[who]!, 'GET', `/api/cases/complaint/${c.id}`)).json() as { version: number };
      const res = await kernel.call(t[who]!, 'POST', `/api/cases/complaint/${c.id}/transitions/${transition}`, { version: current.version, data });
      expect(res.statusCode, res.body).toBe(200);
    };
    await step('supervisor', 'classify', { nature: 'valid', severity: 'minor', category: 'cleaning' });
    if (!t.engineering) t.engineering = await kernel.login('engineering');
    await step('engineering', 'handle', { cause: '原因', correctiveAction: '处理', handledBy: '韩志' });
    await step('frontdesk', 'reply', { replyMethod: 'letter', replyContent: '已处理' });
    const detail = (await kernel.call(t.supervisor!, 'GET', `/api/cases/complaint/${c.id}`)).json() as { followUps: { status: string; dueAt: string }[] };
    const due = detail.followUps.find((f) => f.status === 'due')!;
    expect(due).toBeTruthy();
    const before = (await home('supervisor')).followUps;
    kernel.clock.set(new Date(new Date(due.dueAt).getTime() - 60_000)); // the day it falls due, a minute before
    const onTheDay = (await home('supervisor')).followUps;
    expect(onTheDay.dueToday).toBeGreaterThan(before.dueToday);
    kernel.clock.set(new Date(new Date(due.dueAt).getTime() + 60_000));
    const after = (await home('supervisor')).followUps;
    expect(after.overdue).toBeGreaterThanOrEqual(1);
    expect((await home('technician')).followUps).toEqual({ dueToday: 0, overdue: 0 });
  });

  it('a classified major complaint is due, then overdue and escalated to the manager', async () => {
    const c = await register(t.frontdesk!, '水管爆裂，无人处理');
    const res = await kernel.call(t.supervisor!, 'POST', `/api/cases/complaint/${c.id}/transitions/classify`, { version: c.version, data: classification });
    expect(res.statusCode, res.body).toBe(200);
    const assigned = (await home('supervisor')).team.concat((await home('manager')).team, (await home('technician')).team);
    expect(assigned.some((x) => x.caseType === 'complaint')).toBe(true);

    kernel.clock.advance(10 * 86_400_000); // far past three working days
    await kernel.runJobs();
    const manager = await home('manager');
    expect(manager.escalations.map((e) => e.serial)).toContain(c.serial);
    expect(manager.escalations.find((e) => e.serial === c.serial)).toMatchObject({ caseId: c.id, caseType: 'complaint', role: 'manager' });
    const everyone = [await home('supervisor'), manager, await home('technician')];
    const overdue = everyone.flatMap((h) => [...h.team, ...h.mine]).filter((x) => x.caseType === 'complaint').reduce((n, x) => Math.max(n, x.overdue), 0);
    expect(overdue).toBeGreaterThanOrEqual(1);
    // escalations older than a week drop off 工作台
    kernel.clock.advance(8 * 86_400_000);
    expect((await home('manager')).escalations.map((e) => e.serial)).not.toContain(c.serial);
  });
});
