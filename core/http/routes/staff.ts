/**
 * Staff accounts of a company: list, create (argon2-hashed password), change roles, project
 * assignments, name, password, or deactivate. Needs the staff.manage permission; every change is
 * written to the audit log in the same transaction.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { EntityManager, MikroORM } from '@mikro-orm/core';
import { AuditEntry, Project, Session, Staff, StaffProject } from '../../db/entities/index.js';
import { hashPassword } from '../../auth/passwords.js';
import { passwordIssues } from '../../auth/password-policy.js';
import type { SessionStore } from '../../auth/sessions.js';
import type { CaseService } from '../../cases/case-service.js';
import { hasPermission } from '../../cases/access.js';
import { ForbiddenError, NotFoundError, ValidationError, WuyeError } from '../../errors.js';
import { principalOf } from '../auth-hook.js';
import { errorResponses } from '../schemas.js';

export const STAFF_MANAGE = 'staff.manage';

const roleList = { type: 'array', items: { type: 'string', pattern: '^[a-z][a-zA-Z0-9]*$', maxLength: 64 }, minItems: 1, maxItems: 20, uniqueItems: true } as const;
const projectIds = { type: 'array', items: { type: 'integer', minimum: 1, maximum: 2147483647 }, maxItems: 500, uniqueItems: true } as const;
const password = { type: 'string', minLength: 8, maxLength: 200 } as const;

interface StaffBody { username?: string; name?: string; password?: string; roles?: string[]; projectIds?: number[]; active?: boolean; language?: 'zh-CN' | 'en' }

export async function staffRoutes(app: FastifyInstance, opts: { orm: MikroORM; cases: CaseService; sessions: SessionStore; now: () => Date }): Promise<void> {
  const manager = async (request: FastifyRequest) => {
    const principal = principalOf(request);
    const config = await opts.cases.configForCompany(principal);
    if (!hasPermission(principal, config, STAFF_MANAGE)) throw new ForbiddenError(`managing staff needs the ${STAFF_MANAGE} permission`);
    return { principal, config };
  };
  /** Permissions of a set of roles, with merged roles and the '*' wildcard. */
  const permissionsOf = (config: Awaited<ReturnType<typeof manager>>['config'], roles: readonly string[]) =>
    new Set([...config.actingRoles(roles)].flatMap((r) => config.roles.get(r)?.permissions ?? []));
  /** Nobody hands out, or takes over an account with, more power than they have themselves. */
  const checkPower = (config: Awaited<ReturnType<typeof manager>>['config'], actorRoles: readonly string[], roles: readonly string[], pointer: string) => {
    const mine = permissionsOf(config, actorRoles);
    if (mine.has('*')) return;
    const beyond = [...permissionsOf(config, roles)].filter((p) => !mine.has(p));
    if (beyond.length) throw new ForbiddenError(`${pointer.slice(1)}: would carry permissions you do not have yourself (${beyond.join(', ')})`);
  };
  const view = (s: Staff, projects: number[]) => ({ id: s.id, username: s.username, name: s.name, roles: s.roles, projectIds: projects, active: s.active, language: s.language });

  /** Roles must exist in the company's configuration, projects must be the company's. */
  const checkRefs = async (em: EntityManager, companyId: number, roles: string[] | undefined, knownRoles: Set<string>, ids: number[] | undefined) => {
    const issues = (roles ?? []).flatMap((r, i) => (knownRoles.has(r) ? [] : [{ pointer: `/roles/${i}`, code: 'unknown-role', message: `no role "${r}" in this company's configuration` }]));
    if (ids?.length) {
      const found = new Set((await em.find(Project, { id: { $in: ids }, companyId }, { fields: ['id'] })).map((p) => p.id));
      ids.forEach((id, i) => { if (!found.has(id)) issues.push({ pointer: `/projectIds/${i}`, code: 'unknown-project', message: `no project ${id}` }); });
    }
    if (issues.length) throw new ValidationError(issues);
  };

  app.get('/api/staff', { schema: { tags: ['staff'], summary: "The company's staff accounts with roles and projects" } }, async (request) => {
    const { principal } = await manager(request);
    const em = opts.orm.em.fork();
    const staff = await em.find(Staff, { companyId: principal.companyId }, { orderBy: { username: 'asc' } });
    const links = await em.find(StaffProject, { companyId: principal.companyId });
    return { items: staff.map((s) => view(s, links.filter((l) => l.staffId === s.id).map((l) => l.projectId))) };
  });

  app.post('/api/staff', {
    schema: {
      tags: ['staff'], summary: 'Create a staff account',
      body: {
        type: 'object',
        properties: { username: { type: 'string', pattern: '^[a-z0-9][a-z0-9._-]{1,63}$' }, name: { type: 'string', minLength: 1, maxLength: 100 }, password, roles: roleList, projectIds, language: { type: 'string', enum: ['zh-CN', 'en'] } },
        required: ['username', 'name', 'password', 'roles', 'projectIds'],
        additionalProperties: false,
      },
      response: { ...errorResponses },
    },
  }, async (request, reply) => {
    const { principal, config } = await manager(request);
    const body = request.body as Required<StaffBody>;
    checkPower(config, principal.roles, body.roles, '/roles');
    const passwordHash = await hashPassword(body.password);
    const created = await opts.orm.em.fork().transactional(async (em) => {
      await checkRefs(em, principal.companyId, body.roles, new Set(config.roles.keys()), body.projectIds);
      if (await em.findOne(Staff, { username: body.username }, { fields: ['id'] })) {
        throw new WuyeError('WUYE_CONFLICT', 409, `username ${body.username} is taken`, [{ pointer: '/username', code: 'taken', message: 'choose another username' }]);
      }
      const weak = passwordIssues(body.password, '/password', { username: body.username, name: body.name });
      if (weak.length) throw new ValidationError(weak);
      const s = em.create(Staff, { companyId: principal.companyId, username: body.username, name: body.name, passwordHash, roles: body.roles, active: true, language: body.language ?? 'zh-CN' });
      await em.flush();
      for (const projectId of body.projectIds) em.create(StaffProject, { companyId: principal.companyId, staffId: s.id, projectId });
      em.create(AuditEntry, { companyId: principal.companyId, actorId: principal.staffId, action: 'staff.create', target: `staff:${s.id}`, data: { username: s.username, name: s.name, roles: s.roles, projectIds: body.projectIds }, createdAt: opts.now() });
      return s;
    });
    reply.code(201 as never);
    return view(created, body.projectIds);
  });

  app.patch('/api/staff/:id', {
    schema: {
      tags: ['staff'], summary: 'Change a staff account (name, roles, projects, password, active)',
      params: { type: 'object', properties: { id: { type: 'integer', minimum: 1, maximum: 2147483647 } }, required: ['id'], additionalProperties: false },
      body: {
        type: 'object',
        properties: { name: { type: 'string', minLength: 1, maxLength: 100 }, password, roles: roleList, projectIds, active: { type: 'boolean' }, language: { type: 'string', enum: ['zh-CN', 'en'] } },
        minProperties: 1,
        additionalProperties: false,
      },
      response: { ...errorResponses },
    },
  }, async (request) => {
    const { principal, config } = await manager(request);
    const { id } = request.params as { id: number };
    const body = request.body as StaffBody;
    if (body.roles) checkPower(config, principal.roles, body.roles, '/roles');
    const keepsManaging = (roles: string[]) => { const p = permissionsOf(config, roles); return p.has(STAFF_MANAGE) || p.has('*'); };
    if (id === principal.staffId && (body.active === false || (body.roles && !keepsManaging(body.roles)))) {
      throw new ValidationError([{ pointer: body.active === false ? '/active' : '/roles', code: 'self-lockout', message: 'you cannot deactivate yourself or drop your own staff.manage permission' }]);
    }
    const passwordHash = body.password ? await hashPassword(body.password) : undefined;
    const result = await opts.orm.em.fork().transactional(async (em) => {
      const s = await em.findOne(Staff, { id, companyId: principal.companyId });
      if (!s) throw new NotFoundError('staff');
      checkPower(config, principal.roles, s.roles, '/id');
      const weak = body.password ? passwordIssues(body.password, '/password', { username: s.username, name: body.name ?? s.name }) : [];
      if (weak.length) throw new ValidationError(weak);
      await checkRefs(em, principal.companyId, body.roles, new Set(config.roles.keys()), body.projectIds);
      const before = { name: s.name, roles: s.roles, active: s.active, language: s.language };
      if (body.name !== undefined) s.name = body.name;
      if (body.roles !== undefined) s.roles = body.roles;
      if (body.active !== undefined) s.active = body.active;
      if (body.language !== undefined) s.language = body.language;
      if (passwordHash) s.passwordHash = passwordHash;
      if (body.projectIds !== undefined) {
        await em.nativeDelete(StaffProject, { staffId: s.id, companyId: principal.companyId });
        for (const projectId of body.projectIds) em.create(StaffProject, { companyId: principal.companyId, staffId: s.id, projectId });
      }
      // a new password, a deactivation or new roles end the account's sessions everywhere
      if (passwordHash || body.active === false || body.roles !== undefined || body.projectIds !== undefined) {
        await em.nativeDelete(Session, { staffId: s.id, companyId: principal.companyId });
      }
      const { password: _p, ...changes } = body;
      em.create(AuditEntry, { companyId: principal.companyId, actorId: principal.staffId, action: 'staff.update', target: `staff:${s.id}`, data: { before, changes, passwordChanged: Boolean(passwordHash) }, createdAt: opts.now() });
      const links = await em.find(StaffProject, { staffId: s.id, companyId: principal.companyId });
      return view(s, body.projectIds ?? links.map((l) => l.projectId));
    });
    // and this process's cache of who people are forgets them at once
    opts.sessions.forgetAll();
    return result;
  });

  app.get('/api/audit', {
    schema: {
      tags: ['staff'], summary: 'The audit log of staff and configuration changes, newest first',
      querystring: { type: 'object', properties: { limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 }, cursor: { type: 'integer', minimum: 1 } }, additionalProperties: false },
      response: { ...errorResponses },
    },
  }, async (request) => {
    const { principal } = await manager(request);
    const { limit, cursor } = request.query as { limit: number; cursor?: number };
    const where: Record<string, unknown> = { companyId: principal.companyId };
    if (cursor) where.id = { $lt: cursor };
    const rows = await opts.orm.em.fork().find(AuditEntry, where, { orderBy: { id: 'desc' }, limit: limit + 1 });
    const items = rows.slice(0, limit);
    return {
      items: items.map((r) => ({ id: r.id, actorId: r.actorId, action: r.action, target: r.target, data: r.data, createdAt: r.createdAt.toISOString() })),
      nextCursor: rows.length > limit ? items[items.length - 1]!.id : null,
    };
  });
}
