/** The billing run: the `billing:run` command; its HTTP routes are in routes.ts (mounted by index.ts). */
import type { PluginSetupContext } from '../../../core/plugin-api.js';
import { billingRunCommand } from './command.js';

export { runRoutes } from './routes.js';

/**
 * Registers the run's command. Routes are registered once for the plugin, in index.ts, which calls
 * runRoutes and ledgerRoutes.
 */
export function setupBillingRun(ctx: PluginSetupContext): void {
  ctx.registerCommand('run', billingRunCommand);
}
