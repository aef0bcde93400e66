/** Deposits: receive, deduct, top up, ask back, decide the refund. */
import type { FastifyInstance } from 'fastify';
import { errorResponses } from '../../../../core/plugin-api.js';
import { decideRefund, deductDeposit, listDeposits, receiveDeposit, requestRefund, topUpDeposit } from '../deposits.js';
import { AMOUNT, CURSOR, ID, LIMIT, METHOD, VERSION, idParams, text } from './schemas.js';
import type { BillingServices } from '../settings.js';

export async function depositRoutes(app: FastifyInstance, services: BillingServices): Promise<void> {
  // every change answers 201 with the deposit as it now is
  const created = (reply: { code(n: never): unknown }, deposit: unknown) => {
    reply.code(201 as never);
    return { deposit };
  };

  app.post('/deposits', {
    schema: {
      tags: ['billing'], summary: 'Receive a deposit (押金)',
      body: { type: 'object', properties: { unitId: ID, purpose: text(64), amount: AMOUNT, method: METHOD, note: text(100) }, required: ['unitId', 'purpose', 'amount', 'method'], additionalProperties: false },
      response: { ...errorResponses },
    },
  }, async (request, reply) => created(reply, await receiveDeposit(services, services.principal(request), request.body as never)));

  app.get('/deposits', {
    schema: {
      tags: ['billing'], summary: 'Deposits, newest first (keyset pages)',
      querystring: { type: 'object', properties: { unitId: ID, status: { type: 'string', enum: ['held', 'refundRequested', 'refunded'] }, cursor: CURSOR, limit: LIMIT }, additionalProperties: false },
      response: { ...errorResponses },
    },
  }, async (request) => listDeposits(services, services.principal(request), request.query as never));

  app.post('/deposits/:id/deductions', {
    schema: {
      tags: ['billing'], summary: 'Deduct from a deposit, with the reason (never more than held)', params: idParams,
      body: { type: 'object', properties: { amount: AMOUNT, reason: text(180), version: VERSION }, required: ['amount', 'reason', 'version'], additionalProperties: false },
      response: { ...errorResponses },
    },
  }, async (request, reply) => created(reply, await deductDeposit(services, services.principal(request), (request.params as { id: number }).id, request.body as never)));

  app.post('/deposits/:id/top-ups', {
    schema: {
      tags: ['billing'], summary: 'Top up a deposit', params: idParams,
      body: { type: 'object', properties: { amount: AMOUNT, method: METHOD, version: VERSION }, required: ['amount', 'method', 'version'], additionalProperties: false },
      response: { ...errorResponses },
    },
  }, async (request, reply) => created(reply, await topUpDeposit(services, services.principal(request), (request.params as { id: number }).id, request.body as never)));

  app.post('/deposits/:id/refund-requests', {
    schema: {
      tags: ['billing'], summary: 'Ask for the deposit to be refunded (needs approval by someone else)', params: idParams,
      body: { type: 'object', properties: { reason: text(180), version: VERSION }, required: ['reason', 'version'], additionalProperties: false },
      response: { ...errorResponses },
    },
  }, async (request, reply) => created(reply, await requestRefund(services, services.principal(request), (request.params as { id: number }).id, request.body as never)));

  app.post('/deposits/:id/refund-decisions', {
    schema: {
      tags: ['billing'], summary: 'Approve (refund what is held) or reject a refund request; not by the requester', params: idParams,
      body: { type: 'object', properties: { approve: { type: 'boolean' }, note: text(100), version: VERSION }, required: ['approve', 'version'], additionalProperties: false },
      response: { ...errorResponses },
    },
  }, async (request, reply) => created(reply, await decideRefund(services, services.principal(request), (request.params as { id: number }).id, request.body as never)));
}
