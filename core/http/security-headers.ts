/**
 * Security headers for every response (@fastify/helmet): a Content-Security-Policy that lets the
 * staff app load only its own scripts, styles, images and API, and no one frame it (clickjacking
 * onto a payment or a transition): frame-ancestors 'none' and X-Frame-Options: DENY. No Referer
 * leaves the app (case URLs carry ids). Print views and downloads set their own, stricter policy
 * (default-src 'none'), which replaces this one on those responses.
 *
 * Styles may be inline ('unsafe-inline' in style-src only): the app's index.html and lit templates
 * use style attributes, and CSS cannot run script. Scripts may not be inline, nor come from anywhere
 * but this server. 'unsafe-eval' stays for now: the forms runtime compiles each form's JSON Schema
 * with ajv in the browser (the company's configuration decides the forms at run time), and ajv
 * generates code. Injected markup still cannot run: an inline script or an event handler attribute
 * is blocked, and eval needs a script of ours to call it. Serving precompiled validators as modules
 * (ajv standalone, from 'self') would let this go.
 */
import type { FastifyInstance } from 'fastify';
import helmet from '@fastify/helmet';

export const STAFF_APP_CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'", "'unsafe-eval'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  // data: for signatures drawn on a canvas and the inline favicon, blob: for exported files
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  frameSrc: ["'none'"],
};

export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: STAFF_APP_CSP },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    // the app is served over plain HTTP on a LAN as often as behind HTTPS: HSTS is the proxy's call
    strictTransportSecurity: false,
    crossOriginEmbedderPolicy: false,
  });
}
