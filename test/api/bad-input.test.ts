/**
 * Bad input over HTTP: every class of bad request is refused with the documented status and the
 * one error shape `{ statusCode, code, error, message, issues[] }` naming the field, and nothing
 * is written (cases, events, clocks, follow-ups and serial counters are compared before/after).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { demoRegistry, startTestKernel, type TestKernel } from '../../core/testing/harness.js';
import type { RegistryDocument, SeededRegistry } from '../../core/registry/seed-registry.js';
import { CaseDeadline, CaseEvent, Counter, FollowUp, WorkCase } from '../../core/db/entities/index.js';

interface Issue { pointer: string; code: string; message: string }
interface ErrorBody { statusCode: number; code: string; error: string; message: string; issues: Issue[] }
interface CaseBody { id: number; state: string; version: number; data: Record<string, unknown>; availableTransitions: string[] }

const MAX_ID = 2147483647;

let kernel: TestKernel;
let demo: SeededRegistry;
let other: SeededRegistry;
const tokens: Record<string, string> = {};

/** ids of the demo company (company 1) */
let ch: number; let jr: number; let chUnit: number; let chPerson: number; let jrUnit: number; let jrPerson: number;
/** ids of the second company */
let bch: number; let bchUnit: number; let bchPerson: number;
/** a case of each: company 1 / CH, company 1 / JR, company 2 / BCH */
let chCase: CaseBody; let jrCase: CaseBody; let otherCase: CaseBody;

function secondCompany(): RegistryDocument {
  const doc = demoRegistry();
  const codes: Record<string, string> = { CH: 'BCH', JR: 'BJR' };
  doc.company = { code: 'BETA', name: '贝塔物业管理有限公司' };
  doc.projects = doc.projects.map((p) => ({ ...p, code: codes[p.code]!, name: `贝塔${p.name}` }));
  doc.staff = doc.staff.map((s) => ({ ...s, username: `b-${s.username}`, projects: s.projects === '*' ? '*' : s.projects.map((c) => codes[c]!) }));
  return doc;
}

function complaint(projectId: number, unitId: number | null, personId: number | null, data: Record<string, unknown> = {}) {
  return {
    projectId, unitId, personId,
    data: { channel: 'phone', complainantName: '张伟', contactPhone: '13800000001', content: '楼道灯坏了', ...data },
  };
}

const validComplaint = (data: Record<string, unknown> = {}) => complaint(ch, chUnit, chPerson, data);

/** counts of every row a case write touches, plus the serial counters' values */
async function snapshot() {
  const em = kernel.orm.em.fork();
  const counters = await em.find(Counter, {}, { orderBy: { companyId: 'asc', key: 'asc' } });
  return {
    cases: await em.count(WorkCase, {}),
    events: await em.count(CaseEvent, {}),
    deadlines: await em.count(CaseDeadline, {}),
    followUps: await em.count(FollowUp, {}),
    counters: counters.map((c) => `${c.companyId}/${c.key}=${c.value}`),
  };
}

/** A refused request: the database looks exactly the same afterwards. */
async function refused(request: () => Promise<LightMyRequestResponse>): Promise<LightMyRequestResponse> {
  const before = await snapshot();
  const res = await request();
  expect(await snapshot(), `written despite ${res.statusCode} ${res.body.slice(0, 300)}`).toEqual(before);
  return res;
}

/** Checks the one error shape and returns the body. */
function expectError(res: LightMyRequestResponse, status: number, code?: string): ErrorBody {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  const body = res.json() as ErrorBody;
  expect(body).toEqual({
    statusCode: status,
    code: expect.any(String),
    error: expect.any(String),
    message: expect.any(String),
    issues: expect.any(Array),
  });
  if (code) expect(body.code).toBe(code);
  expect(body.message.length).toBeGreaterThan(0);
  for (const issue of body.issues) expect(issue).toEqual({ pointer: expect.any(String), code: expect.any(String), message: expect.any(String), ...('params' in issue ? { params: expect.any(Object) } : {}) });
  return body;
}

