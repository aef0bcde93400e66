/**
 * Printed documents as a real office needs them (issue 12, items 5, 10 and 11):
 *   - every template speaks the company's language only: no "编号 / No." pairs, no English
 *     sentences (read from the template sources), and the print route ignores the clerk's ?lang;
 *   - the signed 维修工作单 carries the customer's signature image and the technician's name;
 *   - the 业主投诉处理单 takes 处理人 / 处理完成时间 / 答复时间 from the steps when nobody typed them;
 *   - the 装修施工许可证 and worker passes print only once issued (422 before, not offered by the
 *     case API), with the works dates; the 临时动火作业申请表 never for works without approved hot work.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKernel, type SeededRegistry, type TestKernel } from '../../core/testing/harness.js';
import { SIGNATURE, applicationAttachments, example } from '../../plugins/renovation/test-support/fixtures.js';

interface CaseBody { id: number; serial: string; state: string; version: number; data: Record<string, unknown>; documents: { id: string }[] }
interface EventBody { transition: string | null; actorName: string | null; createdAt: string }

const bj = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`);
/** Beijing wall-clock time as the documents print it */
const printed = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

/** The visible text of an HTML page (no tags, no style, no attribute values). */
function visibleText(html: string): string {
  return html.replace(/<style[\s\S]*?<\/style>/g, ' ').replace(/<title>[\s\S]*?<\/title>/g, ' ').replace(/<[^>]*>/g, ' ')
    .replace(/&[a-z]+;|&#x?[0-9a-f]+;/gi, ' ');
}
/** Latin words on paper, except units of measure and case serials (TS-2026-000001). */
function latinWords(text: string): string[] {
  return (text.replace(/\b[A-Z]{1,6}-\d{4}-\d{6}(-[A-Z]*\d+)*\b/g, ' ').match(/[A-Za-z]{2,}/g) ?? []);
}

describe('templates are written in one language', () => {
  const root = join(import.meta.dirname, '../../plugins');
  const templates = readdirSync(root).flatMap((plugin) => {
    const dir = join(root, plugin, 'templates');
    return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.hbs')).map((f) => join(plugin, 'templates', f)) : [];
  });

  it.each(templates)('%s has no English text and no "中文 / English" pairs', (file) => {
    const source = readFileSync(join(root, file), 'utf8')
      .replace(/\{\{!--[\s\S]*?--\}\}/g, ' ') // comments are for developers
      .replace(/\{\{[\s\S]*?\}\}/g, ' '); // expressions print data and labels in the company's language
    const text = visibleText(source);
    const allowedUnits = /\b(m²|m³|kWh)\b/g;
    expect(latinWords(text.replace(allowedUnits, ' ')), file).toEqual([]);
    expect(text, file).not.toMatch(/[\u4e00-\u9fff]\s*\/\s*[A-Za-z]/);
  });
});

describe('the signed repair work order', () => {
  let kernel: TestKernel;
  let reg: SeededRegistry;
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    kernel = await startTestKernel({ plugins: ['service-desk', 'billing', 'paid-services'], startAt: bj('2026-10-12 09:00') });
    reg = await kernel.seed();
    for (const u of ['frontdesk', 'assistant', 'technician']) tokens[u] = await kernel.login(u);
  });
  afterAll(async () => kernel?.close());

  const take = async (as: string, c: { id: number; version: number }, transition: string, data: Record<string, unknown> = {}) => {
    const res = await kernel.call(tokens[as]!, 'POST', `/api/cases/repair/${c.id}/transitions/${transition}`, { version: c.version, data });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as CaseBody;
  };

  it('a work order printed right after dispatch names the technician it was sent to, never the record id', async () => {
    const created = await kernel.call(tokens.frontdesk!, 'POST', '/api/cases/repair', {
      projectId: reg.projects.get('CH')!.id,
      data: { channel: 'phone', customerName: '王芳', contactPhone: '13800000002', appointmentAt: '2026-10-12T15:00:00+08:00', area: 'commonArea', location: '3栋大堂', category: 'electrical', content: '大堂灯闪' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const technician = reg.staff.get('technician')!;
    await take('assistant', created.json() as CaseBody, 'dispatch', { technicianId: technician.id });
    const html = (await kernel.call(tokens.assistant!, 'GET', `/api/cases/repair/${(created.json() as CaseBody).id}/documents/workOrder`)).body;
    expect(html).toContain(`服务人员：${technician.name}`);
    expect(html).not.toContain(`服务人员：${technician.id}<`);
  });

  it('prints the customer’s signature image, the technician and the dispatcher by name, in Chinese only', async () => {
    const created = await kernel.call(tokens.frontdesk!, 'POST', '/api/cases/repair', {
      projectId: reg.projects.get('CH')!.id,
      data: { channel: 'phone', customerName: '王芳', contactPhone: '13800000002', appointmentAt: '2026-10-12T15:00:00+08:00', area: 'commonArea', location: '2栋电梯厅', category: 'electrical', content: '电梯厅灯不亮' },
    });
    expect(created.statusCode, created.body).toBe(201);
    let c = created.json() as CaseBody;
    c = await take('assistant', c, 'dispatch');
    c = await take('technician', c, 'pickUp', { pickedUpAt: kernel.clock.now().toISOString() });
    c = await take('technician', c, 'startWork', { findings: '灯管老化', materialsSource: 'warehouse', materials: '灯管一支' });
    kernel.clock.advance(2 * 3600_000);
    c = await take('technician', c, 'complete', { workDone: '已更换灯管', completedAt: kernel.clock.now().toISOString(), customerTested: true, customerSignature: SIGNATURE });

    const events = ((await kernel.call(tokens.assistant!, 'GET', `/api/cases/repair/${c.id}/events`)).json() as { items: EventBody[] }).items;
    const technician = events.find((e) => e.transition === 'complete')!.actorName!;
    const dispatcher = events.find((e) => e.transition === 'dispatch')!.actorName!;
    expect(technician).toBeTruthy();

    const res = await kernel.call(tokens.assistant!, 'GET', `/api/cases/repair/${c.id}/documents/workOrder?lang=en`);
    expect(res.statusCode).toBe(200);
    const html = res.body;
    // three copies, each with the signature as an image and the names filled in
    expect(html.match(/<img class="signature" alt="客户签名" src="data:image\/png;base64,/g)).toHaveLength(3);
    expect(html).not.toContain('客户已签名');
    expect(html).toContain(`服务人员：${technician}`);
    expect(html).toContain(`调度：${dispatcher}`);
    expect(html).toContain('<html lang="zh-CN">');
    expect(latinWords(visibleText(html))).toEqual([]);
    expect(html).not.toContain('/ No.');
  });
});

describe('the complaint sheet', () => {
  let kernel: TestKernel;
  let reg: SeededRegistry;
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    kernel = await startTestKernel({ plugins: ['service-desk', 'complaints'], startAt: bj('2026-09-29 10:00') });
    reg = await kernel.seed();
    for (const u of ['frontdesk', 'supervisor', 'engineering']) tokens[u] = await kernel.login(u);
  });
  afterAll(async () => kernel?.close());

  it('fills 处理完成时间 and 答复时间 from the steps when the forms left them blank', async () => {
    const res = await kernel.call(tokens.frontdesk!, 'POST', '/api/cases/complaint', {
      projectId: reg.projects.get('CH')!.id, unitId: reg.units.get('CH/1/101')!.id, personId: reg.people.get('张伟')!.id,
      data: { channel: 'phone', complainantName: '张伟', contactPhone: '13800000001', content: '楼道灯坏了三天没人修' },
    });
    let c = res.json() as CaseBody;
    const take = async (as: string, transition: string, data: Record<string, unknown>) => {
      const r = await kernel.call(tokens[as]!, 'POST', `/api/cases/complaint/${c.id}/transitions/${transition}`, { version: c.version, data });
      expect(r.statusCode, r.body).toBe(200);
      c = r.json() as CaseBody;
    };
    await take('supervisor', 'classify', { nature: 'valid', severity: 'minor', category: 'repair' });
    kernel.clock.set(bj('2026-09-29 15:20'));
    await take('engineering', 'handle', { cause: '灯管老化', correctiveAction: '更换灯管并检查线路', handledBy: '韩志' });
    kernel.clock.set(bj('2026-09-29 16:45'));
    await take('frontdesk', 'reply', { replyMethod: 'phone', replyContent: '已更换灯管，感谢您的反馈' });

    const events = ((await kernel.call(tokens.supervisor!, 'GET', `/api/cases/complaint/${c.id}/events`)).json() as { items: EventBody[] }).items;
    const html = (await kernel.call(tokens.supervisor!, 'GET', `/api/cases/complaint/${c.id}/documents/sheet`)).body;
    const cell = (label: string) => html.match(new RegExp(`<th>${label}</th><td>([^<]*)</td>`))?.[1];
    expect(cell('处理完成时间')).toBe('2026-09-29 15:20');
    expect(cell('答复时间')).toBe('2026-09-29 16:45');
    expect(cell('处理人')).toBe('韩志');
    expect(printed(events.find((e) => e.transition === 'reply')!.createdAt)).toBe('2026-09-29 16:45');
    expect(latinWords(visibleText(html))).toEqual([]);
    expect(html).not.toMatch(/\/ (No|State|Project|Registered)\b/);
  });

  it('what the staff typed wins over the step’s time', async () => {
    const res = await kernel.call(tokens.frontdesk!, 'POST', '/api/cases/complaint', {
      projectId: reg.projects.get('CH')!.id, unitId: reg.units.get('CH/1/101')!.id,
      data: { channel: 'visit', complainantName: '张伟', contactPhone: '13800000001', content: '电梯噪音' },
    });
    let c = res.json() as CaseBody;
    for (const [as, t, data] of [
      ['supervisor', 'classify', { nature: 'valid', severity: 'minor', category: 'repair' }],
      ['engineering', 'handle', { cause: '导轨缺油', correctiveAction: '加油保养', handledBy: '韩志', handledAt: '2026-09-29T11:00:00+08:00' }],
      ['frontdesk', 'reply', { replyMethod: 'visit', replyContent: '已保养', repliedAt: '2026-09-29T12:30:00+08:00' }],
    ] as const) {
      const r = await kernel.call(tokens[as]!, 'POST', `/api/cases/complaint/${c.id}/transitions/${t}`, { version: c.version, data });
      expect(r.statusCode, r.body).toBe(200);
      c = r.json() as CaseBody;
    }
    const html = (await kernel.call(tokens.supervisor!, 'GET', `/api/cases/complaint/${c.id}/documents/sheet`)).body;
    expect(html).toContain('<th>答复时间</th><td>2026-09-29 12:30</td>');
    expect(html).toContain('<th>处理完成时间</th><td>2026-09-29 11:00</td>');
    expect(html).toContain('<th>处理人</th><td>韩志</td>');
  });
});

describe('renovation permits print only once issued', () => {
  let kernel: TestKernel;
  const tokens: Record<string, string> = {};
  let id: number;
  beforeAll(async () => {
    kernel = await startTestKernel({ plugins: ['service-desk', 'billing', 'paid-services', 'renovation'], startAt: bj('2026-09-21 10:00') });
    const reg = await kernel.seed();
    for (const u of ['frontdesk', 'supervisor', 'engineering', 'security', 'cashier', 'manager']) tokens[u] = await kernel.login(u);
    const files = await applicationAttachments(kernel, tokens.frontdesk!);
    const { hotWorkDescription: _none, ...noHotWork } = example.data;
    const res = await kernel.call(tokens.frontdesk!, 'POST', '/api/cases/renovation', {
      projectId: reg.projects.get('CH')!.id, unitId: reg.units.get('CH/1/102')!.id,
      data: { ...noHotWork, hotWork: false, workers: (example.data.workers as { trade: string }[]).filter((w) => w.trade !== 'welder'), ...files },
    });
    expect(res.statusCode, res.body).toBe(201);
    id = (res.json() as CaseBody).id;
  });
  afterAll(async () => kernel?.close());

  const get = async () => (await kernel.call(tokens.manager!, 'GET', `/api/cases/renovation/${id}`)).json() as CaseBody;
  const ok = async (who: string, transition: string, data: Record<string, unknown>) => {
    const c = await get();
    const res = await kernel.call(tokens[who]!, 'POST', `/api/cases/renovation/${id}/transitions/${transition}`, { version: c.version, data });
    expect(res.statusCode, `${transition}: ${res.body}`).toBe(200);
  };
  const print = (doc: string) => kernel.call(tokens.frontdesk!, 'GET', `/api/cases/renovation/${id}/documents/${doc}`);

  it('before it is issued, the permit and the passes are neither offered nor printable (422, nothing rendered)', async () => {
    expect((await get()).documents.map((d) => d.id)).toEqual(['application', 'patrolRecord', 'hiddenWorks', 'completion']);
    for (const doc of ['permit', 'workerPasses', 'hotWorkPermit']) {
      const res = await print(doc);
      expect(res.statusCode, doc).toBe(422);
      expect(res.json()).toMatchObject({ issues: [{ pointer: '/document', code: 'document-unavailable' }] });
    }
    expect((await print('permit')).json().message).toContain('尚未发放');
    expect((await print('application')).statusCode).toBe(200);
  });

  it('once the three heads signed and the permit is issued, it prints with its number and the works dates; hot work never', async () => {
    await ok('engineering', 'reviewDrawings', { drawingDecision: 'approved', drawingComments: '同意' });
    await ok('security', 'reviewFire', { fireDecision: 'approved', extinguishersRequired: 1 });
    await ok('cashier', 'collectFees', { paymentMethod: 'transfer', receiptNo: 'SJ-0921-02' });
    await ok('frontdesk', 'signAgreements', { agreementSignature: SIGNATURE, pledgeSignature: SIGNATURE, fireSafetyPledgeSignature: SIGNATURE, handbookGiven: true });
    expect((await print('permit')).statusCode).toBe(422); // signatures still missing
    await ok('supervisor', 'signPermitService', { permitSignature: SIGNATURE, permitOpinion: '同意施工' });
    await ok('engineering', 'signPermitEngineering', { permitSignature: SIGNATURE });
    await ok('security', 'signPermitSecurity', { permitSignature: SIGNATURE });
    expect((await print('permit')).statusCode).toBe(422); // signed but not issued yet
    await ok('frontdesk', 'issuePermit', { worksStartOn: '2026-09-28', permitPosted: true, protectionChecked: true });

    const c = await get();
    expect(c.documents.map((d) => d.id)).toEqual(['application', 'permit', 'workerPasses', 'patrolRecord', 'hiddenWorks', 'completion', 'pledge']);
    const permit = await print('permit');
    expect(permit.statusCode).toBe(200);
    const html = permit.body;
    expect(html).toContain(`许可证编号：${c.serial}`);
    expect(html).not.toContain('未发放');
    expect(html).toContain('<th>开工日期</th><td>2026-09-28</td>');
    expect(html).toContain('<th>应完工日期</th><td>2026-11-20</td>');
    expect(html).toContain('有效期：2026-09-28 至 2026-11-20');
    expect(html.match(/<img class="signature"/g)).toHaveLength(3);
    expect(latinWords(visibleText(html))).toEqual([]);
    // header items are separate fields, laid out apart (the print page's .meta rule)
    expect(html).toMatch(/<p class="meta"><span>管理处：[^<]+<\/span><span>有效期：/);
    expect(html).toContain('.meta, .signatures:not(table) { display: flex; flex-wrap: wrap;');
    expect((await print('workerPasses')).statusCode).toBe(200);

    // no hot work declared or approved: no hot-work permit, even to security
    const hot = await kernel.call(tokens.security!, 'GET', `/api/cases/renovation/${id}/documents/hotWorkPermit`);
    expect(hot.statusCode).toBe(422);
    expect(hot.json().message).toContain('动火');
  });
});
