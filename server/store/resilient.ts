/**
 * The store the server uses, around either implementation: every failure becomes
 * StorageUnavailable (the form answers 503, never a success), submissions go through group commit,
 * and /healthz learns whether the store can be written from the last write, probing with a
 * no-op commit only when nothing was written for a few seconds.
 */
import { groupCommit } from './group-commit.ts';
import { STORE_ENDED, storageErrorReason, StorageUnavailable, type NewSubmission, type NewStatusLink, type Store, type StoredSubmission, type VorgangMove } from './types.ts';

export interface StorageHealth {
  readonly ok: boolean;
  /** Why not, without personal data. */
  readonly reason?: string;
}

export interface StoreEvents {
  /** A transaction of group commit stored this many submissions. */
  onCommit?(submissions: number): void;
  /** An operation failed (after it was turned into StorageUnavailable). */
  onError?(error: StorageUnavailable): void;
}

export interface ResilientStore extends Store {
  /** Stores one submission (with group commit); resolves once it is durable. */
  saveSubmission(input: NewSubmission): Promise<StoredSubmission>;
  /** Whether the store can be written; cached for `healthCacheMs`. */
  health(): Promise<StorageHealth>;
}

export interface ResilientOptions extends StoreEvents {
  /** How long a write's outcome answers /healthz before it probes again (default 5 s). */
  readonly healthCacheMs?: number;
  /** Most submissions in one transaction (default 500). */
  readonly maxBatch?: number;
}

export function openResilientStore(open: () => Store, options: ResilientOptions = {}): ResilientStore {
  const healthCacheMs = options.healthCacheMs ?? 5_000;
  let current: Store | null = null;
  let known: { health: StorageHealth; at: number } | null = null;
  let probing: Promise<StorageHealth> | null = null;

  const store = (): Store => (current ??= open());

  async function use<T>(work: (s: Store) => Promise<T>, writes: boolean): Promise<T> {
    let s: Store | null = null;
    try {
      s = store();
      const result = await work(s);
      if (writes) known = { health: { ok: true }, at: Date.now() };
      return result;
    } catch (error) {
      const unavailable = error instanceof StorageUnavailable ? error : new StorageUnavailable(storageErrorReason(error), error);
      known = { health: { ok: false, reason: unavailable.reason }, at: Date.now() };
      if ((error as { code?: unknown }).code === STORE_ENDED && s !== null && current === s) {
        current = null;
        await s.close().catch(() => undefined);
      }
      options.onError?.(unavailable);
      throw unavailable;
    }
  }

  const read =
    <A extends unknown[], R>(f: (s: Store, ...args: A) => Promise<R>) =>
    (...args: A): Promise<R> =>
      use((s) => f(s, ...args), false);
  const write =
    <A extends unknown[], R>(f: (s: Store, ...args: A) => Promise<R>) =>
    (...args: A): Promise<R> =>
      use((s) => f(s, ...args), true);

  const saveSubmissions = write((s, batch: readonly NewSubmission[]) => s.saveSubmissions(batch));
  const saveSubmission = groupCommit<NewSubmission, StoredSubmission>(saveSubmissions, {
    maxBatch: options.maxBatch ?? 500,
    ...(options.onCommit === undefined ? {} : { onCommit: options.onCommit }),
  });
  const probeWrite = write((s) => s.probeWrite());

  return {
    get kind() {
      return store().kind;
    },
    schemaVersion: read((s) => s.schemaVersion()),
    saveSubmission: (input) => saveSubmission({ ...input, now: input.now ?? new Date() }),
    saveSubmissions,
    listSubmissions: read((s, form: string, page?: { limit: number; offset: number }) => s.listSubmissions(form, page)),
    submissionsBefore: read((s, form: string, beforeId: number | null, limit: number) => s.submissionsBefore(form, beforeId, limit)),
    countSubmissions: read((s, form: string, throughId?: number) => s.countSubmissions(form, throughId)),
    countSpam: read((s, form: string) => s.countSpam(form)),
    formCounts: read((s) => s.formCounts()),
    claimDueMails: write((s, owner: string, now: number, leaseMs: number, limit: number) => s.claimDueMails(owner, now, leaseMs, limit)),
    markSent: write((s, ids: readonly number[], now: Date) => s.markSent(ids, now)),
    markFailed: write((s, id: number, error: string, next: number) => s.markFailed(id, error, next)),
    outboxStatus: read((s) => s.outboxStatus()),
    purgeSpam: write((s, before: Date) => s.purgeSpam(before)),
    purgeExpired: write((s, before: Date, byVorgang?: boolean) => s.purgeExpired(before, byVorgang)),
    probeWrite,
    addAccount: write((s, name: string, hash: string, now: Date) => s.addAccount(name, hash, now)),
    setAccountPassword: write((s, name: string, hash: string) => s.setAccountPassword(name, hash)),
    removeAccount: write((s, name: string) => s.removeAccount(name)),
    findAccount: read((s, name: string) => s.findAccount(name)),
    countAccounts: read((s) => s.countAccounts()),
    createSession: write((s, tokenHash: string, account: string, now: number) => s.createSession(tokenHash, account, now)),
    findSession: read((s, tokenHash: string) => s.findSession(tokenHash)),
    touchSession: write((s, tokenHash: string, now: number) => s.touchSession(tokenHash, now)),
    deleteSession: write((s, tokenHash: string) => s.deleteSession(tokenHash)),
    purgeSessions: write((s, idleBefore: number, createdBefore: number) => s.purgeSessions(idleBefore, createdBefore)),
    listVorgaenge: read((s) => s.listVorgaenge()),
    findVorgang: read((s, number: string) => s.findVorgang(number)),
    vorgangSubmissions: read((s, vorgangId: number) => s.vorgangSubmissions(vorgangId)),
    moveVorgang: write((s, move: VorgangMove) => s.moveVorgang(move)),
    vorgangHistory: read((s, vorgangId: number) => s.vorgangHistory(vorgangId)),
    allHistory: read((s) => s.allHistory()),
    createStatusLink: write((s, link: NewStatusLink) => s.createStatusLink(link)),
    statusLinks: read((s, vorgangId: number) => s.statusLinks(vorgangId)),
    revokeStatusLink: write((s, vorgangId: number, linkId: number, at: string) => s.revokeStatusLink(vorgangId, linkId, at)),
    findStatusLink: read((s, tokenHash: string) => s.findStatusLink(tokenHash)),
    health() {
      if (known !== null && Date.now() - known.at < healthCacheMs) return Promise.resolve(known.health);
      probing ??= probeWrite()
        .then(
          (): StorageHealth => ({ ok: true }),
          (error: unknown): StorageHealth => ({ ok: false, reason: storageErrorReason(error) }),
        )
        .finally(() => (probing = null));
      return probing;
    },
    async close() {
      const s = current;
      current = null;
      await s?.close();
    },
  };
}
