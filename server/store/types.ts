/**
 * The storage interface both stores implement (server/store/sqlite.ts, server/store/postgres.ts):
 * submissions with their reference numbers, the mail outbox with leases, retention. Every method
 * returns a Promise; no SQL appears here.
 */
import type { Authority } from './authority.ts';
import type { RecordedAngabe } from '../../shared/lib/rollout.ts';
import { berlinYear } from '../../shared/lib/dates.ts';

export interface StoredSubmission {
  readonly id: number;
  readonly reference: string;
  readonly form: string;
  /** ISO 8601, UTC. */
  readonly receivedAt: string;
  readonly data: Record<string, unknown>;
  /** The id of its Vorgang (read by submissionsBefore, for the exports); null: none. */
  readonly vorgangId?: number | null;
}

export interface NewSubmission {
  readonly form: string;
  /** Prefix of the reference number, e. g. KV. */
  readonly prefix: string;
  readonly data: Record<string, unknown>;
  /** Caught by the honeypot: stored without data, never listed or mailed. */
  readonly spam: boolean;
  /**
   * The authority of an interest form's submission (server/store/authority.ts): the submission joins the
   * Vorgang of (form, authority key), opened in the same transaction when there is none. Null or
   * absent: no Vorgang (spam, the barrier report).
   */
  readonly authority?: Authority | null;
  readonly now?: Date;
}

/**
 * One authority's way with one offer: every submission of that authority to the offer's interest
 * form belongs to it. Its number is the Eingangsnummer of its first submission (stable: it stays
 * when that submission is deleted after the retention period).
 */
export interface StoredVorgang {
  readonly id: number;
  readonly number: string;
  /** The interest form (interesse-<offer>). */
  readonly form: string;
  /** `ags:<digits>` or `name:<normalised name>` (server/store/authority.ts). */
  readonly authorityKey: string;
  /** The Behörde as its latest submission names it. */
  readonly behoerde: string;
  readonly ags: string | null;
  /** ISO 8601, UTC: the first and the latest submission. */
  readonly openedAt: string;
  readonly lastReceivedAt: string;
  /** Stored submissions of the Vorgang. */
  readonly submissions: number;
  /** The rollout step reached and its title then; null: the offer's first step (never moved). */
  readonly stepId: string | null;
  readonly stepTitle: string | null;
  /** ISO 8601, UTC: when a step that ends the Vorgang was reached; null while it is open. */
  readonly endedAt: string | null;
}

/** A step reached, as the history keeps it: id and title at that time, so nothing is lost when content changes. */
export interface StepRef {
  readonly id: string;
  readonly titel: string;
}

/** One change of a Vorgang's step: who, when, from, to, what was entered, a note. */
export interface VorgangChange {
  /** ISO 8601, UTC. */
  readonly at: string;
  readonly account: string;
  /** Null: the offer's first step (the Vorgang had not moved before). */
  readonly from: StepRef | null;
  readonly to: StepRef;
  readonly angaben: readonly RecordedAngabe[];
  readonly note: string;
}

/** Moving a Vorgang to another step (VorgangStore.moveVorgang). */
export interface VorgangMove extends VorgangChange {
  readonly vorgangId: number;
  /** Whether `to` ends the Vorgang (its `abschluss`). */
  readonly ends: boolean;
}

/** A link to a Vorgang's status page for its authority (server/admin/status-links.ts): only the SHA-256 of its token is stored. */
export interface StatusLink {
  readonly id: number;
  readonly vorgangId: number;
  /** ISO 8601, UTC. */
  readonly createdAt: string;
  readonly expiresAt: string;
  /** Null while not revoked. */
  readonly revokedAt: string | null;
}

/** A new status link (VorgangStore.createStatusLink). */
export interface NewStatusLink {
  readonly vorgangId: number;
  readonly tokenHash: string;
  readonly createdAt: string;
  readonly expiresAt: string;
}

