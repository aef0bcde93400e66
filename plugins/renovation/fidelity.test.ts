/**
 * Renovation against the manual (issue 18, items 1 and 2), seed 000:
 * - 第4篇 装修施工管理, 每日装修时间: 「首期入伙60天内,装修时间可放宽为8:00~19:00」 — a project-level
 *   first move-in date (project layer of the configuration), the relaxed window every day for 60 days;
 * - 第6篇 3.2.4 二次装修管理流程: 「办理交费手续,并办理装修保险」 and 「办理灭火器租赁手续」 — both on the
 *   fee list, amounts the company's (the manual gives none);
 * - 第4篇 装修施工管理第20条: 「因施工需要停水、停电,…须提前一天书面…提出申请」 — requested ≥ 24 h
 *   ahead (checked on the server), approved by engineering, printed;
 * - 第4篇 装修施工管理第1~26条: the pledge, one row per rule, held in settings, printed and signed.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKernel, type TestKernel } from '../../core/testing/harness.js';
import type { WorkingCalendar } from '../../core/plugin-api.js';
import { SIGNATURE, applicationAttachments, bj, example, registryWithLargeFlat, upload } from './test-support/fixtures.js';
import { workingHoursAt } from './domain.js';
import type { RenovationSettings } from './generated/settings.js';

interface CaseView { id: number; version: number; serial: string; state: string; data: Record<string, any> } // eslint-disable-line @typescript-eslint/no-explicit-any

const manifest = JSON.parse(readFileSync(new URL('./plugin.json', import.meta.url), 'utf8')) as { config: { defaults: RenovationSettings } };
const defaults = manifest.config.defaults;

/** Beijing time, Mon–Fri working days, 1–7 Oct 2026 National Day holidays (enough for these dates) */
const calendar = {
  timezone: 'Asia/Shanghai',
  localDate: (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10),
  isWorkingDay: (date: string) => {
    const day = new Date(`${date}T00:00:00Z`).getUTCDay();
    return day !== 0 && day !== 6 && !(date >= '2026-10-01' && date <= '2026-10-07');
  },
} as unknown as WorkingCalendar;

describe('seed 000 第4篇 每日装修时间: 首期入伙60天内放宽为8:00~19:00 (domain)', () => {
  const hours = { ...defaults.workingHours, firstMoveIn: { ...defaults.workingHours.firstMoveIn!, firstMoveInOn: '2026-09-01' } };
  const at = (local: string) => workingHoursAt(hours, calendar, new Date(bj(local)));

  it('the defaults are the manual’s figures: 60 days, 08:00–19:00', () => {
    expect(defaults.workingHours.firstMoveIn).toEqual({ days: 60, hours: [{ from: '08:00', to: '19:00' }] });
    expect(defaults.workingHours.workday).toEqual([{ from: '08:00', to: '12:00' }, { from: '14:00', to: '19:00' }]);
    expect(defaults.workingHours.restDay).toEqual([{ from: '09:00', to: '12:00' }, { from: '15:00', to: '18:00' }]);
    expect((defaults as unknown as Record<string, unknown>).worksPeriodDays).toBeUndefined(); // no manual asks for a fixed works period
  });

  it('within 60 days of the first move-in (day 1 = 1 Sep, day 60 = 30 Oct) every day is 08:00–19:00, weekends and National Day included', () => {
    expect(at('2026-09-01 13:00')).toMatchObject({ allowed: true, relaxed: true, dayKind: 'workday' }); // the lunch break is allowed
    expect(at('2026-09-26 08:30')).toMatchObject({ allowed: true, relaxed: true, dayKind: 'restDay' }); // a Saturday before 09:00
    expect(at('2026-10-01 13:00')).toMatchObject({ allowed: true, relaxed: true, dayKind: 'restDay' }); // National Day
    expect(at('2026-10-30 18:59')).toMatchObject({ allowed: true, relaxed: true }); // day 60
    expect(at('2026-10-30 19:00')).toMatchObject({ allowed: false, relaxed: true });
    expect(at('2026-09-15 07:59')).toMatchObject({ allowed: false, relaxed: true });
  });

  it('from day 61, and before the first move-in, the ordinary hours apply', () => {
    expect(at('2026-10-31 13:00')).toMatchObject({ allowed: false, relaxed: false, dayKind: 'restDay' }); // Saturday, day 61
    expect(at('2026-11-02 13:00')).toMatchObject({ allowed: false, relaxed: false, dayKind: 'workday' });
    expect(at('2026-08-31 13:00')).toMatchObject({ allowed: false, relaxed: false });
    // a project without a first move-in date has no relaxed period
    expect(workingHoursAt(defaults.workingHours, calendar, new Date(bj('2026-09-26 08:30')))).toMatchObject({ allowed: false, relaxed: false });
  });
});

