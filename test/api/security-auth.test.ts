/**
 * Login throttling, password policy, self-service password change, cookie settings and the
 * cross-site request guard (issue 13, findings 6 and 7), each shown by the attack it stops.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { startTestKernel, type TestKernel } from '../../core/testing/harness.js';
import { AuditEntry, LoginThrottle, Staff } from '../../core/db/entities/index.js';
import { secureCookiesFromEnv, trustProxyFromEnv } from '../../core/http/security-settings.js';

// every login verifies an argon2 hash: tests of many logins get 120 s on this shared machine
const START = '2026-09-30T10:00:00+08:00';
const SESSION_COOKIE = 'wuye_session';
interface ErrorBody { statusCode: number; code: string; message: string; issues: { pointer: string; code: string; message: string }[] }

function login(k: TestKernel, username: string, password: string, remoteAddress = '10.0.0.1', headers: Record<string, string> = {}) {
  return k.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress, headers });
}

describe('login throttling counts failures only', { timeout: 120_000 }, () => {
  let k: TestKernel;
  beforeAll(async () => {
    // 3 failed logins per address per minute: small, so the test reaches it
    k = await startTestKernel({ plugins: ['service-desk'], startAt: START, loginRateLimit: { max: 3, timeWindow: 60_000 } });
    await k.seed();
  });
  afterAll(async () => k?.close());

  it('never locks out an office behind one address that logs in successfully (12 logins in a minute, limit 3 failures)', async () => {
    for (let i = 0; i < 12; i++) {
      const res = await login(k, i % 2 ? 'frontdesk' : 'supervisor', 'wuye2026', '203.0.113.7');
      expect(res.statusCode, `login ${i + 1}: ${res.body}`).toBe(200);
    }
  });

  it('locks an address after its failed logins (429 naming the address, Retry-After) — other addresses and the window end let logins through', async () => {
    for (let i = 0; i < 3; i++) expect((await login(k, `guess-${i}`, 'nope-nope', '198.51.100.1')).statusCode).toBe(401);
    const locked = await login(k, 'frontdesk', 'wuye2026', '198.51.100.1');
    expect(locked.statusCode, locked.body).toBe(429);
    const body = locked.json() as ErrorBody;
    expect(body.code).toBe('WUYE_LOGIN_THROTTLED');
    expect(body.message).toContain('this address');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    expect(locked.headers['set-cookie']).toBeUndefined();
    expect((await login(k, 'frontdesk', 'wuye2026', '198.51.100.2')).statusCode).toBe(200);
    k.clock.advance(61_000);
    expect((await login(k, 'frontdesk', 'wuye2026', '198.51.100.1')).statusCode).toBe(200);
  });

  it('throttles a distributed guesser per username with growing backoff, whichever address it uses; the right password afterwards clears it', async () => {
    for (let i = 0; i < 5; i++) expect((await login(k, 'cashier', `guess-${i}`, `192.0.2.${i + 1}`)).statusCode).toBe(401);
    // the 6th try, from yet another address and even with the right password, waits 30 s
    const first = await login(k, 'cashier', 'wuye2026', '192.0.2.50');
    expect(first.statusCode, first.body).toBe(429);
    expect((first.json() as ErrorBody).message).toContain('this username');
    expect(first.headers['retry-after']).toBe('30');
    // an unknown username is throttled the same way: a lock says nothing about who exists
    for (let i = 0; i < 5; i++) await login(k, 'no-such-user', `guess-${i}`, `192.0.2.${i + 60}`);
    expect((await login(k, 'no-such-user', 'x-x-x-x', '192.0.2.99')).headers['retry-after']).toBe('30');

    k.clock.advance(31_000);
    expect((await login(k, 'cashier', 'guess-6', '192.0.2.51')).statusCode).toBe(401);
    const second = await login(k, 'cashier', 'wuye2026', '192.0.2.52');
    expect(second.statusCode).toBe(429);
    expect(second.headers['retry-after']).toBe('60'); // doubled
    k.clock.advance(61_000);
    expect((await login(k, 'cashier', 'wuye2026', '192.0.2.53')).statusCode).toBe(200);
    // the success cleared the username's count: one more typo is just a 401
    expect((await login(k, 'cashier', 'typo-typo', '192.0.2.54')).statusCode).toBe(401);
    expect((await login(k, 'cashier', 'wuye2026', '192.0.2.55')).statusCode).toBe(200);
  });

  it('keeps the counters in the database, where every server process sees them', async () => {
    for (let i = 0; i < 5; i++) await login(k, 'finance', `guess-${i}`, `192.0.2.${i + 100}`);
    expect((await login(k, 'finance', 'wuye2026', '192.0.2.110')).statusCode).toBe(429);
    const em = k.orm.em.fork();
    const row = await em.findOne(LoginThrottle, { key: 'user:finance' });
    expect(row).toMatchObject({ failures: 5 });
    expect(row!.lockedUntil!.getTime()).toBeGreaterThan(k.clock.now().getTime());
    // nothing held in memory: clearing the row (as another instance's success would) lifts the lock
    await em.nativeDelete(LoginThrottle, { key: 'user:finance' });
    expect((await login(k, 'finance', 'wuye2026', '192.0.2.110')).statusCode).toBe(200);
  });

  it('ignores X-Forwarded-For unless trustProxy is set', async () => {
    // without trustProxy, a guesser cannot dodge the address limit by inventing forwarded addresses
    for (let i = 0; i < 3; i++) await login(k, `xff-${i}`, 'nope-nope', '198.51.100.9', { 'x-forwarded-for': `10.1.0.${i}` });
    expect((await login(k, 'frontdesk', 'wuye2026', '198.51.100.9', { 'x-forwarded-for': '10.1.0.77' })).statusCode).toBe(429);
  });
});

describe('trustProxy setting', { timeout: 120_000 }, () => {
  let k: TestKernel;
  beforeAll(async () => {
    k = await startTestKernel({ plugins: ['service-desk'], startAt: START, loginRateLimit: { max: 3, timeWindow: 60_000 }, trustProxy: '127.0.0.1' });
    await k.seed();
  });
  afterAll(async () => k?.close());

  it('behind a trusted proxy, counts each forwarded client address on its own', async () => {
    for (let i = 0; i < 3; i++) await login(k, `xff-${i}`, 'nope-nope', '127.0.0.1', { 'x-forwarded-for': '10.9.0.1' });
    expect((await login(k, 'frontdesk', 'wuye2026', '127.0.0.1', { 'x-forwarded-for': '10.9.0.1' })).statusCode).toBe(429);
    expect((await login(k, 'frontdesk', 'wuye2026', '127.0.0.1', { 'x-forwarded-for': '10.9.0.2' })).statusCode).toBe(200);
  });

  it('reads WUYE_TRUST_PROXY: true, a hop count, or a list of proxies', () => {
    expect(trustProxyFromEnv(undefined)).toBe(false);
    expect(trustProxyFromEnv('true')).toBe(true);
    expect(trustProxyFromEnv('1')).toBe(1);
    expect(trustProxyFromEnv('10.0.0.1, 192.168.0.0/16')).toBe('10.0.0.1,192.168.0.0/16');
  });
});

describe('passwords', { timeout: 120_000 }, () => {
  let k: TestKernel;
  let admin: string;
  beforeAll(async () => {
    k = await startTestKernel({ plugins: ['service-desk'], startAt: START });
    await k.seed();
    admin = await k.login('admin');
  });
  afterAll(async () => k?.close());

  it('refuses short, common and guessable passwords for a new account, naming /password, and creates nothing', async () => {
    const em = k.orm.em.fork();
    const before = { staff: await em.count(Staff, {}), audit: await em.count(AuditEntry, {}) };
    const cases: [string, string][] = [['aaaaaaaa', 'weak-password'], ['12345678', 'common-password'], ['password', 'common-password'], ['Password1', 'common-password'], ['newdesk2026', 'weak-password']];
    for (const [password, code] of cases) {
      const res = await k.call(admin, 'POST', '/api/staff', { username: 'newdesk', name: '新前台', password, roles: ['frontDesk'], projectIds: [] });
      expect(res.statusCode, `${password}: ${res.body}`).toBe(400);
      expect((res.json() as ErrorBody).issues).toEqual([expect.objectContaining({ pointer: '/password', code })]);
    }
    const short = await k.call(admin, 'POST', '/api/staff', { username: 'newdesk', name: '新前台', password: 'a1b2', roles: ['frontDesk'], projectIds: [] });
    expect((short.json() as ErrorBody).issues.map((i) => i.pointer)).toEqual(['/password']);
    expect({ staff: await em.count(Staff, {}), audit: await em.count(AuditEntry, {}) }).toEqual(before);
    const ok = await k.call(admin, 'POST', '/api/staff', { username: 'newdesk', name: '新前台', password: 'lotus-gate-47', roles: ['frontDesk'], projectIds: [] });
    expect(ok.statusCode, ok.body).toBe(201);
  });

  it('refuses a common password when an admin changes one (PATCH /api/staff/:id)', async () => {
    const list = (await k.call(admin, 'GET', '/api/staff')).json().items as { id: number; username: string }[];
    const desk = list.find((s) => s.username === 'frontdesk')!;
    const res = await k.call(admin, 'PATCH', `/api/staff/${desk.id}`, { password: 'qwertyuiop' });
    expect(res.statusCode).toBe(400);
    expect((res.json() as ErrorBody).issues[0]).toMatchObject({ pointer: '/password', code: 'common-password' });
    expect((await login(k, 'frontdesk', 'wuye2026')).statusCode).toBe(200);
  });

  it('lets staff change their own password: current one checked, policy applied, other sessions ended, this one kept, audited without the password', async () => {
    const here = await k.login('assistant');
    const elsewhere = await k.login('assistant');
    const wrong = await k.call(here, 'POST', '/api/auth/password', { currentPassword: 'not-it-at-all', newPassword: 'harbour-lamp-93' });
    expect(wrong.statusCode).toBe(400);
    expect((wrong.json() as ErrorBody).issues[0]).toMatchObject({ pointer: '/currentPassword', code: 'wrong-password' });
    const weak = await k.call(here, 'POST', '/api/auth/password', { currentPassword: 'wuye2026', newPassword: 'iloveyou' });
    expect((weak.json() as ErrorBody).issues[0]).toMatchObject({ pointer: '/newPassword', code: 'common-password' });
    expect((await k.call(elsewhere, 'GET', '/api/auth/me')).statusCode).toBe(200);

    const changed = await k.call(here, 'POST', '/api/auth/password', { currentPassword: 'wuye2026', newPassword: 'harbour-lamp-93' });
    expect(changed.statusCode, changed.body).toBe(200);
    expect((await k.call(elsewhere, 'GET', '/api/auth/me')).statusCode).toBe(401);
    expect((await k.call(here, 'GET', '/api/auth/me')).statusCode).toBe(200);
    expect((await login(k, 'assistant', 'wuye2026')).statusCode).toBe(401);
    expect((await login(k, 'assistant', 'harbour-lamp-93')).statusCode).toBe(200);
    const audit = await k.orm.em.fork().find(AuditEntry, { action: 'staff.password' });
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0]!.data)).not.toContain('harbour');
  });

  it('counts wrong current passwords as failed logins (a stolen session cannot guess the password)', async () => {
    const token = await k.login('engineering');
    for (let i = 0; i < 5; i++) expect((await k.call(token, 'POST', '/api/auth/password', { currentPassword: `guess-${i}-x`, newPassword: 'harbour-lamp-93' })).statusCode).toBe(400);
    const locked = await k.call(token, 'POST', '/api/auth/password', { currentPassword: 'wuye2026', newPassword: 'harbour-lamp-93' });
    expect(locked.statusCode).toBe(429);
  });
});

describe('session cookie and cross-site requests', { timeout: 120_000 }, () => {
  let k: TestKernel;
  let cookie: string;
  const savedEnv = { ...process.env };
  beforeAll(async () => {
    k = await startTestKernel({ plugins: ['service-desk'], startAt: START });
    await k.seed();
  });
  afterAll(async () => {
    process.env = savedEnv;
    await k?.close();
  });
  const freshCookie = async () => (await login(k, 'frontdesk', 'wuye2026')).cookies.find((c) => c.name === SESSION_COOKIE)!.value;
  const expectCsrf = (res: LightMyRequestResponse) => {
    expect(res.statusCode, res.body).toBe(403);
    expect((res.json() as ErrorBody).code).toBe('WUYE_CSRF');
  };

  it('refuses a cookie-authenticated logout from another origin and keeps the session', async () => {
    cookie = await freshCookie();
    const evil = await k.app.inject({ method: 'POST', url: '/api/auth/logout', cookies: { [SESSION_COOKIE]: cookie }, headers: { origin: 'https://evil.example' } });
    expectCsrf(evil);
    expect((evil.json() as ErrorBody).message).toContain('https://evil.example');
    const fetchMeta = await k.app.inject({ method: 'POST', url: '/api/auth/logout', cookies: { [SESSION_COOKIE]: cookie }, headers: { 'sec-fetch-site': 'cross-site' } });
    expectCsrf(fetchMeta);
    // nor by spelling the path differently
    const encoded = await k.app.inject({ method: 'POST', url: '/%61pi/auth/logout', cookies: { [SESSION_COOKIE]: cookie }, headers: { origin: 'https://evil.example' } });
    expect([403, 404]).toContain(encoded.statusCode);
    expect((await k.app.inject({ method: 'GET', url: '/api/auth/me', cookies: { [SESSION_COOKIE]: cookie } })).statusCode).toBe(200);
  });

  it('refuses a cookie-authenticated multipart upload from another origin and stores nothing', async () => {
    const boundary = '----wuyecsrf';
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');
    const payload = Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="x.png"\r\nContent-Type: image/png\r\n\r\n`), png, Buffer.from(`\r\n--${boundary}--\r\n`)]);
    const before = Number((await k.orm.em.getConnection().execute<{ n: number }[]>('select count(*) as n from attachment'))[0]!.n);
    const evil = await k.app.inject({ method: 'POST', url: '/api/attachments', payload, cookies: { [SESSION_COOKIE]: cookie }, headers: { origin: 'https://evil.example', 'content-type': `multipart/form-data; boundary=${boundary}` } });
    expectCsrf(evil);
    expect(Number((await k.orm.em.getConnection().execute<{ n: number }[]>('select count(*) as n from attachment'))[0]!.n)).toBe(before);
    // the same upload from the app's own page goes through
    const own = await k.app.inject({ method: 'POST', url: '/api/attachments', payload, cookies: { [SESSION_COOKIE]: cookie }, headers: { origin: 'http://localhost:80', 'sec-fetch-site': 'same-origin', 'content-type': `multipart/form-data; boundary=${boundary}` } });
    expect(own.statusCode, own.body).toBe(201);
  });

  it('refuses a login posted from another site (login CSRF); accepts bearer-token requests whatever their Origin', async () => {
    expectCsrf(await login(k, 'frontdesk', 'wuye2026', '10.0.0.1', { origin: 'https://evil.example' }));
    const token = await k.login('frontdesk');
    const bearer = await k.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { authorization: `Bearer ${token}`, origin: 'https://evil.example' } });
    expect(bearer.statusCode).toBe(200);
    // reading is not a change: GET with a foreign Origin is answered (CORS keeps the answer from the other page)
    expect((await k.app.inject({ method: 'GET', url: '/api/auth/me', cookies: { [SESSION_COOKIE]: cookie }, headers: { origin: 'https://evil.example' } })).statusCode).toBe(200);
  });

  it('marks the session cookie Secure in production by default, with WUYE_SECURE_COOKIES to override', async () => {
    expect(secureCookiesFromEnv({ NODE_ENV: 'production' })).toBe(true);
    expect(secureCookiesFromEnv({ NODE_ENV: 'production', WUYE_SECURE_COOKIES: '0' })).toBe(false);
    expect(secureCookiesFromEnv({ NODE_ENV: 'development', WUYE_SECURE_COOKIES: '1' })).toBe(true);
    expect(secureCookiesFromEnv({})).toBe(false);
    process.env.NODE_ENV = 'production';
    delete process.env.WUYE_SECURE_COOKIES;
    const prod = await startTestKernel({ plugins: ['service-desk'], startAt: START });
    try {
      await prod.seed();
      const res = await login(prod, 'frontdesk', 'wuye2026');
      expect(res.cookies.find((c) => c.name === SESSION_COOKIE)!.secure).toBe(true);
      expect(String(res.headers['set-cookie'])).toMatch(/;\s*Secure/i);
    } finally {
      process.env = { ...savedEnv };
      await prod.close();
    }
    const dev = await login(k, 'frontdesk', 'wuye2026');
    expect(dev.cookies.find((c) => c.name === SESSION_COOKIE)!.secure).toBeFalsy();
  });
});
