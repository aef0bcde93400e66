/**
 * `npm run wuye -- calendar:import <file.json>`: loads a year's official holiday arrangement (the
 * State Council's notice, typed as JSON — see core/platform/public-calendar-file.ts) into the
 * platform's public calendar as that year's next version, in force for every company at once.
 * `npm run wuye -- calendar:list`: which years near now have data, and from where.
 */
import { readFile } from 'node:fs/promises';
import type { CoreCommand } from '../core-command.js';
import { calendarStatusNear } from '../../platform/public-calendar-store.js';
import { WuyeError } from '../../errors.js';

const MAX_FILE_BYTES = 64 * 1024;

export const calendarImportCommand: CoreCommand = {
  summary: "Import a year's official public holiday arrangement (JSON: year, source, holidays, workdays) for every company",
  usage: 'calendar:import <file.json>',
  async run(args, kernel) {
    const [file, ...rest] = args;
    if (!file || rest.length) {
      console.error('usage: npm run wuye -- calendar:import <file.json>');
      return 2;
    }
    let doc: unknown;
    try {
      const text = await readFile(file, 'utf8');
      if (Buffer.byteLength(text) > MAX_FILE_BYTES) throw new Error(`larger than ${MAX_FILE_BYTES / 1024} KiB`);
      doc = JSON.parse(text);
    } catch (e) {
      console.error(`calendar:import: cannot read ${file}: ${(e as Error).message}`);
      return 2;
    }
    try {
      const stored = await kernel.publicCalendar.import(doc, 'cli');
      console.log(`calendar:import ${stored.year}: version ${stored.version} in force (${stored.holidays.length} days off, ${stored.workdays.length} 调休 working days; ${stored.source})`);
      return 0;
    } catch (e) {
      if (e instanceof WuyeError) {
        console.error(`calendar:import: refused, nothing stored:\n${e.issues.map((i) => `  ${i.pointer || '/'}: ${i.message}`).join('\n')}`);
        return 1;
      }
      throw e;
    }
  },
};

export const calendarListCommand: CoreCommand = {
  summary: 'Which years have an official public holiday arrangement, and from where',
  usage: 'calendar:list',
  async run(args, kernel) {
    if (args.length) {
      console.error('usage: npm run wuye -- calendar:list');
      return 2;
    }
    for (const s of calendarStatusNear(kernel.now())) {
      const where = s.source === 'platform' ? `platform import, version ${s.version}: ${s.notice}` : s.source === 'package' ? 'holiday package (chinese-days)' : 'MISSING: working-day deadlines count Monday–Friday';
      console.log(`${s.year}  ${where}`);
    }
    return 0;
  },
};
