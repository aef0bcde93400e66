/** Login, logout and the current user. Login is rate-limited per client address. */
import type { FastifyInstance } from 'fastify';
import type { MikroORM } from '@mikro-orm/core';
import { Staff } from '../../db/entities/index.js';
import { hashPassword, verifyPassword } from '../../auth/passwords.js';
import type { SessionStore } from '../../auth/sessions.js';
import { UnauthorizedError } from '../../errors.js';
import { principalOf, SESSION_COOKIE, tokenOf } from '../auth-hook.js';
import { errorResponses } from '../schemas.js';

export interface AuthRouteOptions {
  orm: MikroORM;
  sessions: SessionStore;
  loginRateLimit: { max: number; timeWindow: number };
  secureCookies: boolean;
}

/** Verifying against a real hash even for unknown users keeps timing from revealing which usernames exist. */
let dummyHash: Promise<string> | undefined;

export async function authRoutes(app: FastifyInstance, opts: AuthRouteOptions): Promise<void> {
  app.post('/api/auth/login', {
    config: { public: true, rateLimit: opts.loginRateLimit },
    schema: {
      tags: ['auth'],
      summary: 'Log in with username and password; sets an httpOnly session cookie and returns a bearer token',
      body: {
        type: 'object',
        properties: {
          username: { type: 'string', minLength: 1, maxLength: 64 },
          password: { type: 'string', minLength: 1, maxLength: 200 },
        },
        required: ['username', 'password'],
        additionalProperties: false,
      },
      response: {
        200: {
          type: 'object',
          properties: {
            token: { type: 'string' },
            expiresAt: { type: 'string', format: 'date-time' },
            staff: { type: 'object', properties: { id: { type: 'integer' }, name: { type: 'string' }, roles: { type: 'array', items: { type: 'string' } } } },
          },
        },
        ...errorResponses,
      },
    },
  }, async (request, reply) => {
    const { username, password } = request.body as { username: string; password: string };
    const staff = await opts.orm.em.fork().findOne(Staff, { username, active: true });
    dummyHash ??= hashPassword('no such user');
    const ok = await verifyPassword(staff?.passwordHash ?? (await dummyHash), password);
    if (!staff || !ok) throw new UnauthorizedError('wrong username or password');
    const session = await opts.sessions.create(staff);
    reply.setCookie(SESSION_COOKIE, session.token, {
      path: '/', httpOnly: true, sameSite: 'strict', secure: opts.secureCookies, expires: session.expiresAt,
    });
    return { token: session.token, expiresAt: session.expiresAt.toISOString(), staff: { id: staff.id, name: staff.name, roles: staff.roles } };
  });

  app.post('/api/auth/logout', { schema: { tags: ['auth'], summary: 'End the session' } }, async (request, reply) => {
    const token = tokenOf(request);
    if (token) await opts.sessions.revoke(token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });

  app.get('/api/auth/me', { schema: { tags: ['auth'], summary: 'The logged-in staff member' } }, async (request) => {
    const p = principalOf(request);
    return { id: p.staffId, username: p.username, name: p.name, roles: p.roles, projectIds: p.projectIds, companyId: p.companyId, language: p.language };
  });
}
