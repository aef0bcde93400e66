/**
 * The server. Development: `npm start` (TypeScript through tsx's loader). Production:
 * `npm run build`, then `node dist/core/server/main.js` (see run-mode.ts for what changes).
 *
 * Opens the SQLite file (or DATABASE_URL's PostgreSQL); in development seeds the demo company on an
 * empty database and prints the URL and demo logins; in production refuses demo passwords and logs
 * JSON only. Runs the scheduled jobs; shuts down gracefully on SIGTERM / SIGINT.
 *
 * Environment: PORT (3000), HOST (127.0.0.1), DATABASE_URL (postgres://…), WUYE_SQLITE
 * (data/wuye.sqlite), WUYE_PLUGINS_DIR (plugins/), WUYE_NO_DEMO=1 to skip the demo company, LOG_LEVEL,
 * WUYE_SHUTDOWN_TIMEOUT (seconds, 10).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { DeclarationError } from '../errors.js';
import { startKernel, type Kernel } from '../kernel.js';
import { IS_BUILD, defaultSqlitePath, isProduction } from './run-mode.js';
import { errorFields, jsonLog, jsonProcessOutput } from './json-log.js';
import { DEMO_PASSWORD, StartRefused, demoRegistry, refuseDemoPasswords, seedDemoOnEmptyDatabase } from './first-start.js';
import { installGracefulShutdown, shutdownTimeoutMs } from './graceful-shutdown.js';

const production = isProduction();

async function main(): Promise<void> {
  if (production) {
    jsonProcessOutput();
    // stack traces point into the TypeScript sources (tsc writes the maps next to the build)
    if (IS_BUILD) process.setSourceMapsEnabled(true);
    // Secure cookies and the like default on (WUYE_SECURE_COOKIES=0 still turns cookies' Secure off)
    process.env.NODE_ENV ??= 'production';
  }
  const port = Number(process.env.PORT ?? 3000);
  const host = process.env.HOST ?? '127.0.0.1';
  const timeoutMs = shutdownTimeoutMs();
  const sqlitePath = defaultSqlitePath();
  if (!process.env.DATABASE_URL) mkdirSync(path.dirname(sqlitePath), { recursive: true });

  const kernel = await startKernel({
    database: { url: process.env.DATABASE_URL, sqlitePath },
    pluginsDir: process.env.WUYE_PLUGINS_DIR,
    logger: true,
    jobTimers: process.env.WUYE_JOBS !== 'off', // WUYE_JOBS=off: this instance serves requests only (another runs the jobs)
    // npm run dev: plugin declarations reload on save (a broken edit keeps the previous version)
    devReload: !production && process.env.WUYE_DEV === '1',
  });
  try {
    if (production) await refuseDemoPasswords(kernel);
    else if (process.env.WUYE_NO_DEMO !== '1' && (await seedDemoOnEmptyDatabase(kernel))) kernel.app.log.info('seeded the demo company');
  } catch (err) {
    await kernel.close();
    throw err;
  }
  // signals from here on; before, a signal simply ends the process
  installGracefulShutdown(() => closeKernel(kernel), kernel.app.log, timeoutMs);
  const url = await kernel.app.listen({ port, host });
  announce(kernel, url, sqlitePath);
}

/**
 * kernel.close() stops listening and waits for every connection to end. A keep-alive connection
 * whose request finishes during the shutdown would then stay open, idle, until its keep-alive
 * timeout (72 s): close idle connections as they appear instead.
 */
async function closeKernel(kernel: Kernel): Promise<void> {
  const closeIdle = setInterval(() => kernel.app.server.closeIdleConnections(), 100);
  try {
    await kernel.close();
  } finally {
    clearInterval(closeIdle);
  }
}

function announce(kernel: Kernel, url: string, sqlitePath: string): void {
  const database = process.env.DATABASE_URL ? 'PostgreSQL' : sqlitePath;
  if (production) {
    kernel.app.log.info({ url, database, build: IS_BUILD }, 'Wuye is running');
    return;
  }
  const lines = [
    '',
    `Wuye 物业客服平台 is running at ${url}`,
    `  API document: ${url}/api/openapi.json`,
    `  Database: ${database}`,
    `  Demo logins (password for all: ${DEMO_PASSWORD}):`,
    ...demoRegistry().staff.map((s) => `    ${s.username.padEnd(14)} ${s.roles.join(', ').padEnd(20)} ${s.name}`),
    '',
  ];
  console.log(lines.join('\n'));
}

main().catch((err: unknown) => {
  if (production) {
    if (err instanceof StartRefused) jsonLog('fatal', err.message);
    else if (err instanceof DeclarationError) jsonLog('fatal', `a plugin declaration is broken: ${err.message}`);
    else jsonLog('fatal', 'the server could not start', errorFields(err));
  } else if (err instanceof StartRefused) {
    console.error(err.message);
  } else if (err instanceof DeclarationError) {
    console.error(`Wuye refused to start: a plugin declaration is broken.\n${err.message}`);
  } else {
    console.error(err);
  }
  process.exit(1);
});
