/**
 * `npm run migrate-store -- --to <DATABASE_URL>`: copies the SQLite store in DATA_DIR (submissions,
 * reference counters, the mail outbox with its pending mails, the staff accounts (not their sessions), the Vorgänge with their history and status links) into PostgreSQL, creating the tables
 * there first, then checks that the target holds every row and counter. Stop the server first;
 * running it twice copies nothing new and checks again. Exit code 1 on any problem.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { loadConfig, POSTGRES_URL } from '../config.ts';
import { readOrExit } from './startup.ts';
import { openPostgresStore } from '../store/postgres.ts';
import { countInPostgres, importIntoPostgres } from '../store/postgres-import.ts';
import { SQLITE_FILE } from '../store/sqlite-db.ts';
import { dumpSqliteStore } from '../store/sqlite-dump.ts';
import { storageErrorReason } from '../store/types.ts';

const { values } = parseArgs({ options: { to: { type: 'string' } }, strict: true });
const target = values.to ?? '';
if (!POSTGRES_URL.test(target)) {
  console.error('Aufruf: npm run migrate-store -- --to postgres://benutzer:passwort@host:5432/datenbank');
  process.exit(2);
}
const config = readOrExit(() => loadConfig({ ...process.env, DATABASE_URL: '' }));
const source = join(config.dataDir, SQLITE_FILE);
if (!existsSync(source)) {
  console.error(`Keine SQLite-Datenbank in ${source} (DATA_DIR prüfen).`);
  process.exit(1);
}

const safeTarget = target.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
try {
  const dump = dumpSqliteStore(config.dataDir);
  // Creates (or checks) the PostgreSQL schema with the store's own migrations.
  const store = openPostgresStore(target, { poolSize: 1 });
  try {
    await store.schemaVersion();
  } finally {
    await store.close();
  }
  const client = new pg.Client({ connectionString: target });
  await client.connect();
  try {
    const added = await importIntoPostgres(client, dump);
    const found = await countInPostgres(client, dump);
    const sourcePending = dump.outbox.filter((o) => o.status === 'pending').length;
    console.log(
      `Übernommen nach ${safeTarget}: ${added.submissionsAdded} neue von ${dump.submissions.length} Einsendung(en), ` +
        `${added.mailsAdded} neue von ${dump.outbox.length} Benachrichtigung(en) (${sourcePending} wartend), ${dump.counters.length} Zähler, ` +
        `${added.accountsAdded} neue von ${dump.accounts.length} Konto/Konten (Anmeldungen nicht: wer angemeldet war, meldet sich neu an), ` +
        `${added.vorgaengeAdded} neue von ${dump.vorgaenge.length} Vorgang/Vorgängen.`,
    );
    const links = dump.vorgaenge.reduce((n, v) => n + v.statusLinks.length, 0);
    const ok =
      found.submissions === dump.submissions.length &&
      found.mails === dump.outbox.length &&
      found.countersBehind === 0 &&
      found.accounts === dump.accounts.length &&
      found.vorgaenge === dump.vorgaenge.length &&
      found.statusLinks === links;
    console.log(
      `Geprüft: Einsendungen ${found.submissions}/${dump.submissions.length}, Benachrichtigungen ${found.mails}/${dump.outbox.length} ` +
        `(davon wartend im Ziel ${found.pending}), Zähler zurück ${found.countersBehind}, Konten ${found.accounts}/${dump.accounts.length}, Vorgänge ${found.vorgaenge}/${dump.vorgaenge.length}, Statuslinks ${found.statusLinks}/${links} — ${ok ? 'vollständig' : 'UNVOLLSTÄNDIG'}.`,
    );
    if (!ok) process.exitCode = 1;
  } finally {
    await client.end();
  }
} catch (error) {
  console.error(`Übernahme fehlgeschlagen (${storageErrorReason(error)}): ${(error as Error).message.split('\n')[0]}`);
  process.exitCode = 1;
}
