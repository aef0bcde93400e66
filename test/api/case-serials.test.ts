/**
 * Case serial numbers stay gapless per company, case type and year while creates run concurrently:
 * on PostgreSQL concurrent creates share one statement (core/cases/pg-case-store.ts), so this is
 * where a batch must hand out distinct numbers, skip the cases it refuses, and never burn a
 * number for a case that is rolled back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKernel, type SeededRegistry, type TestKernel } from '../../core/testing/harness.js';
import { PgCaseStore } from '../../core/cases/pg-case-store.js';
import { SqliteCaseStore } from '../../core/cases/sqlite-case-store.js';
import type { CaseStore, NewCasePlan } from '../../core/cases/case-store.js';

let kernel: TestKernel;
let reg: SeededRegistry;
let frontdesk: string;

/** Beijing time: the serial's year is the company's local year */
const bj = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`);

beforeAll(async () => {
  kernel = await startTestKernel({ plugins: ['service-desk', 'complaints'], startAt: bj('2026-12-31 23:00') });
  reg = await kernel.seed();
  frontdesk = await kernel.login('frontdesk');
});
afterAll(async () => kernel?.close());

const complaint = (unit = 'CH/1/101') => ({
  projectId: reg.projects.get('CH')!.id, unitId: reg.units.get(unit)!.id, personId: reg.people.get('张伟')!.id,
  data: { channel: 'phone', complainantName: '张伟', contactPhone: '13800000001', content: '楼道灯坏了三天没人修' },
});
const serviceRequest = () => ({
  projectId: reg.projects.get('CH')!.id, unitId: reg.units.get('CH/1/101')!.id, personId: reg.people.get('张伟')!.id,
  data: { channel: 'phone', kind: 'consultation', customerName: '张伟', contactPhone: '13800000001', content: '请问本月管理费什么时候开始收？', receiverName: '前台 林小红' },
});

async function serialsOf(caseType: string): Promise<string[]> {
  const rows: { serial: string }[] = await kernel.orm.em.fork().getConnection().execute('select serial from work_case where company_id = ? and case_type = ? order by serial', [reg.company.id, caseType]);
  return rows.map((r) => r.serial);
}

const numbered = (prefix: string, year: number, from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `${prefix}-${year}-${String(from + i).padStart(6, '0')}`);

describe('case serials under concurrent creates', () => {
  it('concurrent creates of one type get distinct, gapless serials; refused ones take none', async () => {
    // every fifth names a unit of another project: refused (404), in the middle of the others
    const bodies = Array.from({ length: 30 }, (_, i) => (i % 5 === 4 ? complaint('JR/A/1001') : complaint()));
    const responses = await Promise.all(bodies.map((b) => kernel.call(frontdesk, 'POST', '/api/cases/complaint', b)));
    const created = responses.filter((r) => r.statusCode === 201).map((r) => r.json() as { id: number; serial: string; state: string });
    expect(responses.filter((r) => r.statusCode === 404)).toHaveLength(6);
    expect(created).toHaveLength(24);
    expect(created.map((c) => c.serial).sort()).toEqual(numbered('TS', 2026, 1, 24));
    expect(await serialsOf('complaint')).toEqual(numbered('TS', 2026, 1, 24));
    // each case was written whole: its first event and its forwarding clock
    const one = await kernel.call(frontdesk, 'GET', `/api/cases/complaint/${created[7]!.id}`);
    expect(one.json()).toMatchObject({ serial: created[7]!.serial, state: 'registered', deadlines: [expect.objectContaining({ key: 'forward', status: 'running' })] });
    const events = await kernel.call(frontdesk, 'GET', `/api/cases/complaint/${created[7]!.id}/events`);
    expect((events.json() as { items: { type: string }[] }).items.map((e) => e.type)).toEqual(['created']);
  });

  it('another type counts on its own, concurrently with the first', async () => {
    const responses = await Promise.all([
      ...Array.from({ length: 5 }, () => kernel.call(frontdesk, 'POST', '/api/cases/serviceRequest', serviceRequest())),
      ...Array.from({ length: 5 }, () => kernel.call(frontdesk, 'POST', '/api/cases/complaint', complaint())),
    ]);
    expect(responses.map((r) => r.statusCode)).toEqual(Array(10).fill(201));
    expect(await serialsOf('serviceRequest')).toEqual(numbered('FW', 2026, 1, 5));
    expect(await serialsOf('complaint')).toEqual(numbered('TS', 2026, 1, 29));
  });

  it('a case opened in a transaction that rolls back burns no number', async () => {
    const input = { ...complaint(), companyId: reg.company.id, createdBy: reg.staff.get('frontdesk')!.id, actorRoles: ['frontDesk'] };
    const rolledBack = kernel.orm.em.fork().transactional(async (em) => {
      const opened = await kernel.cases.openCaseIn(em, 'complaint', input);
      expect(opened.serial).toBe('TS-2026-000030');
      throw new Error('the transition that opened it failed');
    });
    await expect(rolledBack).rejects.toThrow('the transition that opened it failed');
    const next = await kernel.call(frontdesk, 'POST', '/api/cases/complaint', complaint());
    expect((next.json() as { serial: string }).serial).toBe('TS-2026-000030');
  });

  it('a case the database refuses fails alone: the others of its batch are written and numbered', async () => {
    const store: CaseStore = kernel.dialect === 'postgresql' ? new PgCaseStore(kernel.orm) : new SqliteCaseStore(kernel.orm);
    const version = await kernel.configs.current(reg.company.id, kernel.clock.now());
    const plan = (state: string): NewCasePlan => ({
      companyId: reg.company.id, caseType: 'complaint', serialPrefix: 'TS', serialYear: 2026, projectId: reg.projects.get('CH')!.id, unitId: null, personId: null,
      state, data: { content: '测试数据' }, severity: null, title: null, assigneeRole: null, configVersionId: version.id, createdAt: kernel.clock.now(),
      createdBy: reg.staff.get('frontdesk')!.id, actorRole: 'frontDesk', clocks: [],
    });
    // a state the case row cannot hold (not null): the database refuses that case
    const results = await Promise.allSettled([plan('registered'), plan(null as never), plan('registered'), plan('registered')].map((p) => store.createCase(p)));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    const serials = results.flatMap((r) => (r.status === 'fulfilled' && r.value.ok ? [r.value.serial] : [])).sort();
    expect(serials).toEqual(numbered('TS', 2026, 31, 33));
    expect(await serialsOf('complaint')).toEqual(numbered('TS', 2026, 1, 33));
  });

  it('a new year starts again at 1', async () => {
    kernel.clock.set(bj('2027-01-01 00:10'));
    const responses = await Promise.all(Array.from({ length: 3 }, () => kernel.call(frontdesk, 'POST', '/api/cases/complaint', complaint())));
    expect(responses.map((r) => (r.json() as { serial: string }).serial).sort()).toEqual(numbered('TS', 2027, 1, 3));
  });
});
