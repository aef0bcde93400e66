/**
 * Routes for every case type, generated from the plugins' workflow declarations: create, list,
 * get, transition, history, print and the monthly summary. The OpenAPI document shows each
 * plugin's own form; the data is validated against the case's configuration version.
 */
import type { FastifyInstance } from 'fastify';
import type { MikroORM } from '@mikro-orm/core';
import type { WorkflowDeclaration } from '../../../schemas/generated/workflow.js';
import type { PluginBundle } from '../../declarations/plugin-bundle.js';
import { CaseDeadline, CaseEvent, FollowUp, Staff } from '../../db/entities/index.js';
import { actingRoleFor } from '../../cases/access.js';
import { formPayload } from './case-types.js';
import type { CaseService } from '../../cases/case-service.js';
import type { CaseQueries, CaseListQuery } from '../../cases/case-queries.js';
import { caseView } from '../../cases/case-view.js';
import { renderCaseDocument } from '../../documents/render-document.js';
import { offeredDocuments } from '../../documents/document-availability.js';
import { caseRuleEnvironment } from '../../workflow/case-rule-environment.js';
import { principalOf } from '../auth-hook.js';
import { VALIDATED_BY_CONFIG } from '../validation.js';
import { errorResponses } from '../schemas.js';
import { assertCompanyTypeKnown, caseTypeOf, COMPANY_TYPES_BUNDLE, COMPANY_TYPES_TAG, COMPANY_TYPES_WORKFLOW, TYPE_PARAM, typeParam } from '../company-case-routes.js';
import type { CaseAfterWrite, CaseDetail, CaseEventView, CaseView, Page } from '../api-types.js';

export interface CaseRouteOptions {
  orm: MikroORM;
  bundles: PluginBundle[];
  cases: CaseService;
  queries: CaseQueries;
  now: () => Date;
}

const id32 = { type: 'integer', minimum: 1, maximum: 2147483647 } as const;

function formSchema(bundle: PluginBundle, form: string) {
  const { $schema: _s, ...schema } = bundle.forms[form] as unknown as Record<string, unknown>;
  return { ...schema, [VALIDATED_BY_CONFIG]: true };
}

export async function caseRoutes(app: FastifyInstance, opts: CaseRouteOptions): Promise<void> {
  for (const bundle of opts.bundles) {
    for (const [caseType, wf] of Object.entries(bundle.workflows)) registerCaseType(app, opts, bundle, caseType, wf);
  }
  // companies' own case types: one set of routes for them all, the type looked up in the
  // company's configuration at request time (core/http/company-case-routes.ts)
  registerCaseType(app, opts, COMPANY_TYPES_BUNDLE, TYPE_PARAM, COMPANY_TYPES_WORKFLOW);
}

