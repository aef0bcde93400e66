/**
 * Checks every row of a roster before anything is written: headers known, required cells present,
 * each cell well-formed, projects of the company, and one unit described the same way on every
 * row that names it. Errors name the spreadsheet row and column (第 12 行 F 列「建筑面积」).
 */
import type { FieldIssue } from '../../errors.js';
import { COLUMNS, columnLetter, type Column, type ColumnKey } from './columns.js';
import type { RosterSheet } from './read-roster.js';

export interface RosterUnit {
  row: number;
  project: string;
  buildingCode: string;
  buildingName: string | null;
  unitNumber: string;
  floor: number | null;
  area: string;
  unitType: string;
  status: string;
  person: { name: string; phone: string | null; idNumber: string | null; relation: 'owner' | 'occupant' | 'agent' } | null;
}

/** Issues are capped: a wholly wrong file should not answer with 50,000 messages. */
export const MAX_ISSUES = 200;

export function validateRoster(sheet: RosterSheet, projectCodes: ReadonlySet<string>): { units: RosterUnit[]; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const push = (issue: FieldIssue) => { if (issues.length < MAX_ISSUES) issues.push(issue); };
  const byHeader = new Map<string, Column>();
  for (const c of COLUMNS) for (const h of c.headers) byHeader.set(h.toLowerCase(), c);
  const at = new Map<ColumnKey, number>();
  sheet.headers.forEach((h, i) => {
    const col = byHeader.get(h.trim().toLowerCase());
    if (!h.trim()) return;
    if (!col) push({ pointer: `/rows/1/${columnLetter(i)}`, code: 'unknown-column', message: `第 1 行 ${columnLetter(i)} 列：不认识的列「${h}」 / row 1, column ${columnLetter(i)}: unknown column "${h}"` });
    else if (at.has(col.key)) push({ pointer: `/rows/1/${columnLetter(i)}`, code: 'duplicate-column', message: `第 1 行 ${columnLetter(i)} 列：「${h}」重复 / row 1, column ${columnLetter(i)}: "${h}" appears twice` });
    else at.set(col.key, i);
  });
  for (const c of COLUMNS) {
    if (c.required && !at.has(c.key)) push({ pointer: `/rows/1/${c.key}`, code: 'missing-column', message: `缺少必填列「${c.headers[0]}」 / the required column "${c.headers[1]}" is missing` });
  }
  if (issues.length) return { units: [], issues };
  if (sheet.rows.length === 0) return { units: [], issues: [{ pointer: '/rows', code: 'empty', message: '没有数据行 / the roster has no rows' }] };

  const units: RosterUnit[] = [];
  const seen = new Map<string, RosterUnit>();
  for (const { row, cells } of sheet.rows) {
    const values: Partial<Record<ColumnKey, string | number | null>> = {};
    let ok = true;
    for (const c of COLUMNS) {
      const index = at.get(c.key);
      if (index === undefined) continue;
      const raw = (cells[index] ?? '').trim();
      const where = `第 ${row} 行 ${columnLetter(index)} 列「${c.headers[0]}」 / row ${row}, column ${columnLetter(index)} (${c.headers[1]})`;
      if (!raw && c.required) {
        push({ pointer: `/rows/${row}/${columnLetter(index)}`, code: 'required', message: `${where}：必填 / required` });
        ok = false;
        continue;
      }
      const parsed = c.parse(raw);
      if ('error' in parsed) {
        push({ pointer: `/rows/${row}/${columnLetter(index)}`, code: 'invalid', message: `${where}：${parsed.error}` });
        ok = false;
      } else values[c.key] = parsed.value;
    }
    if (ok && !projectCodes.has(String(values.project))) {
      const col = columnLetter(at.get('project')!);
      push({ pointer: `/rows/${row}/${col}`, code: 'unknown-project', message: `第 ${row} 行 ${col} 列「项目编码」：本公司没有项目「${values.project}」 / row ${row}: no project "${values.project}" in this company` });
      ok = false;
    }
    if (!ok) continue;
    const name = values.ownerName as string | null;
    const unit: RosterUnit = {
      row,
      project: String(values.project), buildingCode: String(values.buildingCode), buildingName: (values.buildingName as string | null) ?? null,
      unitNumber: String(values.unitNumber), floor: (values.floor as number | null) ?? null, area: String(values.area), unitType: String(values.unitType),
      status: (values.status as string | null) ?? 'vacant',
      person: name ? { name, phone: (values.phone as string | null) ?? null, idNumber: (values.idNumber as string | null) ?? null, relation: ((values.relation as string | null) ?? 'owner') as 'owner' } : null,
    };
    const key = `${unit.project}/${unit.buildingCode}/${unit.unitNumber}`;
    const earlier = seen.get(key);
    if (earlier && (earlier.area !== unit.area || earlier.unitType !== unit.unitType || earlier.status !== unit.status || earlier.floor !== unit.floor)) {
      push({ pointer: `/rows/${row}`, code: 'conflicting-unit', message: `第 ${row} 行：${key} 与第 ${earlier.row} 行的面积、类型、状态或楼层不一致 / row ${row}: ${key} differs from row ${earlier.row}` });
      continue;
    }
    if (!earlier) seen.set(key, unit);
    units.push(unit);
  }
  return { units, issues };
}
