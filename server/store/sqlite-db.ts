/**
 * The SQLite store's SQL, synchronous (node:sqlite): the server runs it in a worker thread
 * (server/store/sqlite-worker.ts) so the event loop never waits for an fsync; `npm run backup` and
 * `npm run migrate-store` use it directly. WAL with synchronous=FULL: a transaction is on disk when
 * its COMMIT returns. DATA_DIR is kept 0700 and the database files 0600 (they hold personal data).
 */
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import { SqliteAccounts } from './sqlite-accounts.ts';
import { sqliteMigrations } from './sqlite-schema.ts';
import { backfillVorgaengeSqlite, SqliteVorgaenge, UPSERT_VORGANG_SQLITE } from './sqlite-vorgaenge.ts';
import { transaction } from './sqlite-transaction.ts';
import type { Authority } from './authority.ts';
import { assignReferences, counterGroups, schemaTooNew, stampBatch, storedData, type DueMail, type FormCount, type TimedSubmission, type NewSubmission, type OutboxStatus, type Page, type StoredSubmission } from './types.ts';

export const SQLITE_FILE = 'submissions.sqlite';

/** Creates DATA_DIR (0700) or narrows an existing one to 0700. */
function prepareDataDir(dataDir: string): void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if ((statSync(dataDir).mode & 0o077) !== 0) chmodSync(dataDir, 0o700);
}

