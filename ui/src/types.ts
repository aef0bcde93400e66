/** Shapes of the API answers the staff app reads (see core/http/routes/*.ts). */
import type { Localized } from './i18n.js';

export type LocalizedTitle = Partial<Record<'zh-CN' | 'en', string>>;

export interface Me {
  id: number;
  username: string;
  name: string;
  roles: string[];
  projectIds: number[];
  companyId: number;
  language?: string | null;
}

/** A JSON Schema object as declared in a plugin's *.form.json (only what the app reads). */
export interface FormSchema {
  type?: string;
  format?: string;
  title?: string;
  'x-label'?: Localized;
  'x-help'?: Localized;
  'x-enumLabels'?: Record<string, Localized>;
  enum?: unknown[];
  properties?: Record<string, FormSchema>;
  items?: FormSchema;
  required?: string[];
  [key: string]: unknown;
}

export interface UiSchema {
  form?: string;
  sections?: { id: string; title?: Localized; fields: string[]; visibleIf?: unknown }[];
  fields?: Record<string, Record<string, unknown>>;
  [key: string]: unknown;
}

export interface FormDeclaration {
  name: string;
  schema: FormSchema;
  ui: UiSchema | null;
}

export interface CaseTypeInfo {
  caseType: string;
  pluginId: string;
  title: LocalizedTitle;
  states: Record<string, { title: LocalizedTitle; final?: boolean }>;
  transitions: Record<string, { title: LocalizedTitle; from: string[]; to: string; roles: string[]; form?: string | null; system?: boolean }>;
  canCreate: boolean;
  form: FormDeclaration;
  titleField?: string | null;
  severityField?: string | null;
  summaryFields?: string[];
  /** the plugin's settings in force (form rules read them as config.*) */
  settings?: Record<string, unknown>;
}

export interface CaseView {
  id: number;
  serial: string;
  caseType: string;
  state: string;
  stateTitle: LocalizedTitle | null;
  final: boolean;
  projectId: number;
  buildingId: number | null;
  unitId: number | null;
  personId: number | null;
  title: string | null;
  severity: string | null;
  data: Record<string, unknown>;
  assigneeRole: string | null;
  assigneeId: number | null;
  configVersionId: number | null;
  version: number;
  nextDueAt: string | null;
  overdue: boolean;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  caseTypeTitle?: LocalizedTitle;
  /** work queue rows: the unit (楼栋 房号) and the resident the case is about */
  unitLabel?: string | null;
  personName?: string | null;
}

export type DeadlineStatus = 'running' | 'paused' | 'met' | 'overdue' | 'cancelled';

export interface DeadlineView {
  key: string;
  title: LocalizedTitle | null;
  startedAt: string;
  dueAt: string;
  duration: unknown;
  status: DeadlineStatus;
  metAt: string | null;
  overdueAt: string | null;
  escalatedToRole: string | null;
}

export interface FollowUpView {
  id: number;
  dueAt: string;
  method: string;
  roles: string[];
  status: 'due' | 'done' | 'cancelled';
  satisfied: boolean | null;
  doneAt: string | null;
  result: Record<string, unknown> | null;
}

export interface CaseDetail extends CaseView {
  availableTransitions: string[];
  deadlines: DeadlineView[];
  followUps: FollowUpView[];
  transitionForms?: Record<string, { title: LocalizedTitle; form: FormDeclaration | null }>;
  followUpForm?: { followUpId: number; form: FormDeclaration } | null;
  documents?: { id: string; title: LocalizedTitle }[];
}

export interface CaseEventView {
  id: number;
  type: string;
  transition: string | null;
  fromState: string | null;
  toState: string | null;
  actorId: number | null;
  actorRole: string | null;
  actorRoleTitle?: LocalizedTitle | null;
  actorName?: string | null;
  transitionTitle?: LocalizedTitle | null;
  toStateTitle?: LocalizedTitle | null;
  data: Record<string, unknown> | null;
  createdAt: string;
}

export interface Page<T> {
  items: T[];
  nextCursor?: number | null;
}

export interface Project {
  id: number;
  code: string;
  name: string;
}

export interface Building {
  id: number;
  projectId: number;
  code: string;
  name: string;
}

export interface UnitRow {
  id: number;
  projectId: number;
  buildingId: number;
  number: string;
  floor: number | null;
  area: string;
  unitType: string;
  status: string;
  /** owners' names (unit search) */
  owners?: string[];
}

export interface PersonRow {
  id: number;
  name: string;
  phone: string | null;
  /** the rooms the resident is linked to, in projects I may see */
  units: { unitId: number; relation: string; projectId?: number | null; buildingId?: number | null; number?: string | null }[];
}

export interface UnitDetail {
  id: number;
  projectId: number;
  buildingId: number;
  number: string;
  area: string;
  unitType: string;
  status: string;
  people: { personId: number; relation: string; name: string | null; phone: string | null }[];
  cases: Record<string, { id: number; serial: string; state: string; title: string | null; createdAt: string; closedAt: string | null; overdue: boolean }[]>;
}

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
  status: 'due' | 'done' | 'cancelled';
  satisfied: boolean | null;
  doneAt: string | null;
  unitLabel: string | null;
  personName: string | null;
  /** only for those whose roles make this follow-up's call */
  personPhone: string | null;
}

export interface RoleInfo {
  id: string;
  title: LocalizedTitle;
  reportsTo?: string;
  allProjects?: boolean;
  permissions?: string[];
  mergedInto?: string;
}

export interface Issue {
  pointer: string;
  code: string;
  message: string;
}

export interface AttachmentInfo {
  id: string;
  name: string;
  size: number;
  type: string;
}
