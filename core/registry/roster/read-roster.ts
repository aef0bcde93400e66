/**
 * Reads an uploaded roster into rows of cell texts: .xlsx with exceljs (first worksheet), .csv with
 * csv-parse (UTF-8, or GB18030 as Excel saves it on Chinese Windows). The kind is taken from the
 * content, not the file name.
 */
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';

export const MAX_ROSTER_ROWS = 50_000;

export interface RosterSheet {
  /** header texts of row 1 */
  headers: string[];
  /** data rows (spreadsheet row number, cell texts by column index) */
  rows: { row: number; cells: string[] }[];
}

export class RosterReadError extends Error {}

const isZip = (b: Buffer) => b.length > 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

export async function readRoster(content: Buffer): Promise<RosterSheet> {
  return isZip(content) ? readXlsx(content) : readCsv(content);
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100);
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('').trim();
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text).trim();
  }
  return String(value).trim();
}

async function readXlsx(content: Buffer): Promise<RosterSheet> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch (e) {
    throw new RosterReadError(`不是有效的 .xlsx 文件 / not a readable .xlsx file (${(e as Error).message})`);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new RosterReadError('工作簿没有工作表 / the workbook has no sheet');
  if (sheet.actualRowCount - 1 > MAX_ROSTER_ROWS) throw new RosterReadError(`最多 ${MAX_ROSTER_ROWS} 行 / at most ${MAX_ROSTER_ROWS} rows`);
  const headers: string[] = [];
  const rows: RosterSheet['rows'] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => { cells[col - 1] = cellText(cell.value); });
    for (let i = 0; i < cells.length; i++) cells[i] ??= '';
    if (rowNumber === 1) headers.push(...cells);
    else if (cells.some((c) => c !== '')) rows.push({ row: rowNumber, cells });
  });
  return { headers, rows };
}

function decode(content: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(content).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(content);
  }
}

function readCsv(content: Buffer): RosterSheet {
  let records: string[][];
  try {
    records = parse(decode(content), { relax_column_count: true, skip_empty_lines: true, trim: true }) as string[][];
  } catch (e) {
    throw new RosterReadError(`不是有效的 .csv 文件 / not a readable .csv file (${(e as Error).message})`);
  }
  if (records.length - 1 > MAX_ROSTER_ROWS) throw new RosterReadError(`最多 ${MAX_ROSTER_ROWS} 行 / at most ${MAX_ROSTER_ROWS} rows`);
  const [headers = [], ...rest] = records;
  return { headers, rows: rest.map((cells, i) => ({ row: i + 2, cells })) };
}
