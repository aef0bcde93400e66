/**
 * A project's WeCom group robot, set by whoever may change the company's configuration
 * (config.edit — the company admin): PUT stores the webhook key sealed (AES-256-GCM,
 * WUYE_SECRETS_KEY), GET lists the company's robots with the key only as "set", DELETE removes one.
 * A key goes only to the address it was entered for: a new endpoint needs the key entered again.
 */
import type { FastifyInstance } from 'fastify';
import type { MikroORM } from '@mikro-orm/core';
import { raw, type SqlEntityManager } from '@mikro-orm/knex';
import { Project, WecomRobot, WecomRobotPost } from '../../db/entities/index.js';
import type { CaseService } from '../../cases/case-service.js';
import { NotFoundError, ValidationError } from '../../errors.js';
import { requireConfigPermission } from '../../http/routes/config.js';
import { errorResponses } from '../../http/schemas.js';
import { MissingSecretsKeyError, seal } from '../channels/secret-box.js';
import { checkProviderEndpoint, endpointOverridesAllowed } from '../channels/provider-endpoint.js';

const projectParams = { type: 'object', properties: { projectId: { type: 'integer', minimum: 1, maximum: 2147483647 } }, required: ['projectId'], additionalProperties: false } as const;
const robotBody = {
  type: 'object',
  properties: {
    // the part after ?key= of the robot's webhook address
    key: { type: 'string', pattern: '^[A-Za-z0-9-]{8,100}$' },
    endpoint: { anyOf: [{ type: 'null' }, { type: 'string', maxLength: 300, pattern: '^https?://' }] },
  },
  additionalProperties: false,
} as const;

/** The robot's most recent post that ended failed: when it was queued, what it said, and the robot's refusal (never the key). */
type LastFailure = { at: string; text: string; error: string | null } | null;

function robotView(r: WecomRobot, projectName: string, lastFailure: LastFailure = null) {
  // never the key: only that one is stored
  return { projectId: r.projectId, projectName, endpoint: r.endpoint, key: 'set' as const, updatedAt: r.updatedAt.toISOString(), lastFailure };
}

export async function wecomRobotRoutes(app: FastifyInstance, opts: { orm: MikroORM; cases: CaseService; now: () => Date }): Promise<void> {
  const projectOf = async (companyId: number, projectId: number) => {
    const project = await opts.orm.em.fork().findOne(Project, { id: projectId, companyId });
    if (!project) throw new NotFoundError('project');
    return project;
  };

  app.get('/api/wecom-robots', {
    schema: { tags: ['messages'], summary: "The company's WeCom group robots, one per project, posting its overdue and escalated items; the key only as set", response: { ...errorResponses } },
  }, async (request) => {
    const principal = await requireConfigPermission(opts.cases, request, 'edit');
    const em = opts.orm.em.fork();
    const robots = await em.find(WecomRobot, { companyId: principal.companyId }, { orderBy: { projectId: 'asc' } });
    const names = new Map((await em.find(Project, { companyId: principal.companyId, id: { $in: robots.map((r) => r.projectId) } })).map((p) => [p.id, p.name]));
    // a failed post shows on the tab, so an admin learns the group stopped hearing (wrong key, robot removed)
    // each robot's newest failed post: one grouped query and one read, whatever the number of projects
    const newest = robots.length ? await (em as SqlEntityManager).createQueryBuilder(WecomRobotPost)
      .select([raw('max(id) as id')])
      .where({ companyId: principal.companyId, robotId: { $in: robots.map((r) => r.id) }, status: 'failed' })
      .groupBy('robotId')
      .execute<{ id: number | string }[]>('all') : [];
    const lastPosts = newest.length ? await em.find(WecomRobotPost, { companyId: principal.companyId, id: { $in: newest.map((n) => Number(n.id)) } }) : [];
    const updatedAt = new Map(robots.map((r) => [r.id, r.updatedAt]));
    const failures = new Map<number, LastFailure>(lastPosts
      // a failure from before the robot was saved again is history: the new key or address may work
      .filter((p) => p.createdAt >= updatedAt.get(p.robotId)!)
      .map((p) => [p.robotId, { at: p.createdAt.toISOString(), text: p.text.slice(0, 200), error: p.error }]));
    return { items: robots.map((r) => robotView(r, names.get(r.projectId) ?? '', failures.get(r.id) ?? null)), endpointsAllowed: endpointOverridesAllowed() };
  });

  app.put('/api/projects/:projectId/wecom-robot', {
    schema: {
      tags: ['messages'], summary: "Sets a project's WeCom group robot (its webhook key, stored encrypted and never shown again)",
      params: projectParams, body: robotBody, response: { ...errorResponses },
    },
  }, async (request) => {
    const principal = await requireConfigPermission(opts.cases, request, 'edit');
    const { projectId } = request.params as { projectId: number };
    const body = request.body as { key?: string; endpoint?: string | null };
    checkProviderEndpoint(body.endpoint);
    const project = await projectOf(principal.companyId, projectId);
    return opts.orm.em.fork().transactional(async (em) => {
      const row = await em.findOne(WecomRobot, { companyId: principal.companyId, projectId });
      const sameEndpoint = (row?.endpoint ?? null) === (body.endpoint ?? null);
      if (!body.key && !(row && sameEndpoint)) throw new ValidationError([{ pointer: '/key', code: 'required', message: 'the robot\'s webhook key is required' }]);
      let sealed = row?.sealedKey ?? '';
      if (body.key) {
        try {
          sealed = seal({ key: body.key });
        } catch (e) {
          if (e instanceof MissingSecretsKeyError) throw new ValidationError([{ pointer: '/key', code: 'no-secrets-key', message: e.message }]);
          throw e;
        }
      }
      const values = { endpoint: body.endpoint ?? null, sealedKey: sealed, updatedAt: opts.now() };
      const saved = row ? Object.assign(row, values) : em.create(WecomRobot, { companyId: principal.companyId, projectId, createdAt: opts.now(), ...values });
      await em.flush();
      return robotView(saved, project.name);
    });
  });

  app.delete('/api/projects/:projectId/wecom-robot', {
    schema: { tags: ['messages'], summary: "Removes a project's WeCom group robot (and its key)", params: projectParams, response: { 204: { type: 'null', description: 'removed' }, ...errorResponses } },
  }, async (request, reply) => {
    const principal = await requireConfigPermission(opts.cases, request, 'edit');
    const { projectId } = request.params as { projectId: number };
    await projectOf(principal.companyId, projectId);
    const removed = await opts.orm.em.fork().nativeDelete(WecomRobot, { companyId: principal.companyId, projectId });
    if (removed === 0) throw new NotFoundError('WeCom robot');
    return reply.code(204).send();
  });
}
