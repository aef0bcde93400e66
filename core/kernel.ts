/**
 * The kernel: opens the database, loads and validates the plugins, wires the services and builds
 * the HTTP app. `startKernel` is what the server and every test harness call.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { dialectOf, openDatabase, type DatabaseOptions } from './db/orm.js';
import { SqliteCaseStore } from './cases/sqlite-case-store.js';
import { OrmCaseStore } from './cases/orm-case-store.js';
import { loadPlugins } from './declarations/load-plugins.js';
import { SessionStore } from './auth/sessions.js';
import { ConfigService } from './config/config-service.js';
import { ProjectDirectory } from './registry/project-directory.js';
import { CaseService } from './cases/case-service.js';
import { CaseQueries } from './cases/case-queries.js';
import { FollowUpService } from './workflow/follow-ups.js';
import { runOverdueScan } from './workflow/overdue-job.js';
import { buildApp } from './http/app.js';
import type { KernelServices } from './kernel-services.js';
import { createPluginServices, type PluginServices } from './plugin-services.js';
import { PluginReloader } from './devkit/hot-reload.js';

export const ROOT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface KernelOptions {
  database: DatabaseOptions;
  /** plugin folder (default plugins/) */
  pluginsDir?: string;
  /** load only these plugins; default all */
  plugins?: string[];
  /** the clock; tests pass a controllable one */
  now?: () => Date;
  logger?: boolean;
  /** run scheduled jobs on timers (the server does; tests call runJobs) */
  jobTimers?: boolean;
  loginRateLimit?: { max: number; timeWindow: number };
  bodyLimit?: number;
  /** Secure session cookie (default: WUYE_SECURE_COOKIES, else on when NODE_ENV=production) */
  secureCookies?: boolean;
  /** proxies to believe for the client address (default: WUYE_TRUST_PROXY) */
  trustProxy?: boolean | number | string;
  /** development: reload a plugin's declarations when its files change (see core/devkit/hot-reload.ts) */
  devReload?: boolean;
}

export interface Kernel extends KernelServices {
  app: FastifyInstance;
  /** what each plugin's routes, jobs and commands are given, by plugin id */
  pluginServices: Map<string, PluginServices>;
  /** reloads a plugin's declarations (development); a broken edit keeps the previous version */
  reloader: PluginReloader;
  /** adds each plugin's demo data to a freshly seeded demo company (dependency order) */
  seedDemoData(companyId: number): Promise<void>;
  /** runs every scheduled job once, as of `now` */
  runJobs(now?: Date): Promise<{ overdue: number }>;
  close(): Promise<void>;
}

export async function startKernel(options: KernelOptions): Promise<Kernel> {
  const now = options.now ?? (() => new Date());
  const pluginsDir = options.pluginsDir ?? path.join(ROOT_DIR, 'plugins');
  const plugins = await loadPlugins({ pluginsDir, only: options.plugins });
  const dialect = dialectOf(options.database);
  // plugins' tables in dependency order, after core's
  const pluginTables = plugins.bundles.map((b) => plugins.extensions.databases.get(b.id)).filter((d) => d !== undefined);
  const orm = await openDatabase(options.database, pluginTables);
  const sessions = new SessionStore(orm);
  const configs = new ConfigService(orm, plugins, now);
  const projects = new ProjectDirectory(orm);
  const store = dialect === 'sqlite' ? new SqliteCaseStore(orm) : new OrmCaseStore(orm);
  const cases = new CaseService(orm, configs, projects, plugins.extensions, now, store);
  const queries = new CaseQueries(orm, configs, now);
  const followUps = new FollowUpService(orm, cases, now);
  const services: KernelServices = { orm, plugins, sessions, configs, projects, cases, queries, followUps, now };
  const app = await buildApp(services, {
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    loginRateLimit: options.loginRateLimit ?? { max: 10, timeWindow: 60_000 },
    secureCookies: options.secureCookies,
    trustProxy: options.trustProxy,
  });
  const pluginServices = new Map(plugins.bundles.map((b) => [b.id, createPluginServices(b.id, { orm, dialect, configs, projects, now, cases })]));
  const reloader = new PluginReloader(plugins, pluginsDir, configs, { info: (m) => app.log.info(m), error: (m) => app.log.error(m) }, now);
  if (options.devReload) {
    app.get('/api/dev/plugins', { schema: { tags: ['dev'], summary: 'Development: each plugin and the issues of its last broken edit' } }, async () => ({ items: [...reloader.status.values()] }));
  }
  for (const [pluginId, routes] of plugins.extensions.routes) {
    const services = pluginServices.get(pluginId)!;
    await app.register(async (scope) => routes(scope, services), { prefix: `/api/${pluginId}` });
  }
  await app.ready();

  const scanOverdue = (at: Date) => runOverdueScan(orm, cases, at, (err, deadlineId) => app.log.error({ err, deadlineId }, 'overdue scan skipped a deadline'));
  const runJobs = async (at = now()) => {
    const overdue = await scanOverdue(at);
    for (const job of plugins.extensions.jobs.values()) await job.run(at, pluginServices.get(job.pluginId)!);
    return { overdue };
  };
  const timers: NodeJS.Timeout[] = [];
  const stopWatching = options.devReload ? reloader.watch() : () => {};
  if (options.jobTimers) {
    // each job on its own timer: the overdue scan every minute, plugin jobs at their own pace
    timers.push(setInterval(() => void scanOverdue(now()).catch((err) => app.log.error({ err }, 'overdue scan failed')), 60_000));
    for (const [name, job] of plugins.extensions.jobs) {
      timers.push(setInterval(() => void job.run(now(), pluginServices.get(job.pluginId)!).catch((err) => app.log.error({ err, job: name }, 'job failed')), job.everySeconds * 1000));
    }
  }
  return {
    ...services,
    app,
    pluginServices,
    reloader,
    async seedDemoData(companyId) {
      for (const b of plugins.bundles) {
        const seed = plugins.extensions.demoData.get(b.id);
        if (seed) await seed(pluginServices.get(b.id)!, companyId);
      }
    },
    runJobs,
    async close() {
      stopWatching();
      timers.forEach(clearInterval);
      await app.close();
      await orm.close(true);
    },
  };
}
