/**
 * The PostgreSQL store's Vorgänge (VorgangStore), on the store's pool; `query` runs the migrations
 * first (server/store/postgres.ts). Also the migration's backfill of the Vorgänge of stored submissions.
 */
import type pg from 'pg';
import { groupForBackfill, INTEREST_FORM_PREFIX } from './vorgang-backfill.ts';
import { historyParams, toStatusLink, toStoredVorgang, toVorgangChange, type HistoryRow, type StatusLinkRow, type StoredVorgang, type VorgangRow, type VorgangStore } from './types.ts';

type Query = <R extends pg.QueryResultRow>(sql: string, params?: unknown[]) => Promise<pg.QueryResult<R>>;

const VORGANG_COLUMNS = `v.id, v.number, v.form, v.authority_key, v.behoerde, v.ags, v.opened_at, v.last_received_at, v.step_id, v.step_title, v.ended_at,
  (SELECT COUNT(*) FROM submissions s WHERE s.vorgang_id = v.id)::int AS submissions`;

/** A status link as pg returns it: times as Date. */
type PgLinkRow = Omit<StatusLinkRow, 'created_at' | 'expires_at' | 'revoked_at'> & { created_at: Date; expires_at: Date; revoked_at: Date | null };

const toLink = (row: PgLinkRow) =>
  toStatusLink({ ...row, created_at: row.created_at.toISOString(), expires_at: row.expires_at.toISOString(), revoked_at: row.revoked_at?.toISOString() ?? null });

const LINK_COLUMNS = 'id, vorgang_id, created_at, expires_at, revoked_at';

/** A row as pg returns it: times as Date. */
type PgVorgangRow = Omit<VorgangRow, 'opened_at' | 'last_received_at' | 'ended_at'> & { opened_at: Date; last_received_at: Date; ended_at: Date | null };

function toVorgang(row: PgVorgangRow): StoredVorgang {
  return toStoredVorgang({ ...row, opened_at: row.opened_at.toISOString(), last_received_at: row.last_received_at.toISOString(), ended_at: row.ended_at?.toISOString() ?? null });
}

/** Creates the Vorgänge of the stored submissions (migration 3), in the caller's transaction. */
export async function backfillVorgaengePostgres(client: pg.PoolClient | pg.Client): Promise<void> {
  const { rows } = await client.query<{ id: string; reference: string; form: string; received_at: Date; data: string }>(
    'SELECT id, reference, form, received_at, data FROM submissions WHERE NOT spam AND starts_with(form, $1) ORDER BY id',
    [INTEREST_FORM_PREFIX],
  );
  const groups = groupForBackfill(rows.map((r) => ({ id: Number(r.id), reference: r.reference, form: r.form, receivedAt: r.received_at.toISOString(), data: r.data })));
  for (const group of groups) {
    const inserted = await client.query<{ id: string }>(
      `INSERT INTO vorgaenge (number, form, authority_key, behoerde, ags, opened_at, last_received_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [group.number, group.form, group.authority.key, group.behoerde, group.authority.ags, group.openedAt, group.lastReceivedAt],
    );
    await client.query('UPDATE submissions SET vorgang_id = $1 WHERE id = ANY($2::bigint[])', [inserted.rows[0]?.id, group.ids]);
  }
}

export function postgresVorgaenge(query: Query): VorgangStore {
  return {
    async listVorgaenge() {
      const { rows } = await query<PgVorgangRow>(`SELECT ${VORGANG_COLUMNS} FROM vorgaenge v ORDER BY v.last_received_at DESC, v.id DESC`);
      return rows.map(toVorgang);
    },
    async findVorgang(number) {
      const { rows } = await query<PgVorgangRow>(`SELECT ${VORGANG_COLUMNS} FROM vorgaenge v WHERE v.number = $1`, [number]);
      return rows[0] === undefined ? null : toVorgang(rows[0]);
    },
    async vorgangSubmissions(vorgangId) {
      const { rows } = await query<{ id: string; reference: string; form: string; received_at: Date; data: string }>(
        'SELECT id, reference, form, received_at, data FROM submissions WHERE vorgang_id = $1 AND NOT spam ORDER BY id DESC',
        [vorgangId],
      );
      return rows.map((row) => ({ id: Number(row.id), reference: row.reference, form: row.form, receivedAt: row.received_at.toISOString(), data: JSON.parse(row.data) as Record<string, unknown> }));
    },
    async moveVorgang(move) {
      // One statement: the step moves only from where staff saw it, and the history row only with it.
      const { rows } = await query<{ n: number }>(
        `WITH moved AS (
           UPDATE vorgaenge SET step_id = $10::text, step_title = $11::text, ended_at = $12::timestamptz WHERE id = $1 AND step_id IS NOT DISTINCT FROM $13::text RETURNING id
         ), recorded AS (
           INSERT INTO vorgang_history (vorgang_id, at, account, from_step, from_title, to_step, to_title, angaben, note)
           SELECT id, $2::timestamptz, $3::text, $4::text, $5::text, $6::text, $7::text, $8::text, $9::text FROM moved
         )
         SELECT COUNT(*)::int AS n FROM moved`,
        [move.vorgangId, ...historyParams(move), move.to.id, move.to.titel, move.ends ? move.at : null, move.from?.id ?? null],
      );
      return rows[0]?.n === 1;
    },
    async vorgangHistory(vorgangId) {
      const { rows } = await query<Omit<HistoryRow, 'at'> & { at: Date }>(
        'SELECT at, account, from_step, from_title, to_step, to_title, angaben, note FROM vorgang_history WHERE vorgang_id = $1 ORDER BY id DESC',
        [vorgangId],
      );
      return rows.map((row) => toVorgangChange({ ...row, at: row.at.toISOString() }));
    },
    async allHistory() {
      const { rows } = await query<Omit<HistoryRow, 'at'> & { at: Date; vorgang_id: string }>(
        'SELECT vorgang_id, at, account, from_step, from_title, to_step, to_title, angaben, note FROM vorgang_history ORDER BY id',
      );
      return rows.map((row) => ({ ...toVorgangChange({ ...row, at: row.at.toISOString() }), vorgangId: Number(row.vorgang_id) }));
    },
    async createStatusLink(link) {
      await query('INSERT INTO status_links (vorgang_id, token_hash, created_at, expires_at) VALUES ($1, $2, $3, $4)', [link.vorgangId, link.tokenHash, link.createdAt, link.expiresAt]);
    },
    async statusLinks(vorgangId) {
      const { rows } = await query<PgLinkRow>(`SELECT ${LINK_COLUMNS} FROM status_links WHERE vorgang_id = $1 ORDER BY id DESC`, [vorgangId]);
      return rows.map(toLink);
    },
    async revokeStatusLink(vorgangId, linkId, at) {
      const { rowCount } = await query('UPDATE status_links SET revoked_at = $1 WHERE vorgang_id = $2 AND id = $3 AND revoked_at IS NULL', [at, vorgangId, linkId]);
      return rowCount === 1;
    },
    async findStatusLink(tokenHash) {
      const { rows } = await query<PgLinkRow>(`SELECT ${LINK_COLUMNS} FROM status_links WHERE token_hash = $1`, [tokenHash]);
      const row = rows[0];
      if (row === undefined) return null;
      const found = await query<PgVorgangRow>(`SELECT ${VORGANG_COLUMNS} FROM vorgaenge v WHERE v.id = $1`, [row.vorgang_id]);
      return found.rows[0] === undefined ? null : { link: toLink(row), vorgang: toVorgang(found.rows[0]) };
    },
  };
}

