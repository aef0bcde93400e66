/** The billing run: the `billing:run` command and the run's HTTP routes. */
import type { PluginSetupContext } from '../../../core/plugin-api.js';

export function setupBillingRun(_ctx: PluginSetupContext): void {}
