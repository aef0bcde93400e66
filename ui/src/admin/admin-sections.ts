/**
 * The tabs of the configuration editor: its own (forms, workflow, print templates, rules, roles, calendar, review),
 * those other parts of ui/ register (`registerAdminSection`), and those enabled plugins contribute
 * (plugins/<id>/ui → adminSections). Imported by the navigation, so it stays light: each tab's
 * element is loaded on first visit.
 */
import { getLanguage, t, type StringKey } from '../i18n.js';
import { adminSections as pluginAdminSections } from '../plugin-ui-registry.js';
import type { UiText } from '../plugin-ui-api.js';

export interface AdminSectionEntry {
  /** route segment: `#/admin/<id>` */
  id: string;
  label: () => string;
  tag: string;
  load: () => Promise<unknown>;
  /** edits company or project settings: the editor shows the scope selector */
  scoped?: boolean;
  /** the plugin whose settings problems (`/plugins/<id>/config/…`) this tab edits */
  settingsOf?: string;
  /** smaller first; the editor's own tabs are 10–60, review is last (1000) */
  order: number;
}

const label = (key: StringKey) => () => t(key);
const text = (value: UiText) => () => (getLanguage() === 'en' ? value.en ?? value['zh-CN'] : value['zh-CN']);

const OWN: AdminSectionEntry[] = [
  { id: 'forms', label: label('navAdminForms'), tag: 'wy-admin-forms-page', load: () => import('./wy-admin-forms-page.js'), scoped: true, order: 10 },
  { id: 'workflow', label: label('navAdminWorkflow'), tag: 'wy-admin-workflow-page', load: () => import('./wy-admin-workflow-page.js'), scoped: true, order: 20 },
  { id: 'print', label: label('navAdminPrint'), tag: 'wy-admin-print-page', load: () => import('./wy-admin-print-page.js'), scoped: true, order: 25 },
  { id: 'rules', label: label('navAdminRules'), tag: 'wy-admin-rules-page', load: () => import('./wy-admin-rules-page.js'), scoped: true, order: 30 },
  { id: 'roles', label: label('navAdminRoles'), tag: 'wy-admin-roles-page', load: () => import('./wy-admin-roles-page.js'), order: 40 },
  { id: 'calendar', label: label('navAdminCalendar'), tag: 'wy-admin-calendar-page', load: () => import('./wy-admin-calendar-page.js'), order: 50 },
  { id: 'review', label: label('navAdminReview'), tag: 'wy-admin-review-page', load: () => import('./wy-admin-review-page.js'), order: 1000 },
];

const registered: AdminSectionEntry[] = [];

/** Adds a tab from elsewhere in ui/ (a generic editor, the registry screens); a later registration of the same id replaces it. */
export function registerAdminSection(section: AdminSectionEntry): void {
  const i = registered.findIndex((s) => s.id === section.id);
  if (i >= 0) registered.splice(i, 1);
  registered.push(section);
}

/** Every tab for the company's enabled plugins, in order. */
export function visibleAdminSections(): AdminSectionEntry[] {
  const fromPlugins: AdminSectionEntry[] = pluginAdminSections().map((s) => ({
    id: s.id, label: text(s.label), tag: s.tag, load: s.load, scoped: s.scoped, settingsOf: s.ownsSettings ? s.pluginId : undefined, order: 70,
  }));
  const byId = new Map<string, AdminSectionEntry>();
  for (const s of [...OWN, ...registered, ...fromPlugins]) if (!byId.has(s.id)) byId.set(s.id, s);
  return [...byId.values()].sort((a, b) => a.order - b.order);
}

export const adminSection = (id: string): AdminSectionEntry | undefined => visibleAdminSections().find((s) => s.id === id);

/** The tab that edits a plugin's settings (`/plugins/<id>/config/…`), when one claims them. */
export const settingsSectionOf = (pluginId: string): AdminSectionEntry | undefined => visibleAdminSections().find((s) => s.settingsOf === pluginId);
