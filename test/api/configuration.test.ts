/**
 * The configuration API end to end, through the HTTP seam only: read the effective configuration,
 * change a company's complaint deadlines (manual B) by proposing and activating a JSON Merge Patch,
 * and check that cases follow the version they were opened under, per company and per project.
 * Two companies share one kernel: A (the demo company, manual A defaults) and B (a copy of it).
 *
 * Instants: the kernel starts on Tuesday 2026-09-29 10:00 Shanghai (02:00Z); the comparisons run on
 * Wednesday 2026-09-30 10:00 Shanghai, the last working day before the National Day holiday.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { demoRegistry, startTestKernel, type TestKernel } from '../../core/testing/harness.js';
import type { RegistryDocument, SeededRegistry } from '../../core/registry/seed-registry.js';

// each proposal and activation runs the whole configuration check in the draft pool: seconds apiece
// on a loaded 2-core machine, several of them in one test
vi.setConfig({ testTimeout: 90_000 });

const START = '2026-09-29T02:00:00.000Z'; // Tue 10:00 +08:00
const T = '2026-09-30T02:00:00.000Z'; // Wed 10:00 +08:00

const PLUGINS = ['service-desk', 'complaints'];
const INITIAL_REASON = 'initial configuration: plugin defaults';

// ---------------------------------------------------------------------------------------------
// Company B and the manual B patch

function companyB(): RegistryDocument {
  const doc = demoRegistry();
  doc.company = { code: 'BETA', name: '贝塔物业服务有限公司' };
  doc.staff = doc.staff.map((s) => ({ ...s, username: `b-${s.username}` }));
  return doc;
}

/** Manual B (seed 001, 第四篇) over manual A's defaults, as the workflow's deadlines map. */
const MANUAL_B = {
  plugins: {
    complaints: {
      workflows: {
        complaint: {
          deadlines: {
            // major: clear answer within 2 days; overdue goes straight to the director
            answer: { duration: { amount: 2, unit: 'days' }, escalateTo: 'director' },
            // minor within 2 days, important done within 3 days, major solved within 10 days
            resolve: {
              duration: { amount: 2, unit: 'days' },
              bySeverity: { important: { amount: 3, unit: 'days' }, major: { amount: 10, unit: 'days' } },
            },
            // important: reported to the department head within 1 hour
            reportHead: {
              title: { 'zh-CN': '重要投诉1小时内报部门负责人', en: 'Important: report to the department head within 1 hour' },
              onlyFor: ['important'],
              startOn: ['routed'],
              stopOn: ['answered', 'handled', 'escalated', 'replied', 'registered', 'explaining', 'pending', 'closed'],
              duration: { amount: 1, unit: 'hours' },
            },
            // major: reported to the director the same day
            reportDirector: {
              title: { 'zh-CN': '重大投诉当天报管理处主任', en: 'Major: report to the director the same day' },
              onlyFor: ['major'],
              startOn: ['routed'],
              stopOn: ['answered', 'handled', 'escalated', 'closed'],
              duration: { amount: 8, unit: 'hours' },
              escalateTo: 'director',
            },
          },
        },
      },
    },
  },
};

// ---------------------------------------------------------------------------------------------
// Expected deadlines for a complaint registered and classified at T (Wed 2026-09-30 10:00 +08:00)

const FORWARD_MET = { dueAt: '2026-09-30T02:30:00.000Z', status: 'met', metAt: T, startedAt: T, duration: { amount: 30, unit: 'minutes' } };

const MANUAL_A_AT_T = {
  minor: {
    forward: FORWARD_MET,
    resolve: { dueAt: '2026-10-01T02:00:00.000Z', status: 'running', metAt: null, startedAt: T, duration: { amount: 24, unit: 'hours' } },
  },
  important: {
    forward: FORWARD_MET,
    resolve: { dueAt: '2026-10-01T02:00:00.000Z', status: 'running', metAt: null, startedAt: T, duration: { amount: 24, unit: 'hours' } },
  },
  major: {
    forward: FORWARD_MET,
    // 3 working days: 10-08, 10-09 and the 调休 Saturday 10-10, end of day in Shanghai
    answer: { dueAt: '2026-10-10T15:59:59.999Z', status: 'running', metAt: null, startedAt: T, duration: { amount: 3, unit: 'workingDays' } },
    // 7 working days: 10-08, 10-09, 10-10, 10-12, 10-13, 10-14, 10-15
    resolve: { dueAt: '2026-10-15T15:59:59.999Z', status: 'running', metAt: null, startedAt: T, duration: { amount: 7, unit: 'workingDays' } },
  },
} as const;

const MANUAL_B_AT_T = {
  minor: {
    forward: FORWARD_MET,
    resolve: { dueAt: '2026-10-02T02:00:00.000Z', status: 'running', metAt: null, startedAt: T, duration: { amount: 2, unit: 'days' } },
  },
  important: {
    forward: FORWARD_MET,
    resolve: { dueAt: '2026-10-03T02:00:00.000Z', status: 'running', metAt: null, startedAt: T, duration: { amount: 3, unit: 'days' } },
    reportHead: { dueAt: '2026-09-30T03:00:00.000Z', status: 'running', metAt: null, startedAt: T, duration: { amount: 1, unit: 'hours' } },
  },
  major: {
    forward: FORWARD_MET,
    answer: { dueAt: '2026-10-02T02:00:00.000Z', status: 'running', metAt: null, startedAt: T, duration: { amount: 2, unit: 'days' } },
    resolve: { dueAt: '2026-10-10T02:00:00.000Z', status: 'running', metAt: null, startedAt: T, duration: { amount: 10, unit: 'days' } },
    reportDirector: { dueAt: '2026-09-30T10:00:00.000Z', status: 'running', metAt: null, startedAt: T, duration: { amount: 8, unit: 'hours' } },
  },
} as const;

