/** Arrears, collection rates and the dunning ladder. */
import type { FastifyInstance } from 'fastify';
import { errorResponses } from '../../../../core/plugin-api.js';
import { arrearsAll, arrearsReport, dunningHistory, recordDunningStep, recordDunningSteps } from '../arrears.js';
import { arrearsWorkbook } from '../arrears-workbook.js';
import { collectionRates } from '../collection-rates.js';
import { CURSOR, DATE, ID, LIMIT, text, unitParams } from './schemas.js';
import type { BillingServices } from '../settings.js';

export async function reportRoutes(app: FastifyInstance, services: BillingServices): Promise<void> {
  app.get('/arrears', {
    schema: {
      tags: ['billing'], summary: 'Units in arrears with months unpaid and the next dunning step (keyset pages by unit)',
      querystring: { type: 'object', properties: { projectId: ID, minMonths: { type: 'integer', minimum: 0, maximum: 240 }, asOf: DATE, cursor: CURSOR, limit: LIMIT }, additionalProperties: false },
      response: { ...errorResponses },
    },
  }, async (request) => arrearsReport(services, services.principal(request), request.query as never));

  app.get('/arrears.xlsx', {
    schema: {
      tags: ['billing'], summary: 'The arrears list as an .xlsx workbook (every unit of the query, Chinese headers, a total row)',
      querystring: { type: 'object', properties: { projectId: ID, minMonths: { type: 'integer', minimum: 0, maximum: 240 }, asOf: DATE }, additionalProperties: false },
      response: { ...errorResponses },
    },
  }, async (request, reply) => {
    const principal = services.principal(request);
    const query = request.query as { projectId?: number; minMonths?: number; asOf?: string };
    const rows = await arrearsAll(services, principal, query);
    const project = query.projectId !== undefined ? await services.projectFor(principal, query.projectId) : null;
    const filename = `欠费清单-${rows.asOf}${project ? `-${project.code}` : ''}.xlsx`;
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="arrears-${rows.asOf}.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`)
      .send(await arrearsWorkbook(rows, project?.name ?? null));
  });

  app.post('/dunning', {
    schema: {
      tags: ['billing'], summary: 'Record one dunning step for several units (arrears list batch): all or none',
      body: {
        type: 'object',
        properties: { unitIds: { type: 'array', items: ID, minItems: 1, maxItems: 200, uniqueItems: true }, step: { type: 'string', pattern: '^[a-z][a-zA-Z0-9]{0,31}$' }, note: text(500), outcome: text(200) },
        required: ['unitIds', 'step', 'note'], additionalProperties: false,
      },
      response: { ...errorResponses },
    },
  }, async (request, reply) => {
    const { unitIds, ...input } = request.body as { unitIds: number[]; step: string; note: string; outcome?: string };
    const steps = await recordDunningSteps(services, services.principal(request), unitIds, input);
    reply.code(201 as never);
    return { steps };
  });

  app.get('/collection-rates', {
    schema: {
      tags: ['billing'], summary: 'Collection rates of this period, the last and the one before against the targets',
      querystring: { type: 'object', properties: { projectId: ID, asOf: DATE }, additionalProperties: false },
      response: { ...errorResponses },
    },
  }, async (request) => collectionRates(services, services.principal(request), request.query as never));

  app.post('/units/:unitId/dunning', {
    schema: {
      tags: ['billing'], summary: 'Record a dunning step (a step is refused before its months unpaid are reached)', params: unitParams,
      body: { type: 'object', properties: { step: { type: 'string', pattern: '^[a-z][a-zA-Z0-9]{0,31}$' }, note: text(500), outcome: text(200) }, required: ['step', 'note'], additionalProperties: false },
      response: { ...errorResponses },
    },
  }, async (request, reply) => {
    const step = await recordDunningStep(services, services.principal(request), (request.params as { unitId: number }).unitId, request.body as never);
    reply.code(201 as never);
    return { step };
  });

  app.get('/units/:unitId/dunning', {
    schema: { tags: ['billing'], summary: "A unit's dunning steps and the next one due", params: unitParams, response: { ...errorResponses } },
  }, async (request) => dunningHistory(services, services.principal(request), (request.params as { unitId: number }).unitId));
}
