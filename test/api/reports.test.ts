/**
 * Monthly statistics (GET /api/reports/monthly, .xlsx) and follow-up rates (GET
 * /api/reports/follow-ups) on a month of cases seeded over HTTP with a controlled clock: complaints
 * (minor in time, minor overdue with an unsatisfied on-site follow-up and a rectification, a major
 * one in the other project followed up by the general manager, one never classified, one
 * cancelled), paid-service orders and repairs (a reply clock met late, a declined order, an
 * unsatisfied repair follow-up), last month's cases that must not count, and billing bills and
 * payments (collection rates, which the dashboard reads from billing).
 *
 * Every number is compared with an independent computation in this file: the test walks the cases
 * it created (their views from GET /api/cases/<type>/<id>: state, data, severity, deadlines,
 * follow-ups) and its own log of the follow-ups it recorded (who, how, the answer), and counts
 * them in JavaScript — it never runs the report's SQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT_DIR } from '../../core/kernel.js';
import { startTestKernel, type SeededRegistry, type TestKernel } from '../../core/testing/harness.js';
import { jsonText, reportDialect } from '../../core/reports/report-sql.js';

interface Deadline { key: string; dueAt: string; status: string; metAt: string | null }
interface FollowUpView { id: number; dueAt: string; method: string; roles: string[]; status: string; satisfied: boolean | null }
interface CaseBody {
  id: number; serial: string; caseType: string; projectId: number; state: string; version: number; severity: string | null; overdue: boolean;
  closedAt: string | null; createdAt: string; data: Record<string, unknown>; deadlines: Deadline[]; followUps: FollowUpView[];
}
interface Bucket { key: string | null; label: { 'zh-CN': string; en: string }; count: number }
interface Breakdown { field: string; label: { 'zh-CN': string; en: string }; items: Bucket[] }
interface FollowUpFigures {
  caseType: string; policy: { deadline: { amount: number; unit: string }; method: string; requiredRate: number; roles: string[] };
  due: number; notYetDue: number; done: number; doneOnTime: number; doneLate: number; open: number; overdueOpen: number; satisfied: number; unsatisfied: number; onSite: number;
  rate: string | null; requiredRate: number; met: boolean | null; satisfactionRate: string | null; onSiteShare: string | null;
  spotChecks: number; spotChecksByStaff: { staffId: number; name: string; roles: string[]; count: number }[];
}
interface TypeReport {
  caseType: string; pluginId: string; title: { 'zh-CN': string; en: string };
  cases: { total: number; closed: number; open: number; overdue: number };
  byState: Bucket[]; bySeverity: Breakdown | null; fields: Breakdown[]; byProject: { projectId: number; name: string; count: number }[];
  deadlines: { total: number; metOnTime: number; metLate: number; overdueOpen: number; running: number; complianceRate: string | null;
    clocks: { key: string; total: number; metOnTime: number; metLate: number; overdueOpen: number; running: number; complianceRate: string | null }[] };
  followUps: FollowUpFigures | null;
  dissatisfaction: { unsatisfied: number; byCaseField: Breakdown[]; byResultField: Breakdown[]; items: { followUpId: number; caseId: number; serial: string; doneAt: string; texts: { field: string; value: string }[] }[] } | null;
}
interface Report { month: string; projectId: number | null; from: string; to: string; caseTypes: TypeReport[] }

let kernel: TestKernel;
let reg: SeededRegistry;
const tokens: Record<string, string> = {};
const MONTH = '2026-11';
const FROM = new Date('2026-11-01T00:00:00+08:00').getTime();
const TO = new Date('2026-12-01T00:00:00+08:00').getTime();
const bj = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`);
const SIGNATURE = `data:image/png;base64,${'iVBORw0KGgo'.repeat(4)}`;
const SUMMARY_FIELDS: Record<string, string[]> = {
  complaint: ['category', 'severity', 'nature', 'channel', 'department'], serviceOrder: ['serviceItem', 'channel'], repair: ['category', 'area', 'charge'],
  serviceRequest: ['kind', 'channel'],
};
// a repair's category picks its follow-up window (categoryField) but is no severity: only complaints have one
const SEVERITY_FIELD: Record<string, string | null> = { complaint: 'severity', serviceOrder: null, repair: null, serviceRequest: null };
const REQUIRED_RATE: Record<string, number> = { complaint: 1, serviceOrder: 1, repair: 1, serviceRequest: 1 };
const MANAGERS = new Set(['manager', 'director', 'gm', 'admin']); // staff whose roles cover all projects

/** Every case the test created: id and type; the views are read back at the end. */
const created: { caseType: string; id: number }[] = [];
/** The follow-ups the test recorded: who, how and what the resident said. */
const recorded = new Map<number, { by: string; method: string; satisfied: boolean; satisfaction: string; doneAt: number; texts: Record<string, string> }>();
const payments: { unitId: number; amountFen: number }[] = [];