/** `pathType` is a plugin's case type, or TYPE_PARAM for the companies' own (read from the path per request). */
function registerCaseType(app: FastifyInstance, opts: CaseRouteOptions, bundle: PluginBundle, pathType: string, wf: WorkflowDeclaration): void {
  const base = `/api/cases/${pathType}`;
  const tags = [pathType === TYPE_PARAM ? COMPANY_TYPES_TAG : pathType];
  const paramsWithId = idParams(pathType);
  const title = wf.title.en ?? wf.title['zh-CN'];

  app.post(base, {
    schema: {
      tags, summary: `Register a ${title} (${wf.title['zh-CN']})`,
      body: {
        type: 'object',
        properties: { projectId: id32, unitId: { ...id32, nullable: true }, personId: { ...id32, nullable: true }, data: formSchema(bundle, wf.form) },
        required: ['projectId', 'data'],
        additionalProperties: false,
      },
      response: { ...errorResponses },
    },
  }, async (request, reply): Promise<CaseAfterWrite> => {
    const principal = principalOf(request);
    const caseType = caseTypeOf(request, pathType);
    const ctx = await opts.cases.create(principal, caseType, request.body as never);
    reply.code(201 as never);
    return { ...caseView(ctx.row, ctx.type), availableTransitions: opts.cases.availableTransitions(principal, ctx) };
  });

  app.get(base, {
    schema: {
      tags, summary: `List ${title} cases (keyset pages, newest first)`,
      querystring: {
        type: 'object',
        properties: {
          state: { type: 'string', maxLength: 64 }, projectId: id32, buildingId: id32, unitId: id32,
          assigneeId: { anyOf: [{ type: 'string', enum: ['me'] }, id32] }, assigneeRole: { type: 'string', maxLength: 64 },
          severity: { type: 'string', maxLength: 64 }, overdue: { type: 'boolean' }, open: { type: 'boolean' },
          createdFrom: { type: 'string', format: 'date-time' }, createdTo: { type: 'string', format: 'date-time' },
          q: { type: 'string', minLength: 1, maxLength: 100 }, cursor: id32, limit: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
        },
        additionalProperties: false,
      },
      response: { ...errorResponses },
    },
  }, async (request): Promise<Page<CaseView>> => {
    const principal = principalOf(request);
    const caseType = caseTypeOf(request, pathType);
    const { items, nextCursor } = await opts.queries.list(principal, caseType, request.query as CaseListQuery);
    const current = items.length || pathType === TYPE_PARAM ? await opts.cases.configForCompany(principal) : null;
    if (!items.length) assertCompanyTypeKnown(pathType, caseType, current);
    return { items: items.map((r) => caseView(r, current?.caseTypes.get(caseType))), nextCursor };
  });

  app.get(`${base}/summary`, {
    schema: {
      tags, summary: `Monthly summary of ${title} cases by state and by ${(wf.summaryFields ?? []).join(', ') || 'state'}`,
      querystring: {
        type: 'object',
        properties: { month: { type: 'string', pattern: '^\\d{4}-(0[1-9]|1[0-2])$' }, projectId: id32 },
        required: ['month'],
        additionalProperties: false,
      },
      response: { ...errorResponses },
    },
  }, async (request) => {
    const principal = principalOf(request);
    const caseType = caseTypeOf(request, pathType);
    const { month, projectId } = request.query as { month: string; projectId?: number };
    const current = await opts.cases.configForCompany(principal);
    const type = current.caseTypes.get(caseType);
    assertCompanyTypeKnown(pathType, caseType, current);
    return opts.queries.monthlySummary(principal, caseType, month, type?.workflow.summaryFields ?? [], current.calendar.timezone, projectId);
  });

  app.get(`${base}/:id`, {
    schema: { tags, summary: `Get one ${title} with its deadlines, follow-ups and the transitions you may take`, params: paramsWithId, response: { ...errorResponses } },
  }, async (request): Promise<CaseDetail> => {
    const principal = principalOf(request);
    const caseType = caseTypeOf(request, pathType);
    const { id } = request.params as { id: number };
    const em = opts.orm.em.fork();
    const ctx = await opts.cases.load(principal, caseType, id, em);
    const [deadlines, followUps] = await Promise.all([
      em.find(CaseDeadline, { caseId: id, companyId: principal.companyId }, { orderBy: { id: 'asc' } }),
      em.find(FollowUp, { caseId: id, companyId: principal.companyId }, { orderBy: { id: 'asc' } }),
    ]);
    const available = opts.cases.availableTransitions(principal, ctx);
    const dueFollowUp = followUps.find((f) => f.status === 'due' && actingRoleFor(principal, ctx.access, f.roles) !== null);
    return {
      ...caseView(ctx.row, ctx.type),
      availableTransitions: available,
      transitionForms: Object.fromEntries(available.map((t) => {
        const decl = ctx.type.workflow.transitions[t]!;
        return [t, { title: decl.title, form: decl.form ? formPayload(ctx.type, decl.form) : null }];
      })),
      followUpForm: dueFollowUp && ctx.type.workflow.followUp ? { followUpId: dueFollowUp.id, form: formPayload(ctx.type, ctx.type.workflow.followUp.form) } : null,
      documents: offeredDocuments(ctx.type, ctx.row, caseRuleEnvironment(ctx.config, opts.now())),
      deadlines: deadlines.map((d) => ({
        key: d.key, title: ctx.type.workflow.deadlines?.[d.key]?.title ?? null, startedAt: d.startedAt.toISOString(), dueAt: d.dueAt.toISOString(),
        duration: d.duration, status: d.status, metAt: d.metAt?.toISOString() ?? null, overdueAt: d.overdueAt?.toISOString() ?? null, escalatedToRole: d.escalatedToRole ?? null,
        calendarGapYears: d.calendarGapYears ?? null,
      })),
      followUps: followUps.map((f) => ({
        id: f.id, dueAt: f.dueAt.toISOString(), method: f.method, roles: f.roles, status: f.status, satisfied: f.satisfied ?? null,
        doneAt: f.doneAt?.toISOString() ?? null, result: f.result ?? null,
      })),
    };
  });

  app.post(`${base}/:id/transitions/:transition`, {
    schema: {
      tags, summary: `Take a transition of a ${title}: ${Object.keys(wf.transitions).filter((t) => !wf.transitions[t]!.system).join(', ')}`,
      params: {
        type: 'object',
        // a company may add transitions in its configuration: any identifier, the service answers 404 for unknown ones
        properties: { ...typeParam(pathType), id: id32, transition: { type: 'string', pattern: '^[a-z][a-zA-Z0-9]*$', maxLength: 64 } },
        required: ['id', 'transition'],
        additionalProperties: false,
      },
      body: {
        type: 'object',
        properties: {
          version: { type: 'integer', minimum: 1, description: 'the case version you saw; a stale one is refused with 409' },
          data: { type: 'object', description: "the transition's form", [VALIDATED_BY_CONFIG]: true },
        },
        required: ['version'],
        additionalProperties: false,
      },
      response: { ...errorResponses },
    },
  }, async (request): Promise<CaseAfterWrite> => {
    const principal = principalOf(request);
    const caseType = caseTypeOf(request, pathType);
    const { id, transition } = request.params as { id: number; transition: string };
    // the changed case as the transaction left it: no second read after the commit
    const ctx = await opts.cases.transition(principal, caseType, id, transition, request.body as never);
    return { ...caseView(ctx.row, ctx.type), availableTransitions: opts.cases.availableTransitions(principal, ctx) };
  });

  app.get(`${base}/:id/events`, {
    schema: { tags, summary: `The event log of a ${title}, oldest first`, params: paramsWithId, response: { ...errorResponses } },
  }, async (request): Promise<Page<CaseEventView>> => {
    const principal = principalOf(request);
    const caseType = caseTypeOf(request, pathType);
    const { id } = request.params as { id: number };
    const em = opts.orm.em.fork();
    const ctx = await opts.cases.load(principal, caseType, id, em);
    const events = await em.find(CaseEvent, { caseId: id, companyId: principal.companyId }, { orderBy: { id: 'asc' } });
    const actorIds = [...new Set(events.map((e) => e.actorId).filter((a): a is number => a != null))];
    const names = new Map((await em.find(Staff, { id: { $in: actorIds }, companyId: principal.companyId }, { fields: ['id', 'name'] })).map((s) => [s.id, s.name]));
    const wfDecl = ctx.type.workflow;
    return {
      items: events.map((e) => ({
        id: e.id, type: e.type, transition: e.transition ?? null, fromState: e.fromState ?? null, toState: e.toState ?? null,
        actorId: e.actorId ?? null, actorName: e.actorId != null ? (names.get(e.actorId) ?? null) : null, actorRole: e.actorRole ?? null,
        actorRoleTitle: e.actorRole ? (ctx.config.roles.get(e.actorRole)?.title ?? null) : null,
        transitionTitle: e.transition ? (wfDecl.transitions[e.transition]?.title ?? null) : null,
        toStateTitle: e.toState ? (wfDecl.states[e.toState]?.title ?? null) : null,
        data: e.data, createdAt: e.createdAt.toISOString(),
      })),
    };
  });

  app.get(`${base}/:id/documents/:document`, {
    schema: {
      tags, summary: `Printable document of a ${title} (HTML): ${Object.keys(wf.documents ?? {}).join(', ')}`,
      params: {
        type: 'object',
        properties: { ...typeParam(pathType), id: id32, document: { type: 'string', pattern: '^[a-z][a-zA-Z0-9]*$', maxLength: 64 } },
        required: ['id', 'document'],
        additionalProperties: false,
      },
      // lang is accepted from older links and ignored: paper prints in the company's language (core/documents/document-language.ts)
      querystring: { type: 'object', properties: { lang: { type: 'string', enum: ['zh-CN', 'en'] } }, additionalProperties: false },
      response: { ...errorResponses },
    },
  }, async (request, reply) => {
    const principal = principalOf(request);
    const caseType = caseTypeOf(request, pathType);
    const { id, document } = request.params as { id: number; document: string };
    const em = opts.orm.em.fork();
    const ctx = await opts.cases.load(principal, caseType, id, em);
    const html = await renderCaseDocument(em, ctx, document, { language: ctx.config.documentLanguage, now: opts.now() });
    return reply.type('text/html; charset=utf-8').header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:").send(html);
  });
}

function idParams(pathType: string) {
  return { type: 'object', properties: { ...typeParam(pathType), id: id32 }, required: ['id'], additionalProperties: false } as const;
}
