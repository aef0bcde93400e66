/**
 * Shapes of the API answers the staff app reads. The answers come from core/http/api-types.ts,
 * which derives them from what the routes build: imported as types only (nothing of the server is
 * bundled), so a change on the server is a type error here. Restated below are only what the server
 * has no API type for: the browser's reading view of a JSON Schema / UI layout (the server holds
 * the full generated declaration types), role declarations and validation issues.
 */
import type { Localized } from './i18n.js';
import type * as Api from '../../core/http/api-types.js';

export type {
  AttachmentInfo, CaseEventView, DeadlineStatus, DeadlineView, FollowUpListItem, FollowUpView, HomeCount, HomeEscalation, HomeFigures, Me, Page, PersonRow,
  QueueItem, UnitDetail, UnitRow, BuildingRow as Building, ProjectRow as Project,
} from '../../core/http/api-types.js';
/** a case in lists; the work queue's rows (GET /api/queue) add their type's title and household, shown when present */
export type CaseView = Api.CaseView & Partial<Pick<Api.QueueItem, 'caseTypeTitle' | 'unitLabel' | 'personName'>>;

export type LocalizedTitle = Partial<Record<'zh-CN' | 'en', string>>;

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

/** a form as the server sends it (core/http/routes/case-types.ts formPayload), its schema and layout read through the views above */
export type FormDeclaration = Omit<Api.FormPayload, 'schema' | 'ui'> & { schema: FormSchema; ui: UiSchema | null };

/** GET /api/case-types (items); its create form read as a FormDeclaration */
export type CaseTypeInfo = Omit<Api.CaseTypeInfo, 'form'> & { form: FormDeclaration };

/** GET /api/cases/<type>/:id; its forms read as FormDeclarations */
export type CaseDetail = Omit<Api.CaseDetail, 'transitionForms' | 'followUpForm'> & {
  transitionForms: Record<string, { title: LocalizedTitle; form: FormDeclaration | null }>;
  followUpForm: { followUpId: number; form: FormDeclaration } | null;
};

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
