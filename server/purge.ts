/**
 * `npm run purge`: deletes once what the Datenschutzerklärung promises to delete — submissions
 * older than RETENTION_DAYS (unless their notification still waits in the outbox) and honeypot
 * catches older than SPAM_RETENTION_DAYS. The running server does the same at start and every 6
 * hours; this command is for a cron job, or before a backup. Reads the same environment (and
 * .env) as `npm start`. Exit code 1 when the database cannot be opened.
 */
import { loadConfig } from './config.ts';
import { openStore, storageErrorReason } from './db.ts';
import { purgeExpiredSubmissions } from './retention.ts';

const config = loadConfig();
try {
  const store = openStore(config.dataDir);
  try {
    const { expired, spam } = purgeExpiredSubmissions(store, config);
    console.log(
      `Gelöscht: ${expired} Einsendung(en) älter als ${config.retentionDays} Tage, ${spam} Spam-Einsendung(en) älter als ${config.spamRetentionDays} Tage (${config.dataDir}).`,
    );
  } finally {
    store.close();
  }
} catch (error) {
  console.error(`Löschen fehlgeschlagen, die Datenbank in ${config.dataDir} ist nicht verfügbar (${storageErrorReason(error)}).`);
  process.exit(1);
}
