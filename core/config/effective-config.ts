/**
 * Layering: plugin defaults -> company -> project. Produces the declarations a project actually
 * runs on, from the loaded plugins and one version of the company's configuration document.
 */
import type { ConfigDeclaration } from '../../schemas/generated/config.js';
import type { PluginBundle } from '../declarations/plugin-bundle.js';
import type { CalendarSettings } from '../calendar/index.js';
import { DEFAULT_CALENDAR } from '../calendar/index.js';
import { mergePatch } from './merge-patch.js';
import { resolveReportTargets, type ReportTarget } from '../reports/targets.js';
import { companyTypeBundles } from './company-case-types.js';

export type ConfigDocument = ConfigDeclaration;
type PluginPatch = NonNullable<ConfigDocument['plugins']>[string];

export interface RoleInfo {
  id: string;
  title: { 'zh-CN': string; en?: string };
  reportsTo?: string;
  allProjects: boolean;
  permissions: string[];
  mergedInto?: string;
  /** roles this one builds on: its staff act as them too */
  extends: string[];
}

export interface EffectiveConfig {
  /** enabled plugins' bundles after the company's and the project's patches, dependency order, then the company's own case types (company-case-types.ts) */
  bundles: PluginBundle[];
  roles: Map<string, RoleInfo>;
  calendar: CalendarSettings;
  /** each plugin's effective settings (defaults + patches) */
  pluginSettings: Map<string, Record<string, unknown>>;
  /** the monthly report's targets: the built-ins with the company's `reports.targets` (core/reports/targets.ts) */
  reportTargets: ReportTarget[];
}

const SECTIONS = ['workflows', 'forms', 'ui', 'rules'] as const;

function applyPluginPatch(bundle: PluginBundle, patch: PluginPatch | undefined): PluginBundle {
  if (!patch) return bundle;
  const next: PluginBundle = { ...bundle };
  for (const section of SECTIONS) {
    const sectionPatch = patch[section];
    if (!sectionPatch) continue;
    next[section] = mergePatch(bundle[section] as Record<string, unknown>, sectionPatch) as never;
  }
  if (patch.templates) next.templates = { ...bundle.templates, ...patch.templates };
  if (patch.config && bundle.manifest.config) {
    next.manifest = { ...bundle.manifest, config: { ...bundle.manifest.config, defaults: mergePatch(bundle.manifest.config.defaults, patch.config) } };
  }
  return next;
}

export function resolveRoles(bundles: PluginBundle[], patches: ConfigDocument['roles']): Map<string, RoleInfo> {
  let raw: Record<string, Record<string, unknown>> = {};
  for (const b of bundles) {
    const before = raw;
    raw = mergePatch(raw, b.manifest.roles ?? {});
    // plugins add permissions to a role another plugin declared (billing gives the cashier
    // billing.collect); a company's own patch below then sets the list as a whole
    for (const [id, role] of Object.entries(b.manifest.roles ?? {})) {
      const earlier = before[id]?.permissions as string[] | undefined;
      if (earlier && role.permissions) raw[id] = { ...raw[id], permissions: [...new Set([...earlier, ...role.permissions])] };
    }
  }
  if (patches) raw = mergePatch(raw, patches);
  const roles = new Map<string, RoleInfo>();
  for (const [id, r] of Object.entries(raw)) {
    roles.set(id, {
      id,
      title: (r.title as RoleInfo['title']) ?? { 'zh-CN': id },
      reportsTo: (r.reportsTo as string | undefined) ?? undefined,
      allProjects: r.allProjects === true,
      permissions: (r.permissions as string[] | undefined) ?? [],
      mergedInto: (r.mergedInto as string | undefined) ?? undefined,
      extends: (r.extends as string[] | null | undefined) ?? [],
    });
  }
  return roles;
}

function resolveCalendar(bundles: PluginBundle[], layers: (ConfigDocument['calendar'] | undefined)[]): CalendarSettings {
  const result: CalendarSettings = { timezone: DEFAULT_CALENDAR.timezone, holidays: [], workdays: [] };
  for (const layer of [...bundles.map((b) => b.manifest.calendar), ...layers]) {
    if (!layer) continue;
    if (layer.timezone) result.timezone = layer.timezone;
    // Extra days accumulate across layers: a project adds to its company's list.
    result.holidays = [...new Set([...result.holidays, ...(layer.holidays ?? [])])];
    result.workdays = [...new Set([...result.workdays, ...(layer.workdays ?? [])])];
  }
  return result;
}

/** The effective declarations for a company (projectCode null) or one of its projects. */
export function resolveEffectiveConfig(base: PluginBundle[], doc: ConfigDocument, projectCode: string | null): EffectiveConfig {
  const project = projectCode ? doc.projects?.[projectCode] : undefined;
  const bundles: PluginBundle[] = [];
  for (const b of base) {
    const companyPatch = doc.plugins?.[b.id];
    const projectPatch = project?.plugins?.[b.id];
    const enabled = projectPatch?.enabled ?? companyPatch?.enabled ?? true;
    if (!enabled) continue;
    bundles.push(applyPluginPatch(applyPluginPatch(b, companyPatch), projectPatch));
  }
  // the company's own case types, after the plugins: they may use every plugin's effects
  bundles.push(...companyTypeBundles(doc));
  const pluginSettings = new Map<string, Record<string, unknown>>();
  for (const b of bundles) pluginSettings.set(b.id, (b.manifest.config?.defaults as Record<string, unknown>) ?? {});
  return {
    bundles,
    roles: resolveRoles(bundles, doc.roles),
    calendar: resolveCalendar(bundles, [doc.calendar, project?.calendar]),
    pluginSettings,
    reportTargets: resolveReportTargets(doc.reports),
  };
}
