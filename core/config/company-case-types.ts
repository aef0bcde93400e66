/**
 * Case types a company builds itself (configuration `caseTypes`, 自建流程). Each one becomes a
 * plugin bundle of its own inside the effective configuration, so everything that serves plugin
 * case types — compiled validators, the generic case routes, queues, follow-ups, the monthly
 * report, printing — serves it too, and the plugins' declaration checks (validate-bundle.ts) check
 * it. This file names the bundles, maps the checks' findings back into the configuration document
 * and adds the limits a company's own type must keep.
 */
import type { CompanyCaseType, ConfigDeclaration } from '../../schemas/generated/config.js';
import type { PluginBundle } from '../declarations/plugin-bundle.js';
import type { BundleIssue } from '../declarations/validate-bundle.js';
import type { FormDeclaration } from '../../schemas/generated/form.js';
import type { WorkflowDeclaration } from '../../schemas/generated/workflow.js';
import { fieldPaths } from '../declarations/form-fields.js';
import { checkConversionTargets } from '../declarations/check-conversions.js';
import { joinPointer, type FieldIssue } from '../errors.js';

// the naming (xKeyLoan → bundle x-key-loan) lives in reserved-names.ts, one place for the server, the CLI and the browser
import { COMPANY_BUNDLE_PREFIX, COMPANY_CASE_TYPE, companyBundleId, isCompanyBundle } from '../declarations/reserved-names.js';

export { COMPANY_BUNDLE_PREFIX, COMPANY_CASE_TYPE };

/** Sizes a company type may reach: a form or a workflow beyond them is a sign it should be split. */
export const COMPANY_TYPE_LIMITS = { states: 30, transitions: 60, deadlines: 10, fieldsPerForm: 80, documents: 10 } as const;

function titleOf(def: CompanyCaseType, caseType: string): { 'zh-CN': string; en?: string } {
  const title = (def.workflow as { title?: unknown }).title as { 'zh-CN'?: unknown } | undefined;
  return title && typeof title['zh-CN'] === 'string' && title['zh-CN'] ? (title as { 'zh-CN': string }) : { 'zh-CN': caseType };
}

/** One company type as the plugin bundle it stands for. */
export function companyTypeBundle(caseType: string, def: CompanyCaseType): PluginBundle {
  const id = companyBundleId(caseType);
  return {
    id,
    manifest: { id, version: '1.0.0', title: titleOf(def, caseType), ...(def.messages ? { messages: def.messages } : {}) },
    forms: def.forms as Record<string, FormDeclaration>,
    ui: (def.ui ?? {}) as PluginBundle['ui'],
    workflows: { [caseType]: def.workflow as WorkflowDeclaration },
    rules: (def.rules ?? {}) as PluginBundle['rules'],
    templates: def.templates ?? {},
  };
}

/** The company's own types as bundles, in the document's order. */
export function companyTypeBundles(doc: ConfigDeclaration): PluginBundle[] {
  return Object.entries(doc.caseTypes ?? {}).filter(([id]) => COMPANY_CASE_TYPE.test(id)).map(([id, def]) => companyTypeBundle(id, def));
}

/** The case type a company bundle was built from (its only workflow). */
export function caseTypeOfBundle(bundle: PluginBundle): string {
  return Object.keys(bundle.workflows)[0]!;
}

/** Where a declaration check's finding on a company type sits in the configuration document. */
export function locateCompanyIssue(issue: BundleIssue, caseType: string): FieldIssue {
  const base = joinPointer('caseTypes', caseType);
  switch (issue.section) {
    // the synthetic manifest holds the type's messages and takes its title from the workflow
    case 'manifest': return issue.pointer.startsWith('/messages/')
      ? { pointer: `${base}${issue.pointer}`, code: issue.code, message: issue.message, ...(issue.params ? { params: issue.params } : {}) }
      : { pointer: `${base}/workflow/title`, code: issue.code, message: issue.message };
    case 'workflows': return { pointer: `${base}/workflow${issue.pointer}`, code: issue.code, message: issue.message, ...(issue.params ? { params: issue.params } : {}) };
    default: return { pointer: `${base}${joinPointer(issue.section, issue.name)}${issue.pointer}`, code: issue.code, message: issue.message, ...(issue.params ? { params: issue.params } : {}) };
  }
}

/**
 * What the plugins' checks do not cover for a company type: its workflow's caseType is its key,
 * and its size stays within COMPANY_TYPE_LIMITS. Runs after the document's shape is valid.
 */
