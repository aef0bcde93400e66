/**
 * `npm run wuye -- company:create --code <code> --name <name> [--timezone <IANA zone>]
 *  --admin <username> --admin-name <name> [--admin-password-env VAR]`: a company with
 * configuration version 1 and its first company admin, as POST /api/platform/companies makes it
 * (for scripted installs). The admin's password comes from the environment variable, piped stdin
 * or a hidden prompt.
 */
import type { CoreCommand } from '../core-command.js';
import { createCompany } from '../../platform/create-company.js';
import { readFlags, readPassword, reportRefusal } from './company-cli-input.js';

const USAGE = 'company:create --code <code> --name <name> [--timezone Asia/Shanghai] --admin <username> --admin-name <name> [--admin-password-env VAR]';

export const companyCreateCommand: CoreCommand = {
  summary: 'Create a company with its first company admin (configuration version 1: the plugins’ defaults)',
  usage: USAGE,
  async run(args, kernel) {
    const { flags, problem } = readFlags(args, ['code', 'name', 'timezone', 'admin', 'admin-name', 'admin-password-env']);
    const missing = ['code', 'name', 'admin', 'admin-name'].filter((f) => !flags[f]);
    if (problem || missing.length) {
      console.error(`${problem ?? `missing ${missing.map((f) => `--${f}`).join(', ')}`}\nusage: npm run wuye -- ${USAGE}`);
      return 2;
    }
    const password = await readPassword(flags['admin-password-env'], `password for ${flags.admin}: `);
    if (typeof password !== 'string') {
      console.error(password.problem);
      return 2;
    }
    try {
      const created = await createCompany(kernel, {
        code: flags.code!, name: flags.name!, timezone: flags.timezone ?? 'Asia/Shanghai',
        admin: { username: flags.admin!, name: flags['admin-name']!, password },
      }, { by: 'cli' });
      console.log(`company:create ${created.company.code}: created company ${created.company.id} (${created.company.timezone}), admin ${created.admin.username}`);
      return 0;
    } catch (error) {
      return reportRefusal(error, {
        '/code': '--code', '/name': '--name', '/timezone': '--timezone', '/admin/username': '--admin', '/admin/name': '--admin-name', '/admin/password': 'admin password',
      });
    }
  },
};
