/** Shapes of the configuration API as the admin editor reads them (core/http/routes/config.ts). */
import type { FormDeclaration } from '../../../schemas/generated/form.js';
import type { UiDeclaration } from '../../../schemas/generated/ui.js';
import type { WorkflowDeclaration } from '../../../schemas/generated/workflow.js';
import type { RulesDeclaration } from '../../../schemas/generated/rules.js';
import type { ConfigDeclaration } from '../../../schemas/generated/config.js';
import type { PluginDeclaration } from '../../../schemas/generated/plugin.js';
import type { Issue, LocalizedTitle } from '../types.js';

export type { FormDeclaration, UiDeclaration, WorkflowDeclaration, ConfigDeclaration, Issue };
export type RuleEntry = RulesDeclaration['rules'][string];
export type FieldSchema = FormDeclaration['properties'][string];
export type Text = { 'zh-CN': string; en?: string };
export type Duration = { amount: number; unit: 'minutes' | 'hours' | 'days' | 'workingDays' };
export type StateDecl = WorkflowDeclaration['states'][string];
export type TransitionDecl = WorkflowDeclaration['transitions'][string];
export type DeadlineDecl = NonNullable<WorkflowDeclaration['deadlines']>[string];
export type FollowUpDecl = NonNullable<WorkflowDeclaration['followUp']>;
export type CalendarDecl = NonNullable<ConfigDeclaration['calendar']>;

/** The sections of a plugin the document may patch, entry by entry (a template is replaced whole). */
export type DeclSection = 'forms' | 'ui' | 'workflows' | 'rules' | 'templates';

export interface PluginDecls {
  manifest: PluginDeclaration;
  workflows: Record<string, WorkflowDeclaration>;
  forms: Record<string, FormDeclaration>;
  ui: Record<string, UiDeclaration>;
  rules: Record<string, RuleEntry>;
  /** print templates (handlebars source) by name */
  templates?: Record<string, string>;
}

export interface RoleView {
  title: Text;
  reportsTo?: string;
  allProjects?: boolean;
  permissions?: string[];
  mergedInto?: string;
  /** roles this one builds on */
  extends?: string[];
}

export interface ConfigResponse {
  version: number;
  document: ConfigDeclaration;
  effective: {
    roles: Record<string, RoleView & { id: string }>;
    calendar: { timezone: string; holidays: string[]; workdays: string[] };
    plugins: Record<string, PluginDecls>;
  };
}

export interface VersionView {
  number: number;
  status: 'proposed' | 'activated' | string;
  current: boolean;
  reason: string;
  authorId: number | null;
  createdAt: string;
  effectiveFrom: string;
  activatedAt: string | null;
  activatedBy: number | null;
  basedOn: number | null;
}

export interface CheckResponse {
  valid: boolean;
  issues: Issue[];
  document: unknown;
}

export interface DiffChange {
  pointer: string;
  kind: 'added' | 'removed' | 'changed';
  before: unknown;
  after: unknown;
}

export interface DryRunClock {
  key: string;
  title: LocalizedTitle | null;
  dueAt: string;
  status: string;
}

/** A clock that ran out before a dry-run step (core/config/dry-run.ts): escalated, or its onExpiry transition taken. */
export interface DryRunExpiry {
  clock: string;
  title: LocalizedTitle | null;
  dueAt: string;
  escalatedTo: string | null;
  escalatedToTitle: LocalizedTitle | null;
  transition: string | null;
  transitionTitle: LocalizedTitle | null;
  state: string;
  stateTitle: LocalizedTitle | null;
  refused: { message: string; issues?: { pointer: string; code: string; message: string; params?: Record<string, unknown> }[] } | null;
}

export interface DryRunStep {
  index: number;
  transition: string | null;
  /** a step that only waited */
  waited?: boolean;
  expired?: DryRunExpiry[];
  at: string;
  state: string;
  stateTitle: LocalizedTitle | null;
  assigneeRole: string | null;
  assigneeRoleTitle: LocalizedTitle | null;
  clocks: DryRunClock[];
  followUp: { dueAt: string; method: string; roles: string[] } | null;
  refused: { message: string; issues?: { pointer: string; code: string; message: string; params?: Record<string, unknown> }[] } | null;
}

export interface DryRunResponse {
  valid: boolean;
  issues: Issue[];
  steps: DryRunStep[];
}

export interface StaffRow {
  id: number;
  username: string;
  name: string;
  roles: string[];
  projectIds: number[];
  active: boolean;
  language?: string | null;
}

/** Ids of fields, states, transitions, clocks, roles and rules (schemas/common.schema.json `identifier`). */
export const IDENTIFIER = /^[a-z][a-zA-Z0-9]*$/;
