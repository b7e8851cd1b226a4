/**
 * The Datenschutzerklärung lists what the form server's log holds (<Protokollangaben />, from
 * src/strings/log-fields.ts); this test keeps that list and the logger in step. Real servers at the
 * most verbose level answer real requests — submissions stored, refused with failed fields, too
 * large, of the wrong type or origin, caught by the honeypot, rate-limited, a 404, a 405, failed admin
 * logins, a sign-in, an export and a sign-out — while mails fail, expired submissions and sessions are purged at start, a restart without
 * a mail server reports the backlog, and a second server fails to start on a taken port. Every key
 * of every line must be in the list, and every key of the list must occur.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../server/store/index.ts';
import { logFields } from '../../src/strings/log-fields.ts';
import { cleanupAfterEach } from './cleanups.ts';
import { fixtureScript } from './child-server.ts';
import { FIXTURE_DIST, fixtureRollout, formPost, freePort, INTERESSE, stepValues, json, multipart, repoRoot, signInBody, urlencoded, validInteresse, waitFor } from './helpers.ts';
import { signIn } from '../../scripts/lib/admin-client.ts';

const cleanups = cleanupAfterEach();
const DAY = 86_400_000;
const ADMIN = { ADMIN_USER: 'dnrw', ADMIN_PASSWORD: 'protokoll-test-geheim' };

/** The keys of a log line, nested ones with a dot (`req.method`); a list is one value. */
function keysOf(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [prefix];
  return Object.entries(value).flatMap(([key, inner]) => keysOf(inner, prefix === '' ? key : `${prefix}.${key}`));
}

/** Every key of every line of `output` with the message of the first line that has it; a line that is not JSON fails. */
function loggedKeys(output: string, into: Map<string, string>): void {
  for (const line of output.split('\n').filter((l) => l.trim() !== '')) {
    let parsed: { msg?: string };
    try {
      parsed = JSON.parse(line) as { msg?: string };
    } catch {
      throw new Error(`Keine JSON-Zeile im Protokoll: ${line}`);
    }
    for (const key of keysOf(parsed)) if (!into.has(key)) into.set(key, parsed.msg ?? '');
  }
}

describe('what the log holds', () => {
  it('every key the server logs is listed in the Datenschutzerklärung, and every listed key is logged', { timeout: 60_000 }, async () => {
    const dataDir = cleanups.folder('kv-log-fields-');
    // Expired submissions, deleted (and counted in the log) when the server starts.
    const store = openStore({ dataDir, databaseUrl: null });
    for (const spam of [false, true]) {
      await store.saveSubmissions([{ form: INTERESSE, prefix: 'KV', data: validInteresse(), spam, now: new Date(Date.now() - 400 * DAY) }]);
    }
    // A session of the admin area, expired long ago: deleted (and counted in the log) at start too.
    await store.createSession('abgelaufen', ADMIN.ADMIN_USER, Date.now() - 10 * DAY);
    await store.close();

    const seen = new Map<string, string>();
    const smtpPort = await freePort(); // nothing listens: every mail attempt fails and is logged
    const verbose = { DATA_DIR: dataDir, LOG_LEVEL: 'trace', FORM_RATE_LIMIT: '12', ...ADMIN };
    const first = await cleanups.server({ ...verbose, SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, OUTBOX_POLL_MS: '50', OUTBOX_RETRY_BASE_MS: '50' });
    const post = (body: string, headers: Record<string, string>) => fetch(`${first.base}/f/${INTERESSE}`, { method: 'POST', headers, body, redirect: 'manual' });
    const data = validInteresse();
    const vorgang = (await (await post(JSON.stringify(data), json)).json()) as { id?: string };
    await post(urlencoded(data), { ...formPost, origin: first.base });
    const form = multipart(data);
    await post(form.payload, form.headers);
    await post(JSON.stringify({ ...data, antragsstrecken: [], email: 'kaputt' }), json); // 422 with the failed fields
    await post('{"behoerde": "Stadt', json); // 400
    await post(JSON.stringify({ ...data, nachricht: 'x'.repeat(40_000) }), json); // 413
    await post('behoerde=x', { 'content-type': 'text/plain', accept: 'application/json' }); // 415
    await post(JSON.stringify(data), { ...json, origin: 'https://fremd.example' }); // 403
    await post(JSON.stringify({ ...data, _gotcha: 'Programm' }), json); // honeypot
    for (let i = 0; i < 4; i++) await post(JSON.stringify(data), json); // ends in 429
    await fetch(`${first.base}/f/${INTERESSE}?x=1`); // 405
    await fetch(`${first.base}/gibt-es-nicht/?x=1`); // 404
    await fetch(`${first.base}/healthz`);
    const session = await signIn(first.base, ADMIN.ADMIN_USER, ADMIN.ADMIN_PASSWORD);
    await fetch(`${first.base}/admin/${INTERESSE}.csv`, { headers: session.cookie });
    // A Vorgang moved on to its offer's second step (logs the Vorgang and the step).
    const step = fixtureRollout.get(INTERESSE)?.[1];
    const move = new URLSearchParams({ _csrf: session.csrfToken, von: '', ...(step === undefined ? {} : stepValues(step)) }).toString();
    await fetch(`${first.base}/admin/vorgang/${vorgang.id ?? ''}/schritt`, { method: 'POST', headers: { ...session.cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: move, redirect: 'manual' });
    const signOut = new URLSearchParams({ _csrf: session.csrfToken }).toString();
    await fetch(`${first.base}/admin/abmelden`, { method: 'POST', headers: { ...session.cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: signOut });
    const wrong = { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: signInBody('jemand', 'falsch'), redirect: 'manual' } as const;
    for (let i = 0; i < 6; i++) await fetch(`${first.base}/admin/anmelden`, wrong); // 401, then 429
    await waitFor(() => first.output().includes('Benachrichtigung fehlgeschlagen'), 10_000);
    expect((await first.stop('SIGTERM')).code).toBe(0);
    loggedKeys(first.output(), seen);

    // Without a mail server the backlog waits, and the server says how long it is.
    const second = await cleanups.server({ ...verbose });
    await waitFor(() => second.output().includes('SMTP_URL ist nicht gesetzt'), 10_000);
    // A third server on the same port does not start, and says why.
    const { port } = new URL(second.base);
    const third = spawnSync(process.execPath, [fixtureScript('start')], {
      cwd: repoRoot,
      env: { PATH: process.env['PATH'] ?? '', DIST_DIR: FIXTURE_DIST, SERVE_SITE: 'false', DATA_DIR: cleanups.folder('kv-log-fields-'), LOG_LEVEL: 'trace', HOST: '127.0.0.1', PORT: port },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(third.status).toBe(1);
    expect((await second.stop('SIGTERM')).code).toBe(0);
    loggedKeys(second.output(), seen);
    loggedKeys(`${third.stdout}${third.stderr}`, seen);

    const listed = Object.keys(logFields).sort();
    const logged = [...seen.keys()].sort();
    expect(logged.filter((key) => !listed.includes(key)).map((key) => `${key} (in „${seen.get(key)}“)`), 'logged but not in src/strings/log-fields.ts').toEqual([]);
    expect(listed.filter((key) => !seen.has(key)), 'in src/strings/log-fields.ts but never logged').toEqual([]);
    console.log(`log fields: ${logged.length} keys logged, ${listed.length} listed`);
  });
});