/** A change of the history with the Vorgang it belongs to (the overview's dates). */
export type RecordedChange = VorgangChange & { readonly vorgangId: number };

/** The Vorgänge in both stores. */
export interface VorgangStore {
  /** Every Vorgang, latest submission first. */
  listVorgaenge(): Promise<StoredVorgang[]>;
  findVorgang(number: string): Promise<StoredVorgang | null>;
  /** The submissions of a Vorgang, newest first. */
  vorgangSubmissions(vorgangId: number): Promise<StoredSubmission[]>;
  /**
   * Moves a Vorgang to `move.to` and records the change, in one transaction, if it still stands at
   * `move.from` (another member of staff may have moved it meanwhile): false, and nothing changed,
   * when it does not.
   */
  moveVorgang(move: VorgangMove): Promise<boolean>;
  /** The changes of a Vorgang, newest first. */
  vorgangHistory(vorgangId: number): Promise<VorgangChange[]>;
  /** Every change of every Vorgang, oldest first (the overview). */
  allHistory(): Promise<RecordedChange[]>;
  createStatusLink(link: NewStatusLink): Promise<void>;
  /** The status links of a Vorgang, newest first. */
  statusLinks(vorgangId: number): Promise<StatusLink[]>;
  /** Revokes a link of the Vorgang not yet revoked; false when there is none such. */
  revokeStatusLink(vorgangId: number, linkId: number, at: string): Promise<boolean>;
  /** The link with this token hash and its Vorgang, or null. */
  findStatusLink(tokenHash: string): Promise<{ readonly link: StatusLink; readonly vorgang: StoredVorgang } | null>;
}

export interface DueMail {
  readonly outboxId: number;
  readonly attempts: number;
  readonly submission: StoredSubmission;
}

export interface OutboxStatus {
  /** Mails not yet sent. */
  readonly pending: number;
  /** When the oldest of them was received (ISO 8601), or null. */
  readonly oldestPendingAt: string | null;
}

export interface Page {
  readonly limit: number;
  readonly offset: number;
}

export type StoreKind = 'sqlite' | 'postgres';

/** A named staff account of the admin area (server/admin/accounts.ts). */
export interface StoredAccount {
  readonly name: string;
  /** scrypt with its parameters and salt (server/admin/passwords.ts); never the password. */
  readonly passwordHash: string;
  /** ISO 8601, UTC. */
  readonly createdAt: string;
}

/** A signed-in session, found by the SHA-256 of its token (server/admin/sessions.ts). */
export interface StoredSession {
  readonly account: string;
  /** Milliseconds since 1970. */
  readonly createdAt: number;
  readonly lastSeenAt: number;
  /** Whether the account is in the store (false: ADMIN_USER of the ADMIN_PASSWORD fallback, or removed). */
  readonly accountStored: boolean;
}

/** The staff accounts and their sessions, in both stores. */
export interface AccountStore {
  /** Adds an account; false when one of that name exists. */
  addAccount(name: string, passwordHash: string, now: Date): Promise<boolean>;
  /** Sets an account's password and ends its sessions; false when there is no such account. */
  setAccountPassword(name: string, passwordHash: string): Promise<boolean>;
  /** Removes an account and ends its sessions; false when there is no such account. */
  removeAccount(name: string): Promise<boolean>;
  findAccount(name: string): Promise<StoredAccount | null>;
  countAccounts(): Promise<number>;
  createSession(tokenHash: string, account: string, now: number): Promise<void>;
  findSession(tokenHash: string): Promise<StoredSession | null>;
  touchSession(tokenHash: string, now: number): Promise<void>;
  deleteSession(tokenHash: string): Promise<void>;
  /** Deletes sessions last seen before `idleBefore` or begun before `createdBefore`; returns how many. */
  purgeSessions(idleBefore: number, createdBefore: number): Promise<number>;
}

