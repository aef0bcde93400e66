/**
 * What the staff app builds its screens from: the case types in force for the user (or one of
 * their projects), with their states, transitions and create form.
 */
import type { FastifyInstance } from 'fastify';
import type { CaseService } from '../../cases/case-service.js';
import type { CompiledCaseType } from '../../config/compiled-config.js';
import { actingRoleFor } from '../../cases/access.js';
import { principalOf } from '../auth-hook.js';
import { errorResponses } from '../schemas.js';
import type { CaseTypeInfo, Page } from '../api-types.js';

/** A form as the browser needs it: the JSON Schema and its UI layout. */
export function formPayload(type: CompiledCaseType, name: string) {
  const ui = Object.values(type.bundle.ui).find((u) => u.form === name) ?? null;
  return { name, schema: type.forms.get(name) ?? type.bundle.forms[name], ui };
}

export async function caseTypeRoutes(app: FastifyInstance, opts: { cases: CaseService }): Promise<void> {
  app.get('/api/case-types', {
    schema: {
      tags: ['meta'], summary: 'Case types in force, with states, transitions and the create form (for the project given, or the company)',
      querystring: { type: 'object', properties: { projectId: { type: 'integer', minimum: 1, maximum: 2147483647 } }, additionalProperties: false },
      response: { ...errorResponses },
    },
  }, async (request): Promise<Page<CaseTypeInfo>> => {
    const principal = principalOf(request);
    const { projectId } = request.query as { projectId?: number };
    const config = projectId ? await opts.cases.configForNewCase(principal, projectId) : await opts.cases.configForCompany(principal);
    return {
      items: [...config.caseTypes.values()].map((type) => {
        const wf = type.workflow;
        return {
          caseType: type.caseType,
          pluginId: type.pluginId,
          title: wf.title,
          serialPrefix: wf.serialPrefix,
          states: Object.fromEntries(Object.entries(wf.states).map(([id, s]) => [id, { title: s.title, final: s.final === true }])),
          transitions: Object.fromEntries(Object.entries(wf.transitions).map(([id, t]) => [id, {
            title: t.title, from: t.from, to: t.to, roles: t.roles, form: t.form ?? null, system: t.system === true, resultField: t.resultField ?? null,
          }])),
          canCreate: actingRoleFor(principal, config, wf.createRoles) !== null,
          form: formPayload(type, wf.form),
          titleField: wf.titleField ?? null,
          severityField: wf.severityField ?? null,
          summaryFields: wf.summaryFields ?? [],
          documents: Object.entries(wf.documents ?? {}).map(([id, d]) => ({ id, title: d.title })),
          // the plugin's settings in force: form rules read them as config.* in the browser as on the server
          settings: type.settings,
        };
      }),
    };
  });
}
