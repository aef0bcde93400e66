/**
 * Discovers plugins/<id>/, reads and validates every declaration, orders plugins by their
 * dependencies and runs their optional setup code. Any issue stops the kernel with a
 * DeclarationError listing each problem as "[code] file pointer: message".
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DeclarationError, type FieldIssue } from '../errors.js';
import { ExtensionRegistry, setupContextFor, type PluginDefinition } from '../extensions.js';
import { fileOf, type PluginBundle } from './plugin-bundle.js';
import { readPluginFolder } from './read-plugin-folder.js';
import { validateBundle } from './validate-bundle.js';
import { checkConversionTargets } from './check-conversions.js';
import { DOCUMENT_HELPERS } from '../documents/helpers.js';
import { COMPANY_BUNDLE_PREFIX, COMPANY_CASE_TYPE } from './reserved-names.js';

export interface LoadedPlugins {
  /** in dependency order */
  bundles: PluginBundle[];
  extensions: ExtensionRegistry;
}

export interface LoadOptions {
  pluginsDir: string;
  /** load only these plugins (and fail if a dependency is missing); default: every folder */
  only?: string[];
}

export async function loadPlugins(options: LoadOptions): Promise<LoadedPlugins> {
  const entries = await readdir(options.pluginsDir, { withFileTypes: true });
  let ids = entries.filter((e) => e.isDirectory() && !e.name.startsWith('.') && !e.name.startsWith('_')).map((e) => e.name).sort();
  if (options.only) {
    const missing = options.only.filter((id) => !ids.includes(id));
    if (missing.length) throw new DeclarationError(missing.map((id) => ({ pointer: '', code: 'unknown-plugin', message: `no folder plugins/${id}`, file: `plugins/${id}` })), 'plugins');
    ids = options.only;
  }

  const issues: FieldIssue[] = [];
  const reads = await Promise.all(ids.map((id) => readPluginFolder(path.join(options.pluginsDir, id), `plugins/${id}`)));
  for (const r of reads) issues.push(...r.issues);
  if (issues.length) throw new DeclarationError(issues, 'plugins');

  // Code first: setup may register effects and helpers the declarations refer to.
  const extensions = new ExtensionRegistry();
  for (const r of reads) {
    if (!r.entry) continue;
    const mod = (await import(pathToFileURL(r.entry).href)) as { default?: PluginDefinition };
    if (!mod.default || typeof mod.default.setup !== 'function') {
      issues.push({ file: `plugins/${r.bundle.id}/${path.basename(r.entry)}`, pointer: '', code: 'bad-entry', message: 'index must `export default definePlugin({ setup })`' });
      continue;
    }
    const database = mod.default.database;
    if (database) {
      // a plugin's tables carry its id, so they cannot collide with core's or another plugin's
      const prefix = `${r.bundle.id.replace(/-/g, '_')}_`;
      for (const schema of database.entities) {
        const table = schema.meta.tableName ?? schema.meta.collection;
        if (!table?.startsWith(prefix)) issues.push({ file: `plugins/${r.bundle.id}/${path.basename(r.entry)}`, pointer: '/database/entities', code: 'bad-table-name', message: `table "${table}" must start with "${prefix}"` });
      }
      extensions.databases.set(r.bundle.id, database);
    }
    await mod.default.setup(setupContextFor(r.bundle.id, extensions));
  }

  const roles = new Set<string>();
  for (const r of reads) for (const id of Object.keys(r.bundle.manifest.roles ?? {})) roles.add(id);
  const ctx = {
    roles,
    effectTypes: extensions.effectTypes(),
    templateHelpers: new Set([...DOCUMENT_HELPERS, ...extensions.templateHelpers.keys()]),
    pluginIds: new Set(ids),
  };
  for (const r of reads) {
    for (const issue of validateBundle(r.bundle, ctx)) {
      const prefix = issue.section === 'rules' ? `/rules/${issue.name}` : '';
      issues.push({ file: `plugins/${r.bundle.id}/${fileOf(issue, r.ruleFiles)}`, pointer: prefix + issue.pointer, code: issue.code, message: issue.message });
    }
  }
  // A case type names routes and tables' rows: two plugins may not both declare it.
  const owners = new Map<string, string>();
  for (const r of reads) {
    if (r.bundle.id.startsWith(COMPANY_BUNDLE_PREFIX)) issues.push({ file: `plugins/${r.bundle.id}`, pointer: '', code: 'reserved-plugin-id', message: `plugin ids starting with "${COMPANY_BUNDLE_PREFIX}" are reserved for companies' own case types` });
    for (const [name, wf] of Object.entries(r.bundle.workflows)) {
      const caseType = (wf as { caseType?: string }).caseType ?? name;
      // xKeyLoan and x-… belong to companies' own case types (core/config/company-case-types.ts)
      if (COMPANY_CASE_TYPE.test(caseType)) issues.push({ file: `plugins/${r.bundle.id}/${name}.workflow.json`, pointer: '/caseType', code: 'reserved-case-type', message: `case type "${caseType}": x followed by a capital is reserved for companies' own case types` });
      const owner = owners.get(caseType);
      if (owner) issues.push({ file: `plugins/${r.bundle.id}/${name}.workflow.json`, pointer: '/caseType', code: 'duplicate-case-type', message: `case type "${caseType}" is already declared by plugin ${owner}` });
      else owners.set(caseType, r.bundle.id);
    }
  }
  // conversions into another plugin's case type: the type and its registration fields exist
  if (!issues.length) issues.push(...checkConversionTargets(reads.map((r) => r.bundle)));
  if (issues.length) throw new DeclarationError(issues, 'plugins');

  return { bundles: orderByDependencies(reads.map((r) => r.bundle)), extensions };
}

/** Topological order; a cycle is a declaration error naming the plugins in it. */
export function orderByDependencies(bundles: PluginBundle[]): PluginBundle[] {
  const byId = new Map(bundles.map((b) => [b.id, b]));
  const ordered: PluginBundle[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (b: PluginBundle, trail: string[]) => {
    if (state.get(b.id) === 'done') return;
    if (state.get(b.id) === 'visiting') {
      throw new DeclarationError([{ file: `plugins/${b.id}/plugin.json`, pointer: '/dependsOn', code: 'dependency-cycle', message: `dependency cycle: ${[...trail, b.id].join(' -> ')}` }], 'plugins');
    }
    state.set(b.id, 'visiting');
    for (const dep of b.manifest.dependsOn ?? []) {
      const d = byId.get(dep);
      if (d) visit(d, [...trail, b.id]);
    }
    state.set(b.id, 'done');
    ordered.push(b);
  };
  for (const b of bundles) visit(b, []);
  return ordered;
}
