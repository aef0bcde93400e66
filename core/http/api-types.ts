/**
 * The JSON answers of core's HTTP API, as types only: the staff app (ui/src/types.ts,
 * ui/src/reports/report-types.ts) imports them with `import type`, so the browser reads the shapes
 * the server builds instead of hand-kept copies, and no server code reaches the bundle.
 *
 * Where a named builder exists the type is derived from it (ReturnType); answers built inside a
 * route handler are declared here and the handler is annotated with them, so the compiler checks
 * each one against what the route actually returns.
 *
 * Keep this module type-only: `import type` / `export type` and nothing else.
 */
import type { caseView } from '../cases/case-view.js';
import type { formPayload } from './routes/case-types.js';
import type { DeadlineStatus, FollowUpStatus } from '../db/entities/cases.js';
import type { MonthlyReports } from '../reports/monthly-report.js';
import type { Text as WorkflowText, Duration } from '../../schemas/generated/workflow.js';

export type { DeadlineStatus, FollowUpStatus };
export type {
  MonthlyReport, CaseTypeReport, FollowUpFigures, DeadlineFigures, Dissatisfaction, Bucket, FieldBreakdown,
  Text as ReportText,
} from '../reports/monthly-report.js';

/** GET /api/home (工作台) */
export type { HomeCount, HomeEscalation, HomeFigures } from './routes/home.js';
/** A case's promised time, its rules and the progress told to the resident (core/cases/promises.ts). */
export type { CasePromiseState as CasePromiseView, PromiseStep, PromiseRules, ProgressChannel } from '../cases/promises.js';

/** Links between cases and conversions (core/cases/convert-case.ts, routes/case-links.ts). */
export type { CaseLinkView, CaseLinkKind, ConversionOffer } from '../cases/convert-case.js';
/** GET /api/cases/<type>/<id>/links */
export interface CaseLinksAnswer { items: import('../cases/convert-case.js').CaseLinkView[] }
/** GET /api/cases/<type>/<id>/conversions: each offer with the target's registration form and its plugin's settings (options from settings) */
export interface CaseConversionsAnswer { items: (import('../cases/convert-case.js').ConversionOffer & { formPayload: FormPayload; settings: Record<string, unknown> })[] }
/** POST /api/cases/<type>/<id>/convert */
export interface CaseConvertAnswer { source: CaseAfterWrite; target: { caseType: string; id: number; serial: string } }

/** a title as declared in a workflow (zh-CN, optionally en) */
export type DeclaredTitle = WorkflowText;

/** GET /api/reports/follow-ups */
export type FollowUpRates = Awaited<ReturnType<MonthlyReports['followUps']>>;

/** A case in every answer that carries one (core/cases/case-view.ts). */
export type CaseView = ReturnType<typeof caseView>;

/** A form as sent to the browser: its JSON Schema and UI layout (routes/case-types.ts). */
export type FormPayload = ReturnType<typeof formPayload>;

/** POST /api/cases/<type> and …/transitions/<t>: the case as written, with what the caller may do next. */
export type CaseAfterWrite = CaseView & { availableTransitions: string[] };

export interface DeadlineView {
  key: string;
  title: DeclaredTitle | null;
  startedAt: string;
  dueAt: string;
  duration: Duration | { amount: number; unit: string };
  status: DeadlineStatus;
  metAt: string | null;
  overdueAt: string | null;
  escalatedToRole: string | null;
  /** working-day clock counted through these years without an official holiday arrangement (Monday–Friday there) */
  calendarGapYears: number[] | null;
}

export interface FollowUpView {
  id: number;
  dueAt: string;
  method: string;
  roles: string[];
  status: FollowUpStatus;
  satisfied: boolean | null;
  doneAt: string | null;
  result: Record<string, unknown> | null;
}

/** GET /api/cases/<type>/:id */
export interface CaseDetail extends CaseAfterWrite {
  transitionForms: Record<string, { title: DeclaredTitle; form: FormPayload | null }>;
  followUpForm: { followUpId: number; form: FormPayload } | null;
  documents: { id: string; title: DeclaredTitle }[];
  deadlines: DeadlineView[];
  followUps: FollowUpView[];
}

/** GET /api/cases/<type>/:id/events (items) */
export interface CaseEventView {
  id: number;
  type: string;
  transition: string | null;
  fromState: string | null;
  toState: string | null;
  actorId: number | null;
  actorName: string | null;
  actorRole: string | null;
  actorRoleTitle: DeclaredTitle | null;
  transitionTitle: DeclaredTitle | null;
  toStateTitle: DeclaredTitle | null;
  data: Record<string, unknown> | null;
  createdAt: string;
}

/** GET /api/queue (items): open cases with their type's title and household. */
export type QueueItem = CaseView & { caseTypeTitle: DeclaredTitle | null; unitLabel: string | null; personName: string | null; /** 经办人: the named assignee's name */ assigneeName: string | null };

