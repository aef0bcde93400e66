/**
 * The configuration API: read the effective configuration, check or propose a change (precise
 * errors), activate it, roll back, and read the history. Reading needs config.view or config.edit
 * (it shows every role's permissions, the settings such as fee rates, drafts not yet active and
 * each change's reason and author); changing needs config.edit. Every staff member reads the staff
 * app's smaller model instead: GET /api/app-config (core/config/app-config-view.ts).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ConfigService } from '../../config/config-service.js';
import type { ConfigVersion } from '../../db/entities/index.js';
import type { CaseService } from '../../cases/case-service.js';
import { ForbiddenError } from '../../errors.js';
import { hasPermission } from '../../cases/access.js';
import { principalOf } from '../auth-hook.js';
import { errorResponses } from '../schemas.js';
import { appConfigView } from '../../config/app-config-view.js';
import type { FieldIssue } from '../../errors.js';

export const CONFIG_EDIT = 'config.edit';
/** Reading the configuration without changing it (config.edit reads too). */
export const CONFIG_VIEW = 'config.view';

/** A company's compilations beyond its limit are refused with 429 (core/config/company-limiter.ts): say when to try again. */
export function retryAfterWhenLimited(app: FastifyInstance): void {
  app.addHook('onSend', async (_request, reply, payload) => {
    if (reply.statusCode === 429 && !reply.hasHeader('retry-after')) reply.header('retry-after', '2');
    return payload;
  });
}

/** The principal, when their roles carry one of the permissions; 403 otherwise. */
export async function requireConfigPermission(cases: CaseService, request: FastifyRequest, access: 'view' | 'edit') {
  const principal = principalOf(request);
  const config = await cases.configForCompany(principal);
  const allowed = access === 'edit' ? [CONFIG_EDIT] : [CONFIG_VIEW, CONFIG_EDIT];
  if (!allowed.some((p) => hasPermission(principal, config, p))) {
    throw new ForbiddenError(access === 'edit' ? `changing configuration needs the ${CONFIG_EDIT} permission` : `reading configuration needs the ${CONFIG_VIEW} or ${CONFIG_EDIT} permission`);
  }
  return principal;
}

function versionView(v: ConfigVersion, currentNumber: number | null) {
  return {
    number: v.number, status: v.status, current: v.number === currentNumber, reason: v.reason, authorId: v.authorId ?? null,
    createdAt: v.createdAt.toISOString(), effectiveFrom: v.effectiveFrom.toISOString(), activatedAt: v.activatedAt?.toISOString() ?? null,
    activatedBy: v.activatedBy ?? null, basedOn: v.basedOn ?? null,
  };
}

const changeBody = {
  type: 'object',
  properties: {
    document: { type: 'object', description: 'a whole configuration document (schemas/config.schema.json)' },
    patch: { type: 'object', description: 'or a JSON Merge Patch over the current document' },
    reason: { type: 'string', minLength: 1, maxLength: 500 },
    effectiveFrom: { type: 'string', format: 'date-time' },
  },
  additionalProperties: false,
} as const;