async function call(as: string, method: 'GET' | 'POST', url: string, body?: unknown) {
  return kernel.call(tokens[as]!, method, url, body);
}
async function get(caseType: string, id: number, as = 'manager'): Promise<CaseBody> {
  const res = await call(as, 'GET', `/api/cases/${caseType}/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as CaseBody;
}
async function open(as: string, caseType: string, body: Record<string, unknown>): Promise<CaseBody> {
  const res = await call(as, 'POST', `/api/cases/${caseType}`, body);
  expect(res.statusCode, res.body).toBe(201);
  const c = res.json() as CaseBody;
  created.push({ caseType, id: c.id });
  return c;
}
async function take(as: string, caseType: string, c: { id: number }, transition: string, data?: Record<string, unknown>): Promise<CaseBody> {
  const current = await get(caseType, c.id);
  const res = await call(as, 'POST', `/api/cases/${caseType}/${c.id}/transitions/${transition}`, { version: current.version, ...(data ? { data } : {}) });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as CaseBody;
}
async function followUp(as: string, caseType: string, c: { id: number }, data: { method: string; satisfied: boolean; satisfaction: string } & Record<string, unknown>) {
  const current = await get(caseType, c.id);
  const due = current.followUps.filter((f) => f.status === 'due');
  expect(due).toHaveLength(1);
  const res = await call(as, 'POST', `/api/follow-ups/${due[0]!.id}/complete`, { caseVersion: current.version, data });
  expect(res.statusCode, res.body).toBe(200);
  const texts = Object.fromEntries(Object.entries(data).filter(([k, v]) => ['quality', 'effect', 'shortcomings', 'suggestions', 'visitorNote'].includes(k) && typeof v === 'string')) as Record<string, string>;
  recorded.set(due[0]!.id, { by: as, method: data.method, satisfied: data.satisfied, satisfaction: data.satisfaction, doneAt: kernel.clock.now().getTime(), texts });
}
const at = async (local: string) => { kernel.clock.set(bj(local)); await kernel.runJobs(); };
const project = (code: string) => reg.projects.get(code)!.id;
const unit = (key: string) => reg.units.get(key)!.id;

// ---- the seed: one month of work -------------------------------------------------------------

async function complaint(as: string, projectCode: string, unitKey: string, data: Record<string, unknown> = {}) {
  return open(as, 'complaint', {
    projectId: project(projectCode), unitId: unit(unitKey),
    data: { channel: 'phone', complainantName: '张伟', contactPhone: '13800000001', content: '投诉内容', ...data },
  });
}
async function serviceOrder(data: Record<string, unknown> = {}) {
  return open('frontdesk', 'serviceOrder', {
    projectId: project('CH'), unitId: unit('CH/1/101'),
    data: { channel: 'phone', customerName: '张伟', contactPhone: '13800000001', serviceItem: 'tapValve', appointmentAt: kernel.clock.now().toISOString(), description: '水龙头滴水', ...data },
  });
}
const price = { serviceItem: 'tapValve', quantity: 1, materialsSource: 'warehouse', materials: '水龙头一个', materialsCost: '60', customerAgreed: true };
const completion = () => ({ workDone: '已更换，试用正常', completedAt: kernel.clock.now().toISOString(), customerTested: true, customerSignature: SIGNATURE });
async function repair(data: Record<string, unknown>) {
  return open('frontdesk', 'repair', {
    projectId: project('CH'),
    data: { channel: 'phone', customerName: '王芳', contactPhone: '13800000002', appointmentAt: kernel.clock.now().toISOString(), area: 'commonArea', location: '3栋', ...data },
  });
}

async function seed() {
  // October: billing for November, last month's paid order (its follow-up falls due on 10 November), a complaint of October
  await at('2026-10-20 09:00');
  expect((await call('finance', 'POST', '/api/billing/runs', { periodKey: MONTH, projectId: project('CH') })).statusCode).toBe(200);
  await at('2026-10-21 09:00');
  let s0 = await serviceOrder();
  s0 = await take('assistant', 'serviceOrder', s0, 'accept', {});
  s0 = await take('technician', 'serviceOrder', s0, 'pickUp', { pickedUpAt: kernel.clock.now().toISOString() });
  s0 = await take('technician', 'serviceOrder', s0, 'confirmPrice', price);
  await at('2026-10-21 11:00');
  s0 = await take('technician', 'serviceOrder', s0, 'complete', completion());
  await at('2026-10-28 10:00');
  const c0 = await complaint('frontdesk', 'CH', 'CH/1/102', { channel: 'visit' });
  await take('supervisor', 'complaint', c0, 'classify', { nature: 'valid', severity: 'minor', category: 'cleaning' });

  // November
  await at('2026-11-02 09:00');
  const c1 = await complaint('frontdesk', 'CH', 'CH/1/101');
  await at('2026-11-02 09:10');
  await take('supervisor', 'complaint', c1, 'classify', { nature: 'valid', severity: 'minor', category: 'repair' });
  await at('2026-11-02 10:00');
  const c2 = await complaint('frontdesk', 'CH', 'CH/1/102', { channel: 'online' });
  await at('2026-11-02 10:05');
  await take('supervisor', 'complaint', c2, 'classify', { nature: 'valid', severity: 'minor', category: 'noise' });
  await at('2026-11-02 11:00');
  await take('engineering', 'complaint', c1, 'handle', { cause: '灯管老化', correctiveAction: '更换灯管', handledBy: '韩志' });
  await at('2026-11-02 12:00');
  await take('frontdesk', 'complaint', c1, 'reply', { replyMethod: 'phone', replyContent: '已更换灯管' });
  await at('2026-11-03 09:00');
  await followUp('supervisor', 'complaint', c1, { method: 'phone', satisfied: true, satisfaction: 'satisfied', suggestions: '希望巡查更勤', visitorNote: '电话回访，住户满意' });
  const c3 = await complaint('frontdesk-jr', 'JR', 'JR/A/1001', { channel: 'letter', complainantName: '吴刚' });
  await at('2026-11-03 09:20');
  await take('supervisor', 'complaint', c3, 'classify', { nature: 'major', severity: 'major', category: 'security', classificationNote: '住户书面投诉，门岗多次放行陌生人' });
  await at('2026-11-03 12:00'); // c2's 24-hour clock ran out at 10:05
  await take('security', 'complaint', c2, 'handle', { cause: '装修噪音', correctiveAction: '约谈装修户', handledBy: '唐勇' });
  await at('2026-11-03 14:00');
  await take('frontdesk', 'complaint', c2, 'reply', { replyMethod: 'phone', replyContent: '已约谈' });
  await at('2026-11-03 15:00');
  await take('supervisor', 'complaint', c3, 'answer', { answerContent: '已安排保安加强巡逻', answerMethod: 'letter' });
  await at('2026-11-04 09:00');
  const c4 = await complaint('frontdesk', 'CH', 'CH/1/201', { channel: 'other', channelOther: '意见箱' });
  const c5 = await complaint('frontdesk', 'CH', 'CH/1/201');
  await at('2026-11-04 09:10');
  await take('supervisor', 'complaint', c5, 'cancel', { cancelReason: 'duplicate', cancelNote: '重复登记' });
  await take('security', 'complaint', c3, 'handle', { cause: '门岗疏忽', correctiveAction: '门岗培训', handledBy: '唐勇' });
  await at('2026-11-04 10:00');
  await take('frontdesk-jr', 'complaint', c3, 'reply', { replyMethod: 'letter', replyContent: '书面答复' });
  await at('2026-11-04 16:00');
  await followUp('manager', 'complaint', c2, { method: 'onSite', satisfied: false, satisfaction: 'unsatisfied', shortcomings: '夜间仍有噪音', suggestions: '限制施工时间' });
  await at('2026-11-05 09:00');
  await followUp('gm', 'complaint', c3, { method: 'onSite', satisfied: true, satisfaction: 'verySatisfied', residentSignature: SIGNATURE });
  await at('2026-11-05 10:00');
  await take('security', 'complaint', c2, 'handle', { cause: '装修噪音', correctiveAction: '暂停夜间施工', handledBy: '唐勇' });
  await take('frontdesk', 'complaint', c2, 'reply', { replyMethod: 'phone', replyContent: '已暂停夜间施工' });
  // c2's second follow-up stays undone: overdue by the end of the month

  // last month's order: followed up on site in time
  await at('2026-11-06 09:00');
  await followUp('assistant', 'serviceOrder', s0, { method: 'onSite', satisfied: true, satisfaction: 'satisfied' });
  // this month's orders: one picked up late, one declined
  const s1 = await serviceOrder({ serviceItem: 'tapValve' });
  await take('assistant', 'serviceOrder', s1, 'accept', {});
  await at('2026-11-06 09:40'); // the 15-minute reply clock ran out at 09:15
  await take('technician', 'serviceOrder', s1, 'pickUp', { pickedUpAt: kernel.clock.now().toISOString() });
  await take('technician', 'serviceOrder', s1, 'confirmPrice', price);
  await at('2026-11-06 11:00');
  await take('technician', 'serviceOrder', s1, 'complete', completion()); // followed up by 10 December: not this month
  const s2 = await serviceOrder({ channel: 'visit' });
  await take('assistant', 'serviceOrder', s2, 'decline', { declineReason: 'outsideScope', declineExplanation: '不在服务范围' });

  // repairs: a safety item followed up unsatisfied, rectified, the second follow-up left undone; one in progress
  await at('2026-11-09 09:00');
  const r1 = await repair({ category: 'safety', content: '应急灯不亮' });
  await take('assistant', 'repair', r1, 'dispatch', {});
  await at('2026-11-09 09:05');
  await take('technician', 'repair', r1, 'pickUp', { pickedUpAt: kernel.clock.now().toISOString() });
  await take('technician', 'repair', r1, 'startWork', { findings: '电池老化', materialsSource: 'warehouse', materials: '电池' });
  await at('2026-11-09 11:00');
  await take('technician', 'repair', r1, 'complete', completion());
  await at('2026-11-10 09:00');
  await followUp('assistant', 'repair', r1, { method: 'phone', satisfied: false, satisfaction: 'unsatisfied', shortcomings: '第二天又不亮', visitorNote: '电话回访' });
  await at('2026-11-11 09:00');
  await take('technician', 'repair', r1, 'finishRectification', { rectificationDone: '更换整灯' });
  const r2 = await repair({ category: 'electrical', content: '电梯厅灯不亮' });
  await take('assistant', 'repair', r2, 'dispatch', {});
  await at('2026-11-11 09:10');
  await take('technician', 'repair', r2, 'pickUp', { pickedUpAt: kernel.clock.now().toISOString() });

  // billing: two households pay November in full
  await at('2026-11-12 10:00');
  for (const key of ['CH/1/101', 'CH/1/102']) {
    const bills = (await call('finance', 'GET', `/api/billing/bills?unitId=${unit(key)}&periodKey=${MONTH}`)).json() as { items: { principal: string }[] };
    const amount = bills.items[0]!.principal;
    const res = await call('cashier', 'POST', '/api/billing/payments', { unitId: unit(key), amount, method: 'cash' });
    expect(res.statusCode, res.body).toBe(201);
    payments.push({ unitId: unit(key), amountFen: Math.round(Number(amount) * 100) });
  }
  // a plumbing repair completed yesterday: its follow-up (2 days) is not due yet when the report is read
  await at('2026-11-19 09:00');
  const r3 = await repair({ category: 'plumbing', content: '楼道水管渗水' });
  await take('assistant', 'repair', r3, 'dispatch', {});
  await take('technician', 'repair', r3, 'pickUp', { pickedUpAt: kernel.clock.now().toISOString() });
  await take('technician', 'repair', r3, 'startWork', { findings: '接头松动', materialsSource: 'warehouse', materials: '生料带' });
  await at('2026-11-19 11:00');
  await take('technician', 'repair', r3, 'complete', completion());
  void c4;
  await at('2026-11-20 10:00');
}

beforeAll(async () => {
  kernel = await startTestKernel({ plugins: ['service-desk', 'billing', 'paid-services', 'complaints'], startAt: bj('2026-10-20 08:00') });
  reg = await kernel.seed();
  for (const u of ['frontdesk', 'frontdesk-jr', 'assistant', 'supervisor', 'manager', 'gm', 'director', 'technician', 'engineering', 'security', 'cashier', 'finance', 'admin']) tokens[u] = await kernel.login(u);
  await seed();
}, 120_000);
afterAll(async () => kernel?.close());

// ---- the independent computation --------------------------------------------------------------

const inMonth = (iso: string | number) => { const t = typeof iso === 'number' ? iso : new Date(iso).getTime(); return t >= FROM && t < TO; };
/** n / d rounded down to 4 decimals, with BigInt */
function share(n: number, d: number): string | null {
  if (d === 0) return null;
  const q = (BigInt(n) * 10000n) / BigInt(d);
  return `${q / 10000n}.${String(q % 10000n).padStart(4, '0')}`;
}
const keyOf = (v: unknown) => (v === undefined || v === null ? null : String(v));
function tally(values: (string | null)[]): Map<string | null, number> {
  const m = new Map<string | null, number>();
  for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
  return m;
}
const asMap = (items: { key: string | null; count: number }[]) => new Map(items.map((i) => [i.key, i.count]));

async function views(projectId?: number): Promise<CaseBody[]> {
  const out: CaseBody[] = [];
  for (const c of created) {
    const v = await get(c.caseType, c.id);
    if (projectId === undefined || v.projectId === projectId) out.push({ ...v, caseType: c.caseType });
  }
  return out;
}

interface Expected {
  cases: TypeReport['cases']; byState: Map<string | null, number>; bySeverity: Map<string | null, number> | null; fields: Record<string, Map<string | null, number>>;
  byProject: Map<number, number>;
  clocks: Map<string, { total: number; metOnTime: number; metLate: number; overdueOpen: number; running: number }>;
  followUps: Omit<FollowUpFigures, 'caseType' | 'policy' | 'spotChecksByStaff'> & { spotChecksByStaff: Map<string, number> };
  unsatisfiedByField: Record<string, Map<string | null, number>>; unsatisfiedBySatisfaction: Map<string | null, number>; unsatisfiedTexts: Map<number, Record<string, string>>;
}

function expectedFor(caseType: string, all: CaseBody[]): Expected {
  const mine = all.filter((c) => c.caseType === caseType);
  const cases = mine.filter((c) => inMonth(c.createdAt));
  const closed = cases.filter((c) => c.closedAt).length;
  const clocks = new Map<string, { total: number; metOnTime: number; metLate: number; overdueOpen: number; running: number }>();
  for (const c of mine) for (const d of c.deadlines) {
    if (!inMonth(d.dueAt) || d.status === 'cancelled') continue;
    const e = clocks.get(d.key) ?? { total: 0, metOnTime: 0, metLate: 0, overdueOpen: 0, running: 0 };
    e.total++;
    if (d.metAt) new Date(d.metAt) <= new Date(d.dueAt) ? e.metOnTime++ : e.metLate++;
    else if (d.status === 'overdue') e.overdueOpen++;
    else e.running++;
    clocks.set(d.key, e);
  }
  const now = kernel.clock.now().getTime();
  const fus = mine.flatMap((c) => c.followUps.map((f) => ({ f, c }))).filter(({ f }) => inMonth(f.dueAt) && f.status !== 'cancelled');
  const done = fus.filter(({ f }) => f.status === 'done');
  const rec = (id: number) => { const r = recorded.get(id); expect(r, `follow-up ${id} was recorded by the test`).toBeDefined(); return r!; };
  const satisfied = done.filter(({ f }) => rec(f.id).satisfied).length;
  const onSite = done.filter(({ f }) => rec(f.id).method === 'onSite').length;
  const onTime = done.filter(({ f }) => rec(f.id).doneAt <= new Date(f.dueAt).getTime()).length;
  const spot = tally(done.filter(({ f }) => MANAGERS.has(rec(f.id).by)).map(({ f }) => rec(f.id).by));
  const unsatisfied = done.filter(({ f }) => !rec(f.id).satisfied);
  const required = REQUIRED_RATE[caseType]!;
  // still open and its due time not come: neither done nor missed, so left out of the rate
  const notYetDue = fus.filter(({ f }) => f.status === 'due' && new Date(f.dueAt).getTime() >= now).length;
  const judged = fus.length - notYetDue;
  return {
    cases: { total: cases.length, closed, open: cases.length - closed, overdue: cases.filter((c) => c.overdue).length },
    byState: tally(cases.map((c) => c.state)),
    bySeverity: SEVERITY_FIELD[caseType] ? tally(cases.map((c) => keyOf(c.severity))) : null,
    fields: Object.fromEntries(SUMMARY_FIELDS[caseType]!.map((f) => [f, tally(cases.map((c) => keyOf(c.data[f])))])),
    byProject: tally(cases.map((c) => String(c.projectId))) as unknown as Map<number, number>,
    clocks,
    followUps: {
      due: fus.length, notYetDue, done: done.length, doneOnTime: onTime, doneLate: done.length - onTime,
      open: fus.filter(({ f }) => f.status === 'due').length,
      overdueOpen: fus.filter(({ f }) => f.status === 'due' && new Date(f.dueAt).getTime() < now).length,
      satisfied, unsatisfied: done.length - satisfied, onSite,
      rate: share(done.length, judged), requiredRate: required, met: judged > 0 ? done.length >= required * judged : null,
      satisfactionRate: share(satisfied, done.length), onSiteShare: share(onSite, done.length),
      spotChecks: [...spot.values()].reduce((a, b) => a + b, 0), spotChecksByStaff: spot as Map<string, number>,
    },
    unsatisfiedByField: Object.fromEntries(SUMMARY_FIELDS[caseType]!.map((field) => [field, tally(unsatisfied.map(({ c }) => keyOf(c.data[field])))])),
    unsatisfiedBySatisfaction: tally(unsatisfied.map(({ f }) => rec(f.id).satisfaction)),
    unsatisfiedTexts: new Map(unsatisfied.map(({ f }) => [f.id, rec(f.id).texts])),
  };
}

const staffNames = () => new Map([...reg.staff.values()].map((s) => [s.username, s.name]));

function compare(report: TypeReport, e: Expected) {
  expect(report.cases).toEqual(e.cases);
  expect(asMap(report.byState)).toEqual(e.byState);
  expect(report.bySeverity ? asMap(report.bySeverity.items) : null).toEqual(e.bySeverity);
  expect(report.fields.map((f) => f.field)).toEqual(Object.keys(e.fields));
  for (const f of report.fields) expect(asMap(f.items), f.field).toEqual(e.fields[f.field]);
  expect(new Map(report.byProject.map((p) => [String(p.projectId), p.count]))).toEqual(e.byProject);
  const clocks = new Map(report.deadlines.clocks.map(({ key, total, metOnTime, metLate, overdueOpen, running }) => [key, { total, metOnTime, metLate, overdueOpen, running }]));
  expect(clocks).toEqual(e.clocks);
  for (const c of report.deadlines.clocks) expect(c.complianceRate).toBe(share(c.metOnTime, c.metOnTime + c.metLate + c.overdueOpen));
  const sum = (k: 'total' | 'metOnTime' | 'metLate' | 'overdueOpen' | 'running') => [...e.clocks.values()].reduce((a, c) => a + c[k], 0);
  expect(report.deadlines).toMatchObject({ total: sum('total'), metOnTime: sum('metOnTime'), metLate: sum('metLate'), overdueOpen: sum('overdueOpen'), running: sum('running') });
  expect(report.deadlines.complianceRate).toBe(share(sum('metOnTime'), sum('metOnTime') + sum('metLate') + sum('overdueOpen')));
  compareFollowUps(report.followUps!, e);
  const d = report.dissatisfaction!;
  expect(d.unsatisfied).toBe(e.followUps.unsatisfied);
  for (const f of d.byCaseField) expect(asMap(f.items), `unsatisfied by ${f.field}`).toEqual(e.unsatisfiedByField[f.field]);
  expect(d.byResultField.map((f) => f.field)).toEqual(['satisfaction']);
  expect(asMap(d.byResultField[0]!.items)).toEqual(e.unsatisfiedBySatisfaction);
  expect(new Map(d.items.map((i) => [i.followUpId, Object.fromEntries(i.texts.map((t) => [t.field, t.value]))]))).toEqual(e.unsatisfiedTexts);
}

function compareFollowUps(f: FollowUpFigures, e: Expected) {
  const { spotChecksByStaff, ...numbers } = e.followUps;
  const { spotChecksByStaff: actualByStaff, caseType: _t, policy: _p, title: _title, ...actual } = f as FollowUpFigures & { title: unknown };
  expect(actual).toEqual(numbers);
  const names = staffNames();
  expect(new Map(actualByStaff.map((s) => [s.name, s.count]))).toEqual(new Map([...spotChecksByStaff].map(([u, n]) => [names.get(u!), n])));
}

// ---- the tests --------------------------------------------------------------------------------

describe('reports: the JSON helper reads case data the same way on both databases', () => {
  it('strings, numbers, booleans, nested and absent fields group as text', async () => {
    const dialect = reportDialect(kernel.orm);
    expect(dialect).toBe(kernel.dialect);
    const conn = kernel.orm.em.fork().getConnection();
    const rows = (await conn.execute(
      `select ${jsonText(dialect, 'data', 'channel')} as s, ${jsonText(dialect, 'data', 'ongoingDamage')} as b, ${jsonText(dialect, 'data', 'nothing')} as n from work_case where id = ?`,
      [created.find((c) => c.caseType === 'complaint')!.id], 'all',
    )) as { s: unknown; b: unknown; n: unknown }[];
    expect(rows[0]).toMatchObject({ s: 'visit', n: null });
    expect([null, 'false', 'true']).toContain(rows[0]!.b);
    const lit = dialect === 'sqlite'
      ? `select ${jsonText(dialect, 'x', 'a.b')} as nested, ${jsonText(dialect, 'x', 'n')} as num, ${jsonText(dialect, 'x', 't')} as t, ${jsonText(dialect, 'x', 'z')} as z from (select '{"a":{"b":"深"},"n":2.5,"t":true,"z":null}' as x) q`
      : `select ${jsonText(dialect, 'x', 'a.b')} as nested, ${jsonText(dialect, 'x', 'n')} as num, ${jsonText(dialect, 'x', 't')} as t, ${jsonText(dialect, 'x', 'z')} as z from (select '{"a":{"b":"深"},"n":2.5,"t":true,"z":null}'::jsonb as x) q`;
    expect(((await conn.execute(lit, [], 'all')) as unknown[])[0]).toEqual({ nested: '深', num: '2.5', t: 'true', z: null });
    expect(() => jsonText(dialect, 'data', "x') or 1=1 --")).toThrow();
  });
});

describe('reports: monthly statistics against an independent computation', () => {
  it('counts every case type of the month: totals, states, severity, summary fields, projects, clocks, follow-ups, causes', async () => {
    const res = await call('manager', 'GET', `/api/reports/monthly?month=${MONTH}`);
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json() as Report;
    expect(report).toMatchObject({ month: MONTH, projectId: null, from: new Date(FROM).toISOString(), to: new Date(TO).toISOString() });
    // every type with a follow-up policy or cases this month: the service work order has its policy, no case yet
    expect(report.caseTypes.map((t) => t.caseType).sort()).toEqual(['complaint', 'repair', 'serviceOrder', 'serviceRequest']);
    const all = await views();
    for (const t of report.caseTypes) compare(t, expectedFor(t.caseType, all));

    // a few figures by hand, so the computation above is known to look at the right things
    const complaint = report.caseTypes.find((t) => t.caseType === 'complaint')!;
    expect(complaint.cases).toEqual({ total: 5, closed: 3, open: 2, overdue: 1 }); // the never-classified one; c2's overdue clock was met late
    expect(complaint.followUps).toMatchObject({ due: 4, done: 3, satisfied: 2, unsatisfied: 1, onSite: 2, overdueOpen: 1, rate: '0.7500', met: false, spotChecks: 2, onSiteShare: '0.6666' });
    expect(complaint.fields.find((f) => f.field === 'category')!.items.find((i) => i.key === 'noise')!.label).toEqual({ 'zh-CN': expect.any(String), en: expect.any(String) });
    expect(complaint.dissatisfaction!.byCaseField.find((f) => f.field === 'category')!.items).toEqual([expect.objectContaining({ key: 'noise', count: 1 })]);
    const order = report.caseTypes.find((t) => t.caseType === 'serviceOrder')!;
    expect(order.cases.total).toBe(2); // last month's order is not counted…
    expect(order.followUps).toMatchObject({ due: 1, done: 1, onSite: 1, rate: '1.0000', met: true }); // …but its follow-up, due on 10 November, is
    expect(order.deadlines.metLate).toBeGreaterThanOrEqual(1);
    const rep = report.caseTypes.find((t) => t.caseType === 'repair')!;
    // the plumbing repair's follow-up, due tomorrow, is not held against the rate
    expect(rep.followUps).toMatchObject({ due: 3, notYetDue: 1, done: 1, unsatisfied: 1, open: 2, overdueOpen: 1, rate: '0.5000', met: false });
    expect(rep.dissatisfaction!.items[0]!.texts).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'shortcomings', value: '第二天又不亮' })]));
  });

  it('one project: the other project’s cases and follow-ups are left out', async () => {
    const jr = project('JR');
    const res = await call('manager', 'GET', `/api/reports/monthly?month=${MONTH}&projectId=${jr}`);
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json() as Report;
    expect(report.projectId).toBe(jr);
    const all = await views(jr);
    for (const t of report.caseTypes) compare(t, expectedFor(t.caseType, all));
    expect(report.caseTypes.find((t) => t.caseType === 'complaint')!.cases.total).toBe(1);
  });

  it('the previous month holds October’s cases only', async () => {
    const report = (await call('director', 'GET', '/api/reports/monthly?month=2026-10')).json() as Report;
    const complaint = report.caseTypes.find((t) => t.caseType === 'complaint')!;
    expect(complaint.cases.total).toBe(1);
    expect(complaint.deadlines.overdueOpen).toBe(1); // its 24-hour clock ran out on 29 October
    expect(report.caseTypes.find((t) => t.caseType === 'serviceOrder')!.cases.total).toBe(1);
  });

  it('a supervisor sees only their projects; refusals: no permission 403, bad month 400, unknown or invisible project 404', async () => {
    const sup = (await call('supervisor', 'GET', `/api/reports/monthly?month=${MONTH}`)).json() as Report;
    expect(sup.caseTypes.find((t) => t.caseType === 'complaint')!.cases.total).toBe(5); // CH and JR are both theirs
    expect((await call('frontdesk', 'GET', `/api/reports/monthly?month=${MONTH}`)).statusCode).toBe(403);
    expect((await call('assistant', 'GET', `/api/reports/follow-ups?month=${MONTH}`)).statusCode).toBe(403);
    expect((await call('frontdesk', 'GET', `/api/reports/monthly.xlsx?month=${MONTH}`)).statusCode).toBe(403);
    const bad = await call('manager', 'GET', '/api/reports/monthly?month=2026-13');
    expect(bad.statusCode).toBe(400);
    expect((bad.json() as { issues: { pointer: string }[] }).issues[0]!.pointer).toContain('month');
    expect((await call('manager', 'GET', '/api/reports/monthly')).statusCode).toBe(400);
    expect((await call('manager', 'GET', `/api/reports/monthly?month=${MONTH}&extra=1`)).statusCode).toBe(400);
    expect((await call('manager', 'GET', `/api/reports/monthly?month=${MONTH}&projectId=999999`)).statusCode).toBe(404);
    expect((await kernel.call(null, 'GET', `/api/reports/monthly?month=${MONTH}`)).statusCode).toBe(401);
  });
});

describe('reports: follow-up rates', () => {
  it('per case type with the policy, against the independent computation', async () => {
    const res = await call('supervisor', 'GET', `/api/reports/follow-ups?month=${MONTH}`);
    expect(res.statusCode, res.body).toBe(200);
    const { items } = res.json() as { items: FollowUpFigures[] };
    expect(items.map((i) => i.caseType).sort()).toEqual(['complaint', 'repair', 'serviceOrder', 'serviceRequest']);
    const all = await views();
    for (const f of items) compareFollowUps(f, expectedFor(f.caseType, all));
    expect(items.find((i) => i.caseType === 'complaint')!.policy).toMatchObject({ deadline: { amount: 3, unit: 'days' }, method: 'phone', requiredRate: 1, roles: ['supervisor', 'manager'] });
    expect(items.find((i) => i.caseType === 'serviceOrder')!.policy.deadline).toEqual({ amount: 10, unit: 'dayOfNextMonth' });
    // per-value windows say which field they are keyed by: a repair's category, labelled, not a severity
    const repairPolicy = items.find((i) => i.caseType === 'repair')!.policy as FollowUpFigures['policy'] & { valueField: unknown };
    expect(repairPolicy.valueField).toEqual({
      field: 'category', label: { 'zh-CN': '报修类别', en: expect.any(String) },
      values: { safety: expect.objectContaining({ 'zh-CN': expect.stringContaining('安全设施') }), leak: expect.objectContaining({ 'zh-CN': '房屋渗漏水' }) },
    });
    expect((items.find((i) => i.caseType === 'complaint')!.policy as { valueField?: { field: string } }).valueField?.field).toBe('severity');
  });
});

describe('reports: billing collection rates for the dashboard', () => {
  it('billing’s collection rates match the bills and the payments made', async () => {
    const res = await call('manager', 'GET', `/api/billing/collection-rates?projectId=${project('CH')}`);
    expect(res.statusCode, res.body).toBe(200);
    await checkRates(res.json() as never);
  });
});

async function checkRates(body: { items: { label: string; periodKey: string; billed: string; collected: string; rate: string | null }[] }) {
  let billedFen = 0;
  let cursor: string | null = null;
  do {
    const page = (await call('finance', 'GET', `/api/billing/bills?projectId=${project('CH')}&periodKey=${MONTH}&limit=100${cursor ? `&cursor=${cursor}` : ''}`)).json() as { items: { principal: string }[]; nextCursor: string | null };
    billedFen += page.items.reduce((a, b) => a + Math.round(Number(b.principal) * 100), 0);
    cursor = page.nextCursor;
  } while (cursor);
  const collectedFen = payments.reduce((a, p) => a + p.amountFen, 0);
  const fen = (n: number) => `${Math.floor(n / 100)}.${String(n % 100).padStart(2, '0')}`;
  const thisMonth = body.items.find((i) => i.label === 'thisMonth')!;
  expect(thisMonth).toMatchObject({ periodKey: MONTH, billed: fen(billedFen), collected: fen(collectedFen), rate: share(collectedFen, billedFen) });
  expect(body.items.filter((i) => i.label !== 'thisMonth').every((i) => i.rate === null)).toBe(true);
}

describe('reports: the .xlsx export', () => {
  it('opens with exceljs and every sheet matches the JSON report', async () => {
    const json = (await call('manager', 'GET', `/api/reports/monthly?month=${MONTH}`)).json() as Report;
    const res = await call('manager', 'GET', `/api/reports/monthly.xlsx?month=${MONTH}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(String(res.headers['content-disposition'])).toContain(encodeURIComponent(`月度统计-${MONTH}`));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = (name: string) => {
      const ws = wb.getWorksheet(name);
      expect(ws, name).toBeDefined();
      const rows: unknown[][] = [];
      ws!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
      return rows;
    };
    const title = (t: TypeReport) => t.title['zh-CN'];
    const num = (s: string | null) => (s === null ? undefined : Number(s));
    const overview = sheet('概况');
    expect(overview[0]).toEqual(['类型', '登记数', '已结案', '未结案', '逾期', '时限达标率', '应回访', '已回访', '回访率', '要求回访率', '满意率', '上门回访占比']);
    for (const t of json.caseTypes) {
      const row = overview.find((r) => r[0] === title(t))!;
      expect(row.slice(1, 5)).toEqual([t.cases.total, t.cases.closed, t.cases.open, t.cases.overdue]);
      expect(row[5]).toBe(num(t.deadlines.complianceRate));
      // exceljs leaves out a row's empty trailing cells (a type with no follow-up done has no rates)
      const cells = (xs: unknown[]) => { const out = [...xs]; while (out.length && out[out.length - 1] === undefined) out.pop(); return out; };
      expect(cells(row.slice(6, 12))).toEqual(cells([t.followUps!.due, t.followUps!.done, num(t.followUps!.rate), t.followUps!.requiredRate, num(t.followUps!.satisfactionRate), num(t.followUps!.onSiteShare)]));
    }
    const states = sheet('按状态').slice(1);
    expect(states).toEqual(json.caseTypes.flatMap((t) => t.byState.map((b) => [title(t), b.label['zh-CN'], b.count])));
    expect(sheet('按分类').slice(1)).toEqual(json.caseTypes.flatMap((t) => t.fields.flatMap((f) => f.items.map((b) => [title(t), f.label['zh-CN'], b.label['zh-CN'], b.count]))));
    expect(sheet('按严重程度').slice(1)).toEqual(json.caseTypes.flatMap((t) => (t.bySeverity?.items ?? []).map((b) => [title(t), b.label['zh-CN'], b.count])));
    expect(sheet('按项目').slice(1)).toEqual(json.caseTypes.flatMap((t) => t.byProject.map((p) => [title(t), p.name, p.count])));
    expect(sheet('办理时限').slice(1)).toEqual(json.caseTypes.flatMap((t) => t.deadlines.clocks.map((c) => {
      const r: unknown[] = [title(t), expect.any(String), c.total, c.metOnTime, c.metLate, c.overdueOpen, c.running];
      if (c.complianceRate !== null) r.push(Number(c.complianceRate));
      return r;
    })));
    const fu = sheet('回访');
    expect(fu[0]).toContain('回访率');
    for (const t of json.caseTypes) {
      const f = t.followUps!;
      const row = fu.find((r) => r[0] === title(t))!;
      expect(row.slice(3, 19)).toEqual([f.due, f.notYetDue, f.done, f.doneOnTime, f.doneLate, f.open, f.overdueOpen, f.satisfied, f.unsatisfied, f.onSite, num(f.rate), f.requiredRate, f.due === 0 ? '无应回访' : f.met ? '达标' : '未达标', num(f.satisfactionRate), num(f.onSiteShare), f.spotChecks]);
    }
    expect(sheet('管理人员抽查').slice(1)).toEqual(json.caseTypes.flatMap((t) => t.followUps!.spotChecksByStaff.map((s) => [title(t), s.name, s.roles.join('、'), s.count])));
    expect(sheet('不满意原因').slice(1)).toEqual(json.caseTypes.flatMap((t) => [
      ...t.dissatisfaction!.byCaseField.flatMap((f) => f.items.map((b) => [title(t), '事项', f.label['zh-CN'], b.label['zh-CN'], b.count])),
      ...t.dissatisfaction!.byResultField.flatMap((f) => f.items.map((b) => [title(t), '回访记录', f.label['zh-CN'], b.label['zh-CN'], b.count])),
    ]));
    const comments = sheet('不满意意见').slice(1);
    expect(comments.map((r) => r[1])).toEqual(json.caseTypes.flatMap((t) => t.dissatisfaction!.items.map((i) => i.serial)));
    expect(comments.some((r) => String(r[3]).includes('夜间仍有噪音'))).toBe(true);
  });
});

