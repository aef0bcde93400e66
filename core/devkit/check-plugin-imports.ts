/**
 * The plugin boundary, as a lint: code under plugins/ may import from core only the public API
 * (core/plugin-api.ts) — tests may also use the kernel harness (core/testing/harness.ts) — and
 * never another plugin's files. `npm run lint:plugins` prints each violation as file:line.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export interface ImportViolation {
  file: string;
  line: number;
  specifier: string;
  reason: string;
}

const PUBLIC_CORE = new Set(['core/plugin-api.ts', 'core/plugin-api.js']);
const TEST_CORE = new Set(['core/testing/harness.ts', 'core/testing/harness.js']);
/** A plugin's screens (plugins/<id>/ui/) use the staff app's public browser API only. */
const PUBLIC_UI = new Set(['ui/src/plugin-ui-api.ts', 'ui/src/plugin-ui-api.js', 'ui/src/plugin-admin-api.ts', 'ui/src/plugin-admin-api.js']);

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(full));
    else if (/\.(ts|mts|js|mjs)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(full);
  }
  return out;
}

function importsOf(file: string): { specifier: string; line: number }[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: { specifier: string; line: number }[] = [];
  const visit = (node: ts.Node) => {
    const spec =
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)
        ? node.moduleSpecifier.text
        : ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])
          ? node.arguments[0].text
          : undefined;
    if (spec) found.push({ specifier: spec, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1 });
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

export function checkPluginImports(rootDir: string, pluginsDir = path.join(rootDir, 'plugins')): ImportViolation[] {
  const violations: ImportViolation[] = [];
  for (const file of sourceFiles(pluginsDir)) {
    const rel = path.relative(pluginsDir, file);
    const pluginId = rel.split(path.sep)[0]!;
    const isTest = /\.test\.[mc]?[jt]s$/.test(file) || rel.split(path.sep).includes('test-support');
    for (const { specifier, line } of importsOf(file)) {
      if (!specifier.startsWith('.')) continue; // npm packages are the plugin's own business
      const target = path.resolve(path.dirname(file), specifier);
      const fromRoot = path.relative(rootDir, target).split(path.sep).join('/');
      const inPlugins = path.relative(pluginsDir, target);
      const report = (reason: string) => violations.push({ file: path.relative(rootDir, file), line, specifier, reason });
      if (!inPlugins.startsWith('..')) {
        if (inPlugins.split(path.sep)[0] !== pluginId && !isTest) report(`imports plugin ${inPlugins.split(path.sep)[0]}'s files; plugins talk through effects, routes and declarations`);
      } else if (fromRoot.startsWith('core/')) {
        if (!PUBLIC_CORE.has(fromRoot) && !(isTest && TEST_CORE.has(fromRoot))) report('imports core internals; use core/plugin-api.js');
      } else if (PUBLIC_UI.has(fromRoot)) {
        if (rel.split(path.sep)[1] !== 'ui') report('imports the staff app; only plugins/<id>/ui/ may (through ui/src/plugin-ui-api)');
      } else if (!fromRoot.startsWith('schemas/generated/')) {
        report(`imports ${fromRoot} from outside the plugin`);
      }
    }
  }
  return violations;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
  const violations = checkPluginImports(root);
  for (const v of violations) console.error(`${v.file}:${v.line}: "${v.specifier}" ${v.reason}`);
  if (violations.length) process.exit(1);
  console.log('plugin imports: only core/plugin-api (and the test harness in tests)');
}
