/**
 * The kernel: opens the database, loads and validates the plugins, wires the services and builds
 * the HTTP app. `startKernel` is what the server and every test harness call.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { dialectOf, openDatabase, type DatabaseOptions } from './db/orm.js';
import { SqliteCaseStore } from './cases/sqlite-case-store.js';
import { PgCaseStore } from './cases/pg-case-store.js';
import { SqliteTransitionStore } from './cases/sqlite-transition-store.js';
import { PgTransitionStore } from './cases/pg-transition-store.js';
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
import { InProcessBus, type ClusterBus } from './cluster/bus.js';
import { PgBus } from './cluster/pg-bus.js';
import { PublicCalendarStore } from './platform/public-calendar-store.js';
import { createJobScheduler } from './jobs/create-scheduler.js';
import { jobPeriodsFromEnv, jobsEnabledFromEnv, withPeriods, type Job, type JobRole } from './jobs/job.js';
import { purgeSessions } from './jobs/purge-sessions.js';
import { cacheBusCheck, jobsCheck } from './jobs/readiness.js';
import { installResidentMessaging, residentMessaging } from './notifications/outbox/install.js';
import { installStaffNotifications } from './notifications/staff/install.js';

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
  /**
   * Run scheduled jobs (the server does; WUYE_JOBS=off overrides; tests call runJobs): through pg-boss
   * on PostgreSQL (each run fires once across instances), on in-process timers on SQLite.
   */
  jobTimers?: boolean;
  /** how often named jobs run, in seconds, over their defaults (default: WUYE_JOB_PERIODS, see core/jobs/job.ts) */
  jobPeriods?: Record<string, number>;
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
  /** what this instance does with jobs (reported by the readiness check) */
  jobRole: JobRole;
  /** cache invalidation between instances (PostgreSQL LISTEN/NOTIFY; in-process on SQLite) */
  bus: ClusterBus;
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
  // the app's logger exists only once the app is built; the bus and the jobs log through it
  let log: FastifyInstance['log'] | undefined;
  const logTo = (level: 'info' | 'warn' | 'error') => (obj: object, msg: string) => log?.[level](obj, msg);
  let bus: ClusterBus = new InProcessBus();
  if (dialect === 'postgresql') {
    const pgBus = new PgBus(options.database.url!, orm, { info: logTo('info'), warn: logTo('warn') });
    await pgBus.start();
    bus = pgBus;
  }
  const sessions = new SessionStore(orm, bus);
  const configs = new ConfigService(orm, plugins, now, bus);
  const projects = new ProjectDirectory(orm, bus);
  const store = dialect === 'sqlite' ? new SqliteCaseStore(orm) : new PgCaseStore(orm);
  const transitions = dialect === 'sqlite' ? new SqliteTransitionStore(orm) : new PgTransitionStore(orm);
  const cases = new CaseService(orm, configs, projects, plugins.extensions, now, store, transitions);
  const queries = new CaseQueries(orm, configs, now);
  const followUps = new FollowUpService(orm, cases, now);
  const publicCalendar = new PublicCalendarStore(orm, bus);
  await publicCalendar.load();
  const services: KernelServices = { orm, plugins, sessions, configs, projects, cases, queries, followUps, publicCalendar, now };
  const app = await buildApp(services, {
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    loginRateLimit: options.loginRateLimit ?? { max: 10, timeWindow: 60_000 },
    secureCookies: options.secureCookies,
    trustProxy: options.trustProxy,
  });
  // messages to residents: the notify effect and plugins' code queue them (core/notifications/outbox)
  const messaging = residentMessaging(configs, plugins, now);
  const pluginServices = new Map(plugins.bundles.map((b) => [b.id, createPluginServices(b.id, { orm, dialect, configs, projects, now, cases, messaging })]));
  const reloader = new PluginReloader(plugins, pluginsDir, configs, { info: (m) => app.log.info(m), error: (m) => app.log.error(m) }, now);
  if (options.devReload) {
    app.get('/api/dev/plugins', { schema: { tags: ['dev'], summary: 'Development: each plugin and the issues of its last broken edit' } }, async () => ({ items: [...reloader.status.values()] }));
  }
  for (const [pluginId, routes] of plugins.extensions.routes) {
    const services = pluginServices.get(pluginId)!;
    await app.register(async (scope) => routes(scope, services), { prefix: `/api/${pluginId}` });
  }
  // staff notifications: routes and live streams here (they need the bus), their fan-out job below
  const staffNotifications = await installStaffNotifications(app, { orm, bus, configs, sessions, queries, now });
  const deliverMessages = await installResidentMessaging(app, messaging, { orm, configs, plugins, cases, queries, now, log: (level, obj, msg) => log?.[level](obj, msg) });
  await app.ready();
  log = app.log;

  const scanOverdue = (at: Date) => runOverdueScan(orm, cases, at, (err, deadlineId) => app.log.error({ err, deadlineId }, 'overdue scan skipped a deadline'));
  const jobs: Job[] = withPeriods([
    { name: 'core.overdue', everySeconds: 60, run: (at) => scanOverdue(at) },
    { name: 'core.purgeSessions', everySeconds: 3600, run: (at) => purgeSessions(orm, sessions, at) },
    ...[...plugins.extensions.jobs].map(([name, job]) => ({ name, everySeconds: job.everySeconds, run: (at: Date) => job.run(at, pluginServices.get(job.pluginId)!) })),
    // after the jobs that may queue messages (billing's notices), so one runJobs() delivers them
    deliverMessages,
    // last, so a runJobs() tells staff of what the jobs before it did
    staffNotifications,
  ], options.jobPeriods ?? (options.jobTimers ? jobPeriodsFromEnv() : {}));
  const runJobs = async (at = now()) => {
    const overdue = await scanOverdue(at);
    for (const job of jobs.slice(1)) await job.run(at);
    return { overdue };
  };
  const stopWatching = options.devReload ? reloader.watch() : () => {};
  const scheduler = createJobScheduler({
    // WUYE_JOBS=off (or 0/false/no) turns them off for this instance whatever the caller asked
    enabled: Boolean(options.jobTimers) && jobsEnabledFromEnv(), dialect, url: options.database.url, orm, now,
    log: { info: logTo('info'), error: logTo('error') },
  });
  await scheduler.start(jobs);
  app.readiness.add(jobsCheck(scheduler));
  app.readiness.add(cacheBusCheck(bus));
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
    jobRole: scheduler.role,
    bus,
    async close() {
      stopWatching();
      // in-flight requests and a running job finish side by side (pg-boss hands a job still running
      // after the stop's timeout to another instance once it expires, and retries it)
      await Promise.all([scheduler.stop(), app.close()]);
      await bus.close();
      await orm.close(true);
    },
  };
}
