/**
 * The print-template editor's live preview: one of a case type's documents rendered from a DRAFT
 * configuration with sample data the editor sends. Nothing is written.
 *
 * The draft is checked first with the same check as 检查 / propose (in the draft pool, off the
 * event loop); when the template has problems (unknown variable or helper, {{{ }}}, markup outside
 * the allowlist) they are returned with their pointers and nothing is rendered. Otherwise the
 * template is rendered with the company's handlebars environment — output always escaped, the
 * markup already held against core/documents/template-markup.ts — inside the print page.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ConfigService } from '../../config/config-service.js';
import type { CaseService } from '../../cases/case-service.js';
import type { ConfigDocument } from '../../config/effective-config.js';
import { cachedTemplate } from '../../config/compile-cache.js';
import { documentHelpers, pickText } from '../../documents/helpers.js';
import { printPage } from '../../documents/print-page.js';
import { fieldPaths, type FieldSchema } from '../../declarations/form-fields.js';
import { NotFoundError, type FieldIssue } from '../../errors.js';
import { errorResponses } from '../schemas.js';
import { requireConfigPermission, retryAfterWhenLimited } from './config.js';

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
    const effective = configs.effectiveFor(document as ConfigDocument, body.projectCode ?? null);
    const bundle = effective.bundles.find((b) => b.workflows[body.caseType]);
    const workflow = bundle?.workflows[body.caseType];
    const declared = workflow?.documents?.[body.documentId];
    const source = declared ? bundle!.templates[declared.template] : undefined;
    if (!bundle || !workflow || !declared || source === undefined) throw new NotFoundError(`document ${body.caseType}/${body.documentId}`);

    // the template's own problems, found by the same check as a proposal (they name its pointer)
    const issues: FieldIssue[] = await configs.check(principal.companyId, document);
    const templatePointers = [`/plugins/${bundle.id}/templates/${declared.template}`, `/caseTypes/${body.caseType}/templates/${declared.template}`];
    const own = issues.filter((i) => templatePointers.some((p) => i.pointer === p || i.pointer.startsWith(`${p}/`))
      || i.pointer.startsWith(`/plugins/${bundle.id}/workflows/${body.caseType}/documents/${body.documentId}`));
    if (own.length) return { html: null, issues: own.map((i) => ({ ...i, pointer: `/document${i.pointer}` })) };

    const fields = new Map<string, FieldSchema>();
    for (const form of Object.values(bundle.forms)) for (const [p, s] of fieldPaths(form)) if (!fields.has(p)) fields.set(p, s);
    const config = await opts.cases.configForCompany(principal);
    const language = config.documentLanguage;
    const now = opts.now();
    const title = pickText(declared.title, language);
    const sampleName = language === 'en' ? 'Sample' : '示例';
    const initial = workflow.initialState;
    const context = {
      case: {
        id: 0, serial: `${body.caseType.toUpperCase().slice(0, 4)}-0001`, state: initial, stateTitle: pickText(workflow.states[initial]?.title, language),
        caseTypeTitle: pickText(workflow.title, language), createdAt: now.toISOString(), closedAt: null, severity: null, version: 0,
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
    };
    const helpers = documentHelpers({ timezone: effective.calendar.timezone, language }, (field) => {
      const f = fields.get(field);
      return f ? { label: f['x-label'] as never, enumLabels: f['x-enumLabels'] as never } : undefined;
    });
    const template = cachedTemplate(config.handlebars, source);
    const rendered = template(context, { helpers, allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
    return { html: printPage(title, language, rendered), issues: [] };
  });
}
