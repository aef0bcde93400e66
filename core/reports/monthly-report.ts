/**
 * Monthly statistics (月度统计) over every case type of the company's configuration, generic over
 * the declarations: totals by state, by severity and by each of the workflow's `summaryFields`
 * (read out of the JSON case data), deadline compliance, follow-up (回访) rates against the
 * policy's required rate, managers' spot checks and the causes of dissatisfaction. Every figure is
 * aggregated by the database (COUNT / SUM … GROUP BY) over indexed columns; no case list is loaded.
 *
 * Which month a row belongs to (in the company's time zone):
 * - a case: the month it was registered (`created_at`);
 * - a deadline clock and a follow-up: the month it falls due (`due_at`) — the obligations of the
 *   month, e.g. last month's paid-service orders followed up by the 10th appear in this month.
 *
 * Spot checks (抽查): follow-ups done by a staff member one of whose roles (or the roles merged
 * into theirs) covers all projects (`allProjects`: manager, director, general manager, company
 * admin in the default roles) — the management above the project desks.
 */
import type { MikroORM } from '@mikro-orm/core';
import { DateTime } from 'luxon';
import type { Principal } from '../auth/sessions.js';
import type { CompiledCaseType, CompiledConfig } from '../config/compiled-config.js';
import { isCategoryField } from '../declarations/check-workflow.js';
import { fieldPaths, type FieldSchema } from '../declarations/form-fields.js';
import { Project, Staff } from '../db/entities/index.js';
import { NotFoundError, ValidationError } from '../errors.js';
import { inList, jsonText, meets, num, reportDialect, share, sqlTime, type ReportDialect } from './report-sql.js';
import type { ReportTarget, TargetKind } from './targets.js';

export type Text = { 'zh-CN': string; en: string };
export interface Bucket { key: string | null; label: Text; count: number }
export interface FieldBreakdown { field: string; label: Text; items: Bucket[] }

export interface FollowUpFigures {
  caseType: string;
  title: Text;
  policy: {
    deadline: { amount: number; unit: string };
    deadlineBySeverity: Record<string, { amount: number; unit: string }>;
    method: string;
    methodBySeverity: Record<string, string>;
    requiredRate: number;
    roles: string[];
    rolesBySeverity: Record<string, string[]>;
    /** the field the *BySeverity entries are keyed by (the severity, or a category: a repair's 报修类别) with its label and the labels of the keys used */
    valueField: { field: string; label: Text; values: Record<string, Text> } | null;
  };
  /** follow-ups falling due in the month (cancelled ones left out) */
  due: number;
  /** of those, still to do and not yet at their due time: not judged yet (they count neither for nor against the rate) */
  notYetDue: number;
  done: number;
  doneOnTime: number;
  doneLate: number;
  /** still to do */
  open: number;
  /** still to do and past their due time now */
  overdueOpen: number;
  satisfied: number;
  unsatisfied: number;
  onSite: number;
  /** done / (due − notYetDue): the follow-ups whose time has come; null when none has */
  rate: string | null;
  requiredRate: number;
  /** rate ≥ requiredRate (exact); null when nothing is due yet (not judged: neither 达标 nor 未达标) */
  met: boolean | null;
  /** satisfied / done */
  satisfactionRate: string | null;
  /** on-site / done */
  onSiteShare: string | null;
  spotChecks: number;
  spotChecksByStaff: { staffId: number; name: string; roles: string[]; count: number }[];
}

export interface DeadlineFigures {
  total: number;
  metOnTime: number;
  metLate: number;
  overdueOpen: number;
  running: number;
  /** met on time / (met on time + met late + overdue open) */
  complianceRate: string | null;
  clocks: { key: string; title: Text; total: number; metOnTime: number; metLate: number; overdueOpen: number; running: number; complianceRate: string | null }[];
}

export interface Dissatisfaction {
  unsatisfied: number;
  /** unsatisfied follow-ups by the case's summary fields: what the unsatisfied cases were about */
  byCaseField: FieldBreakdown[];
  /** by the enum fields of the follow-up form (e.g. the satisfaction level) */
  byResultField: FieldBreakdown[];
  /** the residents' words: the follow-up form's free-text fields of each unsatisfied follow-up (latest 50) */
  items: { followUpId: number; caseId: number; serial: string; doneAt: string; texts: { field: string; label: Text; value: string }[] }[];
}

