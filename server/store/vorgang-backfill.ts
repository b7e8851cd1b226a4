/**
 * The Vorgänge of submissions stored before there were Vorgänge: the schema migration that creates
 * them (SQLite 4, PostgreSQL 3) groups every stored submission of an interest form by (form,
 * authority) as the server does on arrival (server/store/authority.ts, which SQL cannot do: NFC and case
 * folding), in the same transaction. Plain logic; each store writes the groups.
 */
import { INTEREST_FORM_PREFIX } from '../../shared/forms/names.ts';
import { authorityOf, type Authority } from './authority.ts';

export { INTEREST_FORM_PREFIX };

/** A stored submission as the migration reads it (spam aside, oldest first). */
export interface BackfillRow {
  readonly id: number;
  readonly reference: string;
  readonly form: string;
  readonly receivedAt: string;
  /** The stored data as JSON. */
  readonly data: string;
}

/** One Vorgang to create: its first submission's Eingangsnummer is its number. */
export interface BackfillGroup {
  readonly form: string;
  readonly authority: Authority;
  readonly number: string;
  readonly openedAt: string;
  readonly lastReceivedAt: string;
  /** The Behörde as the latest submission names it. */
  readonly behoerde: string;
  readonly ids: number[];
}

/** Groups submissions (oldest first) of interest forms into Vorgänge; rows naming no authority stay alone. */
export function groupForBackfill(rows: readonly BackfillRow[]): BackfillGroup[] {
  const groups = new Map<string, { -readonly [K in keyof BackfillGroup]: BackfillGroup[K] }>();
  for (const row of rows) {
    if (!row.form.startsWith(INTEREST_FORM_PREFIX)) continue;
    let data: Record<string, unknown>;
    try {
      data = JSON.parse(row.data) as Record<string, unknown>;
    } catch {
      continue;
    }
    const authority = authorityOf(data);
    if (authority === null) continue;
    const id = `${row.form}\u0000${authority.key}`;
    const group = groups.get(id);
    if (group === undefined) {
      groups.set(id, { form: row.form, authority, number: row.reference, openedAt: row.receivedAt, lastReceivedAt: row.receivedAt, behoerde: authority.behoerde, ids: [row.id] });
    } else {
      group.ids.push(row.id);
      group.lastReceivedAt = row.receivedAt;
      group.behoerde = authority.behoerde;
    }
  }
  return [...groups.values()];
}
