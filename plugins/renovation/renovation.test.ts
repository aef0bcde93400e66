/**
 * A renovation over HTTP from the application to the refund, on the demo company plus a 230 m²
 * flat: attachments, the drawing review with one resubmission, the fire review (> 200 m²), the
 * deposit and fees through billing, the three sign-offs and the permit, worker passes, the hot-work
 * permit, patrols with one missed (recorded and escalated by the job), a violation on National Day
 * outside the allowed hours deducted from the deposit, the top-up deadline missed (works stop),
 * the top-up (works resume), hidden works failing once, completion failing once, damage deducted,
 * the manager's refund, ledger entries, printed documents and the follow-up.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKernel, type TestKernel } from '../../core/testing/harness.js';
import { WorkCase } from '../../core/plugin-api.js';
import { SIGNATURE, applicationAttachments, bj, example, registryWithLargeFlat, upload } from './test-support/fixtures.js';
import { watchRenovations } from './index.js';
import type { PluginServices } from '../../core/plugin-api.js';
import type { RenovationSettings } from './generated/settings.js';

interface CaseView {
  id: number; version: number; serial: string; state: string; assigneeRole: string | null; overdue?: boolean;
  data: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  deadlines: { key: string; status: string; dueAt: string }[];
  followUps: { id: number; status: string }[];
}

describe('renovation: application to refund', () => {
  let kernel: TestKernel;
  const tokens: Record<string, string> = {};
  let projectId: number;
  let unitId: number;
  let id: number;
  let files: Record<string, string>;

  beforeAll(async () => {
    kernel = await startTestKernel({ plugins: ['service-desk', 'billing', 'paid-services', 'renovation'], startAt: bj('2026-09-21 10:00') });
    const registry = await kernel.seed(registryWithLargeFlat());
    projectId = registry.projects.get('CH')!.id;
    unitId = registry.units.get('CH/1/401')!.id;
    for (const u of ['frontdesk', 'concierge', 'assistant', 'supervisor', 'manager', 'engineering', 'security', 'cashier', 'finance', 'technician']) tokens[u] = await kernel.login(u);
    files = await applicationAttachments(kernel, tokens.frontdesk!);
  });
  afterAll(async () => kernel?.close());

  const get = async (who = 'manager'): Promise<CaseView> => {
    const res = await kernel.call(tokens[who]!, 'GET', `/api/cases/renovation/${id}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as CaseView;
  };
  const take = async (who: string, transition: string, data?: Record<string, unknown>) => {
    const c = await get();
    return kernel.call(tokens[who]!, 'POST', `/api/cases/renovation/${id}/transitions/${transition}`, { version: c.version, ...(data ? { data } : {}) });
  };
  const ok = async (who: string, transition: string, data?: Record<string, unknown>): Promise<CaseView> => {
    const res = await take(who, transition, data);
    expect(res.statusCode, `${transition}: ${res.body}`).toBe(200);
    return res.json() as CaseView;
  };
  const refused = async (status: number, who: string, transition: string, data: Record<string, unknown> | undefined, pointer?: string) => {
    const before = await get();
    const res = await take(who, transition, data);
    expect(res.statusCode, `${transition}: ${res.body}`).toBe(status);
    if (pointer) expect(res.json().issues.map((i: { pointer: string }) => i.pointer)).toContain(pointer);
    const after = await get();
    expect(after.version).toBe(before.version); // nothing written
    expect(after.state).toBe(before.state);
    return res.json() as { message: string; issues: { pointer: string; message: string }[] };
  };
  const account = async () => (await kernel.call(tokens.cashier!, 'GET', `/api/billing/units/${unitId}/account`)).json() as {
    depositsHeld: string; unit: { status: string }; pendingCharges: { amount: string; description: string; sourceRef: string }[]; deposits: { status: string; purpose: string }[];
  };

  it('the front desk registers the application with its attachments; a missing licence is refused naming the field', async () => {
    const application: Record<string, unknown> = { ...example.data, area: 230, ...files };
    const { contractorLicence: _omit, ...withoutLicence } = application;
    const missing = await kernel.call(tokens.frontdesk!, 'POST', '/api/cases/renovation', { projectId, unitId, data: withoutLicence });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().issues.map((i: { pointer: string }) => i.pointer)).toContain('/data/contractorLicence');
    const notAnId = await kernel.call(tokens.frontdesk!, 'POST', '/api/cases/renovation', { projectId, unitId, data: { ...application, floorPlan: 'drawing.pdf' } });
    expect(notAnId.statusCode).toBe(400);
    expect(notAnId.json().issues.map((i: { pointer: string }) => i.pointer)).toContain('/data/floorPlan');
    const list = (await kernel.call(tokens.manager!, 'GET', '/api/cases/renovation')).json() as { items: unknown[] };
    expect(list.items).toHaveLength(0); // nothing written by the refusals
    // a technician may not register renovations
    expect((await kernel.call(tokens.technician!, 'POST', '/api/cases/renovation', { projectId, unitId, data: application })).statusCode).toBe(403);

    const res = await kernel.call(tokens.frontdesk!, 'POST', '/api/cases/renovation', { projectId, unitId, data: application });
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json() as CaseView;
    id = created.id;
    expect(created).toMatchObject({ state: 'applied', assigneeRole: 'engineering', serial: expect.stringMatching(/^ZX-2026-\d{6}$/) });
    const c = await get();
    expect(c.deadlines).toEqual([expect.objectContaining({ key: 'drawingReview', status: 'running' })]);
    const printed = await kernel.call(tokens.frontdesk!, 'GET', `/api/cases/renovation/${id}/documents/application`);
    expect(printed.statusCode).toBe(200);
    expect(printed.body).toContain('装修申报表');
    expect(printed.body).toContain('鸿图装饰工程有限公司');
    expect(printed.body).toContain('11010119850202123X');
  });

  it('engineering returns the drawings with comments; the desk resubmits; the second review approves', async () => {
    await refused(403, 'frontdesk', 'reviewDrawings', { drawingDecision: 'approved' });
    await refused(400, 'engineering', 'reviewDrawings', { drawingDecision: 'changesRequired' }, '/data/drawingComments');
    let c = await ok('engineering', 'reviewDrawings', { drawingDecision: 'changesRequired', drawingComments: '卫生间新增隔墙须用轻质材料；电气图须标明总开关规格' });
    expect(c).toMatchObject({ state: 'drawingsReturned', assigneeRole: 'frontDesk', data: { drawingRounds: 1 } });
    const revised = await upload(kernel, tokens.frontdesk!, 'floor-plan-v2.png');
    c = await ok('frontdesk', 'resubmit', { ownerNotifiedAt: bj('2026-09-21 15:00'), floorPlan: revised.id, resubmissionNote: '隔墙改为轻钢龙骨石膏板，补充总开关规格' });
    expect(c).toMatchObject({ state: 'applied', data: { floorPlan: revised.id } });
    c = await ok('engineering', 'reviewDrawings', { drawingDecision: 'approved', drawingComments: '同意' });
    expect(c).toMatchObject({ state: 'fireReview', assigneeRole: 'security', data: { drawingRounds: 2 } });
    expect((await get()).deadlines.find((d) => d.key === 'drawingReview')?.status).toBe('met');
  });

  it('security needs the fire authority’s receipt above 200 m²; the deposit and fees are computed from the settings and the fee list', async () => {
    await refused(403, 'engineering', 'reviewFire', { fireDecision: 'approved' });
    const noReceipt = await refused(422, 'security', 'reviewFire', { fireDecision: 'approved', extinguishersRequired: 2 }, '/data/fireReceipt');
    expect(noReceipt.message).toContain('消防审批回执');
    const receipt = await upload(kernel, tokens.security!, '消防审批回执.png');
    const c = await ok('security', 'reviewFire', { fireDecision: 'approved', fireReceipt: receipt.id, extinguishersRequired: 2, fireComments: '配备灭火器2具' });
    expect(c.state).toBe('feesDue');
    // 230 m² > 200: the large-area deposit; management 2.00 × 230; debris from billing's fee list (residential 300.00); 3 passes × 10.00
    expect(c.data).toMatchObject({ depositAmount: '5000.00', managementFee: '460.00', debrisFee: '300.00', passFee: '30.00', feesTotal: '790.00', unitType: 'residential' });
  });

  it('the cashier takes the deposit through billing and posts the fees on the next bill', async () => {
    await refused(403, 'frontdesk', 'collectFees', { paymentMethod: 'cash' });
    const c = await ok('cashier', 'collectFees', { paymentMethod: 'transfer', receiptNo: 'SJ-0921-01' });
    expect(c.state).toBe('agreementsDue');
    const acc = await account();
    expect(acc.depositsHeld).toBe('5000.00');
    expect(acc.deposits).toEqual([expect.objectContaining({ purpose: 'renovation', purposeTitle: '装修押金', status: 'held' })]);
    expect(acc.pendingCharges).toEqual([expect.objectContaining({ amount: '790.00', sourceRef: c.serial, description: expect.stringContaining('装修费用') })]);
  });

  it('agreements and pledges are signed; the permit is issued only after all three heads sign, each in their own role', async () => {
    await refused(422, 'frontdesk', 'signAgreements', { agreementSignature: SIGNATURE, pledgeSignature: SIGNATURE, fireSafetyPledgeSignature: SIGNATURE, handbookGiven: false });
    let c = await ok('frontdesk', 'signAgreements', { agreementSignature: SIGNATURE, pledgeSignature: SIGNATURE, fireSafetyPledgeSignature: SIGNATURE, handbookGiven: true });
    expect(c.state).toBe('permitPending');
    const issue = { worksStartOn: '2026-09-25', permitPosted: true, protectionChecked: true };
    kernel.clock.set(bj('2026-09-24 10:00'));
    const early = await refused(422, 'frontdesk', 'issuePermit', issue);
    expect(early.message).toContain('三方负责人签发');
    await refused(403, 'frontdesk', 'signPermitService', { permitSignature: SIGNATURE });
    await refused(403, 'engineering', 'signPermitSecurity', { permitSignature: SIGNATURE });
    await ok('supervisor', 'signPermitService', { permitSignature: SIGNATURE, permitOpinion: '同意施工' });
    await refused(422, 'manager', 'signPermitService', { permitSignature: SIGNATURE }); // signed once only
    await ok('engineering', 'signPermitEngineering', { permitSignature: SIGNATURE });
    await refused(422, 'frontdesk', 'issuePermit', issue); // two of three
    c = await ok('security', 'signPermitSecurity', { permitSignature: SIGNATURE });
    expect(Object.keys(c.data.permitSignOffs).sort()).toEqual(['engineering', 'security', 'service']);
    await refused(422, 'frontdesk', 'issuePermit', { ...issue, worksStartOn: '2026-09-20' }, '/data/worksStartOn');
    c = await ok('frontdesk', 'issuePermit', issue);
    expect(c).toMatchObject({ state: 'works', assigneeRole: 'buildingConcierge', data: { permitNo: c.serial, worksStartedOn: '2026-09-25', worksDueOn: '2026-11-20' /* the application's plannedEndOn */, patrolsFrom: '2026-09-25' } });
    expect(c.data.workers.map((w: { passNo: string }) => w.passNo)).toEqual([`${c.serial}-01`, `${c.serial}-02`, `${c.serial}-03`]);

    const permit = await kernel.call(tokens.frontdesk!, 'GET', `/api/cases/renovation/${id}/documents/permit`);
    expect(permit.statusCode).toBe(200);
    expect(permit.body).toContain('装修施工许可证');
    expect(permit.body.match(/<img class="signature"/g)).toHaveLength(3);
    const passes = await kernel.call(tokens.frontdesk!, 'GET', `/api/cases/renovation/${id}/documents/workerPasses`);
    expect(passes.body).toContain(`${c.serial}-03`);
    expect(passes.body).toContain('焊工');
    expect((await account()).unit).toMatchObject({ status: 'renovating' });
  });

  it('security approves the declared hot work and prints 《临时动火作业申请表》', async () => {
    const hot = { hotWorkType: 'welding', hotWorkLocation: '南阳台护栏', hotWorkFrom: bj('2026-09-25 09:00'), hotWorkTo: bj('2026-09-25 11:00'), hotWorkOperator: '李军', fireWatcher: '刘建国', extinguishers: 2, hotWorkApproverSignature: SIGNATURE };
    await refused(403, 'engineering', 'approveHotWork', hot);
    await refused(422, 'security', 'approveHotWork', { ...hot, hotWorkTo: bj('2026-09-25 08:00') }, '/data/hotWorkTo');
    const c = await ok('security', 'approveHotWork', hot);
    expect(c).toMatchObject({ state: 'works', data: { hotWorkPermitNo: `${c.serial}-DH1` } });
    const doc = await kernel.call(tokens.security!, 'GET', `/api/cases/renovation/${id}/documents/hotWorkPermit`);
    expect(doc.body).toContain('临时动火作业申请表');
    expect(doc.body).toContain('南阳台护栏');
  });

  it('patrols are recorded per department and day; a missed one is recorded and escalated by the job', async () => {
    kernel.clock.set(bj('2026-09-25 10:00'));
    await refused(422, 'concierge', 'patrol', { patrolDepartment: 'security', patrolResult: 'ok' }, '/data/patrolDepartment');
    await refused(403, 'technician', 'patrol', { patrolDepartment: 'engineering', patrolResult: 'ok' });
    await ok('concierge', 'patrol', { patrolDepartment: 'service', patrolResult: 'ok' });
    await ok('engineering', 'patrol', { patrolDepartment: 'engineering', patrolResult: 'ok' });
    await ok('security', 'patrol', { patrolDepartment: 'security', patrolResult: 'issues', patrolFindings: '灭火器未放在动火点附近，已要求整改' });
    kernel.clock.set(bj('2026-09-26 10:00'));
    await ok('concierge', 'patrol', { patrolDepartment: 'service', patrolResult: 'ok' });
    await ok('engineering', 'patrol', { patrolDepartment: 'engineering', patrolResult: 'ok' });
    // the day ends without security's patrol
    kernel.clock.set(bj('2026-09-26 23:00'));
    await kernel.runJobs();
    expect((await get()).data.missedPatrols ?? []).toEqual([]); // the day is judged once it is over
    kernel.clock.set(bj('2026-09-27 00:30'));
    // two instances' watch jobs overlap: both list the case with the miss not yet recorded
    // the kernel's map holds each plugin's own services, so these read renovation's settings
    const services = kernel.pluginServices.get('renovation')! as PluginServices<RenovationSettings>;
    await Promise.all([watchRenovations(kernel.clock.now(), services), watchRenovations(kernel.clock.now(), services)]);
    let c = await get();
    expect(c.data.missedPatrols).toEqual([{ date: '2026-09-26', department: 'security', recordedAt: bj('2026-09-27 00:30') }]);
    expect(c.assigneeRole).toBe('supervisor');
    expect(c.state).toBe('works');
    const missedEvents = async () => ((await kernel.call(tokens.manager!, 'GET', `/api/cases/renovation/${id}/events`)).json() as { items: { transition: string | null }[] })
      .items.filter((e) => e.transition === 'patrolMissed').length;
    expect(await missedEvents()).toBe(1);
    // a watcher that listed the case before the other recorded the miss is refused, writing nothing
    const companyId = (await kernel.orm.em.fork().findOneOrFail(WorkCase, { id })).companyId;
    await expect(services.systemTransition(companyId, 'renovation', id, 'patrolMissed', { missedOn: '2026-09-26', missedDepartment: 'security' })).rejects.toThrow(/漏巡已记录/);
    await kernel.runJobs(); // idempotent
    c = await get();
    expect(c.data.missedPatrols).toHaveLength(1);
    expect(await missedEvents()).toBe(1);
    const record = await kernel.call(tokens.concierge!, 'GET', `/api/cases/renovation/${id}/documents/patrolRecord`);
    expect(record.body).toContain('现场装修巡查表');
    expect(record.body).toContain('灭火器未放在动火点附近');
    expect(record.body).toContain('2026-09-26');
  });

  it('working outside the allowed hours is judged on the company calendar: 14:30 is allowed on a weekday, not on National Day', async () => {
    kernel.clock.set(bj('2026-10-01 15:10'));
    const violation = { violationCode: 'outsideHours', violationDescription: '电锤作业噪音', violationPhoto: (await upload(kernel, tokens.security!, '违章.png')).id, actionTaken: 'stopped' };
    const weekday = await refused(422, 'security', 'recordViolation', { ...violation, observedAt: bj('2026-09-30 14:30') }, '/data/observedAt');
    expect(weekday.message).toContain('允许施工时间内');
    await refused(400, 'security', 'recordViolation', { ...violation, observedAt: bj('2026-10-01 14:30'), violationPhoto: undefined }, '/data/violationPhoto');
    await refused(422, 'security', 'recordViolation', { ...violation, observedAt: bj('2026-10-02 14:30') }, '/data/observedAt'); // not in the future
    const c = await ok('security', 'recordViolation', { ...violation, observedAt: bj('2026-10-01 14:30') });
    expect(c).toMatchObject({ state: 'topUpDue', assigneeRole: 'cashier', data: { penaltyAmount: '200.00', topUpRequired: '200.00', topUpDueAt: bj('2026-10-04 15:10') } });
    expect(c.data.violations).toEqual([expect.objectContaining({ code: 'outsideHours', localDate: '2026-10-01', localTime: '14:30', dayKind: 'restDay', amount: '200.00' })]);
    expect((await account()).depositsHeld).toBe('4800.00');
  });

  it('the top-up deadline passes: the job stops the works; a top-up resumes them', async () => {
    kernel.clock.set(bj('2026-10-04 15:00'));
    await kernel.runJobs();
    expect((await get()).state).toBe('topUpDue');
    kernel.clock.set(bj('2026-10-04 15:11'));
    await kernel.runJobs();
    let c = await get();
    expect(c).toMatchObject({ state: 'stopped', assigneeRole: 'supervisor', data: { stopped: true } });
    expect(c.data.stops).toEqual([expect.objectContaining({ reason: 'topUpMissed', resumedAt: null })]);
    // staff cannot take the platform's transition
    expect((await take('supervisor', 'stopWork')).statusCode).toBe(403);
    // no resumption before the deposit is whole
    await refused(422, 'supervisor', 'resumeWorks', { resumeNote: '已整改' });
    await refused(403, 'frontdesk', 'topUp', { topUpAmount: '200.00', paymentMethod: 'cash' });
    await refused(422, 'cashier', 'topUp', { topUpAmount: '100.00', paymentMethod: 'cash' });
    kernel.clock.set(bj('2026-10-05 09:00'));
    c = await ok('cashier', 'topUp', { topUpAmount: '200.00', paymentMethod: 'cash' });
    expect(c).toMatchObject({ state: 'works', data: { stopped: false, topUpRequired: '0.00', topUpDueAt: null, patrolsFrom: '2026-10-06' } });
    expect(c.data.stops[0].resumedAt).toBe(bj('2026-10-05 09:00'));
    expect((await account()).depositsHeld).toBe('5000.00');
  });

  it('hidden works fail once and pass on re-inspection with the three signatures; completion needs them passed', async () => {
    const request = { completionNote: '全部完工' };
    const hw = { hiddenWorksItems: ['electrical', 'waterproofing'], hiddenWorksResult: 'fail', hiddenWorksFindings: '卫生间闭水试验渗漏' };
    await refused(403, 'security', 'inspectHiddenWorks', hw);
    let c = await ok('engineering', 'inspectHiddenWorks', hw);
    expect(c.data).toMatchObject({ hiddenWorksPassed: false });
    await refused(422, 'frontdesk', 'requestCompletionInspection', request);
    await refused(400, 'engineering', 'inspectHiddenWorks', { ...hw, hiddenWorksResult: 'pass', hiddenWorksFindings: '合格' }, '/data/hwSecuritySignature');
    c = await ok('engineering', 'inspectHiddenWorks', { ...hw, hiddenWorksResult: 'pass', hiddenWorksFindings: '复验合格', hwServiceSignature: SIGNATURE, hwEngineeringSignature: SIGNATURE, hwSecuritySignature: SIGNATURE });
    expect(c.data.hiddenWorksInspections.map((r: { result: string }) => r.result)).toEqual(['fail', 'pass']);
    const doc = await kernel.call(tokens.engineering!, 'GET', `/api/cases/renovation/${id}/documents/hiddenWorks`);
    expect(doc.body).toContain('卫生间闭水试验渗漏');
    expect(doc.body.match(/<img class="signature"/g)).toHaveLength(3);
  });

  it('the completion inspection fails once, passes with damage deducted (never beyond the deposit)', async () => {
    let c = await ok('frontdesk', 'requestCompletionInspection', { completionNote: '全部完工' });
    expect(c).toMatchObject({ state: 'completionInspection', assigneeRole: 'engineering' });
    c = await ok('engineering', 'inspectCompletion', { completionResult: 'fail', completionFindings: '楼道墙面污损未清理' });
    expect(c.state).toBe('completionRectifying');
    c = await ok('concierge', 'requestCompletionInspection', { completionNote: '全部完工', rectificationNote: '楼道墙面已清理' });
    expect(c.state).toBe('completionInspection');
    const signatures = { ciOwnerSignature: SIGNATURE, ciContractorSignature: SIGNATURE, ciServiceSignature: SIGNATURE, ciEngineeringSignature: SIGNATURE, ciSecuritySignature: SIGNATURE };
    const pass = { completionResult: 'pass', completionFindings: '验收合格；电梯轿厢壁板划伤', damageAmount: '300.00', damageDescription: '电梯轿厢壁板划伤', ...signatures };
    await refused(400, 'engineering', 'inspectCompletion', { ...pass, damageDescription: undefined }, '/data/damageDescription');
    const beyond = await refused(422, 'engineering', 'inspectCompletion', { ...pass, damageAmount: '99999.00' }, '/data/damageAmount');
    expect(beyond.message).toContain('不足扣除');
    c = await ok('engineering', 'inspectCompletion', pass);
    expect(c).toMatchObject({ state: 'refundPending', assigneeRole: 'manager', data: { completedOn: '2026-10-05' } });
    expect((await account()).depositsHeld).toBe('4700.00');
  });

  it('only the manager approves the refund; the deposit is refunded and the ledger shows every movement', async () => {
    await refused(403, 'supervisor', 'approveRefund', { managerSignature: SIGNATURE });
    await refused(403, 'cashier', 'approveRefund', { managerSignature: SIGNATURE });
    const c = await ok('manager', 'approveRefund', { managerSignature: SIGNATURE, refundNote: '同意退还' });
    expect(c.state).toBe('completed');
    const acc = await account();
    expect(acc.depositsHeld).toBe('0.00');
    expect(acc.deposits).toEqual([expect.objectContaining({ status: 'refunded' })]);
    expect(acc.unit).toMatchObject({ status: 'occupied' }); // back to what it was before the works
    const ledger = (await kernel.call(tokens.cashier!, 'GET', `/api/billing/units/${unitId}/ledger?limit=50`)).json() as { items: { account: string; kind: string; amount: string }[] };
    const deposit = ledger.items.filter((e) => e.account === 'deposit').reverse().map((e) => [e.kind, e.amount]);
    expect(deposit).toEqual([
      ['depositReceived', '5000.00'],
      ['depositDeducted', '-200.00'],
      ['depositReceived', '200.00'],
      ['depositDeducted', '-300.00'],
      ['depositRefunded', '-4700.00'],
    ]);
    const doc = await kernel.call(tokens.manager!, 'GET', `/api/cases/renovation/${id}/documents/completion`);
    expect(doc.body).toContain('二次装修竣工验收单');
    expect(doc.body).toContain('电梯轿厢壁板划伤');
    expect(doc.body.match(/<img class="signature"/g)).toHaveLength(6);
  });

  it('the follow-up is due within a week; satisfied closes the case', async () => {
    const c = await get();
    expect(c.followUps).toEqual([expect.objectContaining({ status: 'due' })]);
    const res = await kernel.call(tokens.assistant!, 'POST', `/api/follow-ups/${c.followUps[0]!.id}/complete`, {
      caseVersion: c.version, data: { method: 'phone', satisfied: true, satisfaction: 'satisfied' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((await get()).state).toBe('closed');
  });
});