export interface CaseTypeReport {
  caseType: string;
  pluginId: string;
  title: Text;
  cases: { total: number; closed: number; open: number; overdue: number };
  byState: Bucket[];
  bySeverity: FieldBreakdown | null;
  fields: FieldBreakdown[];
  byProject: { projectId: number; name: string; count: number }[];
  deadlines: DeadlineFigures;
  followUps: FollowUpFigures | null;
  dissatisfaction: Dissatisfaction | null;
}

/** One row of a target: a staff member (count targets) or a case type (on-site share), actual against the target. */
export interface TargetRow {
  staffId: number | null;
  name: string | null;
  /** the staff member's roles (ids; the staff app shows their titles) */
  roles: string[];
  caseType: string | null;
  caseTypeTitle: Text | null;
  /** a count, or a share as an exact string ("0.0400") */
  actual: number | string | null;
  /** on-site share: the on-site follow-ups and the follow-ups done they are a share of */
  count: number | null;
  base: number | null;
  /** actual ≥ min; null when not judged (no follow-up done of the case type) */
  met: boolean | null;
}

export interface TargetFigures {
  id: string;
  title: Text;
  kind: TargetKind;
  /** a count, or a share (0.05) for onSiteShare */
  min: number;
  roles: { id: string; title: Text }[];
  caseTypes: { caseType: string; title: Text }[] | null;
  source: string | null;
  rows: TargetRow[];
}

export interface MonthlyReport {
  month: string;
  projectId: number | null;
  timezone: string;
  from: string;
  to: string;
  generatedAt: string;
  caseTypes: CaseTypeReport[];
  /** the company's targets (reports.targets, core/reports/targets.ts), per person or per case type */
  targets: TargetFigures[];
}

const NONE: Text = { 'zh-CN': '（未填）', en: '(none)' };
const YES: Text = { 'zh-CN': '是', en: 'Yes' };
const NO: Text = { 'zh-CN': '否', en: 'No' };
const DUE_LIST = 50;

function text(value: unknown, fallback: string): Text {
  const v = value as Partial<Text> | undefined;
  if (v && typeof v === 'object' && (v['zh-CN'] || v.en)) return { 'zh-CN': v['zh-CN'] ?? v.en ?? fallback, en: v.en ?? v['zh-CN'] ?? fallback };
  return { 'zh-CN': fallback, en: fallback };
}

function valueLabel(schema: FieldSchema | undefined, key: string | null): Text {
  if (key === null) return NONE;
  const labels = schema?.['x-enumLabels'] as Record<string, Text> | undefined;
  if (labels?.[key]) return text(labels[key], key);
  if (schema?.type === 'boolean') return key === 'true' ? YES : key === 'false' ? NO : text(undefined, key);
  return text(undefined, key);
}

/**
 * The summary fields counted by value: choices only (enum, options from settings, boolean). The
 * declaration check refuses others; a configuration stored before that check may still name a
 * free date, number or text, which would give one "category" per case — left out here.
 */
function categoryFields(type: CompiledCaseType): string[] {
  return (type.workflow.summaryFields ?? []).filter((f) => {
    const schema = type.fields.get(f);
    return schema !== undefined && isCategoryField(schema);
  });
}

/** The field a follow-up policy's per-value entries are keyed by, labelled, with the labels of the keys it uses. */
function policyValueField(type: CompiledCaseType): FollowUpFigures['policy']['valueField'] {
  const wf = type.workflow;
  const field = wf.severityField ?? wf.categoryField;
  const policy = wf.followUp;
  if (!field || !policy) return null;
  const schema = type.fields.get(field);
  const keys = new Set([...Object.keys(policy.deadlineBySeverity ?? {}), ...Object.keys(policy.methodBySeverity ?? {}), ...Object.keys(policy.rolesBySeverity ?? {})]);
  return { field, label: text(schema?.['x-label'], field), values: Object.fromEntries([...keys].map((k) => [k, valueLabel(schema, k)])) };
}

