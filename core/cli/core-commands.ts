/**
 * The kernel's own commands (`npm run wuye -- <name>`), beside the plugins' `<pluginId>:<name>`
 * ones: operating the installation rather than one procedure. Each lives in its own file under
 * commands/ and is listed here.
 */
import type { CoreCommand } from './core-command.js';
import { operatorCreateCommand } from './commands/operator-create.js';
import { companyCreateCommand } from './commands/company-create.js';
import { buildingCreateCommand, projectCreateCommand } from './commands/project-create.js';
import { backupCommand } from './commands/backup.js';
import { calendarImportCommand, calendarListCommand } from './commands/calendar.js';
import { pluginFromConfigCommand } from './commands/plugin-from-config.js';

export type { CoreCommand };

/** name → command; files under commands/ add their entry here */
export const CORE_COMMANDS = new Map<string, CoreCommand>([
  ['operator:create', operatorCreateCommand],
  ['company:create', companyCreateCommand],
  ['project:create', projectCreateCommand],
  ['building:create', buildingCreateCommand],
  ['backup', backupCommand],
  ['calendar:import', calendarImportCommand],
  ['calendar:list', calendarListCommand],
  ['plugin:from-config', pluginFromConfigCommand],
]);
