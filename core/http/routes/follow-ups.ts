/**
 * The follow-up (回访) list and recording a follow-up's result. The list's job is calling
 * residents: each row names the unit and the resident, and gives the resident's phone to those
 * whose roles do that follow-up (the others see the name only — personal data where it is needed).
 */
import type { FastifyInstance } from 'fastify';
import type { MikroORM } from '@mikro-orm/core';
import type { CaseService } from '../../cases/case-service.js';
import { actingRoleFor } from '../../cases/access.js';
import { householdOf, householdsOf } from './case-households.js';
import type { FollowUpService } from '../../workflow/follow-ups.js';
import type { CaseQueries } from '../../cases/case-queries.js';
import { caseView } from '../../cases/case-view.js';
import { principalOf } from '../auth-hook.js';
import { VALIDATED_BY_CONFIG } from '../validation.js';
import { errorResponses } from '../schemas.js';
import type { FollowUpListItem, Page } from '../api-types.js';

export async function followUpRoutes(app: FastifyInstance, opts: { followUps: FollowUpService; queries: CaseQueries; cases: CaseService; orm: MikroORM; now: () => Date }): Promise<void> {
  app.get('/api/follow-ups', {
    schema: {
      tags: ['follow-ups'], summary: 'Follow-ups due (or done), soonest first',
      querystring: {
        type: 'object',
        properties: {
          status: { type: 'string', enum: ['due', 'done'] }, caseType: { type: 'string', maxLength: 64 }, overdue: { type: 'boolean' },
          limit: { type: 'integer', minimum: 1, maximum: 100, default: 50 },
        },
        additionalProperties: false,
      },
      response: { ...errorResponses },
    },
  }, async (request): Promise<Page<FollowUpListItem>> => {
    const q = request.query as { status?: 'due' | 'done'; caseType?: string; overdue?: boolean; limit: number };
    const principal = principalOf(request);
    const rows = await opts.followUps.list(principal, { status: q.status, caseType: q.caseType, overdueOnly: q.overdue, limit: q.limit }, await opts.queries.projectScope(principal));
    const now = opts.now().getTime();
    const config = await opts.cases.configForCompany(principal);
    const households = await householdsOf(opts.orm.em.fork(), principal.companyId, rows.map((r) => r.case));
    return {
      items: rows.map(({ followUp: f, case: c }) => {
        const h = householdOf(households, c.id);
        const calls = actingRoleFor(principal, config, f.roles) !== null;
        return {
          id: f.id, caseId: c.id, caseType: f.caseType, serial: c.serial, caseTitle: c.title ?? null, caseVersion: c.version, projectId: f.projectId,
          dueAt: f.dueAt.toISOString(), overdue: f.status === 'due' && f.dueAt.getTime() < now, method: f.method, roles: f.roles, status: f.status,
          satisfied: f.satisfied ?? null, doneAt: f.doneAt?.toISOString() ?? null,
          unitLabel: h.unitLabel, personName: h.personName, personPhone: calls ? h.personPhone : null,
        };
      }),
    };
  });

  app.post('/api/follow-ups/:id/complete', {
    schema: {
      tags: ['follow-ups'], summary: "Record a follow-up's result; satisfied closes the case, unsatisfied sends it back for rectification",
      params: { type: 'object', properties: { id: { type: 'integer', minimum: 1, maximum: 2147483647 } }, required: ['id'], additionalProperties: false },
      body: {
        type: 'object',
        properties: {
          caseVersion: { type: 'integer', minimum: 1, description: 'the case version you saw; stale is refused with 409' },
          data: { type: 'object', description: "the workflow's follow-up form", [VALIDATED_BY_CONFIG]: true },
        },
        required: ['caseVersion', 'data'],
        additionalProperties: false,
      },
      response: { ...errorResponses },
    },
  }, async (request) => {
    const { id } = request.params as { id: number };
    const result = await opts.followUps.complete(principalOf(request), id, request.body as never);
    return {
      followUp: { id: result.followUp.id, status: result.followUp.status, satisfied: result.followUp.satisfied, doneAt: result.followUp.doneAt?.toISOString() },
      case: caseView(result.case, result.type),
    };
  });
}
