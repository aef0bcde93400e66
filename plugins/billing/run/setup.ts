/** The billing run: the `billing:run` command and the run's HTTP routes. */
import type { FastifyInstance } from 'fastify';
import type { PluginServices, PluginSetupContext } from '../../../core/plugin-api.js';

/**
 * Registers the run's command (and job, if any). Do NOT call ctx.registerRoutes here: a plugin
 * registers routes once, in index.ts, which calls runRoutes and ledgerRoutes.
 */
export function setupBillingRun(_ctx: PluginSetupContext): void {}

/** The run's routes under /api/billing (/preview, /periods, /runs, /meter-readings). */
export async function runRoutes(_app: FastifyInstance, _services: PluginServices): Promise<void> {}
