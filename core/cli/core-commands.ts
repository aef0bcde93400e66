/**
 * The kernel's own commands (`npm run wuye -- <name>`), beside the plugins' `<pluginId>:<name>`
 * ones: operating the installation rather than one procedure. Each lives in its own file under
 * commands/ and is listed here.
 */
import type { Kernel } from '../kernel.js';
import { operatorCreateCommand } from './commands/operator-create.js';
import { companyCreateCommand } from './commands/company-create.js';
import { buildingCreateCommand, projectCreateCommand } from './commands/project-create.js';
import { backupCommand } from './commands/backup.js';

export interface CoreCommand {
  summary: string;
  /** usage line shown by `npm run wuye -- help` */
  usage?: string;
  /** returns the process exit code */
  run(args: string[], kernel: Kernel): Promise<number>;
}

/** name → command; files under commands/ add their entry here */
export const CORE_COMMANDS = new Map<string, CoreCommand>([
  ['operator:create', operatorCreateCommand],
  ['company:create', companyCreateCommand],
  ['project:create', projectCreateCommand],
  ['building:create', buildingCreateCommand],
  ['backup', backupCommand],
]);