interface Scope {
  companyId: number;
  caseType: string;
  /** explicit project or the principal's projects (null: all of the company's) */
  projectIds: number[] | null;
}

export class MonthlyReports {
  private readonly dialect: ReportDialect;

  constructor(private readonly orm: MikroORM, private readonly now: () => Date) {
    this.dialect = reportDialect(orm);
  }

  /** The month's instants in the company's time zone; 400 naming `month` when it is not YYYY-MM. */
  monthRange(month: string, timezone: string) {
    const start = /^\d{4}-(0[1-9]|1[0-2])$/.test(month) ? DateTime.fromFormat(month, 'yyyy-MM', { zone: timezone }) : null;
    if (!start?.isValid) throw new ValidationError([{ pointer: '/querystring/month', code: 'format', message: 'must be YYYY-MM' }]);
    return { from: start.toJSDate(), to: start.plus({ months: 1 }).toJSDate() };
  }

  /** The projects to count: the requested one (404 when unknown, another company's or not visible), else the principal's scope. */
  async projectsFor(principal: Principal, scope: number[] | null, projectId: number | undefined): Promise<number[] | null> {
    if (projectId === undefined) return scope;
    const project = await this.orm.em.fork().findOne(Project, { id: projectId, companyId: principal.companyId });
    if (!project || (scope && !scope.includes(projectId))) throw new NotFoundError('project');
    return [projectId];
  }

  async monthly(principal: Principal, config: CompiledConfig, month: string, scope: number[] | null, projectId?: number): Promise<MonthlyReport> {
    const timezone = config.calendar.timezone;
    const { from, to } = this.monthRange(month, timezone);
    const projectIds = await this.projectsFor(principal, scope, projectId);
    const managers = await this.spotCheckers(principal.companyId, config);
    const projects = new Map((await this.orm.em.fork().find(Project, { companyId: principal.companyId })).map((p) => [p.id, p.name]));
    const caseTypes: CaseTypeReport[] = [];
    for (const type of config.caseTypes.values()) {
      const s: Scope = { companyId: principal.companyId, caseType: type.caseType, projectIds };
      caseTypes.push({
        caseType: type.caseType,
        pluginId: type.pluginId,
        title: text(type.workflow.title, type.caseType),
        ...(await this.caseFigures(type, s, from, to, projects)),
        deadlines: await this.deadlineFigures(type, s, from, to),
        followUps: await this.followUpFigures(type, s, from, to, managers),
        dissatisfaction: await this.dissatisfaction(type, s, from, to),
      });
    }
    const targets = await this.targetFigures(principal.companyId, config, projectIds, from, to, caseTypes);
    return { month, projectId: projectId ?? null, timezone, from: from.toISOString(), to: to.toISOString(), generatedAt: this.now().toISOString(), caseTypes, targets };
  }