describe('renovation over HTTP: relaxed hours per project, insurance and extinguisher rental, water or power cut, the signed pledge (seed 000)', () => {
  let kernel: TestKernel;
  const tokens: Record<string, string> = {};
  let projectId: number;
  let unitId: number;
  let files: Record<string, string>;
  let c: CaseView;
  const editedRules = defaults.pledge.rules.map((r, i) => (i === 25 ? { text: '违规处罚：按本管理处《违章处罚规定》从装修押金中扣款（测试中由管理员改写的条款）' } : r));

  const activate = async (patch: Record<string, unknown>, reason: string) => {
    const proposed = await kernel.call(tokens.admin!, 'POST', '/api/config/versions', { patch, reason });
    expect(proposed.statusCode, proposed.body).toBe(201);
    const activated = await kernel.call(tokens.admin!, 'POST', `/api/config/versions/${(proposed.json() as { number: number }).number}/activate`, {});
    expect(activated.statusCode, activated.body).toBe(200);
  };
  const create = async () => {
    const res = await kernel.call(tokens.frontdesk!, 'POST', '/api/cases/renovation', { projectId, unitId, data: { ...example.data, area: 120, ...files } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as CaseView;
  };
  const get = async (id = c.id) => (await kernel.call(tokens.manager!, 'GET', `/api/cases/renovation/${id}`)).json() as CaseView;
  const take = async (who: string, transition: string, data: Record<string, unknown>, id = c.id) => {
    const now = await get(id);
    return kernel.call(tokens[who]!, 'POST', `/api/cases/renovation/${id}/transitions/${transition}`, { version: now.version, data });
  };
  const ok = async (who: string, transition: string, data: Record<string, unknown> = {}, id = c.id) => {
    const res = await take(who, transition, data, id);
    expect(res.statusCode, `${transition}: ${res.body}`).toBe(200);
    return res.json() as CaseView;
  };
  const refused = async (status: number, who: string, transition: string, data: Record<string, unknown>, pointer?: string, id = c.id) => {
    const before = await get(id);
    const res = await take(who, transition, data, id);
    expect(res.statusCode, `${transition}: ${res.body}`).toBe(status);
    if (pointer) expect(res.json().issues.map((i: { pointer: string }) => i.pointer)).toContain(pointer);
    expect((await get(id)).version).toBe(before.version); // nothing written
    return res.json() as { message: string; issues: { pointer: string; message: string }[] };
  };
  const doc = (name: string) => kernel.call(tokens.frontdesk!, 'GET', `/api/cases/renovation/${c.id}/documents/${name}`);

  beforeAll(async () => {
    kernel = await startTestKernel({ plugins: ['service-desk', 'billing', 'paid-services', 'renovation'], startAt: bj('2026-09-21 10:00') });
    const registry = await kernel.seed(registryWithLargeFlat());
    projectId = registry.projects.get('CH')!.id;
    unitId = registry.units.get('CH/1/401')!.id;
    for (const u of ['admin', 'frontdesk', 'concierge', 'supervisor', 'manager', 'engineering', 'security', 'cashier']) tokens[u] = await kernel.login(u);
    files = await applicationAttachments(kernel, tokens.frontdesk!);
    // the project's first handover on 1 Sep 2026 (project layer); insurance priced by the company, no rental price yet
    await activate({
      plugins: { renovation: { config: { fees: { insuranceFee: '150.00' } } } },
      projects: { CH: { plugins: { renovation: { config: { workingHours: { firstMoveIn: { firstMoveInOn: '2026-09-01', days: 60, hours: [{ from: '08:00', to: '19:00' }] } } } } } } },
    }, '首期入伙日期；装修保险按保单');
  });
  afterAll(async () => kernel?.close());

  it('第6篇 3.2.4 灭火器租赁: a rental without a price on the fee list is refused naming the field; nothing written', async () => {
    c = await create();
    await ok('engineering', 'reviewDrawings', { drawingDecision: 'approved' });
    const res = await refused(422, 'security', 'reviewFire', { fireDecision: 'approved', extinguishersRequired: 2, extinguishersRented: 2 }, '/data/extinguishersRented');
    expect(res.message).toContain('灭火器租赁费');
    const without = await ok('security', 'reviewFire', { fireDecision: 'approved', extinguishersRequired: 2 });
    // 120 m² × 2.00 + debris 300.00 + 3 passes × 10.00 + insurance 150.00
    expect(without.data).toMatchObject({ insuranceFee: '150.00', extinguisherRentalFee: null, feesTotal: '720.00' });
  });

  it('第6篇 3.2.4 装修保险 and 灭火器租赁 are on the fee list with the company’s amounts; the pledge rules an admin edited are the case’s', async () => {
    await activate({ plugins: { renovation: { config: { fees: { extinguisherRentalFee: '20.00' }, pledge: { rules: editedRules } } } } }, '灭火器租赁每具20元；改写承诺书第26条');
    c = await create();
    await ok('engineering', 'reviewDrawings', { drawingDecision: 'approved' });
    c = await ok('security', 'reviewFire', { fireDecision: 'approved', extinguishersRequired: 2, extinguishersRented: 2 });
    expect(c.data).toMatchObject({ managementFee: '240.00', debrisFee: '300.00', passFee: '30.00', insuranceFee: '150.00', extinguisherRentalFee: '40.00', feesTotal: '760.00' });
    expect(c.data.pledgeRules).toHaveLength(26);
    expect(c.data.pledgeRules[0].text).toContain('装修范围仅限于业主室内除承重墙、主体结构以外的部分');
    expect(c.data.pledgeRules[19].text).toContain('因施工需要停水、停电,业主或装修施工队须提前一天书面向物业服务中心提出申请');
    expect(c.data.pledgeRules[25].text).toBe(editedRules[25]!.text);
    const application = await doc('application');
    expect(application.body).toContain('装修保险');
    expect(application.body).toContain('¥40.00（2具）');
  });

  it('第4篇 装修施工管理第1~26条: the pledge prints one row per rule before signing, then with the applicant’s signature', async () => {
    await ok('cashier', 'collectFees', { paymentMethod: 'transfer', receiptNo: 'SJ-0921-02' });
    let printed = await doc('pledge');
    expect(printed.statusCode).toBe(200);
    expect(printed.body).toContain('装修承诺书');
    expect(printed.body.match(/<li>/g)).toHaveLength(26);
    expect(printed.body).toContain('____年__月__日');
    expect(printed.body).not.toContain('<img class="signature"');
    const signatures = { agreementSignature: SIGNATURE, pledgeSignature: SIGNATURE, fireSafetyPledgeSignature: SIGNATURE, handbookGiven: true };
    c = await ok('frontdesk', 'signAgreements', signatures);
    expect(c.data.pledgeSignedAt).toBe(bj('2026-09-21 10:00'));
    printed = await doc('pledge');
    expect(printed.body.match(/<img class="signature"/g)).toHaveLength(1);
    expect(printed.body).toContain('2026-09-21 10:00');
  });

  it('the works are due by the application’s planned completion date (no fixed period in the manuals)', async () => {
    kernel.clock.set(bj('2026-09-25 10:00'));
    await ok('supervisor', 'signPermitService', { permitSignature: SIGNATURE });
    await ok('engineering', 'signPermitEngineering', { permitSignature: SIGNATURE });
    await ok('security', 'signPermitSecurity', { permitSignature: SIGNATURE });
    await refused(422, 'frontdesk', 'issuePermit', { worksStartOn: '2026-11-21', permitPosted: true, protectionChecked: true }, '/data/worksStartOn');
    c = await ok('frontdesk', 'issuePermit', { worksStartOn: '2026-09-26', permitPosted: true, protectionChecked: true });
    expect(c).toMatchObject({ state: 'works', data: { worksStartedOn: '2026-09-26', worksDueOn: '2026-11-20' } });
  });

  it('第4篇 每日装修时间: within 60 days of the project’s first move-in, Saturday 13:00 and National Day 13:00 are allowed hours; day 61 is not', async () => {
    const violationPhoto = (await upload(kernel, tokens.concierge!, '违章.png')).id;
    const violation = (observedAt: string) => ({ violationCode: 'outsideHours', observedAt, violationDescription: '午休时间电钻施工', violationPhoto, actionTaken: 'stopped' });
    kernel.clock.set(bj('2026-10-31 14:00'));
    const saturday = await refused(422, 'concierge', 'recordViolation', violation(bj('2026-09-26 13:00')), '/data/observedAt');
    expect(saturday.message).toContain('首期入伙放宽期内（至2026-10-30）每日 08:00–19:00');
    await refused(422, 'concierge', 'recordViolation', violation(bj('2026-10-01 13:00')), '/data/observedAt');
    c = await ok('concierge', 'recordViolation', violation(bj('2026-10-31 13:00')));
    expect(c.data.violations).toEqual([expect.objectContaining({ code: 'outsideHours', localDate: '2026-10-31', relaxedHours: false, amount: '200.00' })]);
    await ok('cashier', 'topUp', { topUpAmount: '200.00', paymentMethod: 'cash' });
  });

  it('第4篇 第20条: a water or power cut is requested in writing at least one day ahead, approved by engineering and printed', async () => {
    kernel.clock.set(bj('2026-11-02 10:00'));
    expect((await doc('utilityCut')).statusCode).not.toBe(200); // nothing requested yet
    const request = { cutUtility: 'water', cutTo: bj('2026-11-03 12:00'), cutArea: '4楼水管井401分户阀', cutReason: '卫生间改水管', cutRequestedBy: '刘建国', cutApplicantSignature: SIGNATURE };
    const late = await refused(422, 'frontdesk', 'requestUtilityCut', { ...request, cutFrom: bj('2026-11-03 09:59') }, '/data/cutFrom');
    expect(late.message).toContain('须提前1天书面申请：最早可申请 2026-11-03 10:00 起关停');
    await refused(422, 'frontdesk', 'requestUtilityCut', { ...request, cutFrom: bj('2026-11-03 13:00') }, '/data/cutTo');
    await refused(403, 'engineering', 'requestUtilityCut', { ...request, cutFrom: bj('2026-11-03 10:00') });
    c = await ok('frontdesk', 'requestUtilityCut', { ...request, cutFrom: bj('2026-11-03 10:00') });
    expect(c.data.utilityCuts).toEqual([expect.objectContaining({ no: `${c.serial}-TS1`, utility: 'water', status: 'requested', from: bj('2026-11-03 10:00') })]);
    const second = await refused(422, 'frontdesk', 'requestUtilityCut', { ...request, cutFrom: bj('2026-11-04 10:00'), cutTo: bj('2026-11-04 12:00') });
    expect(second.message).toContain('待工程部审批');
    let printed = await doc('utilityCut');
    expect(printed.statusCode).toBe(200);
    expect(printed.body).toContain('停水停电申请表');
    expect(printed.body).toContain('待审批');
    await refused(403, 'frontdesk', 'decideUtilityCut', { cutDecision: 'approved', cutEngineeringSignature: SIGNATURE });
    c = await ok('engineering', 'decideUtilityCut', { cutDecision: 'approved', cutDecisionNote: '11月3日10:00关闭401分户阀，12:00恢复', cutEngineeringSignature: SIGNATURE });
    expect(c.data.utilityCuts[0]).toMatchObject({ status: 'approved', decisionNote: '11月3日10:00关闭401分户阀，12:00恢复' });
    await refused(422, 'engineering', 'decideUtilityCut', { cutDecision: 'approved', cutEngineeringSignature: SIGNATURE }); // nothing pending
    printed = await doc('utilityCut');
    expect(printed.body).toContain('同意，按申请时间安排关停');
    expect(printed.body).toContain('4楼水管井401分户阀');
    expect(printed.body).toContain('2026-11-03 10:00');
    expect(printed.body.match(/<img class="signature"/g)).toHaveLength(2);
    // a new request prints without the earlier decision
    c = await ok('concierge', 'requestUtilityCut', { ...request, cutUtility: 'power', cutFrom: bj('2026-11-05 14:00'), cutTo: bj('2026-11-05 16:00') });
    printed = await doc('utilityCut');
    expect(printed.body).toContain('待审批');
    expect(printed.body.match(/<img class="signature"/g)).toHaveLength(1);
  });
});
