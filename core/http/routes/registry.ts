/**
 * Read access to the shared registry: projects, buildings, units with their people, and people
 * search. Always scoped to the caller's company and visible projects. Phones go out as the
 * caller's privacy rule shows them (core/registry/privacy.ts), visitor-only roles see room numbers
 * and no residents, and answers carrying a household's personal data are noted in the read log.
 */
import { likeTerm } from '../../db/like-term.js';
import type { FastifyInstance } from 'fastify';
import type { MikroORM } from '@mikro-orm/core';
import { Building, Person, Project, Unit, UnitPerson, WorkCase } from '../../db/entities/index.js';
import type { CaseQueries } from '../../cases/case-queries.js';
import type { ConfigService } from '../../config/config-service.js';
import { privacyFor, readLogFor } from '../../registry/privacy.js';
import { NotFoundError } from '../../errors.js';
import { principalOf } from '../auth-hook.js';
import { errorResponses } from '../schemas.js';
import type { BuildingRow, Page, PersonRow, ProjectRow, UnitDetail, UnitRow } from '../api-types.js';

const id32 = { type: 'integer', minimum: 1, maximum: 2147483647 } as const;

export async function registryRoutes(app: FastifyInstance, opts: { orm: MikroORM; queries: CaseQueries; configs: ConfigService; now: () => Date }): Promise<void> {
  const readLog = readLogFor(opts.orm, opts.now);
  const visibleProjects = async (request: Parameters<typeof principalOf>[0]) => {
    const principal = principalOf(request);
    const scope = await opts.queries.projectScope(principal);
    return { principal, scope };
  };

  app.get('/api/projects', { schema: { tags: ['registry'], summary: 'Projects you may work in' } }, async (request): Promise<Page<ProjectRow>> => {
    const { principal, scope } = await visibleProjects(request);
    const where: Record<string, unknown> = { companyId: principal.companyId };
    if (scope) where.id = { $in: scope };
    const rows = await opts.orm.em.fork().find(Project, where, { orderBy: { code: 'asc' } });
    return { items: rows.map((p) => ({ id: p.id, code: p.code, name: p.name })) };
  });

  app.get('/api/buildings', {
    schema: {
      tags: ['registry'], summary: 'Buildings of a project',
      querystring: { type: 'object', properties: { projectId: id32 }, required: ['projectId'], additionalProperties: false },
      response: { ...errorResponses },
    },
  }, async (request): Promise<Page<BuildingRow>> => {
    const { principal, scope } = await visibleProjects(request);
    const { projectId } = request.query as { projectId: number };
    if (scope && !scope.includes(projectId)) throw new NotFoundError('project');
    const rows = await opts.orm.em.fork().find(Building, { companyId: principal.companyId, projectId }, { orderBy: { code: 'asc' } });
    return { items: rows.map((b) => ({ id: b.id, projectId: b.projectId, code: b.code, name: b.name })) };
  });

  app.get('/api/units', {
    schema: {
      tags: ['registry'], summary: 'Units of a building or project (keyset pages)',
      querystring: {
        type: 'object',
        properties: {
          projectId: id32, buildingId: id32, number: { type: 'string', maxLength: 32 }, q: { type: 'string', minLength: 1, maxLength: 32, description: 'room number prefix' },
          cursor: id32, limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 },
        },
        additionalProperties: false,
      },
      response: { ...errorResponses },
    },
  }, async (request): Promise<Page<UnitRow>> => {
    const { principal, scope } = await visibleProjects(request);
    const q = request.query as { projectId?: number; buildingId?: number; number?: string; q?: string; cursor?: number; limit: number };
    const where: Record<string, unknown> = { companyId: principal.companyId };
    if (q.projectId) where.projectId = scope && !scope.includes(q.projectId) ? -1 : q.projectId;
    else if (scope) where.projectId = { $in: scope };
    if (q.buildingId) where.buildingId = q.buildingId;
    if (q.number) where.number = q.number;
    if (q.q) where.number = { $like: `${likeTerm(q.q)}%` };
    if (q.cursor) where.id = { $gt: q.cursor };
    const em = opts.orm.em.fork();
    const rows = await em.find(Unit, where, { orderBy: { id: 'asc' }, limit: q.limit + 1 });
    const items = rows.slice(0, q.limit);
    const policy = await privacyFor(opts.configs, principal, opts.now());
    // the owners' names, so a picker reads "1栋 101 · 张伟" (two queries for the page); the visitor desk sees room numbers only
    const ownerLinks = items.length && !policy.visitorOnly ? await em.find(UnitPerson, { unitId: { $in: items.map((u) => u.id) }, companyId: principal.companyId, relation: 'owner' }) : [];
    const ownerNames = new Map((ownerLinks.length ? await em.find(Person, { id: { $in: ownerLinks.map((l) => l.personId) }, companyId: principal.companyId }, { fields: ['id', 'name'] }) : []).map((p) => [p.id, p.name]));
    return {
      items: items.map((u) => ({ id: u.id, projectId: u.projectId, buildingId: u.buildingId, number: u.number, floor: u.floor ?? null, area: u.area, unitType: u.unitType, status: u.status,
        owners: ownerLinks.filter((l) => l.unitId === u.id).map((l) => ownerNames.get(l.personId)).filter((n): n is string => !!n) })),
      nextCursor: rows.length > q.limit ? items[items.length - 1]!.id : null,
    };
  });

  app.get('/api/units/:id', {
    schema: { tags: ['registry'], summary: "A unit with its people and the household's case archive (all cases, by type)", params: { type: 'object', properties: { id: id32 }, required: ['id'], additionalProperties: false }, response: { ...errorResponses } },
  }, async (request): Promise<UnitDetail> => {
    const { principal, scope } = await visibleProjects(request);
    const { id } = request.params as { id: number };
    const em = opts.orm.em.fork();
    const unit = await em.findOne(Unit, { id, companyId: principal.companyId });
    if (!unit || (scope && !scope.includes(unit.projectId))) throw new NotFoundError('unit');
    const policy = await privacyFor(opts.configs, principal, opts.now());
    const links = policy.visitorOnly ? [] : await em.find(UnitPerson, { unitId: id, companyId: principal.companyId });
    if (links.length) readLog.record([{ companyId: principal.companyId, staffId: principal.staffId, unitId: id, via: 'unit' }]);
    const people = new Map((await em.find(Person, { id: { $in: links.map((l) => l.personId) }, companyId: principal.companyId })).map((p) => [p.id, p]));
    const cases = await em.find(WorkCase, { unitId: id, companyId: principal.companyId }, { orderBy: { id: 'desc' }, limit: 500, fields: ['id', 'serial', 'caseType', 'state', 'title', 'createdAt', 'closedAt', 'overdue'] });
    const byType: UnitDetail['cases'] = {};
    for (const c of cases) (byType[c.caseType] ??= []).push({ id: c.id, serial: c.serial, state: c.state, title: c.title ?? null, createdAt: c.createdAt.toISOString(), closedAt: c.closedAt?.toISOString() ?? null, overdue: c.overdue });
    return {
      id: unit.id, projectId: unit.projectId, buildingId: unit.buildingId, number: unit.number, area: unit.area, unitType: unit.unitType, status: unit.status,
      people: links.map((l) => ({ personId: l.personId, relation: l.relation, name: people.get(l.personId)?.name ?? null, phone: policy.phone(people.get(l.personId)?.phone) })),
      cases: byType,
    };
  });

  app.get('/api/people', {
    schema: {
      tags: ['registry'], summary: 'Find residents by name or phone',
      querystring: { type: 'object', properties: { q: { type: 'string', minLength: 1, maxLength: 50 }, limit: { type: 'integer', minimum: 1, maximum: 50, default: 20 } }, required: ['q'], additionalProperties: false },
      response: { ...errorResponses },
    },
  }, async (request): Promise<Page<PersonRow>> => {
    const { principal, scope } = await visibleProjects(request);
    const { q, limit } = request.query as { q: string; limit: number };
    const term = likeTerm(q);
    const em = opts.orm.em.fork();
    // Residents are confidential: staff limited to some projects only find people living there.
    // Any part of the phone matches: callers are often identified by its last digits.
    const policy = await privacyFor(opts.configs, principal, opts.now());
    // the visitor desk finds a resident's room by name, never by probing phone numbers
    const match = policy.visitorOnly ? [{ name: { $like: `%${term}%` } }] : [{ name: { $like: `%${term}%` } }, { phone: { $like: `%${term}%` } }];
    const candidates = await em.find(Person, { companyId: principal.companyId, $or: match }, { limit: scope ? limit * 5 : limit, orderBy: { id: 'asc' } });
    const links = await em.find(UnitPerson, { personId: { $in: candidates.map((p) => p.id) }, companyId: principal.companyId });
    const units = new Map((await em.find(Unit, { id: { $in: [...new Set(links.map((l) => l.unitId))] }, companyId: principal.companyId }, { fields: ['id', 'projectId', 'buildingId', 'number'] })).map((u) => [u.id, u]));
    const visibleLinks = links.filter((l) => !scope || scope.includes(units.get(l.unitId)?.projectId ?? -1));
    const rows = scope ? candidates.filter((p) => visibleLinks.some((l) => l.personId === p.id)).slice(0, limit) : candidates;
    if (!policy.visitorOnly) readLog.record(rows.flatMap((p) => visibleLinks.filter((l) => l.personId === p.id).map((l) => ({ companyId: principal.companyId, staffId: principal.staffId, unitId: l.unitId, via: 'people' }))));
    return { items: rows.map((p) => ({ id: p.id, name: p.name, phone: policy.phone(p.phone), units: visibleLinks.filter((l) => l.personId === p.id).map((l) => ({ unitId: l.unitId, relation: l.relation, projectId: units.get(l.unitId)?.projectId ?? null, buildingId: units.get(l.unitId)?.buildingId ?? null, number: units.get(l.unitId)?.number ?? null })) })) };
  });
}
