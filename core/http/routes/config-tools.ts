/**
 * Tools for the admin editor: dry runs of a draft configuration (a case through the workflow, or a
 * rule on sample data), diffs against the version in force, and export. None of them writes.
 * The work that compiles the draft runs in the draft pool (core/config/draft-tasks.ts), off the
 * event loop; here only what needs the database is gathered.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ConfigService } from '../../config/config-service.js';
import type { CaseService } from '../../cases/case-service.js';
import type { DryRunAnswer, RuleAnswer } from '../../config/draft-tasks.js';
import { jsonDiff, type JsonChange } from '../../config/json-diff.js';
import { errorResponses } from '../schemas.js';
import { requireConfigPermission, retryAfterWhenLimited } from './config.js';

const draftProperties = {
  document: { type: 'object', description: 'a whole draft document' },
  patch: { type: 'object', description: 'or a JSON Merge Patch over the current document' },
} as const;

export async function configToolRoutes(app: FastifyInstance, opts: { configs: ConfigService; cases: CaseService; now: () => Date }): Promise<void> {
  const { configs } = opts;
  const editor = (request: FastifyRequest) => requireConfigPermission(opts.cases, request, 'edit');
  const reader = (request: FastifyRequest) => requireConfigPermission(opts.cases, request, 'view');
  retryAfterWhenLimited(app);
  /** The draft (or, without one, the document in force) and the version in force. */
  const draft = async (companyId: number, body: { document?: unknown; patch?: unknown }) => {
    const hasDraft = body.document !== undefined || body.patch !== undefined;
    const current = await configs.current(companyId);
    const { document } = hasDraft ? await configs.buildDocument(companyId, { ...body, reason: '' }) : { document: await configs.documentOf(companyId, current.id) };
    return { document, current };
  };

  app.post('/api/config/dry-run', {
    schema: {
      tags: ['config'], summary: 'Simulate a case through a draft configuration: per step the state, who gets it, the clocks, what each clock that ran out did (escalation or its onExpiry transition) and the follow-up',
      body: {
        type: 'object',
        properties: {
          ...draftProperties,
          projectCode: { type: 'string', maxLength: 32 },
          caseType: { type: 'string', maxLength: 64 },
          start: { type: 'string', format: 'date-time' },
          create: { type: 'object', properties: { data: { type: 'object' } }, required: ['data'], additionalProperties: false },
          steps: {
            type: 'array', maxItems: 50,
            items: {
              type: 'object',
              // a step without a transition only lets afterMinutes pass (to see a deadline expire)
              properties: { transition: { type: 'string', maxLength: 64 }, data: { type: 'object' }, afterMinutes: { type: 'integer', minimum: 0, maximum: 525600 } },
              additionalProperties: false,
            },
          },
        },
        required: ['caseType', 'create', 'steps'],
        additionalProperties: false,
      },
      response: { ...errorResponses },
    },
  }, async (request) => {
    const principal = await editor(request);
    const body = request.body as { document?: unknown; patch?: unknown; projectCode?: string; caseType: string; start?: string; create: { data: unknown }; steps: { transition?: string; data?: unknown; afterMinutes?: number }[] };
    const { document } = await draft(principal.companyId, body);
    return configs.runDraft<DryRunAnswer>(principal.companyId, {
      kind: 'dry-run', document, projectCodes: [...await configs.projectCodes(principal.companyId)], projectCode: body.projectCode ?? null,
      caseType: body.caseType, start: (body.start ? new Date(body.start) : opts.now()).toISOString(), create: body.create, steps: body.steps,
    });
  });

  app.post('/api/config/dry-run/rule', {
    schema: {
      tags: ['config'], summary: "Evaluate a rule (a plugin's named rule in the draft, or given logic) on sample data",
      body: {
        type: 'object',
        properties: { ...draftProperties, pluginId: { type: 'string', maxLength: 64 }, rule: { type: 'string', maxLength: 64 }, logic: {}, context: { type: 'object' } },
        required: ['pluginId', 'context'],
        additionalProperties: false,
      },
      response: { ...errorResponses },
    },
  }, async (request) => {
    const principal = await editor(request);
    const body = request.body as { document?: unknown; patch?: unknown; pluginId: string; rule?: string; logic?: unknown; context: Record<string, unknown> };
    const { document } = await draft(principal.companyId, body);
    return configs.runDraft<RuleAnswer>(principal.companyId, { kind: 'rule', document, pluginId: body.pluginId, rule: body.rule, logic: body.logic, context: body.context });
  });

  app.post('/api/config/diff', {
    schema: {
      tags: ['config'], summary: 'What a draft changes against the document in force',
      body: { type: 'object', properties: draftProperties, additionalProperties: false },
      response: { ...errorResponses },
    },
  }, async (request) => {
    const principal = await editor(request);
    const { document, current } = await draft(principal.companyId, request.body as never);
    const before = await configs.documentOf(principal.companyId, current.id);
    return { against: current.number, changes: await configs.runDraft<JsonChange[]>(principal.companyId, { kind: 'diff', before, after: document }) };
  });

  app.get('/api/config/versions/:number/diff', {
    schema: {
      tags: ['config'], summary: 'What a version changed against the version it was proposed on (or the one before it)',
      params: { type: 'object', properties: { number: { type: 'integer', minimum: 1 } }, required: ['number'], additionalProperties: false },
      response: { ...errorResponses },
    },
  }, async (request) => {
    const principal = await reader(request);
    const v = await configs.getVersion(principal.companyId, (request.params as { number: number }).number);
    const baseNumber = v.basedOn ?? v.number - 1;
    const base = baseNumber >= 1 ? await configs.getVersion(principal.companyId, baseNumber) : null;
    return { number: v.number, against: base?.number ?? null, changes: jsonDiff(base?.document ?? {}, v.document) };
  });

  app.get('/api/config/export', {
    schema: { tags: ['config'], summary: 'The configuration document in force, as a JSON file (import it with POST /api/config/versions)' },
  }, async (request, reply) => {
    const principal = await editor(request);
    const current = await configs.current(principal.companyId);
    const document = await configs.documentOf(principal.companyId, current.id);
    return reply
      .header('content-disposition', `attachment; filename="wuye-config-v${current.number}.json"`)
      .type('application/json; charset=utf-8')
      .send(JSON.stringify({ version: current.number, exportedAt: opts.now().toISOString(), document }, null, 2));
  });
}
