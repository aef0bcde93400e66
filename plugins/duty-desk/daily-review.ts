/**
 * 日清日审: the supervisor's daily board of a project — every open case of every type, overdue
 * first, then due today, then the rest — with its promised time (and whether it was postponed) and
 * when the resident was last told of the progress; and the supervisor's sign-off, once per project
 * and day. Read through the plugin API only, always filtered by the caller's company and project.
 */
import type { FastifyInstance } from 'fastify';
import { DateTime } from 'luxon';
import { Building, errorResponses, NotFoundError, Person, RuleRefusedError, Staff, StaffProject, Unit, WorkCase, WuyeError, type PluginServices, type Principal } from '../../core/plugin-api.js';
import { DutyDeskSignOff } from './db/entities.js';

export const REVIEW_PERMISSION = 'duty.review';
/** the board lists at most this many open cases (a project with more has a bigger problem than the page) */
export const BOARD_LIMIT = 500;

export type BoardGroup = 'overdue' | 'dueToday' | 'open';

export interface BoardItem {
  caseType: string;
  id: number;
  serial: string;
  state: string;
  title: string | null;
  group: BoardGroup;
  unitLabel: string | null;
  personName: string | null;
  assigneeName: string | null;
  assigneeRole: string | null;
  dueAt: string | null;
  overdue: boolean;
  promisedAt: string | null;
  postponed: boolean;
  promiseMissed: boolean;
  lastToldAt: string | null;
  createdAt: string;
}

export interface SignOffView { signedAt: string; signedByName: string | null; note: string; openCount: number; overdueCount: number }

export interface DailyReview {
  projectId: number;
  date: string;
  today: string;
  counts: { open: number; overdue: number; dueToday: number; promised: number; notToldToday: number };
  items: BoardItem[];
  truncated: boolean;
  signOff: SignOffView | null;
}

const query = {
  type: 'object',
  properties: {
    projectId: { type: 'integer', minimum: 1, maximum: 2147483647 },
    date: { type: 'string', format: 'date' },
  },
  required: ['projectId'],
  additionalProperties: false,
} as const;

export async function dailyReviewRoutes(app: FastifyInstance, services: PluginServices): Promise<void> {
  app.get('/daily-review', {
    schema: { tags: ['duty-desk'], summary: '日清日审: every open case of a project, overdue first, then due today, with promised times and progress told', querystring: query, response: { ...errorResponses } },
  }, async (request): Promise<DailyReview> => {
    const principal = services.principal(request);
    await services.requirePermission(principal, REVIEW_PERMISSION);
    const q = request.query as { projectId: number; date?: string };
    return board(services, principal, q.projectId, q.date);
  });

  app.post('/daily-review/sign', {
    schema: {
      tags: ['duty-desk'], summary: "The supervisor's daily sign-off of the board (once per project and day)",
      body: {
        type: 'object',
        properties: {
          projectId: { type: 'integer', minimum: 1, maximum: 2147483647 },
          date: { type: 'string', format: 'date' },
          note: { type: 'string', minLength: 1, maxLength: 1000 },
        },
        required: ['projectId', 'note'],
        additionalProperties: false,
      },
      response: { ...errorResponses },
    },
  }, async (request, reply): Promise<DailyReview> => {
    const principal = services.principal(request);
    await services.requirePermission(principal, REVIEW_PERMISSION);
    const body = request.body as { projectId: number; date?: string; note: string };
    const current = await board(services, principal, body.projectId, body.date);
    if (current.date > current.today) {
      throw new RuleRefusedError('a day can be signed off on that day or later, not before', [
        { pointer: '/date', code: 'duty-sign-future', message: `${current.date} is after today (${current.today})`, params: { limit: current.today } },
      ]);
    }
    const em = services.orm.em.fork();
    const existing = await em.findOne(DutyDeskSignOff, { companyId: principal.companyId, projectId: body.projectId, reviewDate: current.date });
    if (existing) throw alreadySigned(current.date);
    try {
      await em.transactional(async (tx) => {
        tx.create(DutyDeskSignOff, {
          companyId: principal.companyId, projectId: body.projectId, reviewDate: current.date, signedBy: principal.staffId, signedAt: services.now(),
          note: body.note, openCount: current.counts.open, overdueCount: current.counts.overdue,
        });
        services.audit(tx, { companyId: principal.companyId, actorId: principal.staffId, action: 'duty-desk.sign', target: `project:${body.projectId}:${current.date}`, data: { open: current.counts.open, overdue: current.counts.overdue } });
      });
    } catch (e) {
      // two supervisors at once: the unique key keeps one
      if (/unique|duplicate/i.test(String((e as Error).message))) throw alreadySigned(current.date);
      throw e;
    }
    reply.code(201 as never);
    return board(services, principal, body.projectId, current.date);
  });

  /** Colleagues who work in a project: the incoming staff of a handover is picked from them by name. */
  app.get('/colleagues', {
    schema: { tags: ['duty-desk'], summary: 'Active colleagues working in a project (names), for picking the incoming staff of a handover', querystring: { type: 'object', properties: { projectId: query.properties.projectId }, required: ['projectId'], additionalProperties: false }, response: { ...errorResponses } },
  }, async (request): Promise<{ items: { id: number; name: string }[] }> => {
    const principal = services.principal(request);
    const { projectId } = request.query as { projectId: number };
    const em = services.orm.em.fork();
    await services.projectFor(principal, projectId, em);
    const links = await em.find(StaffProject, { companyId: principal.companyId, projectId });
    const staff = await em.find(Staff, { companyId: principal.companyId, id: { $in: links.map((l) => l.staffId) }, active: true }, { fields: ['id', 'name'], orderBy: { name: 'asc' } });
    return { items: staff.filter((s) => s.id !== principal.staffId).map((s) => ({ id: s.id, name: s.name })) };
  });
}

