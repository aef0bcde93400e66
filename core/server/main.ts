/**
 * The server: `npm start`. Opens the SQLite file (or DATABASE_URL's PostgreSQL), seeds the demo
 * company on first start, runs scheduled jobs and prints the URL and demo logins.
 *
 * Environment: PORT (3000), HOST (127.0.0.1), DATABASE_URL (postgres://…), WUYE_SQLITE
 * (data/wuye.sqlite), WUYE_PLUGINS_DIR (plugins/), WUYE_NO_DEMO=1 to skip the demo company, LOG_LEVEL.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Company } from '../db/entities/index.js';
import { DeclarationError } from '../errors.js';
import { ROOT_DIR, startKernel } from '../kernel.js';
import { seedRegistry, type RegistryDocument } from '../registry/seed-registry.js';

const DEMO_REGISTRY = path.join(ROOT_DIR, 'plugins/service-desk/demo/registry.json');

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 3000);
  const host = process.env.HOST ?? '127.0.0.1';
  const sqlitePath = process.env.WUYE_SQLITE ?? path.join(ROOT_DIR, 'data/wuye.sqlite');
  if (!process.env.DATABASE_URL) mkdirSync(path.dirname(sqlitePath), { recursive: true });

  const kernel = await startKernel({
    database: { url: process.env.DATABASE_URL, sqlitePath },
    pluginsDir: process.env.WUYE_PLUGINS_DIR,
    logger: true,
    jobTimers: true,
    // npm run dev: plugin declarations reload on save (a broken edit keeps the previous version)
    devReload: process.env.WUYE_DEV === '1',
  });
  const companies = await kernel.orm.em.fork().count(Company, {});
  const demo = JSON.parse(readFileSync(DEMO_REGISTRY, 'utf8')) as RegistryDocument;
  if (companies === 0 && process.env.WUYE_NO_DEMO !== '1') {
    const seeded = await seedRegistry(kernel.orm, kernel.configs, demo);
    await kernel.seedDemoData(seeded.company.id);
    kernel.app.log.info('seeded the demo company');
  }
  const url = await kernel.app.listen({ port, host });
  const lines = [
    '',
    `Wuye 物业客服平台 is running at ${url}`,
    `  API document: ${url}/api/openapi.json`,
    `  Database: ${process.env.DATABASE_URL ? 'PostgreSQL' : sqlitePath}`,
    '  Demo logins (password for all: wuye2026):',
    ...demo.staff.map((s) => `    ${s.username.padEnd(14)} ${s.roles.join(', ').padEnd(20)} ${s.name}`),
    '',
  ];
  console.log(lines.join('\n'));

  const stop = async () => {
    await kernel.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err) => {
  if (err instanceof DeclarationError) {
    console.error(`Wuye refused to start: a plugin declaration is broken.\n${err.message}`);
  } else {
    console.error(err);
  }
  process.exit(1);
});
