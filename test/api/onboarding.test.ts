/**
 * Onboarding a company on an empty database: the platform operator (made by the operator:create
 * command) logs in on its own login, creates a company with its first admin and a project; the
 * admin, who holds every permission the plugins declare, adds projects and buildings, imports a
 * roster into the new project and opens a cashier's account. Operator and staff tokens never reach
 * each other's routes; bad input names its field and writes nothing.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKernel, type TestKernel } from '../../core/testing/harness.js';
import { CORE_COMMANDS } from '../../core/cli/core-commands.js';
import { ROOT_DIR } from '../../core/kernel.js';

let kernel: TestKernel;
let operator: string;
const OPERATOR_PASSWORD = 'Harbour-Lights-4127';
const ADMIN_PASSWORD = 'Lanxi-Gardens-8841';

const newCompany = (over: Record<string, unknown> = {}) => ({
  code: 'LANXI', name: '兰溪物业服务有限公司', timezone: 'Asia/Urumqi',
  admin: { username: 'lanxi-admin', name: '周敏', password: ADMIN_PASSWORD },
  projects: [{ code: 'LX', name: '兰溪花园' }],
  ...over,
});

const count = async (table: string) => Number((await kernel.orm.em.getConnection().execute<{ n: number }[]>(`select count(*) as n from ${table}`))[0]!.n);
const counts = async () => ({ companies: await count('company'), staff: await count('staff'), projects: await count('project'), buildings: await count('building'), versions: await count('config_version') });

/** Runs a core command as `npm run wuye -- <name> ...args` would, with env vars set for it. */
async function cli(name: string, args: string[], env: Record<string, string> = {}): Promise<number> {
  Object.assign(process.env, env);
  try {
    return await CORE_COMMANDS.get(name)!.run(args, kernel);
  } finally {
    for (const k of Object.keys(env)) delete process.env[k];
  }
}

