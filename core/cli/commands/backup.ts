/**
 * `npm run wuye -- backup <file>` (production: `node dist/core/cli/main.js backup <file>`): an
 * online backup of the SQLite database while the server keeps running (core/db/backup.ts). On
 * PostgreSQL the tool is pg_dump; this command says so.
 */
import { BackupError, backupSqliteFile } from '../../db/backup.js';
import type { CoreCommand } from '../core-command.js';

export const backupCommand: CoreCommand = {
  summary: 'online backup of the SQLite database into a new file (PostgreSQL: use pg_dump)',
  usage: 'backup <file>',
  async run(args, kernel) {
    const [file, ...rest] = args;
    if (!file || rest.length) {
      console.error('usage: npm run wuye -- backup <file>');
      return 2;
    }
    if (kernel.orm.config.get('driver')?.name === 'PostgreSqlDriver') {
      console.error('the database is PostgreSQL: back it up with pg_dump (e.g. pg_dump --format=custom --file=wuye.dump "$DATABASE_URL"), restore with pg_restore');
      return 2;
    }
    const source = kernel.orm.config.get('dbName');
    if (!source) throw new Error('no SQLite file configured');
    try {
      const result = await backupSqliteFile(source, file);
      console.log(`backed up ${source} to ${result.file}: ${result.pages} pages, ${(result.bytes / 2 ** 20).toFixed(1)} MiB, ${result.ms} ms, integrity ok`);
      return 0;
    } catch (e) {
      if (e instanceof BackupError) {
        console.error(`backup failed: ${e.message}`);
        return 1;
      }
      throw e;
    }
  },
};