type Severity = 'minor' | 'important' | 'major';

// ---------------------------------------------------------------------------------------------
// Response shapes

interface ErrorBody { statusCode: number; code: string; message: string; issues: { pointer: string; code: string; message: string }[] }
interface VersionView {
  number: number; status: string; current: boolean; reason: string; authorId: number | null; createdAt: string;
  effectiveFrom: string; activatedAt: string | null; activatedBy: number | null; basedOn: number | null;
}
interface DeadlineView { key: string; startedAt: string; dueAt: string; duration: { amount: number; unit: string }; status: string; metAt: string | null }
interface CaseView { id: number; state: string; severity: string | null; version: number; configVersionId: number | null; deadlines?: DeadlineView[] }
interface EffectiveWorkflow { deadlines: Record<string, { duration: { amount: number; unit: string }; bySeverity?: Record<string, unknown> }> }
interface ConfigView {
  version: number;
  document: Record<string, unknown>;
  effective: {
    roles: Record<string, { id: string; reportsTo?: string; permissions: string[]; allProjects: boolean }>;
    calendar: { timezone: string; holidays: string[]; workdays: string[] };
    plugins: Record<string, { manifest: { id: string }; workflows: Record<string, EffectiveWorkflow> }>;
  };
}

// ---------------------------------------------------------------------------------------------
// A world: one kernel, companies A and B, tokens

interface World {
  kernel: TestKernel;
  a: SeededRegistry;
  b: SeededRegistry;
  token: (username: string) => Promise<string>;
}

async function startWorld(): Promise<World> {
  const kernel = await startTestKernel({ plugins: PLUGINS, startAt: START });
  const a = await kernel.seed();
  const b = await kernel.seed(companyB());
  const tokens = new Map<string, string>();
  return {
    kernel, a, b,
    async token(username) {
      let t = tokens.get(username);
      if (!t) tokens.set(username, (t = await kernel.login(username)));
      return t;
    },
  };
}

function staffId(reg: SeededRegistry, username: string): number {
  const s = reg.staff.get(username);
  if (!s) throw new Error(`no staff ${username}`);
  return s.id;
}

