/**
 * GET /api/search?q=&limit= — the header's search box: households by room, residents by phone (whole
 * or last 4 digits) or name, cases by serial (whole or tail); grouped, each hit with the ids the
 * staff app opens it by. Phones are always masked here. See core/search/global-search.ts.
 */
import type { FastifyInstance } from 'fastify';
import type { MikroORM } from '@mikro-orm/core';
import type { CaseQueries } from '../../cases/case-queries.js';
import type { CaseService } from '../../cases/case-service.js';
import { ValidationError } from '../../errors.js';
import { GlobalSearch, type SearchAnswer } from '../../search/global-search.js';
import { queryProblem } from '../../search/parse-query.js';
import { principalOf } from '../auth-hook.js';
import { errorResponses } from '../schemas.js';

export async function searchRoutes(app: FastifyInstance, opts: { orm: MikroORM; queries: CaseQueries; cases: CaseService }): Promise<void> {
  const search = new GlobalSearch(opts.orm, opts.queries, opts.cases);
  app.get('/api/search', {
    schema: {
      tags: ['registry'], summary: 'Global search: rooms (1-302, 1栋302, 302), phones (whole or last 4 digits), names, case serials — grouped; phones masked',
      querystring: {
        type: 'object',
        properties: { q: { type: 'string', minLength: 1, maxLength: 200 }, limit: { type: 'integer', minimum: 1, maximum: 20, default: 5 } },
        required: ['q'],
        additionalProperties: false,
      },
      response: { ...errorResponses },
    },
  }, async (request): Promise<SearchAnswer> => {
    const principal = principalOf(request);
    const { q, limit } = request.query as { q: string; limit: number };
    const problem = queryProblem(q);
    if (problem) throw new ValidationError([{ pointer: '/querystring/q', code: 'format', message: `查找内容${problem} / q: ${problem}` }]);
    return search.search(principal, q, limit);
  });
}
