/**
 * Uploads and response headers (issue 13, findings 2, 5 and 9): a company's storage quota and a
 * per-user upload rate refuse with 413/429 naming the limit and store nothing; a disguised file
 * is stored and served under the extension of its real type; every response carries the security
 * headers while print views and downloads keep their stricter policy.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKernel, type TestKernel } from '../../core/testing/harness.js';
import type { SeededRegistry } from '../../core/registry/seed-registry.js';
import { DEFAULT_UPLOAD_LIMITS, uploadLimitsFor } from '../../core/http/upload-budget.js';

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');
const JPEG = Buffer.from('ffd8ffe000104a46494600010100000100010000ffd9', 'hex');
interface ErrorBody { code: string; message: string; issues: { pointer: string; code: string; message: string }[] }

let kernel: TestKernel;
let reg: SeededRegistry;
const t: Record<string, string> = {};

function upload(token: string, name: string, content: Buffer) {
  const boundary = '----wuye' + Math.random().toString(16).slice(2);
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/html\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return kernel.app.inject({ method: 'POST', url: '/api/attachments', headers: { authorization: `Bearer ${token}`, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
}

const stored = async () => Number((await kernel.orm.em.getConnection().execute<{ n: number }[]>('select count(*) as n from attachment'))[0]!.n);

async function configure(uploads: Record<string, number>) {
  const v = await kernel.call(t.admin!, 'POST', '/api/config/versions', { reason: '附件限额', patch: { uploads } });
  expect(v.statusCode, v.body).toBe(201);
  const a = await kernel.call(t.admin!, 'POST', `/api/config/versions/${(v.json() as { number: number }).number}/activate`, {});
  expect(a.statusCode, a.body).toBe(200);
}

beforeAll(async () => {
  kernel = await startTestKernel({ plugins: ['service-desk', 'complaints'], startAt: '2026-11-02T09:00:00+08:00' });
  reg = await kernel.seed();
  for (const u of ['admin', 'technician', 'frontdesk', 'supervisor']) t[u] = await kernel.login(u);
}, 120_000);
afterAll(async () => kernel?.close());

describe('disguised uploads', () => {
  it('stores a PNG with HTML appended, uploaded as x.html, as x.png and serves it as an image', async () => {
    const disguised = Buffer.concat([PNG, Buffer.from('<html><body><script>alert(document.cookie)</script></body></html>')]);
    const res = await upload(t.frontdesk!, 'x.html', disguised);
    expect(res.statusCode, res.body).toBe(201);
    const att = res.json() as { id: string; name: string; type: string };
    expect(att).toMatchObject({ name: 'x.png', type: 'image/png' });
    const back = await kernel.call(t.frontdesk!, 'GET', `/api/attachments/${att.id}`);
    expect(back.statusCode).toBe(200);
    expect(back.headers['content-type']).toBe('image/png');
    expect(back.headers['content-disposition']).toBe(`inline; filename="x.png"; filename*=UTF-8''x.png`);
    expect(back.headers['x-content-type-options']).toBe('nosniff');
    expect(back.headers['content-security-policy']).toBe("default-src 'none'");
  });

  it('keeps a matching extension and its spelling, and names files without one by their type', async () => {
    const names = async (name: string, content: Buffer) => ((await upload(t.frontdesk!, name, content)).json() as { name: string }).name;
    expect(await names('现场照片.JPEG', JPEG)).toBe('现场照片.JPEG');
    expect(await names('scan.jpg', JPEG)).toBe('scan.jpg');
    expect(await names('photo.png.svg', PNG)).toBe('photo.png.png');
    expect(await names('no-extension', PNG)).toBe('no-extension.png');
    expect(await names('.htaccess', PNG)).toBe('.htaccess.png');
    const jpegAsPdf = (await upload(t.frontdesk!, 'invoice.pdf', JPEG)).json() as { id: string; name: string };
    expect(jpegAsPdf.name).toBe('invoice.jpg');
    const back = await kernel.call(t.frontdesk!, 'GET', `/api/attachments/${jpegAsPdf.id}`);
    expect(back.headers['content-disposition']).toContain(`filename*=UTF-8''invoice.jpg`);
  });
});

describe('upload budget', () => {
  it('applies the defaults until the company configures its own', async () => {
    expect(await uploadLimitsFor(kernel.configs, reg.company.id, kernel.clock.now())).toEqual(DEFAULT_UPLOAD_LIMITS);
    expect(DEFAULT_UPLOAD_LIMITS).toEqual({ storageQuotaMiB: 2048, perUserPerHour: 60 });
  });

  it('refuses a bad upload setting when the configuration is checked, naming it', async () => {
    const res = await kernel.call(t.admin!, 'POST', '/api/config/versions', { reason: '错误限额', patch: { uploads: { perUserPerHour: 0, maxFiles: 3 } } });
    expect(res.statusCode, res.body).toBe(400);
    const pointers = (res.json() as ErrorBody).issues.map((i) => i.pointer);
    expect(pointers.some((p) => p.endsWith('/uploads/perUserPerHour'))).toBe(true);
  });

  it('refuses a technician uploading faster than uploads.perUserPerHour with 429, storing nothing; others and the next hour go on', async () => {
    await configure({ perUserPerHour: 3 });
    for (let i = 0; i < 3; i++) expect((await upload(t.technician!, `p${i}.png`, PNG)).statusCode).toBe(201);
    const before = await stored();
    const refused = await upload(t.technician!, 'p3.png', PNG);
    expect(refused.statusCode, refused.body).toBe(429);
    const body = refused.json() as ErrorBody;
    expect(body.code).toBe('WUYE_UPLOAD_RATE');
    expect(body.message).toContain('uploads.perUserPerHour');
    expect(body.message).toContain('3 files an hour');
    expect(body.issues[0]).toMatchObject({ pointer: '/file', code: 'upload-rate' });
    expect(await stored()).toBe(before);
    expect((await upload(t.supervisor!, 's.png', PNG)).statusCode).toBe(201);
    kernel.clock.advance(61 * 60_000);
    expect((await upload(t.technician!, 'p4.png', PNG)).statusCode).toBe(201);
  });

  it("refuses an upload that would take the company over uploads.storageQuotaMiB with 413, storing nothing", async () => {
    await configure({ perUserPerHour: 100, storageQuotaMiB: 1 });
    const big = Buffer.concat([PNG, Buffer.alloc(600 * 1024)]);
    expect((await upload(t.frontdesk!, 'big1.png', big)).statusCode).toBe(201);
    const before = await stored();
    const refused = await upload(t.frontdesk!, 'big2.png', big);
    expect(refused.statusCode, refused.body).toBe(413);
    const body = refused.json() as ErrorBody;
    expect(body.code).toBe('WUYE_STORAGE_QUOTA');
    expect(body.message).toContain('uploads.storageQuotaMiB');
    expect(body.message).toContain('1 MiB');
    expect(body.issues[0]).toMatchObject({ pointer: '/file', code: 'storage-quota' });
    expect(await stored()).toBe(before);
    // small files still fit
    expect((await upload(t.frontdesk!, 'small.png', PNG)).statusCode).toBe(201);
  });
});

describe('security headers', () => {
  it('sends a CSP that forbids framing, X-Frame-Options and Referrer-Policy', async () => {
    const res = await kernel.call(null, 'GET', '/api/health');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(/script-src 'self'/);
    expect(csp).toContain("object-src 'none'");
    // no inline script, no script from elsewhere (eval stays for the forms runtime's ajv: see security-headers.ts)
    expect(csp).not.toMatch(/script-src[^;]*(unsafe-inline|\*|https?:)/);
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('keeps the stricter policy of print views', async () => {
    const created = await kernel.call(t.frontdesk!, 'POST', '/api/cases/complaint', { projectId: reg.projects.get('CH')!.id, data: { channel: 'letter', complainantName: '王芳', content: '楼道灯坏了' } });
    expect(created.statusCode, created.body).toBe(201);
    const sheet = await kernel.call(t.supervisor!, 'GET', `/api/cases/complaint/${(created.json() as { id: number }).id}/documents/sheet`);
    expect(sheet.statusCode).toBe(200);
    expect(sheet.headers['content-security-policy']).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    expect(sheet.headers['x-frame-options']).toBe('DENY');
  });
});
