import { defineConfig } from 'vitest/config';

// Two projects: pure logic ("unit") and the HTTP API against a real database ("api").
// The api project runs on PGlite by default and on PostgreSQL when TEST_DATABASE_URL is set.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.unit.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'api',
          include: ['src/**/*.test.ts'],
          exclude: ['src/**/*.unit.test.ts'],
          environment: 'node',
          // Migrates and seeds once per run; each test file copies the result (src/server/test/template.ts).
          globalSetup: ['src/server/test/global-setup.ts'],
          // Servers a test starts itself (a crash test, a child process) seed the demo without its data set too.
          env: { CONCORD_DEMO_DATA: 'false' },
          testTimeout: 60_000,
          hookTimeout: 120_000,
          pool: 'forks',
          maxWorkers: 2,
          // A file builds its own app on its own database copy and keeps no state in modules, so
          // each worker loads the app's modules once rather than once per file: most of what a
          // file cost before its tests ran.
          isolate: false,
        },
      },
    ],
  },
});
