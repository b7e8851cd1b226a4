/**
 * Data protection: submissions are deleted after RETENTION_DAYS (by `npm run purge` and at
 * start), gone from the database files too, and the server's log never contains what people
 * submitted — not on success, not on any error.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore as openStoreAt } from '../../server/store/index.ts';
import { fixtureScript } from './child-server.ts';
import { cleanupAfterEach } from './cleanups.ts';
import { FIXTURE_DIST, formPost, freePort, INTERESSE, json, multipart, repoRoot, signInBody, urlencoded, validInteresse, waitFor } from './helpers.ts';

const cleanups = cleanupAfterEach();
const dataDir = (): string => cleanups.folder('kv-privacy-');

const DAY = 86_400_000;

const openStore = (dir: string) => openStoreAt({ dataDir: dir, databaseUrl: null });

/** Marks the mail of `reference` sent. */
async function markSent(dir: string, reference: string): Promise<void> {
  const store = openStore(dir);
  const due = (await store.claimDueMails('test', Date.now(), 0, 10)).find((m) => m.submission.reference === reference);
  await store.markSent([due!.outboxId], new Date());
  await store.close();
}

/** A database with one submission of each retention case; returns their references. */
async function seed(dir: string): Promise<Record<'oldSent' | 'oldPending' | 'recent' | 'oldSpam', string>> {
  const store = openStore(dir);
  const save = async (behoerde: string, daysAgo: number, spam = false) =>
    (await store.saveSubmissions([{ form: INTERESSE, prefix: 'KV', data: validInteresse({ behoerde }), spam, now: new Date(Date.now() - daysAgo * DAY) }]))[0]!;
  const oldSent = await save('Gelöschte Behörde Alt', 400);
  const oldPending = await save('Alte Behörde, Mail wartet', 400);
  const recent = await save('Neue Behörde', 10);
  const oldSpam = await save('Alter Spam', 40, true);
  await store.close();
  await markSent(dir, oldSent.reference);
  return { oldSent: oldSent.reference, oldPending: oldPending.reference, recent: recent.reference, oldSpam: oldSpam.reference };
}

/** Every byte of the database files (database, WAL, shared memory) as Latin-1 text for searching. */
function databaseBytes(dir: string): string {
  return readdirSync(dir)
    .filter((name) => name.startsWith('submissions.sqlite'))
    .map((name) => readFileSync(join(dir, name)).toString('latin1'))
    .join('\n');
}

/** A text as its UTF-8 bytes read as Latin-1, to find it in databaseBytes(). */
const asBytes = (text: string): string => Buffer.from(text, 'utf8').toString('latin1');

