/** The database side of the assignment section's check: the company's buildings and staff ids. */
import type { EntityManager } from '@mikro-orm/core';
import { Building, Project, Staff } from '../db/entities/index.js';
import type { AssignmentRefs } from './check-section.js';

export async function loadAssignmentRefs(em: EntityManager, companyId: number): Promise<AssignmentRefs> {
  const projects = await em.find(Project, { companyId }, { fields: ['id', 'code'] });
  const buildings = await em.find(Building, { companyId }, { fields: ['id', 'projectId'] });
  const staff = await em.find(Staff, { companyId }, { fields: ['id'] });
  const codes = new Map(projects.map((p) => [p.id, p.code]));
  return { buildings: buildings.map((b) => ({ id: b.id, projectCode: codes.get(b.projectId) ?? '' })), staffIds: staff.map((s) => s.id) };
}