/** The monthly workbook of `month` read back with exceljs: each sheet's rows without the header. */
async function workbook(month: string): Promise<(name: string) => unknown[][]> {
  const res = await call('manager', 'GET', `/api/reports/monthly.xlsx?month=${month}`);
  expect(res.statusCode).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return (name) => {
    const rows: unknown[][] = [];
    wb.getWorksheet(name)!.eachRow((row, n) => { if (n > 1) rows.push((row.values as unknown[]).slice(1)); });
    return rows;
  };
}

describe('reports: a severity is a severity, a category a category', () => {
  it('a repair’s category is counted by category, never as a severity (JSON and the 按严重程度 sheet)', async () => {
    const report = (await call('manager', 'GET', `/api/reports/monthly?month=${MONTH}`)).json() as Report;
    const rep = report.caseTypes.find((t) => t.caseType === 'repair')!;
    expect(rep.bySeverity).toBeNull();
    const category = rep.fields.find((f) => f.field === 'category')!;
    expect(category.label['zh-CN']).toBe('报修类别');
    expect(category.items.find((i) => i.key === 'plumbing')!.label['zh-CN']).toBe('给排水');
    const complaint = report.caseTypes.find((t) => t.caseType === 'complaint')!;
    expect(complaint.bySeverity!.label['zh-CN']).toBe('严重程度');
    const sheet = await workbook(MONTH);
    expect(sheet('按严重程度').map((r) => r[0])).toEqual(complaint.bySeverity!.items.map(() => complaint.title['zh-CN']));
    expect(sheet('按严重程度').map((r) => r[1])).not.toContain('给排水');
    expect(sheet('按分类')).toContainEqual(['报修', '报修类别', '给排水', 1]);
  });
});

