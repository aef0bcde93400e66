/**
 * Who may be named on a case: an active staff member of the company, working in the case's project
 * (or in a role that covers every project), acting in the role whose queue the case is in (their
 * own roles plus those merged into them). The same test serves the named dispatch of a form, the
 * assign route, the assignment rules and the staff picker's list.
 */
import type { EntityManager } from '@mikro-orm/core';
import { Staff, StaffProject } from '../db/entities/index.js';
import type { CompiledConfig } from '../config/compiled-config.js';
import type { Candidate } from './rules.js';

/** The core permission to assign and reassign cases to named staff (declared here, granted in roles). */
export const CASES_ASSIGN = 'cases.assign';

export interface StaffRecord {
  id: number;
  name: string;
  roles: string[];
  active: boolean;
  skills: string[];
  projectIds: number[];
}

type RoleGraph = Pick<CompiledConfig, 'roles' | 'actingRoles'>;

/** Staff of the company (all, or the given ids) with their projects. */
export async function loadStaff(em: EntityManager, companyId: number, ids?: number[]): Promise<StaffRecord[]> {
  const where: Record<string, unknown> = { companyId };
  if (ids) where.id = { $in: ids };
  const staff = await em.find(Staff, where, { orderBy: { id: 'asc' }, fields: ['id', 'name', 'roles', 'active', 'skills'] });
  if (staff.length === 0) return [];
  const links = await em.find(StaffProject, { companyId, staffId: { $in: staff.map((s) => s.id) } }, { fields: ['staffId', 'projectId'] });
  return staff.map((s) => ({
    id: s.id, name: s.name, roles: s.roles ?? [], active: s.active, skills: s.skills ?? [],
    projectIds: links.filter((l) => l.staffId === s.id).map((l) => l.projectId),
  }));
}

/** Why a staff member cannot be named on a case in `role` in `projectId`, or null when they can. */
export function ineligibility(config: RoleGraph, staff: StaffRecord, projectId: number, role: string | null): 'inactive' | 'project' | 'role' | null {
  if (!staff.active) return 'inactive';
  const acting = config.actingRoles(staff.roles);
  if (role && !acting.has(role)) return 'role';
  const everywhere = [...acting].some((r) => config.roles.get(r)?.allProjects);
  if (!everywhere && !staff.projectIds.includes(projectId)) return 'project';
  return null;
}

/** Open cases assigned to each of the staff members now. */
export async function openLoads(em: EntityManager, companyId: number, ids: number[]): Promise<Map<number, number>> {
  const loads = new Map<number, number>(ids.map((id) => [id, 0]));
  if (ids.length === 0) return loads;
  const rows = await em.getConnection().execute<{ s: number; n: number | string }[]>(
    `select assignee_id as s, count(*) as n from work_case where company_id = ? and closed_at is null and assignee_id in (${ids.map(() => '?').join(', ')}) group by assignee_id`,
    [companyId, ...ids],
    'all',
    em.getTransactionContext(),
  );
  for (const r of rows) loads.set(Number(r.s), Number(r.n));
  return loads;
}

/** The staff who could take a case of `role` in `projectId`, with their open loads. */
export async function eligibleCandidates(em: EntityManager, config: RoleGraph, companyId: number, projectId: number, role: string | null): Promise<Candidate[]> {
  const staff = (await loadStaff(em, companyId)).filter((s) => ineligibility(config, s, projectId, role) === null);
  const loads = await openLoads(em, companyId, staff.map((s) => s.id));
  return staff.map((s) => ({ id: s.id, name: s.name, skills: s.skills, load: loads.get(s.id) ?? 0 }));
}
