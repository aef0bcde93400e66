/**
 * The monthly report's targets (目标达成): figures the manuals set for a month, declared in the
 * company configuration (`reports.targets`) and judged per person (counts) or per case type
 * (on-site share) against their target.
 *
 * Built-in targets, from the manuals (a company's entry with the same id replaces fields of one,
 * `enabled: false` turns it off; other ids add targets):
 * - managerSpotChecks: 客户服务中心经理、管理处总物业经理每月抽查客户回访工作不少于3项
 *   (seed 001 §2.7.5, seed 003 §2.7.5) — the 客服经理 and the 总物业经理, each ≥ 3 follow-ups a month;
 * - onSiteShare: 客户服务部每月"上门回访"量不得少于5% (seed 001 §2.7.4, seed 003 §2.7.4) —
 *   per case type with follow-ups, on-site ≥ 5 % of the follow-ups done;
 * - complaintFollowUpsManager / complaintFollowUpsGeneralManager: 客户服务中心经理每月不少于3次客户
 *   投诉处理的回访工作，总物业经理每月不少于1次 (seed 003 §2.7.7).
 *
 * The built-ins name the roles and the case type of the default plugins (manager, generalManager,
 * complaint); a built-in whose roles or case types are not loaded is left out of the report. A
 * company's own entries are checked (unknown role or case type refused with its pointer).
 *
 * How a target counts:
 * - spotChecks / followUpsDone: follow-ups a staff member completed (done_at) in the month, of the
 *   target's case types (default: all), one row per staff member acting as one of the roles (their
 *   own roles, roles merged into them, roles they extend) — members with none appear with 0;
 * - onSiteShare: of each case type's follow-ups falling due in the month and done, the on-site ones
 *   (the same figures as the follow-up rates); not judged while none is done.
 * spotChecks and followUpsDone count alike; the kind says what the manual asks (抽查 or 回访). A
 * report for one project counts that project's follow-ups only.
 */
import type { ConfigDeclaration } from '../../schemas/generated/config.js';
import type { FieldIssue } from '../errors.js';

export type TargetKind = 'spotChecks' | 'onSiteShare' | 'followUpsDone';
export type TargetDeclaration = NonNullable<NonNullable<ConfigDeclaration['reports']>['targets']>[number];

export interface ReportTarget {
  id: string;
  title: { 'zh-CN': string; en: string };
  kind: TargetKind;
  caseTypes: string[] | null;
  roles: string[];
  min: number;
  /** a built-in target (its roles or case types may be absent: then it is left out) */
  builtIn: boolean;
  /** where the manuals set it, for the report's readers */
  source: string | null;
}

export const DEFAULT_TARGETS: readonly ReportTarget[] = [
  {
    id: 'managerSpotChecks', title: { 'zh-CN': '管理人员每月抽查回访', en: 'Managers\' monthly spot checks' }, kind: 'spotChecks',
    caseTypes: null, roles: ['manager', 'generalManager'], min: 3, builtIn: true, source: 'seed 001/003 §2.7.5',
  },
  {
    id: 'onSiteShare', title: { 'zh-CN': '上门回访占比', en: 'On-site follow-up share' }, kind: 'onSiteShare',
    caseTypes: null, roles: [], min: 0.05, builtIn: true, source: 'seed 001/003 §2.7.4',
  },
  {
    id: 'complaintFollowUpsManager', title: { 'zh-CN': '客服经理投诉回访', en: 'Complaint follow-ups by the service-centre manager' }, kind: 'followUpsDone',
    caseTypes: ['complaint'], roles: ['manager'], min: 3, builtIn: true, source: 'seed 003 §2.7.7',
  },
  {
    id: 'complaintFollowUpsGeneralManager', title: { 'zh-CN': '总物业经理投诉回访', en: 'Complaint follow-ups by the general manager' }, kind: 'followUpsDone',
    caseTypes: ['complaint'], roles: ['generalManager'], min: 1, builtIn: true, source: 'seed 003 §2.7.7',
  },
];