export interface Store extends AccountStore, VorgangStore {
  readonly kind: StoreKind;
  /** The schema version after the migrations ran. */
  schemaVersion(): Promise<number>;
  /**
   * Stores submissions and, for those that are not spam, their pending notifications, all in one
   * durable transaction: all or none. The reference numbers follow each other per prefix and year.
   */
  saveSubmissions(batch: readonly NewSubmission[]): Promise<StoredSubmission[]>;
  /** Submissions of a form without spam, newest first; all of them without `page`. */
  listSubmissions(form: string, page?: Page): Promise<StoredSubmission[]>;
  /**
   * At most `limit` submissions of a form (spam aside), newest first, whose id is below `beforeId`
   * (null: from the newest): the export reads a form in such batches (keyset pagination on the
   * index (form, spam, id), so each batch costs the same however far the export has come).
   */
  submissionsBefore(form: string, beforeId: number | null, limit: number): Promise<StoredSubmission[]>;
  /** Submissions of a form, spam aside; only those with an id up to `throughId` when it is given. */
  countSubmissions(form: string, throughId?: number): Promise<number>;
  countSpam(form: string): Promise<number>;
  /**
   * Every form with stored rows, also forms the content no longer has, by name: its submissions
   * (spam aside) and its honeypot catches; one query for the whole admin page.
   */
  formCounts(): Promise<FormCount[]>;
  /**
   * Claims up to `limit` due mails for `owner` until `now + leaseMs`: no other owner gets them
   * before the lease ends (a dead instance's claims are taken over after it).
   */
  claimDueMails(owner: string, now: number, leaseMs: number, limit: number): Promise<DueMail[]>;
  /** Marks mails sent (and releases their claims). */
  markSent(outboxIds: readonly number[], now: Date): Promise<void>;
  /** Records a failed attempt, releases the claim and sets the next attempt. */
  markFailed(outboxId: number, error: string, nextAttemptAt: number): Promise<void>;
  outboxStatus(): Promise<OutboxStatus>;
  /** Deletes spam received before `before`; returns how many. */
  purgeSpam(before: Date): Promise<number>;
  /**
   * Deletes submissions received before `before` whose mail has been sent (retention period of the
   * Datenschutzerklärung); a mail still waiting keeps its submission. With `byVorgang` (a server
   * with an admin area, where staff end Vorgänge) a submission of a Vorgang is kept while the
   * Vorgang is open and deleted once it ended before `before`, and with them the Vorgang's status
   * links (links that expired or were revoked before `before` go too); the others as above. Returns
   * how many submissions.
   */
  purgeExpired(before: Date, byVorgang?: boolean): Promise<number>;
  /** Commits a write that changes nothing, so a full disk or a lost server shows; throws if it cannot. */
  probeWrite(): Promise<void>;
  close(): Promise<void>;
}

export function formatReference(prefix: string, year: number, sequence: number): string {
  return `${prefix}-${year}-${String(sequence).padStart(6, '0')}`;
}

/** A submission with its moment of arrival fixed. */
export type TimedSubmission = NewSubmission & { readonly now: Date };

export function stampBatch(batch: readonly NewSubmission[]): TimedSubmission[] {
  const now = new Date();
  return batch.map((item) => (item.now === undefined ? { ...item, now } : (item as TimedSubmission)));
}

export interface CounterGroup {
  readonly prefix: string;
  readonly year: number;
  /** Positions in the batch, in arrival order. */
  readonly indexes: number[];
}

/**
 * The reference counters a batch needs, in a fixed order (prefix, year): the stores raise them in
 * this order inside the transaction, so two instances committing at once lock them alike.
 */
