/**
 * The `wuye` command line: `npm run wuye -- <pluginId>:<command> [args]`, `npm run wuye -- help`.
 * Opens the same database as the server (DATABASE_URL or WUYE_SQLITE, default data/wuye.sqlite)
 * with every plugin loaded (or those listed in WUYE_PLUGINS, comma-separated), runs one plugin
 * command (or one of the kernel's own, core-commands.ts) and exits with its code.
 */
import path from 'node:path';
import { DeclarationError } from '../errors.js';
import { ROOT_DIR, startKernel } from '../kernel.js';
import { loadPlugins } from '../declarations/load-plugins.js';
import { CORE_COMMANDS } from './core-commands.js';
import { defaultSqlitePath } from '../server/run-mode.js';

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const pluginsDir = process.env.WUYE_PLUGINS_DIR ?? path.join(ROOT_DIR, 'plugins');
  if (!name || name === 'help' || name === '--help') {
    const { extensions } = await loadPlugins({ pluginsDir });
    const lines = ['usage: npm run wuye -- <command> [args]', '', 'commands:'];
    for (const [id, c] of CORE_COMMANDS) lines.push(`  ${id.padEnd(24)} ${c.summary}${c.usage ? `\n  ${''.padEnd(24)} ${c.usage}` : ''}`);
    for (const [id, c] of [...extensions.commands].sort(([a], [b]) => a.localeCompare(b))) lines.push(`  ${id.padEnd(24)} ${c.summary}${c.usage ? `\n  ${''.padEnd(24)} ${c.usage}` : ''}`);
    console.log(lines.join('\n'));
    return name ? 0 : 2;
  }
  const only = process.env.WUYE_PLUGINS?.split(',').map((p) => p.trim()).filter(Boolean);
  const kernel = await startKernel({
    database: { url: process.env.DATABASE_URL, sqlitePath: defaultSqlitePath() },
    pluginsDir,
    plugins: only?.length ? only : undefined,
  });
  try {
    const core = CORE_COMMANDS.get(name);
    if (core) return await core.run(args, kernel);
    const command = kernel.plugins.extensions.commands.get(name);
    if (!command) {
      console.error(`unknown command "${name}" (npm run wuye -- help lists them)`);
      return 2;
    }
    return await command.run(args, kernel.pluginServices.get(command.pluginId)!);
  } finally {
    await kernel.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof DeclarationError ? `a plugin declaration is broken:\n${err.message}` : err);
    process.exit(1);
  },
);
