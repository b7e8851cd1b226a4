/**
 * `npm run backup [-- <Zieldatei>]`: a consistent copy of the SQLite store while the server keeps
 * taking submissions (VACUUM INTO: one read transaction, so the copy holds exactly what was
 * committed when it started). Default target: backups/submissions-<UTC time>.sqlite below the
 * working directory, written 0600 in a 0700 folder (it holds personal data). The copy is checked
 * (integrity_check) and its counts printed. Restore: docs/betrieb.md, "Sicherung". With DATABASE_URL
 * the data lives in PostgreSQL: back it up with pg_dump instead.
 */
import { closeSync, existsSync, mkdirSync, openSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { loadConfig } from '../config.ts';
import { readOrExit } from './startup.ts';
import { SQLITE_FILE } from '../store/sqlite-db.ts';
import { storageErrorReason } from '../store/types.ts';

const config = readOrExit(() => loadConfig());
if (config.databaseUrl !== null) {
  console.error('DATABASE_URL ist gesetzt: die Daten liegen in PostgreSQL. Sichern Sie sie mit pg_dump (docs/betrieb.md, „Sicherung und Wiederherstellung“).');
  process.exit(1);
}
const source = join(config.dataDir, SQLITE_FILE);
const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');
const target = resolve(process.argv[2] ?? join('backups', `submissions-${stamp}.sqlite`));

if (!existsSync(source)) {
  console.error(`Sicherung fehlgeschlagen: ${source} gibt es nicht (DATA_DIR prüfen).`);
  process.exit(1);
}
if (existsSync(target)) {
  console.error(`Sicherung fehlgeschlagen: ${target} gibt es schon; eine Sicherung wird nie überschrieben.`);
  process.exit(1);
}

try {
  mkdirSync(dirname(target), { recursive: true, mode: 0o700 });
  // VACUUM INTO writes into an empty file; created here with 0600.
  closeSync(openSync(target, 'wx', 0o600));
  const db = new DatabaseSync(source);
  try {
    db.exec('PRAGMA busy_timeout = 10000');
    db.prepare('VACUUM INTO ?').run(target);
  } finally {
    db.close();
  }
  const copy = new DatabaseSync(target, { readOnly: true });
  try {
    const { integrity_check: integrity } = copy.prepare('PRAGMA integrity_check').get() as { integrity_check: string };
    if (integrity !== 'ok') throw Object.assign(new Error(`integrity_check: ${integrity}`), { code: 'INTEGRITY' });
    const n = (sql: string): number => Number((copy.prepare(sql).get() as { n: number }).n);
    // A store the server has not yet migrated to named accounts has no such table.
    const table = (name: string): number => (n(`SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table' AND name = '${name}'`) === 0 ? 0 : n(`SELECT COUNT(*) AS n FROM ${name}`));
    const accounts = table('accounts');
    console.log(
      `Gesichert: ${n('SELECT COUNT(*) AS n FROM submissions WHERE spam = 0')} Einsendung(en), ${n("SELECT COUNT(*) AS n FROM outbox WHERE status = 'pending'")} wartende Benachrichtigung(en), ` +
        `${accounts} Konto/Konten, ${table('vorgaenge')} Vorgang/Vorgänge → ${target}`,
    );
  } finally {
    copy.close();
  }
} catch (error) {
  rmSync(target, { force: true });
  console.error(`Sicherung fehlgeschlagen (${storageErrorReason(error)}): ${source} → ${target}`);
  process.exit(1);
}
