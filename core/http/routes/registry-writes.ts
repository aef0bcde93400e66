/**
 * The company admin's writes to the registry: create and rename projects, create and edit
 * buildings (units and owners come with the roster import). Needs registry.import — the
 * permission that already lets a roster create buildings — and works only inside the caller's
 * company: another company's id is a 404, as an unknown one.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { EntityManager, MikroORM } from '@mikro-orm/core';
import { AuditEntry } from '../../db/entities/index.js';
import type { CaseService } from '../../cases/case-service.js';
import type { ProjectDirectory } from '../../registry/project-directory.js';
import { hasPermission } from '../../cases/access.js';
import { ForbiddenError } from '../../errors.js';
import { buildingView, createBuilding, createProject, projectView, renameProject, updateBuilding } from '../../registry/registry-writes.js';
import { principalOf } from '../auth-hook.js';
import { errorResponses, idParam } from '../schemas.js';
import { REGISTRY_IMPORT } from './roster-import.js';

const str = (max: number) => ({ type: 'string', maxLength: max }) as const;
const id32 = { type: 'integer', minimum: 1, maximum: 2147483647 } as const;

export async function registryWriteRoutes(app: FastifyInstance, opts: { orm: MikroORM; cases: CaseService; now: () => Date; projects?: ProjectDirectory }): Promise<void> {
  const editor = async (request: FastifyRequest) => {
    const principal = principalOf(request);
    const config = await opts.cases.configForCompany(principal);
    if (!hasPermission(principal, config, REGISTRY_IMPORT)) throw new ForbiddenError(`changing projects and buildings needs the ${REGISTRY_IMPORT} permission`);
    return principal;
  };
  /** the write and its audit entry in one transaction */
  const write = async <T extends { id: number }>(request: FastifyRequest, action: string, target: string, work: (em: EntityManager, companyId: number) => Promise<T>) => {
    const principal = await editor(request);
    return opts.orm.em.fork().transactional(async (em) => {
      const result = await work(em, principal.companyId);
      em.create(AuditEntry, { companyId: principal.companyId, actorId: principal.staffId, action, target: `${target}:${result.id}`, data: { ...(request.body as object) }, createdAt: opts.now() });
      return result;
    });
  };

  app.post('/api/projects', {
    schema: {
      tags: ['registry'], summary: 'Create a project (管理处); its code is fixed once created',
      body: { type: 'object', properties: { code: str(32), name: str(200) }, required: ['code', 'name'], additionalProperties: false },
      response: { ...errorResponses },
    },
  }, async (request, reply) => {
    const body = request.body as { code: string; name: string };
    const project = await write(request, 'project.create', 'project', (em, companyId) => createProject(em, companyId, body));
    reply.code(201 as never);
    return projectView(project);
  });

  app.patch('/api/projects/:id', {
    schema: {
      tags: ['registry'], summary: 'Rename a project',
      params: idParam,
      body: { type: 'object', properties: { name: str(200) }, required: ['name'], additionalProperties: false },
      response: { ...errorResponses },
    },
  }, async (request) => {
    const { id } = request.params as { id: number };
    const project = await write(request, 'project.update', 'project', (em, companyId) => renameProject(em, companyId, id, request.body as { name: string }));
    await opts.projects?.forget(); // every instance's cached copy of the project (cluster bus)
    return projectView(project);
  });

  app.post('/api/buildings', {
    schema: {
      tags: ['registry'], summary: 'Create a building (楼栋) in a project',
      body: { type: 'object', properties: { projectId: id32, code: str(32), name: str(200) }, required: ['projectId', 'code', 'name'], additionalProperties: false },
      response: { ...errorResponses },
    },
  }, async (request, reply) => {
    const body = request.body as { projectId: number; code: string; name: string };
    const building = await write(request, 'building.create', 'building', (em, companyId) => createBuilding(em, companyId, body));
    reply.code(201 as never);
    return buildingView(building);
  });

  app.patch('/api/buildings/:id', {
    schema: {
      tags: ['registry'], summary: "Change a building's code or name",
      params: idParam,
      body: { type: 'object', properties: { code: str(32), name: str(200) }, minProperties: 1, additionalProperties: false },
      response: { ...errorResponses },
    },
  }, async (request) => {
    const { id } = request.params as { id: number };
    return buildingView(await write(request, 'building.update', 'building', (em, companyId) => updateBuilding(em, companyId, id, request.body as { code?: string; name?: string })));
  });
}
