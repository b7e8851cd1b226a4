/**
 * The SQLite store's migrations, applied in order and recorded in PRAGMA user_version. A released
 * migration is never edited; a change is a new version.
 */
import type { SchemaMigration } from './types.ts';

export const sqliteMigrations: readonly SchemaMigration[] = [
  {
    version: 1,
    description: 'submissions, reference counters and mail outbox',
    sql: `
      CREATE TABLE submissions (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        reference TEXT NOT NULL UNIQUE,
        form TEXT NOT NULL,
        received_at TEXT NOT NULL,
        data TEXT NOT NULL,
        spam INTEGER NOT NULL DEFAULT 0 CHECK (spam IN (0, 1))
      );
      CREATE INDEX submissions_by_form ON submissions (form, spam, id);
      CREATE TABLE reference_counters (
        prefix TEXT NOT NULL,
        year INTEGER NOT NULL,
        last INTEGER NOT NULL,
        PRIMARY KEY (prefix, year)
      );
      CREATE TABLE outbox (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        submission_id INTEGER NOT NULL UNIQUE REFERENCES submissions (id) ON DELETE CASCADE,
        status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent')),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at INTEGER NOT NULL,
        last_error TEXT,
        sent_at TEXT
      );
      CREATE INDEX outbox_due ON outbox (status, next_attempt_at);
    `,
  },
  {
    version: 2,
    description: 'outbox leases (several processes on one file); honeypot catches keep no data',
    sql: `
      ALTER TABLE outbox ADD COLUMN claimed_by TEXT;
      ALTER TABLE outbox ADD COLUMN claimed_until INTEGER NOT NULL DEFAULT 0;
      UPDATE submissions SET data = '{}' WHERE spam = 1;
    `,
  },
  {
    version: 3,
    description: 'named staff accounts (scrypt hashes) and their sessions (SHA-256 of the token)',
    sql: `
      CREATE TABLE accounts (
        name TEXT PRIMARY KEY,
        password_hash TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY,
        account TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        last_seen_at INTEGER NOT NULL
      );
      CREATE INDEX sessions_by_account ON sessions (account);
    `,
  },
  {
    version: 4,
    description: 'Vorgänge: one per (interest form, authority), with every submission of that authority, their rollout step and its history',
    sql: `
      CREATE TABLE vorgaenge (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        number TEXT NOT NULL UNIQUE,
        form TEXT NOT NULL,
        authority_key TEXT NOT NULL,
        behoerde TEXT NOT NULL,
        ags TEXT,
        opened_at TEXT NOT NULL,
        last_received_at TEXT NOT NULL,
        -- The rollout step reached (id and title then); NULL: the offer's first step.
        step_id TEXT,
        step_title TEXT,
        -- When a step that ends the Vorgang was reached (retention counts from here); NULL: open.
        ended_at TEXT,
        UNIQUE (form, authority_key)
      );
      ALTER TABLE submissions ADD COLUMN vorgang_id INTEGER REFERENCES vorgaenge (id);
      CREATE INDEX submissions_by_vorgang ON submissions (vorgang_id, id);
      CREATE TABLE vorgang_history (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        vorgang_id INTEGER NOT NULL REFERENCES vorgaenge (id) ON DELETE CASCADE,
        at TEXT NOT NULL,
        account TEXT NOT NULL,
        from_step TEXT,
        from_title TEXT,
        to_step TEXT NOT NULL,
        to_title TEXT NOT NULL,
        -- What staff entered, as JSON: [{ id, titel, art, wert }].
        angaben TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT ''
      );
      CREATE INDEX vorgang_history_by_vorgang ON vorgang_history (vorgang_id, id);
    `,
    backfill: 'vorgaenge',
  },
  {
    version: 5,
    description: "status links of Vorgänge (the authority's status page): SHA-256 of the token only, expiry, revocation",
    sql: `
      CREATE TABLE status_links (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        vorgang_id INTEGER NOT NULL REFERENCES vorgaenge (id) ON DELETE CASCADE,
        -- SHA-256 of the token (base64url); the token itself is shown once and never stored.
        token_hash TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        revoked_at TEXT
      );
      CREATE INDEX status_links_by_vorgang ON status_links (vorgang_id, id);
    `,
  },
];