/** A 400 whose issues contain `pointer` (with `code` when given) and whose message names the field. */
function expectFieldError(res: LightMyRequestResponse, pointer: string, code?: string): ErrorBody {
  const body = expectError(res, 400, 'WUYE_VALIDATION');
  const issue = body.issues.find((i) => i.pointer === pointer);
  expect(issue, `no issue at ${pointer}: ${JSON.stringify(body.issues)}`).toBeDefined();
  if (code) expect(issue!.code).toBe(code);
  const field = pointer.split('/').filter(Boolean).join('.');
  expect(body.message).toContain(field);
  return body;
}

async function createCase(username: string, body: unknown): Promise<CaseBody> {
  const res = await kernel.call(tokens[username]!, 'POST', '/api/cases/complaint', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as CaseBody;
}

async function getCase(username: string, id: number): Promise<CaseBody> {
  const res = await kernel.call(tokens[username]!, 'GET', `/api/cases/complaint/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as CaseBody;
}

const classification = { nature: 'valid', severity: 'minor', category: 'facilities' };

beforeAll(async () => {
  kernel = await startTestKernel({ plugins: ['service-desk', 'complaints'], startAt: '2026-09-30T10:00:00+08:00' });
  demo = await kernel.seed();
  other = await kernel.seed(secondCompany());
  ch = demo.projects.get('CH')!.id;
  jr = demo.projects.get('JR')!.id;
  chUnit = demo.units.get('CH/1/101')!.id;
  chPerson = demo.people.get('张伟')!.id;
  jrUnit = demo.units.get('JR/A/1001')!.id;
  jrPerson = demo.people.get('吴刚')!.id;
  bch = other.projects.get('BCH')!.id;
  bchUnit = other.units.get('BCH/1/101')!.id;
  bchPerson = other.people.get('张伟')!.id;
  expect(other.company.id).not.toBe(demo.company.id);
  for (const u of ['frontdesk', 'frontdesk-jr', 'supervisor', 'manager', 'technician', 'b-frontdesk', 'b-manager']) tokens[u] = await kernel.login(u);

  chCase = await createCase('frontdesk', validComplaint());
  jrCase = await createCase('frontdesk-jr', complaint(jr, jrUnit, jrPerson));
  otherCase = await createCase('b-frontdesk', complaint(bch, bchUnit, bchPerson));
});

afterAll(async () => {
  await kernel?.close();
});

describe('malformed and oversized bodies', () => {
  it('refuses a malformed JSON body with 400', async () => {
    const res = await refused(() => kernel.app.inject({
      method: 'POST', url: '/api/cases/complaint',
      headers: { authorization: `Bearer ${tokens.frontdesk}`, 'content-type': 'application/json' },
      payload: '{"projectId": 1,',
    }));
    const body = expectError(res, 400);
    expect(body.message).toMatch(/JSON/);
  });

  it('refuses a body over 1 MiB with 413', async () => {
    const payload = JSON.stringify(validComplaint({ content: 'a'.repeat(1024 * 1024 + 16) }));
    expect(Buffer.byteLength(payload)).toBeGreaterThan(1024 * 1024);
    const res = await refused(() => kernel.app.inject({
      method: 'POST', url: '/api/cases/complaint',
      headers: { authorization: `Bearer ${tokens.frontdesk}`, 'content-type': 'application/json' },
      payload,
    }));
    const body = expectError(res, 413);
    expect(body.message).toMatch(/body/i);
  });
});

describe('wrong types and extra fields', () => {
  it('refuses projectId given as a string (no coercion)', async () => {
    const res = await refused(() => kernel.call(tokens.frontdesk!, 'POST', '/api/cases/complaint', { ...validComplaint(), projectId: String(ch) }));
    expectFieldError(res, '/projectId', 'type');
  });

  it('refuses data.content given as a number', async () => {
    const res = await refused(() => kernel.call(tokens.frontdesk!, 'POST', '/api/cases/complaint', validComplaint({ content: 123 })));
    expectFieldError(res, '/data/content', 'type');
  });

  it('refuses an extra field in the envelope', async () => {
    const res = await refused(() => kernel.call(tokens.frontdesk!, 'POST', '/api/cases/complaint', { ...validComplaint(), hacker: true }));
    expectFieldError(res, '/hacker', 'additionalProperties');
  });

  it('refuses an extra field inside data', async () => {
    const res = await refused(() => kernel.call(tokens.frontdesk!, 'POST', '/api/cases/complaint', validComplaint({ extra: 'x' })));
    expectFieldError(res, '/data/extra', 'additionalProperties');
  });

  it('refuses an extra field in a transition envelope and in its form', async () => {
    const envelope = await refused(() => kernel.call(tokens.supervisor!, 'POST', `/api/cases/complaint/${chCase.id}/transitions/classify`, { version: 1, data: classification, hacker: true }));
    expectFieldError(envelope, '/hacker', 'additionalProperties');
    const form = await refused(() => kernel.call(tokens.supervisor!, 'POST', `/api/cases/complaint/${chCase.id}/transitions/classify`, { version: 1, data: { ...classification, extra: 1 } }));
    expectFieldError(form, '/data/extra', 'additionalProperties');
    expect((await getCase('supervisor', chCase.id))).toMatchObject({ state: 'registered', version: 1 });
  });
});

describe('missing, conditionally required and hidden fields', () => {
  it('refuses a complaint without data.content', async () => {
    const body = validComplaint();
    delete (body.data as Record<string, unknown>).content;
    const res = await refused(() => kernel.call(tokens.frontdesk!, 'POST', '/api/cases/complaint', body));
    expectFieldError(res, '/data/content', 'required');
  });

  it('requires contactPhone when the channel is phone (server-side requiredIf)', async () => {
    const body = validComplaint();
    delete (body.data as Record<string, unknown>).contactPhone;
    const res = await refused(() => kernel.call(tokens.frontdesk!, 'POST', '/api/cases/complaint', body));
    expectFieldError(res, '/data/contactPhone', 'required');
  });

  it('does not require contactPhone for a letter (the rule is conditional)', async () => {
    const body = validComplaint({ channel: 'letter' });
    delete (body.data as Record<string, unknown>).contactPhone;
    const before = await snapshot();
    const created = await createCase('frontdesk', body);
    expect(created.state).toBe('registered');
    expect((await snapshot()).cases).toBe(before.cases + 1);
  });

  it('refuses channelOther when the channel is not "other" (hidden field)', async () => {
    const res = await refused(() => kernel.call(tokens.frontdesk!, 'POST', '/api/cases/complaint', validComplaint({ channelOther: '投诉箱' })));
    expectFieldError(res, '/data/channelOther', 'hidden-field');
  });

  it('requires channelOther when the channel is "other"', async () => {
    const res = await refused(() => kernel.call(tokens.frontdesk!, 'POST', '/api/cases/complaint', validComplaint({ channel: 'other' })));
    expectFieldError(res, '/data/channelOther', 'required');
  });

  it('refuses content longer than its maxLength (2000)', async () => {
    const res = await refused(() => kernel.call(tokens.frontdesk!, 'POST', '/api/cases/complaint', validComplaint({ content: '灯'.repeat(2001) })));
    expectFieldError(res, '/data/content', 'maxLength');
  });

  it('accepts content of exactly maxLength', async () => {
    const created = await createCase('frontdesk', validComplaint({ content: '灯'.repeat(2000) }));
    expect((created.data.content as string).length).toBe(2000);
  });
});

describe('text no database can store (NUL, unpaired surrogates)', () => {
  // PostgreSQL rejects U+0000 in text and jsonb and unpaired surrogates in UTF-8; SQLite stops at a
  // raw NUL in the statement. Refusing such text up front is the only behaviour both can honour.
  const raw = (token: string, url: string, payload: string) => kernel.app.inject({
    method: 'POST', url, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, payload,
  });
  const registerWithContent = (escapedContent: string) => JSON.stringify(validComplaint({ content: 'CONTENT' })).replace('"CONTENT"', `"${escapedContent}"`);

  it('refuses a NUL character in a form field with 400 naming it', async () => {
    const res = await refused(() => raw(tokens.frontdesk!, '/api/cases/complaint', registerWithContent('灯\\u0000坏了')));
    expectFieldError(res, '/data/content');
  });

  it('refuses an unpaired surrogate in a form field with 400 naming it', async () => {
    const res = await refused(() => raw(tokens.frontdesk!, '/api/cases/complaint', registerWithContent('灯\\ud800坏了')));
    expectFieldError(res, '/data/content');
  });

  it("refuses a NUL character in a transition's form with 400 naming it", async () => {
    const c = await createCase('frontdesk', validComplaint({ content: '垃圾未清运' }));
    const payload = JSON.stringify({ version: 1, data: { ...classification, classificationNote: 'NOTE' } }).replace('"NOTE"', '"a\\u0000b"');
    const res = await refused(() => raw(tokens.supervisor!, `/api/cases/complaint/${c.id}/transitions/classify`, payload));
    expectFieldError(res, '/data/classificationNote');
    expect(await getCase('supervisor', c.id)).toMatchObject({ state: 'registered', version: 1 });
  });

  it('refuses a NUL character in a list filter with 400 naming it', async () => {
    const res = await kernel.call(tokens.manager!, 'GET', '/api/cases/complaint?q=a%00b');
    expectFieldError(res, '/querystring/q');
  });
});

describe('unknown ids and other companies (no existence leak)', () => {
  it('refuses an unknown project id with 404', async () => {
    const res = await refused(() => kernel.call(tokens.manager!, 'POST', '/api/cases/complaint', complaint(MAX_ID, null, null)));
    const body = expectError(res, 404, 'WUYE_NOT_FOUND');
    expect(body.message).toMatch(/project/);
  });

  it('refuses an unknown unit id with 404', async () => {
    const res = await refused(() => kernel.call(tokens.frontdesk!, 'POST', '/api/cases/complaint', complaint(ch, MAX_ID, null)));
    const body = expectError(res, 404, 'WUYE_NOT_FOUND');
    expect(body.message).toMatch(/unit/);
  });

  it('refuses an unknown person id with 404', async () => {
    const res = await refused(() => kernel.call(tokens.frontdesk!, 'POST', '/api/cases/complaint', complaint(ch, null, MAX_ID)));
    const body = expectError(res, 404, 'WUYE_NOT_FOUND');
    expect(body.message).toMatch(/person/);
  });

  it("answers another company's project like a nonexistent one", async () => {
    for (const [user, foreign] of [['manager', bch], ['frontdesk', bch], ['b-manager', ch], ['b-manager', jr]] as const) {
      const unknown = await refused(() => kernel.call(tokens[user]!, 'POST', '/api/cases/complaint', complaint(MAX_ID, null, null)));
      const res = await refused(() => kernel.call(tokens[user]!, 'POST', '/api/cases/complaint', complaint(foreign, null, null)));
      expectError(res, 404, 'WUYE_NOT_FOUND');
      expect(res.json(), `${user} → project ${foreign}`).toEqual(unknown.json());
    }
  });

  it("answers another company's unit and person like nonexistent ones", async () => {
    const cases = [
      { user: 'frontdesk', project: ch, unit: bchUnit, person: bchPerson },
      { user: 'b-frontdesk', project: bch, unit: chUnit, person: chPerson },
    ];
    for (const { user, project, unit, person } of cases) {
      const unknownUnit = await refused(() => kernel.call(tokens[user]!, 'POST', '/api/cases/complaint', complaint(project, MAX_ID, null)));
      const foreignUnit = await refused(() => kernel.call(tokens[user]!, 'POST', '/api/cases/complaint', complaint(project, unit, null)));
      expectError(foreignUnit, 404, 'WUYE_NOT_FOUND');
      expect(foreignUnit.json()).toEqual(unknownUnit.json());
      const unknownPerson = await refused(() => kernel.call(tokens[user]!, 'POST', '/api/cases/complaint', complaint(project, null, MAX_ID)));
      const foreignPerson = await refused(() => kernel.call(tokens[user]!, 'POST', '/api/cases/complaint', complaint(project, null, person)));
      expectError(foreignPerson, 404, 'WUYE_NOT_FOUND');
      expect(foreignPerson.json()).toEqual(unknownPerson.json());
    }
  });

  it("answers another company's case like a nonexistent one, on every case route", async () => {
    const routes = (id: number) => [
      ['GET', `/api/cases/complaint/${id}`, undefined],
      ['GET', `/api/cases/complaint/${id}/events`, undefined],
      ['GET', `/api/cases/complaint/${id}/documents/sheet`, undefined],
      ['POST', `/api/cases/complaint/${id}/transitions/classify`, { version: 1, data: classification }],
    ] as const;
    for (const [user, foreignId] of [['manager', otherCase.id], ['supervisor', otherCase.id], ['b-manager', chCase.id], ['b-manager', jrCase.id]] as const) {
      const unknown = routes(MAX_ID);
      const foreign = routes(foreignId);
      for (let i = 0; i < unknown.length; i++) {
        const [method, url, body] = foreign[i]!;
        const a = await refused(() => kernel.call(tokens[user]!, method, unknown[i]![1], unknown[i]![2]));
        const b = await refused(() => kernel.call(tokens[user]!, method, url, body));
        expectError(b, 404, 'WUYE_NOT_FOUND');
        expect(b.json(), `${user} ${method} ${url}`).toEqual(a.json());
      }
    }
    // the foreign cases were not touched
    expect(await getCase('b-manager', otherCase.id)).toMatchObject({ state: 'registered', version: 1 });
    expect(await getCase('manager', chCase.id)).toMatchObject({ state: 'registered', version: 1 });
  });

  it("never lists another company's cases", async () => {
    const mine = await kernel.call(tokens.manager!, 'GET', '/api/cases/complaint?limit=100');
    expect(mine.statusCode).toBe(200);
    const ids = (mine.json() as { items: { id: number }[] }).items.map((c) => c.id);
    expect(ids).toContain(chCase.id);
    expect(ids).toContain(jrCase.id);
    expect(ids).not.toContain(otherCase.id);
    const filtered = await kernel.call(tokens.manager!, 'GET', `/api/cases/complaint?projectId=${bch}`);
    expect(filtered.statusCode).toBe(200);
    expect((filtered.json() as { items: unknown[] }).items).toEqual([]);
  });
});

describe('projects the staff member is not assigned to', () => {
  it('refuses frontdesk (CH only) registering in JR with 404, like an unknown project', async () => {
    const unknown = await refused(() => kernel.call(tokens.frontdesk!, 'POST', '/api/cases/complaint', complaint(MAX_ID, null, null)));
    const res = await refused(() => kernel.call(tokens.frontdesk!, 'POST', '/api/cases/complaint', complaint(jr, jrUnit, jrPerson)));
    expectError(res, 404, 'WUYE_NOT_FOUND');
    expect(res.json()).toEqual(unknown.json());
  });

  it('hides a JR case from frontdesk (CH only), like an unknown case', async () => {
    for (const suffix of ['', '/events', '/documents/sheet']) {
      const unknown = await kernel.call(tokens.frontdesk!, 'GET', `/api/cases/complaint/${MAX_ID}${suffix}`);
      const res = await kernel.call(tokens.frontdesk!, 'GET', `/api/cases/complaint/${jrCase.id}${suffix}`);
      expectError(res, 404, 'WUYE_NOT_FOUND');
      expect(res.json()).toEqual(unknown.json());
    }
    // frontdesk-jr, who registered it, sees it
    expect(await getCase('frontdesk-jr', jrCase.id)).toMatchObject({ id: jrCase.id, state: 'registered' });
    const list = await kernel.call(tokens.frontdesk!, 'GET', '/api/cases/complaint?limit=100');
    expect((list.json() as { items: { id: number }[] }).items.map((c) => c.id)).not.toContain(jrCase.id);
  });
});

describe('roles', () => {
  it('refuses a technician registering a complaint with 403', async () => {
    const res = await refused(() => kernel.call(tokens.technician!, 'POST', '/api/cases/complaint', validComplaint()));
    const body = expectError(res, 403, 'WUYE_FORBIDDEN');
    expect(body.message).toMatch(/technician/);
  });

  it('refuses frontdesk taking classify with 403 and leaves the case unchanged', async () => {
    const res = await refused(() => kernel.call(tokens.frontdesk!, 'POST', `/api/cases/complaint/${chCase.id}/transitions/classify`, { version: 1, data: classification }));
    const body = expectError(res, 403, 'WUYE_FORBIDDEN');
    expect(body.message).toMatch(/classify/);
    expect(await getCase('frontdesk', chCase.id)).toMatchObject({ state: 'registered', version: 1 });
  });

  it('refuses a system transition (followUpSatisfied) through the transition route with 403', async () => {
    const c = await createCase('frontdesk', validComplaint({ content: '电梯异响' }));
    let res = await kernel.call(tokens.supervisor!, 'POST', `/api/cases/complaint/${c.id}/transitions/classify`, { version: 1, data: classification });
    expect(res.statusCode, res.body).toBe(200);
    res = await kernel.call(tokens.supervisor!, 'POST', `/api/cases/complaint/${c.id}/transitions/handle`, {
      version: 2, data: { cause: '轴承磨损', correctiveAction: '已更换轴承', handledBy: '工程部 韩志' },
    });
    expect(res.statusCode, res.body).toBe(200);
    res = await kernel.call(tokens.frontdesk!, 'POST', `/api/cases/complaint/${c.id}/transitions/reply`, { version: 3, data: { replyMethod: 'phone', replyContent: '已修复' } });
    expect(res.statusCode, res.body).toBe(200);
    const replied = res.json() as CaseBody;
    expect(replied).toMatchObject({ state: 'replied', version: 4 });
    expect(replied.availableTransitions).not.toContain('followUpSatisfied');

    for (const user of ['supervisor', 'manager']) {
      const refusedRes = await refused(() => kernel.call(tokens[user]!, 'POST', `/api/cases/complaint/${c.id}/transitions/followUpSatisfied`, { version: 4 }));
      const body = expectError(refusedRes, 403, 'WUYE_FORBIDDEN');
      expect(body.message).toMatch(/followUpSatisfied/);
    }
    expect(await getCase('supervisor', c.id)).toMatchObject({ state: 'replied', version: 4 });
  });
});

describe('optimistic concurrency', () => {
  it('refuses a classify with a stale version (409) and keeps the first writer’s change', async () => {
    const c = await createCase('frontdesk', validComplaint({ content: '车库道闸故障' }));
    // both supervisors load version 1
    const seenBySupervisor = await getCase('supervisor', c.id);
    const seenByManager = await getCase('manager', c.id);
    expect(seenBySupervisor.version).toBe(1);
    expect(seenByManager.version).toBe(1);

    const first = await kernel.call(tokens.manager!, 'POST', `/api/cases/complaint/${c.id}/transitions/classify`, { version: 1, data: classification });
    expect(first.statusCode, first.body).toBe(200);
    const afterFirst = await getCase('manager', c.id);
    expect(afterFirst).toMatchObject({ state: 'routed', version: 2 });
    const eventsBefore = (await kernel.call(tokens.manager!, 'GET', `/api/cases/complaint/${c.id}/events`)).json() as { items: unknown[] };

    const second = await refused(() => kernel.call(tokens.supervisor!, 'POST', `/api/cases/complaint/${c.id}/transitions/classify`, {
      version: 1, data: { nature: 'invalid', severity: 'minor', category: 'noise', classificationNote: '属误解' },
    }));
    const body = expectError(second, 409, 'WUYE_STALE_VERSION');
    expect(body.issues.map((i) => i.pointer)).toContain('/version');

    const after = await getCase('manager', c.id);
    expect(after).toEqual(afterFirst);
    expect(after.data).toMatchObject(classification);
    const eventsAfter = (await kernel.call(tokens.manager!, 'GET', `/api/cases/complaint/${c.id}/events`)).json() as { items: unknown[] };
    expect(eventsAfter).toEqual(eventsBefore);
  });
});

describe('transitions', () => {
  it('refuses a transition not allowed from the current state with 422', async () => {
    const res = await refused(() => kernel.call(tokens.supervisor!, 'POST', `/api/cases/complaint/${chCase.id}/transitions/reply`, {
      version: 1, data: { replyMethod: 'phone', replyContent: '已处理' },
    }));
    const body = expectError(res, 422, 'WUYE_REFUSED');
    expect(body.message).toMatch(/reply/);
    expect(body.message).toMatch(/registered/);
    expect(await getCase('supervisor', chCase.id)).toMatchObject({ state: 'registered', version: 1 });
  });

  it('answers an unknown transition with 404, and a malformed transition name with 400 naming the parameter', async () => {
    const unknown = await refused(() => kernel.call(tokens.supervisor!, 'POST', `/api/cases/complaint/${chCase.id}/transitions/teleport`, { version: 1 }));
    expectError(unknown, 404, 'WUYE_NOT_FOUND');
    const malformed = await refused(() => kernel.call(tokens.supervisor!, 'POST', `/api/cases/complaint/${chCase.id}/transitions/Tele-port`, { version: 1 }));
    expectFieldError(malformed, '/params/transition', 'pattern');
  });

  it('refuses a transition without a version with 400', async () => {
    const res = await refused(() => kernel.call(tokens.supervisor!, 'POST', `/api/cases/complaint/${chCase.id}/transitions/classify`, { data: classification }));
    expectFieldError(res, '/version', 'required');
  });
});

describe('case ids', () => {
  it('answers an unknown case id with 404', async () => {
    const res = await kernel.call(tokens.manager!, 'GET', `/api/cases/complaint/${MAX_ID}`);
    const body = expectError(res, 404, 'WUYE_NOT_FOUND');
    expect(body.message).toMatch(/complaint/);
  });

  it('refuses a non-integer or out-of-range id with 400 naming the parameter', async () => {
    for (const id of ['abc', '1.5', '0', '-1', String(MAX_ID + 1), '99999999999999999999']) {
      const res = await kernel.call(tokens.manager!, 'GET', `/api/cases/complaint/${id}`);
      expectFieldError(res, '/params/id');
    }
    const transition = await refused(() => kernel.call(tokens.supervisor!, 'POST', '/api/cases/complaint/abc/transitions/classify', { version: 1, data: classification }));
    expectFieldError(transition, '/params/id');
  });
});

describe('query strings', () => {
  it('refuses limit=1000 with 400 naming limit', async () => {
    const res = await kernel.call(tokens.manager!, 'GET', '/api/cases/complaint?limit=1000');
    expectFieldError(res, '/querystring/limit', 'maximum');
  });

  it('refuses an unknown query parameter with 400 naming it', async () => {
    const res = await kernel.call(tokens.manager!, 'GET', '/api/cases/complaint?hacker=1');
    expectFieldError(res, '/querystring/hacker', 'additionalProperties');
  });

  it('accepts a valid limit', async () => {
    const res = await kernel.call(tokens.manager!, 'GET', '/api/cases/complaint?limit=1');
    expect(res.statusCode).toBe(200);
    const body = res.json() as { items: unknown[]; nextCursor: number | null };
    expect(body.items).toHaveLength(1);
    expect(body.nextCursor).toEqual(expect.any(Number));
  });
});
