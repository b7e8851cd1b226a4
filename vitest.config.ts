/// <reference types="vitest/config" />
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { getViteConfig } from 'astro/config';
import { COMPILE_CACHE, compileCacheDir } from './scripts/lib/compile-cache.ts';

/**
 * Server test files that do not depend on the store, or test SQLite's files themselves: they run
 * once (in the `sqlite` project). Headers, login lockout and rate limits keep their state in memory
 * (access, login-throttle, origins-and-rate-limit); sessions and accounts run on both stores in
 * accounts.test.ts. Hostile requests (sizes, encodings, malformed bodies, unknown fields, floods) are
 * answered before anything reaches the store, or store what a normal submission stores; the hostile
 * values, which reach the database, run on both. Files named *.pg.test.ts need PostgreSQL and run
 * only in the `postgres` project. Every other server test runs against both stores.
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
  'tests/server/access.test.ts',
  'tests/server/login-throttle.test.ts',
  'tests/server/origins-and-rate-limit.test.ts',
  'tests/server/hostile-requests.test.ts',
];

/**
 * Test files run side by side: most server tests wait on the servers, mail sinks, databases and
 * spreadsheet programs they start, so one file per core leaves the cores idle. Vitest's default is
 * one file per core minus one (a single file at a time on a 2-core machine).
 */
const FILES_AT_ONCE = Math.max(3, availableParallelism());

// `npm run test:quick` too: the test files' processes, and what they start, share Node's compile
// cache (scripts/lib/compile-cache.ts); the forks inherit this process's environment.
process.env[COMPILE_CACHE] = compileCacheDir(fileURLToPath(new URL('.', import.meta.url)));

// Unit tests for src/lib, shared/, the server's pure logic, the content schemas and the header policy; builds of temporary projects;
// the form backend (server/) on each store. `npm run test:quick` runs the projects unit and sqlite.
export default getViteConfig({
  test: {
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 30_000,
    maxWorkers: FILES_AT_ONCE,
    projects: [
      // Pure functions, no mocks, timers or environment changes: one module cache per worker for all
      // files (half the CPU; the files' imports were most of their time).
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts', 'tests/policy/**/*.test.ts'], isolate: false } },
      { extends: true, test: { name: 'build', include: ['tests/build/**/*.test.ts'] } },
      // The server tests share a worker process too (isolate: false): each file builds its own
      // apps, stores, servers and sinks and closes them (tests/server/cleanups.ts), and the server
      // keeps no state in its modules. A process per file spent a third of the CPU on loading the
      // server again (sqlite project: 151 CPU seconds, 79 s; shared: 100 CPU seconds, 54 s).
      {
        extends: true,
        test: { name: 'sqlite', include: ['tests/server/**/*.test.ts'], exclude: ['tests/server/**/*.pg.test.ts'], env: { KV_TEST_STORE: 'sqlite' }, isolate: false },
      },
      {
        extends: true,
        test: {
          name: 'postgres',
          include: ['tests/server/**/*.test.ts'],
          exclude: once,
          env: { KV_TEST_STORE: 'postgres' },
          isolate: false,
          globalSetup: ['tests/lib/postgres-setup.ts'],
          setupFiles: ['tests/lib/pg-warnings.ts'],
        },
      },
    ],
  },
});