/** Narrows the database file and its WAL/SHM companions to 0600, creating the database file 0600 if missing. */
function restrictFiles(path: string): void {
  if (!existsSync(path)) closeSync(openSync(path, 'a', 0o600));
  for (const file of [path, `${path}-wal`, `${path}-shm`]) {
    if (existsSync(file) && (statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  }
}

export function migrateSqlite(db: DatabaseSync): number {
  const current = Number((db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version);
  const latest = sqliteMigrations.at(-1)?.version ?? 0;
  if (current > latest) throw schemaTooNew(current, latest);
  for (const migration of sqliteMigrations) {
    if (migration.version <= current) continue;
    transaction(db, () => {
      db.exec(migration.sql);
      if (migration.backfill === 'vorgaenge') backfillVorgaengeSqlite(db);
      db.exec(`PRAGMA user_version = ${migration.version}`);
    });
  }
  return latest;
}

/** Opens (and migrates) the database in `dataDir` with the server's settings. */
function openSqliteDatabase(dataDir: string): { db: DatabaseSync; schemaVersion: number } {
  prepareDataDir(dataDir);
  const path = join(dataDir, SQLITE_FILE);
  restrictFiles(path);
  const db = new DatabaseSync(path);
  try {
    db.exec('PRAGMA journal_mode = WAL');
    db.exec('PRAGMA synchronous = FULL');
    db.exec('PRAGMA foreign_keys = ON');
    db.exec('PRAGMA busy_timeout = 5000');
    // Deleted submissions are overwritten with zeros, not just unlinked (retention period).
    db.exec('PRAGMA secure_delete = ON');
    const schemaVersion = migrateSqlite(db);
    restrictFiles(path);
    return { db, schemaVersion };
  } catch (error) {
    db.close();
    throw error;
  }
}

interface SubmissionRow {
  id: number;
  reference: string;
  form: string;
  received_at: string;
  data: string;
}

function toSubmission(row: SubmissionRow): StoredSubmission {
  return { id: Number(row.id), reference: row.reference, form: row.form, receivedAt: row.received_at, data: JSON.parse(row.data) as Record<string, unknown> };
}

const count = (statement: StatementSync, ...params: (string | number)[]): number => Number((statement.get(...params) as { n: number }).n);

function prepareStatements(db: DatabaseSync) {
  const p = (sql: string): StatementSync => db.prepare(sql);
  return {
    nextSequences: p(`INSERT INTO reference_counters (prefix, year, last) VALUES (?, ?, ?)
      ON CONFLICT (prefix, year) DO UPDATE SET last = last + excluded.last RETURNING last`),
    insertSubmission: p('INSERT INTO submissions (reference, form, received_at, data, spam, vorgang_id) VALUES (?, ?, ?, ?, ?, ?) RETURNING id'),
    upsertVorgang: p(UPSERT_VORGANG_SQLITE),
    insertOutbox: p('INSERT INTO outbox (submission_id, next_attempt_at) VALUES (?, ?)'),
    list: p('SELECT id, reference, form, received_at, data FROM submissions WHERE form = ? AND spam = 0 ORDER BY id DESC LIMIT ? OFFSET ?'),
    before: p('SELECT id, reference, form, received_at, data, vorgang_id FROM submissions WHERE form = ? AND spam = 0 AND id < ? ORDER BY id DESC LIMIT ?'),
    count: p('SELECT COUNT(*) AS n FROM submissions WHERE form = ? AND spam = ?'),
    countThrough: p('SELECT COUNT(*) AS n FROM submissions WHERE form = ? AND spam = 0 AND id <= ?'),
    formCounts: p('SELECT form, SUM(spam = 0) AS total, SUM(spam = 1) AS spam FROM submissions GROUP BY form ORDER BY form'),
    claim: p(`UPDATE outbox SET claimed_by = ?, claimed_until = ? WHERE id IN (
      SELECT id FROM outbox WHERE status = 'pending' AND next_attempt_at <= ? AND claimed_until <= ? ORDER BY id LIMIT ?)`),
    claimed: p(`SELECT o.id AS outbox_id, o.attempts, s.id, s.reference, s.form, s.received_at, s.data
      FROM outbox o JOIN submissions s ON s.id = o.submission_id
      WHERE o.status = 'pending' AND o.claimed_by = ? AND o.claimed_until = ? ORDER BY o.id`),
    sent: p(`UPDATE outbox SET status = 'sent', attempts = attempts + 1, sent_at = ?, last_error = NULL, claimed_by = NULL, claimed_until = 0
      WHERE id = ? AND status = 'pending'`),
    failed: p(`UPDATE outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ?, claimed_by = NULL, claimed_until = 0
      WHERE id = ? AND status = 'pending'`),
    outboxStatus: p(`SELECT COUNT(*) AS n, MIN(s.received_at) AS oldest FROM outbox o JOIN submissions s ON s.id = o.submission_id WHERE o.status = 'pending'`),
    purgeSpam: p('DELETE FROM submissions WHERE spam = 1 AND received_at < ?'),
    purgeExpired: p(`DELETE FROM submissions WHERE received_at < ?
      AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.submission_id = submissions.id AND o.status = 'pending')`),
    purgeByVorgang: p(`DELETE FROM submissions WHERE
      ((vorgang_id IS NULL AND received_at < ?) OR vorgang_id IN (SELECT id FROM vorgaenge WHERE ended_at IS NOT NULL AND ended_at < ?))
      AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.submission_id = submissions.id AND o.status = 'pending')`),
    purgeStatusLinks: p(`DELETE FROM status_links WHERE expires_at < ? OR revoked_at < ?
      OR vorgang_id IN (SELECT id FROM vorgaenge WHERE ended_at IS NOT NULL AND ended_at < ?)`),
  };
}

/** A submission as the SQLite worker receives it. */
export interface SubmissionRowInput {
  readonly form: string;
  readonly prefix: string;
  readonly spam: boolean;
  /** Received at, milliseconds since 1970. */
  readonly at: number;
  /** The stored data as JSON. */
  readonly json: string;
  /** The authority whose Vorgang the submission joins, or null. */
  readonly authority: Authority | null;
}

/** The rows the worker is sent for a batch. */
export function toRowInputs(batch: readonly NewSubmission[]): { items: TimedSubmission[]; rows: SubmissionRowInput[] } {
  const items = stampBatch(batch);
  return { items, rows: items.map((item) => ({ form: item.form, prefix: item.prefix, spam: item.spam, at: item.now.getTime(), json: JSON.stringify(storedData(item)), authority: item.spam ? null : (item.authority ?? null) })) };
}

/** Every store operation as a synchronous call on one connection. */
export class SqliteOperations {
  readonly db: DatabaseSync;
  readonly schemaVersion: number;
  /** The staff accounts and sessions, on the same connection. */
  readonly accounts: SqliteAccounts;
  /** The Vorgänge, on the same connection. */
  readonly vorgaenge: SqliteVorgaenge;
  private readonly sql: ReturnType<typeof prepareStatements>;

  constructor(dataDir: string) {
    const { db, schemaVersion } = openSqliteDatabase(dataDir);
    this.db = db;
    this.schemaVersion = schemaVersion;
    this.sql = prepareStatements(db);
    this.accounts = new SqliteAccounts(db);
    this.vorgaenge = new SqliteVorgaenge(db);
  }

  /**
   * Stores a batch (see Store.saveSubmissions). The rows come as the worker receives them: the data
   * already JSON, the time in milliseconds (strings clone cheaply between threads); only the ids and
   * reference numbers go back.
   */
  saveRows(rows: readonly SubmissionRowInput[]): { id: number; reference: string }[] {
    const items = rows.map((row) => ({ ...row, data: {}, now: new Date(row.at) }));
    return transaction(this.db, () => {
      const groups = counterGroups(items);
      const lasts = groups.map((g) => Number((this.sql.nextSequences.get(g.prefix, g.year, g.indexes.length) as { last: number }).last));
      const references = assignReferences(items.length, groups, lasts);
      return rows.map((row, index) => {
        const reference = references[index] as string;
        const receivedAt = new Date(row.at).toISOString();
        const { authority } = row;
        const vorgangId =
          authority === null
            ? null
            : Number((this.sql.upsertVorgang.get(reference, row.form, authority.key, authority.behoerde, authority.ags, receivedAt, receivedAt) as { id: number }).id);
        const { id } = this.sql.insertSubmission.get(reference, row.form, receivedAt, row.json, row.spam ? 1 : 0, vorgangId) as { id: number };
        if (!row.spam) this.sql.insertOutbox.run(id, row.at);
        return { id: Number(id), reference };
      });
    });
  }

  listSubmissions(form: string, page?: Page): StoredSubmission[] {
    return (this.sql.list.all(form, page?.limit ?? -1, page?.offset ?? 0) as unknown as SubmissionRow[]).map(toSubmission);
  }

  submissionsBefore(form: string, beforeId: number | null, limit: number): StoredSubmission[] {
    return (this.sql.before.all(form, beforeId ?? Number.MAX_SAFE_INTEGER, limit) as unknown as (SubmissionRow & { vorgang_id: number | null })[]).map((row) => ({
      ...toSubmission(row),
      vorgangId: row.vorgang_id === null ? null : Number(row.vorgang_id),
    }));
  }

  countSubmissions(form: string, throughId?: number): number {
    return throughId === undefined ? count(this.sql.count, form, 0) : count(this.sql.countThrough, form, throughId);
  }

  countSpam(form: string): number {
    return count(this.sql.count, form, 1);
  }

  formCounts(): FormCount[] {
    return (this.sql.formCounts.all() as { form: string; total: number; spam: number }[]).map(({ form, total, spam }) => ({ form, total, spam }));
  }

  claimDueMails(owner: string, now: number, leaseMs: number, limit: number): DueMail[] {
    const until = now + leaseMs;
    return transaction(this.db, () => {
      this.sql.claim.run(owner, until, now, now, limit);
      const rows = this.sql.claimed.all(owner, until) as unknown as (SubmissionRow & { outbox_id: number; attempts: number })[];
      return rows.map((row) => ({ outboxId: Number(row.outbox_id), attempts: Number(row.attempts), submission: toSubmission(row) }));
    });
  }

  markSent(outboxIds: readonly number[], now: Date): void {
    transaction(this.db, () => {
      for (const id of outboxIds) this.sql.sent.run(now.toISOString(), id);
    });
  }

  markFailed(outboxId: number, error: string, nextAttemptAt: number): void {
    this.sql.failed.run(error.slice(0, 500), nextAttemptAt, outboxId);
  }

  outboxStatus(): OutboxStatus {
    const row = this.sql.outboxStatus.get() as { n: number; oldest: string | null };
    return { pending: Number(row.n), oldestPendingAt: row.oldest };
  }

  /** After a delete, the write-ahead log is emptied, so nothing deleted lingers in old log frames. */
  private purge(statement: StatementSync, before: Date, times = 1): number {
    const deleted = Number(statement.run(...Array.from({ length: times }, () => before.toISOString())).changes);
    if (deleted > 0) this.db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    return deleted;
  }

  purgeSpam(before: Date): number {
    return this.purge(this.sql.purgeSpam, before);
  }

  purgeExpired(before: Date, byVorgang = false): number {
    if (!byVorgang) return this.purge(this.sql.purgeExpired, before);
    // A purged Vorgang's status links go with its submissions (and links long expired or revoked).
    this.sql.purgeStatusLinks.run(before.toISOString(), before.toISOString(), before.toISOString());
    return this.purge(this.sql.purgeByVorgang, before, 2);
  }

  probeWrite(): void {
    transaction(this.db, () => this.db.exec(`PRAGMA user_version = ${this.schemaVersion}`));
  }

  close(): void {
    if (this.db.isOpen) this.db.close();
  }
}
