/**
 * The staff app is the shell; plugins bring their own screens (plugins/<id>/ui/). This lint keeps
 * it so: no plugin id (a folder name under plugins/) may appear as a whole word anywhere in ui/ —
 * code, strings, HTML, comments and its READMEs (an example that names a real plugin is how a
 * shell starts to know one; examples say `<id>`). Only unit tests (*.test.ts), which check the shell
 * against real plugins' declarations, may. `npm run lint:ui` prints each hit as file:line.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface UiPluginIdHit {
  file: string;
  line: number;
  pluginId: string;
  text: string;
}

/** Plugin ids: the folders under plugins/ that hold a plugin.json. */
export function pluginIds(pluginsDir: string): string[] {
  if (!existsSync(pluginsDir)) return [];
  return readdirSync(pluginsDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(pluginsDir, d.name, 'plugin.json')))
    .map((d) => d.name)
    .sort();
}

function files(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...files(full));
    // English message files are prose: "Under renovation" speaks of a unit, not of the plugin
    else if (/\.(ts|mts|js|mjs|html|css|md|json)$/.test(entry.name) && !/\.test\.[mc]?[jt]s$/.test(entry.name) && entry.name !== 'en.json') out.push(full);
  }
  return out;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');

export function checkUiPluginFree(uiDir: string, pluginsDir: string): UiPluginIdHit[] {
  const ids = pluginIds(pluginsDir);
  if (!ids.length) return [];
  // whole word: not inside a longer name (letters, digits, '_' or '-' on either side)
  const word = new RegExp(`(?<![A-Za-z0-9_-])(${ids.map(escape).join('|')})(?![A-Za-z0-9_-])`, 'g');
  const hits: UiPluginIdHit[] = [];
  for (const file of files(uiDir)) {
    readFileSync(file, 'utf8').split('\n').forEach((text, i) => {
      for (const m of text.matchAll(word)) hits.push({ file, line: i + 1, pluginId: m[1]!, text: text.trim().slice(0, 80) });
    });
  }
  return hits;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
  const hits = checkUiPluginFree(path.join(root, 'ui'), path.join(root, 'plugins'));
  for (const h of hits) console.error(`${path.relative(root, h.file)}:${h.line}: names plugin "${h.pluginId}" (${h.text}); let the plugin contribute it from plugins/${h.pluginId}/ui/`);
  if (hits.length) process.exit(1);
  console.log(`ui/ names no plugin (${pluginIds(path.join(root, 'plugins')).length} plugin ids checked)`);
}
