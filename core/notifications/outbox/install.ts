/**
 * Wires resident messaging into a kernel: the `notify` effect's sender, the HTTP routes (message
 * log, channels, preferences, building notices, the projects' WeCom robots) and the delivery job
 * (core.messages: every 15 s by default; through pg-boss on PostgreSQL, the in-process scheduler on
 * SQLite), which also posts the WeCom robots' messages.
 */
import type { FastifyInstance } from 'fastify';
import type { MikroORM } from '@mikro-orm/core';
import type { ConfigService } from '../../config/config-service.js';
import type { CaseService } from '../../cases/case-service.js';
import type { CaseQueries } from '../../cases/case-queries.js';
import type { LoadedPlugins } from '../../declarations/load-plugins.js';
import type { Job } from '../../jobs/job.js';
import { notifyEffect } from '../notify-effect.js';
import { messageRoutes } from '../../http/routes/messages.js';
import { notificationChannelRoutes } from '../../http/routes/notification-channels.js';
import { deliverDueMessages } from './deliver-messages.js';
import { queueMessages, type MessagingDeps } from './queue-message.js';
import { wecomRobotRoutes } from '../robots/robot-routes.js';
import { deliverRobotPosts } from '../robots/deliver-robot-posts.js';

export interface ResidentMessagingDeps {
  orm: MikroORM;
  configs: ConfigService;
  plugins: LoadedPlugins;
  cases: CaseService;
  queries: CaseQueries;
  now: () => Date;
  log: (level: 'info' | 'warn', obj: Record<string, unknown>, msg: string) => void;
}

/** What queues messages: the notify effect, plugin code (services.queueMessages), the routes. */
export function residentMessaging(configs: ConfigService, plugins: LoadedPlugins, now: () => Date): MessagingDeps {
  const messaging: MessagingDeps = { configs, bundles: () => plugins.bundles, now };
  plugins.extensions.notify = notifyEffect(messaging);
  plugins.extensions.queueMessages = async (em, input) => (await queueMessages(em, messaging, input)).map((r) => ({ id: r.id, personId: r.personId, status: r.status }));
  return messaging;
}

export async function installResidentMessaging(app: FastifyInstance, messaging: MessagingDeps, deps: ResidentMessagingDeps): Promise<Job> {
  await app.register(messageRoutes, { orm: deps.orm, cases: deps.cases, queries: deps.queries, configs: deps.configs, messaging, now: deps.now });
  await app.register(notificationChannelRoutes, { orm: deps.orm, cases: deps.cases, now: deps.now });
  await app.register(wecomRobotRoutes, { orm: deps.orm, cases: deps.cases, now: deps.now });
  // the same job posts the projects' WeCom robot messages (queued by the staff-notification fan-out)
  const job: Job = { name: 'core.messages', everySeconds: 15, run: async (at) => {
    await deliverDueMessages({ orm: deps.orm, configs: deps.configs, log: deps.log }, at);
    await deliverRobotPosts(deps.orm, at);
  } };
  return job;
}
