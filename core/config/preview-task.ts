/**
 * What the print-template editor's live preview needs from a draft (core/http/routes/config-preview.ts),
 * worked out in the draft pool (draft-tasks.ts) so a keystroke's preview never resolves a draft on
 * the event loop: the template the document would print with — a project's override, the company's,
 * a company type's or the plugin's own — checked on its own, not the whole draft: against the case
 * type's fields and the helpers (no {{{ }}}: output stays escaped), and, when the configuration
 * wrote it, its markup against the allowlist. Issues point at the template in the draft.
 */
import type { FieldIssue } from '../errors.js';
import { joinPointer, NotFoundError } from '../errors.js';
import { validateDeclaration } from '../declarations/meta-validator.js';
import { checkTemplate } from '../declarations/check-template.js';
import { workflowFields } from '../declarations/check-workflow.js';
import type { FieldSchema } from '../declarations/form-fields.js';
import { markupProblems } from '../documents/template-markup.js';
import { COMPANY_CASE_TYPE } from '../declarations/reserved-names.js';
import { resolveEffectiveConfig, type ConfigDocument } from './effective-config.js';
import type { DraftBase } from './draft-tasks.js';

type Text = { 'zh-CN': string; en?: string };

export interface PreviewTask { kind: 'preview'; document: unknown; projectCode: string | null; caseType: string; documentId: string }

export interface PreviewPlan {
  /** the template's problems, pointers under /document; when there are any, nothing is rendered */
  issues: FieldIssue[];
  source: string;
  documentTitle: Text;
  workflowTitle: Text;
  /** the serial's prefix, so the sample serial looks like the real one (ZJ-2026-000001) */
  serialPrefix: string;
  initialState: string;
  initialStateTitle: Text | null;
  timezone: string;
  /** the case type's fields by path, for the label helpers */
  fields: [string, FieldSchema][];
}

/** Where the draft wrote the template, if it did: the pointer its problems are reported at. */
function templatePointer(doc: ConfigDocument, projectCode: string | null, pluginId: string, caseType: string, name: string): { pointer: string; written: boolean } {
  if (COMPANY_CASE_TYPE.test(caseType)) return { pointer: joinPointer('caseTypes', caseType, 'templates', name), written: true };
  const inProject = projectCode ? doc.projects?.[projectCode]?.plugins?.[pluginId]?.templates?.[name] : undefined;
  if (inProject !== undefined) return { pointer: joinPointer('projects', projectCode!, 'plugins', pluginId, 'templates', name), written: true };
  const inCompany = doc.plugins?.[pluginId]?.templates?.[name];
  return { pointer: joinPointer('plugins', pluginId, 'templates', name), written: inCompany !== undefined };
}

export function previewDraft(base: DraftBase, task: PreviewTask): PreviewPlan | { issues: FieldIssue[]; source: null } {
  // a draft of the wrong shape cannot be resolved: its shape issues first (a cheap schema check)
  const shape = validateDeclaration('config', task.document);
  if (shape.length) return { issues: shape.map((i) => ({ ...i, pointer: `/document${i.pointer}` })), source: null };
  const doc = task.document as ConfigDocument;
  const effective = resolveEffectiveConfig(base.bundles, doc, task.projectCode);
  const bundle = effective.bundles.find((b) => b.workflows[task.caseType]);
  const workflow = bundle?.workflows[task.caseType];
  const declared = workflow?.documents?.[task.documentId];
  const source = declared ? bundle!.templates[declared.template] : undefined;
  if (!bundle || !workflow || !declared || source === undefined) throw new NotFoundError(`document ${task.caseType}/${task.documentId}`);

  const fields = workflowFields(workflow, bundle);
  const { pointer, written } = templatePointer(doc, task.projectCode, bundle.id, task.caseType, declared.template);
  const problems = [
    ...checkTemplate(source, fields, new Set(base.templateHelpers)),
    // plugin templates are reviewed code; what the configuration wrote is held against the allowlist
    ...(written ? markupProblems(source).slice(0, 20).map((message) => ({ pointer: '', code: 'template-markup', message })) : []),
  ];
  const issues = problems.map((i) => ({ ...i, pointer: `/document${pointer}${i.pointer}` }));
  return {
    issues, source, documentTitle: declared.title, workflowTitle: workflow.title, serialPrefix: workflow.serialPrefix, initialState: workflow.initialState,
    initialStateTitle: workflow.states[workflow.initialState]?.title ?? null, timezone: effective.calendar.timezone, fields: [...fields],
  };
}