/** The company's targets: the built-ins with the company's entries over them, then its own. */
export function resolveReportTargets(section: ConfigDeclaration['reports'] | undefined): ReportTarget[] {
  const out: ReportTarget[] = DEFAULT_TARGETS.map((t) => ({ ...t }));
  for (const entry of section?.targets ?? []) {
    const i = out.findIndex((t) => t.id === entry.id);
    const before = i >= 0 ? out[i]! : undefined;
    if (entry.enabled === false) {
      if (i >= 0) out.splice(i, 1);
      continue;
    }
    if (!before && (entry.kind === undefined || entry.min === undefined)) continue; // refused by checkReportTargets
    const next: ReportTarget = {
      id: entry.id,
      title: entry.title ? { 'zh-CN': entry.title['zh-CN'], en: entry.title.en ?? entry.title['zh-CN'] } : before?.title ?? { 'zh-CN': entry.id, en: entry.id },
      kind: entry.kind ?? before!.kind,
      caseTypes: entry.caseTypes ?? before?.caseTypes ?? null,
      roles: entry.roles ?? before?.roles ?? [],
      min: entry.min ?? before!.min,
      // a company's own roles or case types are checked: the target is the company's now
      builtIn: before !== undefined && entry.roles === undefined && entry.caseTypes === undefined,
      source: before?.source ?? null,
    };
    if (i >= 0) out[i] = next;
    else out.push(next);
  }
  return out;
}

/**
 * The section's references and figures: a new target names its kind and min, count targets name
 * roles and whole counts, a share is at most 1; every role and case type exists. Pointers into the
 * document (/reports/targets/0/roles/1).
 */
export function checkReportTargets(section: ConfigDeclaration['reports'] | undefined, roles: ReadonlySet<string>, caseTypes: ReadonlySet<string>): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  (section?.targets ?? []).forEach((entry, i) => {
    const at = (...rest: (string | number)[]) => ['', 'reports', 'targets', i, ...rest].join('/');
    if (seen.has(entry.id)) issues.push({ pointer: at('id'), code: 'duplicate', message: `target "${entry.id}" appears twice` });
    seen.add(entry.id);
    if (entry.enabled === false) return;
    const builtIn = DEFAULT_TARGETS.find((t) => t.id === entry.id);
    if (!builtIn) {
      if (entry.kind === undefined) issues.push({ pointer: at('kind'), code: 'required', message: 'a new target names its kind (spotChecks, onSiteShare, followUpsDone)' });
      if (entry.min === undefined) issues.push({ pointer: at('min'), code: 'required', message: 'a new target names its min' });
      if (entry.title === undefined) issues.push({ pointer: at('title'), code: 'required', message: 'a new target names its title' });
    }
    const kind = entry.kind ?? builtIn?.kind;
    const roleList = entry.roles ?? builtIn?.roles ?? [];
    if (kind && kind !== 'onSiteShare' && roleList.length === 0) issues.push({ pointer: at('roles'), code: 'required', message: 'a count target names the roles whose members are judged' });
    if (entry.min !== undefined && kind === 'onSiteShare' && entry.min > 1) issues.push({ pointer: at('min'), code: 'maximum', message: 'a share is at most 1 (0.05 = 5 %)', params: { limit: 1 } });
    if (entry.min !== undefined && kind && kind !== 'onSiteShare' && !Number.isInteger(entry.min)) issues.push({ pointer: at('min'), code: 'type', message: 'a count is a whole number' });
    (entry.roles ?? []).forEach((r, j) => {
      if (!roles.has(r)) issues.push({ pointer: at('roles', j), code: 'unknown-role', message: `unknown role "${r}"`, params: { role: r } });
    });
    (entry.caseTypes ?? []).forEach((c, j) => {
      if (!caseTypes.has(c)) issues.push({ pointer: at('caseTypes', j), code: 'unknown-case-type', message: `no case type "${c}"`, params: { caseType: c } });
    });
  });
  return issues;
}
