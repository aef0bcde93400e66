/** The ledger: charges posted by other plugins, payments, deposits, notices, reports. */
import type { FastifyInstance } from 'fastify';
import type { PluginSetupContext } from '../../../core/plugin-api.js';
import type { BillingSettings } from '../generated/settings.js';
import { noticesJob } from './notices-job.js';
import { postChargeEffect } from './post-charge.js';
import { accountRoutes } from './routes/account-routes.js';
import { depositRoutes } from './routes/deposit-routes.js';
import { noticeRoutes } from './routes/notice-routes.js';
import { paymentRoutes } from './routes/payment-routes.js';
import { reportRoutes } from './routes/report-routes.js';
import type { BillingServices } from './settings.js';

/**
 * Registers the ledger's effect (`billing.postCharge`) and job (`billing.notices`). Routes are
 * registered once, in index.ts, which calls runRoutes and ledgerRoutes.
 */
export function setupLedger(ctx: PluginSetupContext<BillingSettings>): void {
  ctx.registerEffect('postCharge', postChargeEffect);
  ctx.registerJob('notices', noticesJob);
}

/** The ledger's routes under /api/billing. */
export async function ledgerRoutes(app: FastifyInstance, services: BillingServices): Promise<void> {
  await paymentRoutes(app, services);
  await accountRoutes(app, services);
  await depositRoutes(app, services);
  await noticeRoutes(app, services);
  await reportRoutes(app, services);
}
