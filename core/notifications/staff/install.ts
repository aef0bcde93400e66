/**
 * Wires staff notifications into a kernel: the service, the live hub (its streams end when the
 * app closes, before the server waits for connections), the routes, and the fan-out job.
 */
import type { FastifyInstance } from 'fastify';
import type { MikroORM } from '@mikro-orm/core';
import type { ClusterBus } from '../../cluster/bus.js';
import type { ConfigService } from '../../config/config-service.js';
import type { SessionStore } from '../../auth/sessions.js';
import type { CaseQueries } from '../../cases/case-queries.js';
import type { Job } from '../../jobs/job.js';
import { notificationRoutes } from '../../http/routes/notifications.js';
import { StaffNotificationService } from './staff-notification-service.js';
import { LiveHub } from './live-hub.js';
import { StaffNotificationFanOut } from './fan-out.js';

export interface StaffNotificationDeps {
  orm: MikroORM;
  bus: ClusterBus;
  configs: ConfigService;
  sessions: SessionStore;
  queries: CaseQueries;
  now: () => Date;
}

/** How often the fan-out job runs by default (WUYE_JOB_PERIODS=core.staffNotifications=… overrides). */
export const FAN_OUT_EVERY_SECONDS = 10;

export async function installStaffNotifications(app: FastifyInstance, deps: StaffNotificationDeps): Promise<Job> {
  const service = new StaffNotificationService(deps.orm, deps.bus, (p) => deps.queries.projectScope(p), deps.now);
  const hub = new LiveHub(deps.bus, (p) => service.unreadCount(p));
  app.addHook('preClose', async () => hub.close());
  await app.register(notificationRoutes, { service, hub, sessions: deps.sessions });
  const fanOut = new StaffNotificationFanOut({ orm: deps.orm, configs: deps.configs, bus: deps.bus });
  await fanOut.startCursor();
  return { name: 'core.staffNotifications', everySeconds: FAN_OUT_EVERY_SECONDS, run: (at) => fanOut.run(at) };
}