async function getConfig(w: World, username: string, project?: string): Promise<ConfigView> {
  const res = await w.kernel.call(await w.token(username), 'GET', `/api/config${project ? `?project=${project}` : ''}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as ConfigView;
}

async function history(w: World, username: string): Promise<VersionView[]> {
  const res = await w.kernel.call(await w.token(username), 'GET', '/api/config/versions');
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { items: VersionView[] }).items;
}

async function propose(w: World, username: string, body: Record<string, unknown>): Promise<VersionView & { document: unknown }> {
  const res = await w.kernel.call(await w.token(username), 'POST', '/api/config/versions', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as VersionView & { document: unknown };
}

/** An activation must answer promptly: a hung request is reported as such, not as a test timeout. */
const ACTIVATION_LIMIT_MS = 10_000;

async function activate(w: World, username: string, number: number, body: Record<string, unknown> = {}): Promise<VersionView> {
  const token = await w.token(username);
  let timer: NodeJS.Timeout | undefined;
  const res = await Promise.race([
    w.kernel.call(token, 'POST', `/api/config/versions/${number}/activate`, body),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`POST /api/config/versions/${number}/activate did not answer within ${ACTIVATION_LIMIT_MS} ms`)), ACTIVATION_LIMIT_MS);
    }),
  ]).finally(() => clearTimeout(timer));
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as VersionView;
}

/** Registers a complaint at unit 1栋101 (CH) or A栋1001 (JR) of the company. */
async function register(w: World, reg: SeededRegistry, username: string, project: 'CH' | 'JR' = 'CH'): Promise<CaseView> {
  const unitKey = project === 'CH' ? 'CH/1/101' : 'JR/A/1001';
  const unit = reg.units.get(unitKey);
  if (!unit) throw new Error(`no unit ${unitKey}`);
  const res = await w.kernel.call(await w.token(username), 'POST', '/api/cases/complaint', {
    projectId: reg.projects.get(project)!.id,
    unitId: unit.id,
    data: { channel: 'phone', complainantName: '张伟', contactPhone: '13800000001', content: '楼道灯坏了三天无人修理' },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as CaseView;
}

function classification(severity: Severity) {
  return severity === 'major'
    ? { nature: 'major', severity: 'major', category: 'facilities', classificationNote: '住户已向街道投诉' }
    : { nature: 'valid', severity, category: 'facilities' };
}

async function transition(w: World, username: string, c: { id: number; version: number }, name: string, data?: unknown): Promise<CaseView> {
  const res = await w.kernel.call(await w.token(username), 'POST', `/api/cases/complaint/${c.id}/transitions/${name}`, {
    version: c.version, ...(data === undefined ? {} : { data }),
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as CaseView;
}

async function registerAndClassify(w: World, reg: SeededRegistry, prefix: '' | 'b-', severity: Severity, project: 'CH' | 'JR' = 'CH'): Promise<CaseView> {
  const created = await register(w, reg, project === 'CH' ? `${prefix}frontdesk` : `${prefix}frontdesk-jr`, project);
  return transition(w, `${prefix}supervisor`, created, 'classify', classification(severity));
}

async function getCase(w: World, username: string, id: number): Promise<CaseView & { deadlines: DeadlineView[] }> {
  const res = await w.kernel.call(await w.token(username), 'GET', `/api/cases/complaint/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as CaseView & { deadlines: DeadlineView[] };
}

/** The case's clocks keyed by deadline id; a clock started twice fails the test. */
async function clocks(w: World, username: string, id: number): Promise<Record<string, Omit<DeadlineView, 'key'>>> {
  const c = await getCase(w, username, id);
  const out: Record<string, Omit<DeadlineView, 'key'>> = {};
  for (const d of c.deadlines) {
    expect(out[d.key], `clock ${d.key} started twice`).toBeUndefined();
    out[d.key] = { startedAt: d.startedAt, dueAt: d.dueAt, duration: d.duration, status: d.status, metAt: d.metAt };
  }
  return out;
}

/** Only the fields the expectations name. */
function pick(clockMap: Record<string, Omit<DeadlineView, 'key'>>) {
  return Object.fromEntries(Object.entries(clockMap).map(([k, d]) => [k, { dueAt: d.dueAt, status: d.status, metAt: d.metAt, startedAt: d.startedAt, duration: d.duration }]));
}

function wf(config: ConfigView): EffectiveWorkflow {
  return config.effective.plugins.complaints!.workflows.complaint!;
}

// =============================================================================================

describe('configuration API: reading', () => {
  let w: World;
  beforeAll(async () => { w = await startWorld(); });
  afterAll(async () => { await w?.kernel.close(); });

  it('GET /api/config returns version 1, an empty document and the effective roles, calendar and plugins', async () => {
    const config = await getConfig(w, 'admin');
    expect(config.version).toBe(1);
    expect(config.document).toEqual({});
    expect(Object.keys(config.effective.plugins)).toEqual(['service-desk', 'complaints']);
    expect(config.effective.plugins.complaints!.manifest.id).toBe('complaints');
    expect(config.effective.calendar).toEqual({ timezone: 'Asia/Shanghai', holidays: [], workdays: [] });

    const roles = config.effective.roles;
    expect(Object.keys(roles).sort()).toEqual([
      'assistant', 'buildingConcierge', 'cashier', 'companyAdmin', 'director', 'engineering', 'finance', 'frontDesk',
      'generalManager', 'hrAdmin', 'manager', 'security', 'supervisor', 'technician',
    ]);
    expect(roles.companyAdmin).toMatchObject({ id: 'companyAdmin', allProjects: true });
    expect(roles.companyAdmin!.permissions).toEqual(expect.arrayContaining(['config.edit', 'staff.manage', 'registry.import', 'reports.view', 'registry.edit', 'cases.assign']));
    expect(roles.supervisor).toMatchObject({ reportsTo: 'manager', allProjects: false });
    expect(roles.supervisor!.permissions).toEqual(expect.arrayContaining(['reports.view', 'cases.assign']));
    expect(roles.generalManager!.reportsTo).toBeUndefined();

    // manual A's deadlines are the plugin's defaults
    const deadlines = wf(config).deadlines;
    expect(Object.keys(deadlines)).toEqual(['forward', 'answer', 'resolve', 'reply', 'rectify']);
    expect(deadlines.resolve).toMatchObject({ duration: { amount: 24, unit: 'hours' }, bySeverity: { major: { amount: 7, unit: 'workingDays' } } });
    expect(deadlines.answer!.duration).toEqual({ amount: 3, unit: 'workingDays' });
  });

  it('GET /api/config?project=JR resolves the project layer (none yet: same as the company)', async () => {
    const company = await getConfig(w, 'admin');
    const jr = await getConfig(w, 'admin', 'JR');
    expect(jr.version).toBe(1);
    expect(jr.effective).toEqual(company.effective);
  });

  it('GET /api/config/versions lists the initial version', async () => {
    const items = await history(w, 'admin');
    expect(items).toEqual([{
      number: 1, status: 'activated', current: true, reason: INITIAL_REASON, authorId: null, createdAt: expect.any(String),
      effectiveFrom: '1970-01-01T00:00:00.000Z', activatedAt: expect.any(String), activatedBy: null, basedOn: null, openCases: 0,
    }]);
    const one = await w.kernel.call(await w.token('admin'), 'GET', '/api/config/versions/1');
    expect(one.statusCode).toBe(200);
    expect(one.json()).toMatchObject({ number: 1, current: true, document: {} });
  });

  it('reading needs a session', async () => {
    const res = await w.kernel.call(null, 'GET', '/api/config');
    expect(res.statusCode).toBe(401);
  });
});

// =============================================================================================

describe('company B gets manual B through the configuration API; company A keeps manual A', () => {
  let w: World;
  beforeAll(async () => { w = await startWorld(); });
  afterAll(async () => { await w?.kernel.close(); });

  it('a proposal is stored as proposed and changes nothing until activated', async () => {
    const v2 = await propose(w, 'b-admin', { patch: MANUAL_B, reason: '采用手册B投诉处理时限' });
    expect(v2).toMatchObject({
      number: 2, status: 'proposed', current: false, reason: '采用手册B投诉处理时限', authorId: staffId(w.b, 'b-admin'),
      activatedAt: null, activatedBy: null, basedOn: 1,
    });
    // the patch applies over version 1's empty document
    expect(v2.document).toEqual(MANUAL_B);

    const items = await history(w, 'b-admin');
    expect(items.map((v) => [v.number, v.status, v.current])).toEqual([[2, 'proposed', false], [1, 'activated', true]]);
    const config = await getConfig(w, 'b-admin');
    expect(config.version).toBe(1);
    expect(config.document).toEqual({});
  });

  it('activating it makes it the current version of company B only', async () => {
    const activated = await activate(w, 'b-admin', 2, { expectedCurrent: 1 });
    expect(activated).toMatchObject({
      number: 2, status: 'activated', current: true, activatedBy: staffId(w.b, 'b-admin'),
      // activated on the kernel's clock, effective from then
      activatedAt: START, effectiveFrom: START,
    });

    const b = await getConfig(w, 'b-admin');
    expect(b.version).toBe(2);
    expect(b.document).toEqual(MANUAL_B);
    expect(wf(b).deadlines.resolve).toMatchObject({
      duration: { amount: 2, unit: 'days' },
      bySeverity: { important: { amount: 3, unit: 'days' }, major: { amount: 10, unit: 'days' } },
    });
    expect(Object.keys(wf(b).deadlines)).toEqual(['forward', 'answer', 'resolve', 'reply', 'rectify', 'reportHead', 'reportDirector']);

    const items = await history(w, 'b-admin');
    expect(items.map((v) => [v.number, v.status, v.current])).toEqual([[2, 'activated', true], [1, 'activated', false]]);

    const a = await getConfig(w, 'admin');
    expect(a.version).toBe(1);
    expect(a.document).toEqual({});
    expect(wf(a).deadlines.resolve!.duration).toEqual({ amount: 24, unit: 'hours' });
  });

  it('complaints registered and classified at the same instant follow each company\'s manual', async () => {
    w.kernel.clock.set(T);
    for (const severity of ['minor', 'important', 'major'] as const) {
      const inA = await registerAndClassify(w, w.a, '', severity);
      const inB = await registerAndClassify(w, w.b, 'b-', severity);
      expect([inA.state, inA.severity, inB.state, inB.severity]).toEqual(['routed', severity, 'routed', severity]);
      expect(pick(await clocks(w, 'supervisor', inA.id)), `company A, ${severity}`).toEqual(MANUAL_A_AT_T[severity]);
      expect(pick(await clocks(w, 'b-supervisor', inB.id)), `company B, ${severity}`).toEqual(MANUAL_B_AT_T[severity]);
    }
  });
});

// =============================================================================================

describe('open cases keep the configuration version they were opened under', () => {
  let w: World;
  beforeAll(async () => { w = await startWorld(); });
  afterAll(async () => { await w?.kernel.close(); });

  it('a case opened under version 1 keeps version 1 after manual B is activated; a new case gets version 2', async () => {
    // before the change (kernel clock START): X classified minor, Y and Y2 only registered
    const x = await registerAndClassify(w, w.b, 'b-', 'minor');
    const y = await register(w, w.b, 'b-frontdesk');
    const x2 = await registerAndClassify(w, w.b, 'b-', 'minor');
    expect(x.configVersionId).toEqual(expect.any(Number));
    const v1Id = x.configVersionId;
    expect(y.configVersionId).toBe(v1Id);
    const xClocksBefore = await clocks(w, 'b-supervisor', x.id);
    expect(pick(xClocksBefore)).toEqual({
      forward: { startedAt: START, dueAt: '2026-09-29T02:30:00.000Z', status: 'met', metAt: START, duration: { amount: 30, unit: 'minutes' } },
      resolve: { startedAt: START, dueAt: '2026-09-30T02:00:00.000Z', status: 'running', metAt: null, duration: { amount: 24, unit: 'hours' } },
    });

    await propose(w, 'b-admin', { patch: MANUAL_B, reason: '采用手册B投诉处理时限' });
    await activate(w, 'b-admin', 2);
    w.kernel.clock.set(T);

    // X: its running clocks are untouched; handling starts version 1's reply clock
    const xHandled = await transition(w, 'b-supervisor', x, 'handle', { cause: '灯具老化', correctiveAction: '已更换灯具', handledBy: '维修技工 谢工' });
    expect(xHandled.state).toBe('handled');
    expect(xHandled.configVersionId).toBe(v1Id);
    expect(pick(await clocks(w, 'b-supervisor', x.id))).toEqual({
      ...pick(xClocksBefore),
      reply: { startedAt: T, dueAt: '2026-09-30T10:00:00.000Z', status: 'running', metAt: null, duration: { amount: 8, unit: 'hours' } },
    });

    // Y: registered under version 1, classified major after the change: version 1's clocks (3 / 7 working days)
    const yRouted = await transition(w, 'b-supervisor', y, 'classify', classification('major'));
    expect(yRouted.configVersionId).toBe(v1Id);
    const yClocks = pick(await clocks(w, 'b-supervisor', y.id));
    expect(yClocks).toEqual({
      forward: { startedAt: START, dueAt: '2026-09-29T02:30:00.000Z', status: 'met', metAt: T, duration: { amount: 30, unit: 'minutes' } },
      answer: MANUAL_A_AT_T.major.answer,
      resolve: MANUAL_A_AT_T.major.resolve,
    });

    // X2: reclassified important after the change: version 1 has neither 3 days nor reportHead
    const x2Registered = await transition(w, 'b-supervisor', x2, 'reclassify');
    const x2Routed = await transition(w, 'b-supervisor', x2Registered, 'classify', classification('important'));
    expect(x2Routed.configVersionId).toBe(v1Id);
    const x2Deadlines = (await getCase(w, 'b-supervisor', x2.id)).deadlines;
    expect(x2Deadlines.map((d) => [d.key, d.status, d.dueAt])).toEqual([
      ['forward', 'met', '2026-09-29T02:30:00.000Z'],
      ['resolve', 'met', '2026-09-30T02:00:00.000Z'], // stopped by reclassify (met at T, exactly on its due instant)
      ['forward', 'met', '2026-09-30T02:30:00.000Z'],
      ['resolve', 'running', '2026-10-01T02:00:00.000Z'], // 24 hours: version 1, not manual B's 3 days
    ]);

    // Z: a new case gets version 2 and manual B
    const z = await registerAndClassify(w, w.b, 'b-', 'major');
    expect(z.configVersionId).toEqual(expect.any(Number));
    expect(z.configVersionId).not.toBe(v1Id);
    expect(pick(await clocks(w, 'b-supervisor', z.id))).toEqual(MANUAL_B_AT_T.major);

    // and X still reads as version 1
    expect((await getCase(w, 'b-supervisor', x.id)).configVersionId).toBe(v1Id);
  });
});

// =============================================================================================

describe('invalid proposals are refused with precise pointers and nothing is stored', () => {
  let w: World;
  beforeAll(async () => { w = await startWorld(); });
  afterAll(async () => { await w?.kernel.close(); });

  const WF = '/document/plugins/complaints/workflows/complaint';
  const complaintPatch = (workflow: Record<string, unknown>) => ({ plugins: { complaints: { workflows: { complaint: workflow } } } });

  /** each proposal is sent as a merge patch over the current document, or as a whole document */
  const cases: { name: string; body: { patch: Record<string, unknown> } | { document: Record<string, unknown> }; pointer: string; code: string }[] = [
    {
      name: 'a transition to a missing state',
      body: { patch: complaintPatch({ transitions: { classify: { to: 'forwarded' } } }) },
      pointer: `${WF}/transitions/classify/to`, code: 'unknown-state',
    },
    {
      name: 'a negative deadline amount',
      body: { patch: complaintPatch({ deadlines: { resolve: { duration: { amount: -1, unit: 'hours' } } } }) },
      pointer: `${WF}/deadlines/resolve/duration/amount`, code: 'schema-minimum',
    },
    {
      name: 'a guard reading an unknown field',
      // The document is itself a merge patch over the plugin: the plugin's guard {"or": …} is removed
      // (null) and replaced. Sent as a whole document, because a null inside a `patch` body only
      // deletes from the company's current document and never reaches the plugin's declaration.
      body: { document: complaintPatch({ transitions: { classify: { guard: { or: null, '==': [{ var: 'data.urgency' }, 'high'] } } } }) },
      pointer: `${WF}/transitions/classify/guard/==/0`, code: 'unknown-variable',
    },
    {
      name: 'a branch condition reading an unknown field',
      body: { patch: complaintPatch({ transitions: { classify: { branches: [{ when: { '==': [{ var: 'data.urgency' }, 'high'] }, to: 'explaining' }] } } }) },
      pointer: `${WF}/transitions/classify/branches/0/when/==/0`, code: 'unknown-variable',
    },
    {
      name: 'an unknown role in a transition',
      body: { patch: complaintPatch({ transitions: { classify: { roles: ['supervisor', 'nightShiftLead'] } } }) },
      pointer: `${WF}/transitions/classify/roles/1`, code: 'unknown-role',
    },
    {
      name: 'an unknown plugin id',
      body: { patch: { plugins: { billing: { enabled: true } } } },
      pointer: '/document/plugins/billing', code: 'unknown-plugin',
    },
    {
      name: 'an unknown project code',
      body: { patch: { projects: { XY: { calendar: { holidays: ['2026-10-09'] } } } } },
      pointer: '/document/projects/XY', code: 'unknown-project',
    },
    {
      name: 'a bad timezone',
      body: { patch: { calendar: { timezone: 'Asia/Beijing' } } },
      pointer: '/document/calendar/timezone', code: 'invalid-timezone',
    },
    {
      name: 'a reportsTo cycle',
      body: { patch: { roles: { manager: { reportsTo: 'supervisor' } } } },
      pointer: '/document/roles/manager/reportsTo', code: 'role-cycle',
    },
  ];

  it.each(cases)('$name → 400 at $pointer', async ({ body: proposal, pointer, code }) => {
    const token = await w.token('admin');
    const before = await history(w, 'admin');
    const res = await w.kernel.call(token, 'POST', '/api/config/versions', { ...proposal, reason: 'should be refused' });
    expect(res.statusCode, res.body).toBe(400);
    const body = res.json() as ErrorBody;
    expect(body.code).toBe('WUYE_VALIDATION');
    expect(body.issues).toContainEqual(expect.objectContaining({ pointer, code }));
    // every issue points into the document
    for (const issue of body.issues) expect(issue.pointer.startsWith('/document/'), issue.pointer).toBe(true);

    // nothing stored, nothing changed
    expect(await history(w, 'admin')).toEqual(before);
    expect(before).toHaveLength(1);
    const config = await getConfig(w, 'admin');
    expect(config.version).toBe(1);
    expect(config.document).toEqual({});

    // check says the same without storing
    const check = await w.kernel.call(token, 'POST', '/api/config/check', proposal);
    expect(check.statusCode, check.body).toBe(200);
    const checked = check.json() as { valid: boolean; issues: ErrorBody['issues'] };
    expect(checked.valid).toBe(false);
    expect(checked.issues).toEqual(body.issues);
    expect(await history(w, 'admin')).toEqual(before);
  });

  it('a cycle is reported on the roles of the loop, not on the roles that merely report into it', async () => {
    const res = await w.kernel.call(await w.token('admin'), 'POST', '/api/config/check', { patch: { roles: { manager: { reportsTo: 'supervisor' } } } });
    expect(res.statusCode).toBe(200);
    const { issues } = res.json() as { issues: ErrorBody['issues'] };
    const cyclePointers = issues.filter((i) => i.code === 'role-cycle').map((i) => i.pointer).sort();
    // supervisor -> manager -> supervisor; frontDesk, assistant, buildingConcierge only report into it
    expect(cyclePointers).toEqual(['/document/roles/manager/reportsTo', '/document/roles/supervisor/reportsTo']);
  });

  it('several problems in one proposal are all reported', async () => {
    const res = await w.kernel.call(await w.token('admin'), 'POST', '/api/config/versions', {
      patch: {
        plugins: { complaints: { workflows: { complaint: { transitions: { classify: { to: 'forwarded', roles: ['supervisor', 'nightShiftLead'] } } } } } },
        projects: { XY: {} },
      },
      reason: 'should be refused',
    });
    expect(res.statusCode).toBe(400);
    const issues = (res.json() as ErrorBody).issues.map((i) => [i.pointer, i.code]);
    expect(issues).toEqual(expect.arrayContaining([
      ['/document/projects/XY', 'unknown-project'],
      [`${WF}/transitions/classify/to`, 'unknown-state'],
      [`${WF}/transitions/classify/roles/1`, 'unknown-role'],
    ]));
    expect(await history(w, 'admin')).toHaveLength(1);
  });

  it('POST /api/config/check accepts a valid patch without storing it', async () => {
    const res = await w.kernel.call(await w.token('admin'), 'POST', '/api/config/check', { patch: MANUAL_B });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ valid: true, issues: [], document: MANUAL_B });
    expect(await history(w, 'admin')).toHaveLength(1);
    expect((await getConfig(w, 'admin')).version).toBe(1);
  });

  it('malformed bodies are refused: both patch and document, neither, no reason, extra fields', async () => {
    const token = await w.token('admin');
    const both = await w.kernel.call(token, 'POST', '/api/config/versions', { patch: {}, document: {}, reason: 'x' });
    expect(both.statusCode).toBe(400);
    expect((both.json() as ErrorBody).issues).toContainEqual(expect.objectContaining({ pointer: '/document', code: 'required' }));
    const neither = await w.kernel.call(token, 'POST', '/api/config/versions', { reason: 'x' });
    expect(neither.statusCode).toBe(400);
    const noReason = await w.kernel.call(token, 'POST', '/api/config/versions', { patch: MANUAL_B });
    expect(noReason.statusCode).toBe(400);
    const extra = await w.kernel.call(token, 'POST', '/api/config/versions', { patch: MANUAL_B, reason: 'x', author: 'someone' });
    expect(extra.statusCode).toBe(400);
    const badShape = await w.kernel.call(token, 'POST', '/api/config/versions', { patch: { colour: 'red' }, reason: 'x' });
    expect(badShape.statusCode).toBe(400);
    expect(await history(w, 'admin')).toHaveLength(1);
  });
});

