/**
 * What the staff app reads of the configuration in force (GET /api/app-config), for every staff
 * member: the title of every role (assignees, escalations), the caller's own permissions (menus),
 * each enabled plugin's forms and layouts (labels, the forms they fill) and follow-up policies
 * (the 回访 page), and the calendar. Never the configuration document, its versions, drafts,
 * reasons or authors, other roles' permissions, rules or the plugins' settings (fee rates): those
 * are read with config.view or config.edit (GET /api/config).
 */
import type { FormDeclaration } from '../../schemas/generated/form.js';
import type { UiDeclaration } from '../../schemas/generated/ui.js';
import type { WorkflowDeclaration } from '../../schemas/generated/workflow.js';
import type { CalendarSettings } from '../calendar/index.js';
import type { CompiledConfig } from './compiled-config.js';
import type { RoleInfo } from './effective-config.js';

export interface AppConfigView {
  roles: Record<string, { title: RoleInfo['title'] }>;
  /** the caller's permissions: of their roles and the roles merged into them */
  permissions: string[];
  plugins: Record<string, {
    forms: Record<string, FormDeclaration>;
    ui: Record<string, UiDeclaration>;
    workflows: Record<string, { followUp?: WorkflowDeclaration['followUp'] }>;
  }>;
  calendar: CalendarSettings;
}

export function appConfigView(config: CompiledConfig, staffRoles: readonly string[]): AppConfigView {
  const permissions = new Set<string>();
  for (const role of config.actingRoles(staffRoles)) for (const p of config.roles.get(role)?.permissions ?? []) permissions.add(p);
  return {
    roles: Object.fromEntries([...config.roles].map(([id, role]) => [id, { title: role.title }])),
    permissions: [...permissions].sort(),
    plugins: Object.fromEntries([...config.bundles.values()].map((bundle) => [bundle.id, {
      forms: bundle.forms,
      ui: bundle.ui,
      workflows: Object.fromEntries(Object.entries(bundle.workflows).map(([caseType, wf]) => [caseType, wf.followUp ? { followUp: wf.followUp } : {}])),
    }])),
    calendar: config.calendarSettings,
  };
}