export function counterGroups(batch: readonly TimedSubmission[]): CounterGroup[] {
  const groups = new Map<string, CounterGroup>();
  batch.forEach((item, index) => {
    const year = berlinYear(item.now);
    const key = `${item.prefix}\u0000${year}`;
    const group = groups.get(key) ?? { prefix: item.prefix, year, indexes: [] };
    group.indexes.push(index);
    groups.set(key, group);
  });
  return [...groups.values()].sort((a, b) => (a.prefix === b.prefix ? a.year - b.year : a.prefix < b.prefix ? -1 : 1));
}

/** The reference number of each item, given each group's counter after raising it by the group's size. */
export function assignReferences(size: number, groups: readonly CounterGroup[], lasts: readonly number[]): string[] {
  const references = new Array<string>(size);
  groups.forEach((group, g) => {
    const first = (lasts[g] ?? 0) - group.indexes.length + 1;
    group.indexes.forEach((index, i) => (references[index] = formatReference(group.prefix, group.year, first + i)));
  });
  return references;
}

/** What a honeypot catch keeps: nothing but the fact (its reference, form and time are columns). */
export function storedData(item: NewSubmission): Record<string, unknown> {
  return item.spam ? {} : item.data;
}

/** Stored rows of one form (Store.formCounts). */
export interface FormCount {
  readonly form: string;
  /** Submissions, spam aside. */
  readonly total: number;
  /** Honeypot catches. */
  readonly spam: number;
}

/** What the database returns for each stored submission of a batch. */
export interface SavedRow {
  readonly id: number;
  readonly reference: string;
}

/**
 * The stored submissions of a batch, from the rows the database returned in the batch's order.
 * Throws when it returned another number of rows than the batch has items: a caller is never
 * answered with a missing id or reference number.
 */
export function storedSubmissions(items: readonly TimedSubmission[], saved: readonly SavedRow[]): StoredSubmission[] {
  if (saved.length !== items.length) {
    throw Object.assign(new Error(`Gespeichert: ${saved.length} Zeilen für ${items.length} Einsendungen`), { code: 'SAVE_ROW_COUNT' });
  }
  return items.map((item, i) => {
    const { id, reference } = saved[i] as SavedRow;
    return { id, reference, form: item.form, receivedAt: item.now.toISOString(), data: storedData(item) };
  });
}

/** The code a store's errors carry when it cannot be used again and must be opened anew. */
export const STORE_ENDED = 'STORE_ENDED';

/** The database cannot be opened or written (disk full, DATA_DIR unusable, server down …). */
export class StorageUnavailable extends Error {
  /** A short reason without personal data, e. g. "ENOTDIR", "SQLITE 778" or "ECONNREFUSED". */
  readonly reason: string;
  constructor(reason: string, cause: unknown) {
    super(`Speicher nicht verfügbar (${reason})`, { cause });
    this.name = 'StorageUnavailable';
    this.reason = reason;
  }
}

/** An error's code as a short text: no message, so no SQL and no submitted values. */
export function storageErrorReason(error: unknown): string {
  if (error instanceof StorageUnavailable) return error.reason;
  const e = (error ?? {}) as { code?: unknown; errcode?: unknown; errors?: unknown };
  const parts = [e.code, e.errcode].filter((p) => typeof p === 'string' || typeof p === 'number');
  if (parts.length === 0 && Array.isArray(e.errors) && e.errors.length > 0) return storageErrorReason(e.errors[0]);
  return parts.length > 0 ? parts.join(' ') : 'UNKNOWN';
}

export interface SchemaMigration {
  /** Versions only grow; a released migration is never edited. */
  readonly version: number;
  readonly description: string;
  readonly sql: string;
  /** Rows the SQL cannot fill in, filled in by the store in the same transaction after it (server/store/vorgang-backfill.ts). */
  readonly backfill?: 'vorgaenge';
}

export function schemaTooNew(current: number, latest: number): Error {
  return Object.assign(new Error(`Die Datenbank hat Schema-Version ${current}, dieser Server kennt nur bis ${latest}. Aktualisieren Sie den Server.`), {
    code: 'SCHEMA_TOO_NEW',
  });
}

