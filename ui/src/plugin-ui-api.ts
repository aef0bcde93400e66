/**
 * The browser counterpart of core/plugin-api.ts: what a plugin's `plugins/<id>/ui/index.ts` may
 * contribute to the staff app, and the few shell helpers its screens use. The index module is
 * small (declarations with lazy loaders); every page, section, panel and slot element is loaded
 * on first use, so each lands in its own chunk and the initial bundle does not grow.
 *
 *   // plugins/<id>/ui/index.ts
 *   import { definePluginUi } from '../../../ui/src/plugin-ui-api.js';
 *   export default definePluginUi({
 *     pages: [{ path: '/parcels/shelf', title: { 'zh-CN': '货架' }, tag: 'wy-parcel-shelf', load: () => import('./wy-parcel-shelf.js') }],
 *     nav: [{ path: '/parcels/shelf', label: { 'zh-CN': '货架', en: 'Shelf' } }],
 *   });
 *
 * The plugin's id is its folder's name (the shell never names one); its contributions appear only
 * when the plugin is enabled for the staff member's company and, where a permission is given, the
 * staff member's roles carry it. Labels are `{ 'zh-CN', en }` pairs: zh-CN is required.
 */
import type { WidgetRegistration } from '../../forms/widget-registry.js';

/** A text in both languages (zh-CN required: staff read Chinese). */
export interface UiText {
  'zh-CN': string;
  en?: string;
}

/** A module that defines the custom element(s) the contribution renders. */
export type UiLoader = () => Promise<unknown>;

/**
 * A page of its own, at a hash route. `path` segments starting with ':' are parameters
 * (`/<id>/items/:itemId`): letters, digits, '_' and '-', at most 64 characters. The element gets
 * `.params` (the parameters, strings) and `.query` (URLSearchParams).
 */
export interface UiPage {
  path: string;
  title: UiText;
  /** the permission a staff member's roles need to open the page (none: every staff member) */
  permission?: string;
  /** custom element tag the loader defines */
  tag: string;
  load: UiLoader;
}

/** An entry in the main navigation (under its group's heading, or among the shell's own entries). */
export interface UiNavEntry {
  /** the route it opens (a page's path without parameters) */
  path: string;
  label: UiText;
  permission?: string;
  /** heading the entry is listed under; entries of one plugin with the same heading share it */
  group?: UiText;
  /** route prefixes that also mark this entry as the current page (`/<id>/items/`) */
  activeFor?: string[];
  /** smaller first (default 100) */
  order?: number;
}

/**
 * A tab of the configuration editor (`#/admin/<id>`), shown to staff who may edit configuration.
 * The element gets `.query`; it edits the shared draft through ui/src/plugin-admin-api.ts.
 */
export interface UiAdminSection {
  /** the tab's route segment: lower-case letters */
  id: string;
  label: UiText;
  tag: string;
  load: UiLoader;
  /** the tab edits company or project settings: the editor shows the scope selector */
  scoped?: boolean;
  /** problems the server reports in this plugin's settings (`/plugins/<id>/config/…`) link to this tab */
  ownsSettings?: boolean;
}

/** A panel on the monthly statistics page (统计). The element gets `.month` ('2026-12') and `.projectId` (number | null). */
export interface UiReportPanel {
  id: string;
  permission?: string;
  tag: string;
  load: UiLoader;
  order?: number;
}

/**
 * A panel in a slot of a core page: 'household' (the unit's archive; the element gets `.unitId`)
 * or 'case' (a case page; the element gets `.caseType` and `.caseId`).
 */
export interface UiSlot {
  slot: 'household' | 'case';
  permission?: string;
  tag: string;
  load: UiLoader;
  /** for 'case': only on these case types (default: all) */
  caseTypes?: string[];
  order?: number;
}

/** A form widget, added to the ranked registry of forms/ once its module is loaded. */
export interface UiWidget {
  registration: WidgetRegistration;
  load: UiLoader;
}

/** Everything one plugin brings to the browser. */
export interface PluginUi {
  pages?: UiPage[];
  nav?: UiNavEntry[];
  adminSections?: UiAdminSection[];
  reportPanels?: UiReportPanel[];
  slots?: UiSlot[];
  widgets?: UiWidget[];
  /**
   * Words the shell shows for this plugin's things: `permissions` labels the permissions its
   * routes check (in the roles editor and change lists).
   */
  messages?: { permissions?: Record<string, UiText> };
}

/** Types the contribution; the plugin's id comes from its folder. */
export function definePluginUi(ui: PluginUi): PluginUi {
  return ui;
}

// The shell helpers a plugin's screens use: one import path, so plugin code reaches into ui/ only here.
export { api, ApiError, withQuery, CONFIG_CHANGED_EVENT } from './api.js';
export { appState, projectName, roleTitle, caseTypeTitle, stateTitle } from './app-state.js';
export { userHasPermission } from './permissions.js';
export { formatDate, formatDateTime, moneyText, TIME_ZONE } from './format.js';
export { addMessages, getLanguage, hasMessage, I18nController, loc, t, tOr, translate, type Language, type Localized, type MessageTables, type Params } from './i18n.js';
export { issueText, localizeIssues, withoutBranchNoise } from './issue-text.js';
export { href, navigate } from './router.js';
export { base } from './styles.js';
export { compareUnitTypes, unitTypeName } from './unit-types.js';
export type { Issue, LocalizedTitle, UnitRow } from './types.js';
