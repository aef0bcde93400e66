/** A unit's account and ledger, bills and their printed notices, one-off charges. */
import type { FastifyInstance } from 'fastify';
import { errorResponses } from '../../../../core/plugin-api.js';
import { billDetails, listBills, unitAccount, unitLedger } from '../account.js';
import { renderNotice, type NoticeKind } from '../notices.js';
import { postOneOffCharge } from '../post-charge.js';
import { CURSOR, ID, LANG, LIMIT, idParams, text, unitParams } from './schemas.js';
import type { BillingServices } from '../settings.js';

export async function accountRoutes(app: FastifyInstance, services: BillingServices): Promise<void> {
  app.get('/units/:unitId/account', {
    schema: { tags: ['billing'], summary: "A unit's balances, open bills, pending charges, deposits and last dunning step", params: unitParams, response: { ...errorResponses } },
  }, async (request) => unitAccount(services, services.principal(request), (request.params as { unitId: number }).unitId));

  app.get('/units/:unitId/ledger', {
    schema: {
      tags: ['billing'], summary: "A unit's ledger entries, newest first (keyset pages)", params: unitParams,
      querystring: { type: 'object', properties: { cursor: CURSOR, limit: LIMIT }, additionalProperties: false }, response: { ...errorResponses },
    },
  }, async (request) => unitLedger(services, services.principal(request), (request.params as { unitId: number }).unitId, request.query as never));

  app.get('/bills', {
    schema: {
      tags: ['billing'], summary: 'Bills, newest first (keyset pages)',
      querystring: {
        type: 'object',
        properties: { projectId: ID, periodKey: { type: 'string', maxLength: 16 }, status: { type: 'string', enum: ['open', 'paid'] }, unitId: ID, cursor: CURSOR, limit: LIMIT },
        additionalProperties: false,
      },
      response: { ...errorResponses },
    },
  }, async (request) => listBills(services, services.principal(request), request.query as never));

  app.get('/bills/:id', {
    schema: { tags: ['billing'], summary: 'A bill with its cycle dates, lines, notices and payments', params: idParams, response: { ...errorResponses } },
  }, async (request) => billDetails(services, services.principal(request), (request.params as { id: number }).id));

  app.get('/bills/:id/print', {
    schema: {
      tags: ['billing'], summary: 'Print a notice of the bill: the payment notice any time, a reminder or final notice once issued',
      params: idParams,
      querystring: { type: 'object', properties: { kind: { type: 'string', enum: ['payment', 'reminder', 'final'], default: 'payment' }, lang: LANG }, additionalProperties: false },
      response: { ...errorResponses },
    },
  }, async (request, reply) => {
    // printed in the company's language whoever prints it; `lang` is accepted and ignored (old links)
    const { kind } = request.query as { kind: NoticeKind };
    const html = await renderNotice(services, services.principal(request), (request.params as { id: number }).id, kind, services.orm.em.fork());
    return reply.type('text/html; charset=utf-8').send(html);
  });

  app.post('/charges', {
    schema: {
      tags: ['billing'], summary: 'A one-off charge (e.g. debris removal) at the rate in force, put on the next bill',
      body: {
        type: 'object',
        properties: { unitId: ID, feeCode: { type: 'string', pattern: '^[a-zA-Z][a-zA-Z0-9_-]{0,63}$' }, quantity: { type: 'string', pattern: '^\\d{1,6}(\\.\\d{1,3})?$' }, note: text(100) },
        required: ['unitId', 'feeCode'],
        additionalProperties: false,
      },
      response: { ...errorResponses },
    },
  }, async (request, reply) => {
    const charge = await postOneOffCharge(services, services.principal(request), request.body as never);
    reply.code(201 as never);
    return { charge };
  });
}