function upload(token: string, content: Buffer, name: string) {
  const boundary = '----wuye' + Math.random().toString(16).slice(2);
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/csv\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return kernel.app.inject({ method: 'POST', url: '/api/registry/roster', headers: { authorization: `Bearer ${token}`, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
}

beforeAll(async () => {
  kernel = await startTestKernel();
});
afterAll(async () => kernel?.close());

describe('onboarding a company', () => {
  it('starts from an empty database', async () => {
    expect(await counts()).toEqual({ companies: 0, staff: 0, projects: 0, buildings: 0, versions: 0 });
  });

  it('operator:create makes an operator from a password in an environment variable, refusing a weak one', async () => {
    expect(await cli('operator:create', ['platform-ops', '--password-env', 'OP_PW'], { OP_PW: '12345678' })).toBe(2);
    expect(await cli('operator:create', ['platform-ops', '--password-env', 'OP_PW'])).toBe(2); // variable not set
    expect(await count('platform_operator')).toBe(0);
    expect(await cli('operator:create', ['platform-ops', '--name', '平台运维', '--password-env', 'OP_PW'], { OP_PW: OPERATOR_PASSWORD })).toBe(0);
    expect(await cli('operator:create', ['platform-ops', '--password-env', 'OP_PW'], { OP_PW: OPERATOR_PASSWORD })).toBe(2); // taken
    expect(await count('platform_operator')).toBe(1);
  });

  it('the operator logs in on the platform login; the staff login does not know the operator', async () => {
    expect((await kernel.call(null, 'POST', '/api/auth/login', { username: 'platform-ops', password: OPERATOR_PASSWORD })).statusCode).toBe(401);
    expect((await kernel.call(null, 'POST', '/api/platform/login', { username: 'platform-ops', password: 'wrong-password-1' })).statusCode).toBe(401);
    const res = await kernel.call(null, 'POST', '/api/platform/login', { username: 'platform-ops', password: OPERATOR_PASSWORD });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['set-cookie']).toBeUndefined();
    operator = res.json().token;
  });

  it('refuses bad company input naming each field, and writes nothing', async () => {
    const before = await counts();
    const bad = await kernel.call(operator, 'POST', '/api/platform/companies', newCompany({
      code: 'no spaces', name: ' ', timezone: 'UTC+8', admin: { username: 'X', name: '', password: 'password' }, projects: [{ code: 'A', name: '甲' }, { code: 'A', name: '乙' }],
    }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues.map((i: { pointer: string }) => i.pointer).sort()).toEqual(['/admin/name', '/admin/password', '/admin/username', '/code', '/name', '/projects/1/code', '/timezone']);
    const extra = await kernel.call(operator, 'POST', '/api/platform/companies', { ...newCompany(), plan: 'gold' });
    expect(extra.statusCode).toBe(400);
    const missing = await kernel.call(operator, 'POST', '/api/platform/companies', { code: 'X1', name: '某公司', timezone: 'Asia/Shanghai' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().issues.some((i: { pointer: string }) => i.pointer.includes('admin'))).toBe(true);
    expect(await counts()).toEqual(before);
  });

  it('creates the company: version 1 of the plugins’ defaults in its time zone, its admin and its first project', async () => {
    const res = await kernel.call(operator, 'POST', '/api/platform/companies', newCompany());
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      company: { code: 'LANXI', name: '兰溪物业服务有限公司', timezone: 'Asia/Urumqi' },
      admin: { username: 'lanxi-admin', name: '周敏', roles: ['companyAdmin'] },
      projects: [{ code: 'LX', name: '兰溪花园' }],
    });
    const list = await kernel.call(operator, 'GET', '/api/platform/companies');
    expect(list.json().items).toEqual([expect.objectContaining({ code: 'LANXI', name: '兰溪物业服务有限公司', staffCount: 1 })]);

    const admin = await kernel.login('lanxi-admin', ADMIN_PASSWORD);
    const versions = (await kernel.call(admin, 'GET', '/api/config/versions')).json();
    expect(versions.items ?? versions).toEqual([expect.objectContaining({ number: 1, status: 'activated' })]);
    const appConfig = (await kernel.call(admin, 'GET', '/api/app-config')).json();
    expect(appConfig.calendar.timezone).toBe('Asia/Urumqi');
    expect((await kernel.call(admin, 'GET', '/api/projects')).json().items).toEqual([expect.objectContaining({ code: 'LX', name: '兰溪花园' })]);
  });

  it('a duplicate company code is 409 on /code, a taken admin username 409 on /admin/username; nothing written', async () => {
    const before = await counts();
    const dup = await kernel.call(operator, 'POST', '/api/platform/companies', newCompany({ admin: { username: 'other-admin', name: '王', password: ADMIN_PASSWORD } }));
    expect(dup.statusCode).toBe(409);
    expect(dup.json().issues[0].pointer).toBe('/code');
    const user = await kernel.call(operator, 'POST', '/api/platform/companies', newCompany({ code: 'OTHER' }));
    expect(user.statusCode).toBe(409);
    expect(user.json().issues[0].pointer).toBe('/admin/username');
    expect(await counts()).toEqual(before);
  });

  it('the company admin holds every permission the loaded plugins declare', async () => {
    const declared = new Set(kernel.plugins.bundles.flatMap((b) => Object.values(b.manifest.roles ?? {}).flatMap((r) => r.permissions ?? [])));
    expect(declared.has('billing.collect')).toBe(true);
    const admin = await kernel.login('lanxi-admin', ADMIN_PASSWORD);
    const { permissions } = (await kernel.call(admin, 'GET', '/api/app-config')).json() as { permissions: string[] };
    expect([...declared].filter((p) => !permissions.includes(p))).toEqual([]);
  });
});

describe('isolation of operator and staff', () => {
  it('an operator token reaches no company route', async () => {
    for (const url of ['/api/auth/me', '/api/projects', '/api/staff', '/api/config', '/api/app-config', '/api/queue?scope=team', '/api/audit']) {
      expect((await kernel.call(operator, 'GET', url)).statusCode, url).toBe(401);
    }
    expect((await kernel.call(operator, 'POST', '/api/projects', { code: 'OP', name: '运维建的' })).statusCode).toBe(401);
    expect((await kernel.call(operator, 'POST', '/api/staff', { username: 'sneaky', name: '某', password: ADMIN_PASSWORD, roles: ['companyAdmin'], projectIds: [] })).statusCode).toBe(401);
  });

  it('a staff token — even the company admin’s, even as a cookie — reaches no operator route', async () => {
    const admin = await kernel.login('lanxi-admin', ADMIN_PASSWORD);
    expect((await kernel.call(admin, 'GET', '/api/platform/companies')).statusCode).toBe(401);
    expect((await kernel.call(admin, 'POST', '/api/platform/companies', newCompany({ code: 'BYSTAFF', admin: { username: 'by-staff', name: '某', password: ADMIN_PASSWORD } }))).statusCode).toBe(401);
    const cookie = await kernel.app.inject({ method: 'GET', url: '/api/platform/companies', cookies: { wuye_session: admin } });
    expect(cookie.statusCode).toBe(401);
    expect((await kernel.call(null, 'GET', '/api/platform/companies')).statusCode).toBe(401);
    expect(await count('company')).toBe(1);
  });

  it('after logout the operator token is refused', async () => {
    const token = (await kernel.call(null, 'POST', '/api/platform/login', { username: 'platform-ops', password: OPERATOR_PASSWORD })).json().token;
    expect((await kernel.call(token, 'POST', '/api/platform/logout')).statusCode).toBe(200);
    expect((await kernel.call(token, 'GET', '/api/platform/companies')).statusCode).toBe(401);
  });
});

describe('the company admin sets up projects, buildings, the roster and staff', () => {
  let admin: string;
  let lx: number;
  beforeAll(async () => {
    admin = await kernel.login('lanxi-admin', ADMIN_PASSWORD);
    lx = (await kernel.call(admin, 'GET', '/api/projects')).json().items[0].id;
  });

  it('creates and renames projects; a taken code is 409, a bad one 400 on /code', async () => {
    const created = await kernel.call(admin, 'POST', '/api/projects', { code: 'LX2', name: '兰溪二期' });
    expect(created.statusCode, created.body).toBe(201);
    expect((await kernel.call(admin, 'PATCH', `/api/projects/${created.json().id}`, { name: '兰溪花园二期' })).json()).toMatchObject({ code: 'LX2', name: '兰溪花园二期' });
    const before = await counts();
    const taken = await kernel.call(admin, 'POST', '/api/projects', { code: 'LX', name: '重复' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().issues[0].pointer).toBe('/code');
    const bad = await kernel.call(admin, 'POST', '/api/projects', { code: '兰溪', name: '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues.map((i: { pointer: string }) => i.pointer).sort()).toEqual(['/code', '/name']);
    expect((await kernel.call(admin, 'PATCH', `/api/projects/${lx}`, { code: 'NEW' })).statusCode).toBe(400); // a project's code is fixed
    expect((await kernel.call(admin, 'PATCH', '/api/projects/99999', { name: '无' })).statusCode).toBe(404);
    expect(await counts()).toEqual(before);
  });

  it('creates and edits buildings; a taken code is 409, an unknown project 404', async () => {
    const created = await kernel.call(admin, 'POST', '/api/buildings', { projectId: lx, code: '1', name: '1栋' });
    expect(created.statusCode, created.body).toBe(201);
    const edited = await kernel.call(admin, 'PATCH', `/api/buildings/${created.json().id}`, { name: '一号楼' });
    expect(edited.json()).toMatchObject({ projectId: lx, code: '1', name: '一号楼' });
    const before = await counts();
    expect((await kernel.call(admin, 'POST', '/api/buildings', { projectId: lx, code: '1', name: '又一个' })).statusCode).toBe(409);
    expect((await kernel.call(admin, 'POST', '/api/buildings', { projectId: 99999, code: '9', name: '9栋' })).statusCode).toBe(404);
    const bad = await kernel.call(admin, 'POST', '/api/buildings', { projectId: lx, code: '1 栋', name: '9栋' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues[0].pointer).toBe('/code');
    expect(await counts()).toEqual(before);
    const list = await kernel.call(admin, 'GET', `/api/buildings?projectId=${lx}`);
    expect(list.json().items).toEqual([expect.objectContaining({ code: '1', name: '一号楼' })]);
  });

  it('imports a roster into the new project', async () => {
    const res = await upload(admin, readFileSync(path.join(ROOT_DIR, 'test/fixtures/onboarding/roster.csv')), 'roster.csv');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ rows: 3, unitsCreated: 3, buildingsCreated: 1 });
    const units = (await kernel.call(admin, 'GET', `/api/units?projectId=${lx}`)).json().items;
    expect(units.map((u: { number: string }) => u.number).sort()).toEqual(['101', '102', '201']);
  });

  it('opens a staff account in every role of the configuration, a cashier included', async () => {
    const appConfig = (await kernel.call(admin, 'GET', '/api/app-config')).json() as { roles: Record<string, unknown> };
    const roles = Object.keys(appConfig.roles);
    expect(roles).toContain('cashier');
    for (const role of roles) {
      const res = await kernel.call(admin, 'POST', '/api/staff', { username: `lx-${role.toLowerCase()}`, name: `${role} 测试`, password: ADMIN_PASSWORD, roles: [role], projectIds: [lx] });
      expect(res.statusCode, `${role}: ${res.body}`).toBe(201);
    }
    const cashier = await kernel.login('lx-cashier', ADMIN_PASSWORD);
    const perms = (await kernel.call(cashier, 'GET', '/api/app-config')).json().permissions;
    expect(perms).toContain('billing.collect');
  });

  it('a role without registry.import may not change projects or buildings (403)', async () => {
    const frontDesk = await kernel.login('lx-frontdesk', ADMIN_PASSWORD);
    expect((await kernel.call(frontDesk, 'POST', '/api/projects', { code: 'FD', name: '前台建的' })).statusCode).toBe(403);
    expect((await kernel.call(frontDesk, 'POST', '/api/buildings', { projectId: lx, code: '7', name: '7栋' })).statusCode).toBe(403);
    expect((await kernel.call(frontDesk, 'PATCH', `/api/projects/${lx}`, { name: '改名' })).statusCode).toBe(403);
  });
});

describe('another company’s records', () => {
  it('are 404 to the new company’s admin; the demo admin also holds billing’s permissions', async () => {
    const demo = await kernel.seed();
    const admin = await kernel.login('lanxi-admin', ADMIN_PASSWORD);
    const ch = demo.projects.get('CH')!.id;
    expect((await kernel.call(admin, 'PATCH', `/api/projects/${ch}`, { name: '别人的' })).statusCode).toBe(404);
    expect((await kernel.call(admin, 'POST', '/api/buildings', { projectId: ch, code: '99', name: '99栋' })).statusCode).toBe(404);
    const demoBuilding = (await kernel.call(await kernel.login('admin'), 'GET', `/api/buildings?projectId=${ch}`)).json().items[0].id;
    expect((await kernel.call(admin, 'PATCH', `/api/buildings/${demoBuilding}`, { name: '别人的' })).statusCode).toBe(404);
    const demoAdmin = await kernel.login('admin');
    expect((await kernel.call(demoAdmin, 'GET', '/api/app-config')).json().permissions).toEqual(expect.arrayContaining(['billing.collect', 'billing.run', 'staff.manage']));
  });
});

describe('the command line for scripted installs', () => {
  it('company:create, project:create and building:create; refusals exit 2 and write nothing', async () => {
    const before = await counts();
    expect(await cli('company:create', ['--code', 'bad code', '--name', '某', '--admin', 'hq-admin', '--admin-name', '陈', '--admin-password-env', 'PW'], { PW: ADMIN_PASSWORD })).toBe(2);
    expect(await cli('company:create', ['--code', 'HQ', '--name', '某'])).toBe(2);
    expect(await cli('project:create', ['--company', 'NOPE', '--code', 'P1', '--name', '某'])).toBe(2);
    expect(await counts()).toEqual(before);

    expect(await cli('company:create', ['--code', 'HQ', '--name', '华庆物业', '--timezone', 'Asia/Shanghai', '--admin', 'hq-admin', '--admin-name', '陈静', '--admin-password-env', 'PW'], { PW: ADMIN_PASSWORD })).toBe(0);
    expect(await cli('company:create', ['--code', 'HQ', '--name', '重复', '--admin', 'hq-admin2', '--admin-name', '陈', '--admin-password-env', 'PW'], { PW: ADMIN_PASSWORD })).toBe(2);
    expect(await cli('project:create', ['--company', 'HQ', '--code', 'HQ1', '--name', '华庆一期'])).toBe(0);
    expect(await cli('project:create', ['--company', 'HQ', '--code', 'HQ1', '--name', '重复'])).toBe(2);
    expect(await cli('building:create', ['--company', 'HQ', '--project', 'HQ1', '--code', 'A', '--name', 'A座'])).toBe(0);
    expect(await cli('building:create', ['--company', 'HQ', '--project', 'LX', '--code', 'A', '--name', 'A座'])).toBe(2); // another company's project

    const admin = await kernel.login('hq-admin', ADMIN_PASSWORD);
    const projects = (await kernel.call(admin, 'GET', '/api/projects')).json().items;
    expect(projects).toEqual([expect.objectContaining({ code: 'HQ1', name: '华庆一期' })]);
    expect((await kernel.call(admin, 'GET', `/api/buildings?projectId=${projects[0].id}`)).json().items).toEqual([expect.objectContaining({ code: 'A', name: 'A座' })]);
  });
});
