/**
 * Authentication over HTTP: login (cookie and bearer token), refusals, logout, password and token
 * storage, login throttling (failures only), public routes and the OpenAPI document.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { startTestKernel, type TestKernel } from '../../core/testing/harness.js';
import type { SeededRegistry } from '../../core/registry/seed-registry.js';
import { Session, Staff } from '../../core/db/entities/index.js';

interface ErrorBody { statusCode: number; code: string; error: string; message: string; issues: { pointer: string; code: string; message: string }[] }
interface LoginBody { token: string; expiresAt: string; staff: { id: number; name: string; roles: string[] } }
interface MeBody { id: number; username: string; name: string; roles: string[]; projectIds: number[]; companyId: number; language: string }

const START = '2026-09-30T10:00:00+08:00';
const SESSION_COOKIE = 'wuye_session';

let kernel: TestKernel;
let registry: SeededRegistry;

function login(username: string, password: string, remoteAddress?: string, k: TestKernel = kernel) {
  return k.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, ...(remoteAddress ? { remoteAddress } : {}) });
}

function expectError(res: LightMyRequestResponse, status: number): ErrorBody {
  expect(res.statusCode, res.body).toBe(status);
  const body = res.json() as ErrorBody;
  expect(body).toEqual({ statusCode: status, code: expect.any(String), error: expect.any(String), message: expect.any(String), issues: expect.any(Array) });
  return body;
}

beforeAll(async () => {
  kernel = await startTestKernel({ plugins: ['service-desk', 'complaints'], startAt: START });
  registry = await kernel.seed();
});

afterAll(async () => {
  await kernel?.close();
});

describe('login', () => {
  it('returns a token and sets an httpOnly, SameSite=Strict session cookie', async () => {
    const res = await login('frontdesk', 'wuye2026');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as LoginBody;
    const frontdesk = registry.staff.get('frontdesk')!;
    expect(body.token).toMatch(/^[A-Za-z0-9_-]{32,}$/);
    expect(new Date(body.expiresAt).getTime()).toBeGreaterThan(Date.now());
    expect(body.staff).toEqual({ id: frontdesk.id, name: frontdesk.name, roles: ['frontDesk'] });

    const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
    expect(cookie).toBeDefined();
    expect(cookie!.value).toBe(body.token);
    expect(cookie!.httpOnly).toBe(true);
    expect(cookie!.sameSite).toBe('Strict');
    expect(cookie!.path).toBe('/');
    const header = String(res.headers['set-cookie']);
    expect(header).toMatch(/;\s*HttpOnly/i);
    expect(header).toMatch(/;\s*SameSite=Strict/i);
  });

  it('authenticates GET /api/auth/me with the cookie alone', async () => {
    const res = await login('supervisor', 'wuye2026');
    const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE)!;
    const me = await kernel.app.inject({ method: 'GET', url: '/api/auth/me', cookies: { [SESSION_COOKIE]: cookie.value } });
    expect(me.statusCode, me.body).toBe(200);
    const body = me.json() as MeBody;
    expect(body).toMatchObject({ id: registry.staff.get('supervisor')!.id, username: 'supervisor', roles: ['supervisor'], companyId: registry.company.id });
    expect([...body.projectIds].sort((a, b) => a - b)).toEqual([registry.projects.get('CH')!.id, registry.projects.get('JR')!.id].sort((a, b) => a - b));
  });

  it('authenticates with the bearer token', async () => {
    const token = (await login('frontdesk', 'wuye2026').then((r) => r.json())) as LoginBody;
    const me = await kernel.call(token.token, 'GET', '/api/auth/me');
    expect(me.statusCode, me.body).toBe(200);
    expect(me.json()).toMatchObject({ username: 'frontdesk', projectIds: [registry.projects.get('CH')!.id] });
  });

  it('refuses a wrong password and an unknown user with 401 and the same message', async () => {
    const wrong = await login('frontdesk', 'wuye2025');
    const unknown = await login('nobody-here', 'wuye2026');
    const a = expectError(wrong, 401);
    const b = expectError(unknown, 401);
    expect(a.message).toBe('wrong username or password');
    expect(b).toEqual(a);
    expect(wrong.headers['set-cookie']).toBeUndefined();
    expect(unknown.headers['set-cookie']).toBeUndefined();
  });

  it('refuses a login body with extra or missing fields with 400', async () => {
    const extra = await kernel.call(null, 'POST', '/api/auth/login', { username: 'frontdesk', password: 'wuye2026', admin: true });
    expect(expectError(extra, 400).issues.map((i) => i.pointer)).toContain('/admin');
    const missing = await kernel.call(null, 'POST', '/api/auth/login', { username: 'frontdesk' });
    expect(expectError(missing, 400).issues.map((i) => i.pointer)).toContain('/password');
  });

  it('refuses a NUL character in the username with 400 naming it (text no database can store), not a 500', async () => {
    const res = await kernel.app.inject({
      method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' },
      payload: '{"username":"front\\u0000desk","password":"wuye2026"}',
    });
    const body = expectError(res, 400);
    expect(body.issues.map((i) => i.pointer)).toContain('/username');
    expect(body.message).toContain('username');
    expect(res.headers['set-cookie']).toBeUndefined();
  });
});

describe('protected and public routes', () => {
  it('answers 401 without a token', async () => {
    const res = await kernel.call(null, 'GET', '/api/cases/complaint');
    const body = expectError(res, 401);
    expect(body.code).toBe('WUYE_UNAUTHORIZED');
  });

  it('answers 401 to a garbage bearer token or cookie', async () => {
    expectError(await kernel.call('garbage-token', 'GET', '/api/cases/complaint'), 401);
    expectError(await kernel.app.inject({ method: 'GET', url: '/api/cases/complaint', headers: { authorization: 'Bearer ' } }), 401);
    expectError(await kernel.app.inject({ method: 'GET', url: '/api/cases/complaint', cookies: { [SESSION_COOKIE]: 'garbage' } }), 401);
    expectError(await kernel.app.inject({ method: 'POST', url: '/api/cases/complaint', headers: { authorization: 'Bearer garbage' }, payload: { projectId: 1, data: {} } }), 401);
  });

  it('serves /api/health and /api/openapi.json without a session', async () => {
    const health = await kernel.call(null, 'GET', '/api/health');
    expect(health.statusCode).toBe(200);
    expect(health.json()).toEqual({ ok: true });
    const openapi = await kernel.call(null, 'GET', '/api/openapi.json');
    expect(openapi.statusCode).toBe(200);
    expect((openapi.json() as { openapi: string }).openapi).toBe('3.0.3');
  });
});

describe('logout', () => {
  it('revokes the token: later calls with it (bearer or cookie) get 401, other sessions live on', async () => {
    const first = (await login('assistant', 'wuye2026').then((r) => r.json())) as LoginBody;
    const second = (await login('assistant', 'wuye2026').then((r) => r.json())) as LoginBody;
    expect(second.token).not.toBe(first.token);
    expect((await kernel.call(first.token, 'GET', '/api/auth/me')).statusCode).toBe(200); // now cached in memory

    const out = await kernel.call(first.token, 'POST', '/api/auth/logout');
    expect(out.statusCode).toBe(200);
    const cleared = out.cookies.find((c) => c.name === SESSION_COOKIE);
    expect(cleared?.value).toBe('');

    expectError(await kernel.call(first.token, 'GET', '/api/auth/me'), 401);
    expectError(await kernel.app.inject({ method: 'GET', url: '/api/auth/me', cookies: { [SESSION_COOKIE]: first.token } }), 401);
    expectError(await kernel.call(first.token, 'GET', '/api/cases/complaint'), 401);
    const em = kernel.orm.em.fork();
    expect(await em.count(Session, { tokenHash: createHash('sha256').update(first.token).digest('hex') })).toBe(0);

    const still = await kernel.call(second.token, 'GET', '/api/auth/me');
    expect(still.statusCode).toBe(200);
    expect(still.json()).toMatchObject({ username: 'assistant' });
  });
});

describe('credential storage', () => {
  it('stores passwords as argon2id hashes', async () => {
    const em = kernel.orm.em.fork();
    const staff = await em.find(Staff, { companyId: registry.company.id });
    expect(staff.length).toBe(registry.staff.size);
    for (const s of staff) {
      expect(s.passwordHash.startsWith('$argon2id$'), s.username).toBe(true);
      expect(s.passwordHash).not.toBe('wuye2026');
      expect(s.passwordHash).not.toContain('wuye2026');
    }
  });

  it('stores only the SHA-256 of a session token', async () => {
    const { token } = (await login('manager', 'wuye2026').then((r) => r.json())) as LoginBody;
    const em = kernel.orm.em.fork();
    expect(await em.count(Session, { tokenHash: token })).toBe(0);
    const row = await em.findOne(Session, { tokenHash: createHash('sha256').update(token).digest('hex') });
    expect(row).not.toBeNull();
    expect(row!.staffId).toBe(registry.staff.get('manager')!.id);
  });
});

describe('login throttling per address', { timeout: 120_000 }, () => {
  let limited: TestKernel;

  beforeAll(async () => {
    limited = await startTestKernel({ plugins: ['service-desk', 'complaints'], startAt: START, loginRateLimit: { max: 3, timeWindow: 60_000 } });
    await limited.seed();
  });

  afterAll(async () => {
    await limited?.close();
  });

  it('refuses logins from an address after 3 failures in the window with 429, even with the right password; successes never count', async () => {
    // successful logins from one address (an office behind NAT) never use up the limit
    for (let i = 0; i < 5; i++) expect((await login('frontdesk', 'wuye2026', '10.0.0.1', limited)).statusCode).toBe(200);
    expect((await login('frontdesk', 'bad-1', '10.0.0.1', limited)).statusCode).toBe(401);
    expect((await login('supervisor', 'bad-2', '10.0.0.1', limited)).statusCode).toBe(401);
    const third = await login('frontdesk', 'wuye2026', '10.0.0.1', limited);
    expect(third.statusCode).toBe(200);
    const { token } = third.json() as LoginBody;
    expect((await login('manager', 'bad-3', '10.0.0.1', limited)).statusCode).toBe(401);

    const fourth = await login('frontdesk', 'wuye2026', '10.0.0.1', limited);
    const body = expectError(fourth, 429);
    expect(body.error).toBe('Too Many Requests');
    expect(body.code).toBe('WUYE_LOGIN_THROTTLED');
    expect(body.message).toMatch(/too many failed logins for this address/);
    expect(fourth.headers['retry-after']).toBeDefined();
    expect(fourth.headers['set-cookie']).toBeUndefined();
    expect(fourth.body).not.toMatch(/"token"/);

    // the limit is per client address and only on login
    expect((await login('frontdesk', 'wuye2026', '10.0.0.2', limited)).statusCode).toBe(200);
    expect((await limited.call(token, 'GET', '/api/auth/me')).statusCode).toBe(200);
  });
});

describe('OpenAPI document', () => {
  let doc: { paths: Record<string, Record<string, { parameters?: { name: string; in: string; schema: { enum?: string[]; pattern?: string } }[]; requestBody?: unknown; summary?: string }>> };

  beforeAll(async () => {
    const res = await kernel.call(null, 'GET', '/api/openapi.json');
    expect(res.statusCode).toBe(200);
    doc = res.json() as typeof doc;
  });

  it('lists every complaint route with its methods', () => {
    const expected: Record<string, string[]> = {
      '/api/cases/complaint': ['get', 'post'],
      '/api/cases/complaint/summary': ['get'],
      '/api/cases/complaint/{id}': ['get'],
      '/api/cases/complaint/{id}/transitions/{transition}': ['post'],
      '/api/cases/complaint/{id}/events': ['get'],
      '/api/cases/complaint/{id}/documents/{document}': ['get'],
    };
    for (const [path, methods] of Object.entries(expected)) {
      expect(doc.paths[path], path).toBeDefined();
      expect(Object.keys(doc.paths[path]!).sort(), path).toEqual(methods);
    }
    const transition = doc.paths['/api/cases/complaint/{id}/transitions/{transition}']!.post!;
    const param = transition.parameters!.find((p) => p.in === 'path' && p.name === 'transition');
    // companies may add transitions in their configuration: the parameter is an identifier, the summary names the plugin's
    expect(param?.schema.pattern).toBe('^[a-z][a-zA-Z0-9]*$');
    for (const t of ['classify', 'reply', 'handle', 'cancel']) expect(transition.summary).toContain(t);
  });

  it("documents the complaint form in the register route's body", () => {
    const body = doc.paths['/api/cases/complaint']!.post!.requestBody as { content: { 'application/json': { schema: { properties: { data: { properties: Record<string, { maxLength?: number }>; required: string[] } } } } } };
    const data = body.content['application/json'].schema.properties.data;
    expect(data.properties.content?.maxLength).toBe(2000);
    expect(data.required).toEqual(['channel', 'complainantName', 'content']);
  });

  it('lists the configuration routes', () => {
    const expected: Record<string, string[]> = {
      '/api/config': ['get'],
      '/api/config/versions': ['get', 'post'],
      '/api/config/versions/{number}': ['get'],
      '/api/config/check': ['post'],
      '/api/config/versions/{number}/activate': ['post'],
      '/api/config/rollback': ['post'],
    };
    for (const [path, methods] of Object.entries(expected)) {
      expect(doc.paths[path], path).toBeDefined();
      expect(Object.keys(doc.paths[path]!).sort(), path).toEqual(methods);
    }
  });

  it('lists the auth routes and hides itself', () => {
    expect(Object.keys(doc.paths['/api/auth/login'] ?? {})).toEqual(['post']);
    expect(Object.keys(doc.paths['/api/auth/logout'] ?? {})).toEqual(['post']);
    expect(Object.keys(doc.paths['/api/auth/me'] ?? {})).toEqual(['get']);
    expect(doc.paths['/api/openapi.json']).toBeUndefined();
  });
});