function alreadySigned(date: string) {
  return new WuyeError('WUYE_CONFLICT', 409, `the board of ${date} is already signed off`, [
    { pointer: '/date', code: 'duty-already-signed', message: `${date} is already signed off`, params: { name: date } },
  ]);
}

export async function board(services: PluginServices, principal: Principal, projectId: number, date?: string): Promise<DailyReview> {
  const em = services.orm.em.fork();
  await services.projectFor(principal, projectId, em);
  const config = await services.configFor(principal.companyId, projectId, undefined, em);
  const zone = config.calendar.timezone;
  const now = services.now();
  const today = DateTime.fromJSDate(now, { zone }).toISODate()!;
  const day = date ?? today;
  const dayStart = DateTime.fromISO(day, { zone }).startOf('day');
  if (!dayStart.isValid) throw new NotFoundError('date');
  const dayEnd = dayStart.plus({ days: 1 }).toJSDate();
  // "overdue" is judged now for today's board, and at the end of the day for an earlier one
  const judgeAt = day >= today ? now : dayEnd;

  const rows = await em.find(WorkCase, { companyId: principal.companyId, projectId, closedAt: null }, { orderBy: { id: 'asc' }, limit: BOARD_LIMIT + 1 });
  const truncated = rows.length > BOARD_LIMIT;
  const open = rows.slice(0, BOARD_LIMIT);
  const ids = (xs: (number | null | undefined)[]) => [...new Set(xs.filter((x): x is number => x != null))];
  const [units, people, staff] = await Promise.all([
    em.find(Unit, { companyId: principal.companyId, id: { $in: ids(open.map((r) => r.unitId)) } }),
    em.find(Person, { companyId: principal.companyId, id: { $in: ids(open.map((r) => r.personId)) } }, { fields: ['id', 'name'] }),
    em.find(Staff, { companyId: principal.companyId, id: { $in: ids(open.map((r) => r.assigneeId)) } }, { fields: ['id', 'name'] }),
  ]);
  const buildings = await em.find(Building, { companyId: principal.companyId, id: { $in: ids(units.map((u) => u.buildingId)) } });
  const buildingName = new Map(buildings.map((b) => [b.id, b.name]));
  const unitLabel = new Map(units.map((u) => [u.id, [buildingName.get(u.buildingId), u.number].filter(Boolean).join(' ')]));
  const personName = new Map(people.map((p) => [p.id, p.name]));
  const staffName = new Map(staff.map((s) => [s.id, s.name]));

  const items: BoardItem[] = open.map((r) => {
    const promiseMissed = r.promisedAt != null && r.promisedAt.getTime() < judgeAt.getTime();
    const dueMissed = r.nextDueAt != null && r.nextDueAt.getTime() < judgeAt.getTime();
    const overdue = r.overdue || dueMissed || promiseMissed;
    const dueToday = [r.nextDueAt, r.promisedAt].some((d) => d != null && d.getTime() < dayEnd.getTime());
    return {
      caseType: r.caseType, id: r.id, serial: r.serial, state: r.state, title: r.title ?? null,
      group: overdue ? 'overdue' : dueToday ? 'dueToday' : 'open',
      unitLabel: (r.unitId != null && unitLabel.get(r.unitId)) || null,
      personName: (r.personId != null && personName.get(r.personId)) || null,
      assigneeName: (r.assigneeId != null && staffName.get(r.assigneeId)) || null,
      assigneeRole: r.assigneeRole ?? null,
      dueAt: r.nextDueAt?.toISOString() ?? null, overdue,
      promisedAt: r.promisedAt?.toISOString() ?? null, postponed: (r.postponements ?? 0) > 0, promiseMissed,
      lastToldAt: r.lastToldAt?.toISOString() ?? null, createdAt: r.createdAt.toISOString(),
    };
  });
  const rank: Record<BoardGroup, number> = { overdue: 0, dueToday: 1, open: 2 };
  const soonest = (i: BoardItem) => Math.min(...[i.dueAt, i.promisedAt].map((d) => (d ? Date.parse(d) : Number.MAX_SAFE_INTEGER)));
  items.sort((a, b) => rank[a.group] - rank[b.group] || soonest(a) - soonest(b) || a.id - b.id);

  const sign = await em.findOne(DutyDeskSignOff, { companyId: principal.companyId, projectId, reviewDate: day });
  const signer = sign ? await em.findOne(Staff, { id: sign.signedBy, companyId: principal.companyId }, { fields: ['name'] }) : null;
  const startOfDay = dayStart.toJSDate().getTime();
  return {
    projectId, date: day, today,
    counts: {
      open: items.length,
      overdue: items.filter((i) => i.group === 'overdue').length,
      dueToday: items.filter((i) => i.group === 'dueToday').length,
      promised: items.filter((i) => i.promisedAt).length,
      notToldToday: items.filter((i) => !i.lastToldAt || Date.parse(i.lastToldAt) < startOfDay).length,
    },
    items, truncated,
    signOff: sign ? { signedAt: sign.signedAt.toISOString(), signedByName: signer?.name ?? null, note: sign.note, openCount: sign.openCount, overdueCount: sign.overdueCount } : null,
  };
}
