/**
 * The scaffold: `npm run plugin:new -- <id>` creates plugins/<id>/ with a complete, passing
 * plugin (see plugin-template.ts), then regenerates types. `--dir <folder>` writes elsewhere
 * (tests use it for throw-away plugins).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT_DIR } from '../kernel.js';
import { scaffoldFiles } from './plugin-template.js';

const ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

export function scaffoldPlugin(id: string, pluginsDir = path.join(ROOT_DIR, 'plugins')): string {
  if (!ID.test(id) || id.length > 40) throw new Error(`plugin id "${id}" must be lower-case words joined by dashes (e.g. parcel-desk)`);
  const dir = path.join(pluginsDir, id);
  if (existsSync(dir)) throw new Error(`${dir} already exists`);
  const caseType = id.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
  // serial prefix: the words' initials, letters only (PD for parcel-desk)
  const prefix = id.split('-').map((w) => w[0]!.toUpperCase()).filter((c) => /[A-Z]/.test(c)).join('').padEnd(2, 'X').slice(0, 4);
  const root = path.relative(dir, ROOT_DIR).split(path.sep).join('/');
  for (const [file, content] of Object.entries(scaffoldFiles({ id, caseType, prefix, root }))) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), content);
  }
  return dir;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const dirFlag = args.indexOf('--dir');
  const dirArg = dirFlag >= 0 ? args[dirFlag + 1] : undefined;
  const id = args.find((a, i) => !a.startsWith('--') && (dirFlag < 0 || i !== dirFlag + 1));
  if (!id) {
    console.error('usage: npm run plugin:new -- <id> [--dir <plugins folder>]');
    process.exit(2);
  }
  try {
    const dir = scaffoldPlugin(id, dirArg ? path.resolve(dirArg) : undefined);
    console.log(`created ${path.relative(process.cwd(), dir) || dir}\nnext: npm run generate && npx tsc -p ${path.relative(process.cwd(), dir)} && npx vitest run ${path.relative(process.cwd(), dir)}`);
  } catch (e) {
    console.error((e as Error).message);
    process.exit(1);
  }
}
