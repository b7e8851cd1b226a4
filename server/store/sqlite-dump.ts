/**
 * The SQLite store's contents as one dump, for `npm run migrate-store` (SQLite → PostgreSQL):
 * submissions, outbox entries, reference counters, staff accounts and Vorgänge (with their history and status links), read in one transaction.
 */
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { migrateSqlite, SQLITE_FILE } from './sqlite-db.ts';
import { toVorgangChange, type HistoryRow, type StoreDump } from './types.ts';

/** Everything in the store in `dataDir`, read in one transaction (a consistent snapshot). */
export function dumpSqliteStore(dataDir: string): StoreDump {
  const db = new DatabaseSync(join(dataDir, SQLITE_FILE));
  try {
    db.exec('PRAGMA busy_timeout = 10000');
    migrateSqlite(db);
    return dumpSqlite(db);
  } finally {
    db.close();
  }
}

function dumpSqlite(db: DatabaseSync): StoreDump {
  db.exec('BEGIN');
  try {
    const submissions = (db.prepare('SELECT reference, form, received_at, data, spam FROM submissions ORDER BY id').all() as unknown as {
      reference: string; form: string; received_at: string; data: string; spam: number;
    }[]).map((r) => ({ reference: r.reference, form: r.form, receivedAt: r.received_at, data: r.data, spam: r.spam === 1 }));
    const outbox = (db.prepare(`SELECT s.reference, o.status, o.attempts, o.next_attempt_at, o.last_error, o.sent_at
      FROM outbox o JOIN submissions s ON s.id = o.submission_id ORDER BY o.id`).all() as unknown as {
      reference: string; status: 'pending' | 'sent'; attempts: number; next_attempt_at: number; last_error: string | null; sent_at: string | null;
    }[]).map((r) => ({ reference: r.reference, status: r.status, attempts: Number(r.attempts), nextAttemptAt: Number(r.next_attempt_at), lastError: r.last_error, sentAt: r.sent_at }));
    const counters = (db.prepare('SELECT prefix, year, last FROM reference_counters').all() as unknown as { prefix: string; year: number; last: number }[]).map((r) => ({
      prefix: r.prefix, year: Number(r.year), last: Number(r.last),
    }));
    const accounts = (db.prepare('SELECT name, password_hash, created_at FROM accounts ORDER BY name').all() as unknown as {
      name: string; password_hash: string; created_at: string;
    }[]).map((r) => ({ name: r.name, passwordHash: r.password_hash, createdAt: r.created_at }));
    const history = db.prepare('SELECT at, account, from_step, from_title, to_step, to_title, angaben, note FROM vorgang_history WHERE vorgang_id = ? ORDER BY id');
    const links = db.prepare('SELECT token_hash, created_at, expires_at, revoked_at FROM status_links WHERE vorgang_id = ? ORDER BY id');
    const vorgaenge = (db.prepare(`SELECT v.id, v.number, v.form, v.authority_key, v.behoerde, v.ags, v.opened_at, v.last_received_at, v.step_id, v.step_title, v.ended_at,
      (SELECT json_group_array(s.reference) FROM (SELECT reference FROM submissions WHERE vorgang_id = v.id ORDER BY id) s) AS refs
      FROM vorgaenge v ORDER BY v.id`).all() as unknown as {
      id: number; number: string; form: string; authority_key: string; behoerde: string; ags: string | null; opened_at: string; last_received_at: string;
      step_id: string | null; step_title: string | null; ended_at: string | null; refs: string;
    }[]).map((r) => ({
      number: r.number, form: r.form, authorityKey: r.authority_key, behoerde: r.behoerde, ags: r.ags, openedAt: r.opened_at, lastReceivedAt: r.last_received_at,
      stepId: r.step_id, stepTitle: r.step_title, endedAt: r.ended_at,
      references: JSON.parse(r.refs) as string[],
      history: (history.all(r.id) as unknown as HistoryRow[]).map(toVorgangChange),
      statusLinks: (links.all(r.id) as unknown as { token_hash: string; created_at: string; expires_at: string; revoked_at: string | null }[]).map((l) => ({
        tokenHash: l.token_hash, createdAt: l.created_at, expiresAt: l.expires_at, revokedAt: l.revoked_at,
      })),
    }));
    return { submissions, outbox, counters, accounts, vorgaenge };
  } finally {
    db.exec('COMMIT');
  }
}
