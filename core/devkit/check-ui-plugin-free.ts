/**
 * The staff app is the shell; plugins bring their own screens (plugins/<id>/ui/). This lint keeps
 * it so: no plugin id (a folder name under plugins/) may appear as a whole word in ui/'s code or
 * strings — identifiers, string and template literals, regular expressions, HTML. Comments may
 * name plugins (to explain an example), and so may unit tests (*.test.ts), which check the shell
 * against real plugins' declarations; neither is shipped. `npm run lint:ui` prints each hit as
 * file:line.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

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
    else if (/\.(ts|mts|js|mjs|html|css)$/.test(entry.name) && !/\.test\.[mc]?[jt]s$/.test(entry.name)) out.push(full);
  }
  return out;
}

/** Pieces of a source file that are code or strings (not comments), with their line. */
function codePieces(file: string): { text: string; line: number }[] {
  const content = readFileSync(file, 'utf8');
  if (file.endsWith('.html') || file.endsWith('.css')) {
    // comments blanked, line breaks kept so line numbers stay right
    const blank = (m: string) => m.replace(/[^\n]/g, ' ');
    const code = content.replace(/<!--[\s\S]*?-->/g, blank).replace(/\/\*[\s\S]*?\*\//g, blank);
    return code.split('\n').map((text, i) => ({ text, line: i + 1 }));
  }
  const source = ts.createSourceFile(file, content, ts.ScriptTarget.Latest, true);
  const out: { text: string; line: number }[] = [];
  const visit = (node: ts.Node) => {
    if (
      ts.isIdentifier(node) || ts.isPrivateIdentifier(node) || ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)
      || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node) || ts.isRegularExpressionLiteral(node)
    ) {
      out.push({ text: node.getText(source), line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
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
    for (const piece of codePieces(file)) {
      for (const m of piece.text.matchAll(word)) {
        hits.push({ file, line: piece.line, pluginId: m[1]!, text: piece.text.trim().slice(0, 80) });
      }
    }
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
