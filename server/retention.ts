/**
 * Deleting what the Datenschutzerklärung promises to delete: submissions older than
 * RETENTION_DAYS (unless their notification is still waiting in the outbox) and honeypot catches
 * older than SPAM_RETENTION_DAYS. The server runs it at start and every 6 hours; `npm run purge`
 * (server/purge.ts) runs it once. Deleted rows are overwritten (secure_delete) and the
 * write-ahead log is emptied afterwards, so the data is gone from the files too.
 */
import type { ServerConfig } from './config.ts';
import type { Store } from './db.ts';

const DAY_MS = 86_400_000;

export interface PurgeResult {
  /** Submissions deleted after RETENTION_DAYS. */
  readonly expired: number;
  /** Honeypot catches deleted after SPAM_RETENTION_DAYS. */
  readonly spam: number;
}

export function purgeExpiredSubmissions(
  store: Store,
  config: Pick<ServerConfig, 'retentionDays' | 'spamRetentionDays'>,
  now: number = Date.now(),
): PurgeResult {
  const spam = store.purgeSpam(new Date(now - config.spamRetentionDays * DAY_MS));
  const expired = store.purgeExpired(new Date(now - config.retentionDays * DAY_MS));
  if (spam + expired > 0) store.truncateLog();
  return { expired, spam };
}
