/**
 * The `notices` job (hourly; idempotent): for every company, as of the job's instant in the
 * company's time zone, (a) credit held by units settles their open bills, then (b) the notices due
 * that day or earlier and not yet issued are issued. Running it twice on one day issues nothing new.
 */
import { Company, type PluginServices, type ScheduledJob } from '../../../core/plugin-api.js';
import type { BillingSettings } from '../generated/settings.js';
import { applyCredit, unitsWithCredit } from './credit.js';
import { issueNotices } from './notices.js';
import { billingConfig } from './settings.js';

export async function runNotices(now: Date, services: PluginServices<BillingSettings>): Promise<{ creditApplied: number; noticesIssued: number }> {
  const companies = await services.orm.em.fork().find(Company, {}, { orderBy: { id: 'asc' } });
  let creditApplied = 0;
  let noticesIssued = 0;
  for (const company of companies) {
    const base = await billingConfig(services, company.id, null, undefined, now);
    // a company that has not enabled billing has no billing settings
    if (!Object.hasOwn(base.view.settings, 'cycle')) continue;
    const asOf = base.today;
    const settings = new Map<number, Promise<BillingSettings>>();
    const settingsFor = (projectId: number) => {
      if (!settings.has(projectId)) settings.set(projectId, billingConfig(services, company.id, projectId, undefined, now).then((c) => c.settings));
      return settings.get(projectId)!;
    };
    for (const target of await unitsWithCredit(services.orm.em.fork(), company.id)) {
      const projectSettings = await settingsFor(target.projectId);
      creditApplied += await services.orm.em.fork().transactional((em) => applyCredit(services, em, { companyId: company.id, ...target }, projectSettings, asOf, now));
    }
    noticesIssued += await issueNotices(services, company.id, asOf, now, settingsFor);
  }
  return { creditApplied, noticesIssued };
}

export const noticesJob: ScheduledJob<BillingSettings> = {
  everySeconds: 3600,
  run: async (now, services) => {
    await runNotices(now, services);
  },
};
