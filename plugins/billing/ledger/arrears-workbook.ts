/**
 * The arrears list as an .xlsx workbook (exceljs): the same rows and figures as GET /arrears, every
 * unit of the query on one sheet with Chinese headers, amounts as numbers in yuan, and a total row.
 */
import ExcelJS from 'exceljs';
import type { arrearsAll } from './arrears.js';

type Rows = Awaited<ReturnType<typeof arrearsAll>>;

const HEADERS = ['房号', '业主', '联系电话', '欠费起始', '欠费月数', '欠费金额（元）', '其中滞纳金（元）', '上次催缴', '建议下一步'];

export async function arrearsWorkbook(rows: Rows, projectName: string | null): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('欠费清单');
  ws.addRow([`欠费清单${projectName ? ` ${projectName}` : ''}（截至 ${rows.asOf}）`]).font = { bold: true, size: 13 };
  ws.addRow(HEADERS).font = { bold: true };
  for (const r of rows.items) {
    ws.addRow([
      r.unitLabel, r.owner?.name ?? '', r.owner?.phone ?? '', r.oldestPeriodLabel, r.monthsUnpaid,
      r.outstandingFen / 100, r.lateFeeFen / 100, r.lastStep ? `${r.lastStep.title?.['zh-CN'] ?? ''} ${r.lastStep.recordedAt.slice(0, 10)}` : '',
      r.nextStep?.title['zh-CN'] ?? '',
    ]);
  }
  const first = 3;
  const last = first + rows.items.length - 1;
  const total = ws.addRow([`合计 ${rows.items.length} 户`, '', '', '', '',
    rows.items.length ? { formula: `SUM(F${first}:F${last})`, result: rows.items.reduce((s, r) => s + r.outstandingFen, 0) / 100 } : 0,
    rows.items.length ? { formula: `SUM(G${first}:G${last})`, result: rows.items.reduce((s, r) => s + r.lateFeeFen, 0) / 100 } : 0, '', '']);
  total.font = { bold: true };
  ws.getColumn(6).numFmt = '#,##0.00';
  ws.getColumn(7).numFmt = '#,##0.00';
  [14, 10, 14, 14, 10, 16, 16, 22, 18].forEach((w, i) => { ws.getColumn(i + 1).width = w; });
  ws.views = [{ state: 'frozen', ySplit: 2 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