  /**
   * Each target against its figure. Count targets: per staff member acting as one of the roles, the
   * follow-ups they completed in the month (of the target's case types, in the report's projects).
   * On-site share: per case type, from the follow-up figures already computed.
   */
  private async targetFigures(companyId: number, config: CompiledConfig, projectIds: number[] | null, from: Date, to: Date, reports: CaseTypeReport[]): Promise<TargetFigures[]> {
    const withFollowUps = [...config.caseTypes.values()].filter((t) => t.workflow.followUp).map((t) => t.caseType);
    const staff = await this.orm.em.fork().find(Staff, { companyId, active: true }, { fields: ['id', 'name', 'roles'], orderBy: { id: 'asc' } });
    const roleTitle = (id: string) => text(config.roles.get(id)?.title, id);
    const out: TargetFigures[] = [];
    for (const target of config.reportTargets) {
      // a built-in whose roles or case types are not loaded (the plugin disabled) is left out
      const roles = target.roles.filter((r) => config.roles.has(r));
      const caseTypes = target.caseTypes ? target.caseTypes.filter((c) => config.caseTypes.has(c)) : null;
      if (target.builtIn && ((target.kind !== 'onSiteShare' && roles.length === 0) || (caseTypes && caseTypes.length === 0))) continue;
      const head = {
        id: target.id, title: target.title, kind: target.kind, min: target.min, source: target.source,
        roles: roles.map((id) => ({ id, title: roleTitle(id) })),
        caseTypes: caseTypes ? caseTypes.map((c) => ({ caseType: c, title: text(config.caseTypes.get(c)!.workflow.title, c) })) : null,
      };
      if (target.kind === 'onSiteShare') {
        const rows = reports.filter((r) => r.followUps && (caseTypes ? caseTypes.includes(r.caseType) : true)).map((r): TargetRow => {
          const f = r.followUps!;
          return {
            staffId: null, name: null, roles: [], caseType: r.caseType, caseTypeTitle: r.title,
            actual: share(f.onSite, f.done), count: f.onSite, base: f.done, met: f.done > 0 ? meets(f.onSite, f.done, target.min) : null,
          };
        });
        out.push({ ...head, rows });
        continue;
      }
      const members = staff.filter((s) => [...config.actingRoles(s.roles)].some((r) => roles.includes(r)));
      const counts = await this.doneBy(companyId, members.map((m) => m.id), caseTypes ?? withFollowUps, projectIds, from, to);
      out.push({
        ...head,
        rows: members.map((m) => {
          const n = counts.get(m.id) ?? 0;
          return { staffId: m.id, name: m.name, roles: m.roles, caseType: null, caseTypeTitle: null, actual: n, count: null, base: null, met: n >= target.min };
        }),
      });
    }
    return out;
  }

  /** Follow-ups each of the staff members completed in [from, to), of the case types, in the projects. */
  private async doneBy(companyId: number, staffIds: number[], caseTypes: string[], projectIds: number[] | null, from: Date, to: Date): Promise<Map<number, number>> {
    if (!staffIds.length || !caseTypes.length) return new Map();
    const who = inList('f.done_by', staffIds);
    const types = inList('f.case_type', caseTypes);
    const where = ['f.company_id = ?', "f.status = 'done'", 'f.done_at >= ?', 'f.done_at < ?', who.sql, types.sql];
    const params: unknown[] = [companyId, sqlTime(this.dialect, from), sqlTime(this.dialect, to), ...who.params, ...types.params];
    if (projectIds) {
      const p = inList('f.project_id', projectIds);
      where.push(p.sql);
      params.push(...p.params);
    }
    const rows = await this.query(`select f.done_by as staff, count(*) as n from follow_up f where ${where.join(' and ')} group by f.done_by`, params);
    return new Map(rows.map((r) => [Number(r.staff), num(r.n)]));
  }

  /** Follow-up rates of every case type that has a follow-up policy. */
  async followUps(principal: Principal, config: CompiledConfig, month: string, scope: number[] | null, projectId?: number) {
    const { from, to } = this.monthRange(month, config.calendar.timezone);
    const projectIds = await this.projectsFor(principal, scope, projectId);
    const managers = await this.spotCheckers(principal.companyId, config);
    const items: FollowUpFigures[] = [];
    for (const type of config.caseTypes.values()) {
      const f = await this.followUpFigures(type, { companyId: principal.companyId, caseType: type.caseType, projectIds }, from, to, managers);
      if (f) items.push(f);
    }
    return { month, projectId: projectId ?? null, timezone: config.calendar.timezone, from: from.toISOString(), to: to.toISOString(), items };
  }

  private async query(sql: string, params: unknown[]): Promise<Record<string, unknown>[]> {
    return (await this.orm.em.fork().getConnection().execute(sql, params, 'all')) as Record<string, unknown>[];
  }

  /** work_case rows of the scope registered in [from, to): the where clause on alias `c`. */
  private casesWhere(s: Scope, from: Date, to: Date) {
    const where = ['c.company_id = ?', 'c.case_type = ?', 'c.created_at >= ?', 'c.created_at < ?'];
    const params: unknown[] = [s.companyId, s.caseType, sqlTime(this.dialect, from), sqlTime(this.dialect, to)];
    if (s.projectIds) {
      const p = inList('c.project_id', s.projectIds);
      where.push(p.sql);
      params.push(...p.params);
    }
    return { sql: where.join(' and '), params };
  }