// =============================================================================================

describe('permissions', () => {
  let w: World;
  beforeAll(async () => { w = await startWorld(); });
  afterAll(async () => { await w?.kernel.close(); });

  it('a supervisor (no config.view or config.edit) may not read, propose, check, activate or roll back', async () => {
    const token = await w.token('supervisor');
    // reading shows every role's permissions, drafts, reasons and authors (test/api/config-access.test.ts covers every role)
    const read = await w.kernel.call(token, 'GET', '/api/config');
    expect(read.statusCode).toBe(403);
    expect((read.json() as ErrorBody).code).toBe('WUYE_FORBIDDEN');
    expect((await w.kernel.call(token, 'GET', '/api/config/versions')).statusCode).toBe(403);

    const proposeRes = await w.kernel.call(token, 'POST', '/api/config/versions', { patch: MANUAL_B, reason: '主管想改时限' });
    expect(proposeRes.statusCode).toBe(403);
    expect((proposeRes.json() as ErrorBody).code).toBe('WUYE_FORBIDDEN');
    expect((await w.kernel.call(token, 'POST', '/api/config/check', { patch: MANUAL_B })).statusCode).toBe(403);
    expect((await w.kernel.call(token, 'POST', '/api/config/rollback', { reason: 'x' })).statusCode).toBe(403);

    // a real proposal by the admin cannot be activated by the supervisor
    await propose(w, 'admin', { patch: MANUAL_B, reason: '管理员提议' });
    const act = await w.kernel.call(token, 'POST', '/api/config/versions/2/activate', {});
    expect(act.statusCode).toBe(403);
    const items = await history(w, 'admin');
    expect(items.map((v) => [v.number, v.status, v.reason])).toEqual([[2, 'proposed', '管理员提议'], [1, 'activated', INITIAL_REASON]]);
    expect((await getConfig(w, 'admin')).version).toBe(1);
  });
});