/** GET /api/follow-ups (items) */
export interface FollowUpListItem {
  id: number;
  caseId: number;
  caseType: string;
  serial: string;
  caseTitle: string | null;
  caseVersion: number;
  projectId: number;
  dueAt: string;
  overdue: boolean;
  method: string;
  roles: string[];
  status: FollowUpStatus;
  satisfied: boolean | null;
  doneAt: string | null;
  unitLabel: string | null;
  personName: string | null;
  /** only for those whose roles make this follow-up's call */
  personPhone: string | null;
}

/** GET /api/case-types (items) */
export interface CaseTypeInfo {
  caseType: string;
  pluginId: string;
  title: DeclaredTitle;
  serialPrefix: string;
  states: Record<string, { title: DeclaredTitle; final: boolean }>;
  transitions: Record<string, { title: DeclaredTitle; from: string[]; to: string; roles: string[]; form: string | null; system: boolean; resultField: string | null }>;
  canCreate: boolean;
  form: FormPayload;
  titleField: string | null;
  severityField: string | null;
  summaryFields: string[];
  documents: { id: string; title: DeclaredTitle }[];
  /** the plugin's settings in force (form rules read them as config.*) */
  settings: Record<string, unknown>;
}

/** GET /api/auth/me */
export interface Me {
  id: number;
  username: string;
  name: string;
  roles: string[];
  projectIds: number[];
  companyId: number;
  language: string | null;
}

/** GET /api/projects, /api/buildings (items) */
export interface ProjectRow { id: number; code: string; name: string }
export interface BuildingRow { id: number; projectId: number; code: string; name: string }

/** GET /api/units (items) */
export interface UnitRow {
  id: number;
  projectId: number;
  buildingId: number;
  number: string;
  floor: number | null;
  area: string;
  unitType: string;
  status: string;
  /** owners' names */
  owners: string[];
}

/** GET /api/units/:id */
export interface UnitDetail {
  id: number;
  projectId: number;
  buildingId: number;
  number: string;
  area: string;
  unitType: string;
  status: string;
  people: { personId: number; relation: string; name: string | null; phone: string | null }[];
  /** the household's archive: cases by case type */
  cases: Record<string, { id: number; serial: string; state: string; title: string | null; createdAt: string; closedAt: string | null; overdue: boolean }[]>;
}

/** GET /api/people (items) */
export interface PersonRow {
  id: number;
  name: string;
  phone: string | null;
  /** the rooms the resident is linked to, in projects the caller may see */
  units: { unitId: number; relation: string; projectId: number | null; buildingId: number | null; number: string | null }[];
}

/** GET /api/units/:id/archive: the household archive (一户一档); phones and IDs as the caller's privacy rule shows them */
export interface HouseholdArchiveView {
  unit: { id: number; projectId: number; buildingId: number; number: string; floor: number | null; area: string; unitType: string; status: string };
  /** name it in every write: a stale version is refused (409) */
  version: number;
  /** how this caller sees phones and ID numbers: full, masked (reveal on request) or hidden */
  privacy: { phone: string; idNumber: string };
  /** current members first; earlier ones (a tenant who moved out, a previous owner) keep their period */
  members: { personId: number; relation: string; note: string | null; since: string | null; until: string | null; current: boolean; name: string | null; phone: string | null; idNumber: string | null; phoneMasked: boolean; idNumberMasked: boolean }[];
  vehicles: { id: number; plate: string; model: string | null; color: string | null; personId: number | null; removedAt: string | null }[];
  parking: { id: number; number: string; kind: string; since: string | null; until: string | null; removedAt: string | null }[];
  /** every case of the household, open ones first */
  cases: { id: number; serial: string; caseType: string; state: string; title: string | null; createdAt: string; closedAt: string | null; overdue: boolean }[];
  attachments: { id: string; name: string; type: string; size: number; createdAt: string; caseId: number | null; serial: string | null }[];
  /** newest first; phone and ID values masked */
  history: { id: number; at: string; actorName: string | null; subject: string; action: string; field: string | null; oldValue: string | null; newValue: string | null; source: string | null }[];
}

/** POST /api/attachments: the stored upload, referenced by id from a form's attachment fields */
export interface AttachmentInfo { id: string; name: string; size: number; type: string }

/** GET /api/search: households, people (phones masked) and cases, each with the ids the staff app opens it by */
export type { SearchAnswer, HouseholdHit, PersonHit, CaseHit } from '../search/global-search.js';

/** A list answer; keyset-paged lists add the cursor of the next page. */
export interface Page<T> {
  items: T[];
  nextCursor?: number | null;
}

/** the staff notifications (core/http/routes/notifications.ts): one row of the 通知 list, and the kinds */
export type { StaffNotificationView } from './routes/notifications.js';
export type { StaffNotificationKind } from '../notifications/staff/kinds.js';
