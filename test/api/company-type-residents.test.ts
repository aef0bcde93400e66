/**
 * A company's own case type and the residents it serves (issue 17: an admin-built type works in
 * the household archive like a plugin's; issue 20: notify steps in the company's configuration).
 * Its registration form's 房屋 and 住户 fields, declared as the workflow's `unitField` /
 * `personField`, become the case's own house and resident when the registration names none — the
 * case, the household archive and the conversions carry them. A field of another kind is refused on
 * its control with nothing activated; a house of another project is refused naming the form field,
 * with nothing written. The type carries its own messages (`caseTypes.<x>.messages`): its notify
 * steps tell that resident (in the household's message log) and a role's staff (in the app); a
 * message reading an unknown field or reusing a plugin's message id is refused on its control.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKernel, type SeededRegistry, type TestKernel } from '../../core/testing/harness.js';

interface Issue { pointer: string; code: string }

/** TEST DATA: a home-visit type as the configuration editor writes it (registration with house and resident fields). */
function homeVisit(unitField = 'house', text = '{{person.name}}您好：拜访（{{case.serial}}）已办结，事由：{{data.subject}}。', messageId = 'xHomeVisitDone'): Record<string, unknown> {
  return {
    messages: {
      [messageId]: { title: { 'zh-CN': '拜访办结通知' }, kind: 'service', text, params: { serial: '{{case.serial}}' } },
      xHomeVisitStaff: { title: { 'zh-CN': '拜访办结（内部）' }, kind: 'service', text: '{{project.name}}：拜访（{{case.serial}}）已办结，事由：{{data.subject}}' },
    },
    workflow: {
      caseType: 'xHomeVisit', title: { 'zh-CN': '上门拜访' }, serialPrefix: 'SM', form: 'register', initialState: 'open', createRoles: ['frontDesk'],
      unitField, personField: 'resident',
      states: { open: { title: { 'zh-CN': '待拜访' } }, done: { title: { 'zh-CN': '已完成' }, final: true } },
      transitions: {
        finish: {
          title: { 'zh-CN': '办结' }, from: ['open'], to: 'done', roles: ['frontDesk'],
          effects: [
            { type: 'notify', params: { to: 'resident', template: messageId, channel: 'sms' } },
            { type: 'notify', params: { to: 'role', role: 'supervisor', template: 'xHomeVisitStaff' } },
          ],
        },
      },
    },
    forms: {
      register: {
        type: 'object', 'x-label': { 'zh-CN': '上门拜访' }, additionalProperties: false, required: ['subject', 'house'],
        properties: {
          subject: { type: 'string', maxLength: 200, 'x-label': { 'zh-CN': '事由' } },
          house: { type: 'integer', minimum: 1, 'x-ref': 'unit', 'x-label': { 'zh-CN': '被拜访房屋' } },
          resident: { type: 'integer', minimum: 1, 'x-ref': 'person', 'x-label': { 'zh-CN': '被拜访住户' } },
        },
      },
    },
    ui: { register: { form: 'register', sections: [{ id: 'main', title: { 'zh-CN': '上门拜访' }, fields: ['subject', 'house', 'resident'] }] } },
  };
}

let kernel: TestKernel;
let demo: SeededRegistry;
let admin: string;
let desk: string;

beforeAll(async () => {
  kernel = await startTestKernel({ plugins: ['service-desk'], startAt: '2026-11-02T09:00:00+08:00' });
  demo = await kernel.seed();
  admin = await kernel.login('admin');
  desk = await kernel.login('frontdesk');
});
afterAll(async () => kernel?.close());

const versionCount = async () => ((await kernel.call(admin, 'GET', '/api/config/versions')).json() as { items: unknown[] }).items.length;
const caseCount = async () => ((await kernel.call(desk, 'GET', '/api/cases/xHomeVisit')).json() as { items: unknown[] }).items.length;

