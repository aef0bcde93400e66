/**
 * Named dispatch and assignment rules over HTTP on the demo company (paid services and repairs):
 * 派工 by name from the dispatch form, assign and reassign with a reason (event log), 认领, every
 * refusal with nothing written, the rules (project, building, category, skill, least open load,
 * round robin), their declaration check and dry run, and the queue's mine / registered scopes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoRegistry, startTestKernel, type TestKernel } from '../../core/testing/harness.js';
import type { SeededRegistry } from '../../core/registry/seed-registry.js';

interface CaseBody { id: number; version: number; state: string; assigneeRole: string | null; assigneeId: number | null; data: Record<string, unknown> }
interface Issue { pointer: string; code: string; params?: Record<string, unknown> }

let kernel: TestKernel;
let reg: SeededRegistry;
const tk: Record<string, string> = {};
const id = {} as Record<string, number> & { technician: number; technician2: number; tech3: number; techjr: number; techgone: number; otherTech: number; frontdesk: number; assistant: number; supervisor: number };
const bj = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`);

beforeAll(async () => {
  kernel = await startTestKernel({ plugins: ['service-desk', 'billing', 'paid-services'], startAt: bj('2026-10-12 09:00') });
  reg = await kernel.seed();
  const other = demoRegistry();
  other.company = { code: 'OTHER', name: '另一家物业' };
  other.staff = other.staff!.map((s) => ({ ...s, username: `o-${s.username}` }));
  const otherReg = await kernel.seed(other);
  id.otherTech = otherReg.staff.get('o-technician')!.id;
  for (const u of ['frontdesk', 'assistant', 'supervisor', 'technician', 'technician2', 'engineering', 'admin', 'o-frontdesk']) tk[u] = await kernel.login(u);
  for (const u of ['frontdesk', 'assistant', 'supervisor', 'technician', 'technician2', 'engineering']) id[u] = reg.staff.get(u)!.id;
  // a third technician in CH, one in JR only, and an inactive one in CH
  const make = async (username: string, name: string, projects: string[], active = true) => {
    const res = await kernel.call(tk.admin!, 'POST', '/api/staff', { username, name, password: 'Wuye-tech-2026!', roles: ['technician'], projectIds: projects.map((p) => reg.projects.get(p)!.id) });
    expect(res.statusCode, res.body).toBe(201);
    id[username] = res.json().id;
    if (!active) expect((await kernel.call(tk.admin!, 'PATCH', `/api/staff/${id[username]}`, { active: false })).statusCode).toBe(200);
  };
  await make('tech3', '维修技工 孙工', ['CH']);
  await make('techjr', '维修技工 钱工', ['JR']);
  await make('techgone', '维修技工 已离职', ['CH'], false);
  tk.tech3 = await kernel.login('tech3', 'Wuye-tech-2026!');
}, 240_000);
afterAll(async () => kernel?.close());

const CH = () => reg.projects.get('CH')!.id;
const unit101 = () => reg.units.get('CH/1/101')!.id;

async function order(): Promise<CaseBody> {
  const res = await kernel.call(tk.frontdesk!, 'POST', '/api/cases/serviceOrder', {
    projectId: CH(), unitId: unit101(),
    data: { channel: 'phone', customerName: '张伟', contactPhone: '13800000001', serviceItem: 'tapValve', appointmentAt: '2026-10-12T14:00:00+08:00', description: '厨房水龙头关不紧' },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
async function repair(data: Record<string, unknown> = {}, envelope: Record<string, unknown> = {}): Promise<CaseBody> {
  const res = await kernel.call(tk.frontdesk!, 'POST', '/api/cases/repair', {
    projectId: CH(), ...envelope,
    data: { channel: 'phone', customerName: '王芳', contactPhone: '13800000002', appointmentAt: '2026-10-12T15:00:00+08:00', area: 'commonArea', location: '1栋大堂', category: 'electrical', content: '大堂灯不亮', ...data },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
const step = (who: string, type: string, c: { id: number; version: number }, transition: string, data: Record<string, unknown> = {}) =>
  kernel.call(tk[who]!, 'POST', `/api/cases/${type}/${c.id}/transitions/${transition}`, { version: c.version, data });
const assign = (who: string, type: string, c: { id: number; version: number }, body: Record<string, unknown>) =>
  kernel.call(tk[who]!, 'POST', `/api/cases/${type}/${c.id}/assign`, { version: c.version, ...body });
const get = async (type: string, caseId: number, who = 'supervisor'): Promise<CaseBody> => (await kernel.call(tk[who]!, 'GET', `/api/cases/${type}/${caseId}`)).json();
const events = async (type: string, caseId: number) => (await kernel.call(tk.supervisor!, 'GET', `/api/cases/${type}/${caseId}/events`)).json().items as { type: string; data: Record<string, unknown>; actorId: number | null }[];
const queue = async (who: string, scope: string) => (await kernel.call(tk[who]!, 'GET', `/api/queue?scope=${scope}&limit=200`)).json().items as { id: number; assigneeName: string | null; caseType: string }[];
async function dispatchRepair(data: Record<string, unknown> = {}, envelope: Record<string, unknown> = {}): Promise<CaseBody> {
  const c = await repair(data, envelope);
  const res = await step('assistant', 'repair', c, 'dispatch');
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
async function configure(patch: Record<string, unknown>) {
  const proposed = await kernel.call(tk.admin!, 'POST', '/api/config/versions', { reason: '派工规则', patch });
  expect(proposed.statusCode, proposed.body).toBe(201);
  const activated = await kernel.call(tk.admin!, 'POST', `/api/config/versions/${proposed.json().number}/activate`, {});
  expect(activated.statusCode, activated.body).toBe(200);
}
/** Nothing written: the case and its log as they were. */
async function unchanged(type: string, before: CaseBody, run: () => Promise<{ statusCode: number; body: string; json(): unknown }>, status: number) {
  const log = (await events(type, before.id)).length;
  const res = await run();
  expect(res.statusCode, res.body).toBe(status);
  const after = await get(type, before.id);
  expect([after.version, after.assigneeId, after.state]).toEqual([before.version, before.assigneeId, before.state]);
  expect((await events(type, before.id)).length).toBe(log);
  return res.json() as { issues: Issue[] };
}

