/**
 * Monthly statistics (月度统计) and follow-up rates, for roles holding `reports.view`: the report
 * as JSON and as an .xlsx workbook. Generic over the configured case types (see
 * core/reports/monthly-report.ts for what counts in which month).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { MikroORM } from '@mikro-orm/core';
import type { CaseService } from '../../cases/case-service.js';
import type { CaseQueries } from '../../cases/case-queries.js';
import { hasPermission } from '../../cases/access.js';
import { Project } from '../../db/entities/index.js';
import { ForbiddenError } from '../../errors.js';
import { MonthlyReports } from '../../reports/monthly-report.js';
import { monthlyWorkbook } from '../../reports/monthly-workbook.js';
import { messageTitles, monthlyMessageCounts } from '../../notifications/outbox/monthly-message-counts.js';
import { principalOf } from '../auth-hook.js';
import { errorResponses } from '../schemas.js';

export const REPORTS_VIEW = 'reports.view';

const querystring = {
  type: 'object',
  properties: {
    month: { type: 'string', pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description: 'YYYY-MM, in the company time zone' },
    projectId: { type: 'integer', minimum: 1, maximum: 2147483647 },
  },
  required: ['month'],
  additionalProperties: false,
} as const;

export async function reportRoutes(app: FastifyInstance, opts: { orm: MikroORM; cases: CaseService; queries: CaseQueries; now: () => Date }): Promise<void> {
  const reports = new MonthlyReports(opts.orm, opts.now);
  const viewer = async (request: FastifyRequest) => {
    const principal = principalOf(request);
    const config = await opts.cases.configForCompany(principal);
    if (!hasPermission(principal, config, REPORTS_VIEW)) throw new ForbiddenError(`statistics need the ${REPORTS_VIEW} permission`);
    const scope = await opts.queries.projectScope(principal);
    const { month, projectId } = request.query as { month: string; projectId?: number };
    return { principal, config, scope, month, projectId };
  };

  app.get('/api/reports/monthly', {
    schema: {
      tags: ['reports'], querystring, response: { ...errorResponses },
      summary: 'Monthly statistics per case type: by state, severity and summary fields, per project, deadline compliance, follow-up rates, spot checks, dissatisfaction causes',
    },
  }, async (request) => {
    const v = await viewer(request);
    return reports.monthly(v.principal, v.config, v.month, v.scope, v.projectId);
  });

  app.get('/api/reports/monthly.xlsx', {
    schema: { tags: ['reports'], querystring, response: { ...errorResponses }, summary: 'The monthly statistics as an .xlsx workbook, one sheet per section (Chinese headers)' },
  }, async (request, reply) => {
    const v = await viewer(request);
    const report = await reports.monthly(v.principal, v.config, v.month, v.scope, v.projectId);
    const project = v.projectId ? await opts.orm.em.fork().findOne(Project, { id: v.projectId, companyId: v.principal.companyId }) : null;
    // 短信与微信: the figures of GET /api/reports/monthly/messages, each message named by its title
    const em = opts.orm.em.fork();
    const messages = { counts: await monthlyMessageCounts(em, v.principal.companyId, v.month, v.config.calendar.timezone), titles: await messageTitles(em, v.principal.companyId, v.config) };
    const buffer = await monthlyWorkbook(report, project?.name ?? null, messages);
    const filename = `月度统计-${v.month}${project ? `-${project.code}` : ''}.xlsx`;
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="report-${v.month}.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`)
      .send(buffer);
  });

  app.get('/api/reports/follow-ups', {
    schema: {
      tags: ['reports', 'follow-ups'], querystring, response: { ...errorResponses },
      summary: 'Follow-up rates per case type for the month (follow-ups falling due in it): due, done, on time, satisfied, on-site share, rate vs the policy’s required rate, spot checks',
    },
  }, async (request) => {
    const v = await viewer(request);
    return reports.followUps(v.principal, v.config, v.month, v.scope, v.projectId);
  });
}
