/** The ledger: charges posted by other plugins, payments, deposits, notices, reports. */
import type { FastifyInstance } from 'fastify';
import type { PluginServices, PluginSetupContext } from '../../../core/plugin-api.js';

/**
 * Registers the ledger's effect and jobs. Do NOT call ctx.registerRoutes here: a plugin registers
 * routes once, in index.ts, which calls runRoutes and ledgerRoutes.
 */
export function setupLedger(_ctx: PluginSetupContext): void {}

/** The ledger's routes under /api/billing. */
export async function ledgerRoutes(_app: FastifyInstance, _services: PluginServices): Promise<void> {}
