/**
 * What a roster upload may cost, and the errors that say which limit it passed. A real roster of
 * 50,000 units unpacks to about 25 MB in a dozen zip entries; the caps leave room for that and
 * refuse zip bombs before any XML is parsed.
 */
export const MAX_ROSTER_ROWS = 50_000;
/** the sum of the zip entries' uncompressed sizes, from the central directory */
export const MAX_UNCOMPRESSED_BYTES = 64 * 1024 * 1024;
export const MAX_ZIP_ENTRIES = 500;
/** the parser's own heap, in the worker: a lying zip still cannot grow the server beyond this */
export const WORKER_HEAP_MB = 256;
/** reading one roster may take at most this long */
export const READ_TIMEOUT_MS = 60_000;
/** rosters read at the same time by one server process */
export const MAX_CONCURRENT_READS = 2;

export interface RosterSheet {
  /** header texts of row 1 */
  headers: string[];
  /** data rows (spreadsheet row number, cell texts by column index) */
  rows: { row: number; cells: string[] }[];
}

/** The file is not a roster we can read (400). */
export class RosterReadError extends Error {}

/** The file passes one of the limits above (413); `code` names which. */
export class RosterLimitError extends Error {
  constructor(readonly code: 'too-large' | 'too-many-rows' | 'too-many-entries', message: string) {
    super(message);
  }
}

export const isZip = (b: Buffer) => b.length > 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
