/**
 * Which store the server uses: PostgreSQL when DATABASE_URL is set, else SQLite in DATA_DIR.
 */
import { openPostgresStore } from './postgres.ts';
import { openResilientStore, type ResilientOptions, type ResilientStore } from './resilient.ts';
import { openSqliteStore } from './sqlite.ts';
import type { Store } from './types.ts';

export interface StoreLocation {
  readonly dataDir: string;
  /** postgres://… or null for SQLite. */
  readonly databaseUrl: string | null;
}

export function openStore(location: StoreLocation): Store {
  return location.databaseUrl === null ? openSqliteStore(location.dataDir) : openPostgresStore(location.databaseUrl);
}

/** The server's store: opened on first use, so the site is served even when storage is not. */
export function openServerStore(location: StoreLocation, options: ResilientOptions = {}): ResilientStore {
  return openResilientStore(() => openStore(location), options);
}

export { StorageUnavailable, storageErrorReason, formatReference } from './types.ts';
export type { DueMail, NewSubmission, OutboxStatus, Store, StoredAccount, StoredSession, StoredSubmission, StoredVorgang, VorgangChange, VorgangMove, StatusLink, RecordedChange, NewStatusLink } from './types.ts';
export type { ResilientStore, StorageHealth } from './resilient.ts';
