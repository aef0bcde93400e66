/**
 * Parses an uploaded roster into rows of cell texts: .xlsx streamed with exceljs's WorkbookReader
 * (first worksheet), .csv with csv-parse (UTF-8, or GB18030 as Excel saves it on Chinese Windows).
 * Reading stops as soon as the row limit is passed, so a sheet of millions of rows costs no more
 * than one of the limit. Runs inside the roster worker (roster-worker.ts), never on the server's
 * event loop; read-roster.ts is the entry the server calls.
 */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { isZip, MAX_ROSTER_ROWS, RosterLimitError, RosterReadError, type RosterSheet } from './roster-limits.js';

export async function parseRoster(content: Buffer): Promise<RosterSheet> {
  return isZip(content) ? parseXlsx(content) : parseCsv(content);
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

const tooManyRows = () => new RosterLimitError('too-many-rows', `最多 ${MAX_ROSTER_ROWS} 行 / at most ${MAX_ROSTER_ROWS} rows`);

async function parseXlsx(content: Buffer): Promise<RosterSheet> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([content]), {
    worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore',
  });
  const headers: string[] = [];
  const rows: RosterSheet['rows'] = [];
  let sheets = 0;
  try {
    for await (const worksheet of reader) {
      sheets++;
      for await (const row of worksheet) {
        const values = Array.isArray(row.values) ? row.values : [];
        const cells: string[] = [];
        for (let col = 1; col < values.length; col++) cells[col - 1] = cellText(values[col] as ExcelJS.CellValue);
        for (let i = 0; i < cells.length; i++) cells[i] ??= '';
        if (row.number === 1) headers.push(...cells);
        else if (cells.some((c) => c !== '')) {
          rows.push({ row: row.number, cells });
          if (rows.length > MAX_ROSTER_ROWS) throw tooManyRows();
        }
      }
      break; // the first worksheet is the roster; the worker ends here, unread entries included
    }
  } catch (e) {
    if (e instanceof RosterLimitError) throw e;
    throw new RosterReadError(`不是有效的 .xlsx 文件 / not a readable .xlsx file (${(e as Error).message})`);
  }
  if (!sheets) throw new RosterReadError('工作簿没有工作表 / the workbook has no sheet');
  return { headers, rows };
}

function decode(content: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(content).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(content);
  }
}

function parseCsv(content: Buffer): RosterSheet {
  let records: string[][];
  let count = 0;
  try {
    records = parse(decode(content), {
      relax_column_count: true, skip_empty_lines: true, trim: true,
      // stop the parser at the first record past the limit (header + MAX_ROSTER_ROWS)
      on_record: (record: string[]) => { if (++count > MAX_ROSTER_ROWS + 1) throw tooManyRows(); return record; },
    }) as string[][];
  } catch (e) {
    if (e instanceof RosterLimitError) throw e;
    throw new RosterReadError(`不是有效的 .csv 文件 / not a readable .csv file (${(e as Error).message})`);
  }
  const [headers = [], ...rest] = records;
  return { headers, rows: rest.map((cells, i) => ({ row: i + 2, cells })) };
}
