/** The shapes of GET /api/reports/monthly and /api/reports/follow-ups (core/reports/monthly-report.ts). */
export type Text = { 'zh-CN': string; en: string };
export interface Bucket { key: string | null; label: Text; count: number }
export interface Breakdown { field: string; label: Text; items: Bucket[] }

export interface FollowUpPolicy {
  deadline: { amount: number; unit: string };
  deadlineBySeverity: Record<string, { amount: number; unit: string }>;
  method: string;
  methodBySeverity: Record<string, string>;
  requiredRate: number;
  roles: string[];
  rolesBySeverity: Record<string, string[]>;
  /** the field the per-value entries are keyed by (severity, or a category), with labels; absent when built from the declarations */
  valueField?: { field: string; label: Text; values: Record<string, Text> } | null;
}

export interface FollowUpFigures {
  caseType: string;
  title: Text;
  policy: FollowUpPolicy;
  due: number; notYetDue: number; done: number; doneOnTime: number; doneLate: number; open: number; overdueOpen: number;
  satisfied: number; unsatisfied: number; onSite: number;
  rate: string | null; requiredRate: number; met: boolean | null; satisfactionRate: string | null; onSiteShare: string | null;
  spotChecks: number;
  spotChecksByStaff: { staffId: number; name: string; roles: string[]; count: number }[];
}

export interface ClockFigures { key: string; title: Text; total: number; metOnTime: number; metLate: number; overdueOpen: number; running: number; complianceRate: string | null }

export interface CaseTypeReport {
  caseType: string;
  pluginId: string;
  title: Text;
  cases: { total: number; closed: number; open: number; overdue: number };
  byState: Bucket[];
  bySeverity: Breakdown | null;
  fields: Breakdown[];
  byProject: { projectId: number; name: string; count: number }[];
  deadlines: { total: number; metOnTime: number; metLate: number; overdueOpen: number; running: number; complianceRate: string | null; clocks: ClockFigures[] };
  followUps: FollowUpFigures | null;
  dissatisfaction: {
    unsatisfied: number;
    byCaseField: Breakdown[];
    byResultField: Breakdown[];
    items: { followUpId: number; caseId: number; serial: string; doneAt: string; texts: { field: string; label: Text; value: string }[] }[];
  } | null;
}

export interface MonthlyReport { month: string; projectId: number | null; timezone: string; from: string; to: string; generatedAt: string; caseTypes: CaseTypeReport[] }
export interface FollowUpRates { month: string; items: FollowUpFigures[] }
