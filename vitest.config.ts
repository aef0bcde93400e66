import { defineConfig } from 'vitest/config';

// One config for both databases: WUYE_TEST_DB=postgres switches the kernel harness to PostgreSQL.
export default defineConfig({
  test: {
    include: ['core/**/*.test.ts', 'plugins/**/*.test.ts', 'forms/**/*.test.ts', 'ui/**/*.test.ts', 'test/**/*.test.ts'],
    // *.pg.test.ts need PostgreSQL itself (several server processes on one database): only the
    // PostgreSQL run (npm run test:pg) collects them; on SQLite there is nothing they could test
    exclude: ['**/node_modules/**', 'test/bench/**', ...(process.env.WUYE_TEST_DB === 'postgres' ? [] : ['**/*.pg.test.ts'])],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
