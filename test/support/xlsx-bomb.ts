/**
 * Builds hostile .xlsx files in memory for the roster import's security tests (no binaries in the
 * repository): a minimal workbook whose one sheet has as many rows as asked, streamed through
 * deflate so a two-million-row sheet never sits in memory as text.
 */
import { Readable } from 'node:stream';
import yazl from 'yazl';

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WORKBOOK = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="roster" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;

/** One row of inline-string cells, the way some exporters write sheets without shared strings. */
function rowXml(r: number, cells: string[]): string {
  const c = cells.map((text, i) => `<c r="${String.fromCharCode(65 + i)}${r}" t="inlineStr"><is><t>${text}</t></is></c>`).join('');
  return `<row r="${r}">${c}</row>`;
}

/**
 * A workbook with a header row and `rows` data rows. Each data row carries a pseudo-random number
 * so the sheet does not compress to nothing (an attacker's 2,000,000 rows came in 10 MB).
 */
export function bombWorkbook(rows: number, opts: { cellsPerRow?: number; extraEntries?: number } = {}): Promise<Buffer> {
  const cellsPerRow = opts.cellsPerRow ?? 1;
  const zip = new yazl.ZipFile();
  zip.addBuffer(Buffer.from(CONTENT_TYPES), '[Content_Types].xml');
  zip.addBuffer(Buffer.from(ROOT_RELS), '_rels/.rels');
  zip.addBuffer(Buffer.from(WORKBOOK), 'xl/workbook.xml');
  zip.addBuffer(Buffer.from(WORKBOOK_RELS), 'xl/_rels/workbook.xml.rels');
  for (let i = 0; i < (opts.extraEntries ?? 0); i++) zip.addBuffer(Buffer.from('x'), `xl/media/pad${i}.bin`);
  let seed = 12345;
  const random = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed; };
  function* sheet(): Generator<string> {
    yield '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
    yield rowXml(1, ['项目编码', '楼栋编码', '楼栋名称', '房号', '楼层', '建筑面积', '房屋类型'].slice(0, cellsPerRow));
    let chunk = '';
    for (let r = 2; r <= rows + 1; r++) {
      chunk += cellsPerRow === 1 ? `<row r="${r}"><c r="A${r}"><v>${random() % 4}</v></c></row>` : rowXml(r, Array.from({ length: cellsPerRow }, () => String(random() % 100000)));
      if (chunk.length > 64 * 1024) { yield chunk; chunk = ''; }
    }
    yield `${chunk}</sheetData></worksheet>`;
  }
  zip.addReadStream(Readable.from(sheet()), 'xl/worksheets/sheet1.xml');
  zip.end();
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    zip.outputStream.on('data', (d: Buffer) => parts.push(d)).on('end', () => resolve(Buffer.concat(parts))).on('error', reject);
  });
}
