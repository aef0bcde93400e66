/** The ledger: charges posted by other plugins, payments, deposits, notices, reports. */
import type { PluginSetupContext } from '../../../core/plugin-api.js';

export function setupLedger(_ctx: PluginSetupContext): void {}
