/**
 * Builds the fastify application: strict validation, one error shape, security headers, sessions,
 * a cross-site request guard, throttled login, an OpenAPI document of every route, and the routes
 * of core and of each case type.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import multipart from '@fastify/multipart';
import type { KernelServices } from '../kernel-services.js';
import { createValidatorCompiler } from './validation.js';
import { installErrorHandler } from './error-handler.js';
import { installAuth } from './auth-hook.js';
import { installTextGuard } from './text-guard.js';
import { installCsrfGuard } from './csrf.js';
import { registerSecurityHeaders } from './security-headers.js';
import { allowedOriginsFromEnv, secureCookiesFromEnv, trustProxyFromEnv, type TrustProxy } from './security-settings.js';
import { LoginThrottleStore } from '../auth/login-throttle.js';
import { authRoutes } from './routes/auth.js';
import { caseRoutes } from './routes/cases.js';
import { configRoutes } from './routes/config.js';
import { followUpRoutes } from './routes/follow-ups.js';
import { registryRoutes } from './routes/registry.js';
import { metaRoutes } from './routes/meta.js';
import { installHealth } from './routes/health.js';
import { caseTypeRoutes } from './routes/case-types.js';
import { configToolRoutes } from './routes/config-tools.js';
import { staffRoutes } from './routes/staff.js';
import { queueRoutes } from './routes/queue.js';
import { attachmentRoutes, MAX_ATTACHMENT_BYTES } from './routes/attachments.js';
import { rosterImportRoutes } from './routes/roster-import.js';
import { serveStaffApp } from './static-app.js';

export interface AppOptions {
  logger: boolean;
  /** request body limit in bytes */
  bodyLimit: number;
  /** failed logins allowed per client address per window (per username: see core/auth/login-throttle.ts) */
  loginRateLimit: { max: number; timeWindow: number };
  /** Secure session cookie; default from WUYE_SECURE_COOKIES / NODE_ENV=production (security-settings.ts) */
  secureCookies?: boolean;
  /** which proxies to believe for the client address; default from WUYE_TRUST_PROXY */
  trustProxy?: TrustProxy;
}

export async function buildApp(services: KernelServices, options: AppOptions): Promise<FastifyInstance> {
  const trustProxy = options.trustProxy ?? trustProxyFromEnv();
  const app = Fastify({
    logger: options.logger ? { level: process.env.LOG_LEVEL ?? 'info' } : false,
    bodyLimit: options.bodyLimit,
    ajv: { customOptions: { removeAdditional: false } },
    // one property type per overload: fastify's typings do not take the union as it is
    trustProxy: trustProxy as boolean,
  });
  const secureCookies = options.secureCookies ?? secureCookiesFromEnv();
  app.setValidatorCompiler(createValidatorCompiler());
  installErrorHandler(app);
  installTextGuard(app);
  // JSON only: other bodies get 415 instead of reaching validation as a string.
  app.removeContentTypeParser('text/plain');
  await registerSecurityHeaders(app);
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1, fields: 0, parts: 1 } });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'Wuye API', description: '物业客服低代码平台 — customer-service platform for property-management companies', version: '0.1.0' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, cookie: { type: 'apiKey', in: 'cookie', name: 'wuye_session' } } },
      security: [{ bearer: [] }, { cookie: [] }],
    },
  });
  installCsrfGuard(app, allowedOriginsFromEnv());
  installAuth(app, services.sessions);

  const throttle = new LoginThrottleStore(services.orm, services.now, { ipMax: options.loginRateLimit.max, ipWindowMs: options.loginRateLimit.timeWindow });
  await app.register(authRoutes, { orm: services.orm, sessions: services.sessions, throttle, secureCookies, now: services.now });
  await app.register(metaRoutes, { plugins: services.plugins });
  await installHealth(app, services.orm);
  await app.register(registryRoutes, { orm: services.orm, queries: services.queries, configs: services.configs, now: services.now });
  await app.register((await import('./routes/household-archive.js')).householdArchiveRoutes, { orm: services.orm, cases: services.cases, queries: services.queries, configs: services.configs, now: services.now });
  await app.register((await import('./routes/household-archive-roster.js')).rosterExportRoutes, { orm: services.orm, cases: services.cases, queries: services.queries });
  await app.register(caseRoutes, { orm: services.orm, bundles: services.plugins.bundles, cases: services.cases, queries: services.queries, now: services.now });
  await app.register((await import('./routes/case-links.js')).caseLinkRoutes, { orm: services.orm, bundles: services.plugins.bundles, cases: services.cases, now: services.now });
  await app.register(followUpRoutes, { followUps: services.followUps, queries: services.queries, cases: services.cases, orm: services.orm, now: services.now });
  await app.register(configRoutes, { configs: services.configs, cases: services.cases, now: services.now });
  await app.register(configToolRoutes, { configs: services.configs, cases: services.cases, now: services.now });
  await app.register((await import('./routes/config-preview.js')).configPreviewRoutes, { configs: services.configs, cases: services.cases, now: services.now });
  await app.register(staffRoutes, { orm: services.orm, cases: services.cases, sessions: services.sessions, now: services.now });
  await app.register(caseTypeRoutes, { cases: services.cases });
  await app.register(queueRoutes, { orm: services.orm, cases: services.cases, queries: services.queries });
  await app.register((await import('./routes/assignment.js')).assignmentRoutes, { orm: services.orm, cases: services.cases, configs: services.configs, now: services.now });
  await app.register((await import('./routes/home.js')).homeRoutes, { orm: services.orm, cases: services.cases, queries: services.queries, now: services.now });
  await app.register(attachmentRoutes, { orm: services.orm, configs: services.configs, now: services.now });
  await app.register(rosterImportRoutes, { orm: services.orm, cases: services.cases, now: services.now });
  await app.register((await import('./routes/config-drafts.js')).configDraftRoutes, { orm: services.orm, cases: services.cases, now: services.now });
  await app.register((await import('./routes/reports.js')).reportRoutes, { orm: services.orm, cases: services.cases, queries: services.queries, now: services.now });
  await app.register((await import('./routes/registry-writes.js')).registryWriteRoutes, { orm: services.orm, cases: services.cases, now: services.now, projects: services.projects });
  await app.register((await import('./routes/case-promises.js')).casePromiseRoutes, { promises: new (await import('../cases/promises.js')).CasePromises(services.orm, services.cases, services.configs, services.now) });
  await app.register((await import('./routes/public-calendar-status.js')).publicCalendarStatusRoutes, { cases: services.cases, now: services.now });
  await app.register((await import('./routes/search.js')).searchRoutes, { orm: services.orm, queries: services.queries, cases: services.cases });
  await app.register((await import('./routes/platform.js')).platformRoutes, { orm: services.orm, configs: services.configs, plugins: services.plugins, throttle, publicCalendar: services.publicCalendar, now: services.now });
  await serveStaffApp(app);

  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());
  return app;
}
