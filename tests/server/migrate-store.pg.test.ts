/**
 * `npm run migrate-store -- --to <DATABASE_URL>`: an SQLite store with submissions, spam, sent and
 * pending mails and a staff account moves into PostgreSQL; the counts are verified, a second run copies nothing new,
 * and a server on PostgreSQL numbers on and sends the pending mails.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { describe, expect, inject, it } from 'vitest';
import { openStore } from '../../server/store/index.ts';
import { createSchema, rawSubmissionRows } from '../lib/test-store.ts';
import { fixtureScript } from './child-server.ts';
import { cleanupAfterEach } from './cleanups.ts';
import { hashPassword } from '../../server/admin/passwords.ts';
import { authorityOf } from '../../server/store/authority.ts';
import { FIXTURE_DIST, INTERESSE, createTestApp, json, repoRoot, signInApp, smtpSink, validInteresse, waitFor } from './helpers.ts';

const cleanups = cleanupAfterEach();

function migrate(dataDir: string, to: string) {
  return spawnSync(process.execPath, [fixtureScript('migrate-store'), '--to', to], { cwd: repoRoot, env: { PATH: process.env['PATH'] ?? '', DIST_DIR: FIXTURE_DIST, DATA_DIR: dataDir }, encoding: 'utf8' });
}

describe('migrate-store', () => {
  it('copies submissions, counters and pending mails into PostgreSQL, verifies them, and is safe to run twice', { timeout: 60_000 }, async () => {
    const dataDir = join(cleanups.folder('kv-migrate-'), 'data');
    const sqlite = openStore({ dataDir, databaseUrl: null });
    const saved = await sqlite.saveSubmissions([
      // Five submissions of four authorities („Vorher 0“ twice): four Vorgänge.
      ...Array.from({ length: 5 }, (_, i) => ({ form: 'interesse', prefix: 'KV', data: validInteresse({ behoerde: `Vorher ${i % 4}` }), spam: false, authority: authorityOf({ behoerde: `Vorher ${i % 4}` }) })),
      { form: 'barriere-melden', prefix: 'BF', data: { seite: '/', beschreibung: 'Kontrast', datenschutz: true }, spam: false },
      { form: 'interesse', prefix: 'KV', data: {}, spam: true },
    ]);
    const [sent] = await sqlite.claimDueMails('test', Date.now(), 0, 1);
    await sqlite.markSent([sent!.outboxId], new Date());
    // A staff account (its sessions stay behind: staff sign in again).
    await sqlite.addAccount('anna', await hashPassword('anna-passwort-0815-lang'), new Date());
    await sqlite.createSession('sitzung', 'anna', Date.now());
    // A status link of one Vorgang (its token's hash only) keeps working on PostgreSQL.
    const [linked] = await sqlite.listVorgaenge();
    await sqlite.createStatusLink({ vorgangId: linked!.id, tokenHash: 'hash-des-tokens', createdAt: '2026-03-01T10:00:00.000Z', expiresAt: '2099-01-01T00:00:00.000Z' });
    await sqlite.close();

    const db = await createSchema(inject('postgresUrl'));
    cleanups.add(() => db.drop());
    const url = db.url ?? '';
    const first = migrate(dataDir, url);
    const second = migrate(dataDir, url);
    console.log(`migrate-store, first run:\n${first.stdout}second run:\n${second.stdout}`);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain('Übernommen nach');
    expect(first.stdout).toContain('7 neue von 7 Einsendung(en), 6 neue von 6 Benachrichtigung(en) (5 wartend), 2 Zähler, 1 neue von 1 Konto/Konten');
    expect(first.stdout).toContain('4 neue von 4 Vorgang/Vorgängen');
    expect(first.stdout).toContain('Geprüft: Einsendungen 7/7, Benachrichtigungen 6/6 (davon wartend im Ziel 5), Zähler zurück 0, Konten 1/1, Vorgänge 4/4, Statuslinks 1/1 — vollständig.');
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout).toContain('0 neue von 7 Einsendung(en), 0 neue von 6 Benachrichtigung(en)');
    expect(second.stdout).toContain('0 neue von 1 Konto/Konten');
    expect(second.stdout).toContain('0 neue von 4 Vorgang/Vorgängen');
    expect(second.stdout).toContain('vollständig');
    const rows = await rawSubmissionRows({ dataDir: '', databaseUrl: url });
    expect(rows.map((r) => r.reference).sort()).toEqual(saved.map((s) => s.reference).sort());

    // A server on PostgreSQL numbers on and sends exactly the pending mails.
    const sink = smtpSink();
    await sink.start();
    cleanups.add(() => sink.stop());
    const t = await createTestApp({ DATABASE_URL: url, SMTP_URL: sink.url, OUTBOX_POLL_MS: '50', ADMIN_AREA: 'ja' }, {});
    cleanups.add(() => t.close());
    // The account signs in on PostgreSQL with its password; its SQLite session was not copied.
    expect(await t.app.store.findSession('sitzung')).toBeNull();
    await signInApp(t.app, 'anna', 'anna-passwort-0815-lang');
    const res = await t.app.inject({ method: 'POST', url: `/f/${INTERESSE}`, payload: validInteresse(), headers: json });
    // Five submissions and one honeypot catch came before: the counter goes on at 7.
    expect(res.json<{ id: string }>().id).toBe(saved[0]!.reference.replace(/\d{6}$/, '000007'));
    await waitFor(() => sink.mails.length === 6, 10_000);
    // Stopped, the outbox sends nothing more: a seventh mail (a duplicate) would be here now.
    await t.app.outbox.stop();
    const subjects = (await Promise.all(sink.mails.map(async (m) => (await simpleParser(m.raw)).headers.get('x-portal-reference')))).sort();
    expect(subjects).toEqual([...saved.slice(1, 6).map((s) => s.reference), res.json<{ id: string }>().id].sort());
    // The copied Vorgänge hold their submissions: the authority that came twice, newest first.
    const twice = await t.app.store.findVorgang(saved[0]!.reference);
    expect((await t.app.store.vorgangSubmissions(twice?.id ?? 0)).map((s) => s.reference)).toEqual([saved[4]!.reference, saved[0]!.reference]);
    const link = await t.app.store.findStatusLink('hash-des-tokens');
    expect(link?.vorgang.number).toBe(linked!.number);
    expect(link?.link).toMatchObject({ createdAt: '2026-03-01T10:00:00.000Z', expiresAt: '2099-01-01T00:00:00.000Z', revokedAt: null });
  });

  it('refuses a target whose reference numbers were used for other submissions', async () => {
    const dataDir = join(cleanups.folder('kv-migrate-'), 'data');
    const sqlite = openStore({ dataDir, databaseUrl: null });
    await sqlite.saveSubmissions([{ form: 'interesse', prefix: 'KV', data: {}, spam: false, now: new Date('2026-02-01T10:00:00Z') }]);
    await sqlite.close();
    const db = await createSchema(inject('postgresUrl'));
    cleanups.add(() => db.drop());
    const postgres = openStore({ dataDir, databaseUrl: db.url ?? '' });
    await postgres.saveSubmissions([{ form: 'interesse', prefix: 'KV', data: {}, spam: false, now: new Date('2026-03-01T10:00:00Z') }]);
    await postgres.close();
    const run = migrate(dataDir, db.url ?? '');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Die Eingangsnummer KV-2026-000001 gibt es in PostgreSQL schon mit anderen Daten');
  });
});
