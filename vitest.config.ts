/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

/**
 * Server test files that do not depend on the store, or test SQLite's files themselves: they run
 * once (in the `sqlite` project). Files named *.pg.test.ts need PostgreSQL and run only in the
 * `postgres` project. Every other server test runs against both stores.
 */
const once = [
  'tests/server/faults.test.ts',
  'tests/server/storage-faults.test.ts',
  'tests/server/privacy.test.ts',
  'tests/server/log-fields.test.ts',
  'tests/server/nginx.test.ts',
  'tests/server/nginx-proxy.test.ts',
  'tests/server/static-and-headers.test.ts',
  'tests/server/backup.test.ts',
  'tests/server/hardening.test.ts',
  'tests/server/config.test.ts',
  'tests/server/content.test.ts',
  'tests/server/server-pages.test.ts',
  'tests/server/xlsx.test.ts',
  'tests/server/startup-errors.test.ts',
];

// Unit tests for src/lib, the content schemas, the header policy and the form backend (server/ through inject).
export default getViteConfig({
  test: {
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 30_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts', 'tests/policy/**/*.test.ts', 'tests/build/**/*.test.ts'] } },
      {
        extends: true,
        test: { name: 'sqlite', include: ['tests/server/**/*.test.ts'], exclude: ['tests/server/**/*.pg.test.ts'], env: { KV_TEST_STORE: 'sqlite' } },
      },
      {
        extends: true,
        test: {
          name: 'postgres',
          include: ['tests/server/**/*.test.ts'],
          exclude: once,
          env: { KV_TEST_STORE: 'postgres' },
          globalSetup: ['tests/lib/postgres-setup.ts'],
          setupFiles: ['tests/lib/pg-warnings.ts'],
        },
      },
    ],
  },
});
