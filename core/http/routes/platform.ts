/**
 * The platform operator's API, under /api/platform: log in and out, list companies, create a
 * company with its first admin (and optionally its first projects).
 *
 * A login of its own rather than /api/auth/login: an operator is no company's staff member, and
 * keeping the two apart end to end — own table, own sessions, bearer token only (no cookie, so the
 * staff app in the same browser never carries it), own hook — means a staff token is simply unknown
 * here and an operator token unknown to every company route (the staff hook reads `session` only).
 * The routes are `public` to the staff hook for that reason; this scope's hook checks the operator.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { MikroORM } from '@mikro-orm/core';
import { Company, PlatformOperator } from '../../db/entities/index.js';
import { hashPassword, verifyPassword } from '../../auth/passwords.js';
import type { LoginThrottleStore, ThrottleRefusal } from '../../auth/login-throttle.js';
import type { ConfigService } from '../../config/config-service.js';
import type { LoadedPlugins } from '../../declarations/load-plugins.js';
import { UnauthorizedError, WuyeError } from '../../errors.js';
import { OperatorSessionStore, type OperatorPrincipal } from '../../platform/operator-sessions.js';
import { createCompany, type NewCompany } from '../../platform/create-company.js';
import { errorResponses } from '../schemas.js';
import { calendarStatusNear, type PublicCalendarStore } from '../../platform/public-calendar-store.js';

export interface PlatformRouteOptions {
  orm: MikroORM;
  configs: ConfigService;
  plugins: LoadedPlugins;
  throttle: LoginThrottleStore;
  publicCalendar: PublicCalendarStore;
  now: () => Date;
}

declare module 'fastify' {
  interface FastifyRequest {
    operator: OperatorPrincipal | null;
  }
}

const str = (max: number) => ({ type: 'string', maxLength: max }) as const;

/** Throttle keys of operators apart from staff usernames (the same name may be both). */
const throttleKey = (username: string) => `operator:${username}`;

function throttled(reply: FastifyReply, refusal: ThrottleRefusal): never {
  const seconds = Math.ceil(refusal.retryAfterMs / 1000);
  reply.header('retry-after', String(seconds));
  throw new WuyeError('WUYE_LOGIN_THROTTLED', 429, `too many failed logins: try again in ${seconds} s`, [
    { pointer: refusal.by === 'username' ? '/username' : '', code: `throttled-${refusal.by}`, message: `retry after ${seconds} s` },
  ]);
}

function bearerOf(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice(7).trim() || null : null;
}

let dummyHash: Promise<string> | undefined;

