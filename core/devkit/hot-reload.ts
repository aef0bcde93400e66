/**
 * Development hot reload: watches plugins/ and reloads a plugin's declarations when one of its
 * JSON or template files changes, without restarting the server. A broken edit keeps the previous
 * version running; the error is logged and shown at GET /api/dev/plugins until the next good edit.
 */
import { watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import type { FieldIssue } from '../errors.js';
import { formatIssue } from '../errors.js';
import type { LoadedPlugins } from '../declarations/load-plugins.js';
import { reloadPluginDeclarations, type ReloadResult } from '../declarations/reload-plugin.js';
import type { ConfigService } from '../config/config-service.js';

export interface PluginReloadStatus {
  id: string;
  /** the last successful reload, null if none since start */
  reloadedAt: string | null;
  /** the last edit's issues while it is broken (the previous version keeps running) */
  issues: FieldIssue[] | null;
}

interface Log {
  info(msg: string): void;
  error(msg: string): void;
}

/** Files whose change reloads a plugin: declarations and templates, not code or generated types. */
const DECLARATION = /\.(json|hbs)$/;
const DEBOUNCE_MS = 150;

export class PluginReloader {
  readonly status = new Map<string, PluginReloadStatus>();

  constructor(
    private readonly plugins: LoadedPlugins,
    private readonly pluginsDir: string,
    private readonly configs: ConfigService,
    private readonly log: Log,
    private readonly now: () => Date = () => new Date(),
  ) {
    for (const b of plugins.bundles) this.status.set(b.id, { id: b.id, reloadedAt: null, issues: null });
  }

  async reload(id: string): Promise<ReloadResult> {
    const result = await reloadPluginDeclarations(this.plugins, this.pluginsDir, id);
    const previous = this.status.get(id) ?? { id, reloadedAt: null, issues: null };
    if (result.ok) {
      // compiled configurations hold validators, rules and templates of the old declarations
      this.configs.forgetCompiled();
      this.status.set(id, { id, reloadedAt: this.now().toISOString(), issues: null });
      this.log.info(`plugin ${id} reloaded`);
    } else {
      this.status.set(id, { ...previous, issues: result.issues });
      this.log.error(`plugin ${id} not reloaded, the previous version keeps running:\n${result.issues.map(formatIssue).join('\n')}`);
    }
    return result;
  }

  /** Starts watching; returns a function that stops. */
  watch(): () => void {
    const timers = new Map<string, NodeJS.Timeout>();
    const watcher: FSWatcher = watch(this.pluginsDir, { recursive: true }, (_event, filename) => {
      if (!filename) return;
      const parts = filename.toString().split(path.sep);
      const id = parts[0];
      if (!id || parts.length < 2 || !DECLARATION.test(filename.toString()) || parts.includes('generated') || parts.includes('node_modules')) return;
      if (!this.status.has(id)) return;
      clearTimeout(timers.get(id));
      // editors write a file in several steps: reload once they are done
      timers.set(id, setTimeout(() => void this.reload(id).catch((e: Error) => this.log.error(`plugin ${id} reload failed: ${e.message}`)), DEBOUNCE_MS));
    });
    return () => {
      timers.forEach(clearTimeout);
      watcher.close();
    };
  }
}