describe('reports: follow-ups not yet due are not judged', () => {
  it('a month whose only follow-up is not due yet has no rate and is neither 达标 nor 未达标', async () => {
    // last month's service order is followed up by 10 December: on 20 November it is not due yet
    const { items } = (await call('manager', 'GET', '/api/reports/follow-ups?month=2026-12')).json() as { items: FollowUpFigures[] };
    const order = items.find((i) => i.caseType === 'serviceOrder')!;
    expect(order).toMatchObject({ due: 1, notYetDue: 1, done: 0, overdueOpen: 0, rate: null, met: null });
    const sheet = await workbook('2026-12');
    const row = sheet('回访').find((r) => r[0] === '特约（有偿）服务')!;
    expect(row[3]).toBe(1);
    expect(row[15]).toBe('尚未到期');
  });

  it('a policy with nothing due in the month is not judged either', async () => {
    const { items } = (await call('manager', 'GET', '/api/reports/follow-ups?month=2027-01')).json() as { items: FollowUpFigures[] };
    for (const f of items) expect(f, f.caseType).toMatchObject({ due: 0, rate: null, met: null });
    const sheet = await workbook('2027-01');
    expect(sheet('回访').map((r) => r[15])).toEqual(items.map(() => '无应回访'));
  });
});

describe('reports: only choices are counted as categories', () => {
  let events: TestKernel;
  afterAll(async () => events?.close());

  it('社区文化活动 is counted by its place, never by its start time or capacity; the check refuses a free field as a category', async () => {
    events = await startTestKernel({ plugins: ['service-desk', 'community-events'], startAt: '2026-05-06T01:00:00Z' });
    const registry = await events.seed();
    const assistant = await events.login('assistant');
    const example = JSON.parse(readFileSync(path.join(ROOT_DIR, 'plugins/community-events/examples/create-community-event.json'), 'utf8')) as { data: Record<string, unknown> };
    const res = await events.call(assistant, 'POST', '/api/cases/communityEvent', { projectId: registry.projects.get('CH')!.id, data: example.data });
    expect(res.statusCode, res.body).toBe(201);
    const report = (await events.call(await events.login('manager'), 'GET', '/api/reports/monthly?month=2026-05')).json() as Report;
    const event = report.caseTypes.find((t) => t.caseType === 'communityEvent')!;
    expect(event.cases.total).toBe(1);
    expect(event.fields.map((f) => f.field)).toEqual(['place']);
    expect(event.fields[0]!.items).toEqual([expect.objectContaining({ key: example.data.place, count: 1 })]);

    // a company cannot declare a date, a number or a text as a category, nor a category as the severity
    const admin = await events.login('admin');
    const check = await events.call(admin, 'POST', '/api/config/check', { patch: { plugins: { 'community-events': { workflows: {
      communityEvent: { summaryFields: ['place', 'startsAt', 'capacity', 'theme'], severityField: 'startsAt' },
    } } } } });
    expect(check.statusCode, check.body).toBe(200);
    const { valid, issues } = check.json() as { valid: boolean; issues: { pointer: string; code: string; message: string }[] };
    expect(valid).toBe(false);
    const base = '/document/plugins/community-events/workflows/communityEvent';
    expect(issues.filter((i) => i.code === 'not-a-category').map((i) => i.pointer).sort())
      .toEqual([`${base}/severityField`, `${base}/summaryFields/1`, `${base}/summaryFields/2`, `${base}/summaryFields/3`]);
    const both = await events.call(admin, 'POST', '/api/config/check', { patch: { plugins: { 'community-events': { workflows: {
      communityEvent: { severityField: 'place', categoryField: 'place' },
    } } } } });
    expect((both.json() as { issues: { pointer: string; code: string }[] }).issues).toContainEqual(expect.objectContaining({ pointer: `${base}/categoryField`, code: 'severity-and-category' }));
  });
});
