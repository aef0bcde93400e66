/**
 * The work on a draft configuration that compiles it — check, dry run of a case or a rule, diff —
 * as plain functions of plain data, so it runs in a worker thread (draft-worker.ts) and answers
 * with serialisable results. The route gathers what needs the database (the draft document, the
 * document in force, the company's project codes) before handing the task over.
 */
import type { FieldIssue } from '../errors.js';
import { NotFoundError, ValidationError } from '../errors.js';
import type { PluginBundle } from '../declarations/plugin-bundle.js';
import { validateDeclaration } from '../declarations/meta-validator.js';
import { RuleError } from '../rules/index.js';
import { cachedRule } from './compile-cache.js';
import { compileConfig } from './compiled-config.js';
import { dryRun, type DryRunStep } from './dry-run.js';
import { resolveEffectiveConfig, type ConfigDocument } from './effective-config.js';
import { jsonDiff, type JsonChange } from './json-diff.js';
import { validateConfigDocument } from './validate-config.js';
import { validateFormData } from './validate-form-data.js';
import { previewDraft, type PreviewTask } from './preview-task.js';
import { checkDraftAssignment, dryRunAssignment, type AssignmentDryRunTask } from '../assignment/draft-assignment.js';
import type { AssignmentRefs } from '../assignment/check-section.js';

/** What every task needs from the loaded plugins: their declarations and the names code registered. */
export interface DraftBase {
  bundles: PluginBundle[];
  effectTypes: string[];
  templateHelpers: string[];
}

export type DraftTask =
  | { kind: 'check'; document: unknown; projectCodes: string[]; assignmentRefs?: AssignmentRefs }
  | AssignmentDryRunTask
  | {
      kind: 'dry-run'; document: unknown; projectCodes: string[]; projectCode: string | null;
      caseType: string; start: string; create: { data: unknown }; steps: { transition?: string; data?: unknown; afterMinutes?: number }[];
    }
  | { kind: 'rule'; document: unknown; pluginId: string; rule?: string; logic?: unknown; context: Record<string, unknown> }
  | { kind: 'diff'; before: unknown; after: unknown }
  | PreviewTask;

export interface DryRunAnswer { valid: boolean; issues: FieldIssue[]; steps: DryRunStep[] }
export interface RuleAnswer { result: unknown; issues: FieldIssue[] }

/** Issues of a draft, pointers relative to the document. */
export function checkDraft(base: DraftBase, document: unknown, projectCodes: string[], assignmentRefs?: AssignmentRefs): FieldIssue[] {
  const issues = validateConfigDocument(document, {
    base: base.bundles,
    effectTypes: new Set(base.effectTypes),
    templateHelpers: new Set(base.templateHelpers),
    projectCodes: new Set(projectCodes),
  });
  // the assignment section's references (core/assignment/check-section.ts), once the shape is right
  return issues.length ? issues : checkDraftAssignment(base.bundles, document, projectCodes, assignmentRefs);
}

/** A case walked through the draft; an invalid draft answers its issues (under /document) instead. */
export function dryRunDraft(base: DraftBase, task: Extract<DraftTask, { kind: 'dry-run' }>): DryRunAnswer {
  const issues = checkDraft(base, task.document, task.projectCodes).map(underDocument);
  if (issues.length) return { valid: false, issues, steps: [] };
  if (task.projectCode && !task.projectCodes.includes(task.projectCode)) throw new NotFoundError('project');
  const effective = resolveEffectiveConfig(base.bundles, task.document as ConfigDocument, task.projectCode);
  // no helper is called while walking a case: the template environment needs none of the plugins' code
  const compiled = compileConfig(0, task.projectCode, effective, { templateHelpers: new Map() });
  const steps = dryRun(compiled, { caseType: task.caseType, start: new Date(task.start), create: task.create, steps: task.steps },
    (type, form, value, env, context) => validateFormData(type, form, value, '/data', env, context));
  return { valid: true, issues: [], steps };
}

/** A plugin's named rule in the draft, or the given logic, evaluated with the plugin's settings. */
export function ruleDraft(base: DraftBase, task: Extract<DraftTask, { kind: 'rule' }>): RuleAnswer {
  // the draft's shape only: a rule is tried while the rest of the draft may still be unfinished
  const shape = validateDeclaration('config', task.document);
  if (shape.length) return { result: null, issues: shape.map(underDocument) };
  const bundle = resolveEffectiveConfig(base.bundles, task.document as ConfigDocument, null).bundles.find((b) => b.id === task.pluginId);
  if (!bundle) throw new NotFoundError(`plugin ${task.pluginId}`);
  const logic = task.rule !== undefined ? bundle.rules[task.rule]?.logic : task.logic;
  if (logic === undefined) {
    throw new ValidationError([{ pointer: task.rule !== undefined ? '/rule' : '/logic', code: 'required', message: task.rule !== undefined ? `no rule "${task.rule}" in plugin ${task.pluginId}` : 'give rule or logic' }]);
  }
  try {
    const settings = (bundle.manifest.config?.defaults as Record<string, unknown> | undefined) ?? {};
    return { result: cachedRule(logic as never).evaluate({ config: settings, ...task.context }) ?? null, issues: [] };
  } catch (e) {
    if (e instanceof RuleError) return { result: null, issues: e.issues.map((i) => ({ ...i, pointer: `/logic${i.pointer}` })) };
    throw e;
  }
}

export function runDraftTask(base: DraftBase, task: DraftTask): unknown {
  switch (task.kind) {
    case 'check': return checkDraft(base, task.document, task.projectCodes, task.assignmentRefs);
    case 'assignment': return dryRunAssignment(base.bundles, task, validateConfigDocument(task.document, { base: base.bundles, effectTypes: new Set(base.effectTypes), templateHelpers: new Set(base.templateHelpers), projectCodes: new Set(task.projectCodes) }));
    case 'dry-run': return dryRunDraft(base, task);
    case 'rule': return ruleDraft(base, task);
    case 'diff': return jsonDiff(task.before, task.after) satisfies JsonChange[];
    case 'preview': return previewDraft(base, task);
  }
}

function underDocument(issue: FieldIssue): FieldIssue {
  return { ...issue, pointer: `/document${issue.pointer}` };
}
