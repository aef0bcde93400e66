/**
 * Development or production. The compiled output of `npm run build` (it carries build-info.json)
 * always runs as production; the TypeScript sources run as development unless NODE_ENV=production.
 * Production never seeds the demo company, refuses demo passwords, logs JSON only and defaults
 * to Secure cookies.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ROOT_DIR } from '../kernel.js';
import { BUILD_INFO_FILE } from './build-stamp.js';

/** true when this code is the compiled build (dist/), not the TypeScript sources */
export const IS_BUILD = existsSync(path.join(ROOT_DIR, BUILD_INFO_FILE));

export function isProduction(): boolean {
  return IS_BUILD || process.env.NODE_ENV === 'production';
}

/**
 * The installation folder: the project folder in development, the folder holding dist/ for the
 * build, so both find data/ in the same place.
 */
export const INSTALL_DIR = IS_BUILD ? path.resolve(ROOT_DIR, '..') : ROOT_DIR;

/** WUYE_SQLITE, else data/wuye.sqlite in the installation folder */
export function defaultSqlitePath(): string {
  return process.env.WUYE_SQLITE ? path.resolve(process.env.WUYE_SQLITE) : path.join(INSTALL_DIR, 'data/wuye.sqlite');
}