  private async groupCount(expr: string, s: Scope, from: Date, to: Date): Promise<{ key: string | null; count: number }[]> {
    const w = this.casesWhere(s, from, to);
    const rows = await this.query(`select ${expr} as k, count(*) as n from work_case c where ${w.sql} group by ${expr} order by count(*) desc, ${expr}`, w.params);
    return rows.map((r) => ({ key: r.k === null || r.k === undefined ? null : String(r.k), count: num(r.n) }));
  }

  private async caseFigures(type: CompiledCaseType, s: Scope, from: Date, to: Date, projects: Map<number, string>) {
    const w = this.casesWhere(s, from, to);
    const [totals] = await this.query(
      `select count(*) as total, count(c.closed_at) as closed, sum(case when c.overdue then 1 else 0 end) as overdue from work_case c where ${w.sql}`, w.params,
    );
    const total = num(totals?.total);
    const closed = num(totals?.closed);
    const wf = type.workflow;
    const byState = (await this.groupCount('c.state', s, from, to)).map((b) => ({
      key: b.key, count: b.count, label: text(b.key ? wf.states[b.key]?.title : undefined, b.key ?? '—'),
    }));
    const severityField = wf.severityField;
    const bySeverity: FieldBreakdown | null = severityField ? {
      field: severityField,
      label: text(type.fields.get(severityField)?.['x-label'], severityField),
      items: (await this.groupCount('c.severity', s, from, to)).map((b) => ({ ...b, label: valueLabel(type.fields.get(severityField), b.key) })),
    } : null;
    const fields: FieldBreakdown[] = [];
    for (const field of categoryFields(type)) {
      const schema = type.fields.get(field);
      fields.push({
        field,
        label: text(schema?.['x-label'], field),
        items: (await this.groupCount(jsonText(this.dialect, 'c.data', field), s, from, to)).map((b) => ({ ...b, label: valueLabel(schema, b.key) })),
      });
    }
    const byProject = (await this.groupCount('c.project_id', s, from, to)).map((b) => ({ projectId: Number(b.key), name: projects.get(Number(b.key)) ?? `#${b.key}`, count: b.count }))
      .sort((a, b) => a.projectId - b.projectId);
    return { cases: { total, closed, open: total - closed, overdue: num(totals?.overdue) }, byState, bySeverity, fields, byProject };
  }

  private async deadlineFigures(type: CompiledCaseType, s: Scope, from: Date, to: Date): Promise<DeadlineFigures> {
    const where = ['d.company_id = ?', 'c.company_id = ?', 'c.case_type = ?', 'd.due_at >= ?', 'd.due_at < ?', "d.status <> 'cancelled'"];
    const params: unknown[] = [s.companyId, s.companyId, s.caseType, sqlTime(this.dialect, from), sqlTime(this.dialect, to)];
    if (s.projectIds) {
      const p = inList('c.project_id', s.projectIds);
      where.push(p.sql);
      params.push(...p.params);
    }
    const rows = await this.query(
      `select d.key as k, count(*) as total,
        sum(case when d.met_at is not null and d.met_at <= d.due_at then 1 else 0 end) as on_time,
        sum(case when d.met_at is not null and d.met_at > d.due_at then 1 else 0 end) as late,
        sum(case when d.met_at is null and d.status = 'overdue' then 1 else 0 end) as overdue_open,
        sum(case when d.met_at is null and d.status = 'running' then 1 else 0 end) as running
       from case_deadline d join work_case c on c.id = d.case_id where ${where.join(' and ')} group by d.key order by d.key`, params,
    );
    const clocks = rows.map((r) => {
      const key = String(r.k);
      const metOnTime = num(r.on_time);
      const metLate = num(r.late);
      const overdueOpen = num(r.overdue_open);
      return {
        key, title: text(type.workflow.deadlines?.[key]?.title, key), total: num(r.total), metOnTime, metLate, overdueOpen, running: num(r.running),
        complianceRate: share(metOnTime, metOnTime + metLate + overdueOpen),
      };
    });
    const sum = (k: 'total' | 'metOnTime' | 'metLate' | 'overdueOpen' | 'running') => clocks.reduce((a, c) => a + c[k], 0);
    return {
      total: sum('total'), metOnTime: sum('metOnTime'), metLate: sum('metLate'), overdueOpen: sum('overdueOpen'), running: sum('running'),
      complianceRate: share(sum('metOnTime'), sum('metOnTime') + sum('metLate') + sum('overdueOpen')), clocks,
    };
  }