describe('派工 by name in the dispatch form', () => {
  it('sends the paid-service order to 谢工 by name; the event log says so; 谢工 keeps it when he picks it up', async () => {
    const c = await order();
    expect([c.assigneeRole, c.assigneeId]).toEqual(['assistant', null]);
    const res = await step('assistant', 'serviceOrder', c, 'accept', { technicianId: id.technician });
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json() as CaseBody;
    expect([d.state, d.assigneeRole, d.assigneeId]).toEqual(['dispatched', 'technician', id.technician]);
    const log = await events('serviceOrder', c.id);
    expect(log.find((e) => e.type === 'assigned')).toMatchObject({ actorId: id.assistant, data: { from: null, to: id.technician, toName: '维修技工 谢工', role: 'technician', by: 'form', field: 'technicianId' } });
    // 我的待办: 谢工 finds it, named; the clerk who registered it follows it under 我登记的
    expect((await queue('technician', 'mine')).find((q) => q.id === c.id)).toMatchObject({ assigneeName: '维修技工 谢工' });
    expect((await queue('technician2', 'mine')).some((q) => q.id === c.id)).toBe(false);
    expect((await queue('frontdesk', 'registered')).find((q) => q.id === c.id)).toMatchObject({ assigneeName: '维修技工 谢工' });
    expect((await queue('assistant', 'registered')).some((q) => q.id === c.id)).toBe(false);
    const picked = await step('technician', 'serviceOrder', d, 'pickUp', { pickedUpAt: kernel.clock.now().toISOString() });
    expect(picked.statusCode, picked.body).toBe(200);
    expect(picked.json()).toMatchObject({ state: 'pickedUp', assigneeId: id.technician });
  });

  it('the staff picker lists the technicians of the project with their open loads', async () => {
    const c = await order();
    const res = await kernel.call(tk.assistant!, 'GET', `/api/cases/serviceOrder/${c.id}/assignable?transition=accept&field=technicianId`);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as { id: number; name: string; load: number }[];
    expect(items.map((i) => i.id).sort()).toEqual([id.technician, id.technician2, id.tech3].sort());
    expect(items.find((i) => i.id === id.technician)!.load).toBeGreaterThanOrEqual(1);
  });

  it('refuses a staff member who cannot take the job (422 naming the field), writing nothing', async () => {
    const c = await order();
    for (const [staffId, reason] of [[id.frontdesk, 'role'], [id.techjr, 'project'], [id.techgone, 'inactive'], [id.otherTech, 'unknown']] as const) {
      const body = await unchanged('serviceOrder', c, () => step('assistant', 'serviceOrder', c, 'accept', { technicianId: staffId }), 422);
      expect(body.issues[0]).toMatchObject({ pointer: '/data/technicianId', code: 'assignee-not-eligible', params: { staffId, reason } });
      expect(String(body.issues[0]!.params!['zh-CN'])).toMatch(/员工/);
    }
  });
});

