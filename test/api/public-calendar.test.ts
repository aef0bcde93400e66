/**
 * The platform's public calendar layer (issue 18, "The calendar after 2026"): chinese-days carries
 * official holidays only up to 2026, so a working-day deadline reaching into 2027 was counted as if
 * there were no Spring Festival. An operator loads a year's arrangement through the CLI
 * (calendar:import) or the operator API; until then each such deadline records the missing year and
 * the configuration editor lists it.
 *
 * The 2027 file used here is TEST DATA (test/fixtures/calendar/README.md), not the official notice.
 */
import path from 'node:path';
import { writeFileSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKernel, type SeededRegistry, type TestKernel } from '../../core/testing/harness.js';
import { CORE_COMMANDS } from '../../core/cli/core-commands.js';
import { ROOT_DIR } from '../../core/kernel.js';

const FIXTURE = path.join(ROOT_DIR, 'test/fixtures/calendar/test-data-2027.json');
const OPERATOR_PASSWORD = 'Calendar-Ops-2027!';
/** Beijing time: '2027-02-03 10:00' -> Date */
const bj = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`);

let kernel: TestKernel;
let reg: SeededRegistry;
const tokens: Record<string, string> = {};

async function cli(name: string, args: string[], env: Record<string, string> = {}): Promise<number> {
  Object.assign(process.env, env);
  try {
    return await CORE_COMMANDS.get(name)!.run(args, kernel);
  } finally {
    for (const k of Object.keys(env)) delete process.env[k];
  }
}

const versions = async () => Number((await kernel.orm.em.getConnection().execute<{ n: number }[]>('select count(*) as n from public_calendar_version'))[0]!.n);

interface Deadline { key: string; dueAt: string; calendarGapYears: number[] | null }

/** A major complaint classified now: its 'answer' clock is 3 working days (plugins/complaints). */
async function majorComplaint(): Promise<Deadline[]> {
  const created = await kernel.call(tokens.frontdesk!, 'POST', '/api/cases/complaint', {
    projectId: reg.projects.get('CH')!.id, unitId: reg.units.get('CH/1/101')!.id, personId: reg.people.get('张伟')!.id,
    data: { channel: 'phone', complainantName: '张伟', contactPhone: '13800000001', content: '春节前报的漏水一直没人处理' },
  });
  expect(created.statusCode, created.body).toBe(201);
  const c = created.json() as { id: number; version: number };
  const classified = await kernel.call(tokens.supervisor!, 'POST', `/api/cases/complaint/${c.id}/transitions/classify`, {
    version: c.version, data: { nature: 'major', severity: 'major', category: 'facilities', classificationNote: '涉及住户财产' },
  });
  expect(classified.statusCode, classified.body).toBe(200);
  const page = await kernel.call(tokens.supervisor!, 'GET', `/api/cases/complaint/${c.id}`);
  return (page.json() as { deadlines: Deadline[] }).deadlines;
}

const localDate = (iso: string) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(iso));

beforeAll(async () => {
  // Wednesday 3 February 2027, three days before the Spring Festival
  kernel = await startTestKernel({ plugins: ['service-desk', 'complaints'], startAt: bj('2027-02-03 10:00') });
  reg = await kernel.seed();
  for (const u of ['frontdesk', 'supervisor', 'admin']) tokens[u] = await kernel.login(u);
});
afterAll(async () => kernel?.close());

describe('the public calendar after 2026', () => {
  it('without 2027 data a working-day deadline counts Monday–Friday and records the missing year; the editor lists it', async () => {
    const status = await kernel.call(tokens.admin!, 'GET', '/api/config/public-calendar');
    expect(status.statusCode).toBe(200);
    const items = (status.json() as { items: { year: number; source: string }[] }).items;
    expect(items.find((y) => y.year === 2027)?.source).toBe('missing');
    expect(items.find((y) => y.year === 2026)?.source).toBe('package');
    // a front-desk clerk may not read the configuration's status pages
    expect((await kernel.call(tokens.frontdesk!, 'GET', '/api/config/public-calendar')).statusCode).toBe(403);

    const deadlines = await majorComplaint();
    const answer = deadlines.find((d) => d.key === 'answer')!;
    // Thu 4, Fri 5, Mon 8 February: three working days as if there were no Spring Festival
    expect(localDate(answer.dueAt)).toBe('2027-02-08');
    expect(answer.calendarGapYears).toEqual([2027]);
    // a clock in hours does not depend on the holiday calendar
    expect(deadlines.filter((d) => d.key !== 'answer' && d.key !== 'resolve').every((d) => d.calendarGapYears === null)).toBe(true);
  });

  it('a malformed year file is refused by the CLI and nothing is stored', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'wuye-cal-'));
    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ year: 2027, source: '测试数据', holidays: ['2027-02-05', '2028-01-01'], workdays: ['2027-02-10'] }));
    expect(await cli('calendar:import', [bad])).toBe(1);
    expect(await cli('calendar:import', [path.join(dir, 'missing.json')])).toBe(2);
    expect(await cli('calendar:import', [])).toBe(2);
    expect(await versions()).toBe(0);
  });

  it('the 2027 schedule loaded through the CLI moves the next deadline past the Spring Festival', async () => {
    expect(await cli('calendar:import', [FIXTURE])).toBe(0);
    expect(await versions()).toBe(1);
    const deadlines = await majorComplaint();
    const answer = deadlines.find((d) => d.key === 'answer')!;
    // Thu 4 worked; 5–13 February off; Sun 14; Mon 15 and Tue 16 worked → the third working day is the 16th
    expect(localDate(answer.dueAt)).toBe('2027-02-16');
    expect(answer.calendarGapYears).toBeNull();

    const status = (await kernel.call(tokens.admin!, 'GET', '/api/config/public-calendar')).json() as { items: { year: number; source: string; version: number | null }[] };
    expect(status.items.find((y) => y.year === 2027)).toMatchObject({ source: 'platform', version: 1 });
  });

  it('the operator API imports a corrected version, refuses bad documents naming the field, and stays closed to staff', async () => {
    expect(await cli('operator:create', ['cal-ops', '--password-env', 'OP_PW'], { OP_PW: OPERATOR_PASSWORD })).toBe(0);
    const login = await kernel.app.inject({ method: 'POST', url: '/api/platform/login', payload: { username: 'cal-ops', password: OPERATOR_PASSWORD } });
    const op = (login.json() as { token: string }).token;
    const put = (year: number, body: unknown, token = op) => kernel.app.inject({ method: 'PUT', url: `/api/platform/calendar/${year}`, headers: { authorization: `Bearer ${token}` }, payload: body as object });
    const good = { year: 2027, source: '测试数据（TEST DATA）第二版', holidays: ['2027-01-01', '2027-02-06', '2027-02-07', '2027-02-08'], workdays: [] };

    const refusals: [unknown, string][] = [
      [{ ...good, workdays: ['2027-02-10'] }, '/workdays/0'], // a Wednesday cannot be a 调休 working day
      [{ ...good, holidays: ['2027-02-31'] }, '/holidays/0'],
      [{ ...good, holidays: ['2027-02-06', '2027-02-06'] }, '/holidays/1'],
      [{ ...good, workdays: ['2027-02-06'] }, '/workdays/0'], // both a holiday and a working day
      [{ ...good, source: '' }, '/source'],
      [{ ...good, extra: 1 }, '/extra'],
      [{ ...good, year: 2028 }, '/year'],
    ];
    for (const [body, pointer] of refusals) {
      const res = await put(2027, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect((res.json() as { issues: { pointer: string }[] }).issues.map((i) => i.pointer)).toContain(pointer);
    }
    expect((await put(2027, good, tokens.admin)).statusCode).toBe(401);
    expect(await versions()).toBe(1);

    const stored = await put(2027, good);
    expect(stored.statusCode, stored.body).toBe(201);
    expect(stored.json()).toMatchObject({ year: 2027, version: 2 });
    const history = await kernel.app.inject({ method: 'GET', url: '/api/platform/calendar/2027/versions', headers: { authorization: `Bearer ${op}` } });
    expect((history.json() as { items: { version: number; importedBy: string }[] }).items.map((v) => [v.version, v.importedBy])).toEqual([[2, 'operator:cal-ops'], [1, 'cli']]);
    // version 2 is in force: Thu 4, Fri 5, (6–8 off), Tue 9 → the third working day is the 9th
    const deadlines = await majorComplaint();
    expect(localDate(deadlines.find((d) => d.key === 'answer')!.dueAt)).toBe('2027-02-09');
  });
});
