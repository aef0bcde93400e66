/**
 * The declaration checks a plugin folder must pass to load, in one place: the plugin loader runs
 * them on every folder at start-up, and `plugin:from-config` on the folder it writes, beside the
 * plugins already installed — so a folder the command accepts is one the loader accepts.
 *
 * Per folder: every declaration and the references between them (validate-bundle.ts), against the
 * roles of all the plugins together. Across folders: ids and case types reserved for companies'
 * own types, a case type declared twice, conversions into another plugin's case type.
 */
import type { FieldIssue } from '../errors.js';
import { DOCUMENT_HELPERS } from '../documents/helpers.js';
import { fileOf, type PluginBundle } from './plugin-bundle.js';
import { validateBundle } from './validate-bundle.js';
import { checkConversionTargets } from './check-conversions.js';
import { COMPANY_BUNDLE_PREFIX, COMPANY_CASE_TYPE } from './reserved-names.js';

/** A folder to check: its bundle and where its rules were declared (read-plugin-folder.ts). */
export interface BundleToCheck {
  bundle: PluginBundle;
  ruleFiles: Record<string, string>;
}

export interface BundleCheckNames {
  /** effect types registered by the plugins' code (and core's) */
  effectTypes: ReadonlySet<string>;
  /** template helpers registered by the plugins' code (core's DOCUMENT_HELPERS are added here) */
  templateHelpers: Iterable<string>;
}

/**
 * Issues of `folders`, files named plugins/<id>/<file>. `installed`: plugins already loaded (and
 * checked) beside which the folders must also load; their own declarations are not checked again.
 */
export function checkBundles(folders: BundleToCheck[], names: BundleCheckNames, installed: PluginBundle[] = []): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const all = [...installed, ...folders.map((f) => f.bundle)];
  const roles = new Set<string>();
  for (const b of all) for (const id of Object.keys(b.manifest.roles ?? {})) roles.add(id);
  const ctx = {
    roles,
    effectTypes: names.effectTypes,
    templateHelpers: new Set([...DOCUMENT_HELPERS, ...names.templateHelpers]),
    pluginIds: new Set(all.map((b) => b.id)),
  };
  for (const { bundle, ruleFiles } of folders) {
    for (const issue of validateBundle(bundle, ctx)) {
      const prefix = issue.section === 'rules' ? `/rules/${issue.name}` : '';
      issues.push({ file: `plugins/${bundle.id}/${fileOf(issue, ruleFiles)}`, pointer: prefix + issue.pointer, code: issue.code, message: issue.message });
    }
  }
  // A case type names routes and tables' rows: two plugins may not both declare it.
  const owners = new Map<string, string>();
  for (const b of installed) for (const [name, wf] of Object.entries(b.workflows)) owners.set((wf as { caseType?: string }).caseType ?? name, b.id);
  for (const { bundle } of folders) {
    if (bundle.id.startsWith(COMPANY_BUNDLE_PREFIX)) issues.push({ file: `plugins/${bundle.id}`, pointer: '', code: 'reserved-plugin-id', message: `plugin ids starting with "${COMPANY_BUNDLE_PREFIX}" are reserved for companies' own case types` });
    for (const [name, wf] of Object.entries(bundle.workflows)) {
      const caseType = (wf as { caseType?: string }).caseType ?? name;
      // xKeyLoan and x-… belong to companies' own case types (core/config/company-case-types.ts)
      if (COMPANY_CASE_TYPE.test(caseType)) issues.push({ file: `plugins/${bundle.id}/${name}.workflow.json`, pointer: '/caseType', code: 'reserved-case-type', message: `case type "${caseType}": x followed by a capital is reserved for companies' own case types` });
      const owner = owners.get(caseType);
      if (owner) issues.push({ file: `plugins/${bundle.id}/${name}.workflow.json`, pointer: '/caseType', code: 'duplicate-case-type', message: `case type "${caseType}" is already declared by plugin ${owner}` });
      else owners.set(caseType, bundle.id);
    }
  }
  // conversions into another plugin's case type: the type and its registration fields exist
  if (!issues.length) issues.push(...checkConversionTargets(all));
  return issues;
}
