/**
 * Confidentiality (保密) as configuration: phones and ID numbers per role (desk roles full phone and masked ID, other roles masked,
 * supervisor full by default; a company's `privacy` section changes it), an explicit reveal with a
 * reason that is logged, the read log of who read which household (batched, read by supervisors
 * and admins only), and the visitor desk (visitorOnly) that sees room numbers only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKernel, type SeededRegistry, type TestKernel } from '../../core/testing/harness.js';
import type { HouseholdArchiveView, PersonRow, UnitDetail } from '../../core/http/api-types.js';
import { maskIdNumber, maskPhone, ruleFor } from '../../core/registry/privacy.js';

let kernel: TestKernel;
let reg: SeededRegistry;
const t: Record<string, string> = {};
const unitId = (key: string) => reg.units.get(key)!.id;

interface LogItem { kind: string; staffName: string; number: string | null; personName: string | null; field: string | null; reason: string | null; via: string | null }
const readLog = async (token: string, query = '') => kernel.call(token, 'GET', `/api/registry/read-log${query}`);
const reads = async () => Number((await kernel.orm.em.getConnection().execute<{ n: number }[]>('select count(*) as n from personal_data_read'))[0]!.n);

async function configure(privacy: unknown) {
  const v = await kernel.call(t.admin!, 'POST', '/api/config/versions', { reason: '保密设置', patch: { privacy } });
  expect(v.statusCode, v.body).toBe(201);
  const a = await kernel.call(t.admin!, 'POST', `/api/config/versions/${(v.json() as { number: number }).number}/activate`, {});
  expect(a.statusCode, a.body).toBe(200);
}

beforeAll(async () => {
  kernel = await startTestKernel({ plugins: ['service-desk'], startAt: '2026-11-02T09:00:00+08:00' });
  reg = await kernel.seed();
  for (const u of ['frontdesk', 'supervisor', 'technician', 'concierge', 'admin']) t[u] = await kernel.login(u);
  // an ID number on file for 101's owner
  const id = unitId('CH/1/101');
  const view = (await kernel.call(t.supervisor!, 'GET', `/api/units/${id}/archive`)).json() as HouseholdArchiveView;
  const res = await kernel.call(t.supervisor!, 'PATCH', `/api/units/${id}/archive/people/${view.members[0]!.personId}`, { version: view.version, idNumber: '440101199001011234' });
  expect(res.statusCode, res.body).toBe(200);
}, 120_000);
afterAll(async () => kernel?.close());

describe('privacy', () => {
  it('masks as 138****0001 and 4401**********1234; the most open of a staff member’s roles applies', () => {
    expect(maskPhone('13800000001')).toBe('138****0001');
    expect(maskIdNumber('440101199001011234')).toBe('4401**********1234');
    expect(ruleFor(['frontDesk'], undefined)).toEqual({ phone: 'full', idNumber: 'masked', visitorOnly: false });
    expect(ruleFor(['technician'], undefined)).toEqual({ phone: 'masked', idNumber: 'hidden', visitorOnly: false });
    expect(ruleFor(['frontDesk', 'supervisor'], undefined)).toEqual({ phone: 'full', idNumber: 'full', visitorOnly: false });
    expect(ruleFor(['frontDesk'], { roles: { frontDesk: { visitorOnly: true } } }).visitorOnly).toBe(true);
  });

  it('by default the desk sees phones in full (it takes and returns calls) and IDs masked, a technician phones masked and no ID, the supervisor everything', async () => {
    const id = unitId('CH/1/101');
    const as = async (u: string) => ((await kernel.call(t[u]!, 'GET', `/api/units/${id}/archive`)).json() as HouseholdArchiveView).members[0]!;
    expect(await as('frontdesk')).toMatchObject({ phone: '13800000001', phoneMasked: false, idNumber: '4401**********1234', idNumberMasked: true });
    expect(await as('concierge')).toMatchObject({ phone: '13800000001', idNumber: '4401**********1234', idNumberMasked: true });
    expect(await as('technician')).toMatchObject({ phone: '138****0001', phoneMasked: true, idNumber: null, idNumberMasked: false });
    expect(await as('supervisor')).toMatchObject({ phone: '13800000001', phoneMasked: false, idNumber: '440101199001011234' });
    // the unit page and the people search mask the same way
    const unit = (await kernel.call(t.technician!, 'GET', `/api/units/${id}`)).json() as UnitDetail;
    expect(unit.people[0]!.phone).toBe('138****0001');
    const found = (await kernel.call(t.technician!, 'GET', '/api/people?q=13800000001')).json() as { items: PersonRow[] };
    expect(found.items.map((p) => p.phone)).toEqual(['138****0001']);
    const full = (await kernel.call(t.supervisor!, 'GET', '/api/people?q=13800000001')).json() as { items: PersonRow[] };
    expect(full.items.map((p) => p.phone)).toEqual(['13800000001']);
  });

  it('reveals a masked phone on request with a reason, and logs it; a hidden ID is refused, a blank reason too', async () => {
    const id = unitId('CH/1/101');
    const member = ((await kernel.call(t.technician!, 'GET', `/api/units/${id}/archive`)).json() as HouseholdArchiveView).members[0]!;
    const res = await kernel.call(t.technician!, 'POST', `/api/people/${member.personId}/reveal`, { field: 'phone', reason: '回电业主' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ personId: member.personId, field: 'phone', value: '13800000001' });
    const before = await reads();
    expect((await kernel.call(t.technician!, 'POST', `/api/people/${member.personId}/reveal`, { field: 'idNumber', reason: '核对' })).statusCode).toBe(403);
    const blank = await kernel.call(t.technician!, 'POST', `/api/people/${member.personId}/reveal`, { field: 'phone', reason: '  ' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().issues[0].pointer).toBe('/reason');
    // someone of another project: unknown
    const jr = ((await kernel.call(t.supervisor!, 'GET', `/api/units/${unitId('JR/A/1001')}/archive`)).json() as HouseholdArchiveView).members[0]!;
    expect((await kernel.call(t.technician!, 'POST', `/api/people/${jr.personId}/reveal`, { field: 'phone', reason: 'x' })).statusCode).toBe(404);
    expect(await reads()).toBe(before);
    const log = (await readLog(t.supervisor!, '?kind=reveal')).json() as { items: LogItem[] };
    expect(log.items[0]).toMatchObject({ kind: 'reveal', staffName: '维修技工 谢工', number: '101', personName: '张伟', field: 'phone', reason: '回电业主' });
  });

  it('notes who read which household (batched), shown to supervisors and admins only', async () => {
    const id = unitId('CH/1/202');
    expect((await kernel.call(t.technician!, 'GET', `/api/units/${id}/archive`)).statusCode).toBe(200);
    expect((await kernel.call(t.technician!, 'GET', `/api/units/${id}`)).statusCode).toBe(200);
    // the batch reaches the table when the log is read (or within seconds)
    const log = (await readLog(t.admin!, `?unitId=${id}`)).json() as { items: LogItem[] };
    expect(log.items.map((i) => `${i.staffName}:${i.number}:${i.via}`).sort()).toEqual(['维修技工 谢工:202:archive', '维修技工 谢工:202:unit'].sort());
    expect((await readLog(t.frontdesk!)).statusCode).toBe(403);
    expect((await readLog(t.technician!)).statusCode).toBe(403);
  });

  it('a visitor-only role sees room numbers and nothing of the residents', async () => {
    await configure({ roles: { frontDesk: { visitorOnly: true } } });
    const id = unitId('CH/1/101');
    const unit = (await kernel.call(t.frontdesk!, 'GET', `/api/units/${id}`)).json() as UnitDetail;
    expect(unit.number).toBe('101');
    expect(unit.people).toEqual([]);
    const units = (await kernel.call(t.frontdesk!, 'GET', '/api/units?number=101')).json() as { items: { number: string; owners: string[] }[] };
    expect(units.items.every((u) => u.owners.length === 0)).toBe(true);
    expect((await kernel.call(t.frontdesk!, 'GET', `/api/units/${id}/archive`)).statusCode).toBe(403);
    // a visitor asks for 张伟: the room, no phone; phone digits find nobody
    const byName = (await kernel.call(t.frontdesk!, 'GET', `/api/people?q=${encodeURIComponent('张伟')}`)).json() as { items: PersonRow[] };
    expect(byName.items.map((p) => ({ phone: p.phone, rooms: p.units.map((u) => u.number) }))).toEqual([{ phone: null, rooms: ['101'] }]);
    expect(((await kernel.call(t.frontdesk!, 'GET', '/api/people?q=13800000001')).json() as { items: unknown[] }).items).toEqual([]);
    // a company may also open phones to the front desk: full
    await configure({ roles: { frontDesk: { phone: 'full', visitorOnly: false } } });
    const archive = (await kernel.call(t.frontdesk!, 'GET', `/api/units/${id}/archive`)).json() as HouseholdArchiveView;
    expect(archive.members[0]!.phone).toBe('13800000001');
  });

  it('refuses a bad privacy setting when the configuration is checked, naming it', async () => {
    const res = await kernel.call(t.admin!, 'POST', '/api/config/versions', { reason: '错误', patch: { privacy: { roles: { frontDesk: { phone: 'sometimes' } } } } });
    expect(res.statusCode, res.body).toBe(400);
    expect((res.json() as { issues: { pointer: string }[] }).issues.some((i) => i.pointer.includes('/privacy/roles/frontDesk/phone'))).toBe(true);
  });
});
