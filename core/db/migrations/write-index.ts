/**
 * Writes migrations/<dialect>/index.ts listing that dialect's migration classes. Migrations are
 * imported statically (not discovered at run time) so the same code runs under tsx, vitest and a
 * bundler. Called by `npm run migration:create`; CI checks the lists are current.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export function migrationIndexSource(dir: string): string {
  const names = readdirSync(dir).filter((f) => /^Migration\d+(_[a-z0-9_]+)?\.ts$/.test(f)).map((f) => f.slice(0, -3)).sort();
  return [
    '// GENERATED FILE — DO NOT EDIT. Regenerate with `npm run migration:create` (a plugin\'s: `-- --plugin <id>`).',
    ...names.map((n) => `import { ${n} } from './${n}.js';`),
    '',
    'export const migrations = [',
    ...names.map((n) => `  { name: '${n}', class: ${n} },`),
    '];',
    '',
  ].join('\n');
}

export function writeMigrationIndex(dir: string): boolean {
  const file = path.join(dir, 'index.ts');
  const next = migrationIndexSource(dir);
  const current = (() => { try { return readFileSync(file, 'utf8'); } catch { return null; } })();
  if (current === next) return false;
  writeFileSync(file, next);
  return true;
}