// =============================================================================================

describe('activation guard', () => {
  let w: World;
  beforeAll(async () => { w = await startWorld(); });
  afterAll(async () => { await w?.kernel.close(); });

  it('a stale expectedCurrent is refused with 409; activating twice with 422; an unknown number with 404', async () => {
    const token = await w.token('admin');
    await propose(w, 'admin', { patch: MANUAL_B, reason: 'v2' });
    await propose(w, 'admin', { patch: { plugins: { complaints: { config: { writtenReplyToLetters: false } } } }, reason: 'v3' });
    await activate(w, 'admin', 2, { expectedCurrent: 1 });

    const stale = await w.kernel.call(token, 'POST', '/api/config/versions/3/activate', { expectedCurrent: 1 });
    expect(stale.statusCode, stale.body).toBe(409);
    expect((stale.json() as ErrorBody).code).toBe('WUYE_STALE_VERSION');
    let items = await history(w, 'admin');
    expect(items.map((v) => [v.number, v.status, v.current])).toEqual([[3, 'proposed', false], [2, 'activated', true], [1, 'activated', false]]);

    const again = await w.kernel.call(token, 'POST', '/api/config/versions/2/activate', {});
    expect(again.statusCode, again.body).toBe(422);
    expect((again.json() as ErrorBody).code).toBe('WUYE_REFUSED');

    const missing = await w.kernel.call(token, 'POST', '/api/config/versions/99/activate', {});
    expect(missing.statusCode).toBe(404);

    items = await history(w, 'admin');
    expect(items.map((v) => [v.number, v.status, v.current])).toEqual([[3, 'proposed', false], [2, 'activated', true], [1, 'activated', false]]);
    expect((await getConfig(w, 'admin')).version).toBe(2);
  });

  it('a proposal made on an older version is refused with 409 even without expectedCurrent (it would undo newer changes)', async () => {
    const token = await w.token('admin');
    // version 3 was proposed on version 1; version 2 is now in force
    const res = await w.kernel.call(token, 'POST', '/api/config/versions/3/activate', {});
    expect(res.statusCode, res.body).toBe(409);
    expect((res.json() as ErrorBody).message).toContain('proposed on version 1');
    expect((await getConfig(w, 'admin')).version).toBe(2);
    // proposed again on version 2, the same change activates
    const again = await propose(w, 'admin', { patch: { plugins: { complaints: { config: { writtenReplyToLetters: false } } } }, reason: 'v4 on v2' });
    expect(again.basedOn).toBe(2);
    await activate(w, 'admin', again.number);
    expect((await getConfig(w, 'admin')).version).toBe(again.number);
  });
});

