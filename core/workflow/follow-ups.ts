/**
 * Follow-ups (回访): due items with their policy. Recording the result takes the workflow's
 * declared transition — satisfied closes, unsatisfied sends the case back for rectification.
 */
import type { MikroORM } from '@mikro-orm/core';
import { FollowUp, WorkCase } from '../db/entities/index.js';
import { ForbiddenError, NotFoundError, RuleRefusedError } from '../errors.js';
import type { Principal } from '../auth/sessions.js';
import type { CaseService } from '../cases/case-service.js';
import { actingRoleFor } from '../cases/access.js';
import { ruleContext } from './rule-context.js';

export interface FollowUpListQuery {
  status?: 'due' | 'done';
  caseType?: string;
  overdueOnly?: boolean;
  limit: number;
}

export class FollowUpService {
  constructor(private readonly orm: MikroORM, private readonly cases: CaseService, private readonly now: () => Date) {}

  async list(principal: Principal, query: FollowUpListQuery, projectScope: number[] | null) {
    const em = this.orm.em.fork();
    const where: Record<string, unknown> = { companyId: principal.companyId, status: query.status ?? 'due' };
    if (projectScope) where.projectId = { $in: projectScope };
    if (query.caseType) where.caseType = query.caseType;
    if (query.overdueOnly) where.dueAt = { $lt: this.now() };
    const rows = await em.find(FollowUp, where, { orderBy: { dueAt: 'asc', id: 'asc' }, limit: query.limit });
    // the cases in one query, not one each
    const cases = new Map((await em.find(WorkCase, { id: { $in: [...new Set(rows.map((r) => r.caseId))] }, companyId: principal.companyId })).map((c) => [c.id, c]));
    return rows.flatMap((f) => {
      const c = cases.get(f.caseId);
      return c ? [{ followUp: f, case: c }] : [];
    });
  }

  async complete(principal: Principal, followUpId: number, body: { caseVersion: number; data: unknown }) {
    return this.orm.em.fork().transactional(async (em) => {
      const f = await em.findOne(FollowUp, { id: followUpId, companyId: principal.companyId });
      if (!f) throw new NotFoundError('follow-up');
      const ctx = await this.cases.load(principal, f.caseType, f.caseId, em);
      if (f.status !== 'due') throw new RuleRefusedError(`follow-up ${followUpId} is already ${f.status}`);
      const role = actingRoleFor(principal, ctx.access, f.roles);
      if (!role) throw new ForbiddenError(`this follow-up is done by: ${f.roles.join(', ')}`);
      const policy = ctx.type.workflow.followUp!;
      const actorRoles = [...ctx.access.actingRoles(principal.roles)];
      const data = this.cases.validateForm(ctx.config, ctx.type, policy.form, body.data, '/data', (form) => ruleContext(ctx.row, { ...ctx.row.data, ...form }, { staffId: principal.staffId, roles: actorRoles }, ctx.type.settings));
      const satisfied = data[policy.satisfiedField] === true;
      const now = this.now();
      f.status = 'done';
      f.result = data;
      f.satisfied = satisfied;
      f.onSite = policy.methodField ? data[policy.methodField] === 'onSite' : null;
      f.doneAt = now;
      f.doneBy = principal.staffId;
      const transition = satisfied ? policy.onSatisfied : policy.onUnsatisfied;
      const actor = { staffId: principal.staffId, role, roles: [...ctx.access.actingRoles(principal.roles)] };
      // The follow-up's answers are recorded on the follow-up, not merged into the case data.
      const row = await this.cases.applyTransition(em, ctx, transition, { version: body.caseVersion }, actor, {
        followUpId: f.id, satisfied, onTime: now.getTime() <= f.dueAt.getTime(), result: data,
      });
      return { followUp: f, case: row, type: ctx.type };
    });
  }
}