export async function configRoutes(app: FastifyInstance, opts: { configs: ConfigService; cases: CaseService; now: () => Date }): Promise<void> {
  const { configs } = opts;
  const requireEditor = (request: FastifyRequest) => requireConfigPermission(opts.cases, request, 'edit');
  const requireReader = (request: FastifyRequest) => requireConfigPermission(opts.cases, request, 'view');
  // the draft pool's threads end with the server
  app.addHook('onClose', async () => configs.close());
  retryAfterWhenLimited(app);

  app.get('/api/app-config', {
    schema: {
      tags: ['config'], summary: "The staff app's read model of the configuration in force: role titles, your permissions, forms and layouts, follow-up policies, calendar",
      response: { ...errorResponses },
    },
  }, async (request) => {
    const principal = principalOf(request);
    return appConfigView(await opts.cases.configForCompany(principal), principal.roles);
  });

  app.get('/api/config', {
    schema: {
      tags: ['config'], summary: 'The effective configuration (optionally for one project): version, document and resolved declarations',
      querystring: { type: 'object', properties: { project: { type: 'string', maxLength: 32 } }, additionalProperties: false },
      response: { ...errorResponses },
    },
  }, async (request) => {
    const principal = await requireReader(request);
    const project = (request.query as { project?: string }).project ?? null;
    const current = await configs.current(principal.companyId, opts.now());
    const document = await configs.documentOf(principal.companyId, current.id);
    const effective = configs.effectiveFor(document, project);
    return {
      version: current.number,
      document,
      effective: {
        roles: Object.fromEntries(effective.roles),
        calendar: effective.calendar,
        plugins: Object.fromEntries(effective.bundles.map((b) => [b.id, { manifest: b.manifest, workflows: b.workflows, forms: b.forms, ui: b.ui, rules: b.rules, templates: b.templates }])),
      },
    };
  });

  app.get('/api/config/versions', {
    schema: { tags: ['config'], summary: 'History of configuration versions, newest first, with how many open cases still run on each (a case keeps its version)' },
  }, async (request) => {
    const principal = await requireReader(request);
    const current = await configs.current(principal.companyId, opts.now());
    const open = await configs.openCasesByVersion(principal.companyId);
    return { items: (await configs.history(principal.companyId)).map((v) => ({ ...versionView(v, current.number), openCases: open.get(v.id) ?? 0 })) };
  });

  app.get('/api/config/versions/:number', {
    schema: { tags: ['config'], summary: 'One configuration version with its document', params: numberParam, response: { ...errorResponses } },
  }, async (request) => {
    const principal = await requireReader(request);
    const v = await configs.getVersion(principal.companyId, (request.params as { number: number }).number);
    const current = await configs.current(principal.companyId, opts.now());
    return { ...versionView(v, current.number), document: v.document };
  });

  app.post('/api/config/check', {
    schema: { tags: ['config'], summary: 'Validate a document or patch without storing it', body: { ...changeBody, properties: { ...changeBody.properties, reason: { type: 'string', maxLength: 500 } } }, response: { ...errorResponses } },
  }, async (request) => {
    const principal = await requireEditor(request);
    const { document } = await configs.buildDocument(principal.companyId, request.body as never);
    // compiled in the draft pool, off the event loop
    const issues: FieldIssue[] = await configs.check(principal.companyId, document);
    return { valid: issues.length === 0, issues: issues.map((i) => ({ ...i, pointer: `/document${i.pointer}` })), document };
  });

  app.post('/api/config/versions', {
    schema: { tags: ['config'], summary: 'Propose a configuration version (refused with precise errors when invalid)', body: { ...changeBody, required: ['reason'] }, response: { ...errorResponses } },
  }, async (request, reply) => {
    const principal = await requireEditor(request);
    const body = request.body as { document?: unknown; patch?: unknown; reason: string; effectiveFrom?: string };
    const v = await configs.propose(principal.companyId, principal.staffId, {
      document: body.document, patch: body.patch, reason: body.reason, effectiveFrom: body.effectiveFrom ? new Date(body.effectiveFrom) : undefined,
    });
    reply.code(201 as never);
    return { ...versionView(v, null), document: v.document };
  });

  app.post('/api/config/versions/:number/activate', {
    schema: {
      tags: ['config'], summary: 'Activate a proposed version (from its effective date)', params: numberParam,
      body: { type: 'object', properties: { expectedCurrent: { type: 'integer', minimum: 1 } }, additionalProperties: false },
      response: { ...errorResponses },
    },
  }, async (request) => {
    const principal = await requireEditor(request);
    const { number } = request.params as { number: number };
    const v = await configs.activate(principal.companyId, number, principal.staffId, (request.body as { expectedCurrent?: number } | undefined)?.expectedCurrent);
    const current = await configs.current(principal.companyId, opts.now());
    return versionView(v, current.number);
  });

  app.post('/api/config/rollback', {
    schema: {
      tags: ['config'], summary: 'Roll back: a new version restoring the previously effective document',
      body: { type: 'object', properties: { reason: { type: 'string', minLength: 1, maxLength: 500 } }, required: ['reason'], additionalProperties: false },
      response: { ...errorResponses },
    },
  }, async (request) => {
    const principal = await requireEditor(request);
    const v = await configs.rollback(principal.companyId, principal.staffId, (request.body as { reason: string }).reason);
    return versionView(v, v.number);
  });

}

const numberParam = { type: 'object', properties: { number: { type: 'integer', minimum: 1 } }, required: ['number'], additionalProperties: false } as const;