describe('retention', () => {
  it('npm run purge deletes submissions after RETENTION_DAYS and spam after SPAM_RETENTION_DAYS, keeps one whose mail still waits, and leaves no trace in the files', async () => {
    const dir = dataDir();
    const refs = await seed(dir);
    expect(databaseBytes(dir)).toContain(asBytes('Gelöschte Behörde Alt'));
    const run = spawnSync(process.execPath, [fixtureScript('purge')], { cwd: repoRoot, env: { PATH: process.env['PATH'] ?? '', DIST_DIR: FIXTURE_DIST, DATA_DIR: dir }, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('Gelöscht: 1 Einsendung(en) älter als 365 Tage, 1 Spam-Einsendung(en) älter als 30 Tage');
    const store = openStore(dir);
    expect((await store.listSubmissions(INTERESSE)).map((s) => s.reference).sort()).toEqual([refs.oldPending, refs.recent].sort());
    expect(await store.countSpam(INTERESSE)).toBe(0);
    await store.close();
    const bytes = databaseBytes(dir);
    expect(bytes).not.toContain(asBytes('Gelöschte Behörde Alt'));
    expect(bytes).not.toContain('Alter Spam');
    console.log(`purge: deleted 1 expired and 1 spam, kept 1 recent and 1 with a pending mail; purged text left in the files: 0`);
  });

  it('honours RETENTION_DAYS and fails with exit code 1 when the database is not available', async () => {
    const dir = dataDir();
    const refs = await seed(dir);
    await markSent(dir, refs.recent);
    const shorter = spawnSync(process.execPath, [fixtureScript('purge')], { cwd: repoRoot, env: { PATH: process.env['PATH'] ?? '', DIST_DIR: FIXTURE_DIST, DATA_DIR: dir, RETENTION_DAYS: '5' }, encoding: 'utf8' });
    expect(shorter.stdout).toContain('Gelöscht: 2 Einsendung(en) älter als 5 Tage');
    const store = openStore(dir);
    expect((await store.listSubmissions(INTERESSE)).map((s) => s.reference)).toEqual([refs.oldPending]);
    await store.close();

    const file = join(dataDir(), 'datei');
    writeFileSync(file, 'kein Ordner');
    const broken = spawnSync(process.execPath, [fixtureScript('purge')], { cwd: repoRoot, env: { PATH: process.env['PATH'] ?? '', DIST_DIR: FIXTURE_DIST, DATA_DIR: file }, encoding: 'utf8' });
    expect(broken.status).toBe(1);
    expect(broken.stderr).toMatch(/^Löschen fehlgeschlagen, die Datenbank in .* ist nicht verfügbar \(\w+\)\.$/m);
  });

  it('deletes expired submissions when the server starts', async () => {
    const dir = dataDir();
    const refs = await seed(dir);
    const t = await cleanups.app({ DATA_DIR: dir });
    await t.app.ready();
    expect((await t.app.store.listSubmissions(INTERESSE)).map((s) => s.reference).sort()).toEqual([refs.oldPending, refs.recent].sort());
  });
});

describe('logs', () => {
  const person = {
    ansprechperson: 'Zacharias Privatmann',
    email: 'zacharias.privatmann@stadt-geheim.de',
    telefon: '0231 9876543',
  };

  it('never contain the submitted name, e-mail address or phone number, on success or on any error', async () => {
    const smtpPort = await freePort(); // nothing listens: every mail attempt fails and is logged
    const server = await cleanups.server({
      DATA_DIR: dataDir(),
      LOG_LEVEL: 'trace',
      FORM_RATE_LIMIT: '12',
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      OUTBOX_POLL_MS: '50',
      OUTBOX_RETRY_BASE_MS: '50',
      ADMIN_USER: 'dnrw',
      ADMIN_PASSWORD: 'privacy-test-geheim',
    });
    const post = (body: string, headers: Record<string, string>) => fetch(`${server.base}/f/${INTERESSE}`, { method: 'POST', headers, body, redirect: 'manual' });
    const data = validInteresse(person);
    const statuses: number[] = [];
    const record = async (response: Promise<Response>) => statuses.push((await response).status);

    await record(post(JSON.stringify(data), json));
    const browser = { ...formPost, origin: server.base };
    await record(post(urlencoded(data), browser));
    const mp = multipart(data);
    await record(post(mp.payload, mp.headers));
    await record(post(JSON.stringify({ ...data, antragsstrecken: [] }), json)); // 422
    await record(post(urlencoded({ ...data, email: `${person.email}x@` }), browser)); // 422, HTML
    await record(post(`{"ansprechperson": "${person.ansprechperson}", "email": "${person.email}", "telefon": "${person.telefon}"`, json)); // 400
    await record(post(JSON.stringify({ ...data, nachricht: 'x'.repeat(40_000) }), json)); // 413
    await record(post(`email=${person.email}&telefon=${person.telefon}`, { 'content-type': 'text/plain', accept: 'application/json' })); // 415
    await record(post(JSON.stringify(data), { ...json, origin: 'https://evil.example' })); // 403
    await record(post(JSON.stringify({ ...data, _gotcha: person.email }), json)); // honeypot
    for (let i = 0; i < 4; i++) await record(post(JSON.stringify(data), json)); // ends in 429
    await record(fetch(`${server.base}/f/${INTERESSE}?email=${encodeURIComponent(person.email)}`, { method: 'GET' })); // 405
    await record(fetch(`${server.base}/healthz?telefon=${encodeURIComponent(person.telefon)}`));
    const signIn = { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: signInBody(person.email, person.ansprechperson), redirect: 'manual' } as const;
    for (let i = 0; i < 6; i++) await record(fetch(`${server.base}/admin/anmelden`, signIn)); // 401, then 429
    await waitFor(() => server.output().includes('Benachrichtigung fehlgeschlagen'), 10_000);
    expect((await server.stop('SIGTERM')).code).toBe(0);

    const log = server.output();
    expect(new Set(statuses)).toEqual(new Set([200, 303, 422, 400, 413, 415, 403, 429, 405, 401]));
    expect(log).toContain('Einsendung gespeichert');
    expect(log).toContain('Benachrichtigung fehlgeschlagen');
    expect(log).toContain('Anmeldung an der Verwaltung fehlgeschlagen');
    const found = Object.entries(person).filter(([, value]) => log.includes(value) || log.includes(encodeURIComponent(value)));
    const lines = log.split('\n').filter((line) => line.trim() !== '').length;
    console.log(`logs: ${statuses.length} requests (statuses ${[...new Set(statuses)].sort().join(', ')}), ${lines} log lines at trace level, personal values found ${found.length}`);
    expect(found).toEqual([]);
    expect(log).not.toContain('Privatmann');
    expect(log).not.toContain('stadt-geheim');
  });
});
