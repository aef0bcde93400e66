/**
 * Promised times and progress told to the resident, for a case of any type (core/cases/promises.ts):
 *   GET  /api/cases/:type/:id/promise          the promise, its rules and the recorded steps
 *   POST /api/cases/:type/:id/promise          { promisedAt, reason?, version } — set, then postpone
 *   POST /api/cases/:type/:id/progress-told    { channel, note } — the resident was told of the progress
 */
import type { FastifyInstance } from 'fastify';
import type { CasePromises } from '../../cases/promises.js';
import { PROGRESS_CHANNELS } from '../../cases/promises.js';
import { principalOf } from '../auth-hook.js';
import { errorResponses } from '../schemas.js';
import type { CasePromiseView } from '../api-types.js';

const params = {
  type: 'object',
  properties: {
    type: { type: 'string', pattern: '^[a-z][a-zA-Z0-9]*$', maxLength: 64 },
    id: { type: 'integer', minimum: 1, maximum: 2147483647 },
  },
  required: ['type', 'id'],
  additionalProperties: false,
} as const;

export async function casePromiseRoutes(app: FastifyInstance, opts: { promises: CasePromises }): Promise<void> {
  const tags = ['cases'];
  app.get('/api/cases/:type/:id/promise', {
    schema: { tags, summary: 'The promised time of a case (约定完成时间), its rules and the progress told to the resident', params, response: { ...errorResponses } },
  }, async (request): Promise<CasePromiseView> => {
    const { type, id } = request.params as { type: string; id: number };
    return opts.promises.state(principalOf(request), type, id);
  });

  app.post('/api/cases/:type/:id/promise', {
    schema: {
      tags, summary: 'Promise a time to the resident, or postpone it (checked against the company\'s promises rules: horizon and postponements)',
      params,
      body: {
        type: 'object',
        properties: {
          promisedAt: { type: 'string', format: 'date-time', description: 'the time promised' },
          reason: { type: 'string', minLength: 1, maxLength: 500, description: 'why (a postponement\'s reason)' },
          version: { type: 'integer', minimum: 1, description: 'the case version you saw; a stale one is refused with 409' },
        },
        required: ['promisedAt', 'version'],
        additionalProperties: false,
      },
      response: { ...errorResponses },
    },
  }, async (request): Promise<CasePromiseView> => {
    const { type, id } = request.params as { type: string; id: number };
    return opts.promises.promise(principalOf(request), type, id, request.body as never);
  });

  app.post('/api/cases/:type/:id/progress-told', {
    schema: {
      tags, summary: 'Record that the resident was told of the progress (告知进度)',
      params,
      body: {
        type: 'object',
        properties: {
          channel: { type: 'string', enum: [...PROGRESS_CHANNELS] },
          note: { type: 'string', minLength: 1, maxLength: 1000 },
        },
        required: ['channel', 'note'],
        additionalProperties: false,
      },
      response: { ...errorResponses },
    },
  }, async (request, reply): Promise<CasePromiseView> => {
    const { type, id } = request.params as { type: string; id: number };
    const state = await opts.promises.progressTold(principalOf(request), type, id, request.body as never);
    reply.code(201 as never);
    return state;
  });
}
