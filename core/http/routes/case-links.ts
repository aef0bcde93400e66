/**
 * Conversions and links for every case type (core/cases/convert-case.ts):
 *   GET  /api/cases/<type>/<id>/links        linked cases, both directions
 *   GET  /api/cases/<type>/<id>/conversions  what the case may be converted into now, with the target's prefilled form
 *   POST /api/cases/<type>/<id>/convert      { to, data, reason, version } → 201 { source, target }
 */
import type { FastifyInstance } from 'fastify';
import type { MikroORM } from '@mikro-orm/core';
import type { PluginBundle } from '../../declarations/plugin-bundle.js';
import type { CaseService } from '../../cases/case-service.js';
import { CaseConversions } from '../../cases/convert-case.js';
import { caseView } from '../../cases/case-view.js';
import { formPayload } from './case-types.js';
import { principalOf } from '../auth-hook.js';
import { VALIDATED_BY_CONFIG } from '../validation.js';
import { errorResponses } from '../schemas.js';
import { caseTypeOf, COMPANY_TYPES_TAG, COMPANY_TYPES_WORKFLOW, TYPE_PARAM, typeParam } from '../company-case-routes.js';
import type { CaseConversionsAnswer, CaseConvertAnswer, CaseLinksAnswer } from '../api-types.js';

export interface CaseLinkRouteOptions {
  orm: MikroORM;
  bundles: PluginBundle[];
  cases: CaseService;
  now: () => Date;
}

const id32 = { type: 'integer', minimum: 1, maximum: 2147483647 } as const;

export async function caseLinkRoutes(app: FastifyInstance, opts: CaseLinkRouteOptions): Promise<void> {
  const conversions = new CaseConversions(opts.orm, opts.cases, opts.now);
  const routes = [...opts.bundles.flatMap((b) => Object.entries(b.workflows)), [TYPE_PARAM, COMPANY_TYPES_WORKFLOW] as const];
  // the last set serves the companies' own case types, looked up per request (core/http/company-case-routes.ts)
  for (const [pathType, wf] of routes) {
    const base = `/api/cases/${pathType}`;
    const tags = [pathType === TYPE_PARAM ? COMPANY_TYPES_TAG : pathType];
    const title = wf.title.en ?? wf.title['zh-CN'];
    const paramsWithId = { type: 'object', properties: { ...typeParam(pathType), id: id32 }, required: ['id'], additionalProperties: false } as const;

    app.get(`${base}/:id/links`, {
      schema: { tags, summary: `Cases linked to a ${title} (converted or handed on, both directions)`, params: paramsWithId, response: { ...errorResponses } },
    }, async (request): Promise<CaseLinksAnswer> => {
      const principal = principalOf(request);
      const caseType = caseTypeOf(request, pathType);
      const { id } = request.params as { id: number };
      const em = opts.orm.em.fork();
      const ctx = await opts.cases.load(principal, caseType, id, em);
      return { items: await conversions.links(principal, ctx, em) };
    });

    app.get(`${base}/:id/conversions`, {
      schema: { tags, summary: `What a ${title} may be converted into now, each with the target's registration form prefilled`, params: paramsWithId, response: { ...errorResponses } },
    }, async (request): Promise<CaseConversionsAnswer> => {
      const principal = principalOf(request);
      const caseType = caseTypeOf(request, pathType);
      const { id } = request.params as { id: number };
      const em = opts.orm.em.fork();
      const ctx = await opts.cases.load(principal, caseType, id, em);
      const offers = await conversions.offered(principal, ctx, em);
      const target = offers.length ? await opts.cases.configForNewCase(principal, ctx.row.projectId) : null;
      return {
        items: offers.map((o) => ({ ...o, formPayload: formPayload(target!.caseTypes.get(o.to)!, o.form), settings: target!.caseTypes.get(o.to)!.settings })),
      };
    });

    app.post(`${base}/:id/convert`, {
      schema: {
        tags, summary: `Convert a ${title} into another case type: ${Object.keys(wf.conversions ?? {}).join(', ') || 'none declared'}`,
        params: paramsWithId,
        body: {
          type: 'object',
          properties: {
            to: { type: 'string', pattern: '^[a-z][a-zA-Z0-9]*$', maxLength: 64, description: 'the target case type' },
            data: { type: 'object', description: "the target's registration form", [VALIDATED_BY_CONFIG]: true },
            reason: { type: 'string', minLength: 1, maxLength: 500, description: 'why the case is converted (kept on both cases)' },
            version: { type: 'integer', minimum: 1, description: 'the case version you saw; a stale one is refused with 409' },
          },
          required: ['to', 'data', 'reason', 'version'],
          additionalProperties: false,
        },
        response: { ...errorResponses },
      },
    }, async (request, reply): Promise<CaseConvertAnswer> => {
      const principal = principalOf(request);
      const caseType = caseTypeOf(request, pathType);
      const { id } = request.params as { id: number };
      const { source, target } = await conversions.convert(principal, caseType, id, request.body as never);
      reply.code(201 as never);
      return { source: { ...caseView(source.row, source.type), availableTransitions: opts.cases.availableTransitions(principal, source) }, target };
    });
  }
}
