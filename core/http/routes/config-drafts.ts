/**
 * The configuration editor's drafts on the server (core/config/draft-store.ts): an admin with
 * config.edit reads, saves and discards their own draft (`mine`) and may read a colleague's;
 * everything stays inside the caller's company (another company's draft is a 404).
 *
 *   GET    /api/config/drafts              the company's drafts (who, on which version, when)
 *   GET    /api/config/drafts/mine         my draft with its document and editor state (404: none)
 *   GET    /api/config/drafts/:staffId     a colleague's draft (read only)
 *   PUT    /api/config/drafts/mine         { version, baseVersion, document, editor } — version 0 creates; stale → 409
 *   DELETE /api/config/drafts/mine?version=n
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { MikroORM } from '@mikro-orm/core';
import type { CaseService } from '../../cases/case-service.js';
import { hasPermission } from '../../cases/access.js';
import { ConfigDraftStore, type DraftInput } from '../../config/draft-store.js';
import { ForbiddenError } from '../../errors.js';
import { principalOf } from '../auth-hook.js';
import { errorResponses } from '../schemas.js';
import { CONFIG_EDIT } from './config.js';

const whoParam = {
  type: 'object',
  properties: { who: { type: 'string', pattern: '^(mine|[1-9][0-9]{0,9})$' } },
  required: ['who'],
  additionalProperties: false,
} as const;

const saveBody = {
  type: 'object',
  properties: {
    version: { type: 'integer', minimum: 0, maximum: 2147483647, description: 'the version of the draft the editor last saw; 0 to start a new draft' },
    baseVersion: { type: 'integer', minimum: 1, maximum: 2147483647, description: 'the configuration version the draft was started on' },
    document: { type: 'object', description: 'the draft configuration document (not validated until proposed)' },
    editor: { type: 'object', description: "the editor's own state needed to show the draft again" },
  },
  required: ['version', 'baseVersion', 'document'],
  additionalProperties: false,
} as const;

export async function configDraftRoutes(app: FastifyInstance, opts: { orm: MikroORM; cases: CaseService; now: () => Date }): Promise<void> {
  const drafts = new ConfigDraftStore(opts.orm, opts.now);
  const requireEditor = async (request: FastifyRequest) => {
    const principal = principalOf(request);
    const config = await opts.cases.configForCompany(principal);
    if (!hasPermission(principal, config, CONFIG_EDIT)) throw new ForbiddenError(`configuration drafts need the ${CONFIG_EDIT} permission`);
    return principal;
  };

  app.get('/api/config/drafts', {
    schema: { tags: ['config'], summary: "The company's configuration drafts (who keeps one, on which version, last saved)", response: { ...errorResponses } },
  }, async (request) => {
    const principal = await requireEditor(request);
    return { items: await drafts.list(principal.companyId) };
  });

  app.get('/api/config/drafts/:who', {
    schema: { tags: ['config'], summary: 'A configuration draft with its document: `mine` or a colleague\'s staff id', params: whoParam, response: { ...errorResponses } },
  }, async (request) => {
    const principal = await requireEditor(request);
    const { who } = request.params as { who: string };
    return drafts.get(principal.companyId, who === 'mine' ? principal.staffId : Number(who));
  });

  app.put('/api/config/drafts/mine', {
    schema: { tags: ['config'], summary: 'Save my configuration draft (version 0 starts one; a stale version is refused with 409)', body: saveBody, response: { ...errorResponses } },
  }, async (request) => {
    const principal = await requireEditor(request);
    return drafts.save(principal.companyId, principal.staffId, request.body as DraftInput);
  });

  app.delete('/api/config/drafts/mine', {
    schema: {
      tags: ['config'], summary: 'Discard my configuration draft (with ?version=, only if it was not saved since)',
      querystring: { type: 'object', properties: { version: { type: 'integer', minimum: 1, maximum: 2147483647 } }, additionalProperties: false },
      response: { 204: { type: 'null', description: 'discarded' }, ...errorResponses },
    },
  }, async (request, reply) => {
    const principal = await requireEditor(request);
    await drafts.remove(principal.companyId, principal.staffId, (request.query as { version?: number }).version);
    return reply.code(204).send();
  });
}