  /** follow_up rows of the scope falling due in [from, to), cancelled ones left out: the where clause on alias `f`. */
  private followUpsWhere(s: Scope, from: Date, to: Date) {
    const where = ['f.company_id = ?', 'f.case_type = ?', 'f.due_at >= ?', 'f.due_at < ?', "f.status <> 'cancelled'"];
    const params: unknown[] = [s.companyId, s.caseType, sqlTime(this.dialect, from), sqlTime(this.dialect, to)];
    if (s.projectIds) {
      const p = inList('f.project_id', s.projectIds);
      where.push(p.sql);
      params.push(...p.params);
    }
    return { sql: where.join(' and '), params };
  }

  /** Staff whose acting roles include one covering all projects: their follow-ups are spot checks. */
  private async spotCheckers(companyId: number, config: CompiledConfig): Promise<Map<number, { name: string; roles: string[] }>> {
    const out = new Map<number, { name: string; roles: string[] }>();
    for (const s of await this.orm.em.fork().find(Staff, { companyId }, { fields: ['id', 'name', 'roles'] })) {
      if ([...config.actingRoles(s.roles)].some((r) => config.roles.get(r)?.allProjects)) out.set(s.id, { name: s.name, roles: s.roles });
    }
    return out;
  }

  private async followUpFigures(type: CompiledCaseType, s: Scope, from: Date, to: Date, managers: Map<number, { name: string; roles: string[] }>): Promise<FollowUpFigures | null> {
    const policy = type.workflow.followUp;
    if (!policy) return null;
    const w = this.followUpsWhere(s, from, to);
    const now = sqlTime(this.dialect, this.now());
    const [r] = await this.query(
      `select count(*) as due,
        sum(case when f.status = 'done' then 1 else 0 end) as done,
        sum(case when f.status = 'done' and f.done_at <= f.due_at then 1 else 0 end) as on_time,
        sum(case when f.status = 'due' then 1 else 0 end) as open,
        sum(case when f.status = 'due' and f.due_at < ? then 1 else 0 end) as overdue_open,
        sum(case when f.status = 'due' and f.due_at >= ? then 1 else 0 end) as not_yet_due,
        sum(case when f.status = 'done' and f.satisfied then 1 else 0 end) as satisfied,
        sum(case when f.status = 'done' and f.on_site then 1 else 0 end) as on_site
       from follow_up f where ${w.sql}`, [now, now, ...w.params],
    );
    const managerIds = inList('f.done_by', [...managers.keys()]);
    const spot = await this.query(
      `select f.done_by as staff, count(*) as n from follow_up f where ${w.sql} and f.status = 'done' and ${managerIds.sql} group by f.done_by order by f.done_by`,
      [...w.params, ...managerIds.params],
    );
    const due = num(r?.due);
    const notYetDue = num(r?.not_yet_due);
    // a follow-up whose due time has not come yet is neither done late nor missed: judge only the others
    const judged = due - notYetDue;
    const done = num(r?.done);
    const doneOnTime = num(r?.on_time);
    const satisfied = num(r?.satisfied);
    const onSite = num(r?.on_site);
    const requiredRate = policy.requiredRate ?? 1;
    const spotChecksByStaff = spot.map((x) => {
      const m = managers.get(Number(x.staff))!;
      return { staffId: Number(x.staff), name: m.name, roles: m.roles, count: num(x.n) };
    });
    return {
      caseType: type.caseType,
      title: text(type.workflow.title, type.caseType),
      policy: {
        deadline: policy.deadline as { amount: number; unit: string },
        deadlineBySeverity: (policy.deadlineBySeverity ?? {}) as Record<string, { amount: number; unit: string }>,
        method: policy.method ?? 'any',
        methodBySeverity: (policy.methodBySeverity ?? {}) as Record<string, string>,
        requiredRate,
        roles: policy.roles,
        rolesBySeverity: (policy.rolesBySeverity ?? {}) as Record<string, string[]>,
        valueField: policyValueField(type),
      },
      due, notYetDue, done, doneOnTime, doneLate: done - doneOnTime, open: num(r?.open), overdueOpen: num(r?.overdue_open),
      satisfied, unsatisfied: done - satisfied, onSite,
      rate: share(done, judged), requiredRate, met: judged > 0 ? meets(done, judged, requiredRate) : null,
      satisfactionRate: share(satisfied, done), onSiteShare: share(onSite, done),
      spotChecks: spotChecksByStaff.reduce((a, x) => a + x.count, 0), spotChecksByStaff,
    };
  }

