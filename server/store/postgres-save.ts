/**
 * Storing a batch of submissions in PostgreSQL in one statement (so one round trip and one commit):
 * raise each reference counter of the batch (in a fixed order, so concurrent instances lock them
 * alike), number the submissions per prefix and year in arrival order, insert them, and add an
 * outbox entry for each one that is not spam; a submission naming an authority joins the Vorgang of
 * (form, authority), opened here when there is none. As a single statement it is its own transaction.
 */
import type pg from 'pg';
import { berlinYear } from '../../shared/lib/dates.ts';
import type { TimedSubmission } from './types.ts';

const SAVE_BATCH = `
WITH input AS (
  SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::timestamptz[], $5::text[], $6::boolean[], $7::text[], $8::text[], $9::text[])
    WITH ORDINALITY AS t(form, prefix, year, received_at, data, spam, authority_key, behoerde, ags, ord)
), groups AS (
  SELECT prefix, year, count(*)::int AS n FROM input GROUP BY prefix, year
), counters AS (
  INSERT INTO reference_counters AS c (prefix, year, last)
  SELECT prefix, year, n FROM groups ORDER BY prefix COLLATE "C", year
  ON CONFLICT (prefix, year) DO UPDATE SET last = c.last + EXCLUDED.last
  RETURNING c.prefix, c.year, c.last
), numbered AS (
  SELECT x.ord, x.form, x.received_at, x.data, x.spam, x.authority_key, x.behoerde, x.ags,
    x.prefix || '-' || x.year || '-' || CASE WHEN x.seq < 1000000 THEN lpad(x.seq::text, 6, '0') ELSE x.seq::text END AS reference
  FROM (
    SELECT i.*, c.last - g.n + row_number() OVER (PARTITION BY i.prefix, i.year ORDER BY i.ord) AS seq
    FROM input i JOIN groups g USING (prefix, year) JOIN counters c USING (prefix, year)
  ) x
), authorities AS (
  -- One row per (form, authority) of the batch: its first submission's number, its latest name and time.
  SELECT DISTINCT ON (form, authority_key) form, authority_key,
    first_value(reference) OVER w AS number, first_value(received_at) OVER w AS opened_at,
    last_value(behoerde) OVER w AS behoerde, last_value(received_at) OVER w AS last_received_at, ags
  FROM numbered WHERE authority_key IS NOT NULL
  WINDOW w AS (PARTITION BY form, authority_key ORDER BY ord ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)
  ORDER BY form, authority_key, ord
), vorgang AS (
  -- DO UPDATE (not DO NOTHING) returns the row also when another instance opened it meanwhile.
  INSERT INTO vorgaenge AS v (number, form, authority_key, behoerde, ags, opened_at, last_received_at)
  SELECT number, form, authority_key, behoerde, ags, opened_at, last_received_at FROM authorities ORDER BY form COLLATE "C", authority_key COLLATE "C"
  ON CONFLICT (form, authority_key) DO UPDATE SET behoerde = EXCLUDED.behoerde, last_received_at = GREATEST(v.last_received_at, EXCLUDED.last_received_at)
  RETURNING v.id, v.form, v.authority_key
), saved AS (
  INSERT INTO submissions (reference, form, received_at, data, spam, vorgang_id)
  SELECT n.reference, n.form, n.received_at, n.data, n.spam, vg.id
  FROM numbered n LEFT JOIN vorgang vg ON vg.form = n.form AND vg.authority_key = n.authority_key ORDER BY n.ord
  RETURNING id, reference, spam, received_at
), mails AS (
  INSERT INTO outbox (submission_id, next_attempt_at)
  SELECT id, (extract(epoch FROM received_at) * 1000)::bigint FROM saved WHERE NOT spam
)
SELECT s.id, s.reference FROM saved s JOIN numbered n USING (reference) ORDER BY n.ord`;

/** Stores the batch; the id and reference number of each item, in the batch's order. */
export async function saveBatch(pool: pg.Pool, items: readonly TimedSubmission[], data: readonly Record<string, unknown>[]): Promise<{ id: number; reference: string }[]> {
  const { rows } = await pool.query<{ id: string; reference: string }>(SAVE_BATCH, [
    items.map((i) => i.form),
    items.map((i) => i.prefix),
    items.map((i) => berlinYear(i.now)),
    items.map((i) => i.now.toISOString()),
    data.map((d) => JSON.stringify(d)),
    items.map((i) => i.spam),
    items.map((i) => (i.spam ? null : (i.authority?.key ?? null))),
    items.map((i) => (i.spam ? null : (i.authority?.behoerde ?? null))),
    items.map((i) => (i.spam ? null : (i.authority?.ags ?? null))),
  ]);
  return rows.map((row) => ({ id: Number(row.id), reference: row.reference }));
}
