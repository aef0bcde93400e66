/**
 * The staff app imports the server's answer types from core/http/api-types.ts and
 * plugins/<id>/api-types.ts; those modules must stay type-only (`import type`, `export type`,
 * interfaces and type aliases) so that nothing of the server can reach the browser bundle.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');

function apiTypeModules(): string[] {
  const plugins = readdirSync(path.join(ROOT, 'plugins'), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => path.join('plugins', d.name, 'api-types.ts'))
    .filter((f) => existsSync(path.join(ROOT, f)));
  return ['core/http/api-types.ts', ...plugins];
}

/** Statements of a module that would survive compilation (anything but a type-only one). */
function runtimeStatements(file: string, text = readFileSync(path.join(ROOT, file), 'utf8')): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  return source.statements.filter((s) => {
    if (ts.isInterfaceDeclaration(s) || ts.isTypeAliasDeclaration(s)) return false;
    if (ts.isImportDeclaration(s)) return !s.importClause?.isTypeOnly;
    if (ts.isExportDeclaration(s)) return !s.isTypeOnly;
    return true;
  }).map((s) => `${file}:${source.getLineAndCharacterOfPosition(s.getStart()).line + 1}: ${s.getText().slice(0, 80)}`);
}

describe('API type modules', () => {
  it('hold types only: nothing of the server can reach the browser through them', () => {
    const modules = apiTypeModules();
    expect(modules).toContain('plugins/billing/api-types.ts');
    expect(modules.flatMap((m) => runtimeStatements(m))).toEqual([]);
  });

  it('the check sees what would be bundled: a value import, a value re-export, a constant', () => {
    const text = [
      "import type { caseView } from './a.js';", "import { formPayload } from './b.js';", "export type { X } from './c.js';",
      "export { Y } from './d.js';", 'export const Z = 1;', 'export interface W { a: number }',
    ].join('\n');
    expect(runtimeStatements('sample.ts', text).map((s) => s.split(': ')[0])).toEqual(['sample.ts:2', 'sample.ts:4', 'sample.ts:5']);
  });
});
