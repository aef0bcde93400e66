/** The billing settings in force, typed, and the company-local date a request or job acts on. */
import type { EntityManager } from '@mikro-orm/core';
import type { PluginConfigView, PluginServices } from '../../../core/plugin-api.js';
import type { BillingSettings } from '../generated/settings.js';
import { localDate } from './dates.js';

/** billing's services: `configFor(…).settings` are billing's settings, typed */
export type BillingServices = PluginServices<BillingSettings>;

export interface BillingConfig {
  view: PluginConfigView<BillingSettings>;
  settings: BillingSettings;
  timezone: string;
  /** today in the company's time zone */
  today: string;
}

/** The settings in force at `at` (default: the kernel's now), and that instant's date for the company. */
export async function billingConfig(services: BillingServices, companyId: number, projectId: number | null, em?: EntityManager, at?: Date): Promise<BillingConfig> {
  const instant = at ?? services.now();
  const view = await services.configFor(companyId, projectId, instant, em);
  const timezone = view.calendar.timezone;
  return { view, settings: view.settings, timezone, today: localDate(instant, timezone) };
}
