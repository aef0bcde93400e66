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
    // a role merged into another shows under that role's title: cases still assigned to it read as the new role
    roles: Object.fromEntries([...config.roles].map(([id]) => [id, { title: mergedTitle(config.roles, id) }])),
    permissions: [...permissions].sort(),
    plugins: Object.fromEntries([...config.bundles.values()].map((bundle) => [bundle.id, {
      forms: bundle.forms,
      ui: bundle.ui,
      workflows: Object.fromEntries(Object.entries(bundle.workflows).map(([caseType, wf]) => [caseType, wf.followUp ? { followUp: wf.followUp } : {}])),
    }])),
    calendar: config.calendarSettings,
  };
}

/** The title a role shows under: its own, or that of the role it was merged into (followed to the end). */
function mergedTitle(roles: Map<string, RoleInfo>, id: string): RoleInfo['title'] {
  let role = roles.get(id)!;
  const seen = new Set([id]);
  while (role.mergedInto && roles.has(role.mergedInto) && !seen.has(role.mergedInto)) {
    seen.add(role.mergedInto);
    role = roles.get(role.mergedInto)!;
  }
  return role.title;
}
