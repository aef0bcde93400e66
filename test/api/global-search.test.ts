/**
 * Global search (GET /api/search) and the case lists' q by resident: each form of query finds the
 * right household, person or case; another company's and another project's data never appears;
 * phones are masked; bad q is refused naming q. Runs on SQLite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoRegistry, startTestKernel, type TestKernel } from '../../core/testing/harness.js';
import type { SeededRegistry } from '../../core/registry/seed-registry.js';
import type { SearchAnswer } from '../../core/search/global-search.js';
import { Person } from '../../core/db/entities/index.js';

let kernel: TestKernel;
let reg: SeededRegistry;
let other: SeededRegistry;
const t: Record<string, string> = {};
let chCase: { id: number; serial: string };
let jrCase: { id: number; serial: string };

beforeAll(async () => {
  kernel = await startTestKernel({ plugins: ['service-desk', 'complaints'], startAt: '2026-11-02T09:00:00+08:00' });
  reg = await kernel.seed();
  // a second company with the very same rooms, names and phones: none of it may ever appear
  const doc = demoRegistry();
  doc.company = { code: 'OTHER', name: '另一家物业' };
  doc.staff = doc.staff!.map((s) => ({ ...s, username: `o-${s.username}` }));
  other = await kernel.seed(doc);
  for (const u of ['frontdesk', 'frontdesk-jr', 'manager', 'o-manager']) t[u] = await kernel.login(u);
  const zhang = reg.people.get('张伟')!;
  const unit101 = reg.units.get('CH/1/101')!;
  let res = await kernel.call(t.frontdesk!, 'POST', '/api/cases/complaint', {
    projectId: reg.projects.get('CH')!.id, unitId: unit101.id, personId: zhang.id,
    data: { channel: 'phone', complainantName: '张伟', contactPhone: '13800000001', content: '楼道灯坏了' },
  });
  expect(res.statusCode, res.body).toBe(201);
  chCase = res.json();
  const wu = reg.people.get('吴刚')!;
  res = await kernel.call(t['frontdesk-jr']!, 'POST', '/api/cases/complaint', {
    projectId: reg.projects.get('JR')!.id, unitId: reg.units.get('JR/A/1001')!.id, personId: wu.id,
    data: { channel: 'visit', complainantName: '吴刚', contactPhone: '13800000021', content: '空调不制冷' },
  });
  expect(res.statusCode, res.body).toBe(201);
  jrCase = res.json();
  // the other company's own case for 张伟 (same serial numbers start again there)
  res = await kernel.call(t['o-manager']!, 'POST', '/api/cases/complaint', {
    projectId: other.projects.get('CH')!.id, unitId: other.units.get('CH/1/101')!.id, personId: other.people.get('张伟')!.id,
    data: { channel: 'phone', complainantName: '张伟', contactPhone: '13800000001', content: '另一家的投诉' },
  });
  expect(res.statusCode, res.body).toBe(201);
});
afterAll(async () => kernel?.close());

async function search(who: string, q: string): Promise<SearchAnswer> {
  const res = await kernel.call(t[who]!, 'GET', `/api/search?q=${encodeURIComponent(q)}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as SearchAnswer;
}

const ourUnitIds = () => new Set([...reg.units.values()].map((u) => u.id));
const ourPeopleIds = () => new Set([...reg.people.values()].map((p) => p.id));

describe('GET /api/search', () => {
  it('finds a room written as 1-302, 1栋302, 1栋 302, 翠湖花园 1栋 302 or 302', async () => {
    const unit = reg.units.get('CH/1/302')!;
    for (const q of ['1-302', '1栋302', '1栋 302', '１栋３０２', '翠湖花园 1栋 302', '翠湖花园1-302', '1#302', '1号楼302室']) {
      const found = await search('frontdesk', q);
      expect(found.households.map((h) => h.unitId), q).toEqual([unit.id]);
      expect(found.households[0]!.label).toBe('翠湖花园 1栋 302');
    }
    const bare = await search('frontdesk', '302');
    expect(bare.households.map((h) => h.unitId).sort()).toEqual([reg.units.get('CH/1/302')!.id, reg.units.get('CH/2/302')!.id].sort());
    const owned = await search('frontdesk', '1-101');
    expect(owned.households).toEqual([{ unitId: reg.units.get('CH/1/101')!.id, projectId: reg.projects.get('CH')!.id, label: '翠湖花园 1栋 101', owners: ['张伟'] }]);
    // the household's cases come with it
    expect(owned.cases.map((c) => c.serial)).toEqual([chCase.serial]);
    expect(owned.cases[0]).toMatchObject({ caseId: chCase.id, caseType: 'complaint', open: true, unitLabel: '翠湖花园 1栋 101', personName: '张伟' });
    expect(owned.cases[0]!.typeTitle).toMatchObject({ 'zh-CN': '客户投诉' });
    expect(owned.cases[0]!.stateTitle).toHaveProperty('zh-CN');
    // a project's building by letter
    const a = await search('frontdesk-jr', 'A座1001');
    expect(a.households.map((h) => h.label)).toEqual(['金融大厦 A座 1001']);
    expect((await search('frontdesk-jr', '金融大厦 1001')).households.map((h) => h.label).sort()).toEqual(['金融大厦 A座 1001', '金融大厦 B座 1001']);
  });

  it('finds a resident by the whole phone or its last 4 digits, always masked', async () => {
    for (const q of ['13800000001', '138 0000 0001', '0001']) {
      const found = await search('frontdesk', q);
      expect(found.people, q).toEqual([{ personId: reg.people.get('张伟')!.id, name: '张伟', phone: '138****0001', units: [{ unitId: reg.units.get('CH/1/101')!.id, label: '翠湖花园 1栋 101', relation: 'owner' }] }]);
      expect(JSON.stringify({ ...found, q: '' })).not.toContain('13800000001'); // the text typed comes back as q, nothing else shows the number
      expect(found.cases.map((c) => c.caseId)).toContain(chCase.id);
    }
  });

  it('finds a resident by the start of the name, then by any part of it', async () => {
    expect((await search('frontdesk', '张')).people.map((p) => p.name)).toEqual(['张伟']);
    expect((await search('frontdesk', '伟')).people.map((p) => p.name)).toEqual(['张伟']);
    expect((await search('frontdesk', '张伟')).people[0]!.phone).toBe('138****0001');
  });

  it('finds a case by its whole serial or its tail', async () => {
    const [prefix, year, seq] = chCase.serial.split('-');
    for (const q of [chCase.serial, chCase.serial.toLowerCase(), `${year}-${Number(seq)}`, seq!, String(Number(seq))]) {
      const found = await search('manager', q);
      expect(found.cases.map((c) => c.serial), q).toContain(chCase.serial);
      expect(found.cases.every((c) => c.serial.startsWith(`${prefix}-`))).toBe(true);
    }
    const hit = (await search('manager', chCase.serial)).cases[0]!;
    expect(hit).toMatchObject({ caseId: chCase.id, caseType: 'complaint', serial: chCase.serial, state: 'registered', unitLabel: '翠湖花园 1栋 101', personName: '张伟' });
  });

  it("never shows another company's data nor another project's to staff limited to their projects", async () => {
    for (const q of ['张伟', '0001', '13800000001', '1-101', '101', chCase.serial, '1']) {
      const found = await search('manager', q);
      for (const h of found.households) expect(ourUnitIds().has(h.unitId), q).toBe(true);
      for (const p of found.people) expect(ourPeopleIds().has(p.personId), q).toBe(true);
      expect(JSON.stringify(found)).not.toContain('另一家');
    }
    // frontdesk works in CH only: JR's rooms, residents and cases stay hidden
    const fd = await search('frontdesk', '吴刚');
    expect(fd).toMatchObject({ households: [], people: [], cases: [] });
    expect((await search('frontdesk', '0021')).people).toEqual([]);
    expect((await search('frontdesk', '1001')).households).toEqual([]);
    expect((await search('frontdesk', jrCase.serial)).cases).toEqual([]);
    // frontdesk-jr sees them
    const jr = await search('frontdesk-jr', '吴刚');
    expect(jr.people.map((p) => [p.name, p.phone])).toEqual([['吴刚', '138****0021']]);
    expect(jr.cases.map((c) => c.caseId)).toEqual([jrCase.id]);
    expect((await search('frontdesk-jr', '张伟')).people).toEqual([]);
    // the other company's manager finds their own 张伟 and case, never ours
    const o = await search('o-manager', '张伟');
    expect(o.people.map((p) => p.personId)).toEqual([other.people.get('张伟')!.id]);
    expect(o.cases.map((c) => c.title)).toEqual(['另一家的投诉']);
  });

  it('refuses a bad q naming q, and asks for a session', async () => {
    for (const q of ['x'.repeat(51), 'a\u0007b', '   ', '%0A1-302']) {
      const res = await kernel.call(t.frontdesk!, 'GET', `/api/search?q=${q.startsWith('%') ? q : encodeURIComponent(q)}`);
      expect(res.statusCode, q).toBe(400);
      expect(res.json().issues.map((i: { pointer: string }) => i.pointer)).toContain('/querystring/q');
    }
    expect((await kernel.call(t.frontdesk!, 'GET', '/api/search')).statusCode).toBe(400);
    expect((await kernel.call(t.frontdesk!, 'GET', '/api/search?q=1&limit=500')).statusCode).toBe(400);
    expect((await kernel.call(null, 'GET', '/api/search?q=1-101')).statusCode).toBe(401);
  });

  it('keeps the phone key in step when a phone changes (entity hook)', async () => {
    const em = kernel.orm.em.fork();
    const p = await em.findOneOrFail(Person, { id: reg.people.get('王芳')!.id });
    p.phone = '139-1234-5678';
    await em.flush();
    expect((await search('frontdesk', '5678')).people.map((x) => x.name)).toEqual(['王芳']);
    expect((await search('frontdesk', '13912345678')).people.map((x) => x.phone)).toEqual(['139****5678']);
    expect((await search('frontdesk', '0002')).people).toEqual([]);
  });
});

describe('case lists: q matches the resident', () => {
  const list = async (who: string, q: string) => {
    const res = await kernel.call(t[who]!, 'GET', `/api/cases/complaint?q=${encodeURIComponent(q)}`);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json().items as { id: number }[]).map((c) => c.id);
  };
  it('by name, whole phone and last 4 digits; still by serial and content; never across companies or projects', async () => {
    for (const q of ['张伟', '张', '13800000001', '0001', chCase.serial, '楼道灯']) expect(await list('frontdesk', q), q).toEqual([chCase.id]);
    expect(await list('frontdesk', '吴刚')).toEqual([]);
    expect(await list('frontdesk-jr', '0021')).toEqual([jrCase.id]);
    expect(await list('manager', '张伟')).toEqual([chCase.id]);
  });
});

describe('reading the text', () => {
  it('tells a room from a phone and a serial', async () => {
    const { readQuery } = await import('../../core/search/parse-query.js');
    expect(readQuery('12-1503')).toEqual({ text: '12-1503', rooms: [{ building: '12', number: '1503' }] });
    expect(readQuery('138-0000-0001').phoneKeyPrefix).toBe('10000000831');
    expect(readQuery('0001')).toMatchObject({ rooms: [{ number: '0001' }], phoneKeyPrefix: '1000', serialTail: { seq: 1 } });
    expect(readQuery('ts-2026-42')).toMatchObject({ serial: 'TS-2026-000042' });
    expect(readQuery('翠湖花园 302').rooms).toEqual([{ place: '翠湖花园', number: '302' }]);
    expect(readQuery('张伟')).toEqual({ text: '张伟', rooms: [], name: '张伟' });
  });
});