  private async dissatisfaction(type: CompiledCaseType, s: Scope, from: Date, to: Date): Promise<Dissatisfaction | null> {
    const policy = type.workflow.followUp;
    if (!policy) return null;
    const w = this.followUpsWhere(s, from, to);
    const unsatisfiedWhere = `${w.sql} and f.status = 'done' and not f.satisfied`;
    const group = async (expr: string) => (await this.query(
      `select ${expr} as k, count(*) as n from follow_up f join work_case c on c.id = f.case_id where ${unsatisfiedWhere} group by ${expr} order by count(*) desc, ${expr}`, w.params,
    )).map((r) => ({ key: r.k === null || r.k === undefined ? null : String(r.k), count: num(r.n) }));
    const [total] = await this.query(`select count(*) as n from follow_up f where ${unsatisfiedWhere}`, w.params);
    const byCaseField: FieldBreakdown[] = [];
    for (const field of categoryFields(type)) {
      const schema = type.fields.get(field);
      byCaseField.push({ field, label: text(schema?.['x-label'], field), items: (await group(jsonText(this.dialect, 'c.data', field))).map((b) => ({ ...b, label: valueLabel(schema, b.key) })) });
    }
    const form = type.forms.get(policy.form);
    const formFields = form ? [...fieldPaths(form)].filter(([p]) => !p.includes('.')) : [];
    const byResultField: FieldBreakdown[] = [];
    for (const [field, schema] of formFields) {
      if (!Array.isArray(schema.enum) || field === policy.methodField || field === policy.satisfiedField) continue;
      byResultField.push({ field, label: text(schema['x-label'], field), items: (await group(jsonText(this.dialect, 'f.result', field))).map((b) => ({ ...b, label: valueLabel(schema, b.key) })) });
    }
    const textFields = formFields.filter(([, schema]) => schema.type === 'string' && !schema.enum && !schema.format);
    const rows = await this.query(
      `select f.id as id, f.case_id as case_id, c.serial as serial, f.done_at as done_at, f.result as result from follow_up f join work_case c on c.id = f.case_id
       where ${unsatisfiedWhere} order by f.done_at desc, f.id desc limit ${DUE_LIST}`, w.params,
    );
    const items = rows.map((r) => {
      const result = (typeof r.result === 'string' ? JSON.parse(r.result) : r.result ?? {}) as Record<string, unknown>;
      const doneAt = r.done_at instanceof Date ? r.done_at : typeof r.done_at === 'string' && !/^\d+$/.test(r.done_at) ? new Date(r.done_at) : new Date(Number(r.done_at));
      return {
        followUpId: Number(r.id), caseId: Number(r.case_id), serial: String(r.serial), doneAt: doneAt.toISOString(),
        texts: textFields.filter(([f]) => typeof result[f] === 'string' && result[f] !== '').map(([f, schema]) => ({ field: f, label: text(schema['x-label'], f), value: String(result[f]) })),
      };
    });
    return { unsatisfied: num(total?.n), byCaseField, byResultField, items };
  }
}
