/**
 * Backup and restore of the SQLite store (`npm run backup`), drilled as an operator would do it:
 * a backup while a burst of submissions goes on, restored into a fresh DATA_DIR, the server started
 * on it. Prints its counts.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { rawSubmissionRows } from '../lib/test-store.ts';
import { burst, checkStored, submitTo, type Attempt } from './burst.ts';
import { CHILD_ADMIN, fixtureScript, metric } from './child-server.ts';
import { signIn } from '../../scripts/lib/admin-client.ts';
import { hashPassword } from '../../server/admin/passwords.ts';
import { openStore } from '../../server/store/index.ts';
import { cleanupAfterEach } from './cleanups.ts';
import { FIXTURE_DIST, repoRoot, waitFor } from './helpers.ts';

const cleanups = cleanupAfterEach();
const folder = (): string => cleanups.folder('kv-backup-');
const start = (env: Record<string, string>) => cleanups.server({ ...env, ...CHILD_ADMIN });

/** `npm run backup -- <target>` as a child process (the compiled script it runs, without npm and the launcher). */
function backup(dataDir: string, target: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [fixtureScript('backup'), target], { cwd: repoRoot, env: { PATH: process.env['PATH'] ?? '', DIST_DIR: FIXTURE_DIST, DATA_DIR: dataDir } });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    child.on('exit', (code) => resolve({ code, out }));
  });
}

describe('backup and restore', () => {
  it('backs up during a burst; the restored store has everything acknowledged before the backup, numbers on without reuse and keeps pending mails pending', { timeout: 60_000 }, async () => {
    const live = join(folder(), 'data');
    // A staff account: the backup holds it, and after the restore it signs in.
    const before = openStore({ dataDir: live, databaseUrl: null });
    await before.addAccount('anna', await hashPassword('anna-passwort-0815-lang'), new Date());
    await before.close();
    const server = await start({ DATA_DIR: live });
    const seen: Attempt[] = [];
    let done = false;
    const running = burst({ clients: 8, label: 'Sicherung', target: () => server.base, stop: () => done, onAttempt: (a) => seen.push(a) });
    const acknowledged = () => seen.filter((a) => a.status === 200).length;
    await waitFor(() => acknowledged() >= 40, 20_000); // the burst is under way

    const target = join(folder(), 'sicherung', 'submissions.sqlite');
    const acknowledgedBefore = seen.filter((a) => a.status === 200).map((a) => a.marker);
    const result = await backup(live, target);
    const atBackupEnd = acknowledged();
    await waitFor(() => acknowledged() >= atBackupEnd + 10, 20_000); // the burst goes on after the backup
    done = true;
    const attempts = await running;
    expect((await server.stop('SIGTERM')).code).toBe(0);
    expect(result.code, result.out).toBe(0);
    expect(result.out).toMatch(/^Gesichert: \d+ Einsendung\(en\), \d+ wartende Benachrichtigung\(en\), 1 Konto\/Konten, \d+ Vorgang\/Vorgänge → /);
    expect((statSync(target).mode & 0o777).toString(8)).toBe('600');

    // Restore as docs/betrieb.md says: a fresh DATA_DIR, the copy as submissions.sqlite.
    const restored = join(folder(), 'data');
    mkdirSync(restored, { mode: 0o700 });
    copyFileSync(target, join(restored, 'submissions.sqlite'));
    const rows = await rawSubmissionRows({ dataDir: restored, databaseUrl: null });
    const restoredServer = await start({ DATA_DIR: restored });
    const pending = await metric(restoredServer.base, 'kv_outbox_pending');
    const next = await submitTo(restoredServer.base, 'Nach der Wiederherstellung');
    await signIn(restoredServer.base, 'anna', 'anna-passwort-0815-lang');
    expect((await restoredServer.stop('SIGTERM')).code).toBe(0);

    const inBackup = new Set(rows.map((r) => String((JSON.parse(r.data) as { behoerde?: unknown }).behoerde)));
    const missing = acknowledgedBefore.filter((m) => !inBackup.has(m));
    const check = checkStored([], rows);
    const highest = Math.max(...rows.map((r) => Number(r.reference.slice(-6))));
    const db = new DatabaseSync(join(restored, 'submissions.sqlite'), { readOnly: true });
    const { integrity_check: integrity } = db.prepare('PRAGMA integrity_check').get() as { integrity_check: string };
    // The burst's submissions name one Gemeindeschlüssel (validInteresse): one Vorgang, which every restored submission and the next one joined.
    const vorgaenge = db.prepare('SELECT COUNT(*) AS n, (SELECT COUNT(*) FROM submissions WHERE spam = 0 AND vorgang_id IS NULL) AS without FROM vorgaenge').get() as { n: number; without: number };
    db.close();
    console.log(
      `restore drill: ${attempts.length} submissions in the burst, ${acknowledgedBefore.length} acknowledged before the backup started, ` +
        `${rows.length} in the backup (missing ${missing.length}, duplicates ${check.duplicates.length}, gaps ${check.gaps.length}), ` +
        `pending mails after the restore ${pending}, next reference ${next.id ?? next.status} after ${highest}, integrity ${integrity}`,
    );
    expect(acknowledgedBefore.length).toBeGreaterThan(0);
    expect(missing).toEqual([]);
    expect(check.duplicates).toEqual([]);
    expect(check.gaps).toEqual([]);
    expect(pending).toBe(rows.length); // no SMTP_URL: every notification still waits
    expect(next.status).toBe(200);
    expect(Number(next.id?.slice(-6))).toBe(highest + 1);
    expect(rows.map((r) => r.reference)).not.toContain(next.id);
    expect(integrity).toBe('ok');
    expect(result.out).toContain(', 1 Vorgang/Vorgänge → ');
    expect(vorgaenge).toEqual({ n: 1, without: 0 });
  });

  it('refuses to overwrite a backup, and with DATABASE_URL points to pg_dump', async () => {
    const live = join(folder(), 'data');
    const server = await start({ DATA_DIR: live });
    expect((await submitTo(server.base, 'Eine Einsendung')).status).toBe(200);
    const target = join(folder(), 'eins.sqlite');
    expect((await backup(live, target)).code).toBe(0);
    const again = await backup(live, target);
    expect(again.code).toBe(1);
    expect(again.out).toContain('eine Sicherung wird nie überschrieben');
    const postgres = await new Promise<{ code: number | null; out: string }>((resolve) => {
      const child = spawn(process.execPath, [fixtureScript('backup')], { cwd: repoRoot, env: { PATH: process.env['PATH'] ?? '', DIST_DIR: FIXTURE_DIST, DATABASE_URL: 'postgres://kv@127.0.0.1:1/kv' } });
      let out = '';
      child.stderr.on('data', (c: Buffer) => (out += c.toString()));
      child.on('exit', (code) => resolve({ code, out }));
    });
    expect(postgres.code).toBe(1);
    expect(postgres.out).toContain('pg_dump');
  });
});
