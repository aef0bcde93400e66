/**
 * Roster export (GET /api/registry/roster.xlsx): the import's own columns, one row per unit and
 * current owner, tenant or agent; importing the export changes nothing (dry run accepts every row,
 * the real import creates and updates nothing). registry.import only; another company's or an
 * unknown project is 404.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKernel, type SeededRegistry, type TestKernel } from '../../core/testing/harness.js';
import type { HouseholdArchiveView } from '../../core/http/api-types.js';

let kernel: TestKernel;
let reg: SeededRegistry;
const t: Record<string, string> = {};
const HEADERS = ['项目编码', '楼栋编码', '楼栋名称', '房号', '楼层', '建筑面积', '房屋类型', '状态', '业主姓名', '联系电话', '证件号码', '关系'];

function upload(token: string, content: Buffer, query = '') {
  const boundary = '----wuye' + Math.random().toString(16).slice(2);
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="export.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return kernel.app.inject({ method: 'POST', url: `/api/registry/roster${query}`, headers: { authorization: `Bearer ${token}`, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
}
const counts = async () => {
  const conn = kernel.orm.em.getConnection();
  const one = async (table: string) => Number((await conn.execute<{ n: number }[]>(`select count(*) as n from ${table}`))[0]!.n);
  return { buildings: await one('building'), units: await one('unit'), people: await one('person'), links: await one('unit_person') };
};

beforeAll(async () => {
  kernel = await startTestKernel({ plugins: ['service-desk'], startAt: '2026-11-02T09:00:00+08:00' });
  reg = await kernel.seed();
  for (const u of ['frontdesk', 'supervisor', 'admin']) t[u] = await kernel.login(u);
  // a tenant with an ID number moves into 1-102: two people on one unit, an ID to carry as text
  const id = reg.units.get('CH/1/102')!.id;
  const view = (await kernel.call(t.supervisor!, 'GET', `/api/units/${id}/archive`)).json() as HouseholdArchiveView;
  const res = await kernel.call(t.supervisor!, 'POST', `/api/units/${id}/archive/members`, { version: view.version, relation: 'tenant', since: '2026-11-01', person: { name: '租客乙', phone: '13700000002', idNumber: '440101199001011234' } });
  expect(res.statusCode, res.body).toBe(201);
}, 120_000);
afterAll(async () => kernel?.close());

describe('roster export', () => {
  it("writes the import's columns, then importing it changes nothing", async () => {
    const res = await kernel.call(t.admin!, 'GET', `/api/registry/roster.xlsx?projectId=${reg.projects.get('CH')!.id}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    const sheet = wb.worksheets[0]!;
    const rows = sheet.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1).map((c) => (c == null ? '' : String(c))));
    expect(rows[0]).toEqual(HEADERS);
    expect(rows).toContainEqual(['CH', '1', '1栋', '101', '1', '89.50', '住宅', '已入住', '张伟', '13800000001', '', '业主']);
    expect(rows).toContainEqual(['CH', '1', '1栋', '102', '1', '120.00', '住宅', '已入住', '租客乙', '13700000002', '440101199001011234', '租户']);
    expect(rows.filter((r) => r[1] === '1' && r[3] === '302')).toHaveLength(1); // a unit without people: one row
    expect(rows.some((r) => r[0] === 'JR')).toBe(false);

    const before = await counts();
    const dry = await upload(t.admin!, res.rawPayload, '?dryRun=true');
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({ dryRun: true, rows: rows.length - 1 });
    const again = await upload(t.admin!, res.rawPayload);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ buildingsCreated: 0, unitsCreated: 0, unitsUpdated: 0, peopleCreated: 0, linksCreated: 0 });
    expect(await counts()).toEqual(before);
  });

  it('needs registry.import; unknown or foreign projects are 404', async () => {
    expect((await kernel.call(t.frontdesk!, 'GET', `/api/registry/roster.xlsx?projectId=${reg.projects.get('CH')!.id}`)).statusCode).toBe(403);
    expect((await kernel.call(t.admin!, 'GET', '/api/registry/roster.xlsx?projectId=999999')).statusCode).toBe(404);
    expect((await kernel.call(t.admin!, 'GET', '/api/registry/roster.xlsx')).statusCode).toBe(400);
  });
});
