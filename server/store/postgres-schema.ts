/**
 * The PostgreSQL store's migrations, recorded in kv_schema_migrations and applied under an advisory
 * lock, so several instances starting at once migrate once. A released migration is never edited;
 * a change is a new version. The tables live in the connection's search_path (DATABASE_URL may
 * set one with `?options=-c%20search_path%3D<schema>`).
 */
import type { SchemaMigration } from './types.ts';

export const postgresMigrations: readonly SchemaMigration[] = [
  {
    version: 1,
    description: 'submissions, reference counters and mail outbox with leases',
    sql: `
      CREATE TABLE submissions (
        id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        reference TEXT NOT NULL UNIQUE,
        form TEXT NOT NULL,
        received_at TIMESTAMPTZ NOT NULL,
        -- JSON as text: kept byte for byte, and any string a form accepts can be stored.
        data TEXT NOT NULL,
        spam BOOLEAN NOT NULL DEFAULT FALSE
      );
      CREATE INDEX submissions_by_form ON submissions (form, spam, id);
      CREATE INDEX submissions_by_received_at ON submissions (received_at);
      CREATE TABLE reference_counters (
        prefix TEXT NOT NULL,
        year INTEGER NOT NULL,
        last INTEGER NOT NULL,
        PRIMARY KEY (prefix, year)
      );
      CREATE TABLE outbox (
        id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        submission_id BIGINT NOT NULL UNIQUE REFERENCES submissions (id) ON DELETE CASCADE,
        status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent')),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at BIGINT NOT NULL,
        claimed_by TEXT,
        claimed_until BIGINT NOT NULL DEFAULT 0,
        last_error TEXT,
        sent_at TIMESTAMPTZ
      );
      CREATE INDEX outbox_due ON outbox (next_attempt_at, id) WHERE status = 'pending';
    `,
  },
  {
    version: 2,
    description: 'named staff accounts (scrypt hashes) and their sessions (SHA-256 of the token)',
    sql: `
      CREATE TABLE accounts (
        name TEXT PRIMARY KEY,
        password_hash TEXT NOT NULL,
        created_at TIMESTAMPTZ NOT NULL
      );
      CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY,
        account TEXT NOT NULL,
        created_at BIGINT NOT NULL,
        last_seen_at BIGINT NOT NULL
      );
      CREATE INDEX sessions_by_account ON sessions (account);
    `,
  },
  {
    version: 3,
    description: 'Vorgänge: one per (interest form, authority), with every submission of that authority, their rollout step and its history',
    sql: `
      CREATE TABLE vorgaenge (
        id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        number TEXT NOT NULL UNIQUE,
        form TEXT NOT NULL,
        authority_key TEXT NOT NULL,
        behoerde TEXT NOT NULL,
        ags TEXT,
        opened_at TIMESTAMPTZ NOT NULL,
        last_received_at TIMESTAMPTZ NOT NULL,
        -- The rollout step reached (id and title then); NULL: the offer's first step.
        step_id TEXT,
        step_title TEXT,
        -- When a step that ends the Vorgang was reached (retention counts from here); NULL: open.
        ended_at TIMESTAMPTZ,
        UNIQUE (form, authority_key)
      );
      ALTER TABLE submissions ADD COLUMN vorgang_id BIGINT REFERENCES vorgaenge (id);
      CREATE INDEX submissions_by_vorgang ON submissions (vorgang_id, id);
      CREATE TABLE vorgang_history (
        id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        vorgang_id BIGINT NOT NULL REFERENCES vorgaenge (id) ON DELETE CASCADE,
        at TIMESTAMPTZ NOT NULL,
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
    version: 4,
    description: "status links of Vorgänge (the authority's status page): SHA-256 of the token only, expiry, revocation",
    sql: `
      CREATE TABLE status_links (
        id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        vorgang_id BIGINT NOT NULL REFERENCES vorgaenge (id) ON DELETE CASCADE,
        -- SHA-256 of the token (base64url); the token itself is shown once and never stored.
        token_hash TEXT NOT NULL UNIQUE,
        created_at TIMESTAMPTZ NOT NULL,
        expires_at TIMESTAMPTZ NOT NULL,
        revoked_at TIMESTAMPTZ
      );
      CREATE INDEX status_links_by_vorgang ON status_links (vorgang_id, id);
    `,
  },
];

/** Creates the bookkeeping table, takes the lock and applies what is missing; one statement each. */
export const postgresMigrationSql = {
  lock: "SELECT pg_advisory_xact_lock(hashtext('kommunalvertreter-migrations'))",
  table: `CREATE TABLE IF NOT EXISTS kv_schema_migrations (
    version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`,
  current: 'SELECT COALESCE(MAX(version), 0) AS version FROM kv_schema_migrations',
  record: 'INSERT INTO kv_schema_migrations (version, description) VALUES ($1, $2)',
} as const;
