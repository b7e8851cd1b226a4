/**
 * Durable storage in SQLite (node:sqlite, no native addon): submissions, their reference numbers
 * and the mail outbox. WAL with synchronous=FULL: once `saveSubmission` returns, the submission
 * and its pending mail are on disk, and only then does the server answer "success".
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';

/** One schema change. Versions only grow; a released migration is never edited. */
interface Migration {
  readonly version: number;
  readonly description: string;
  readonly sql: string;
}

export const migrations: readonly Migration[] = [
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
];

export interface StoredSubmission {
  readonly id: number;
  readonly reference: string;
  readonly form: string;
  readonly receivedAt: string;
  readonly data: Record<string, unknown>;
}

export interface DueMail {
  readonly outboxId: number;
  readonly attempts: number;
  readonly submission: StoredSubmission;
}

interface SubmissionRow {
  id: number;
  reference: string;
  form: string;
  received_at: string;
  data: string;
}

function toSubmission(row: SubmissionRow): StoredSubmission {
  return {
    id: Number(row.id),
    reference: row.reference,
    form: row.form,
    receivedAt: row.received_at,
    data: JSON.parse(row.data) as Record<string, unknown>,
  };
}

/** The year of a moment in Germany, for reference numbers. */
const berlinYearFormat = new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', year: 'numeric' });

function berlinYear(date: Date): number {
  return Number(berlinYearFormat.format(date));
}

export function formatReference(prefix: string, year: number, sequence: number): string {
  return `${prefix}-${year}-${String(sequence).padStart(6, '0')}`;
}

export interface Store {
  /** Stores a submission and, unless it is spam, its pending notification — in one transaction. */
  saveSubmission(input: { form: string; prefix: string; data: Record<string, unknown>; spam: boolean; now?: Date }): StoredSubmission;
  /** Submissions of a form, newest first, without spam. */
  listSubmissions(form: string): StoredSubmission[];
  countSpam(form: string): number;
  dueMails(now: number, limit: number): DueMail[];
  markSent(outboxId: number, now: Date): void;
  markFailed(outboxId: number, error: string, nextAttemptAt: number): void;
  pendingMailCount(): number;
  /** Deletes spam older than the given date; returns how many. */
  purgeSpam(before: Date): number;
  /**
   * Deletes submissions older than the given date whose mail has been sent (retention period of
   * the Datenschutzerklärung); a mail still waiting keeps its submission. Returns how many.
   */
  purgeExpired(before: Date): number;
  /** Simple liveness check. */
  ping(): boolean;
  /**
   * Commits a write that changes nothing (the schema version, set to itself), so a full disk or a
   * read-only file shows up; throws when the database cannot be written.
   */
  probeWrite(): void;
  /**
   * Copies the write-ahead log into the database and empties it, so that nothing deleted
   * lingers in old log frames (after a purge).
   */
  truncateLog(): void;
  close(): void;
  readonly schemaVersion: number;
}

function transaction<T>(db: DatabaseSync, work: () => T): T {
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = work();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}

export function migrate(db: DatabaseSync): number {
  const current = Number((db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version);
  const latest = migrations.at(-1)?.version ?? 0;
  if (current > latest) {
    throw Object.assign(new Error(`Die Datenbank hat Schema-Version ${current}, dieser Server kennt nur bis ${latest}. Aktualisieren Sie den Server.`), {
      code: 'SCHEMA_TOO_NEW',
    });
  }
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    transaction(db, () => {
      db.exec(migration.sql);
      db.exec(`PRAGMA user_version = ${migration.version}`);
    });
  }
  return latest;
}