// =============================================================================================

describe('rollback', () => {
  let w: World;
  beforeAll(async () => { w = await startWorld(); });
  afterAll(async () => { await w?.kernel.close(); });

  it('creates version 3 with version 1\'s document; new cases follow the old deadlines again', async () => {
    const adminId = staffId(w.b, 'b-admin');
    await propose(w, 'b-admin', { patch: MANUAL_B, reason: '采用手册B投诉处理时限' });
    await activate(w, 'b-admin', 2);
    w.kernel.clock.set(T);
    const underB = await registerAndClassify(w, w.b, 'b-', 'major');
    expect(pick(await clocks(w, 'b-supervisor', underB.id))).toEqual(MANUAL_B_AT_T.major);

    const res = await w.kernel.call(await w.token('b-admin'), 'POST', '/api/config/rollback', { reason: '手册B时限过长，恢复' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      number: 3, status: 'activated', current: true, reason: 'rollback to version 1: 手册B时限过长，恢复', authorId: adminId,
      activatedBy: adminId, basedOn: 2, effectiveFrom: T, activatedAt: T,
    });
    const v3 = await w.kernel.call(await w.token('b-admin'), 'GET', '/api/config/versions/3');
    expect((v3.json() as { document: unknown }).document).toEqual({});

    const config = await getConfig(w, 'b-admin');
    expect(config.version).toBe(3);
    expect(config.document).toEqual({});

    const afterRollback = await registerAndClassify(w, w.b, 'b-', 'major');
    expect(afterRollback.configVersionId).not.toBe(underB.configVersionId);
    expect(pick(await clocks(w, 'b-supervisor', afterRollback.id))).toEqual(MANUAL_A_AT_T.major);
    // the case opened under version 2 keeps manual B
    expect(pick(await clocks(w, 'b-supervisor', underB.id))).toEqual(MANUAL_B_AT_T.major);

    const items = await history(w, 'b-admin');
    expect(items.map((v) => ({ number: v.number, status: v.status, current: v.current, reason: v.reason, authorId: v.authorId, activatedBy: v.activatedBy, basedOn: v.basedOn }))).toEqual([
      { number: 3, status: 'activated', current: true, reason: 'rollback to version 1: 手册B时限过长，恢复', authorId: adminId, activatedBy: adminId, basedOn: 2 },
      { number: 2, status: 'activated', current: false, reason: '采用手册B投诉处理时限', authorId: adminId, activatedBy: adminId, basedOn: 1 },
      { number: 1, status: 'activated', current: false, reason: INITIAL_REASON, authorId: null, activatedBy: null, basedOn: null },
    ]);
  });

});