export async function platformRoutes(app: FastifyInstance, opts: PlatformRouteOptions): Promise<void> {
  const sessions = new OperatorSessionStore(opts.orm, opts.now);
  app.decorateRequest('operator', null);
  app.addHook('onRequest', async (request) => {
    const route = request.routeOptions.url;
    if (!route?.startsWith('/api/platform/') || route === '/api/platform/login') return;
    const token = bearerOf(request);
    const operator = token ? await sessions.resolve(token) : null;
    if (!operator) throw new UnauthorizedError('platform operator login required');
    request.operator = operator;
  });
  const operatorOf = (request: FastifyRequest): OperatorPrincipal => {
    if (!request.operator) throw new UnauthorizedError('platform operator login required');
    return request.operator;
  };
  const tags = ['platform'];
  const security = [{ bearer: [] }];

  app.post('/api/platform/login', {
    config: { public: true },
    schema: {
      tags, summary: 'Platform operator login: returns a bearer token (no cookie)',
      body: { type: 'object', properties: { username: { type: 'string', minLength: 1, maxLength: 64 }, password: { type: 'string', minLength: 1, maxLength: 200 } }, required: ['username', 'password'], additionalProperties: false },
      response: { ...errorResponses },
    },
  }, async (request, reply) => {
    const { username, password } = request.body as { username: string; password: string };
    const refusal = await opts.throttle.refusal(throttleKey(username), request.ip);
    if (refusal) throttled(reply, refusal);
    const operator = await opts.orm.em.fork().findOne(PlatformOperator, { username, active: true });
    dummyHash ??= hashPassword('no such operator');
    const ok = await verifyPassword(operator?.passwordHash ?? (await dummyHash), password);
    if (!operator || !ok) {
      await opts.throttle.recordFailure(throttleKey(username), request.ip);
      throw new UnauthorizedError('wrong username or password');
    }
    await opts.throttle.recordSuccess(throttleKey(username));
    const session = await sessions.create(operator);
    return { token: session.token, expiresAt: session.expiresAt.toISOString(), operator: { id: operator.id, username: operator.username, name: operator.name } };
  });

  app.post('/api/platform/logout', { config: { public: true }, schema: { tags, security, summary: 'End the operator session' } }, async (request) => {
    operatorOf(request);
    await sessions.revoke(bearerOf(request)!);
    return { ok: true };
  });

  app.get('/api/platform/companies', { config: { public: true }, schema: { tags, security, summary: 'Every company on the platform, with its number of staff accounts' } }, async (request) => {
    operatorOf(request);
    const em = opts.orm.em.fork();
    const companies = await em.find(Company, {}, { orderBy: { code: 'asc' } });
    const counts = await em.getConnection().execute<{ company_id: number; n: number | string }[]>('select company_id, count(*) as n from staff group by company_id');
    const staffCount = new Map(counts.map((r: { company_id: number; n: number | string }) => [Number(r.company_id), Number(r.n)]));
    return {
      items: companies.map((c) => ({ id: c.id, code: c.code, name: c.name, createdAt: c.createdAt.toISOString(), staffCount: staffCount.get(c.id) ?? 0 })),
    };
  });

  app.post('/api/platform/companies', {
    config: { public: true },
    schema: {
      tags, security, summary: 'Create a company: configuration version 1 (the plugins’ defaults, its time zone), its first company admin and optionally its first projects',
      body: {
        type: 'object',
        properties: {
          code: str(32), name: str(200), timezone: str(64),
          admin: { type: 'object', properties: { username: str(64), name: str(100), password: str(200) }, required: ['username', 'name', 'password'], additionalProperties: false },
          projects: { type: 'array', maxItems: 50, items: { type: 'object', properties: { code: str(32), name: str(200) }, required: ['code', 'name'], additionalProperties: false } },
        },
        required: ['code', 'name', 'timezone', 'admin'],
        additionalProperties: false,
      },
      response: { ...errorResponses },
    },
  }, async (request, reply) => {
    const operator = operatorOf(request);
    const created = await createCompany(opts, request.body as NewCompany, { by: `operator:${operator.username}` });
    reply.code(201 as never);
    return created;
  });

  // The public calendar layer: a year's official holiday arrangement for every company, until the
  // holiday package publishes it (core/platform/public-calendar-store.ts)
  app.get('/api/platform/calendar', { config: { public: true }, schema: { tags, security, summary: 'Public holiday years: where each comes from (package, platform import) and which near years are missing' } }, async (request) => {
    operatorOf(request);
    return { items: calendarStatusNear(opts.now()) };
  });

  app.put('/api/platform/calendar/:year', {
    config: { public: true },
    schema: {
      tags, security, summary: 'Import a year’s official holiday arrangement (a new version of that year, in force at once on every instance)',
      params: { type: 'object', properties: { year: { type: 'integer', minimum: 2000, maximum: 2100 } }, required: ['year'] },
      // the document's own checks name each problem (public-calendar-file.ts); only size is bounded here
      body: { type: 'object', maxProperties: 8 },
      response: { ...errorResponses },
    },
  }, async (request, reply) => {
    const operator = operatorOf(request);
    const { year } = request.params as { year: number };
    const body = request.body as Record<string, unknown>;
    if (body.year !== year) {
      throw new WuyeError('WUYE_VALIDATION', 400, `the document is for ${String(body.year)}, the address for ${year}`, [{ pointer: '/year', code: 'mismatch', message: `must be ${year}` }]);
    }
    const stored = await opts.publicCalendar.import(body, `operator:${operator.username}`);
    reply.code(201 as never);
    return stored;
  });

  app.get('/api/platform/calendar/:year/versions', {
    config: { public: true },
    schema: { tags, security, summary: 'Every imported version of a year, newest first', params: { type: 'object', properties: { year: { type: 'integer', minimum: 2000, maximum: 2100 } }, required: ['year'] } },
  }, async (request) => {
    operatorOf(request);
    const { year } = request.params as { year: number };
    const rows = await opts.publicCalendar.versions(year);
    return { items: rows.map((r) => ({ year: r.year, version: r.version, source: r.source, holidays: r.holidays, workdays: r.workdays, importedBy: r.importedBy, importedAt: r.importedAt.toISOString() })) };
  });
}
