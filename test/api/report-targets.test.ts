/**
 * The monthly report's targets (目标达成, issue 18 item 3), declared in the company configuration
 * (`reports.targets`, core/reports/targets.ts) and judged per person / per case type in GET
 * /api/reports/monthly and the 目标达成 sheet of the .xlsx:
 * - seed 001 §2.7.5 and seed 003 §2.7.5: 客户服务中心经理、管理处总物业经理每月抽查客户回访工作不少于3项;
 * - seed 001 §2.7.4 and seed 003 §2.7.4: 客户服务部每月"上门回访"量不得少于5%;
 * - seed 003 §2.7.7: 客户服务中心经理每月不少于3次客户投诉处理的回访工作，总物业经理每月不少于1次.
 *
 * The demo company, a controlled clock. The cases are registered over HTTP; their follow-ups are
 * written as done rows (who, when, on site or not) straight into follow_up — how a follow-up is
 * recorded is test/api/reports.test.ts's subject, this file is about what the targets make of them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { startTestKernel, type SeededRegistry, type TestKernel } from '../../core/testing/harness.js';
import { FollowUp } from '../../core/db/entities/index.js';

interface Row { staffId: number | null; name: string | null; caseType: string | null; actual: number | string | null; count: number | null; base: number | null; met: boolean | null }
interface Target { id: string; kind: string; min: number; source: string | null; roles: { id: string }[]; caseTypes: { caseType: string }[] | null; rows: Row[] }
interface Report { targets: Target[] }

let kernel: TestKernel;
let reg: SeededRegistry;
const tokens: Record<string, string> = {};
const bj = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`);
const staffIds: Record<string, number> = {};
let complaintId = 0;
let complaintProject = 0;

async function monthly(month: string): Promise<Report> {
  const res = await kernel.call(tokens.manager!, 'GET', `/api/reports/monthly?month=${month}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Report;
}
const target = (r: Report, id: string) => {
  const t = r.targets.find((x) => x.id === id);
  expect(t, `target ${id}`).toBeDefined();
  return t!;
};
const person = (t: Target, username: string) => t.rows.find((r) => r.staffId === staffIds[username]);

/** A done follow-up of the complaint: due and done at `local` (Beijing time), by `by`, on site or by phone. */
async function done(by: string, local: string, onSite: boolean, caseType = 'complaint') {
  const em = kernel.orm.em.fork();
  const at = bj(local);
  em.create(FollowUp, {
    companyId: reg.company.id, caseId: complaintId, caseType, projectId: complaintProject, dueAt: at, method: onSite ? 'onSite' : 'phone', roles: ['manager'],
    status: 'done', satisfied: true, onSite, result: { method: onSite ? 'onSite' : 'phone', satisfied: true }, doneAt: at, doneBy: staffIds[by]!, createdAt: at,
  });
  await em.flush();
}

beforeAll(async () => {
  kernel = await startTestKernel({ plugins: ['service-desk', 'complaints'], startAt: bj('2026-10-01 09:00') });
  reg = await kernel.seed();
  for (const u of ['frontdesk', 'manager', 'gm', 'director', 'admin']) tokens[u] = await kernel.login(u);
  for (const [username, s] of reg.staff) staffIds[username] = s.id;
  expect(staffIds.manager && staffIds.gm).toBeTruthy();
  const c = await kernel.call(tokens.frontdesk!, 'POST', '/api/cases/complaint', {
    projectId: reg.projects.get('CH')!.id, unitId: reg.units.get('CH/1/101')!.id,
    data: { channel: 'phone', complainantName: '张伟', contactPhone: '13800000001', content: '楼道灯不亮' },
  });
  expect(c.statusCode, c.body).toBe(201);
  complaintId = (c.json() as { id: number }).id;
  complaintProject = reg.projects.get('CH')!.id;

  // October 2026: the 客服经理 does 2 follow-ups (both by phone), the 总物业经理 3 (one on site);
  // 20 follow-ups done in all, 1 on site: 5.00 % — the share exactly at the 5 % line
  await done('manager', '2026-10-05 10:00', false);
  await done('manager', '2026-10-12 10:00', false);
  await done('gm', '2026-10-06 10:00', true);
  await done('gm', '2026-10-13 10:00', false);
  await done('gm', '2026-10-20 10:00', false);
  for (let d = 1; d <= 15; d++) await done('director', `2026-10-${String(d + 10).padStart(2, '0')} 15:00`, false);
  // November 2026: 21 follow-ups done, 1 on site: 4.76 % — under 5 %
  for (let d = 1; d <= 20; d++) await done('director', `2026-11-${String(d + 5).padStart(2, '0')} 15:00`, false);
  await done('manager', '2026-11-03 10:00', true);
  kernel.clock.set(bj('2026-12-02 09:00'));
}, 120_000);
afterAll(async () => kernel?.close());

