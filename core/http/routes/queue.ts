/**
 * The work queue: open cases assigned to me by name (mine, 我的待办), waiting in one of my roles'
 * queues (team), or registered by me (registered, 我登记的 — the clerk follows what they took in),
 * across every case type — overdue first, then the soonest deadline (the desk's daily clearing,
 * 日清日审). Each row names its assignee (经办人) so everyone sees who has taken a job. Each row says
 * which household it is about (房号, 住户) — the columns staff work from; the resident's phone is
 * not listed here (it is on the case page and, for those who call residents, on the 回访 list).
 */
import type { FastifyInstance } from 'fastify';
import { QueryOrder, type MikroORM } from '@mikro-orm/core';
import { Staff, WorkCase } from '../../db/entities/index.js';
import type { CaseService } from '../../cases/case-service.js';
import type { CaseQueries } from '../../cases/case-queries.js';
import { caseView } from '../../cases/case-view.js';
import { householdOf, householdsOf } from './case-households.js';
import { principalOf } from '../auth-hook.js';
import { errorResponses } from '../schemas.js';
import type { Page, QueueItem } from '../api-types.js';

export async function queueRoutes(app: FastifyInstance, opts: { orm: MikroORM; cases: CaseService; queries: CaseQueries }): Promise<void> {
  app.get('/api/queue', {
    schema: {
      tags: ['cases'], summary: 'My work queue (mine: assigned to me by name; team: waiting in my roles\' queues; registered: open cases I registered), overdue first then soonest due',
      querystring: {
        type: 'object',
        properties: { scope: { type: 'string', enum: ['mine', 'team', 'registered'], default: 'mine' }, limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 } },
        additionalProperties: false,
      },
      response: { ...errorResponses },
    },
  }, async (request): Promise<Page<QueueItem>> => {
    const principal = principalOf(request);
    const { scope, limit } = request.query as { scope: 'mine' | 'team' | 'registered'; limit: number };
    const config = await opts.cases.configForCompany(principal);
    const where: Record<string, unknown> = { companyId: principal.companyId, closedAt: null };
    if (scope === 'mine') where.assigneeId = principal.staffId;
    else if (scope === 'registered') where.createdBy = principal.staffId;
    else where.assigneeRole = { $in: [...config.actingRoles(principal.roles)] };
    const projects = await opts.queries.projectScope(principal);
    if (projects) where.projectId = { $in: projects };
    const em = opts.orm.em.fork();
    const rows = await em.find(WorkCase, where, {
      orderBy: [{ overdue: QueryOrder.DESC }, { nextDueAt: QueryOrder.ASC_NULLS_LAST }, { id: QueryOrder.DESC }],
      limit,
    });
    const households = await householdsOf(em, principal.companyId, rows);
    const assigneeIds = [...new Set(rows.map((r) => r.assigneeId).filter((id): id is number => id != null))];
    const names = new Map(assigneeIds.length ? (await em.find(Staff, { companyId: principal.companyId, id: { $in: assigneeIds } }, { fields: ['id', 'name'] })).map((s) => [s.id, s.name]) : []);
    return {
      items: rows.map((r) => {
        const type = config.caseTypes.get(r.caseType);
        const { unitLabel, personName } = householdOf(households, r.id);
        return { ...caseView(r, type), caseTypeTitle: type?.workflow.title ?? null, unitLabel, personName, assigneeName: r.assigneeId != null ? names.get(r.assigneeId) ?? null : null };
      }),
    };
  });
}
