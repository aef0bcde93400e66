/**
 * Reloads one plugin's declarations in a running kernel (development hot reload): the folder is
 * read and validated exactly as at start, against the other plugins already loaded. Only a valid
 * plugin replaces the running one; a broken edit leaves the previous version in place and returns
 * its issues. Code (index.ts) and new plugins still need a restart.
 */
import path from 'node:path';
import type { FieldIssue } from '../errors.js';
import { DOCUMENT_HELPERS } from '../documents/helpers.js';
import type { LoadedPlugins } from './load-plugins.js';
import { fileOf, type PluginBundle } from './plugin-bundle.js';
import { readPluginFolder } from './read-plugin-folder.js';
import { validateBundle } from './validate-bundle.js';

export type ReloadResult = { ok: true; bundle: PluginBundle } | { ok: false; issues: FieldIssue[] };

export async function reloadPluginDeclarations(plugins: LoadedPlugins, pluginsDir: string, id: string): Promise<ReloadResult> {
  const index = plugins.bundles.findIndex((b) => b.id === id);
  const file = `plugins/${id}`;
  if (index < 0) return { ok: false, issues: [{ file, pointer: '', code: 'unknown-plugin', message: 'not loaded at start: a new plugin needs a restart' }] };
  const read = await readPluginFolder(path.join(pluginsDir, id), file);
  if (read.issues.length) return { ok: false, issues: read.issues };
  const next = read.bundle;
  const others = plugins.bundles.filter((b) => b.id !== id);

  const roles = new Set<string>();
  for (const b of [...others, next]) for (const r of Object.keys(b.manifest.roles ?? {})) roles.add(r);
  const ctx = {
    roles,
    effectTypes: plugins.extensions.effectTypes(),
    templateHelpers: new Set([...DOCUMENT_HELPERS, ...plugins.extensions.templateHelpers.keys()]),
    pluginIds: new Set(plugins.bundles.map((b) => b.id)),
  };
  const issues: FieldIssue[] = validateBundle(next, ctx).map((issue) => ({
    file: `${file}/${fileOf(issue, read.ruleFiles)}`,
    pointer: (issue.section === 'rules' ? `/rules/${issue.name}` : '') + issue.pointer,
    code: issue.code,
    message: issue.message,
  }));
  const taken = new Map(others.flatMap((b) => Object.entries(b.workflows).map(([name, wf]) => [(wf as { caseType?: string }).caseType ?? name, b.id] as const)));
  for (const [name, wf] of Object.entries(next.workflows)) {
    const caseType = (wf as { caseType?: string }).caseType ?? name;
    const owner = taken.get(caseType);
    if (owner) issues.push({ file: `${file}/${name}.workflow.json`, pointer: '/caseType', code: 'duplicate-case-type', message: `case type "${caseType}" is already declared by plugin ${owner}` });
  }
  if (next.manifest.id !== id) issues.push({ file: `${file}/plugin.json`, pointer: '/id', code: 'id-changed', message: 'a plugin id cannot change while running' });
  if (issues.length) return { ok: false, issues };
  plugins.bundles[index] = next;
  return { ok: true, bundle: next };
}