describe('rollback without an earlier version', () => {
  let w: World;
  beforeAll(async () => { w = await startWorld(); });
  afterAll(async () => { await w?.kernel.close(); });

  it('with nothing to roll back to, rollback is refused (422) and stores nothing', async () => {
    const res = await w.kernel.call(await w.token('admin'), 'POST', '/api/config/rollback', { reason: 'nothing to undo' });
    expect(res.statusCode, res.body).toBe(422);
    expect(await history(w, 'admin')).toHaveLength(1);
  });
});

// =============================================================================================

describe('project layer', () => {
  let w: World;
  beforeAll(async () => { w = await startWorld(); });
  afterAll(async () => { await w?.kernel.close(); });

  it('a patch under projects.JR changes the deadlines of JR\'s cases only', async () => {
    const patch = {
      projects: {
        JR: { plugins: { complaints: { workflows: { complaint: { deadlines: { resolve: { duration: { amount: 4, unit: 'hours' } } } } } } } },
      },
    };
    await propose(w, 'admin', { patch, reason: '金融大厦：轻微投诉4小时内解决' });
    await activate(w, 'admin', 2, { expectedCurrent: 1 });

    expect(wf(await getConfig(w, 'admin', 'JR')).deadlines.resolve!.duration).toEqual({ amount: 4, unit: 'hours' });
    expect(wf(await getConfig(w, 'admin', 'CH')).deadlines.resolve!.duration).toEqual({ amount: 24, unit: 'hours' });
    expect(wf(await getConfig(w, 'admin')).deadlines.resolve!.duration).toEqual({ amount: 24, unit: 'hours' });

    w.kernel.clock.set(T);
    const ch = await registerAndClassify(w, w.a, '', 'minor', 'CH');
    const jr = await registerAndClassify(w, w.a, '', 'minor', 'JR');
    const jrMajor = await registerAndClassify(w, w.a, '', 'major', 'JR');
    expect(ch.configVersionId).toBe(jr.configVersionId);
    expect(pick(await clocks(w, 'supervisor', ch.id))).toEqual(MANUAL_A_AT_T.minor);
    expect(pick(await clocks(w, 'supervisor', jr.id))).toEqual({
      forward: FORWARD_MET,
      resolve: { dueAt: '2026-09-30T06:00:00.000Z', status: 'running', metAt: null, startedAt: T, duration: { amount: 4, unit: 'hours' } },
    });
    // bySeverity still wins for major in JR
    expect(pick(await clocks(w, 'supervisor', jrMajor.id))).toEqual(MANUAL_A_AT_T.major);

    // company B is untouched
    const inB = await registerAndClassify(w, w.b, 'b-', 'minor', 'JR');
    expect(pick(await clocks(w, 'b-supervisor', inB.id))).toEqual(MANUAL_A_AT_T.minor);
  });
});