describe('assign, reassign and 认领', () => {
  let c: CaseBody;
  it('the supervisor names 周工 on a dispatched job; reassigning to 孙工 needs a reason; both are in the log', async () => {
    c = await dispatchRepair();
    expect([c.assigneeRole, c.assigneeId]).toEqual(['technician', null]);
    let res = await assign('supervisor', 'repair', c, { staffId: id.technician2 });
    expect(res.statusCode, res.body).toBe(200);
    c = res.json();
    expect(c.assigneeId).toBe(id.technician2);
    await unchanged('repair', c, () => assign('supervisor', 'repair', c, { staffId: id.tech3 }), 400).then((b) => expect(b.issues[0]).toMatchObject({ pointer: '/reason', code: 'required' }));
    res = await assign('supervisor', 'repair', c, { staffId: id.tech3, reason: '周工今天休假' });
    expect(res.statusCode, res.body).toBe(200);
    c = res.json();
    const assigned = (await events('repair', c.id)).filter((e) => e.type === 'assigned');
    expect(assigned.map((e) => e.data)).toEqual([
      expect.objectContaining({ from: null, to: id.technician2, toName: '维修技工 周工', reason: null, by: 'assign' }),
      expect.objectContaining({ from: id.technician2, fromName: '维修技工 周工', to: id.tech3, toName: '维修技工 孙工', reason: '周工今天休假', by: 'assign' }),
    ]);
    expect(assigned[1]!.actorId).toBe(id.supervisor);
    const view = (await kernel.call(tk.supervisor!, 'GET', `/api/cases/repair/${c.id}/assignment`)).json();
    expect(view).toMatchObject({ assigneeId: id.tech3, assigneeName: '维修技工 孙工', role: 'technician', canAssign: true, canTake: false });
  });

  it('refuses: stale version 409, no permission 403, another company’s case 404, ineligible staff 422 — nothing written', async () => {
    await unchanged('repair', c, () => assign('supervisor', 'repair', { id: c.id, version: c.version - 1 }, { staffId: id.technician, reason: '换人' }), 409);
    await unchanged('repair', c, () => assign('technician', 'repair', c, { staffId: id.technician, reason: '我来' }), 403);
    for (const [staffId, why] of [[id.otherTech, 'unknown'], [id.techgone, 'inactive'], [id.frontdesk, 'role'], [id.techjr, 'project']] as const) {
      const body = await unchanged('repair', c, () => assign('supervisor', 'repair', c, { staffId, reason: '换人' }), 422);
      expect(body.issues[0]).toMatchObject({ pointer: '/staffId', code: 'assignee-not-eligible', params: { staffId, reason: why } });
    }
    expect((await kernel.call(tk['o-frontdesk']!, 'POST', `/api/cases/repair/${c.id}/assign`, { version: c.version, staffId: null, reason: 'x' })).statusCode).toBe(404);
    expect((await kernel.call(null, 'POST', `/api/cases/repair/${c.id}/assign`, { version: c.version, staffId: null })).statusCode).toBe(401);
  });

  it('back to the role’s queue, then 认领: a technician takes the unassigned job himself; another cannot take it from him', async () => {
    let res = await assign('supervisor', 'repair', c, { staffId: null, reason: '退回技工组' });
    expect(res.statusCode, res.body).toBe(200);
    c = res.json();
    expect(c.assigneeId).toBeNull();
    expect((await kernel.call(tk.technician2!, 'GET', `/api/cases/repair/${c.id}/assignment`)).json()).toMatchObject({ canAssign: false, canTake: true });
    res = await assign('technician2', 'repair', c, { staffId: id.technician2 });
    expect(res.statusCode, res.body).toBe(200);
    c = res.json();
    expect(c.assigneeId).toBe(id.technician2);
    expect((await events('repair', c.id)).at(-1)).toMatchObject({ type: 'assigned', actorId: id.technician2, data: { by: 'take', to: id.technician2 } });
    await unchanged('repair', c, () => assign('technician', 'repair', c, { staffId: id.technician, reason: '我也想接' }), 403);
    // the frontdesk may not take a technician's job for herself either: not her role
    await unchanged('repair', c, () => assign('frontdesk', 'repair', c, { staffId: id.frontdesk, reason: '我来' }), 422);
    expect((await queue('technician2', 'mine')).find((q) => q.id === c.id)).toMatchObject({ assigneeName: '维修技工 周工' });
  });
});

