/**
 * The API the staff app is built on: case types with their forms, the forms of the transitions a
 * user may take, the work queue, attachments and the unit picker.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKernel, demoRegistry, type TestKernel } from '../../core/testing/harness.js';
import type { SeededRegistry } from '../../core/registry/seed-registry.js';

let kernel: TestKernel;
let reg: SeededRegistry;
const t: Record<string, string> = {};
const bj = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`);

beforeAll(async () => {
  kernel = await startTestKernel({ plugins: ['service-desk', 'complaints'], startAt: bj('2026-11-02 09:00') });
  reg = await kernel.seed();
  for (const u of ['frontdesk', 'supervisor', 'technician', 'manager']) t[u] = await kernel.login(u);
});
afterAll(async () => kernel?.close());

async function register(content: string) {
  const res = await kernel.call(t.frontdesk!, 'POST', '/api/cases/complaint', {
    projectId: reg.projects.get('CH')!.id, data: { channel: 'letter', complainantName: '王芳', content },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number; version: number };
}

describe('case types', () => {
  it('lists the complaint type with its states, transitions, create form and whether I may create', async () => {
    const desk = (await kernel.call(t.frontdesk!, 'GET', '/api/case-types')).json();
    const complaint = desk.items.find((i: { caseType: string }) => i.caseType === 'complaint');
    expect(complaint.canCreate).toBe(true);
    expect(complaint.form.name).toBe('complaint');
    expect(complaint.form.schema.properties.content['x-label']['zh-CN']).toBeTruthy();
    expect(complaint.form.ui.form).toBe('complaint');
    expect(complaint.states.closed).toEqual({ title: expect.any(Object), final: true });
    expect(complaint.transitions.followUpSatisfied.system).toBe(true);
    expect(complaint.documents).toEqual([{ id: 'sheet', title: expect.objectContaining({ 'zh-CN': '业主投诉处理单' }) }]);
    const tech = (await kernel.call(t.technician!, 'GET', '/api/case-types')).json();
    expect(tech.items.find((i: { caseType: string }) => i.caseType === 'complaint').canCreate).toBe(false);
  });

  it('answers a project the user does not work in like an unknown one', async () => {
    const res = await kernel.call(t.frontdesk!, 'GET', `/api/case-types?projectId=${reg.projects.get('JR')!.id}`);
    expect(res.statusCode).toBe(404);
  });
});

describe('case page data', () => {
  it('gives the form of each transition I may take, and the follow-up form when one is due for my role', async () => {
    const c = await register('信箱投诉：夜间施工噪音');
    let page = (await kernel.call(t.supervisor!, 'GET', `/api/cases/complaint/${c.id}`)).json();
    expect(Object.keys(page.transitionForms).sort()).toEqual([...page.availableTransitions].sort());
    expect(page.transitionForms.classify.form.name).toBe('classification');
    expect(page.transitionForms.classify.form.ui.form).toBe('classification');
    expect(page.followUpForm).toBeNull();
    const desk = (await kernel.call(t.frontdesk!, 'GET', `/api/cases/complaint/${c.id}`)).json();
    expect(desk.transitionForms).toEqual({});

    // take it to "replied", where a follow-up is due for the supervisor
    const step = async (as: string, tr: string, data: unknown) => {
      const res = await kernel.call(t[as]!, 'POST', `/api/cases/complaint/${page.id}/transitions/${tr}`, { version: page.version, data });
      expect(res.statusCode, res.body).toBe(200);
      page = (await kernel.call(t.supervisor!, 'GET', `/api/cases/complaint/${c.id}`)).json();
    };
    await step('supervisor', 'classify', { nature: 'valid', severity: 'minor', category: 'noise' });
    await step('supervisor', 'handle', { cause: '夜间施工', correctiveAction: '限定施工时间', handledBy: '罗斌' });
    await step('frontdesk', 'reply', { replyMethod: 'letter', replyContent: '已限定施工时间' });
    expect(page.followUpForm).toEqual({ followUpId: expect.any(Number), form: expect.objectContaining({ name: 'followUp' }) });
    const deskView = (await kernel.call(t.frontdesk!, 'GET', `/api/cases/complaint/${c.id}`)).json();
    expect(deskView.followUpForm).toBeNull();

    const events = (await kernel.call(t.supervisor!, 'GET', `/api/cases/complaint/${c.id}/events`)).json().items;
    expect(events[0]).toMatchObject({ type: 'created', actorName: '前台 林小红', toStateTitle: expect.objectContaining({ 'zh-CN': expect.any(String) }) });
    expect(events[1]).toMatchObject({ transition: 'classify', actorName: '客服主管 罗斌', transitionTitle: expect.objectContaining({ 'zh-CN': '分类并转交' }) });
  });
});

describe('work queue', () => {
  it("shows my team's open cases, overdue first, then the soonest due; an escalated case moves to the next role's queue", async () => {
    const a = await register('A 先登记');
    kernel.clock.advance(60_000);
    const b = await register('B 后登记');
    // D is escalated to the manager by hand: in the manager's queue, not overdue
    let d = await register('D 需经理处理');
    const classify = await kernel.call(t.supervisor!, 'POST', `/api/cases/complaint/${d.id}/transitions/classify`, { version: d.version, data: { nature: 'valid', severity: 'important', category: 'facilities' } });
    d = classify.json();
    expect((await kernel.call(t.supervisor!, 'POST', `/api/cases/complaint/${d.id}/transitions/escalate`, { version: d.version })).statusCode).toBe(200);
    // 30 minutes after A: only A's forwarding clock has run out; the job escalates it to the manager
    kernel.clock.advance(29.5 * 60_000);
    await kernel.runJobs();
    const managerQueue = (await kernel.call(t.manager!, 'GET', '/api/queue?scope=team')).json().items as { id: number; overdue: boolean }[];
    const ids = managerQueue.map((i) => i.id);
    expect(ids).toContain(a.id);
    expect(ids).toContain(d.id);
    expect(ids.indexOf(a.id)).toBeLessThan(ids.indexOf(d.id));
    const firstNotOverdue = managerQueue.findIndex((i) => !i.overdue);
    expect(managerQueue.slice(firstNotOverdue).every((i) => !i.overdue)).toBe(true);
    const supervisorQueue = (await kernel.call(t.supervisor!, 'GET', '/api/queue?scope=team')).json().items.map((i: { id: number }) => i.id);
    expect(supervisorQueue).toContain(b.id);
    expect(supervisorQueue).not.toContain(a.id);
    expect((await kernel.call(t.supervisor!, 'GET', '/api/queue?scope=mine')).json().items).toEqual([]); // nothing is assigned to the supervisor in person
    const desk = (await kernel.call(t.frontdesk!, 'GET', '/api/queue?scope=team')).json().items as { assigneeRole: string }[];
    expect(desk.every((i) => i.assigneeRole === 'frontDesk')).toBe(true);
  });
});

describe('who the listed cases are about (房号 / 住户)', () => {
  it('the queue names the unit and the resident of each case, without the phone', async () => {
    const unit = reg.units.get('CH/1/101')!;
    const person = reg.people.get('张伟')!;
    const res = await kernel.call(t.frontdesk!, 'POST', '/api/cases/complaint', {
      projectId: reg.projects.get('CH')!.id, unitId: unit.id, personId: person.id, data: { channel: 'phone', complainantName: '张伟', contactPhone: '13800000001', content: '电梯异响' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id as number;
    const queue = (await kernel.call(t.supervisor!, 'GET', '/api/queue?scope=team')).json().items as Record<string, unknown>[];
    const row = queue.find((i) => i.id === id)!;
    expect(row).toMatchObject({ unitLabel: '1栋 101', personName: '张伟' });
    expect(row.personPhone).toBeUndefined();
    const anonymous = queue.find((i) => i.unitId === null)!; // a letter without a household
    expect(anonymous).toMatchObject({ unitLabel: null, personName: null });
  });

  it('the 回访 list gives name and phone to the roles that make the call, the name only to others', async () => {
    const unit = reg.units.get('CH/1/102')!;
    const person = reg.people.get('王芳')!;
    let c = (await kernel.call(t.frontdesk!, 'POST', '/api/cases/complaint', {
      projectId: reg.projects.get('CH')!.id, unitId: unit.id, personId: person.id, data: { channel: 'visit', complainantName: '王芳', contactPhone: '13800000002', content: '垃圾未清运' },
    })).json();
    const step = async (as: string, tr: string, data: unknown) => {
      const res = await kernel.call(t[as]!, 'POST', `/api/cases/complaint/${c.id}/transitions/${tr}`, { version: c.version, data });
      expect(res.statusCode, res.body).toBe(200);
      c = res.json();
    };
    await step('supervisor', 'classify', { nature: 'valid', severity: 'minor', category: 'cleaning' });
    await step('supervisor', 'handle', { cause: '清运车辆故障', correctiveAction: '已清运', handledBy: '罗斌' });
    await step('frontdesk', 'reply', { replyMethod: 'phone', replyContent: '已清运' });
    const rowFor = async (as: string) => ((await kernel.call(t[as]!, 'GET', '/api/follow-ups')).json().items as Record<string, unknown>[]).find((f) => f.caseId === c.id);
    expect(await rowFor('supervisor')).toMatchObject({ unitLabel: '1栋 102', personName: '王芳', personPhone: '13800000002' });
    expect(await rowFor('manager')).toMatchObject({ personPhone: '13800000002' });
    expect(await rowFor('frontdesk')).toMatchObject({ unitLabel: '1栋 102', personName: '王芳', personPhone: null });
  });
});

describe('attachments', () => {
  const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');
  const upload = (token: string, name: string, content: Buffer, type = 'image/png') => {
    const boundary = '----wuye' + Math.random().toString(16).slice(2);
    const payload = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`),
      content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return kernel.app.inject({ method: 'POST', url: '/api/attachments', headers: { authorization: `Bearer ${token}`, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
  };

  it('stores a PNG and serves it back to the same company only', async () => {
    const res = await upload(t.frontdesk!, '身份证.png', PNG);
    expect(res.statusCode, res.body).toBe(201);
    const att = res.json();
    expect(att).toMatchObject({ id: expect.stringMatching(/^att_/), name: '身份证.png', type: 'image/png', size: PNG.length });
    const back = await kernel.app.inject({ method: 'GET', url: `/api/attachments/${att.id}`, headers: { authorization: `Bearer ${t.manager}` } });
    expect(back.statusCode).toBe(200);
    expect(back.headers['content-type']).toBe('image/png');
    expect(Buffer.compare(back.rawPayload, PNG)).toBe(0);
    const other = demoRegistry();
    other.company = { code: 'OTHER', name: '另一家物业' };
    other.projects = other.projects.map((p) => ({ ...p, code: `O${p.code}` }));
    other.staff = other.staff.map((s) => ({ ...s, username: `o-${s.username}`, projects: s.projects === '*' ? '*' : s.projects.map((c) => `O${c}`) }));
    await kernel.seed(other);
    const foreign = await kernel.app.inject({ method: 'GET', url: `/api/attachments/${att.id}`, headers: { authorization: `Bearer ${await kernel.login('o-manager')}` } });
    expect(foreign.statusCode).toBe(404);
  });

  it('HEAD tells the staff app the name, type and size of a file without sending it (thumbnails and names on the case page)', async () => {
    const att = (await upload(t.frontdesk!, '漏水照片.png', PNG)).json();
    const head = await kernel.app.inject({ method: 'HEAD', url: `/api/attachments/${att.id}`, headers: { authorization: `Bearer ${t.supervisor}` } });
    expect(head.statusCode).toBe(200);
    expect(head.headers['content-type']).toBe('image/png');
    expect(Number(head.headers['content-length'])).toBe(PNG.length);
    expect(decodeURIComponent(String(head.headers['content-disposition']).split("UTF-8''")[1] ?? '')).toBe('漏水照片.png');
    expect(head.rawPayload.length).toBe(0);
  });

  it('a case may only name files uploaded to its company: unknown and foreign ids are refused on their field', async () => {
    const mine = (await upload(t.frontdesk!, '照片.png', PNG)).json().id as string;
    const foreign = (await upload(await kernel.login('o-frontdesk'), '别家.png', PNG)).json().id as string;
    const complaint = (evidence: string[]) => kernel.call(t.frontdesk!, 'POST', '/api/cases/complaint', {
      projectId: reg.projects.get('CH')!.id, data: { channel: 'visit', complainantName: '张伟', contactPhone: '13800000001', content: '楼道堆放杂物', evidence },
    });
    const before = (await kernel.call(t.manager!, 'GET', '/api/cases/complaint?limit=100')).json().items.length;
    const refused = await complaint([mine, foreign, 'att_doesnotexist0000']);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().issues.map((i: { pointer: string; code: string }) => `${i.pointer} ${i.code}`)).toEqual(['/data/evidence/1 unknown-attachment', '/data/evidence/2 unknown-attachment']);
    expect((await kernel.call(t.manager!, 'GET', '/api/cases/complaint?limit=100')).json().items.length).toBe(before);
    expect((await complaint([mine])).statusCode).toBe(201);
  });

  it('refuses a file whose content is not an accepted type, whatever it claims (415), and an empty one', async () => {
    const fake = await upload(t.frontdesk!, 'evil.png', Buffer.from('<script>alert(1)</script>'), 'image/png');
    expect(fake.statusCode).toBe(415);
    expect(fake.json().issues[0].pointer).toBe('/file');
    const empty = await upload(t.frontdesk!, 'empty.pdf', Buffer.alloc(0), 'application/pdf');
    expect(empty.statusCode).toBe(400);
  });

  it('refuses a file over 10 MiB with 413', async () => {
    const big = Buffer.concat([PNG, Buffer.alloc(10 * 1024 * 1024 + 10)]);
    const res = await upload(t.frontdesk!, 'big.png', big);
    expect(res.statusCode).toBe(413);
  });
});

describe('unit picker', () => {
  it('finds units by room number prefix within my projects', async () => {
    const res = (await kernel.call(t.frontdesk!, 'GET', `/api/units?projectId=${reg.projects.get('CH')!.id}&q=1`)).json();
    expect(res.items.length).toBeGreaterThan(0);
    expect(res.items.every((u: { number: string }) => u.number.startsWith('1'))).toBe(true);
    const jr = (await kernel.call(t.frontdesk!, 'GET', `/api/units?projectId=${reg.projects.get('JR')!.id}&q=1`)).json();
    expect(jr.items).toEqual([]);
  });
});

describe('pickers of the phone-call intake', () => {
  it('a unit found by its number names its owner; a resident found by phone digits names their rooms', async () => {
    const ch = reg.projects.get('CH')!.id;
    const units = (await kernel.call(t.frontdesk!, 'GET', `/api/units?projectId=${ch}&q=101`)).json().items as { id: number; owners: string[] }[];
    expect(units.find((u) => u.id === reg.units.get('CH/1/101')!.id)!.owners).toEqual(['张伟']);
    // the desk asks the caller for the last digits of their phone
    const people = (await kernel.call(t.frontdesk!, 'GET', '/api/people?q=0001')).json().items as { name: string; units: Record<string, unknown>[] }[];
    const zhang = people.find((p) => p.name === '张伟')!;
    expect(zhang.units).toEqual([{ unitId: reg.units.get('CH/1/101')!.id, relation: 'owner', projectId: ch, buildingId: reg.units.get('CH/1/101')!.buildingId, number: '101' }]);
  });
});

describe('scope holes found in review', () => {
  it('a resident of another project cannot be referenced without a unit either (404, nothing written)', async () => {
    const jrResident = reg.people.get('吴刚')!; // lives in JR; frontdesk works in CH only
    const res = await kernel.call(t.frontdesk!, 'POST', '/api/cases/complaint', {
      projectId: reg.projects.get('CH')!.id, personId: jrResident.id, data: { channel: 'letter', complainantName: 'x', content: 'y' },
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().message).toContain('personId');
  });

  it('bad input that used to become a 500: leap seconds, absurd nesting, a multipart body without boundary', async () => {
    const leap = await kernel.call(t.supervisor!, 'GET', '/api/cases/complaint?createdFrom=2026-12-31T23:59:60Z');
    expect(leap.statusCode).toBe(400);
    let deep: unknown = 'x';
    for (let i = 0; i < 1000; i++) deep = { a: deep };
    const nested = await kernel.call(t.frontdesk!, 'POST', '/api/cases/complaint', { projectId: reg.projects.get('CH')!.id, data: deep });
    expect(nested.statusCode).toBe(400);
    expect(nested.json().issues[0].code).toBe('too-deep');
    const noBoundary = await kernel.app.inject({ method: 'POST', url: '/api/attachments', headers: { authorization: `Bearer ${t.frontdesk}`, 'content-type': 'multipart/form-data' }, payload: 'garbage' });
    expect(noBoundary.statusCode).toBeGreaterThanOrEqual(400);
    expect(noBoundary.statusCode).toBeLessThan(500);
  });

  it('search terms with wildcard characters behave the same on both databases', async () => {
    const c = await register('搜索 50% 折扣');
    const found = (await kernel.call(t.supervisor!, 'GET', `/api/cases/complaint?q=${encodeURIComponent('50%')}`)).json().items.map((i: { id: number }) => i.id);
    expect(found).toContain(c.id);
  });

  it('a percent-encoded /api path does not skip authentication', async () => {
    const res = await kernel.app.inject({ method: 'GET', url: '/%61pi/plugins' });
    expect(res.statusCode).toBe(401);
  });
});
