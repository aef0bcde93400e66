/**
 * A project's roster as the import reads it (楼栋房屋业主清单, core/registry/roster/columns.ts): one
 * row per unit and current owner, tenant or agent (a unit without people gets one row), the same
 * headers and the same words (住宅, 已入住, 业主 …), so importing the export changes nothing.
 */
import type { EntityManager } from '@mikro-orm/core';
import ExcelJS from 'exceljs';
import { Building, Person, Project, Unit, UnitPerson } from '../../db/entities/index.js';
import { COLUMNS } from './columns.js';

const UNIT_TYPE_WORDS: Record<string, string> = { residential: '住宅', commercial: '商铺', parking: '车位', office: '办公', storage: '仓储' };
const STATUS_WORDS: Record<string, string> = { vacant: '空置', occupied: '已入住', entrusted: '托管', renovating: '装修' };
const RELATION_WORDS: Record<string, string> = { owner: '业主', occupant: '租户', agent: '受托人' };
const CHUNK = 1000;

export async function rosterRows(em: EntityManager, companyId: number, project: Project): Promise<(string | number)[][]> {
  const buildings = await em.find(Building, { companyId, projectId: project.id }, { orderBy: { code: 'asc' } });
  const rows: (string | number)[][] = [];
  for (const b of buildings) {
    const units = await em.find(Unit, { companyId, buildingId: b.id }, { orderBy: { number: 'asc', id: 'asc' } });
    for (let i = 0; i < units.length; i += CHUNK) {
      const part = units.slice(i, i + CHUNK);
      const links = await em.find(UnitPerson, { companyId, unitId: { $in: part.map((u) => u.id) } }, { orderBy: { id: 'asc' } });
      const personIds = [...new Set(links.map((l) => l.personId))];
      const people = new Map<number, Person>();
      for (let j = 0; j < personIds.length; j += CHUNK) {
        for (const p of await em.find(Person, { companyId, id: { $in: personIds.slice(j, j + CHUNK) } })) people.set(p.id, p);
      }
      for (const u of part) {
        const unitCells = [project.code, b.code, b.name, u.number, u.floor ?? '', u.area, UNIT_TYPE_WORDS[u.unitType] ?? u.unitType, STATUS_WORDS[u.status] ?? u.status];
        const own = links.filter((l) => l.unitId === u.id && people.has(l.personId));
        if (!own.length) rows.push([...unitCells, '', '', '', '']);
        for (const l of own) {
          const p = people.get(l.personId)!;
          rows.push([...unitCells, p.name, p.phone ?? '', p.idNumber ?? '', RELATION_WORDS[l.relation] ?? l.relation]);
        }
      }
    }
  }
  return rows;
}

export async function rosterWorkbook(rows: (string | number)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('roster');
  sheet.addRow(COLUMNS.map((c) => c.headers[0]));
  // phone and ID numbers as text: a spreadsheet must not turn 440101199001011234 into 4.4E+17
  for (const r of rows) sheet.addRow(r.map((v) => (typeof v === 'number' ? v : String(v))));
  sheet.columns.forEach((col) => { col.width = 14; });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