describe('a company type takes its house and resident from its registration form', { timeout: 120_000 }, () => {
  it('a house field that is not a 房屋 field is refused on unitField, nothing proposed', async () => {
    const before = await versionCount();
    const res = await kernel.call(admin, 'POST', '/api/config/versions', { document: { caseTypes: { xHomeVisit: homeVisit('subject') } }, reason: '上门拜访' });
    expect(res.statusCode, res.body).toBe(400);
    const issues = (res.json() as { issues: Issue[] }).issues;
    expect(issues).toContainEqual(expect.objectContaining({ pointer: '/document/caseTypes/xHomeVisit/workflow/unitField', code: 'not-a-ref-field' }));
    expect(await versionCount()).toBe(before);
  });

  it('the form\'s house and resident become the case\'s own, and the household archive lists the case', async () => {
    const proposed = await kernel.call(admin, 'POST', '/api/config/versions', { document: { caseTypes: { xHomeVisit: homeVisit() } }, reason: '上门拜访' });
    expect(proposed.statusCode, proposed.body).toBe(201);
    const number = (proposed.json() as { number: number }).number;
    expect((await kernel.call(admin, 'POST', `/api/config/versions/${number}/activate`, {})).statusCode).toBe(200);

    const unit = demo.units.get('CH/1/101')!.id;
    const person = demo.people.get('张伟')!.id;
    const created = await kernel.call(desk, 'POST', '/api/cases/xHomeVisit', { projectId: demo.projects.get('CH')!.id, data: { subject: '新入住拜访', house: unit, resident: person } });
    expect(created.statusCode, created.body).toBe(201);
    const body = created.json() as { id: number; serial: string; unitId: number | null; personId: number | null };
    expect(body.unitId).toBe(unit);
    expect(body.personId).toBe(person);
    const archive = (await kernel.call(desk, 'GET', `/api/units/${unit}`)).json() as { cases: Record<string, { serial: string }[]> };
    expect(archive.cases.xHomeVisit?.map((c) => c.serial)).toContain(body.serial);
  });

  it('a house of another project in the field is refused naming the field, nothing written', async () => {
    const before = await caseCount();
    const res = await kernel.call(desk, 'POST', '/api/cases/xHomeVisit', { projectId: demo.projects.get('CH')!.id, data: { subject: '拜访', house: demo.units.get('JR/A/1001')!.id } });
    expect(res.statusCode, res.body).toBe(400);
    expect((res.json() as { issues: Issue[] }).issues).toEqual([expect.objectContaining({ pointer: '/data/house', code: 'not-found' })]);
    expect(await caseCount()).toBe(before);
  });

  it('a house the registration names itself wins over the form field', async () => {
    const named = demo.units.get('CH/1/102') ?? demo.units.get('CH/1/101')!;
    const res = await kernel.call(desk, 'POST', '/api/cases/xHomeVisit', { projectId: demo.projects.get('CH')!.id, unitId: named.id, data: { subject: '拜访', house: demo.units.get('CH/1/101')!.id } });
    expect(res.statusCode, res.body).toBe(201);
    expect((res.json() as { unitId: number }).unitId).toBe(named.id);
  });
});

describe('a company type sends its own messages', { timeout: 120_000 }, () => {
  const propose = (def: Record<string, unknown>) => kernel.call(admin, 'POST', '/api/config/versions', { document: { caseTypes: { xHomeVisit: def } }, reason: '拜访办结通知' });

  it('a message reading a field the type does not have is refused on its text; a plugin\'s message id on its id', async () => {
    const before = await versionCount();
    const unknown = await propose(homeVisit('house', '您好：{{data.nope}}'));
    expect(unknown.statusCode, unknown.body).toBe(400);
    expect((unknown.json() as { issues: Issue[] }).issues).toContainEqual(expect.objectContaining({ pointer: '/document/caseTypes/xHomeVisit/messages/xHomeVisitDone/text' }));
    // service-desk's own message: one id, one message, for the whole company
    const taken = await propose(homeVisit('house', undefined, 'utilityOutage'));
    expect(taken.statusCode, taken.body).toBe(400);
    expect((taken.json() as { issues: Issue[] }).issues).toContainEqual(expect.objectContaining({ pointer: '/document/caseTypes/xHomeVisit/messages/utilityOutage', code: 'taken' }));
    expect(await versionCount()).toBe(before);
  });

  it('办结 tells the visited resident (household message log) and the supervisors (in the app)', async () => {
    const unit = demo.units.get('CH/1/101')!.id;
    const created = await kernel.call(desk, 'POST', '/api/cases/xHomeVisit', { projectId: demo.projects.get('CH')!.id, data: { subject: '新入住拜访', house: unit, resident: demo.people.get('张伟')!.id } });
    expect(created.statusCode, created.body).toBe(201);
    const visit = created.json() as { id: number; serial: string; version: number };
    const done = await kernel.call(desk, 'POST', `/api/cases/xHomeVisit/${visit.id}/transitions/finish`, { version: visit.version });
    expect(done.statusCode, done.body).toBe(200);

    const log = (await kernel.call(desk, 'GET', `/api/units/${unit}/messages`)).json() as { items: { template: string; text: string }[] };
    expect(log.items.filter((m) => m.template === 'xHomeVisitDone').map((m) => m.text)).toEqual([`张伟您好：拜访（${visit.serial}）已办结，事由：新入住拜访。`]);
    const supervisor = await kernel.login('supervisor');
    const told = (await kernel.call(supervisor, 'GET', '/api/notifications?limit=100')).json() as { items: { kind: string; caseId: number | null; title?: string | null; text?: string | null }[] };
    const mine = told.items.filter((n) => n.kind === 'message' && n.caseId === visit.id);
    expect(mine).toHaveLength(1);
    expect(JSON.stringify(mine[0])).toContain(`翠湖花园：拜访（${visit.serial}）已办结，事由：新入住拜访`);
    // the message told only to staff needs no SMS template code; the one to the resident does
    const templates = (await kernel.call(admin, 'GET', '/api/messages/templates')).json() as { items: { id: string; toStaff: boolean }[] };
    expect(templates.items.filter((m) => m.id.startsWith('xHomeVisit'))).toEqual([
      expect.objectContaining({ id: 'xHomeVisitDone', toStaff: false }), expect.objectContaining({ id: 'xHomeVisitStaff', toStaff: true }),
    ]);
  });
});