export function checkCompanyCaseTypes(doc: ConfigDeclaration, installedCaseTypes: ReadonlySet<string>): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const [caseType, def] of Object.entries(doc.caseTypes ?? {})) {
    const base = joinPointer('caseTypes', caseType);
    if (installedCaseTypes.has(caseType)) issues.push({ pointer: base, code: 'duplicate-case-type', message: `case type "${caseType}" is already declared by a plugin` });
    const wf = def.workflow as Partial<WorkflowDeclaration>;
    if (wf.caseType !== undefined && wf.caseType !== caseType) {
      issues.push({ pointer: `${base}/workflow/caseType`, code: 'case-type-mismatch', message: `caseType "${String(wf.caseType)}" must equal the key "${caseType}"` });
    }
    const count = (key: 'states' | 'transitions' | 'deadlines' | 'documents', limit: number) => {
      const n = Object.keys((wf[key] as object | undefined) ?? {}).length;
      if (n > limit) issues.push({ pointer: `${base}/workflow/${key}`, code: 'maxProperties', message: `at most ${limit} ${key} in a company's case type (${n} given)`, params: { limit } });
    };
    count('states', COMPANY_TYPE_LIMITS.states);
    count('transitions', COMPANY_TYPE_LIMITS.transitions);
    count('deadlines', COMPANY_TYPE_LIMITS.deadlines);
    count('documents', COMPANY_TYPE_LIMITS.documents);
    for (const [name, form] of Object.entries(def.forms)) {
      if (!form || typeof form !== 'object') continue;
      let n = 0;
      try {
        n = fieldPaths(form as FormDeclaration).size;
      } catch {
        continue; // a malformed form: its own checks say what is wrong
      }
      if (n > COMPANY_TYPE_LIMITS.fieldsPerForm) {
        issues.push({ pointer: `${base}${joinPointer('forms', name)}/properties`, code: 'maxProperties', message: `at most ${COMPANY_TYPE_LIMITS.fieldsPerForm} fields in a form (${n} given)`, params: { limit: COMPANY_TYPE_LIMITS.fieldsPerForm } });
      }
    }
  }
  return issues;
}

/**
 * Message ids are one namespace per company (a notify step, an opt-out and the SMS template codes
 * name a message by id): a company type's message may not reuse an id a plugin or another type
 * declares.
 */
export function checkCompanyMessageIds(bundles: PluginBundle[]): FieldIssue[] {
  const owner = new Map<string, string>();
  for (const b of bundles) if (!isCompanyBundle(b.id)) for (const id of Object.keys(b.manifest.messages ?? {})) owner.set(id, b.id);
  const issues: FieldIssue[] = [];
  for (const b of bundles.filter((x) => isCompanyBundle(x.id))) {
    for (const id of Object.keys(b.manifest.messages ?? {})) {
      const taken = owner.get(id);
      if (taken) issues.push({ pointer: joinPointer('caseTypes', caseTypeOfBundle(b), 'messages', id), code: 'taken', message: `message id "${id}" is already used by ${taken}`, params: { name: id } });
      else owner.set(id, b.id);
    }
  }
  return issues;
}

/**
 * The conversions of the company's own types, checked against the bundles of one effective
 * configuration as the plugin loader checks plugins' (check-conversions.ts): the target case type
 * exists and the mapped fields are fields of its registration form. Without this a conversion to a
 * missing type passed the check and was silently never offered. A company type declares no
 * dependencies: any case type in force is a target it may name (as the case page offers it).
 */
export function checkCompanyConversionTargets(bundles: PluginBundle[]): FieldIssue[] {
  const ids = bundles.map((b) => b.id);
  const caseTypeOfFile = new Map<string, string>();
  const withReach = bundles.map((b) => {
    if (!isCompanyBundle(b.id)) return b;
    for (const name of Object.keys(b.workflows)) caseTypeOfFile.set(`plugins/${b.id}/${name}.workflow.json`, caseTypeOfBundle(b));
    return { ...b, manifest: { ...b.manifest, dependsOn: ids.filter((id) => id !== b.id) } };
  });
  if (!caseTypeOfFile.size) return [];
  let found: FieldIssue[];
  try {
    found = checkConversionTargets(withReach);
  } catch {
    return []; // a malformed workflow: its own checks (validate-bundle.ts) say what is wrong
  }
  const issues: FieldIssue[] = [];
  for (const issue of found) {
    const caseType = issue.file ? caseTypeOfFile.get(issue.file) : undefined;
    if (caseType === undefined) continue; // a plugin's own conversions were checked when it loaded
    const { file: _file, ...rest } = issue;
    issues.push({ ...rest, pointer: `${joinPointer('caseTypes', caseType)}/workflow${issue.pointer}` });
  }
  return issues;
}
