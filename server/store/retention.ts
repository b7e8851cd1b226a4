/**
 * Deleting what the Datenschutzerklärung promises to delete: submissions older than
 * RETENTION_DAYS (unless their notification is still waiting in the outbox; with an admin area, a
 * submission of a Vorgang RETENTION_DAYS after the Vorgang ended, never while it is open) and honeypot catches
 * older than SPAM_RETENTION_DAYS. The server runs it at start and every 6 hours; `npm run purge`
 * (server/cli/purge.ts) runs it once. With several instances on one database any of them may run it.
 * SQLite overwrites deleted rows (secure_delete) and empties its write-ahead log afterwards, so
 * the data is gone from the files too.
 */
import type { ServerConfig } from '../config.ts';
import type { Store } from './index.ts';

const DAY_MS = 86_400_000;

export interface PurgeResult {
  /** Submissions deleted after RETENTION_DAYS. */
  readonly expired: number;
  /** Honeypot catches deleted after SPAM_RETENTION_DAYS. */
  readonly spam: number;
}

export async function purgeExpiredSubmissions(
  store: Pick<Store, 'purgeSpam' | 'purgeExpired'>,
  config: Pick<ServerConfig, 'retentionDays' | 'spamRetentionDays' | 'deployment'>,
  now: number = Date.now(),
): Promise<PurgeResult> {
  const spam = await store.purgeSpam(new Date(now - config.spamRetentionDays * DAY_MS));
  // With an admin area staff end Vorgänge: an interest form's submissions are kept while their Vorgang is open.
  const expired = await store.purgeExpired(new Date(now - config.retentionDays * DAY_MS), config.deployment.ADMIN_AREA);
  return { expired, spam };
}
