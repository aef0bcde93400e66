/**
 * Staff notifications: the list (newest first, keyset paged by `before`), the unread count, marking
 * read, the kinds the staff member gets, and the live stream of the unread count (server-sent
 * events; the session cookie authenticates it as it does every call of the staff app).
 */
import type { FastifyInstance } from 'fastify';
import type { SessionStore } from '../../auth/sessions.js';
import type { StaffNotification } from '../../db/entities/index.js';
import type { StaffNotificationService } from '../../notifications/staff/staff-notification-service.js';
import type { LiveHub } from '../../notifications/staff/live-hub.js';
import { STAFF_NOTIFICATION_KINDS, type StaffNotificationKind } from '../../notifications/staff/kinds.js';
import { principalOf, tokenOf } from '../auth-hook.js';
import { errorResponses, idParam } from '../schemas.js';

const MAX_ID = 2147483647;

export interface StaffNotificationView {
  id: number;
  kind: string;
  caseId: number;
  caseType: string;
  serial: string;
  caseTitle: string | null;
  projectId: number;
  data: Record<string, unknown>;
  createdAt: string;
  readAt: string | null;
}

function view(n: StaffNotification): StaffNotificationView {
  return {
    id: n.id, kind: n.kind, caseId: n.caseId, caseType: n.caseType, serial: n.serial, caseTitle: n.caseTitle ?? null, projectId: n.projectId,
    data: n.data, createdAt: n.createdAt.toISOString(), readAt: n.readAt?.toISOString() ?? null,
  };
}

const kindsSchema = {
  type: 'object',
  properties: Object.fromEntries(STAFF_NOTIFICATION_KINDS.map((k) => [k, { type: 'boolean' }])),
  additionalProperties: false,
} as const;

export async function notificationRoutes(app: FastifyInstance, opts: { service: StaffNotificationService; hub: LiveHub; sessions: SessionStore }): Promise<void> {
  const { service, hub } = opts;

  app.get('/api/notifications', {
    schema: {
      tags: ['notifications'], summary: 'My notifications, newest first (keyset paged: pass the nextCursor as before)',
      querystring: {
        type: 'object',
        properties: {
          before: { type: 'integer', minimum: 1, maximum: MAX_ID }, limit: { type: 'integer', minimum: 1, maximum: 100, default: 30 }, unread: { type: 'boolean' },
        },
        additionalProperties: false,
      },
      response: { ...errorResponses },
    },
  }, async (request) => {
    const q = request.query as { before?: number; limit: number; unread?: boolean };
    const principal = principalOf(request);
    const page = await service.list(principal, q);
    return { items: page.items.map(view), nextCursor: page.nextCursor, unread: await service.unreadCount(principal) };
  });

  app.get('/api/notifications/unread-count', {
    schema: { tags: ['notifications'], summary: 'How many of my notifications are unread', response: { ...errorResponses } },
  }, async (request) => ({ unread: await service.unreadCount(principalOf(request)) }));

  app.post('/api/notifications/:id/read', {
    schema: { tags: ['notifications'], summary: 'Mark one of my notifications read', params: idParam, response: { ...errorResponses } },
  }, async (request) => {
    const principal = principalOf(request);
    const row = await service.markRead(principal, (request.params as { id: number }).id);
    return { notification: view(row), unread: await service.unreadCount(principal) };
  });

  app.post('/api/notifications/read-all', {
    schema: {
      tags: ['notifications'], summary: 'Mark all my notifications read (up to upTo, the newest the reader saw, when given)',
      body: { type: 'object', properties: { upTo: { type: 'integer', minimum: 1, maximum: MAX_ID } }, additionalProperties: false },
      response: { ...errorResponses },
    },
  }, async (request) => {
    const principal = principalOf(request);
    const marked = await service.markAllRead(principal, (request.body as { upTo?: number }).upTo);
    return { marked, unread: await service.unreadCount(principal) };
  });

  app.get('/api/notifications/preferences', {
    schema: { tags: ['notifications'], summary: 'Which kinds of notification I get', response: { ...errorResponses } },
  }, async (request) => ({ kinds: await service.preferences(principalOf(request)) }));

  app.put('/api/notifications/preferences', {
    schema: {
      tags: ['notifications'], summary: 'Choose which kinds of notification I get (kinds not given keep their setting)',
      body: { type: 'object', properties: { kinds: kindsSchema }, required: ['kinds'], additionalProperties: false },
      response: { ...errorResponses },
    },
  }, async (request) => {
    const kinds = (request.body as { kinds: Partial<Record<StaffNotificationKind, boolean>> }).kinds;
    return { kinds: await service.setPreferences(principalOf(request), kinds) };
  });

  app.get('/api/notifications/stream', {
    schema: { tags: ['notifications'], summary: 'Server-sent events: `unread` with my unread count, now and whenever it changes' },
  }, async (request, reply) => {
    const principal = principalOf(request);
    const token = tokenOf(request)!;
    reply.hijack();
    reply.raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      // nginx and similar proxies would otherwise buffer the stream
      'x-accel-buffering': 'no',
    });
    reply.raw.write('retry: 5000\n\n');
    hub.add(principal, reply.raw, async () => (await opts.sessions.resolve(token)) !== null);
  });
}