// =============================================================================================

describe('effective date', () => {
  let w: World;
  beforeAll(async () => { w = await startWorld(); });
  afterAll(async () => { await w?.kernel.close(); });

  const FROM = '2026-10-04T16:00:00.000Z'; // 2026-10-05 00:00 Shanghai

  it('a version activated with a future effectiveFrom applies only once the clock passes it', async () => {
    const proposed = await propose(w, 'b-admin', { patch: MANUAL_B, reason: '十月五日起采用手册B', effectiveFrom: '2026-10-05T00:00:00+08:00' });
    expect(proposed.effectiveFrom).toBe(FROM);
    const activated = await activate(w, 'b-admin', 2, { expectedCurrent: 1 });
    expect(activated).toMatchObject({ number: 2, status: 'activated', current: false, effectiveFrom: FROM, activatedAt: START });

    // before the effective date: version 1
    w.kernel.clock.set(T);
    expect((await getConfig(w, 'b-admin')).version).toBe(1);
    const before = await registerAndClassify(w, w.b, 'b-', 'minor');
    expect(pick(await clocks(w, 'b-supervisor', before.id))).toEqual(MANUAL_A_AT_T.minor);

    w.kernel.clock.set('2026-10-04T15:59:59.999Z');
    expect((await getConfig(w, 'b-admin')).version).toBe(1);
    let items = await history(w, 'b-admin');
    expect(items.map((v) => [v.number, v.current])).toEqual([[2, false], [1, true]]);

    // from the effective date: version 2
    w.kernel.clock.set(FROM);
    expect((await getConfig(w, 'b-admin')).version).toBe(2);
    items = await history(w, 'b-admin');
    expect(items.map((v) => [v.number, v.current])).toEqual([[2, true], [1, false]]);
    const after = await registerAndClassify(w, w.b, 'b-', 'minor');
    expect(after.configVersionId).not.toBe(before.configVersionId);
    const c = await clocks(w, 'b-supervisor', after.id);
    expect(c.resolve).toMatchObject({ startedAt: FROM, dueAt: '2026-10-06T16:00:00.000Z', duration: { amount: 2, unit: 'days' }, status: 'running' });
    // the case opened before keeps version 1
    expect((await getCase(w, 'b-supervisor', before.id)).configVersionId).toBe(before.configVersionId);
  });
});

// =============================================================================================

describe('tenant isolation', () => {
  let w: World;
  beforeAll(async () => { w = await startWorld(); });
  afterAll(async () => { await w?.kernel.close(); });

  it('company A never sees, reads or activates company B\'s versions; numbers are per company', async () => {
    const SECRET = '贝塔物业内部：手册B时限';
    await propose(w, 'b-admin', { patch: MANUAL_B, reason: SECRET });
    await propose(w, 'b-admin', { patch: { calendar: { holidays: ['2026-10-09'] } }, reason: `${SECRET}（二）` });

    const aToken = await w.token('admin');
    const aItems = await history(w, 'admin');
    expect(aItems.map((v) => v.number)).toEqual([1]);
    expect(JSON.stringify(aItems)).not.toContain(SECRET);

    // version 2 exists only in B: 404 for A, whether reading or activating
    const read = await w.kernel.call(aToken, 'GET', '/api/config/versions/2');
    expect(read.statusCode).toBe(404);
    expect(read.body).not.toContain(SECRET);
    const act = await w.kernel.call(aToken, 'POST', '/api/config/versions/2/activate', {});
    expect(act.statusCode).toBe(404);

    // B's proposal is still proposed, and B's configuration unchanged
    let bItems = await history(w, 'b-admin');
    expect(bItems.map((v) => [v.number, v.status, v.reason])).toEqual([
      [3, 'proposed', `${SECRET}（二）`], [2, 'proposed', SECRET], [1, 'activated', INITIAL_REASON],
    ]);
    expect((await getConfig(w, 'b-admin')).version).toBe(1);

    // A's own proposal is A's version 2; it does not touch B's version 2
    const aV2 = await propose(w, 'admin', { patch: { plugins: { complaints: { config: { writtenReplyToLetters: false } } } }, reason: 'A: 来信可电话答复' });
    expect(aV2.number).toBe(2);
    await activate(w, 'admin', 2, { expectedCurrent: 1 });
    expect((await getConfig(w, 'admin')).document).toEqual({ plugins: { complaints: { config: { writtenReplyToLetters: false } } } });
    bItems = await history(w, 'b-admin');
    expect(bItems.map((v) => [v.number, v.status])).toEqual([[3, 'proposed'], [2, 'proposed'], [1, 'activated']]);
    expect(JSON.stringify(bItems)).not.toContain('A: 来信可电话答复');
    const b = await getConfig(w, 'b-admin');
    expect(b.version).toBe(1);
    expect(b.document).toEqual({});

    // B's admin reading A's version 2 sees B's own version 2
    const bRead = await w.kernel.call(await w.token('b-admin'), 'GET', '/api/config/versions/2');
    expect(bRead.statusCode).toBe(200);
    expect(bRead.json()).toMatchObject({ number: 2, reason: SECRET, status: 'proposed', document: MANUAL_B });
  });
});
