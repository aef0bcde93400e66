/**
 * What the case routes (routes/cases.ts, routes/case-links.ts) need to serve the companies' own
 * case types (core/config/company-case-types.ts) as well as the plugins': one set of routes under
 * /api/cases/:type, registered once at start-up, whose type is read from the path and looked up
 * in the caller's company configuration on each request. A type built or rolled back in the
 * configuration is served, or not, from the next request on — no restart, no route per company —
 * and a company never reaches another's types (the lookup is in its own configuration: 404).
 * Request data is validated with the configuration version's compiled validators (the case
 * service), not with route schemas compiled at start-up.
 */
import type { FastifyRequest } from 'fastify';
import type { PluginBundle } from '../declarations/plugin-bundle.js';
import type { WorkflowDeclaration } from '../../schemas/generated/workflow.js';
import type { CompiledConfig } from '../config/compiled-config.js';
import { COMPANY_CASE_TYPE } from '../declarations/reserved-names.js';
import { NotFoundError } from '../errors.js';

/** The path segment the companies' routes take their type from. */
export const TYPE_PARAM = ':type';
export const COMPANY_TYPES_TAG = 'company case types';

/** The case type a request is about: the plugin route's own, or the company type named in the path. */
export function caseTypeOf(request: FastifyRequest, pathType: string): string {
  if (pathType !== TYPE_PARAM) return pathType;
  const type = (request.params as { type?: string }).type ?? '';
  // plugin types have their own routes (static routes win); anything else here is no company type
  if (!COMPANY_CASE_TYPE.test(type)) throw new NotFoundError(`case type ${type}`);
  return type;
}

/** A company type the company has no case of and no longer (or never) declared: 404, as for another company's type. */
export function assertCompanyTypeKnown(pathType: string, caseType: string, current: CompiledConfig | null): void {
  if (pathType === TYPE_PARAM && !current?.caseTypes.has(caseType)) throw new NotFoundError(`case type ${caseType}`);
}

/** The path parameter's schema on the companies' routes (none on a plugin's). */
export function typeParam(pathType: string): Record<string, unknown> {
  return pathType === TYPE_PARAM ? { type: { type: 'string', minLength: 1, maxLength: 64, description: "a company's own case type (xKeyLoan)" } } : {};
}

/**
 * What the OpenAPI document says of the companies' routes: a form known only per company and
 * per version, validated by the case service with that version's validators.
 */
export const COMPANY_TYPES_WORKFLOW = {
  caseType: 'companyCaseType',
  title: { 'zh-CN': '自建流程', en: "company's own case type" },
  serialPrefix: 'X',
  form: 'companyForm',
  createRoles: [],
  initialState: 'open',
  states: {},
  transitions: {},
} as unknown as WorkflowDeclaration;

export const COMPANY_TYPES_BUNDLE: PluginBundle = {
  id: 'company-case-types',
  manifest: { id: 'company-case-types', version: '1.0.0', title: COMPANY_TYPES_WORKFLOW.title },
  forms: { companyForm: { type: 'object', description: "the type's create form, in the company's configuration (GET /api/case-types)" } as never },
  ui: {},
  workflows: {},
  rules: {},
  templates: {},
};
