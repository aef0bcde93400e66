/** Payments, receipts and the cash drawer. */
import type { FastifyInstance } from 'fastify';
import { errorResponses } from '../../../../core/plugin-api.js';
import { cashDaily, closeCash } from '../cash.js';
import { listPayments, paymentDetail } from '../account.js';
import { previewPayment, takePayment, type PaymentInput } from '../payments.js';
import { renderReceipt } from '../receipt.js';
import { AMOUNT, CURSOR, DATE, ID, LANG, LIMIT, METHOD, idParams, text } from './schemas.js';
import type { BillingServices } from '../settings.js';

export async function paymentRoutes(app: FastifyInstance, services: BillingServices): Promise<void> {
  app.post('/payments', {
    schema: {
      tags: ['billing'], summary: 'Take a payment: late fees to date, oldest bill first (late fee, then principal), remainder as credit or refused; a receipt number',
      body: {
        type: 'object',
        properties: {
          unitId: ID, amount: AMOUNT, method: METHOD,
          reference: { type: 'string', minLength: 1, maxLength: 64, description: 'bank / POS / online transaction reference; unique per method' },
          receiptNo: { type: 'string', pattern: '^[A-Za-z0-9-]{1,40}$', description: 'a pre-issued receipt number (home collection)' },
          payerName: text(100),
        },
        required: ['unitId', 'amount', 'method'],
        additionalProperties: false,
      },
      response: { ...errorResponses },
    },
  }, async (request, reply) => {
    const payment = await takePayment(services, services.principal(request), request.body as PaymentInput);
    reply.code(201 as never);
    return { payment };
  });

  app.post('/payments/preview', {
    schema: {
      tags: ['billing'], summary: 'What a payment would settle (bills, periods, fee items, late fees, credit), without booking it: the confirmation step',
      body: { type: 'object', properties: { unitId: ID, amount: AMOUNT, method: METHOD }, required: ['unitId', 'amount', 'method'], additionalProperties: false },
      response: { ...errorResponses },
    },
  }, async (request) => ({ preview: await previewPayment(services, services.principal(request), request.body as never) }));

  app.get('/payments', {
    schema: {
      tags: ['billing'], summary: 'Payments, newest first (keyset pages)',
      querystring: { type: 'object', properties: { date: DATE, cashierId: ID, unitId: ID, cursor: CURSOR, limit: LIMIT }, additionalProperties: false },
      response: { ...errorResponses },
    },
  }, async (request) => listPayments(services, services.principal(request), request.query as never));

  app.get('/payments/:id', {
    schema: { tags: ['billing'], summary: 'One payment with its allocations', params: idParams, response: { ...errorResponses } },
  }, async (request) => paymentDetail(services, services.principal(request), (request.params as { id: number }).id));

  app.get('/payments/:id/receipt', {
    schema: {
      tags: ['billing'], summary: 'The printable receipt (收款收据)', params: idParams,
      querystring: { type: 'object', properties: { lang: LANG }, additionalProperties: false }, response: { ...errorResponses },
    },
  }, async (request, reply) => {
    // printed in the company's language whoever prints it; `lang` is accepted and ignored (old links)
    const html = await renderReceipt(services, services.principal(request), (request.params as { id: number }).id, services.orm.em.fork());
    return reply.type('text/html; charset=utf-8').send(html);
  });

  app.get('/cash/daily', {
    schema: {
      tags: ['billing'], summary: "A cashier's takings of a day by method, and the day's closing if any",
      querystring: { type: 'object', properties: { date: DATE, cashierId: ID }, additionalProperties: false }, response: { ...errorResponses },
    },
  }, async (request) => cashDaily(services, services.principal(request), request.query as never));

  app.post('/cash/closings', {
    schema: {
      tags: ['billing'], summary: 'Close the day (日清): counted cash against the cash expected from receipts',
      body: { type: 'object', properties: { date: DATE, countedCash: AMOUNT, note: text(500) }, required: ['date', 'countedCash'], additionalProperties: false },
      response: { ...errorResponses },
    },
  }, async (request, reply) => {
    const closing = await closeCash(services, services.principal(request), request.body as never);
    reply.code(201 as never);
    return { closing };
  });
}
