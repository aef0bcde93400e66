/**
 * Cross-site request forgery: a browser attaches the session cookie to requests another site's page
 * makes, so a state-changing request that carries no bearer token (cookie-authenticated, or a login)
 * must come from a page of this server. Browsers say where a request comes from: Sec-Fetch-Site
 * (modern browsers) and Origin (every browser on a cross-origin POST). A request saying it is
 * cross-site, or naming another origin, is refused with 403 WUYE_CSRF. Requests with neither header
 * come from programs, not from a page in a browser, and a bearer token is never sent by a browser
 * on its own, so neither can be forged this way. SameSite=Strict on the cookie stays as a second
 * line.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { WuyeError } from '../errors.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function installCsrfGuard(app: FastifyInstance, allowedOrigins: readonly string[]): void {
  app.addHook('onRequest', async (request) => {
    // every matched route (the raw URL may be percent-encoded); unmatched ones go on to the 404
    if (SAFE_METHODS.has(request.method) || !request.routeOptions.url) return;
    if (request.headers.authorization?.startsWith('Bearer ')) return;
    const site = request.headers['sec-fetch-site'];
    if (site !== undefined) {
      // 'none': typed into the address bar or a bookmark, which never POSTs by itself
      if (site === 'same-origin' || site === 'none') return;
      throw refusal(`Sec-Fetch-Site: ${site}`);
    }
    const origin = request.headers.origin;
    if (origin === undefined) return;
    if (origin === ownOrigin(request) || allowedOrigins.includes(origin)) return;
    throw refusal(`Origin: ${origin}`);
  });
}

function ownOrigin(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

function refusal(evidence: string): WuyeError {
  return new WuyeError('WUYE_CSRF', 403, `cross-site request refused (${evidence}): changes with the session cookie are accepted only from this server's own pages; API clients send Authorization: Bearer`);
}
