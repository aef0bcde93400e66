/**
 * `npm run wuye -- operator:create <username> [--name <name>] [--password-env VAR]`: the platform
 * operator who creates companies (POST /api/platform/login, then /api/platform/companies). The
 * password comes from the named environment variable, piped stdin, or a hidden prompt — never
 * from argv.
 */
import type { CoreCommand } from '../core-command.js';
import { createOperator } from '../../platform/operators.js';
import { readFlags, readPassword, reportRefusal } from './company-cli-input.js';

const USAGE = 'operator:create <username> [--name <name>] [--password-env VAR]   (else the password is read from stdin)';

export const operatorCreateCommand: CoreCommand = {
  summary: 'Create a platform operator (an account outside every company that creates companies)',
  usage: USAGE,
  async run(args, kernel) {
    const { flags, positionals, problem } = readFlags(args, ['name', 'password-env'], 1);
    const username = positionals[0];
    if (problem || !username) {
      console.error(`${problem ?? 'missing <username>'}\nusage: npm run wuye -- ${USAGE}`);
      return 2;
    }
    const password = await readPassword(flags['password-env'], `password for operator ${username}: `);
    if (typeof password !== 'string') {
      console.error(password.problem);
      return 2;
    }
    try {
      const operator = await createOperator(kernel.orm, { username, name: flags.name, password }, kernel.now);
      console.log(`operator:create ${operator.username}: created (id ${operator.id}); log in with POST /api/platform/login`);
      return 0;
    } catch (error) {
      return reportRefusal(error, { '/username': '<username>', '/name': '--name', '/password': 'password' });
    }
  },
};
