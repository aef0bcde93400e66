/**
 * The company's `notifications` configuration with its defaults, and the quiet-hours rule: an SMS
 * that is not urgent is not sent between `from` and `to` (company time) but deferred to `to`.
 */
import { DateTime } from 'luxon';
import type { ConfigDeclaration } from '../../../schemas/generated/config.js';

export interface NotificationSettings {
  quietHours: { from: string; to: string };
  dailyCap: number;
  maxAttempts: number;
  templates: NonNullable<NonNullable<ConfigDeclaration['notifications']>['templates']>;
}

export const DEFAULT_NOTIFICATION_SETTINGS: Omit<NotificationSettings, 'templates'> = {
  quietHours: { from: '21:00', to: '08:00' },
  dailyCap: 5,
  maxAttempts: 4,
};

export function notificationSettings(document: ConfigDeclaration | undefined): NotificationSettings {
  const n = document?.notifications ?? {};
  return {
    quietHours: n.quietHours ?? DEFAULT_NOTIFICATION_SETTINGS.quietHours,
    dailyCap: n.dailyCap ?? DEFAULT_NOTIFICATION_SETTINGS.dailyCap,
    maxAttempts: n.maxAttempts ?? DEFAULT_NOTIFICATION_SETTINGS.maxAttempts,
    // the company's own case types carry the messages their notify steps send (caseTypes.<x>.messages)
    templates: { ...companyTypeMessages(document), ...(n.templates ?? {}) },
  };
}

function companyTypeMessages(document: ConfigDeclaration | undefined): NotificationSettings['templates'] {
  return Object.assign({}, ...Object.values(document?.caseTypes ?? {}).map((t) => t?.messages ?? {})) as NotificationSettings['templates'];
}

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** When quiet hours end if `at` falls inside them, else null. */
export function quietUntil(at: Date, quiet: { from: string; to: string }, timezone: string): Date | null {
  const local = DateTime.fromJSDate(at, { zone: timezone });
  const now = local.hour * 60 + local.minute;
  const from = minutes(quiet.from);
  const to = minutes(quiet.to);
  if (from === to) return null;
  const inside = from < to ? now >= from && now < to : now >= from || now < to;
  if (!inside) return null;
  let end = local.set({ hour: Math.floor(to / 60), minute: to % 60, second: 0, millisecond: 0 });
  if (end <= local) end = end.plus({ days: 1 });
  return end.toJSDate();
}

/** The start of the company day `at` falls in (for the daily cap). */
export function dayStart(at: Date, timezone: string): Date {
  return DateTime.fromJSDate(at, { zone: timezone }).startOf('day').toJSDate();
}
