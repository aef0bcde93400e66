/**
 * Login, logout, the current user and changing one's own password. Failed logins are throttled
 * per username and per client address (core/auth/login-throttle.ts); successful ones never count.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { MikroORM } from '@mikro-orm/core';
import { AuditEntry, Session, Staff } from '../../db/entities/index.js';
import { hashPassword, verifyPassword } from '../../auth/passwords.js';
import { hashToken, type SessionStore } from '../../auth/sessions.js';
import type { LoginThrottleStore, ThrottleRefusal } from '../../auth/login-throttle.js';
import { passwordIssues } from '../../auth/password-policy.js';
import { UnauthorizedError, ValidationError, WuyeError } from '../../errors.js';
import { principalOf, SESSION_COOKIE, tokenOf } from '../auth-hook.js';
import { errorResponses } from '../schemas.js';
import type { Me } from '../api-types.js';

export interface AuthRouteOptions {
  orm: MikroORM;
  sessions: SessionStore;
  throttle: LoginThrottleStore;
  secureCookies: boolean;
  now: () => Date;
}

/** 429 with Retry-After, naming which limit refused. */
function throttled(reply: FastifyReply, refusal: ThrottleRefusal): never {
  const seconds = Math.ceil(refusal.retryAfterMs / 1000);
  reply.header('retry-after', String(seconds));
  const which = refusal.by === 'username' ? 'this username' : 'this address';
  throw new WuyeError('WUYE_LOGIN_THROTTLED', 429, `too many failed logins for ${which}: try again in ${seconds} s (登录失败次数过多，请 ${seconds} 秒后再试)`, [
    { pointer: refusal.by === 'username' ? '/username' : '', code: `throttled-${refusal.by}`, message: `retry after ${seconds} s` },
  ]);
}

/** Verifying against a real hash even for unknown users keeps timing from revealing which usernames exist. */
let dummyHash: Promise<string> | undefined;

export async function authRoutes(app: FastifyInstance, opts: AuthRouteOptions): Promise<void> {
  app.post('/api/auth/login', {
    config: { public: true },
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
    const refusal = await opts.throttle.refusal(username, request.ip);
    if (refusal) throttled(reply, refusal);
    const staff = await opts.orm.em.fork().findOne(Staff, { username, active: true });
    dummyHash ??= hashPassword('no such user');
    const ok = await verifyPassword(staff?.passwordHash ?? (await dummyHash), password);
    if (!staff || !ok) {
      await opts.throttle.recordFailure(username, request.ip);
      throw new UnauthorizedError('wrong username or password');
    }
    await opts.throttle.recordSuccess(username);
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

  app.get('/api/auth/me', { schema: { tags: ['auth'], summary: 'The logged-in staff member' } }, async (request): Promise<Me> => {
    const p = principalOf(request);
    return { id: p.staffId, username: p.username, name: p.name, roles: p.roles, projectIds: p.projectIds, companyId: p.companyId, language: p.language };
  });

  app.post('/api/auth/password', {
    schema: {
      tags: ['auth'],
      summary: 'Change your own password (current and new); your other sessions end, this one stays',
      body: {
        type: 'object',
        properties: {
          currentPassword: { type: 'string', minLength: 1, maxLength: 200 },
          newPassword: { type: 'string', minLength: 1, maxLength: 200 },
        },
        required: ['currentPassword', 'newPassword'],
        additionalProperties: false,
      },
      response: { ...errorResponses },
    },
  }, async (request, reply) => {
    const principal = principalOf(request);
    const { currentPassword, newPassword } = request.body as { currentPassword: string; newPassword: string };
    // a stolen session must not become a way to guess the password: wrong answers count as failed logins
    const refusal = await opts.throttle.refusal(principal.username, request.ip);
    if (refusal) throttled(reply, refusal);
    const em = opts.orm.em.fork();
    const staff = await em.findOne(Staff, { id: principal.staffId, companyId: principal.companyId, active: true });
    if (!staff) throw new UnauthorizedError();
    if (!(await verifyPassword(staff.passwordHash, currentPassword))) {
      await opts.throttle.recordFailure(principal.username, request.ip);
      throw new ValidationError([{ pointer: '/currentPassword', code: 'wrong-password', message: '当前密码不正确 / the current password is wrong' }]);
    }
    const issues = passwordIssues(newPassword, '/newPassword', { username: staff.username, name: staff.name });
    if (!issues.length && newPassword === currentPassword) issues.push({ pointer: '/newPassword', code: 'unchanged', message: '新密码不能与当前密码相同 / the new password must differ from the current one' });
    if (issues.length) throw new ValidationError(issues);
    const passwordHash = await hashPassword(newPassword);
    const current = hashToken(tokenOf(request) ?? '');
    await em.transactional(async (tx) => {
      await tx.nativeUpdate(Staff, { id: staff.id, companyId: staff.companyId }, { passwordHash });
      // whoever else holds a session of this account (a forgotten browser, a thief) is logged out
      await tx.nativeDelete(Session, { staffId: staff.id, companyId: staff.companyId, tokenHash: { $ne: current } });
      tx.create(AuditEntry, { companyId: staff.companyId, actorId: staff.id, action: 'staff.password', target: `staff:${staff.id}`, data: { self: true }, createdAt: opts.now() });
    });
    opts.sessions.forgetAll();
    return { ok: true };
  });
}
