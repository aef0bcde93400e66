/**
 * Importing a roster of buildings, units and owners (.xlsx and .csv): a 5,000-unit workbook
 * imports in one go; a roster with bad rows is refused with row/column errors and nothing written;
 * re-importing changes nothing; GB18030 CSV from Excel on Chinese Windows is read.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKernel, type TestKernel } from '../../core/testing/harness.js';

let kernel: TestKernel;
let admin: string;
const HEADERS = ['项目编码', '楼栋编码', '楼栋名称', '房号', '楼层', '建筑面积', '房屋类型', '状态', '业主姓名', '联系电话', '证件号码', '关系'];

async function xlsx(rows: (string | number)[][], headers = HEADERS): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('清单');
  sheet.addRow(headers);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function upload(token: string, content: Buffer, name = 'roster.xlsx', query = '') {
  const boundary = '----wuye' + Math.random().toString(16).slice(2);
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
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
  kernel = await startTestKernel({ plugins: ['service-desk'] });
  await kernel.seed();
  admin = await kernel.login('admin');
});
afterAll(async () => kernel?.close());

describe('roster import', () => {
  it('imports a 5,000-unit workbook: 50 buildings × 100 units with their owners', async () => {
    const rows: (string | number)[][] = [];
    for (let b = 1; b <= 50; b++) {
      for (let u = 1; u <= 100; u++) {
        const floor = Math.ceil(u / 4);
        rows.push(['JR', `B${b}`, `${b}号楼`, `${floor}0${((u - 1) % 4) + 1}`, floor, u % 3 === 0 ? 120.5 : '89.5', u % 10 === 0 ? '商铺' : '住宅', u % 7 === 0 ? '空置' : '已入住', `业主${b}-${u}`, `139${String(b * 1000 + u).padStart(8, '0')}`, '', '业主']);
      }
    }
    const before = await counts();
    const started = Date.now();
    const res = await upload(admin, await xlsx(rows));
    const ms = Date.now() - started;
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ rows: 5000, buildingsCreated: 50, unitsCreated: 5000, unitsUpdated: 0, peopleCreated: 5000, linksCreated: 5000 });
    const after = await counts();
    expect(after).toEqual({ buildings: before.buildings + 50, units: before.units + 5000, people: before.people + 5000, links: before.links + 5000 });
    console.log(`roster import: 5,000 units (xlsx) in ${ms} ms over HTTP on ${kernel.dialect}`);
    const units = (await kernel.call(admin, 'GET', '/api/units?number=103&limit=200')).json().items as { area: string; unitType: string; status: string }[];
    expect(units.find((u) => u.area === '120.50')).toMatchObject({ unitType: 'residential', status: 'occupied' });

    // the same roster again: nothing new
    const again = await upload(admin, await xlsx(rows));
    expect(again.json()).toMatchObject({ buildingsCreated: 0, unitsCreated: 0, unitsUpdated: 0, peopleCreated: 0, linksCreated: 0 });
    expect(await counts()).toEqual(after);
  }, 120_000); // two imports of 5,000 units, each parsed in a fresh worker thread

  it('refuses a roster with bad rows, naming row and column, and writes nothing', async () => {
    const before = await counts();
    const res = await upload(admin, await xlsx([
      ['CH', '9', '9栋', '101', 1, '89.50', '住宅', '已入住', '甲', '13800009001', '', '业主'],
      ['CH', '9', '9栋', '102', 1, '-5', '住宅', '', '', '', '', ''],
      ['XX', '9', '9栋', '103', 1, '80', '住宅', '', '', '', '', ''],
      ['CH', '9', '9栋', '', 1, '80', '住宅', '', '', '', '', ''],
      ['CH', '9', '9栋', '105', 1, '80', '别墅', '', '', '', '', ''],
      ['CH', '9', '9栋', '101', 2, '89.50', '住宅', '已入住', '乙', '13800009002', '', '租户'],
    ]));
    expect(res.statusCode, res.body).toBe(422);
    const body = res.json() as { message: string; issues: { pointer: string; message: string }[] };
    expect(body.message).toContain('nothing was imported');
    expect(body.issues.map((i) => i.pointer)).toEqual(['/rows/3/F', '/rows/4/A', '/rows/5/D', '/rows/6/G', '/rows/7']);
    expect(body.issues[0]!.message).toContain('第 3 行 F 列「建筑面积」');
    expect(body.issues[1]!.message).toContain('没有项目「XX」');
    expect(body.issues[4]!.message).toContain('与第 2 行');
    expect(await counts()).toEqual(before);
  });

  it('refuses unknown and missing columns', async () => {
    const res = await upload(admin, await xlsx([['CH', '9', '101']], ['项目编码', '楼栋编码', '门牌']));
    expect(res.statusCode).toBe(422);
    const pointers = (res.json() as { issues: { pointer: string }[] }).issues.map((i) => i.pointer);
    expect(pointers).toEqual(['/rows/1/C', '/rows/1/unitNumber', '/rows/1/area', '/rows/1/unitType']);
  });

  it('reads CSV in UTF-8 (with BOM) and in GB18030 as Excel saves it', async () => {
    const csv = `${HEADERS.join(',')}\nCH,7,7栋,701,7,100,住宅,空置,,,,\nCH,7,7栋,702,7,100.25,商铺,托管,周强,13700000000,,业主\n`;
    const utf8 = await upload(admin, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv)]), 'roster.csv');
    expect(utf8.statusCode, utf8.body).toBe(200);
    expect(utf8.json()).toMatchObject({ rows: 2, buildingsCreated: 1, unitsCreated: 2, peopleCreated: 1 });
    // the same file as GB18030: same units, now unchanged
    const gbk = encodeGb18030(csv);
    expect(gbk.equals(Buffer.from(csv))).toBe(false); // really another encoding
    const second = await upload(admin, gbk, 'roster.csv');
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json()).toMatchObject({ rows: 2, buildingsCreated: 0, unitsCreated: 0, unitsUpdated: 0, peopleCreated: 0 });
  });

  it('checks without writing on a dry run; refuses other roles and files that are not rosters', async () => {
    const before = await counts();
    const dry = await upload(admin, await xlsx([['CH', '8', '8栋', '801', 8, '90', '住宅', '空置', '', '', '', '']]), 'r.xlsx', '?dryRun=true');
    expect(dry.json()).toMatchObject({ dryRun: true, rows: 1 });
    expect(await counts()).toEqual(before);
    const desk = await kernel.login('frontdesk');
    expect((await upload(desk, await xlsx([]))).statusCode).toBe(403);
    const png = await upload(admin, Buffer.from('PK\u0003\u0004not really a zip'), 'r.xlsx');
    expect(png.statusCode).toBe(400);
    expect(png.json().issues[0]).toMatchObject({ pointer: '/file', code: 'unreadable' });
    expect((await upload(admin, Buffer.alloc(0))).statusCode).toBe(400);
  });

  it('serves a template that imports as it is', async () => {
    const res = await kernel.call(admin, 'GET', '/api/registry/roster/template.xlsx');
    expect(res.statusCode).toBe(200);
    const imported = await upload(admin, res.rawPayload);
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json()).toMatchObject({ rows: 1, unitsCreated: 0 });
  });
});

/** GB18030 bytes of a string: Node decodes GB18030 but has no encoder, so invert the decoder's two-byte table. */
function encodeGb18030(text: string): Buffer {
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = decoder.decode(Uint8Array.from([hi, lo]));
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) bytes.push(ch.charCodeAt(0));
    else {
      const code = table.get(ch);
      if (!code) throw new Error(`no GB18030 two-byte code for ${ch}`);
      bytes.push(...code);
    }
  }
  return Buffer.from(bytes);
}
