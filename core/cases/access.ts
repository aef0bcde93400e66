/**
 * Who may see what: staff see their own company only, and within it the projects they are
 * assigned to — unless one of their roles covers all projects (managers, admins).
 */
import type { Principal } from '../auth/sessions.js';
import type { CompiledConfig } from '../config/compiled-config.js';

export function seesAllProjects(principal: Principal, config: Pick<CompiledConfig, 'roles' | 'actingRoles'>): boolean {
  for (const r of config.actingRoles(principal.roles)) if (config.roles.get(r)?.allProjects) return true;
  return false;
}

export function canSeeProject(principal: Principal, config: Pick<CompiledConfig, 'roles' | 'actingRoles'>, projectId: number): boolean {
  return seesAllProjects(principal, config) || principal.projectIds.includes(projectId);
}

export function hasPermission(principal: Principal, config: Pick<CompiledConfig, 'roles' | 'actingRoles'>, permission: string): boolean {
  for (const r of config.actingRoles(principal.roles)) {
    const perms = config.roles.get(r)?.permissions ?? [];
    if (perms.includes(permission) || perms.includes('*')) return true;
  }
  return false;
}

/** The role the actor uses for an action: the first of theirs the action allows. */
export function actingRoleFor(principal: Principal, config: Pick<CompiledConfig, 'actingRoles'>, allowed: readonly string[]): string | null {
  const acting = config.actingRoles(principal.roles);
  for (const r of allowed) if (acting.has(r)) return r;
  return null;
}
