/**
 * The PostgreSQL store (DATABASE_URL=postgres://…), for several instances on one database. Every
 * session runs with synchronous_commit on, so a COMMIT returns once it is durable. Reference
 * counters are rows locked by the transaction that raises them: unique and gap-free across
 * instances. Mails are claimed with FOR UPDATE SKIP LOCKED and a lease. Migrations run on first
 * use; until the server is reachable every operation fails (and is retried with the next one).
 */
import pg from 'pg';
import { postgresAccounts } from './postgres-accounts.ts';
import { postgresMigrations, postgresMigrationSql } from './postgres-schema.ts';
import { saveBatch } from './postgres-save.ts';
import { backfillVorgaengePostgres, postgresVorgaenge } from './postgres-vorgaenge.ts';
import { schemaTooNew, stampBatch, storedData, storedSubmissions, type DueMail, type Store, type StoredSubmission } from './types.ts';

interface SubmissionRow {
  id: string;
  reference: string;
  form: string;
  received_at: Date;
  data: string;
}

function toSubmission(row: SubmissionRow): StoredSubmission {
  return { id: Number(row.id), reference: row.reference, form: row.form, receivedAt: row.received_at.toISOString(), data: JSON.parse(row.data) as Record<string, unknown> };
}

/** Runs `work` in one transaction on one pooled connection; a broken connection is discarded. */
async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  // A connection lost while checked out emits 'error' on the client (unhandled, it would end the process).
  const lost = (error: Error): void => {
    broken = error;
  };
  client.on('error', lost);
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    broken = error as Error;
    await client.query('ROLLBACK').then(
      () => (broken = undefined),
      () => undefined,
    );
    throw error;
  } finally {
    client.off('error', lost);
    client.release(broken);
  }
}

export interface PostgresStoreOptions {
  /** Connections per instance (default 10). */
  readonly poolSize?: number;
}

