/**
 * Copies a store dump (from SQLite: submissions, mails, counters, staff accounts, Vorgänge with their history and status links) into PostgreSQL in one transaction, for `npm run
 * migrate-store`. Safe to run twice: what is already there (same reference number, form and time)
 * is left alone, counters only grow. A reference number that exists with other data stops the
 * copy (the target was used on its own).
 */
import pg from 'pg';
import { historyParams, type StoreDump } from './types.ts';

export interface ImportResult {
  readonly submissionsAdded: number;
  readonly mailsAdded: number;
  readonly accountsAdded: number;
  readonly vorgaengeAdded: number;
}

export interface TargetCounts {
  /** Of the dump's submissions, how many the target holds. */
  readonly submissions: number;
  /** Of the dump's outbox entries, how many the target holds, and how many of those wait. */
  readonly mails: number;
  readonly pending: number;
  /** Counters in the target lower than in the dump. */
  readonly countersBehind: number;
  /** Of the dump's staff accounts, how many the target holds. */
  readonly accounts: number;
  /** Of the dump's Vorgänge, how many the target holds. */
  readonly vorgaenge: number;
  /** Of the dump's status links, how many the target holds. */
  readonly statusLinks: number;
}

const CHUNK = 1_000;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

export async function importIntoPostgres(client: pg.Client, dump: StoreDump): Promise<ImportResult> {
  let submissionsAdded = 0;
  let mailsAdded = 0;
  let accountsAdded = 0;
  let vorgaengeAdded = 0;
  await client.query('SET synchronous_commit TO on');
  await client.query('BEGIN');
  try {
    for (const part of chunks(dump.submissions)) {
      const inserted = await client.query(
        `INSERT INTO submissions (reference, form, received_at, data, spam)
         SELECT * FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::text[], $5::boolean[])
         ON CONFLICT (reference) DO NOTHING`,
        [part.map((s) => s.reference), part.map((s) => s.form), part.map((s) => s.receivedAt), part.map((s) => s.data), part.map((s) => s.spam)],
      );
      submissionsAdded += inserted.rowCount ?? 0;
      const clash = await client.query<{ reference: string }>(
        `SELECT t.reference FROM submissions t JOIN unnest($1::text[], $2::text[], $3::timestamptz[]) AS s(reference, form, received_at)
         ON s.reference = t.reference WHERE t.form <> s.form OR t.received_at <> s.received_at LIMIT 1`,
        [part.map((s) => s.reference), part.map((s) => s.form), part.map((s) => s.receivedAt)],
      );
      if (clash.rows[0] !== undefined) {
        throw Object.assign(new Error(`Die Eingangsnummer ${clash.rows[0].reference} gibt es in PostgreSQL schon mit anderen Daten: die Zieldatenbank wurde bereits allein benutzt.`), {
          code: 'REFERENCE_CLASH',
        });
      }
    }
    for (const part of chunks(dump.outbox)) {
      const inserted = await client.query(
        `INSERT INTO outbox (submission_id, status, attempts, next_attempt_at, last_error, sent_at)
         SELECT t.id, o.status, o.attempts, o.next_attempt_at, o.last_error, o.sent_at
         FROM unnest($1::text[], $2::text[], $3::int[], $4::bigint[], $5::text[], $6::timestamptz[])
           AS o(reference, status, attempts, next_attempt_at, last_error, sent_at)
         JOIN submissions t ON t.reference = o.reference
         ON CONFLICT (submission_id) DO NOTHING`,
        [part.map((o) => o.reference), part.map((o) => o.status), part.map((o) => o.attempts), part.map((o) => o.nextAttemptAt), part.map((o) => o.lastError), part.map((o) => o.sentAt)],
      );
      mailsAdded += inserted.rowCount ?? 0;
    }
    for (const counter of dump.counters) {
      await client.query(
        `INSERT INTO reference_counters (prefix, year, last) VALUES ($1, $2, $3)
         ON CONFLICT (prefix, year) DO UPDATE SET last = GREATEST(reference_counters.last, EXCLUDED.last)`,
        [counter.prefix, counter.year, counter.last],
      );
    }
    // An account that exists in the target keeps its password there.
    for (const account of dump.accounts) {
      const inserted = await client.query('INSERT INTO accounts (name, password_hash, created_at) VALUES ($1, $2, $3) ON CONFLICT (name) DO NOTHING', [
        account.name,
        account.passwordHash,
        account.createdAt,
      ]);
      accountsAdded += inserted.rowCount ?? 0;
    }
    // A Vorgang that exists in the target (same form and authority) keeps its number there; the
    // dump's submissions join it.
    for (const vorgang of dump.vorgaenge) {
      const inserted = await client.query<{ id: string }>(
        `INSERT INTO vorgaenge (number, form, authority_key, behoerde, ags, opened_at, last_received_at, step_id, step_title, ended_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT DO NOTHING RETURNING id`,
        [vorgang.number, vorgang.form, vorgang.authorityKey, vorgang.behoerde, vorgang.ags, vorgang.openedAt, vorgang.lastReceivedAt, vorgang.stepId, vorgang.stepTitle, vorgang.endedAt],
      );
      vorgaengeAdded += inserted.rowCount ?? 0;
      // Its history comes along only with the Vorgang itself (a second run adds none).
      const newId = inserted.rows[0]?.id;
      for (const change of newId === undefined ? [] : vorgang.history) {
        await client.query(
          'INSERT INTO vorgang_history (vorgang_id, at, account, from_step, from_title, to_step, to_title, angaben, note) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)',
          [newId, ...historyParams(change)],
        );
      }
      await client.query(
        `UPDATE submissions SET vorgang_id = (SELECT id FROM vorgaenge WHERE form = $1 AND authority_key = $2)
         WHERE reference = ANY($3::text[]) AND vorgang_id IS NULL`,
        [vorgang.form, vorgang.authorityKey, vorgang.references],
      );
      // Its status links keep working after the move (a link already there is left alone).
      for (const link of vorgang.statusLinks) {
        await client.query(
          `INSERT INTO status_links (vorgang_id, token_hash, created_at, expires_at, revoked_at)
           SELECT id, $3, $4, $5, $6 FROM vorgaenge WHERE form = $1 AND authority_key = $2 ON CONFLICT (token_hash) DO NOTHING`,
          [vorgang.form, vorgang.authorityKey, link.tokenHash, link.createdAt, link.expiresAt, link.revokedAt],
        );
      }
    }
    await client.query('COMMIT');
    return { submissionsAdded, mailsAdded, accountsAdded, vorgaengeAdded };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/** What the target holds of the dump, to verify the copy. */
export async function countInPostgres(client: pg.Client, dump: StoreDump): Promise<TargetCounts> {
  const references = dump.submissions.map((s) => s.reference);
  const submissions = await client.query<{ n: string }>('SELECT COUNT(*) AS n FROM submissions WHERE reference = ANY($1::text[])', [references]);
  const mails = await client.query<{ n: string; pending: string }>(
    `SELECT COUNT(*) AS n, COUNT(*) FILTER (WHERE o.status = 'pending') AS pending
     FROM outbox o JOIN submissions s ON s.id = o.submission_id WHERE s.reference = ANY($1::text[])`,
    [dump.outbox.map((o) => o.reference)],
  );
  let countersBehind = 0;
  for (const counter of dump.counters) {
    const row = await client.query<{ last: number }>('SELECT last FROM reference_counters WHERE prefix = $1 AND year = $2', [counter.prefix, counter.year]);
    if ((row.rows[0]?.last ?? 0) < counter.last) countersBehind += 1;
  }
  const accounts = await client.query<{ n: string }>('SELECT COUNT(*) AS n FROM accounts WHERE name = ANY($1::text[])', [dump.accounts.map((a) => a.name)]);
  const vorgaenge = await client.query<{ n: string }>('SELECT COUNT(*) AS n FROM vorgaenge WHERE number = ANY($1::text[])', [dump.vorgaenge.map((v) => v.number)]);
  const linkHashes = dump.vorgaenge.flatMap((v) => v.statusLinks.map((link) => link.tokenHash));
  const statusLinks = await client.query<{ n: string }>('SELECT COUNT(*) AS n FROM status_links WHERE token_hash = ANY($1::text[])', [linkHashes]);
  return {
    vorgaenge: Number(vorgaenge.rows[0]?.n ?? 0),
    statusLinks: Number(statusLinks.rows[0]?.n ?? 0),
    accounts: Number(accounts.rows[0]?.n ?? 0),
    submissions: Number(submissions.rows[0]?.n ?? 0),
    mails: Number(mails.rows[0]?.n ?? 0),
    pending: Number(mails.rows[0]?.pending ?? 0),
    countersBehind,
  };
}
