/**
 * 工作台's figures: today's work of the staff member and of their team (the roles they act for),
 * per case type — open, due today, overdue — the follow-ups (回访) due by the end of today, and the
 * recent escalations to their roles. A few grouped queries (no rows are loaded for counting),
 * always within the staff member's company and projects.
 */
import type { FastifyInstance } from 'fastify';
import type { MikroORM } from '@mikro-orm/core';
import { DateTime } from 'luxon';
import type { CaseService } from '../../cases/case-service.js';
import type { CaseQueries } from '../../cases/case-queries.js';
import { principalOf } from '../auth-hook.js';
import { errorResponses } from '../schemas.js';
import { inList, num, reportDialect, sqlTime } from '../../reports/report-sql.js';

export interface HomeCount {
  caseType: string;
  open: number;
  dueToday: number;
  overdue: number;
}

export interface HomeEscalation {
  caseId: number;
  caseType: string;
  serial: string;
  title: string | null;
  deadline: string;
  role: string;
  overdueAt: string;
}

export interface HomeFigures {
  /** the company's day, YYYY-MM-DD, in its time zone */
  today: string;
  mine: HomeCount[];
  team: HomeCount[];
  followUps: { dueToday: number; overdue: number };
  escalations: HomeEscalation[];
}

/** How far back 工作台 lists escalations. */
const ESCALATION_DAYS = 7;

export async function homeRoutes(app: FastifyInstance, opts: { orm: MikroORM; cases: CaseService; queries: CaseQueries; now: () => Date }): Promise<void> {
  const dialect = reportDialect(opts.orm);
  const query = async (sql: string, params: unknown[]) =>
    (await opts.orm.em.fork().getConnection().execute(sql, params, 'all')) as Record<string, unknown>[];

  app.get('/api/home', {
    schema: { tags: ['cases'], summary: "工作台: today's work of me and my team per case type, follow-ups due, recent escalations", response: { ...errorResponses } },
  }, async (request): Promise<HomeFigures> => {
    const principal = principalOf(request);
    const config = await opts.cases.configForCompany(principal);
    const roles = [...config.actingRoles(principal.roles)];
    const projects = await opts.queries.projectScope(principal);
    const now = opts.now();
    const day = DateTime.fromJSDate(now, { zone: config.calendar.timezone }).startOf('day');
    const todayEnd = day.plus({ days: 1 }).toJSDate();

    const scope = (alias: string) => {
      const where = [`${alias}.company_id = ?`];
      const params: unknown[] = [principal.companyId];
      if (projects) {
        const p = inList(`${alias}.project_id`, projects);
        where.push(p.sql);
        params.push(...p.params);
      }
      return { where, params };
    };

    /** Open cases per type for one assignment condition: open, due before the day ends (not yet overdue), overdue. */
    const counts = async (assigned: { sql: string; params: unknown[] }): Promise<HomeCount[]> => {
      const s = scope('c');
      const rows = await query(
        `select c.case_type as t, count(*) as open,
           sum(case when c.overdue then 0 when c.next_due_at < ? then 1 else 0 end) as due_today,
           sum(case when c.overdue then 1 else 0 end) as overdue
         from work_case c where ${[...s.where, 'c.closed_at is null', assigned.sql].join(' and ')}
         group by c.case_type order by c.case_type`,
        [sqlTime(dialect, todayEnd), ...s.params, ...assigned.params],
      );
      return rows
        .filter((r) => config.caseTypes.has(String(r.t)))
        .map((r) => ({ caseType: String(r.t), open: num(r.open), dueToday: num(r.due_today), overdue: num(r.overdue) }));
    };

    const [mine, team, followUps, escalations] = await Promise.all([
      counts({ sql: 'c.assignee_id = ?', params: [principal.staffId] }),
      counts(inList('c.assignee_role', roles)),
      (async () => {
        // a follow-up names the roles that may make it (a JSON list): counted here, over the due ones only
        const s = scope('f');
        const rows = await query(
          `select f.roles as roles, f.due_at as due_at from follow_up f where ${[...s.where, "f.status = 'due'", 'f.due_at < ?'].join(' and ')}`,
          [...s.params, sqlTime(dialect, todayEnd)],
        );
        let dueToday = 0;
        let overdue = 0;
        for (const r of rows) {
          const forRoles = (typeof r.roles === 'string' ? JSON.parse(r.roles) : r.roles) as string[];
          if (!forRoles.some((x) => roles.includes(x))) continue;
          const due = r.due_at instanceof Date ? r.due_at : new Date(typeof r.due_at === 'number' ? r.due_at : String(r.due_at));
          if (due < now) overdue++;
          else dueToday++;
        }
        return { dueToday, overdue };
      })(),
      (async () => {
        const s = scope('c');
        const to = inList('d.escalated_to_role', roles);
        const rows = await query(
          `select c.id as id, c.case_type as t, c.serial as serial, c.title as title, d.key as k, d.escalated_to_role as role, d.overdue_at as at
           from case_deadline d join work_case c on c.id = d.case_id and c.company_id = d.company_id
           where ${[...s.where, 'd.company_id = ?', to.sql, 'd.overdue_at >= ?'].join(' and ')}
           order by d.overdue_at desc limit 10`,
          [...s.params, principal.companyId, ...to.params, sqlTime(dialect, DateTime.fromJSDate(now).minus({ days: ESCALATION_DAYS }).toJSDate())],
        );
        return rows.map((r) => ({
          caseId: num(r.id), caseType: String(r.t), serial: String(r.serial), title: r.title === null ? null : String(r.title),
          deadline: String(r.k), role: String(r.role),
          overdueAt: new Date(typeof r.at === 'number' ? r.at : (r.at as string | Date)).toISOString(),
        }));
      })(),
    ]);
    return { today: day.toISODate()!, mine, team, followUps, escalations };
  });
}
