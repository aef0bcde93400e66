/**
 * Creating and renaming a company's projects and buildings (the company admin's screens, the CLI
 * and company creation share these). Every write is scoped by company; a code already used is a
 * 409 naming the field. A project's code never changes once created: the company's configuration
 * keys per-project settings by it and roster rows name it. A building's code may change (units
 * keep their building by id; the roster matches the new code from then on).
 */
import type { EntityManager } from '@mikro-orm/core';
import { Building, Project } from '../db/entities/index.js';
import { NotFoundError, ValidationError, WuyeError, type FieldIssue } from '../errors.js';
import { codeIssues, nameIssues } from '../platform/input-rules.js';

export interface ProjectView { id: number; code: string; name: string }
export interface BuildingView { id: number; projectId: number; code: string; name: string }

export const projectView = (p: Project): ProjectView => ({ id: p.id, code: p.code, name: p.name });
export const buildingView = (b: Building): BuildingView => ({ id: b.id, projectId: b.projectId, code: b.code, name: b.name });

function refuse(issues: FieldIssue[]): void {
  if (issues.length) throw new ValidationError(issues);
}

function taken(pointer: string, what: string): WuyeError {
  return new WuyeError('WUYE_CONFLICT', 409, `${what} is taken`, [{ pointer, code: 'taken', message: `编码已被使用 / ${what} is taken` }]);
}

export async function createProject(em: EntityManager, companyId: number, input: { code: string; name: string }, pointer = ''): Promise<Project> {
  refuse([...codeIssues(input.code, `${pointer}/code`), ...nameIssues(input.name, `${pointer}/name`)]);
  if (await em.findOne(Project, { companyId, code: input.code }, { fields: ['id'] })) throw taken(`${pointer}/code`, `project code ${input.code}`);
  const project = em.create(Project, { companyId, code: input.code, name: input.name.trim() });
  await em.flush();
  return project;
}

export async function renameProject(em: EntityManager, companyId: number, id: number, input: { name: string }): Promise<Project> {
  refuse(nameIssues(input.name, '/name'));
  const project = await em.findOne(Project, { id, companyId });
  if (!project) throw new NotFoundError('project');
  project.name = input.name.trim();
  await em.flush();
  return project;
}

export async function createBuilding(em: EntityManager, companyId: number, input: { projectId: number; code: string; name: string }): Promise<Building> {
  refuse([...codeIssues(input.code, '/code'), ...nameIssues(input.name, '/name')]);
  const project = await em.findOne(Project, { id: input.projectId, companyId }, { fields: ['id'] });
  if (!project) throw new NotFoundError('project');
  if (await em.findOne(Building, { companyId, projectId: project.id, code: input.code }, { fields: ['id'] })) throw taken('/code', `building code ${input.code}`);
  const building = em.create(Building, { companyId, projectId: project.id, code: input.code, name: input.name.trim() });
  await em.flush();
  return building;
}

export async function updateBuilding(em: EntityManager, companyId: number, id: number, input: { code?: string; name?: string }): Promise<Building> {
  refuse([
    ...(input.code !== undefined ? codeIssues(input.code, '/code') : []),
    ...(input.name !== undefined ? nameIssues(input.name, '/name') : []),
  ]);
  const building = await em.findOne(Building, { id, companyId });
  if (!building) throw new NotFoundError('building');
  if (input.code !== undefined && input.code !== building.code
    && await em.findOne(Building, { companyId, projectId: building.projectId, code: input.code }, { fields: ['id'] })) {
    throw taken('/code', `building code ${input.code}`);
  }
  if (input.code !== undefined) building.code = input.code;
  if (input.name !== undefined) building.name = input.name.trim();
  await em.flush();
  return building;
}
