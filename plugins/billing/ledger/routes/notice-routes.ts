/** Notices issued and printed at the counter: one bill's, or a batch for units of the arrears list. */
import type { FastifyInstance } from 'fastify';
import { errorResponses, ValidationError } from '../../../../core/plugin-api.js';
import { dueBillsOfUnits, issueNoticesNow, renderNoticeBatch } from '../notices-on-demand.js';
import type { NoticeKind } from '../notices.js';
import { yuan } from '../amounts.js';
import { ID, idParams } from './schemas.js';
import type { BillingServices } from '../settings.js';

const KIND = { type: 'string', enum: ['payment', 'reminder', 'final'] } as const;
const IDS = { type: 'array', items: ID, minItems: 1, maxItems: 200, uniqueItems: true } as const;

export async function noticeRoutes(app: FastifyInstance, services: BillingServices): Promise<void> {
  const view = (n: Awaited<ReturnType<typeof issueNoticesNow>>[number]) => ({ billId: n.billId, unitId: n.unitId, kind: n.kind, issuedOn: n.issuedOn, amount: yuan(n.amount), newlyIssued: n.newlyIssued });

  app.post('/bills/:id/notices', {
    schema: {
      tags: ['billing'], summary: 'Issue a due notice of the bill now (at the counter); idempotent with the notices job', params: idParams,
      body: { type: 'object', properties: { kind: KIND }, required: ['kind'], additionalProperties: false },
      response: { ...errorResponses },
    },
  }, async (request, reply) => {
    const { kind } = request.body as { kind: NoticeKind };
    const [notice] = await issueNoticesNow(services, services.principal(request), kind, [(request.params as { id: number }).id], () => '/kind');
    reply.code((notice!.newlyIssued ? 201 : 200) as never);
    return { notice: view(notice!) };
  });

  app.post('/notices', {
    schema: {
      tags: ['billing'], summary: 'Issue due notices now for bills, or for the open bills of units (arrears list batch); idempotent',
      body: {
        type: 'object', properties: { kind: KIND, billIds: IDS, unitIds: IDS }, required: ['kind'], additionalProperties: false,
      },
      response: { ...errorResponses },
    },
  }, async (request, reply) => {
    const body = request.body as { kind: NoticeKind; billIds?: number[]; unitIds?: number[] };
    if ((body.billIds === undefined) === (body.unitIds === undefined)) {
      throw new ValidationError([{ pointer: '/billIds', code: 'oneOf', message: 'give either billIds or unitIds' }]);
    }
    const principal = services.principal(request);
    const billIds = body.billIds ?? (await dueBillsOfUnits(services, principal, body.kind, body.unitIds!, services.orm.em.fork()));
    const notices = billIds.length ? await issueNoticesNow(services, principal, body.kind, billIds) : [];
    reply.code((notices.some((n) => n.newlyIssued) ? 201 : 200) as never);
    return { notices: notices.map(view) };
  });

  app.get('/notices/print', {
    schema: {
      tags: ['billing'], summary: 'Print issued notices of several bills as one page set (one notice per sheet)',
      querystring: {
        type: 'object',
        properties: { kind: KIND, billIds: { type: 'string', pattern: '^[1-9][0-9]{0,9}(,[1-9][0-9]{0,9}){0,199}$' } },
        required: ['kind', 'billIds'], additionalProperties: false,
      },
      response: { ...errorResponses },
    },
  }, async (request, reply) => {
    const { kind, billIds } = request.query as { kind: NoticeKind; billIds: string };
    const html = await renderNoticeBatch(services, services.principal(request), kind, [...new Set(billIds.split(',').map(Number))]);
    return reply.type('text/html; charset=utf-8').send(html);
  });
}