describe('assignment rules', () => {
  it('the declaration check names every unknown reference with its pointer', async () => {
    const res = await kernel.call(tk.admin!, 'POST', '/api/config/versions', {
      reason: '错误的规则',
      patch: { assignment: { skills: ['水电'], rules: [{ caseTypes: ['nonsense'], roles: ['plumber'], projects: ['XX'], buildings: [999999], match: { field: 'colour', values: ['red'] }, skills: ['焊接'], pick: 999999 }] } },
    });
    expect(res.statusCode, res.body).toBe(400);
    const issues = (res.json().issues as Issue[]).map((i) => [i.pointer, i.code]);
    expect(issues).toEqual(expect.arrayContaining([
      ['/document/assignment/rules/0/caseTypes/0', 'unknown-case-type'],
      ['/document/assignment/rules/0/roles/0', 'unknown-role'],
      ['/document/assignment/rules/0/projects/0', 'unknown-project'],
      ['/document/assignment/rules/0/buildings/0', 'unknown-building'],
      ['/document/assignment/rules/0/match/field', 'unknown-field'],
      ['/document/assignment/rules/0/skills/0', 'unknown-skill'],
      ['/document/assignment/rules/0/pick', 'unknown-staff'],
    ]));
    // another company's staff member is unknown here too
    const foreign = await kernel.call(tk.admin!, 'POST', '/api/config/check', { patch: { assignment: { rules: [{ pick: id.otherTech }] } } });
    expect(JSON.stringify(foreign.json())).toContain('unknown-staff');
  });

  it('staff skills come from the company list', async () => {
    await configure({ assignment: { skills: ['水电', '土建', '门窗'] } });
    expect((await kernel.call(tk.admin!, 'PUT', `/api/staff/${id.technician2}/skills`, { skills: ['门窗', '焊接'] })).json().issues[0]).toMatchObject({ pointer: '/skills/1', code: 'unknown-skill' });
    expect((await kernel.call(tk.supervisor!, 'PUT', `/api/staff/${id.technician2}/skills`, { skills: ['门窗'] })).statusCode).toBe(403);
    for (const [who, skills] of [['technician', ['水电']], ['technician2', ['门窗', '土建']], ['tech3', ['水电', '门窗']]] as const) {
      expect((await kernel.call(tk.admin!, 'PUT', `/api/staff/${id[who]}/skills`, { skills })).statusCode).toBe(200);
    }
    expect((await kernel.call(tk.admin!, 'GET', '/api/staff/skills')).json().staff).toEqual(expect.arrayContaining([{ id: id.technician2, skills: ['门窗', '土建'] }]));
  });

  it('least open load: loads 2/0/1 → the one with 0, then it balances', async () => {
    // bring the three technicians to open loads 2 / 0 / 1 above a common base
    const probe = await dispatchRepair();
    const loads = async () => {
      const items = (await kernel.call(tk.supervisor!, 'GET', `/api/cases/repair/${probe.id}/assignment`)).json().eligible as { id: number; load: number }[];
      return new Map(items.map((i) => [i.id, i.load]));
    };
    const target = new Map([[id.technician, 2], [id.technician2, 0], [id.tech3, 1]]);
    let l = await loads();
    const base = Math.max(...[...target].map(([s, n]) => (l.get(s) ?? 0) - n));
    for (const [s, n] of target) {
      for (let i = l.get(s) ?? 0; i < base + n; i++) {
        const c = await dispatchRepair();
        expect((await assign('supervisor', 'repair', c, { staffId: s })).statusCode).toBe(200);
      }
    }
    l = await loads();
    expect([l.get(id.technician)! - base, l.get(id.technician2)! - base, l.get(id.tech3)! - base]).toEqual([2, 0, 1]);
    await configure({ assignment: { skills: ['水电', '土建', '门窗'], rules: [{ title: '技工按在办量', roles: ['technician'], pick: 'leastOpenLoad' }] } });
    const first = await dispatchRepair();
    expect(first.assigneeId).toBe(id.technician2);
    const e = (await events('repair', first.id)).at(-1)!;
    expect(e).toMatchObject({ type: 'assigned', actorId: null, data: { by: 'rule', rule: 0, ruleTitle: '技工按在办量', to: id.technician2 } });
    // now 2/1/1: the tie goes to the first listed (周工, lower id than 孙工), then 孙工: 2/2/2
    expect((await dispatchRepair()).assigneeId).toBe(id.technician2);
    expect((await dispatchRepair()).assigneeId).toBe(id.tech3);
    const fourth = await dispatchRepair();
    expect([id.technician, id.technician2, id.tech3]).toContain(fourth.assigneeId);
    expect(fourth.assigneeId).toBe(id.technician);
  }, 120_000);

  it('by category and skill, by building, by project; the first matching rule wins; no match → the role’s queue', async () => {
    const b2 = reg.units.get('CH/2/101')?.buildingId ?? [...reg.units.values()].find((u) => u.projectId === CH() && u.buildingId !== reg.units.get('CH/1/101')!.buildingId)!.buildingId;
    await configure({ assignment: { skills: ['水电', '土建', '门窗'], rules: [
      { title: '门窗', caseTypes: ['repair'], roles: ['technician'], match: { field: 'category', values: ['doorsWindows'] }, skills: ['门窗', '土建'], pick: 'leastOpenLoad' },
      { title: '二栋', roles: ['technician'], buildings: [b2], pick: id.tech3 },
      { title: '金融大厦', roles: ['technician'], projects: ['JR'], pick: 'leastOpenLoad' },
      { title: '受理', caseTypes: ['repair'], roles: ['assistant'], projects: ['CH'], pick: id.assistant },
    ] } });
    // 门窗 + 土建: only 周工 holds both
    expect((await dispatchRepair({ category: 'doorsWindows', content: '单元门闭门器坏了' })).assigneeId).toBe(id.technician2);
    // building 2 (a unit there): 孙工 by name
    const unit2 = [...reg.units.values()].find((u) => u.buildingId === b2)!;
    expect((await dispatchRepair({}, { unitId: unit2.id })).assigneeId).toBe(id.tech3);
    // nothing matches a CH electrical repair in building 1 → the technicians' queue
    const none = await dispatchRepair({}, { unitId: unit101() });
    expect([none.assigneeRole, none.assigneeId]).toEqual(['technician', null]);
    // at registration: the repair waits on the assistant, named by the last rule; 我的待办 shows it
    const registered = await repair();
    expect(registered.assigneeId).toBe(id.assistant);
    expect((await queue('assistant', 'mine')).find((q) => q.id === registered.id)).toMatchObject({ assigneeName: expect.any(String) });
  });

  it('round robin: the candidates in turn', async () => {
    await configure({ assignment: { skills: ['水电', '土建', '门窗'], rules: [{ roles: ['technician'], caseTypes: ['repair'], pick: 'roundRobin' }] } });
    const picks = [];
    for (let i = 0; i < 4; i++) picks.push((await dispatchRepair()).assigneeId);
    const order = [id.technician, id.technician2, id.tech3].sort((a, b) => a - b);
    expect(picks).toEqual([order[0], order[1], order[2], order[0]]);
  });

  it('the dry run shows who a draft would pick and why, and writes nothing', async () => {
    const draft = { patch: { assignment: { skills: ['水电', '土建', '门窗'], rules: [
      { title: '金融大厦', projects: ['JR'], pick: 'leastOpenLoad' },
      { title: '水电', match: { field: 'category', values: ['plumbing'] }, skills: ['水电'], pick: 'leastOpenLoad' },
    ] } } };
    const res = await kernel.call(tk.admin!, 'POST', '/api/config/dry-run/assignment', { ...draft, caseType: 'repair', projectId: CH(), role: 'technician', data: { category: 'plumbing' } });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ valid: true, role: 'technician' });
    expect(body.pick.trials.map((t: { outcome: string }) => t.outcome)).toEqual(['project', 'picked']);
    expect(body.pick.trials[1].candidates.map((c: { id: number }) => c.id).sort()).toEqual([id.technician, id.tech3].sort());
    expect([id.technician, id.tech3]).toContain(body.pick.staffId);
    // a bad draft answers its issues instead
    const bad = await kernel.call(tk.admin!, 'POST', '/api/config/dry-run/assignment', { patch: { assignment: { rules: [{ roles: ['plumber'], pick: 'roundRobin' }] } }, caseType: 'repair', projectId: CH(), role: 'technician' });
    expect(bad.json()).toMatchObject({ valid: false, issues: [expect.objectContaining({ pointer: '/document/assignment/rules/0/roles/0', code: 'unknown-role' })] });
    expect((await kernel.call(tk.supervisor!, 'POST', '/api/config/dry-run/assignment', { caseType: 'repair', projectId: CH() })).statusCode).toBe(403);
  });
});
