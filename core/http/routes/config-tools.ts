/**
 * Tools for the admin editor: dry runs of a draft configuration (a case through the workflow, or a
 * rule on sample data), diffs against the version in force, and export. None of them writes.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ConfigService } from '../../config/config-service.js';
import type { CaseService } from '../../cases/case-service.js';
import type { ConfigDocument } from '../../config/effective-config.js';
import { dryRun } from '../../config/dry-run.js';
import { jsonDiff } from '../../config/json-diff.js';
import { compileRule, RuleError } from '../../rules/index.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../../errors.js';
import { hasPermission } from '../../cases/access.js';
import { principalOf } from '../auth-hook.js';
import { errorResponses } from '../schemas.js';
import { CONFIG_EDIT } from './config.js';

const draftProperties = {
  document: { type: 'object', description: 'a whole draft document' },
  patch: { type: 'object', description: 'or a JSON Merge Patch over the current document' },
} as const;

export async function configToolRoutes(app: FastifyInstance, opts: { configs: ConfigService; cases: CaseService; now: () => Date }): Promise<void> {
  const { configs } = opts;
  const editor = async (request: FastifyRequest) => {
    const principal = principalOf(request);
    if (!hasPermission(principal, await opts.cases.configForCompany(principal), CONFIG_EDIT)) throw new ForbiddenError(`needs the ${CONFIG_EDIT} permission`);
    return principal;
  };
  /** The draft (or the current document) with its validation issues, pointers under /document. */
  const draft = async (companyId: number, body: { document?: unknown; patch?: unknown }) => {
    const hasDraft = body.document !== undefined || body.patch !== undefined;
    const current = await configs.current(companyId);
    const { document } = hasDraft ? await configs.buildDocument(companyId, { ...body, reason: '' }) : { document: await configs.documentOf(companyId, current.id) };
    const issues = (await configs.check(companyId, document)).map((i) => ({ ...i, pointer: `/document${i.pointer}` }));
    return { document: document as ConfigDocument, issues, current };
  };

  app.post('/api/config/dry-run', {
    schema: {
      tags: ['config'], summary: 'Simulate a case through a draft configuration: per step the state, who gets it, the clocks and the follow-up',
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
              properties: { transition: { type: 'string', maxLength: 64 }, data: { type: 'object' }, afterMinutes: { type: 'integer', minimum: 0, maximum: 525600 } },
              required: ['transition'],
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
    const body = request.body as { document?: unknown; patch?: unknown; projectCode?: string; caseType: string; start?: string; create: { data: unknown }; steps: { transition: string; data?: unknown; afterMinutes?: number }[] };
    const { document, issues } = await draft(principal.companyId, body);
    if (issues.length) return { valid: false, issues, steps: [] };
    if (body.projectCode && !(await configs.projectCodes(principal.companyId)).has(body.projectCode)) throw new NotFoundError('project');
    const compiled = configs.compileDraft(document, body.projectCode ?? null);
    const steps = dryRun(compiled, { caseType: body.caseType, start: body.start ? new Date(body.start) : opts.now(), create: body.create, steps: body.steps },
      (type, form, value, context) => opts.cases.validateForm(type, form, value, '/data', context));
    return { valid: true, issues: [], steps };
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
    const bundle = configs.effectiveFor(document, null).bundles.find((b) => b.id === body.pluginId);
    if (!bundle) throw new NotFoundError(`plugin ${body.pluginId}`);
    const logic = body.rule !== undefined ? bundle.rules[body.rule]?.logic : body.logic;
    if (logic === undefined) throw new ValidationError([{ pointer: body.rule !== undefined ? '/rule' : '/logic', code: 'required', message: body.rule !== undefined ? `no rule "${body.rule}" in plugin ${body.pluginId}` : 'give rule or logic' }]);
    try {
      const settings = (bundle.manifest.config?.defaults as Record<string, unknown> | undefined) ?? {};
      return { result: compileRule(logic).evaluate({ config: settings, ...body.context }) ?? null, issues: [] };
    } catch (e) {
      if (e instanceof RuleError) return { result: null, issues: e.issues.map((i) => ({ ...i, pointer: `/logic${i.pointer}` })) };
      throw e;
    }
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
    return { against: current.number, changes: jsonDiff(await configs.documentOf(principal.companyId, current.id), document) };
  });

  app.get('/api/config/versions/:number/diff', {
    schema: {
      tags: ['config'], summary: 'What a version changed against the version it was proposed on (or the one before it)',
      params: { type: 'object', properties: { number: { type: 'integer', minimum: 1 } }, required: ['number'], additionalProperties: false },
      response: { ...errorResponses },
    },
  }, async (request) => {
    const principal = principalOf(request);
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
