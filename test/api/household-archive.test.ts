/**
 * The household archive (一户一档): a phone change, a tenant moving in and out, an ownership
 * transfer on a date keep their history and the previous owner; vehicles and parking; a stale
 * version is 409; bad input 400 naming the field, unknown or foreign ids 404, a role without
 * registry.edit 403 — each with nothing written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKernel, type SeededRegistry, type TestKernel } from '../../core/testing/harness.js';
import type { HouseholdArchiveView } from '../../core/http/api-types.js';

let kernel: TestKernel;
let reg: SeededRegistry;
const t: Record<string, string> = {};

const unitId = (key: string) => reg.units.get(key)!.id;
const archive = async (token: string, id: number) => {
  const res = await kernel.call(token, 'GET', `/api/units/${id}/archive`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as HouseholdArchiveView;
};
const counts = async () => {
  const conn = kernel.orm.em.getConnection();
  const one = async (table: string) => Number((await conn.execute<{ n: number }[]>(`select count(*) as n from ${table}`))[0]!.n);
  return { members: await one('household_member'), changes: await one('archive_change'), vehicles: await one('household_vehicle'), parking: await one('household_parking'), people: await one('person'), links: await one('unit_person') };
};

beforeAll(async () => {
  kernel = await startTestKernel({ plugins: ['service-desk'], startAt: '2026-11-02T09:00:00+08:00' });
  reg = await kernel.seed();
  for (const u of ['frontdesk', 'supervisor', 'technician', 'frontdesk-jr', 'admin']) t[u] = await kernel.login(u);
}, 120_000);
afterAll(async () => kernel?.close());

describe('household archive', () => {
  it('shows the roster-imported owner, and a phone change is kept in the history, masked', async () => {
    const id = unitId('CH/1/101');
    const before = await archive(t.supervisor!, id);
    expect(before.version).toBe(0);
    const owner = before.members.find((m) => m.relation === 'owner')!;
    expect(owner).toMatchObject({ name: '张伟', phone: '13800000001', current: true });
    const res = await kernel.call(t.frontdesk!, 'PATCH', `/api/units/${id}/archive/people/${owner.personId}`, { version: 0, phone: '13900000009' });
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json() as HouseholdArchiveView;
    expect(after.version).toBe(1);
    // the front desk sees phones in full (it takes and returns residents' calls); the history keeps them masked
    expect(after.members.find((m) => m.personId === owner.personId)).toMatchObject({ phone: '13900000009', phoneMasked: false });
    expect(after.history[0]).toMatchObject({ subject: 'person', action: 'change', field: 'phone', oldValue: '138****0001', newValue: '139****0009', actorName: '前台 林小红' });
    // the change is real: the supervisor sees the full new number, and the work-order pickers read it
    expect((await archive(t.supervisor!, id)).members.find((m) => m.personId === owner.personId)!.phone).toBe('13900000009');
    const stored = await kernel.orm.em.fork().getConnection().execute<{ old_value: string; new_value: string }[]>(`select old_value, new_value from archive_change where unit_id = ${id}`);
    expect(JSON.stringify(stored)).not.toContain('13900000009');
  });

  it('refuses a stale version with 409 and writes nothing', async () => {
    const id = unitId('CH/1/101');
    const owner = (await archive(t.supervisor!, id)).members.find((m) => m.relation === 'owner')!;
    const before = await counts();
    const res = await kernel.call(t.frontdesk!, 'PATCH', `/api/units/${id}/archive/people/${owner.personId}`, { version: 0, phone: '13900000010' });
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json()).toMatchObject({ code: 'WUYE_STALE_VERSION' });
    expect(await counts()).toEqual(before);
    expect((await archive(t.supervisor!, id)).members.find((m) => m.personId === owner.personId)!.phone).toBe('13900000009');
  });

  it('a tenant moves in and out on dates: kept with the period, unit_person follows', async () => {
    const id = unitId('CH/1/102');
    let v = (await archive(t.frontdesk!, id)).version;
    const moveIn = await kernel.call(t.frontdesk!, 'POST', `/api/units/${id}/archive/members`, { version: v, relation: 'tenant', since: '2026-11-01', person: { name: '租客甲', phone: '13700000001', idNumber: '440101199001011234' } });
    expect(moveIn.statusCode, moveIn.body).toBe(201);
    let view = moveIn.json() as HouseholdArchiveView;
    const tenant = view.members.find((m) => m.relation === 'tenant')!;
    expect(tenant).toMatchObject({ name: '租客甲', since: '2026-11-01', current: true, phone: '13700000001', idNumber: '4401**********1234' });
    const unit = (await kernel.call(t.supervisor!, 'GET', `/api/units/${id}`)).json() as { people: { relation: string; name: string }[] };
    expect(unit.people.map((p) => `${p.relation}:${p.name}`).sort()).toEqual(['occupant:租客甲', 'owner:王芳']);
    v = view.version;
    const moveOut = await kernel.call(t.frontdesk!, 'POST', `/api/units/${id}/archive/members/end`, { version: v, personId: tenant.personId, relation: 'tenant', until: '2027-01-31' });
    expect(moveOut.statusCode, moveOut.body).toBe(200);
    view = moveOut.json() as HouseholdArchiveView;
    expect(view.members.find((m) => m.personId === tenant.personId)).toMatchObject({ since: '2026-11-01', until: '2027-01-31', current: false });
    expect(view.history.map((h) => `${h.subject}.${h.action}`).slice(0, 2)).toEqual(['member.end', 'member.add']);
    const unitAfter = (await kernel.call(t.supervisor!, 'GET', `/api/units/${id}`)).json() as { people: { relation: string }[] };
    expect(unitAfter.people.map((p) => p.relation)).toEqual(['owner']);
    // an owner does not "move out": ownership changes by transfer
    const refused = await kernel.call(t.frontdesk!, 'POST', `/api/units/${id}/archive/members/end`, { version: view.version, personId: view.members.find((m) => m.relation === 'owner')!.personId, relation: 'owner', until: '2027-02-01' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().issues[0].pointer).toBe('/relation');
  });

  it('an ownership transfer on a date keeps the previous owner with their period', async () => {
    const id = unitId('CH/1/201');
    const v = (await archive(t.supervisor!, id)).version;
    const res = await kernel.call(t.supervisor!, 'POST', `/api/units/${id}/archive/transfer`, { version: v, date: '2026-12-01', owners: [{ person: { name: '新业主', phone: '13600000001' } }, { person: { name: '新业主配偶', phone: '13600000002' } }] });
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json() as HouseholdArchiveView;
    expect(view.members.filter((m) => m.current).map((m) => `${m.relation}:${m.name}:${m.since}`)).toEqual(['owner:新业主:2026-12-01', 'coOwner:新业主配偶:2026-12-01']);
    expect(view.members.find((m) => m.name === '李娜')).toMatchObject({ relation: 'owner', until: '2026-12-01', current: false });
    expect(view.history[0]).toMatchObject({ subject: 'ownership', action: 'transfer', oldValue: '李娜', newValue: '新业主、新业主配偶（2026-12-01）' });
    const unit = (await kernel.call(t.supervisor!, 'GET', `/api/units/${id}`)).json() as { people: { relation: string; name: string }[] };
    expect(unit.people.map((p) => p.name).sort()).toEqual(['新业主', '新业主配偶']);
  });

  it('vehicles and parking spaces: added, changed, removed — all in the history', async () => {
    const id = unitId('CH/1/202');
    let view = await archive(t.frontdesk!, id);
    let res = await kernel.call(t.frontdesk!, 'POST', `/api/units/${id}/archive/vehicles`, { version: view.version, plate: '粤b12345', model: '比亚迪 汉', color: '白' });
    expect(res.statusCode, res.body).toBe(201);
    view = res.json();
    expect(view.vehicles).toMatchObject([{ plate: '粤B12345', model: '比亚迪 汉', color: '白', removedAt: null }]);
    res = await kernel.call(t.frontdesk!, 'POST', `/api/units/${id}/archive/parking`, { version: view.version, number: 'B2-018', kind: 'rented', since: '2026-11-01', until: '2027-10-31' });
    expect(res.statusCode, res.body).toBe(201);
    view = res.json();
    expect(view.parking).toMatchObject([{ number: 'B2-018', kind: 'rented', since: '2026-11-01', until: '2027-10-31' }]);
    res = await kernel.call(t.frontdesk!, 'PATCH', `/api/units/${id}/archive/vehicles/${view.vehicles[0]!.id}`, { version: view.version, color: '黑' });
    expect(res.statusCode, res.body).toBe(200);
    view = res.json();
    res = await kernel.call(t.frontdesk!, 'PATCH', `/api/units/${id}/archive/vehicles/${view.vehicles[0]!.id}`, { version: view.version, removed: true });
    view = res.json();
    expect(view.vehicles[0]!.removedAt).not.toBeNull();
    expect(view.history.map((h) => `${h.subject}.${h.action}.${h.field}:${h.oldValue ?? ''}>${h.newValue ?? ''}`)).toEqual([
      'vehicle.remove.plate:粤B12345>', 'vehicle.change.color:白>黑', 'parking.add.number:>B2-018 rented 2026-11-01～2027-10-31', 'vehicle.add.plate:>粤B12345 比亚迪 汉 白',
    ]);
  });

  it('refuses bad input naming the field, unknown and foreign ids, and roles without registry.edit — nothing written', async () => {
    const id = unitId('CH/1/202');
    const v = (await archive(t.frontdesk!, id)).version;
    const before = await counts();
    const expectIssue = async (body: unknown, pointer: string, url = `/api/units/${id}/archive/members`, method: 'POST' | 'PATCH' = 'POST') => {
      const res = await kernel.call(t.frontdesk!, method, url, body);
      expect(res.statusCode, res.body).toBe(400);
      expect((res.json() as { issues: { pointer: string }[] }).issues.map((i) => i.pointer)).toContain(pointer);
    };
    await expectIssue({ version: v, relation: 'tenant', person: { name: '甲', phone: 'abc' } }, '/person/phone');
    await expectIssue({ version: v, relation: 'tenant', person: { name: '甲' }, since: '2026-02-30' }, '/since');
    await expectIssue({ version: v, relation: 'emergency', person: { name: '甲' } }, '/person/phone');
    await expectIssue({ version: v, plate: 'X1' }, '/plate', `/api/units/${id}/archive/vehicles`);
    await expectIssue({ version: v, number: 'A-1', kind: 'rented', since: '2026-05-01', until: '2026-04-01' }, '/until', `/api/units/${id}/archive/parking`);
    await expectIssue({ version: v, date: '2026-13-01', owners: [{ person: { name: '乙' } }] }, '/date', `/api/units/${id}/archive/transfer`);
    const owner = (await archive(t.frontdesk!, id)).members[0]!;
    await expectIssue({ version: v, idNumber: '身份证' }, '/idNumber', `/api/units/${id}/archive/people/${owner.personId}`, 'PATCH');
    // unknown unit, a unit of a project the front desk does not work in, a person of another unit
    expect((await kernel.call(t.frontdesk!, 'PATCH', `/api/units/999999/archive/people/${owner.personId}`, { version: v, phone: '13000000000' })).statusCode).toBe(404);
    expect((await kernel.call(t.frontdesk!, 'GET', `/api/units/${unitId('JR/A/1001')}/archive`)).statusCode).toBe(404);
    const other = (await archive(t.supervisor!, unitId('CH/1/102'))).members[0]!;
    expect((await kernel.call(t.frontdesk!, 'PATCH', `/api/units/${id}/archive/people/${other.personId}`, { version: v, phone: '13000000000' })).statusCode).toBe(404);
    expect((await kernel.call(t.frontdesk!, 'POST', `/api/units/${id}/archive/members`, { version: v, relation: 'family', personId: 999999 })).statusCode).toBe(404);
    // a technician may read the archive but not change it
    const refused = await kernel.call(t.technician!, 'POST', `/api/units/${id}/archive/vehicles`, { version: v, plate: '粤B54321' });
    expect(refused.statusCode).toBe(403);
    expect(await counts()).toEqual(before);
    expect((await archive(t.frontdesk!, id)).version).toBe(v);
  });

  it("the archive gathers the household's cases, open first", async () => {
    const id = unitId('CH/1/101');
    const em = kernel.orm.em.fork();
    const { WorkCase } = await import('../../core/db/entities/index.js');
    const base = { companyId: reg.company.id, projectId: reg.projects.get('CH')!.id, unitId: id, data: {}, createdBy: 1, configVersionId: null, version: 1, updatedAt: new Date('2026-10-01T00:00:00Z') };
    em.create(WorkCase, { ...base, caseType: 'complaint', serial: 'TS-1', state: 'closed', closedAt: new Date('2026-10-01T00:00:00Z'), createdAt: new Date('2026-09-01T00:00:00Z') } as never);
    em.create(WorkCase, { ...base, caseType: 'renovation', serial: 'TS-2', state: 'open', createdAt: new Date('2026-08-01T00:00:00Z') } as never);
    await em.flush();
    const view = await archive(t.frontdesk!, id);
    expect(view.cases.map((c) => c.serial)).toEqual(['TS-2', 'TS-1']);
  });
});
