/**
 * Authentication: every /api route except those marked `config: { public: true }` needs a
 * session, from the httpOnly cookie (browser) or an `Authorization: Bearer` header (API clients).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
// request.cookies is declared by @fastify/cookie: import its types wherever this file is compiled
import type {} from '@fastify/cookie';
import type { Principal, SessionStore } from '../auth/sessions.js';
import { UnauthorizedError } from '../errors.js';

export const SESSION_COOKIE = 'wuye_session';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
  interface FastifyContextConfig {
    public?: boolean;
  }
}

export function tokenOf(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7).trim() || null;
  return request.cookies?.[SESSION_COOKIE] ?? null;
}

export function installAuth(app: FastifyInstance, sessions: SessionStore): void {
  app.decorateRequest('principal', null);
  app.addHook('onRequest', async (request) => {
    // Decide on the matched route, not the raw URL (which may be percent-encoded): every /api
    // route needs a session unless it is declared public. Unmatched URLs go on to the 404 handler.
    const route = request.routeOptions.url;
    if (!route || request.routeOptions.config?.public || !route.startsWith('/api/')) return;
    const token = tokenOf(request);
    const principal = token ? await sessions.resolve(token) : null;
    if (!principal) throw new UnauthorizedError();
    request.principal = principal;
  });
}

/** The principal of an authenticated route (the hook guarantees it). */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new UnauthorizedError();
  return request.principal;
}
