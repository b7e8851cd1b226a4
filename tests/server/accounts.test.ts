/**
 * Named staff accounts on both stores: `npm run admin` (the compiled CLI of the fixture build) adds,
 * resets and removes them; sign-in through the form gives a session cookie (HttpOnly,
 * SameSite=Strict, Secure behind TLS) that ends after idle time, after its absolute lifetime (an
 * injected clock, no sleeping) and on sign-out; every request that changes something needs the
 * session's CSRF token and is refused when a page of another site sent it (the sign-in too); failed sign-ins of one account slow that account down and count in
 * /metrics; ADMIN_PASSWORD works only while no account exists.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { SCRYPT_PARAMETERS } from '../../server/admin/passwords.ts';
import { ADMIN_SESSION_IDLE_MS, ADMIN_SESSION_MAX_MS } from '../../shared/lib/processing.ts';
import { cleanupAfterEach } from './cleanups.ts';
import { fixtureScript } from './child-server.ts';
import { bearer, decodeHtml, FIXTURE_DIST, repoRoot, sessionCookie, signInApp, signInBody, type TestApp } from './helpers.ts';

const cleanups = cleanupAfterEach();
const AREA = { ADMIN_AREA: 'ja' };
const ANNA = 'anna-passwort-0815-lang';
const form = { 'content-type': 'application/x-www-form-urlencoded' };

/** `npm run admin -- <args>` on the store of `t`, with `input` on standard input (a pipe). */
function admin(t: TestApp, args: readonly string[], input = '', env: Record<string, string> = {}): { status: number | null; stdout: string; stderr: string } {
  const store = t.config.databaseUrl === null ? {} : { DATABASE_URL: t.config.databaseUrl };
  const result = spawnSync(process.execPath, [fixtureScript('admin'), ...args], {
    cwd: repoRoot,
    env: { PATH: process.env['PATH'] ?? '', DIST_DIR: FIXTURE_DIST, DATA_DIR: t.dataDir, ...store, ...env },
    input,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const signInPost = (t: TestApp, name: string, password: string, headers: Record<string, string> = {}, remoteAddress = '127.0.0.1') =>
  t.app.inject({ method: 'POST', url: '/admin/anmelden', headers: { ...form, ...headers }, payload: signInBody(name, password), remoteAddress });
const list = (t: TestApp, cookie: { cookie: string }) => t.app.inject({ method: 'GET', url: '/admin/', headers: cookie });

describe('npm run admin', () => {
  it('adds an account with a piped password (scrypt, never the password stored), refuses a second one of that name, a short password and a bad name', { timeout: 90_000 }, async () => {
    const t = await cleanups.app(AREA);
    const added = admin(t, ['add', 'Anna'], `${ANNA}\n`);
    expect(added.stderr).toBe('');
    expect(added.stdout).toContain('Konto „anna“ angelegt.');
    expect(added.stdout).not.toContain(ANNA);
    expect(added.status).toBe(0);
    const stored = await t.app.store.findAccount('anna');
    expect(stored?.passwordHash).toMatch(new RegExp(`^scrypt\\$${SCRYPT_PARAMETERS.N}\\$${SCRYPT_PARAMETERS.r}\\$${SCRYPT_PARAMETERS.p}\\$[\\w-]{22}\\$[\\w-]{43}$`));
    expect(stored?.passwordHash).not.toContain(ANNA);

    expect((await signInPost(t, 'anna', ANNA)).statusCode).toBe(303);
    expect((await signInPost(t, 'ANNA', ANNA)).statusCode).toBe(303);
    expect((await signInPost(t, 'anna', `${ANNA}x`)).statusCode).toBe(401);
    // An unknown name is answered like a wrong password (and checked against a hash all the same).
    const unknown = await signInPost(t, 'niemand', ANNA);
    expect(unknown.statusCode).toBe(401);
    expect(decodeHtml(unknown.body)).toContain('Benutzername oder Passwort sind falsch.');

    const again = admin(t, ['add', 'anna'], 'ein-anderes-passwort-42');
    expect([again.status, again.stderr.trim()]).toEqual([1, 'Das Konto „anna“ gibt es schon. Ein neues Passwort setzt npm run admin -- reset anna.']);
    const short = admin(t, ['add', 'bert'], 'kurz');
    expect([short.status, short.stderr.trim()]).toEqual([1, 'Das Passwort ist zu kurz: mindestens 12 Zeichen.']);
    const badName = admin(t, ['add', 'anna schmidt'], ANNA);
    expect(badName.status).toBe(1);
    expect(badName.stderr).toContain('Der Name „anna schmidt“ geht nicht');
    expect(admin(t, ['rename', 'anna']).status).toBe(2);
    expect(await t.app.store.countAccounts()).toBe(1);
  });

  it('generates a strong password when none is piped and prints it once; reset sets a new one and remove deletes the account, both ending its sessions', { timeout: 90_000 }, async () => {
    const t = await cleanups.app(AREA);
    const added = admin(t, ['add', 'bert']);
    expect(added.status).toBe(0);
    const generated = /Passwort für „bert“ \(wird nur dieses eine Mal angezeigt\): (\S+)/.exec(added.stdout)?.[1] ?? '';
    expect(generated).toMatch(/^[\w-]{24}$/);
    const session = await signInApp(t.app, 'bert', generated);
    expect((await list(t, session.cookie)).statusCode).toBe(200);

    const reset = admin(t, ['reset', 'bert'], 'bert-neues-passwort-77\n');
    expect([reset.status, reset.stdout.trim()]).toEqual([0, 'Neues Passwort für „bert“ gesetzt; seine Anmeldungen sind beendet.']);
    expect((await list(t, session.cookie)).statusCode).toBe(303);
    expect((await signInPost(t, 'bert', generated)).statusCode).toBe(401);
    const afterReset = await signInApp(t.app, 'bert', 'bert-neues-passwort-77');

    const removed = admin(t, ['remove', 'bert']);
    expect([removed.status, removed.stdout.trim()]).toEqual([0, 'Konto „bert“ gelöscht; seine Anmeldungen sind beendet.']);
    expect((await list(t, afterReset.cookie)).statusCode).toBe(303);
    expect((await signInPost(t, 'bert', 'bert-neues-passwort-77')).statusCode).toBe(401);
    expect(admin(t, ['remove', 'bert']).stderr.trim()).toBe('Das Konto „bert“ gibt es nicht.');
    expect(admin(t, ['reset', 'bert'], 'bert-neues-passwort-77').status).toBe(1);
  });
});

describe('ADMIN_PASSWORD', () => {
  it('is the first account only while the store has none: then it is refused and its sessions end', { timeout: 60_000 }, async () => {
    const fallback = { ADMIN_USER: 'dnrw', ADMIN_PASSWORD: 'erstes-konto-geheim' };
    const t = await cleanups.app(fallback);
    const first = await signInApp(t.app, 'dnrw', 'erstes-konto-geheim');
    expect((await list(t, first.cookie)).statusCode).toBe(200);
    expect(admin(t, ['add', 'anna'], ANNA, fallback).stdout).toContain('Ab jetzt gilt ADMIN_PASSWORD nicht mehr');
    expect((await list(t, first.cookie)).statusCode).toBe(303);
    expect((await signInPost(t, 'dnrw', 'erstes-konto-geheim')).statusCode).toBe(401);
    expect((await signInPost(t, 'anna', ANNA)).statusCode).toBe(303);
  });
});

describe('sessions', () => {
  it('set an HttpOnly, SameSite=Strict cookie for /admin, Secure when the site is HTTPS or a trusted proxy says so', async () => {
    const plain = await cleanups.app({ ...AREA, ADMIN_USER: 'dnrw', ADMIN_PASSWORD: 'erstes-konto-geheim', TRUST_PROXY: '127.0.0.1' });
    const cookieOf = async (t: TestApp, headers: Record<string, string> = {}) => String((await signInPost(t, 'dnrw', 'erstes-konto-geheim', headers)).headers['set-cookie']);
    const overHttp = await cookieOf(plain);
    expect(overHttp).toMatch(/^kv_verwaltung=[\w-]{43}; Path=\/admin; HttpOnly; SameSite=Strict$/);
    expect(await cookieOf(plain, { 'x-forwarded-proto': 'https' })).toMatch(/; Path=\/admin; HttpOnly; Secure; SameSite=Strict$/);
    const https = await cleanups.app({ ADMIN_USER: 'dnrw', ADMIN_PASSWORD: 'erstes-konto-geheim', SITE_URL: 'https://kommunalvertreter.nrw' });
    expect(await cookieOf(https)).toMatch(/; HttpOnly; Secure; SameSite=Strict$/);
    // The store keeps the SHA-256 of the token, not the token.
    const token = overHttp.split(';')[0]?.split('=')[1] ?? '';
    expect(await plain.app.store.findSession(token)).toBeNull();
  });

  it(`end ${ADMIN_SESSION_IDLE_MS / 60_000} minutes after the last request and ${ADMIN_SESSION_MAX_MS / 3_600_000} hours after signing in`, async () => {
    let now = Date.parse('2026-12-07T08:00:00Z');
    const t = await cleanups.app({ ADMIN_USER: 'dnrw', ADMIN_PASSWORD: 'erstes-konto-geheim' }, { transport: null, now: () => now });
    const idle = await signInApp(t.app, 'dnrw', 'erstes-konto-geheim');
    now += ADMIN_SESSION_IDLE_MS - 1000;
    expect((await list(t, idle.cookie)).statusCode).toBe(200);
    now += ADMIN_SESSION_IDLE_MS - 1000;
    expect((await list(t, idle.cookie)).statusCode, 'each request restarts the idle time').toBe(200);
    now += ADMIN_SESSION_IDLE_MS;
    expect((await list(t, idle.cookie)).statusCode).toBe(303);
    expect((await list(t, idle.cookie)).statusCode, 'an expired session stays ended').toBe(303);

    const busy = await signInApp(t.app, 'dnrw', 'erstes-konto-geheim');
    const start = now;
    while (now + 20 * 60_000 < start + ADMIN_SESSION_MAX_MS) {
      now += 20 * 60_000;
      expect((await list(t, busy.cookie)).statusCode).toBe(200);
    }
    now = start + ADMIN_SESSION_MAX_MS;
    expect((await list(t, busy.cookie)).statusCode).toBe(303);
  });

  it('end on signing out (a POST with the CSRF token); the old cookie opens nothing', async () => {
    const t = await cleanups.app({ ADMIN_USER: 'dnrw', ADMIN_PASSWORD: 'erstes-konto-geheim' });
    const session = await signInApp(t.app, 'dnrw', 'erstes-konto-geheim');
    const out = await t.app.inject({ method: 'POST', url: '/admin/abmelden', headers: { ...form, ...session.cookie }, payload: `_csrf=${session.csrfToken}` });
    expect(out.statusCode).toBe(200);
    expect(decodeHtml(out.body)).toContain('Sie sind abgemeldet.');
    expect(String(out.headers['set-cookie'])).toMatch(/^kv_verwaltung=; Max-Age=0; Path=\/admin; Expires=Thu, 01 Jan 1970/);
    expect((await list(t, session.cookie)).statusCode).toBe(303);
    expect((await t.app.inject({ method: 'GET', url: '/admin/abmelden', headers: session.cookie })).statusCode).not.toBe(200);
  });
});

describe('CSRF', () => {
  it('refuses a request that changes something without the session\'s token, or with another session\'s, with a German 403 page', async () => {
    const t = await cleanups.app({ ADMIN_USER: 'dnrw', ADMIN_PASSWORD: 'erstes-konto-geheim' });
    const mine = await signInApp(t.app, 'dnrw', 'erstes-konto-geheim');
    const other = await signInApp(t.app, 'dnrw', 'erstes-konto-geheim');
    expect(mine.csrfToken).not.toBe(other.csrfToken);
    for (const payload of ['', '_csrf=', `_csrf=${other.csrfToken}`, `_csrf=${mine.csrfToken}x`]) {
      const res = await t.app.inject({ method: 'POST', url: '/admin/abmelden', headers: { ...form, ...mine.cookie }, payload });
      expect(res.statusCode, payload).toBe(403);
      expect(decodeHtml(res.body)).toContain('Die Anfrage kam ohne gültiges Sicherheitsmerkmal.');
      expect(res.headers['set-cookie']).toBeUndefined();
    }
    expect((await list(t, mine.cookie)).statusCode, 'the session is still there').toBe(200);
    expect((await t.app.inject({ method: 'POST', url: '/admin/abmelden', headers: { ...form, ...mine.cookie }, payload: `_csrf=${mine.csrfToken}` })).statusCode).toBe(200);
  });

  it('refuses a sign-in or a change that a page of another site sent (its Origin or Sec-Fetch-Site), and takes those from the site itself', async () => {
    const t = await cleanups.app({ ADMIN_USER: 'dnrw', ADMIN_PASSWORD: 'erstes-konto-geheim' });
    const own = { host: 'portal.example', origin: 'http://portal.example' };
    for (const foreign of [{ origin: 'https://angreifer.example' }, { origin: 'null' }, { 'sec-fetch-site': 'cross-site' }, { 'sec-fetch-site': 'same-site' }]) {
      // Login CSRF: the person would be signed in to the attacker's account.
      const signIn = await signInPost(t, 'dnrw', 'erstes-konto-geheim', { ...own, ...foreign });
      expect(signIn.statusCode, JSON.stringify(foreign)).toBe(403);
      expect(decodeHtml(signIn.body)).toContain('Die Anfrage kam ohne gültiges Sicherheitsmerkmal.');
      expect(signIn.headers['set-cookie']).toBeUndefined();
    }
    const fromSite = await signInPost(t, 'dnrw', 'erstes-konto-geheim', { ...own, 'sec-fetch-site': 'same-origin' });
    expect(fromSite.statusCode).toBe(303);
    // The configured SITE_URL is this site too, whatever Host the proxy sends.
    const viaSiteUrl = await signInPost(t, 'dnrw', 'erstes-konto-geheim', { host: 'backend.intern:4321', origin: new URL(t.config.siteUrl).origin });
    expect(viaSiteUrl.statusCode).toBe(303);
    const session = await signInApp(t.app, 'dnrw', 'erstes-konto-geheim');
    const out = (headers: Record<string, string>) =>
      t.app.inject({ method: 'POST', url: '/admin/abmelden', headers: { ...form, ...session.cookie, ...headers }, payload: `_csrf=${session.csrfToken}` });
    expect((await out({ ...own, origin: 'https://angreifer.example' })).statusCode, 'a change with the right token, sent by another site').toBe(403);
    expect((await list(t, session.cookie)).statusCode, 'the session is still there').toBe(200);
    expect((await out(own)).statusCode).toBe(200);
  });
});

describe('failed sign-ins', () => {
  it('of one account slow down that account (not others) and count in /metrics', { timeout: 60_000 }, async () => {
    const METRICS_TOKEN = 'konten-test-metriken-0123456789abcdef';
    // The ADMIN_PASSWORD account: no hashing, so the test times only the slow-down.
    const t = await cleanups.app({ ADMIN_USER: 'dnrw', ADMIN_PASSWORD: 'erstes-konto-geheim', TRUST_PROXY: '127.0.0.1', METRICS_TOKEN });
    // 19 wrong passwords for dnrw from 19 addresses: no address is locked, all failures together stay under the global threshold.
    for (let i = 1; i <= 19; i++) {
      expect((await signInPost(t, 'dnrw', 'geraten', { 'x-forwarded-for': `198.51.100.${i}` })).statusCode).toBe(401);
    }
    const timed = async (name: string, password: string, status: number): Promise<number> => {
      const started = performance.now();
      expect((await signInPost(t, name, password, { 'x-forwarded-for': '192.0.2.1' })).statusCode).toBe(status);
      return performance.now() - started;
    };
    const other = await timed('bert', 'geraten', 401);
    const slowed = await timed('dnrw', 'erstes-konto-geheim', 303);
    // dnrw: 9 failures over the account's threshold of 10, 100 ms each.
    expect(slowed).toBeGreaterThanOrEqual(880);
    expect(slowed - other).toBeGreaterThan(700);
    const metrics = (await t.app.inject({ method: 'GET', url: '/metrics', headers: bearer(METRICS_TOKEN) })).body;
    expect(metrics).toContain('kv_admin_login_failures_total 20');
    expect(metrics).toContain('kv_admin_login_failures_recent 20');
  });

  it('never set a cookie, and a sign-in with a token set before gets a new one', async () => {
    const t = await cleanups.app({ ADMIN_USER: 'dnrw', ADMIN_PASSWORD: 'erstes-konto-geheim' });
    const first = await signInPost(t, 'dnrw', 'erstes-konto-geheim');
    const before = sessionCookie(first.headers['set-cookie']) ?? '';
    const second = await signInPost(t, 'dnrw', 'erstes-konto-geheim', { cookie: before });
    const after = sessionCookie(second.headers['set-cookie']) ?? '';
    expect(after).not.toBe(before);
    expect((await list(t, { cookie: before })).statusCode).toBe(303);
    expect((await list(t, { cookie: after })).statusCode).toBe(200);
  });
});
