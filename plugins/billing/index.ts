/**
 * Billing's code: its tables, and in setup the billing run (command, job, routes) and the ledger
 * (posting effect, payments, deposits, reports, notices). Everything a company may change lives in
 * plugin.json's settings.
 */
import { definePlugin } from '../../core/plugin-api.js';
import type { BillingSettings } from './generated/settings.js';
import { BILLING_ENTITIES } from './db/entities.js';
import { migrations as sqlite } from './migrations/sqlite/index.js';
import { migrations as postgresql } from './migrations/postgresql/index.js';
import { runRoutes, setupBillingRun } from './run/setup.js';
import { ledgerRoutes, setupLedger } from './ledger/setup.js';
import { requireNoArrearsEffect } from './effects/require-no-arrears.js';
import { recordMeterReadingsEffect } from './effects/record-meter-readings.js';
import { seedBillingDemo } from './demo/demo-data.js';
import { RATE_ON, rateOnOperator } from './domain/rate-operator.js';
import { collectHandoverEffect, quoteHandoverEffect, rememberServices } from './ledger/handover.js';
import { deductDepositEffect, receiveDepositEffect, refundDepositEffect, refundUnitDepositsEffect, topUpDepositEffect } from './effects/deposit-effects.js';

export default definePlugin<BillingSettings>({
  database: { entities: BILLING_ENTITIES, migrations: { sqlite, postgresql } },
  setup(ctx) {
    setupBillingRun(ctx);
    setupLedger(ctx);
    ctx.registerEffect('requireNoArrears', requireNoArrearsEffect);
    ctx.registerEffect('receiveDeposit', receiveDepositEffect);
    ctx.registerEffect('deductDeposit', deductDepositEffect);
    ctx.registerEffect('topUpDeposit', topUpDepositEffect);
    ctx.registerEffect('refundDeposit', refundDepositEffect);
    ctx.registerEffect('refundUnitDeposits', refundUnitDepositsEffect);
    ctx.registerEffect('recordMeterReadings', recordMeterReadingsEffect);
    ctx.registerEffect('quoteHandover', quoteHandoverEffect);
    ctx.registerEffect('collectHandover', collectHandoverEffect);
    ctx.registerRuleOperator(RATE_ON, rateOnOperator);
    ctx.registerDemoData(seedBillingDemo);
    ctx.registerRoutes(async (app, services) => {
      rememberServices(services);
      await runRoutes(app, services);
      await ledgerRoutes(app, services);
    });
  },
});
