/**
 * `npm run build`: the production build. Compiles core and the plugins with tsc
 * (tsconfig.build.json) into dist/, copies what they read at run time beside the compiled code
 * (plugin declarations, templates, demo data, meta-schemas, worker entries) and bundles the staff
 * app into dist/ui/dist. `node dist/core/server/main.js` then runs with no TypeScript loader.
 *
 * Needs the development dependencies (typescript, vite); deploy with `npm prune --omit=dev` after.
 * WUYE_BUILD_DIR builds elsewhere (tests; the folder must be able to reach node_modules).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILD_INFO_FILE, newestSourceMtime, type BuildInfo } from './build-stamp.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const out = path.resolve(root, process.env.WUYE_BUILD_DIR ?? 'dist');
const bin = (name: string) => path.join(root, 'node_modules/.bin', name);

/** Only a folder that is empty or an earlier build is emptied: a wrong WUYE_BUILD_DIR must not wipe anything else. */
function emptyOutput(): void {
  if (!existsSync(out)) return;
  if (readdirSync(out).length > 0 && !existsSync(path.join(out, BUILD_INFO_FILE))) {
    throw new Error(`${out} is not empty and holds no ${BUILD_INFO_FILE}: not a Wuye build, refusing to empty it`);
  }
  rmSync(out, { recursive: true, force: true });
}

/** What compiled code reads from disk next to itself: everything in these folders but TypeScript and tests. */
function copyRuntimeFiles(folder: string): void {
  cpSync(path.join(root, folder), path.join(out, folder), {
    recursive: true,
    filter: (src) => {
      const name = path.basename(src);
      if (name === 'node_modules' || name === 'test-support' || name === 'generated-tests') return false;
      return !/\.(ts|mts|cts)$/.test(name);
    },
  });
}

const started = Date.now();
const sourceStamp = newestSourceMtime(root);
emptyOutput();
console.log(`building into ${path.relative(process.cwd(), out) || out}`);
// --noCheck: emit only; type checking is `npm run typecheck` (CI runs it), not repeated here
execFileSync(bin('tsc'), ['-p', path.join(root, 'tsconfig.build.json'), '--outDir', out, '--noCheck'], { cwd: root, stdio: 'inherit' });
for (const folder of ['core', 'plugins', 'schemas']) copyRuntimeFiles(folder);
execFileSync(bin('vite'), ['build', '--config', path.join(root, 'ui/vite.config.ts'), '--logLevel', 'warn'], {
  cwd: root,
  stdio: 'inherit',
  // the forms lab is a developer's page, not part of what is deployed
  env: { ...process.env, WUYE_UI_DIST: path.join(out, 'ui/dist'), WUYE_FORMS_LAB: 'off' },
});
// the compiled files are ES modules wherever the folder is copied to
writeFileSync(path.join(out, 'package.json'), `${JSON.stringify({ type: 'module', private: true }, null, 2)}\n`);
const info: BuildInfo = { builtAt: new Date().toISOString(), sourceStamp, node: process.version };
writeFileSync(path.join(out, BUILD_INFO_FILE), `${JSON.stringify(info, null, 2)}\n`);
console.log(`built in ${((Date.now() - started) / 1000).toFixed(1)} s: start with  node ${path.relative(root, path.join(out, 'core/server/main.js'))}`);