export function openPostgresStore(url: string, options: PostgresStoreOptions = {}): Store {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: 5_000,
    query_timeout: 15_000,
    idleTimeoutMillis: 30_000,
    // Awaited before the pool hands the new connection out: the setting never runs beside the
    // caller's first query (a 'connect' listener did, pg's "already executing a query" warning).
    onConnect: async (client) => {
      await client.query('SET synchronous_commit TO on');
    },
  });
  // An idle connection lost (server restarted) is dropped by the pool; the next query opens a new one.
  pool.on('error', () => undefined);

  let migrated: Promise<number> | null = null;
  function ready(): Promise<number> {
    migrated ??= inTransaction(pool, async (client) => {
      await client.query(postgresMigrationSql.lock);
      await client.query(postgresMigrationSql.table);
      const current = Number((await client.query<{ version: number }>(postgresMigrationSql.current)).rows[0]?.version ?? 0);
      const latest = postgresMigrations.at(-1)?.version ?? 0;
      if (current > latest) throw schemaTooNew(current, latest);
      for (const migration of postgresMigrations) {
        if (migration.version <= current) continue;
        await client.query(migration.sql);
        if (migration.backfill === 'vorgaenge') await backfillVorgaengePostgres(client);
        await client.query(postgresMigrationSql.record, [migration.version, migration.description]);
      }
      return latest;
    }).catch((error: unknown) => {
      migrated = null;
      throw error;
    });
    return migrated;
  }

  async function query<R extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<pg.QueryResult<R>> {
    await ready();
    return pool.query<R>(sql, params);
  }

  const count = async (sql: string, form: string): Promise<number> => Number((await query<{ n: string }>(sql, [form])).rows[0]?.n ?? 0);
  const purged = async (sql: string, before: Date): Promise<number> => (await query(sql, [before.toISOString()])).rowCount ?? 0;

  return {
    kind: 'postgres',
    schemaVersion: ready,
    async saveSubmissions(batch) {
      await ready();
      const items = stampBatch(batch);
      const data = items.map((item) => storedData(item));
      return storedSubmissions(items, await saveBatch(pool, items, data));
    },
    async listSubmissions(form, page) {
      const { rows } = await query<SubmissionRow>(
        'SELECT id, reference, form, received_at, data FROM submissions WHERE form = $1 AND NOT spam ORDER BY id DESC LIMIT $2 OFFSET $3',
        [form, page?.limit ?? null, page?.offset ?? 0],
      );
      return rows.map(toSubmission);
    },
    async submissionsBefore(form, beforeId, limit) {
      const { rows } = await query<SubmissionRow & { vorgang_id: string | null }>(
        'SELECT id, reference, form, received_at, data, vorgang_id FROM submissions WHERE form = $1 AND NOT spam AND id < $2 ORDER BY id DESC LIMIT $3',
        [form, beforeId ?? Number.MAX_SAFE_INTEGER, limit],
      );
      return rows.map((row) => ({ ...toSubmission(row), vorgangId: row.vorgang_id === null ? null : Number(row.vorgang_id) }));
    },
    async countSubmissions(form, throughId) {
      if (throughId === undefined) return count('SELECT COUNT(*) AS n FROM submissions WHERE form = $1 AND NOT spam', form);
      return Number((await query<{ n: string }>('SELECT COUNT(*) AS n FROM submissions WHERE form = $1 AND NOT spam AND id <= $2', [form, throughId])).rows[0]?.n ?? 0);
    },
    countSpam: (form) => count('SELECT COUNT(*) AS n FROM submissions WHERE form = $1 AND spam', form),
    async formCounts() {
      const { rows } = await query<{ form: string; total: number; spam: number }>(
        'SELECT form, COUNT(*) FILTER (WHERE NOT spam)::int AS total, COUNT(*) FILTER (WHERE spam)::int AS spam FROM submissions GROUP BY form ORDER BY form',
        [],
      );
      return rows.map(({ form, total, spam }) => ({ form, total, spam }));
    },
    async claimDueMails(owner, now, leaseMs, limit): Promise<DueMail[]> {
      const { rows } = await query<SubmissionRow & { outbox_id: string; attempts: number }>(
        `WITH due AS (
           SELECT id FROM outbox WHERE status = 'pending' AND next_attempt_at <= $3 AND claimed_until <= $3
           ORDER BY id LIMIT $4 FOR UPDATE SKIP LOCKED
         ), claimed AS (
           UPDATE outbox o SET claimed_by = $1, claimed_until = $2 FROM due WHERE o.id = due.id
           RETURNING o.id, o.attempts, o.submission_id
         )
         SELECT c.id AS outbox_id, c.attempts, s.id, s.reference, s.form, s.received_at, s.data
         FROM claimed c JOIN submissions s ON s.id = c.submission_id ORDER BY c.id`,
        [owner, now + leaseMs, now, limit],
      );
      return rows.map((row) => ({ outboxId: Number(row.outbox_id), attempts: Number(row.attempts), submission: toSubmission(row) }));
    },
    async markSent(outboxIds, now) {
      if (outboxIds.length === 0) return;
      await query(
        `UPDATE outbox SET status = 'sent', attempts = attempts + 1, sent_at = $1, last_error = NULL, claimed_by = NULL, claimed_until = 0
         WHERE id = ANY($2::bigint[]) AND status = 'pending'`,
        [now.toISOString(), outboxIds],
      );
    },
    async markFailed(outboxId, error, nextAttemptAt) {
      await query(
        `UPDATE outbox SET attempts = attempts + 1, last_error = $1, next_attempt_at = $2, claimed_by = NULL, claimed_until = 0
         WHERE id = $3 AND status = 'pending'`,
        [error.slice(0, 500), nextAttemptAt, outboxId],
      );
    },
    async outboxStatus() {
      const { rows } = await query<{ n: string; oldest: Date | null }>(
        "SELECT COUNT(*) AS n, MIN(s.received_at) AS oldest FROM outbox o JOIN submissions s ON s.id = o.submission_id WHERE o.status = 'pending'",
      );
      return { pending: Number(rows[0]?.n ?? 0), oldestPendingAt: rows[0]?.oldest?.toISOString() ?? null };
    },
    purgeSpam: (before) => purged('DELETE FROM submissions WHERE spam AND received_at < $1', before),
    purgeExpired: async (before, byVorgang = false) => {
      // A purged Vorgang's status links go with its submissions (and links long expired or revoked).
      if (byVorgang) {
        await query(
          'DELETE FROM status_links WHERE expires_at < $1 OR revoked_at < $1 OR vorgang_id IN (SELECT id FROM vorgaenge WHERE ended_at IS NOT NULL AND ended_at < $1)',
          [before.toISOString()],
        );
      }
      return purged(
        byVorgang
          ? `DELETE FROM submissions WHERE
             ((vorgang_id IS NULL AND received_at < $1) OR vorgang_id IN (SELECT id FROM vorgaenge WHERE ended_at IS NOT NULL AND ended_at < $1))
             AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.submission_id = submissions.id AND o.status = 'pending')`
          : `DELETE FROM submissions WHERE received_at < $1
             AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.submission_id = submissions.id AND o.status = 'pending')`,
        before,
      );
    },
    async probeWrite() {
      // A transaction id makes the COMMIT write (and flush) a commit record: fails on a
      // read-only server or a full disk, changes no table.
      await query('SELECT txid_current()');
    },
    ...postgresAccounts(query),
    ...postgresVorgaenge(query),
    async close() {
      if (!pool.ended && !pool.ending) await pool.end();
    },
  };
}
