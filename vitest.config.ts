import { defineConfig } from 'vitest/config';

// One config for both databases: WUYE_TEST_DB=postgres switches the kernel harness to PostgreSQL.

// Tests that write into the repository's own plugins/ folder (the scaffold test follows the plugin
// guide verbatim, so its plugin lands in plugins/ and `npm run generate` rewrites every plugin's
// generated files): a suite running beside them would load a half-made plugin. CI runs the two
// databases' suites side by side with WUYE_TEST_TREE_WRITERS=skip, then these alone.
const TREE_WRITERS = ['test/devkit/scaffold.test.ts'];
export default defineConfig({
  test: {
    include: ['core/**/*.test.ts', 'plugins/**/*.test.ts', 'forms/**/*.test.ts', 'ui/**/*.test.ts', 'test/**/*.test.ts'],
    // *.pg.test.ts need PostgreSQL itself (several server processes on one database): only the
    // PostgreSQL run (npm run test:pg) collects them; on SQLite there is nothing they could test
    // the browser side's unit tests (ui/, forms/) never touch a database: the PostgreSQL run skips
    // them rather than paying their start-up a second time
    exclude: [
      '**/node_modules/**', 'test/bench/**', ...(process.env.WUYE_TEST_DB === 'postgres' ? ['ui/**', 'forms/**'] : ['**/*.pg.test.ts']),
      ...(process.env.WUYE_TEST_TREE_WRITERS === 'skip' ? TREE_WRITERS : []),
    ],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
