import { defineConfig } from 'vitest/config';

// One config for both databases: WUYE_TEST_DB=postgres switches the kernel harness to PostgreSQL.
export default defineConfig({
  test: {
    include: ['core/**/*.test.ts', 'plugins/**/*.test.ts', 'forms/**/*.test.ts', 'ui/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'test/bench/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
