/**
 * The print-template editor's live preview: one of a case type's documents rendered from a DRAFT
 * configuration with sample data the editor sends. Nothing is written.
 *
 * Called on every pause in typing, so it checks only what the preview needs — the template the
 * document prints with, against the case type's fields, the helpers and the markup allowlist — in
 * the draft pool, off the event loop (core/config/preview-task.ts); the rest of an unfinished draft
 * does not stop it. A template with problems (unknown variable or helper, {{{ }}}, markup outside
 * the allowlist) is answered with its issues and not rendered, so output is always escaped.
 * Otherwise it is rendered by the same page renderer as a real print (core/documents/render-page.ts).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ConfigService } from '../../config/config-service.js';
import type { CaseService } from '../../cases/case-service.js';
import type { PreviewPlan } from '../../config/preview-task.js';
import { cachedTemplate } from '../../config/compile-cache.js';
import { pickText } from '../../documents/helpers.js';
import { renderDocumentPage } from '../../documents/render-page.js';
import type { FieldIssue } from '../../errors.js';
import { errorResponses } from '../schemas.js';
import { requireConfigPermission, retryAfterWhenLimited } from './config.js';
import { NAMED_REFS } from '../../declarations/check-template.js';

interface PreviewBody {
  document?: unknown;
  patch?: unknown;
  projectCode?: string;
  caseType: string;
  documentId: string;
  data: Record<string, unknown>;
}

export async function configPreviewRoutes(app: FastifyInstance, opts: { configs: ConfigService; cases: CaseService; now: () => Date }): Promise<void> {
  const { configs } = opts;
  const editor = (request: FastifyRequest) => requireConfigPermission(opts.cases, request, 'edit');
  retryAfterWhenLimited(app);

  app.post('/api/config/preview-document', {
    schema: {
      tags: ['config'], summary: "Render one of a case type's printable documents from a draft configuration with sample data (nothing is written)",
      body: {
        type: 'object',
        properties: {
          document: { type: 'object', description: 'a whole draft document' },
          patch: { type: 'object', description: 'or a JSON Merge Patch over the current document' },
          projectCode: { type: 'string', maxLength: 32 },
          caseType: { type: 'string', maxLength: 64 },
          documentId: { type: 'string', maxLength: 64 },
          data: { type: 'object', description: 'sample case data' },
        },
        required: ['caseType', 'documentId', 'data'],
        additionalProperties: false,
      },
      response: { ...errorResponses },
    },
  }, async (request) => {
    const principal = await editor(request);
    const body = request.body as PreviewBody;
    const hasDraft = body.document !== undefined || body.patch !== undefined;
    const { document } = hasDraft
      ? await configs.buildDocument(principal.companyId, { document: body.document, patch: body.patch, reason: '' } as never)
      : { document: await configs.documentOf(principal.companyId, (await configs.current(principal.companyId)).id) };
    const plan = await configs.runDraft<PreviewPlan | { issues: FieldIssue[]; source: null }>(principal.companyId, {
      kind: 'preview', document, projectCode: body.projectCode ?? null, caseType: body.caseType, documentId: body.documentId,
    });
    if (plan.source === null || plan.issues.length) return { html: null, issues: plan.issues };

    const config = await opts.cases.configForCompany(principal);
    const language = config.documentLanguage;
    const now = opts.now();
    const title = pickText(plan.documentTitle, language);
    const sampleName = language === 'en' ? 'Sample' : '示例';
    const context = {
      case: {
        id: 0, serial: `${plan.serialPrefix}-${now.getUTCFullYear()}-000001`, state: plan.initialState, stateTitle: plan.initialStateTitle ? pickText(plan.initialStateTitle, language) : '',
        caseTypeTitle: pickText(plan.workflowTitle, language), createdAt: now.toISOString(), closedAt: null, severity: null, version: 0,
        assigneeName: sampleName, registeredByName: sampleName,
      },
      data: body.data,
      company: { name: sampleName, code: 'SAMPLE' },
      project: { name: sampleName, code: 'SAMPLE' },
      building: { name: sampleName, code: '1' },
      unit: { number: '101', area: '88.00' },
      person: { name: sampleName, phone: '13800000000' },
      events: [], steps: {}, clocks: {}, followUps: [],
      document: { title, language },
      now: now.toISOString(),
      // a sample name for each house, resident and staff field, as render-document's names
      names: Object.fromEntries(plan.fields.flatMap(([field, schema]) => {
        const ref = schema['x-ref'];
        return typeof ref === 'string' && NAMED_REFS.has(ref) ? [[field, ref === 'unit' ? `${sampleName} 101` : sampleName]] : [];
      })),
    };
    const fields = new Map(plan.fields);
    const html = renderDocumentPage({
      template: cachedTemplate(config.handlebars, plan.source), context, title, language, timezone: plan.timezone, fieldOf: (field) => fields.get(field),
    });
    return { html, issues: [] };
  });
}