export function openStore(dataDir: string): Store {
  mkdirSync(dataDir, { recursive: true });
  const db = new DatabaseSync(join(dataDir, 'submissions.sqlite'));
  db.exec('PRAGMA journal_mode = WAL');
  db.exec('PRAGMA synchronous = FULL');
  db.exec('PRAGMA foreign_keys = ON');
  db.exec('PRAGMA busy_timeout = 5000');
  // Deleted submissions are overwritten with zeros, not just unlinked (retention period).
  db.exec('PRAGMA secure_delete = ON');
  const schemaVersion = migrate(db);

  const nextSequence = db.prepare(
    `INSERT INTO reference_counters (prefix, year, last) VALUES (?, ?, 1)
     ON CONFLICT (prefix, year) DO UPDATE SET last = last + 1 RETURNING last`,
  );
  const insertSubmission = db.prepare(
    'INSERT INTO submissions (reference, form, received_at, data, spam) VALUES (?, ?, ?, ?, ?) RETURNING id',
  );
  const insertOutbox = db.prepare('INSERT INTO outbox (submission_id, next_attempt_at) VALUES (?, ?)');
  const selectByForm = db.prepare(
    'SELECT id, reference, form, received_at, data FROM submissions WHERE form = ? AND spam = 0 ORDER BY id DESC',
  );
  const selectSpamCount = db.prepare('SELECT COUNT(*) AS n FROM submissions WHERE form = ? AND spam = 1');
  const selectDue = db.prepare(
    `SELECT o.id AS outbox_id, o.attempts, s.id, s.reference, s.form, s.received_at, s.data
     FROM outbox o JOIN submissions s ON s.id = o.submission_id
     WHERE o.status = 'pending' AND o.next_attempt_at <= ? ORDER BY o.id LIMIT ?`,
  );
  const updateSent = db.prepare(
    "UPDATE outbox SET status = 'sent', attempts = attempts + 1, sent_at = ?, last_error = NULL WHERE id = ? AND status = 'pending'",
  );
  const updateFailed = db.prepare(
    "UPDATE outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE id = ? AND status = 'pending'",
  );
  const selectPending = db.prepare("SELECT COUNT(*) AS n FROM outbox WHERE status = 'pending'");
  const deleteSpam = db.prepare('DELETE FROM submissions WHERE spam = 1 AND received_at < ?');
  const deleteExpired = db.prepare(
    `DELETE FROM submissions WHERE received_at < ?
     AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.submission_id = submissions.id AND o.status = 'pending')`,
  );

  return {
    schemaVersion,
    saveSubmission({ form, prefix, data, spam, now = new Date() }) {
      return transaction(db, () => {
        const year = berlinYear(now);
        const { last } = nextSequence.get(prefix, year) as { last: number };
        const reference = formatReference(prefix, year, Number(last));
        const receivedAt = now.toISOString();
        const { id } = insertSubmission.get(reference, form, receivedAt, JSON.stringify(data), spam ? 1 : 0) as { id: number };
        if (!spam) insertOutbox.run(id, now.getTime());
        return { id: Number(id), reference, form, receivedAt, data };
      });
    },
    listSubmissions(form) {
      return (selectByForm.all(form) as unknown as SubmissionRow[]).map(toSubmission);
    },
    countSpam(form) {
      return Number((selectSpamCount.get(form) as { n: number }).n);
    },
    dueMails(now, limit) {
      const rows = selectDue.all(now, limit) as unknown as (SubmissionRow & { outbox_id: number; attempts: number })[];
      return rows.map((row) => ({ outboxId: Number(row.outbox_id), attempts: Number(row.attempts), submission: toSubmission(row) }));
    },
    markSent(outboxId, now) {
      updateSent.run(now.toISOString(), outboxId);
    },
    markFailed(outboxId, error, nextAttemptAt) {
      updateFailed.run(error.slice(0, 500), nextAttemptAt, outboxId);
    },
    pendingMailCount() {
      return Number((selectPending.get() as { n: number }).n);
    },
    purgeSpam(before) {
      return Number(deleteSpam.run(before.toISOString()).changes);
    },
    purgeExpired(before) {
      return Number(deleteExpired.run(before.toISOString()).changes);
    },
    ping() {
      return (db.prepare('SELECT 1 AS ok').get() as { ok: number }).ok === 1;
    },
    probeWrite() {
      transaction(db, () => db.exec(`PRAGMA user_version = ${schemaVersion}`));
    },
    truncateLog() {
      db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    },
    close() {
      if (db.isOpen) db.close();
    },
  };
}

/** The database cannot be opened or written (disk full, DATA_DIR missing or unusable, broken file). */
export class StorageUnavailable extends Error {
  /** A short reason without personal data, e. g. "ENOTDIR" or "SQLITE 778". */
  readonly reason: string;
  constructor(reason: string, cause: unknown) {
    super(`Speicher nicht verfügbar (${reason})`, { cause });
    this.name = 'StorageUnavailable';
    this.reason = reason;
  }
}

/** An error's code as a short text: no message, so no SQL and no submitted values. */
export function storageErrorReason(error: unknown): string {
  const e = (error ?? {}) as { code?: unknown; errcode?: unknown };
  const parts = [e.code, e.errcode].filter((p) => typeof p === 'string' || typeof p === 'number');
  return parts.length > 0 ? parts.join(' ') : 'UNKNOWN';
}

export interface StorageHealth {
  readonly ok: boolean;
  /** Why not, without personal data. */
  readonly reason?: string;
}

/** A store that survives storage failures: see `openResilientStore`. */
export interface ResilientStore extends Store {
  /** Opens the database if needed and writes to it; the answer of /healthz. */
  health(): StorageHealth;
}

/**
 * The store the server uses. It opens the database on first use, not at start, so the server
 * starts (and serves the site) even when DATA_DIR is unusable. Any failing operation throws
 * StorageUnavailable and closes the connection; the next operation opens it again, which is what
 * SQLite needs to recover from an I/O error (e. g. after a full disk has space again).
 */
export function openResilientStore(dataDir: string): ResilientStore {
  let current: Store | null = null;
  let lastVersion = 0;

  function fail(error: unknown): never {
    if (error instanceof StorageUnavailable) throw error;
    try {
      current?.close();
    } catch {
      // the connection is broken anyway
    }
    current = null;
    throw new StorageUnavailable(storageErrorReason(error), error);
  }

  function use<T>(work: (store: Store) => T): T {
    try {
      if (current === null) {
        current = openStore(dataDir);
        lastVersion = current.schemaVersion;
      }
      return work(current);
    } catch (error) {
      return fail(error);
    }
  }

  return {
    get schemaVersion() {
      return lastVersion;
    },
    saveSubmission: (input) => use((s) => s.saveSubmission(input)),
    listSubmissions: (form) => use((s) => s.listSubmissions(form)),
    countSpam: (form) => use((s) => s.countSpam(form)),
    dueMails: (now, limit) => use((s) => s.dueMails(now, limit)),
    markSent: (outboxId, now) => use((s) => s.markSent(outboxId, now)),
    markFailed: (outboxId, error, nextAttemptAt) => use((s) => s.markFailed(outboxId, error, nextAttemptAt)),
    pendingMailCount: () => use((s) => s.pendingMailCount()),
    purgeSpam: (before) => use((s) => s.purgeSpam(before)),
    purgeExpired: (before) => use((s) => s.purgeExpired(before)),
    ping: () => use((s) => s.ping()),
    health() {
      try {
        use((s) => s.probeWrite());
        return { ok: true };
      } catch (error) {
        return { ok: false, reason: error instanceof StorageUnavailable ? error.reason : 'UNKNOWN' };
      }
    },
    probeWrite: () => use((s) => s.probeWrite()),
    truncateLog: () => use((s) => s.truncateLog()),
    close() {
      current?.close();
      current = null;
    },
  };
}