/** Everything a store holds, for `npm run migrate-store` (SQLite → PostgreSQL). */
export interface StoreDump {
  readonly submissions: readonly { reference: string; form: string; receivedAt: string; data: string; spam: boolean }[];
  readonly outbox: readonly { reference: string; status: 'pending' | 'sent'; attempts: number; nextAttemptAt: number; lastError: string | null; sentAt: string | null }[];
  readonly counters: readonly { prefix: string; year: number; last: number }[];
  /** Staff accounts (sessions are not copied: staff sign in again). */
  readonly accounts: readonly StoredAccount[];
  /** The Vorgänge, each with the Eingangsnummern of its submissions. */
  readonly vorgaenge: readonly VorgangDump[];
}

/** A Vorgang as migrate-store copies it: without the store's own id and count, with its submissions' Eingangsnummern. */
export interface VorgangDump extends Omit<StoredVorgang, 'id' | 'submissions'> {
  readonly references: readonly string[];
  /** Oldest first. */
  readonly history: readonly VorgangChange[];
  /** Its status links (token hashes only), oldest first. */
  readonly statusLinks: readonly StatusLinkDump[];
}

/** A status link as migrate-store copies it. */
export type StatusLinkDump = Omit<NewStatusLink, 'vorgangId'> & { readonly revokedAt: string | null };

/** A row of status_links as both stores read it (the times already ISO 8601). */
export interface StatusLinkRow {
  readonly id: number | string;
  readonly vorgang_id: number | string;
  readonly created_at: string;
  readonly expires_at: string;
  readonly revoked_at: string | null;
}

export function toStatusLink(row: StatusLinkRow): StatusLink {
  return { id: Number(row.id), vorgangId: Number(row.vorgang_id), createdAt: row.created_at, expiresAt: row.expires_at, revokedAt: row.revoked_at };
}

/** A row of vorgang_history as both stores read it (the time already ISO 8601). */
export interface HistoryRow {
  readonly at: string;
  readonly account: string;
  readonly from_step: string | null;
  readonly from_title: string | null;
  readonly to_step: string;
  readonly to_title: string;
  /** JSON. */
  readonly angaben: string;
  readonly note: string;
}

export function toVorgangChange(row: HistoryRow): VorgangChange {
  return {
    at: row.at,
    account: row.account,
    from: row.from_step === null ? null : { id: row.from_step, titel: row.from_title ?? row.from_step },
    to: { id: row.to_step, titel: row.to_title },
    angaben: JSON.parse(row.angaben) as RecordedAngabe[],
    note: row.note,
  };
}

/** The parameters of a history row, in the column order both stores insert them (after the Vorgang's id). */
export function historyParams(change: VorgangChange): [string, string, string | null, string | null, string, string, string, string] {
  return [change.at, change.account, change.from?.id ?? null, change.from?.titel ?? null, change.to.id, change.to.titel, JSON.stringify(change.angaben), change.note];
}

/** A row of vorgaenge (with its count of submissions) as both stores read it, the times already ISO 8601. */
export interface VorgangRow {
  readonly id: number | string;
  readonly number: string;
  readonly form: string;
  readonly authority_key: string;
  readonly behoerde: string;
  readonly ags: string | null;
  readonly opened_at: string;
  readonly last_received_at: string;
  readonly step_id: string | null;
  readonly step_title: string | null;
  readonly ended_at: string | null;
  readonly submissions: number | string;
}

export function toStoredVorgang(row: VorgangRow): StoredVorgang {
  return {
    id: Number(row.id),
    number: row.number,
    form: row.form,
    authorityKey: row.authority_key,
    behoerde: row.behoerde,
    ags: row.ags,
    openedAt: row.opened_at,
    lastReceivedAt: row.last_received_at,
    submissions: Number(row.submissions),
    stepId: row.step_id,
    stepTitle: row.step_title,
    endedAt: row.ended_at,
  };
}
