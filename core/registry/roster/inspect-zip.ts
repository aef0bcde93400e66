/**
 * Checks a zip's central directory before anything is unpacked: how many entries, and how large
 * they say they are once unpacked. A zip bomb is refused here in milliseconds. Sizes that lie
 * are caught later by the worker's heap limit and deadline (read-roster.ts).
 */
import yauzl from 'yauzl';
import { MAX_UNCOMPRESSED_BYTES, MAX_ZIP_ENTRIES, RosterLimitError, RosterReadError } from './roster-limits.js';

const MIB = 1024 * 1024;

export function inspectZip(content: Buffer): Promise<{ entries: number; uncompressedBytes: number }> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(content, { lazyEntries: true, validateEntrySizes: true }, (err, zip) => {
      if (err || !zip) {
        reject(new RosterReadError(`不是有效的 .xlsx 文件 / not a readable .xlsx file (${err?.message ?? 'no zip'})`));
        return;
      }
      if (zip.entryCount > MAX_ZIP_ENTRIES) {
        zip.close();
        reject(new RosterLimitError('too-many-entries', `工作簿内的文件过多（${zip.entryCount} 个，最多 ${MAX_ZIP_ENTRIES} 个）/ the workbook holds ${zip.entryCount} zip entries, at most ${MAX_ZIP_ENTRIES}`));
        return;
      }
      let entries = 0;
      let uncompressedBytes = 0;
      zip.on('entry', (entry: yauzl.Entry) => {
        entries++;
        uncompressedBytes += entry.uncompressedSize;
        if (uncompressedBytes > MAX_UNCOMPRESSED_BYTES) {
          zip.close();
          reject(new RosterLimitError('too-large', `工作簿解压后超过 ${MAX_UNCOMPRESSED_BYTES / MIB} MiB / the workbook unpacks to more than ${MAX_UNCOMPRESSED_BYTES / MIB} MiB`));
          return;
        }
        zip.readEntry();
      });
      zip.on('end', () => resolve({ entries, uncompressedBytes }));
      zip.on('error', (e: Error) => reject(new RosterReadError(`不是有效的 .xlsx 文件 / not a readable .xlsx file (${e.message})`)));
      zip.readEntry();
    });
  });
}
