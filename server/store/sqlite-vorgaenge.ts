/**
 * The SQLite store's Vorgänge (VorgangStore), synchronous on the connection of SqliteOperations
 * (server/store/sqlite-db.ts), and the migration's backfill of the Vorgänge of stored submissions.
 */
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { groupForBackfill, INTEREST_FORM_PREFIX, type BackfillRow } from './vorgang-backfill.ts';
import { transaction } from './sqlite-transaction.ts';
import {
  historyParams,
  toStatusLink,
  toStoredVorgang as toVorgang,
  toVorgangChange,
  type HistoryRow,
  type NewStatusLink,
  type RecordedChange,
  type StatusLink,
  type StatusLinkRow,
  type VorgangRow,
  type StoredSubmission,
  type StoredVorgang,
  type VorgangChange,
  type VorgangMove,
} from './types.ts';

const VORGANG_COLUMNS = `v.id, v.number, v.form, v.authority_key, v.behoerde, v.ags, v.opened_at, v.last_received_at, v.step_id, v.step_title, v.ended_at,
  (SELECT COUNT(*) FROM submissions s WHERE s.vorgang_id = v.id) AS submissions`;

/** Opens the Vorgang of (form, authority) or updates its latest name and time; its id. */
export const UPSERT_VORGANG_SQLITE = `INSERT INTO vorgaenge (number, form, authority_key, behoerde, ags, opened_at, last_received_at) VALUES (?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (form, authority_key) DO UPDATE SET behoerde = excluded.behoerde, last_received_at = excluded.last_received_at RETURNING id`;

/** Creates the Vorgänge of the stored submissions (migration 4), in the caller's transaction. */
export function backfillVorgaengeSqlite(db: DatabaseSync): void {
  const rows = (
    db
      .prepare("SELECT id, reference, form, received_at, data FROM submissions WHERE spam = 0 AND substr(form, 1, ?) = ? ORDER BY id")
      .all(INTEREST_FORM_PREFIX.length, INTEREST_FORM_PREFIX) as unknown as { id: number; reference: string; form: string; received_at: string; data: string }[]
  ).map((r): BackfillRow => ({ id: Number(r.id), reference: r.reference, form: r.form, receivedAt: r.received_at, data: r.data }));
  const upsert = db.prepare(UPSERT_VORGANG_SQLITE);
  const assign = db.prepare('UPDATE submissions SET vorgang_id = ? WHERE id = ?');
  for (const group of groupForBackfill(rows)) {
    const { id } = upsert.get(group.number, group.form, group.authority.key, group.behoerde, group.authority.ags, group.openedAt, group.lastReceivedAt) as { id: number };
    for (const submission of group.ids) assign.run(id, submission);
  }
}

function prepare(db: DatabaseSync) {
  const p = (sql: string): StatementSync => db.prepare(sql);
  return {
    list: p(`SELECT ${VORGANG_COLUMNS} FROM vorgaenge v ORDER BY v.last_received_at DESC, v.id DESC`),
    find: p(`SELECT ${VORGANG_COLUMNS} FROM vorgaenge v WHERE v.number = ?`),
    submissions: p('SELECT id, reference, form, received_at, data FROM submissions WHERE vorgang_id = ? AND spam = 0 ORDER BY id DESC'),
    move: p(`UPDATE vorgaenge SET step_id = ?, step_title = ?, ended_at = ? WHERE id = ? AND step_id IS ?`),
    record: p(`INSERT INTO vorgang_history (vorgang_id, at, account, from_step, from_title, to_step, to_title, angaben, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    history: p('SELECT at, account, from_step, from_title, to_step, to_title, angaben, note FROM vorgang_history WHERE vorgang_id = ? ORDER BY id DESC'),
    allHistory: p('SELECT vorgang_id, at, account, from_step, from_title, to_step, to_title, angaben, note FROM vorgang_history ORDER BY id'),
    createLink: p('INSERT INTO status_links (vorgang_id, token_hash, created_at, expires_at) VALUES (?, ?, ?, ?)'),
    links: p('SELECT id, vorgang_id, created_at, expires_at, revoked_at FROM status_links WHERE vorgang_id = ? ORDER BY id DESC'),
    revokeLink: p('UPDATE status_links SET revoked_at = ? WHERE vorgang_id = ? AND id = ? AND revoked_at IS NULL'),
    findLink: p('SELECT id, vorgang_id, created_at, expires_at, revoked_at FROM status_links WHERE token_hash = ?'),
    findById: p(`SELECT ${VORGANG_COLUMNS} FROM vorgaenge v WHERE v.id = ?`),
  };
}

export class SqliteVorgaenge {
  private readonly db: DatabaseSync;
  private readonly sql: ReturnType<typeof prepare>;

  constructor(db: DatabaseSync) {
    this.db = db;
    this.sql = prepare(db);
  }

  moveVorgang(move: VorgangMove): boolean {
    return transaction(this.db, () => {
      const moved = Number(this.sql.move.run(move.to.id, move.to.titel, move.ends ? move.at : null, move.vorgangId, move.from?.id ?? null).changes);
      if (moved !== 1) return false;
      this.sql.record.run(move.vorgangId, ...historyParams(move));
      return true;
    });
  }

  vorgangHistory(vorgangId: number): VorgangChange[] {
    return (this.sql.history.all(vorgangId) as unknown as HistoryRow[]).map(toVorgangChange);
  }

  allHistory(): RecordedChange[] {
    return (this.sql.allHistory.all() as unknown as (HistoryRow & { vorgang_id: number })[]).map((row) => ({ ...toVorgangChange(row), vorgangId: Number(row.vorgang_id) }));
  }

  createStatusLink(link: NewStatusLink): void {
    this.sql.createLink.run(link.vorgangId, link.tokenHash, link.createdAt, link.expiresAt);
  }

  statusLinks(vorgangId: number): StatusLink[] {
    return (this.sql.links.all(vorgangId) as unknown as StatusLinkRow[]).map(toStatusLink);
  }

  revokeStatusLink(vorgangId: number, linkId: number, at: string): boolean {
    return Number(this.sql.revokeLink.run(at, vorgangId, linkId).changes) === 1;
  }

  findStatusLink(tokenHash: string): { link: StatusLink; vorgang: StoredVorgang } | null {
    const row = this.sql.findLink.get(tokenHash) as StatusLinkRow | undefined;
    const vorgang = row === undefined ? undefined : (this.sql.findById.get(row.vorgang_id) as VorgangRow | undefined);
    return row === undefined || vorgang === undefined ? null : { link: toStatusLink(row), vorgang: toVorgang(vorgang) };
  }

  listVorgaenge(): StoredVorgang[] {
    return (this.sql.list.all() as unknown as VorgangRow[]).map(toVorgang);
  }

  findVorgang(number: string): StoredVorgang | null {
    const row = this.sql.find.get(number) as VorgangRow | undefined;
    return row === undefined ? null : toVorgang(row);
  }

  vorgangSubmissions(vorgangId: number): StoredSubmission[] {
    return (this.sql.submissions.all(vorgangId) as unknown as { id: number; reference: string; form: string; received_at: string; data: string }[]).map((row) => ({
      id: Number(row.id),
      reference: row.reference,
      form: row.form,
      receivedAt: row.received_at,
      data: JSON.parse(row.data) as Record<string, unknown>,
    }));
  }
}
