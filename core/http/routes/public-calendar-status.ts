/**
 * GET /api/config/public-calendar: for the configuration editor's 日历 tab, which years near now
 * have the official holiday arrangement (holiday package or platform import) and which are missing —
 * in a missing year working-day deadlines count Monday–Friday and each case records it.
 */
import type { FastifyInstance } from 'fastify';
import type { CaseService } from '../../cases/case-service.js';
import { calendarStatusNear } from '../../platform/public-calendar-store.js';
import { requireConfigPermission } from './config.js';
import { errorResponses } from '../schemas.js';

export async function publicCalendarStatusRoutes(app: FastifyInstance, opts: { cases: CaseService; now: () => Date }): Promise<void> {
  app.get('/api/config/public-calendar', {
    schema: { tags: ['config'], summary: 'Years near now with or without the official public holiday arrangement', response: { ...errorResponses } },
  }, async (request) => {
    await requireConfigPermission(opts.cases, request, 'view');
    return { items: calendarStatusNear(opts.now()) };
  });
}
