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
import type { PluginBundle } from './plugin-bundle.js';
import { readPluginFolder } from './read-plugin-folder.js';
import { checkBundles } from './check-bundles.js';

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

  // the declarations, checked as plugin:from-config checks the folder it writes (check-bundles.ts)
  issues.push(...checkBundles(reads, { effectTypes: extensions.effectTypes(), templateHelpers: extensions.templateHelpers.keys() }));
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
