/**
 * Vitest global setup of the `postgres` project: one real PostgreSQL server (scripts/lib/postgres.ts)
 * for the whole run; each test app gets its own schema on it (tests/lib/test-store.ts).
 */
import type { TestProject } from 'vitest/node';
import { startPostgres } from '../../scripts/lib/postgres.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const server = await startPostgres();
  project.provide('postgresUrl', server.url);
  return () => server.remove();
}
