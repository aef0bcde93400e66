/**
 * GET /api/registry/roster.xlsx?projectId= — a project's buildings, units and current owners,
 * tenants and agents in the import's own columns (registry.import): what the roster import reads,
 * so re-importing the export changes nothing. The export carries every household's full phone and
 * ID numbers: it is noted in the personal-data read log.
 */
import type { FastifyInstance } from 'fastify';
import type { MikroORM } from '@mikro-orm/core';
import { Project } from '../../db/entities/index.js';
import type { CaseService } from '../../cases/case-service.js';
import type { CaseQueries } from '../../cases/case-queries.js';
import { hasPermission } from '../../cases/access.js';
import { ForbiddenError, NotFoundError } from '../../errors.js';
import { readLogFor } from '../../registry/privacy.js';
import { rosterRows, rosterWorkbook } from '../../registry/roster/export-roster.js';
import { principalOf } from '../auth-hook.js';
import { errorResponses } from '../schemas.js';
import { REGISTRY_IMPORT } from './roster-import.js';

const id32 = { type: 'integer', minimum: 1, maximum: 2147483647 } as const;

export async function rosterExportRoutes(app: FastifyInstance, opts: { orm: MikroORM; cases: CaseService; queries: CaseQueries }): Promise<void> {
  app.get('/api/registry/roster.xlsx', {
    schema: {
      tags: ['registry'], summary: "A project's roster (.xlsx) in the import's columns; re-importing it changes nothing",
      querystring: { type: 'object', properties: { projectId: id32 }, required: ['projectId'], additionalProperties: false },
      response: { ...errorResponses },
    },
  }, async (request, reply) => {
    const principal = principalOf(request);
    const config = await opts.cases.configForCompany(principal);
    if (!hasPermission(principal, config, REGISTRY_IMPORT)) throw new ForbiddenError(`exporting the roster needs the ${REGISTRY_IMPORT} permission`);
    const { projectId } = request.query as { projectId: number };
    const scope = await opts.queries.projectScope(principal);
    const em = opts.orm.em.fork();
    const project = await em.findOne(Project, { id: projectId, companyId: principal.companyId });
    if (!project || (scope && !scope.includes(project.id))) throw new NotFoundError('project');
    const buffer = await rosterWorkbook(await rosterRows(em, principal.companyId, project));
    readLogFor(opts.orm, () => new Date()).record([{ companyId: principal.companyId, staffId: principal.staffId, unitId: null, via: `roster:${project.code}`.slice(0, 32) }]);
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`${project.name}-房屋业主清单.xlsx`)}`)
      .send(buffer);
  });
}
