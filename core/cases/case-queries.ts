/**
 * Lists and summaries. Lists are keyset pages (id < cursor, newest first) over indexed columns and
 * never count the whole table, so page one costs the same at 10,000 and at 1,000,000 cases.
 */
import { likeTerm } from '../db/like-term.js';
import type { MikroORM } from '@mikro-orm/core';
import { DateTime } from 'luxon';
import { CaseDeadline, FollowUp, WorkCase } from '../db/entities/index.js';
import type { Principal } from '../auth/sessions.js';
import type { ConfigService } from '../config/config-service.js';
import { ValidationError } from '../errors.js';
import { seesAllProjects } from './access.js';
import { peopleMatching } from '../search/global-search.js';
import { readQuery } from '../search/parse-query.js';

/** At most this many of the matching residents' cases are listed (200 residents of the text, newest cases first). */
const RESIDENT_CASES_MAX = 5000;

export interface CaseListQuery {
  state?: string;
  projectId?: number;
  buildingId?: number;
  unitId?: number;
  assigneeId?: number | 'me';
  assigneeRole?: string;
  severity?: string;
  overdue?: boolean;
  open?: boolean;
  createdFrom?: string;
  createdTo?: string;
  q?: string;
  cursor?: number;
  limit: number;
}

export class CaseQueries {
  constructor(private readonly orm: MikroORM, private readonly configs: ConfigService, private readonly now: () => Date) {}

  /** Which projects the principal may list: null = all of the company's. */
  async projectScope(principal: Principal): Promise<number[] | null> {
    const version = await this.configs.current(principal.companyId, this.now());
    const config = await this.configs.compiledFor(principal.companyId, version.id, null);
    return seesAllProjects(principal, config) ? null : principal.projectIds;
  }

  async list(principal: Principal, caseType: string, q: CaseListQuery) {
    const where: Record<string, unknown> = { companyId: principal.companyId, caseType };
    const scope = await this.projectScope(principal);
    if (q.projectId !== undefined) {
      if (scope && !scope.includes(q.projectId)) return { items: [] as WorkCase[], nextCursor: null };
      where.projectId = q.projectId;
    } else if (scope) where.projectId = { $in: scope };
    if (q.state) where.state = q.state;
    if (q.buildingId !== undefined) where.buildingId = q.buildingId;
    if (q.unitId !== undefined) where.unitId = q.unitId;
    if (q.assigneeId !== undefined) where.assigneeId = q.assigneeId === 'me' ? principal.staffId : q.assigneeId;
    if (q.assigneeRole) where.assigneeRole = q.assigneeRole;
    if (q.severity) where.severity = q.severity;
    if (q.overdue !== undefined) where.overdue = q.overdue;
    if (q.open !== undefined) where.closedAt = q.open ? null : { $ne: null };
    const created: Record<string, Date> = {};
    if (q.createdFrom) created.$gte = new Date(q.createdFrom);
    if (q.createdTo) created.$lt = new Date(q.createdTo);
    if (Object.keys(created).length) where.createdAt = created;
    const em = this.orm.em.fork();
    if (q.q) {
      // The resident first (name, whole phone or its last 4 digits): their cases come through the
      // (company, person, id) index. Only a text that names no resident searches the content, which
      // reads cases newest first until the page is full.
      const readings = readQuery(q.q);
      const residents = readings.name || readings.phoneKeyPrefix ? await peopleMatching(em, principal.companyId, readings, 200) : [];
      const serial = q.q.trim().toUpperCase();
      if (residents.length) {
        // the residents' cases by the (company, person, id) index, then the page's other filters on those ids only
        const theirs = await em.find(WorkCase, { companyId: principal.companyId, personId: { $in: residents.map((p) => p.id) } }, { fields: ['id'], orderBy: { id: 'desc' }, limit: RESIDENT_CASES_MAX });
        const bySerial = await em.find(WorkCase, { companyId: principal.companyId, serial }, { fields: ['id'] });
        where.id = { $in: [...theirs, ...bySerial].map((c) => c.id) };
      } else {
        where.$or = [{ serial }, { title: { $like: `%${likeTerm(q.q)}%` } }];
      }
    }
    if (q.cursor !== undefined) where.id = { ...(where.id as object | undefined), $lt: q.cursor };
    const rows = await em.find(WorkCase, where, { orderBy: { id: 'desc' }, limit: q.limit + 1 });
    const items = rows.slice(0, q.limit);
    return { items, nextCursor: rows.length > q.limit ? items[items.length - 1]!.id : null };
  }

  /**
   * Monthly figures for a case type: totals, by state, by each summary field, deadline compliance
   * and follow-ups. The month is taken in the company's time zone.
   */
  async monthlySummary(principal: Principal, caseType: string, month: string, summaryFields: string[], timezone: string, projectId?: number) {
    const start = DateTime.fromFormat(month, 'yyyy-MM', { zone: timezone });
    if (!start.isValid) throw new ValidationError([{ pointer: '/querystring/month', code: 'format', message: 'must be YYYY-MM' }]);
    const end = start.plus({ months: 1 });
    const where: Record<string, unknown> = { companyId: principal.companyId, caseType, createdAt: { $gte: start.toJSDate(), $lt: end.toJSDate() } };
    const scope = await this.projectScope(principal);
    if (projectId !== undefined) where.projectId = scope && !scope.includes(projectId) ? -1 : projectId;
    else if (scope) where.projectId = { $in: scope };
    const em = this.orm.em.fork();
    const rows = await em.find(WorkCase, where, { fields: ['id', 'state', 'severity', 'data', 'overdue', 'closedAt'] });
    const ids = rows.map((r) => r.id);
    const byState: Record<string, number> = {};
    const byField: Record<string, Record<string, number>> = Object.fromEntries(summaryFields.map((f) => [f, {}]));
    for (const r of rows) {
      byState[r.state] = (byState[r.state] ?? 0) + 1;
      for (const f of summaryFields) {
        const v = r.data[f];
        const key = v === undefined || v === null ? '(none)' : String(v);
        byField[f]![key] = (byField[f]![key] ?? 0) + 1;
      }
    }
    const deadlines = { total: 0, metOnTime: 0, metLate: 0, overdueOpen: 0, running: 0 };
    const followUps = { total: 0, done: 0, satisfied: 0, onSite: 0, doneOnTime: 0 };
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      for (const d of await em.find(CaseDeadline, { caseId: { $in: chunk }, companyId: principal.companyId })) {
        deadlines.total++;
        if (d.metAt) d.metAt.getTime() <= d.dueAt.getTime() ? deadlines.metOnTime++ : deadlines.metLate++;
        else if (d.status === 'overdue') deadlines.overdueOpen++;
        else if (d.status === 'running') deadlines.running++;
      }
      for (const f of await em.find(FollowUp, { caseId: { $in: chunk }, companyId: principal.companyId })) {
        followUps.total++;
        if (f.status === 'done') {
          followUps.done++;
          if (f.satisfied) followUps.satisfied++;
          if (f.onSite) followUps.onSite++;
          if (f.doneAt && f.doneAt.getTime() <= f.dueAt.getTime()) followUps.doneOnTime++;
        }
      }
    }
    return {
      month,
      caseType,
      total: rows.length,
      closed: rows.filter((r) => r.closedAt).length,
      overdue: rows.filter((r) => r.overdue).length,
      byState,
      by: byField,
      deadlines,
      followUps: { ...followUps, rate: followUps.total ? followUps.done / followUps.total : null, satisfactionRate: followUps.done ? followUps.satisfied / followUps.done : null },
    };
  }
}