describe('targets in the monthly report (issue 18 item 3)', () => {
  it('seed 001/003 §2.7.5: a manager with 2 spot checks is 未达标 against 3, the general manager with 3 is 达标', async () => {
    const t = target(await monthly('2026-10'), 'managerSpotChecks');
    expect(t).toMatchObject({ kind: 'spotChecks', min: 3, source: 'seed 001/003 §2.7.5' });
    expect(t.roles.map((r) => r.id)).toEqual(['manager', 'generalManager']);
    expect(person(t, 'manager')).toMatchObject({ actual: 2, met: false });
    expect(person(t, 'gm')).toMatchObject({ actual: 3, met: true });
    // the director (管理处主任) is no member of the target's roles: not judged by it
    expect(person(t, 'director')).toBeUndefined();
  });

  it('seed 003 §2.7.7: complaint follow-ups — the 客服经理 at least 3, the 总物业经理 at least 1', async () => {
    const r = await monthly('2026-10');
    expect(person(target(r, 'complaintFollowUpsManager'), 'manager')).toMatchObject({ actual: 2, met: false });
    expect(target(r, 'complaintFollowUpsManager').min).toBe(3);
    expect(person(target(r, 'complaintFollowUpsGeneralManager'), 'gm')).toMatchObject({ actual: 3, met: true });
    expect(target(r, 'complaintFollowUpsGeneralManager').min).toBe(1);
    // November: the general manager did none → 0, 未达标
    expect(person(target(await monthly('2026-11'), 'complaintFollowUpsGeneralManager'), 'gm')).toMatchObject({ actual: 0, met: false });
  });

  it('seed 001/003 §2.7.4: on-site share at 5 % is 达标, under 5 % 未达标', async () => {
    const oct = target(await monthly('2026-10'), 'onSiteShare').rows.find((r) => r.caseType === 'complaint');
    expect(oct).toMatchObject({ count: 1, base: 20, actual: '0.0500', met: true });
    const nov = target(await monthly('2026-11'), 'onSiteShare').rows.find((r) => r.caseType === 'complaint');
    expect(nov).toMatchObject({ count: 1, base: 21, actual: '0.0476', met: false });
    // a case type with no follow-up done is not judged
    const empty = target(await monthly('2026-11'), 'onSiteShare').rows.find((r) => r.caseType !== 'complaint' && r.base === 0);
    if (empty) expect(empty.met).toBeNull();
  });

  it('the 目标达成 sheet of the .xlsx shows each person against the target, in Chinese', async () => {
    const res = await kernel.app.inject({ method: 'GET', url: '/api/reports/monthly.xlsx?month=2026-10', headers: { authorization: `Bearer ${tokens.manager}` } });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('目标达成')!;
    expect(ws).toBeDefined();
    const rows = (ws.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1));
    expect(rows[0]).toEqual(['目标', '统计范围', '对象', '实际', '目标值', '是否达标', '依据']);
    expect(rows).toContainEqual(['管理人员每月抽查回访', expect.any(String), '客服经理 高雅', 2, 3, '未达标', 'seed 001/003 §2.7.5']);
    expect(rows).toContainEqual(['管理人员每月抽查回访', expect.any(String), '总物业经理 宋诚', 3, 3, '达标', 'seed 001/003 §2.7.5']);
    const share = rows.find((r) => r[0] === '上门回访占比' && /投诉/.test(String(r[2])))!;
    expect(share.slice(3, 6)).toEqual([0.05, 0.05, '达标']);
    expect(ws.getRow(rows.indexOf(share) + 1).getCell(4).numFmt).toBe('0.00%');
  });

  it('a company changing a target through the configuration API sees the new figure judged', async () => {
    const proposed = await kernel.call(tokens.admin!, 'POST', '/api/config/versions', {
      reason: '抽查要求提高到每月2项以上即可；上门回访占比提高到10%',
      patch: { reports: { targets: [{ id: 'managerSpotChecks', min: 2 }, { id: 'onSiteShare', min: 0.1 }] } },
    });
    expect(proposed.statusCode, proposed.body).toBe(201);
    const number = (proposed.json() as { number: number }).number;
    expect((await kernel.call(tokens.admin!, 'POST', `/api/config/versions/${number}/activate`, {})).statusCode).toBe(200);
    const r = await monthly('2026-10');
    const spot = target(r, 'managerSpotChecks');
    expect(spot.min).toBe(2);
    expect(person(spot, 'manager')).toMatchObject({ actual: 2, met: true });
    const share = target(r, 'onSiteShare');
    expect(share.min).toBe(0.1);
    expect(share.rows.find((x) => x.caseType === 'complaint')).toMatchObject({ actual: '0.0500', met: false });
  });

  it('a company adds a target of its own (the 管理处主任, at least 10 complaint follow-ups) and turns a built-in off', async () => {
    const proposed = await kernel.call(tokens.admin!, 'POST', '/api/config/versions', {
      reason: '主任回访目标',
      patch: { reports: { targets: [
        { id: 'directorFollowUps', title: { 'zh-CN': '管理处主任投诉回访' }, kind: 'followUpsDone', caseTypes: ['complaint'], roles: ['director'], min: 10 },
        { id: 'complaintFollowUpsGeneralManager', enabled: false },
      ] } },
    });
    expect(proposed.statusCode, proposed.body).toBe(201);
    const number = (proposed.json() as { number: number }).number;
    expect((await kernel.call(tokens.admin!, 'POST', `/api/config/versions/${number}/activate`, {})).statusCode).toBe(200);
    const r = await monthly('2026-10');
    expect(person(target(r, 'directorFollowUps'), 'director')).toMatchObject({ actual: 15, met: true });
    expect(r.targets.find((t) => t.id === 'complaintFollowUpsGeneralManager')).toBeUndefined();
  });

  it('an unknown role or case type in a target is refused with its pointer, nothing written', async () => {
    const before = ((await kernel.call(tokens.admin!, 'GET', '/api/config/versions')).json() as { items: unknown[] }).items.length;
    const res = await kernel.call(tokens.admin!, 'POST', '/api/config/versions', {
      reason: '错误',
      patch: { reports: { targets: [{ id: 'managerSpotChecks', roles: ['manager', 'nightManager'] }, { id: 'x', title: { 'zh-CN': '某目标' }, kind: 'followUpsDone', roles: ['manager'], caseTypes: ['noSuchType'], min: 1 }] } },
    });
    expect(res.statusCode, res.body).toBe(400);
    const issues = (res.json() as { issues: { pointer: string; code: string }[] }).issues;
    expect(issues.find((i) => i.pointer.endsWith('/reports/targets/0/roles/1'))?.code).toBe('unknown-role');
    expect(issues.find((i) => i.pointer.endsWith('/reports/targets/1/caseTypes/0'))?.code).toBe('unknown-case-type');
    const share = await kernel.call(tokens.admin!, 'POST', '/api/config/versions', { reason: '错误', patch: { reports: { targets: [{ id: 'onSiteShare', min: 5 }] } } });
    expect(share.statusCode).toBe(400);
    expect((share.json() as { issues: { pointer: string }[] }).issues.some((i) => i.pointer.endsWith('/reports/targets/0/min'))).toBe(true);
    expect(((await kernel.call(tokens.admin!, 'GET', '/api/config/versions')).json() as { items: unknown[] }).items).toHaveLength(before);
  });
});
