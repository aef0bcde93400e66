/**
 * Move-in (入伙) end to end over HTTP on the demo company: documents per purchaser kind, the
 * resident registration and agreements, fees posted through billing, keys handed over against the
 * owner's signature, the house inspection with meter readings where one defect opens a repair work
 * order (paid-services), the technician completes it, the job moves the move-in to re-inspection,
 * the owner signs off and the file is archived; printed forms; bad input, wrong roles, foreign ids.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIGNATURE, answer, bj, intakeWorld, type CaseBody, type ErrorBody, type World } from './test-support/world.js';

let w: World;
const UNIT = 'CH/1/302'; // 143.25 m², vacant in the demo registry

beforeAll(async () => {
  // the unit stood vacant and was billed for October and November before its handover on 16 Nov
  w = await intakeWorld(bj('2026-09-20 10:00'));
  const projectId = w.project();
  for (const [period, at] of [['2026-10', '2026-09-20 10:00'], ['2026-11', '2026-10-20 10:00']] as const) {
    w.kernel.clock.set(bj(at).toISOString());
    const run = await w.kernel.call(w.tokens.finance!, 'POST', '/api/billing/runs', { periodKey: period, projectId });
    expect(run.statusCode, run.body).toBe(200);
  }
  w.kernel.clock.set(bj('2026-11-16 09:00').toISOString());
}, 180_000);
afterAll(async () => w?.kernel.close());

const take = (as: string, c: CaseBody, t: string, data?: Record<string, unknown>) => w.take('moveIn', as, c, t, data);
const attempt = (as: string, c: CaseBody, t: string, data?: Record<string, unknown>) => w.attempt('moveIn', as, c, t, data);
const pointers = (res: { json(): unknown }) => (res.json() as ErrorBody).issues.map((i) => i.pointer);

async function documents(kind: 'owner' | 'agent' | 'company'): Promise<Record<string, unknown>> {
  const base = { purchaserKind: kind, ownerName: kind === 'company' ? '华信科技有限公司' : '林晓', contactPhone: '13900000011', moveInNotice: await w.upload('frontdesk'), purchaseContract: await w.upload('frontdesk'), ownerIdCopy: await w.upload('frontdesk') };
  if (kind === 'agent') return { ...base, agentName: '林海', agentPhone: '13900000012', agentIdCopy: await w.upload('frontdesk'), powerOfAttorney: await w.upload('frontdesk') };
  if (kind === 'company') return { ...base, companyContact: '周经理', companyCertificate: await w.upload('frontdesk') };
  return base;
}
const registration = {
  householdMembers: [{ name: '林晓', relation: 'owner', phone: '13900000011' }, { name: '陈一', relation: 'spouse' }],
  contacts: [{ name: '林父', phone: '13900000013', note: '老家' }],
  emergencyContact: { name: '林父', phone: '13900000013', relation: '父亲' },
  vehicles: [{ plate: '粤B12345', model: '比亚迪', color: '白' }],
  preliminaryContractSigned: true, covenantSigned: true, fireSafetyPledgeSigned: true, registrationSignature: SIGNATURE,
};
const keys = () => ({
  keyRegister: [{ item: 'unitKey', count: 3 }, { item: 'accessCard', count: 2, note: 'A0101、A0102' }, { item: 'electricityCard', count: 1 }, { item: 'waterCard', count: 1 }, { item: 'gasCard', count: 1 }, { item: 'handbook', count: 1 }],
  handedOverAt: w.now(), keysSignature: SIGNATURE,
});

describe('move-in with one defect through repair, re-inspection and sign-off', () => {
  let c: CaseBody;
  let repairId: number;

  it('checks the documents and registers the household with the agreements', async () => {
    c = await w.create('moveIn', UNIT, await documents('owner'));
    expect(c.serial).toMatch(/^RH-2026-\d{6}$/);
    expect([c.state, c.assigneeRole]).toEqual(['registered', 'frontDesk']);
    c = await take('frontdesk', c, 'register', registration);
    expect([c.state, c.assigneeRole]).toEqual(['agreementsSigned', 'cashier']);
    // the registration lands in the household archive (一户一档), each row sourced from the move-in
    const archive = (await w.kernel.call(w.tokens.supervisor!, 'GET', `/api/units/${w.reg.units.get(UNIT)!.id}/archive`)).json() as {
      members: { name: string; relation: string; phone: string | null; note: string | null; since: string | null }[];
      vehicles: { plate: string; model: string | null; color: string | null }[];
      history: { source: string | null }[];
    };
    expect(archive.members.map((m) => [m.relation, m.name, m.phone, m.note, m.since])).toEqual([
      ['owner', '林晓', '13900000011', null, '2026-11-16'],
      ['family', '陈一', null, '配偶', '2026-11-16'],
      ['emergency', '林父', '13900000013', '父亲', '2026-11-16'],
    ]);
    expect(archive.vehicles).toMatchObject([{ plate: '粤B12345', model: '比亚迪', color: '白' }]);
    expect(archive.history.length).toBe(4);
    expect(archive.history.every((h) => h.source === c.serial)).toBe(true);
  });

  it('the cashier sees what is due now, takes it and prints the receipt; the vacant months before handover are the developer’s', async () => {
    // registered on 16 Nov: the quote the cashier's form shows — the owner's days of November
    // (16–30 Nov of 143.25 m² × 2.50 = 358.13: 358.13 × 15 / 30 = 179.065 → 179.07) and the move-in items
    const dueNow = { handoverOn: '2026-11-16', total: '259.07', developer: '557.60', items: [
      { title: '物业管理费', period: '2026年11月（2026-11-16 至 2026-11-30）', amount: '179.07' },
      { title: '门禁卡工本费（2张）', period: '入伙时一次性收取', amount: '40.00' },
      { title: '水卡、电卡、燃气卡工本费', period: '入伙时一次性收取', amount: '30.00' },
      { title: '《住户手册》及房屋水电图', period: '入伙时一次性收取', amount: '10.00' },
    ] };
    expect(c.data.dueNow).toMatchObject(dueNow);
    expect((await attempt('frontdesk', c, 'chargeFees', { paymentMethod: 'cash' })).statusCode).toBe(403);
    expect(pointers(await attempt('cashier', c, 'chargeFees', {}))).toEqual(['/data/paymentMethod']);
    const printedEarly = await w.kernel.call(w.tokens.cashier!, 'GET', `/api/cases/moveIn/${c.id}/documents/feeReceipt`);
    expect(printedEarly.statusCode).toBe(422);

    c = await take('cashier', c, 'chargeFees', { paymentMethod: 'cash', feeNote: '现金' });
    expect([c.state, c.data.feeTotal]).toEqual(['feesCharged', '259.07']);
    expect(c.data.feeItems).toEqual(dueNow.items);
    const receipt = c.data.feeReceipt as { receiptNo: string; amount: string; paymentId: number };
    expect(receipt).toMatchObject({ receiptNo: 'SJ2026000001', amount: '259.07', receivedOn: '2026-11-16', method: '现金', payerName: '林晓' });

    // the owner owes nothing now; October (vacant, late fee included) and 1–15 November went to the developer
    const account = (await w.kernel.call(w.tokens.cashier!, 'GET', `/api/billing/units/${w.unit(UNIT)}/account`)).json() as { receivable: string; openBills: unknown[]; pendingCharges: unknown[] };
    expect([account.receivable, account.openBills, account.pendingCharges]).toEqual(['0.00', [], []]);
    const bills = (await w.kernel.call(w.tokens.cashier!, 'GET', `/api/billing/bills?unitId=${w.unit(UNIT)}`)).json() as { items: { periodKey: string; status: string }[] };
    expect(bills.items.map((b) => [b.periodKey, b.status]).reverse()).toEqual([['2026-10', 'developer'], ['2026-11', 'paid'], ['入伙 2026-11-16', 'paid']]);
    const ledger = (await w.kernel.call(w.tokens.cashier!, 'GET', `/api/billing/units/${w.unit(UNIT)}/ledger?limit=50`)).json() as { items: { kind: string; amount: string; description: string }[] };
    expect(ledger.items.filter((e) => e.kind === 'developerTransfer').map((e) => [e.amount, e.description])).toEqual([
      ['-179.06', '2026年11月 交房前费用（2026-11-01 至 2026-11-15）由开发商承担'],
      ['-378.54', '2026年10月 交房前费用（2026-10-01 至 2026-10-31）由开发商承担'],
    ]);

    // the receipt prints from the move-in, one page per 联次, and billing's own receipt agrees
    const printed = await w.kernel.call(w.tokens.cashier!, 'GET', `/api/cases/moveIn/${c.id}/documents/feeReceipt`);
    expect(printed.statusCode, printed.body).toBe(200);
    for (const text of ['第一联 存根', '第二联 收据（交款人）', '第三联 记账', '门禁卡工本费（2张）', '2026年11月（2026-11-16 至 2026-11-30）', '¥259.07', '人民币贰佰伍拾玖元零柒分', '收款单位（盖章）', 'SJ2026000001']) expect(printed.body).toContain(text);
    expect(printed.body.replace(/<style[\s\S]*?<\/style>/, ' ').replace(/<[^>]*>/g, ' ').replace(/SJ\d+|RH-\d{4}-\d{6}/g, ' ')).not.toMatch(/[A-Za-z]{2,}/);
    const billingReceipt = await w.kernel.call(w.tokens.cashier!, 'GET', `/api/billing/payments/${receipt.paymentId}/receipt`);
    expect(billingReceipt.body).toContain('门禁卡工本费（2张）、水卡、电卡、燃气卡工本费、《住户手册》及房屋水电图');
  });

  it('hands over the keys against the owner’s signature; the unit becomes occupied; the inspection clock runs', async () => {
    c = await take('concierge', c, 'handOverKeys', keys());
    expect([c.state, c.assigneeRole]).toEqual(['keysHandedOver', 'engineering']);
    const unit = (await w.kernel.call(w.tokens.frontdesk!, 'GET', `/api/units/${w.unit(UNIT)}`)).json() as { status: string };
    expect(unit.status).toBe('occupied');
    expect((await w.get('moveIn', c.id)).deadlines).toEqual([expect.objectContaining({ key: 'inspection', status: 'running', dueAt: bj('2026-11-19 09:00').toISOString() })]);
  });

  it('refuses an incomplete checklist, a defect without description and malformed readings', async () => {
    const items = await answer(w, 'moveIn');
    const base = { inspectedAt: w.now(), inspectors: '工程部王工、楼栋客服李娜', waterReading: '12.5', electricityReading: '105.2', gasReading: '3', readingsConfirmed: true, inspectionSignature: SIGNATURE };
    const incomplete = await attempt('engineering', c, 'inspect', { ...base, inspectionItems: items.filter((i) => i.item !== 'balcony') });
    expect(incomplete.statusCode).toBe(422);
    expect((incomplete.json() as ErrorBody).issues).toEqual([expect.objectContaining({ pointer: '/data/inspectionItems', code: 'checklist-incomplete', message: expect.stringContaining('阳台栏杆及地漏') })]);
    const foreign = await attempt('engineering', c, 'inspect', { ...base, inspectionItems: [...items, { item: 'occupation', result: 'ok' }] });
    expect(pointers(foreign)).toEqual([`/data/inspectionItems/${items.length}/item`]);
    const undescribed = await attempt('engineering', c, 'inspect', { ...base, inspectionItems: items.map((i) => (i.item === 'walls' ? { item: 'walls', result: 'defect' } : i)) });
    expect(pointers(undescribed)).toEqual(['/data/inspectionItems/2/defect']);
    const malformed = await attempt('engineering', c, 'inspect', { ...base, inspectionItems: items, waterReading: '12,5' });
    expect(malformed.statusCode).toBe(400);
    expect(pointers(malformed)).toEqual(['/data/waterReading']);
    const noReading = await attempt('engineering', c, 'inspect', { ...base, inspectionItems: items, electricityReading: undefined });
    expect(pointers(noReading)).toEqual(['/data/electricityReading']);
    expect((await attempt('frontdesk', c, 'inspect', { ...base, inspectionItems: items })).statusCode).toBe(403);
    const repairs = (await w.kernel.call(w.tokens.supervisor!, 'GET', '/api/cases/repair')).json() as { items: unknown[] };
    expect(repairs.items).toEqual([]); // nothing written by the refusals
    expect((await w.get('moveIn', c.id)).state).toBe('keysHandedOver');
  });

  it('the inspection records the readings and opens a repair order for the defect', async () => {
    const items = await answer(w, 'moveIn', { windowsGlass: '主卧窗户玻璃有裂纹' });
    c = await take('engineering', c, 'inspect', {
      inspectedAt: w.now(), inspectors: '工程部王工、楼栋客服李娜', inspectionItems: items, waterReading: '12.5', electricityReading: '105.2', gasReading: '3',
      readingsConfirmed: true, repairAppointmentAt: '2026-11-17T10:00:00+08:00', inspectionSignature: SIGNATURE,
    });
    expect([c.state, c.assigneeRole]).toEqual(['rectifying', 'engineering']);
    const repairs = (await w.kernel.call(w.tokens.supervisor!, 'GET', '/api/cases/repair')).json() as { items: { id: number; serial: string; unitId: number; title: string }[] };
    expect(repairs.items).toHaveLength(1);
    const repair = await w.get('repair', repairs.items[0]!.id);
    repairId = repair.id;
    expect(repair).toMatchObject({ unitId: w.unit(UNIT), state: 'registered' });
    expect(repair.data).toMatchObject({ area: 'inHome', category: 'doorsWindows', underWarranty: true, charge: 'free', customerName: '林晓', contactPhone: '13900000011', appointmentAt: '2026-11-17T10:00:00+08:00' });
    expect(repair.data.content).toBe(`【入伙验收 ${c.serial}】门窗、玻璃、拉手完好：主卧窗户玻璃有裂纹`);
    expect(c.data.defectRepairs).toEqual([{ item: 'windowsGlass', defect: '主卧窗户玻璃有裂纹', caseId: repair.id, serial: repair.serial }]);
    expect((c.data.inspectionItems as { item: string; repairSerial?: string; area?: string }[]).find((i) => i.item === 'windowsGlass')).toMatchObject({ repairSerial: repair.serial, area: 'wholeUnit' });
    const readings = (await w.kernel.call(w.tokens.finance!, 'GET', `/api/billing/units/${w.unit(UNIT)}/meter-readings`)).json() as { items: { meter: string; reading: string }[] };
    expect(readings.items.map((r) => `${r.meter}:${r.reading}`).sort()).toEqual(['electricity:105.2', 'gas:3', 'water:12.5']);
  });

  it('re-inspection is refused while the repair order is open, naming it', async () => {
    const early = await attempt('engineering', c, 'reinspect', { reinspectedAt: w.now(), passed: true });
    expect(early.statusCode).toBe(422);
    expect((early.json() as ErrorBody).message).toContain((await w.get('repair', repairId)).serial);
    await w.kernel.runJobs();
    expect((await w.get('moveIn', c.id)).state).toBe('rectifying');
  });

  it('the technician completes the free warranty repair; the job moves the move-in to re-inspection', async () => {
    let r = await w.get('repair', repairId);
    r = await w.take('repair', 'assistant', r, 'dispatch', {});
    expect(r.state).toBe('reviewing');
    r = await w.take('repair', 'engineering', r, 'approve', { underWarranty: true, reviewNote: '开发商保修' });
    r = await w.take('repair', 'technician', r, 'pickUp', { pickedUpAt: w.now() });
    expect(r.state).toBe('pickedUp');
    r = await w.take('repair', 'technician', r, 'startWork', { findings: '玻璃裂纹', materialsSource: 'warehouse', materials: '5mm玻璃一块' });
    w.kernel.clock.set(bj('2026-11-17 11:00'));
    r = await w.take('repair', 'technician', r, 'complete', { workDone: '已更换玻璃', completedAt: w.now(), customerTested: true, customerSignature: SIGNATURE });
    expect(r.state).toBe('completed');
    // two instances run the job at once: both list the move-in as waiting; the one that finds it
    // moved on skips it and goes on with the other cases and companies instead of failing
    const job = w.kernel.plugins.extensions.jobs.get('intake.repairsDone')!;
    const services = w.kernel.pluginServices.get('intake')!;
    await Promise.all([job.run(w.kernel.clock.now(), services), job.run(w.kernel.clock.now(), services)]);
    c = await w.get('moveIn', c.id);
    expect([c.state, c.assigneeRole]).toEqual(['reinspection', 'engineering']);
    const events = (await w.kernel.call(w.tokens.supervisor!, 'GET', `/api/cases/moveIn/${c.id}/events`)).json() as { items: { transition: string | null }[] };
    expect(events.items.filter((e) => e.transition === 'repairsDone')).toHaveLength(1);
    expect(c.deadlines.find((d) => d.key === 'reinspection')).toMatchObject({ status: 'running' });
  });

  it('the re-inspection passes and the owner signs off; the file is archived when complete', async () => {
    c = await take('concierge', c, 'reinspect', { reinspectedAt: w.now(), passed: true, reinspectionNote: '玻璃已更换，业主确认' });
    expect([c.state, c.assigneeRole]).toEqual(['inspected', 'frontDesk']);
    c = await take('frontdesk', c, 'signOff', { signedOffAt: w.now(), ownerAccepted: true, signOffSignature: SIGNATURE });
    expect(c.state).toBe('signedOff');
    const incomplete = await attempt('frontdesk', c, 'archive', { archivedDocuments: ['moveInNotice', 'idCopies', 'agreements'], archiveLocation: 'RH-1-302' });
    expect(incomplete.statusCode).toBe(422);
    expect((incomplete.json() as ErrorBody).issues[0]).toMatchObject({ pointer: '/data/archivedDocuments' });
    c = await take('frontdesk', c, 'archive', { archivedDocuments: ['moveInNotice', 'idCopies', 'registrationForm', 'agreements', 'keyRegister', 'inspectionForm'], archiveLocation: 'RH-1-302' });
    expect(c.state).toBe('archived');
  });

  it('prints the registration form, the key register and the inspection form', async () => {
    const print = async (doc: string) => {
      const res = await w.kernel.call(w.tokens.frontdesk!, 'GET', `/api/cases/moveIn/${c.id}/documents/${doc}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.body;
    };
    const reg = await print('registration');
    for (const text of ['住户登记表', c.serial, '林晓', '配偶', '粤B12345', '林父', '前期物业服务合同']) expect(reg).toContain(text);
    const keyRegister = await print('keyRegister');
    for (const text of ['钥匙、门禁卡、电卡、水卡、天然气卡领用登记表', '门禁卡', 'A0101、A0102', '天然气卡']) expect(keyRegister).toContain(text);
    const inspection = await print('inspection');
    const repairSerial = (c.data.defectRepairs as { serial: string }[])[0]!.serial;
    for (const text of ['房屋验收表', '主卧窗户玻璃有裂纹', repairSerial, '105.2', '阳台栏杆及地漏', '有问题', '合格']) expect(inspection).toContain(text);
  });
});

describe('move-in documents per purchaser kind', () => {
  it('an agent needs the agent’s ID and the power of attorney; a company its certificate', async () => {
    const agent = await documents('agent');
    const noPower = await w.createRaw('moveIn', { projectId: w.project(), unitId: w.unit('CH/2/301'), data: { ...agent, powerOfAttorney: undefined } });
    expect(noPower.statusCode).toBe(400);
    expect(pointers(noPower)).toEqual(['/data/powerOfAttorney']);
    const company = await documents('company');
    const noCertificate = await w.createRaw('moveIn', { projectId: w.project(), unitId: w.unit('CH/2/301'), data: { ...company, companyCertificate: undefined } });
    expect(pointers(noCertificate)).toEqual(['/data/companyCertificate']);
    const notAnAttachment = await w.createRaw('moveIn', { projectId: w.project(), unitId: w.unit('CH/2/301'), data: { ...company, companyCertificate: 'scan.png' } });
    expect(pointers(notAnAttachment)).toEqual(['/data/companyCertificate']);
    const owner = await documents('owner');
    const agentPapersForOwner = await w.createRaw('moveIn', { projectId: w.project(), unitId: w.unit('CH/2/301'), data: { ...owner, powerOfAttorney: agent.powerOfAttorney } });
    expect(pointers(agentPapersForOwner)).toEqual(['/data/powerOfAttorney']);
    const list = (await w.kernel.call(w.tokens.frontdesk!, 'GET', '/api/cases/moveIn')).json() as { items: unknown[] };
    expect(list.items).toHaveLength(1); // only the move-in of the first describe
    const ok = await w.create('moveIn', 'CH/2/301', company);
    expect(ok.data).toMatchObject({ purchaserKind: 'company', companyContact: '周经理' });
    const archived = await take('frontdesk', ok, 'cancel', { cancelReason: 'rescheduled', cancelNote: '业主改约下周办理' });
    expect(archived.state).toBe('cancelled');
  });

  it('wrong roles get 403, another company’s or project’s ids 404', async () => {
    const data = await documents('owner');
    expect((await w.createRaw('moveIn', { projectId: w.project(), unitId: w.unit('CH/2/302'), data }, 'technician')).statusCode).toBe(403);
    const foreignUnit = await w.createRaw('moveIn', { projectId: w.project(), unitId: w.other.units.get('BCH/2/302')!.id, data });
    expect(foreignUnit.statusCode).toBe(404);
    const c = await w.create('moveIn', 'CH/2/302', data);
    expect((await w.kernel.call(w.tokens['b-frontdesk']!, 'GET', `/api/cases/moveIn/${c.id}`)).statusCode).toBe(404);
    expect((await w.kernel.call(w.tokens['frontdesk-jr']!, 'GET', `/api/cases/moveIn/${c.id}`)).statusCode).toBe(404);
    expect((await w.kernel.call(w.tokens['b-frontdesk']!, 'POST', `/api/cases/moveIn/${c.id}/transitions/register`, { version: c.version, data: registration })).statusCode).toBe(404);
    expect((await w.kernel.call(w.tokens['b-frontdesk']!, 'GET', `/api/intake/checklists/moveIn?projectId=${w.project()}`)).statusCode).toBe(404);
    expect((await w.kernel.call(w.tokens.frontdesk!, 'GET', `/api/intake/checklists/unknown?projectId=${w.project()}`)).statusCode).toBe(400);
  });
});
