/**
 * `npm run purge`: deletes once what the Datenschutzerklärung promises to delete — submissions
 * older than RETENTION_DAYS (unless their notification still waits in the outbox) and honeypot
 * catches older than SPAM_RETENTION_DAYS. The running server does the same at start and every 6
 * hours; this command is for a cron job, or before a backup. Reads the same environment (and
 * .env) as `npm start` (DATABASE_URL or DATA_DIR). Exit code 1 when the database is not available.
 */
import { loadConfig } from '../config.ts';
import { readOrExit } from './startup.ts';
import { purgeExpiredSubmissions } from '../store/retention.ts';
import { openStore, storageErrorReason } from '../store/index.ts';

const config = readOrExit(() => loadConfig());
const where = config.databaseUrl === null ? config.dataDir : 'PostgreSQL (DATABASE_URL)';
const store = openStore(config);
try {
  const { expired, spam } = await purgeExpiredSubmissions(store, config);
  console.log(
    `Gelöscht: ${expired} Einsendung(en) älter als ${config.retentionDays} Tage, ${spam} Spam-Einsendung(en) älter als ${config.spamRetentionDays} Tage (${where}).`,
  );
} catch (error) {
  console.error(`Löschen fehlgeschlagen, die Datenbank in ${where} ist nicht verfügbar (${storageErrorReason(error)}).`);
  process.exitCode = 1;
} finally {
  await store.close();
}
