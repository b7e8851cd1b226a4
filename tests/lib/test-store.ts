/**
 * Which store the server tests run against: the vitest project sets KV_TEST_STORE (sqlite or
 * postgres, see vitest.config.ts). For PostgreSQL each caller gets a fresh schema on the shared
 * test server, selected through DATABASE_URL's search_path, and dropped again afterwards.
 */
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { createSchema } from '../../scripts/lib/postgres.ts';
import { tempDir } from '../../scripts/lib/temp-dir.ts';

/** A fresh, empty PostgreSQL schema on a server URL (scripts/lib/postgres.ts, shared with the benchmark). */
export { createSchema };

export type TestStoreKind = 'sqlite' | 'postgres';

export const testStoreKind: TestStoreKind = process.env['KV_TEST_STORE'] === 'postgres' ? 'postgres' : 'sqlite';

export interface TestDatabase {
  /** DATABASE_URL for the app, or undefined for SQLite. */
  readonly url: string | undefined;
  drop(): Promise<void>;
}

/** The database for one test app: a fresh schema with PostgreSQL, nothing with SQLite. */
export async function testDatabase(): Promise<TestDatabase> {
  if (testStoreKind === 'sqlite') return { url: undefined, drop: async () => undefined };
  return createSchema(inject('postgresUrl'));
}

export interface TestStore {
  readonly kind: TestStoreKind;
  /** Where the store lives: DATA_DIR and, for PostgreSQL, DATABASE_URL. */
  readonly location: { readonly dataDir: string; readonly databaseUrl: string | null };
  /** Removes the data (after every store on it is closed). */
  remove(): Promise<void>;
}

/** An empty store location of the project's kind. */
export async function testStoreLocation(): Promise<TestStore> {
  const folder = tempDir('kv-store-');
  const database = await testDatabase();
  return {
    kind: testStoreKind,
    location: { dataDir: join(folder.path, 'data'), databaseUrl: database.url ?? null },
    async remove() {
      await database.drop();
      folder.remove();
    },
  };
}

/** Every stored row as the database holds it (spam included), read with the store's own driver. */
export async function rawSubmissionRows(location: TestStore['location']): Promise<{ reference: string; spam: boolean; data: string }[]> {
  if (location.databaseUrl === null) {
    const { DatabaseSync } = await import('node:sqlite');
    const db = new DatabaseSync(join(location.dataDir, 'submissions.sqlite'), { readOnly: true });
    try {
      return (db.prepare('SELECT reference, spam, data FROM submissions ORDER BY id').all() as { reference: string; spam: number; data: string }[]).map((r) => ({
        reference: r.reference,
        spam: r.spam === 1,
        data: r.data,
      }));
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: location.databaseUrl });
  await client.connect();
  try {
    return (await client.query<{ reference: string; spam: boolean; data: string }>('SELECT reference, spam, data FROM submissions ORDER BY id')).rows;
  } finally {
    await client.end();
  }
}

/** The rows of a query as the database holds them (e. g. to check what a table stores), read with the store's own driver. */
export async function rawRows(location: TestStore['location'], sql: string): Promise<Record<string, unknown>[]> {
  if (location.databaseUrl === null) {
    const { DatabaseSync } = await import('node:sqlite');
    const db = new DatabaseSync(join(location.dataDir, 'submissions.sqlite'), { readOnly: true });
    try {
      return db.prepare(sql).all() as Record<string, unknown>[];
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: location.databaseUrl });
  await client.connect();
  try {
    return (await client.query<Record<string, unknown>>(sql)).rows;
  } finally {
    await client.end();
  }
}
