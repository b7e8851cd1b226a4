/**
 * Access and headers: who gets into the admin area (and how often they may try), that nothing
 * personal is cached, and that every kind of response of the server carries the security headers.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_LOGIN_LIMIT as ADMIN_MAX_FAILURES, FailureCounter } from '../../server/admin/login-throttle.ts';
import { ADMIN_FAILURE_WINDOW_MS } from '../../shared/lib/processing.ts';
import { parseCsp } from '../lib/csp.ts';
import { cleanupAfterEach } from './cleanups.ts';
import { brokenStorageEnv, decodeHtml, formPost, handMadeBuild, INTERESSE, json, markBuilt, signInApp, signInBody, SITE, tempDir, urlencoded, validInteresse, type HandMadeBuild, type TestApp } from './helpers.ts';

const USER = 'dnrw';
const PASSWORD = 'ein-langes-zufaelliges-passwort-4711';

const cleanups = cleanupAfterEach();
async function app(env: Record<string, string> = {}): Promise<TestApp> {
  // A hand-made site carries the manifest of a build with the same settings.
  const settings = { ADMIN_USER: USER, ADMIN_PASSWORD: PASSWORD, ...env };
  if (env['DIST_DIR'] !== undefined) markBuilt(env['DIST_DIR'], settings);
  return cleanups.app(settings);
}
const from = (address: string) => ({ remoteAddress: address });
/** A sign-in through the form, from `address`, with more headers if given. */
const signInPost = (t: TestApp, name: string, password: string, address = '127.0.0.1', headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/admin/anmelden', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, payload: signInBody(name, password), ...from(address) });
const wrong = (t: TestApp, address?: string, headers?: Record<string, string>) => signInPost(t, USER, 'geraten', address, headers);
const right = (t: TestApp, address?: string, headers?: Record<string, string>) => signInPost(t, USER, PASSWORD, address, headers);

describe('admin login', () => {
  it('does not exist without an admin area (ADMIN_AREA, or ADMIN_PASSWORD): 404 for the list, the export and the sign-in', async () => {
    const t = await cleanups.app();
    for (const url of ['/admin', '/admin/', `/admin/${INTERESSE}.csv`, '/admin/barriere-melden.csv', '/admin/anmelden']) {
      expect((await t.app.inject({ method: 'GET', url })).statusCode, url).toBe(404);
    }
    expect((await signInPost(t, 'admin', 'admin')).statusCode).toBe(404);
  });

  it('sends every page without a session to the sign-in page, never with data; Basic auth opens nothing', async () => {
    const t = await app();
    await t.app.inject({ method: 'POST', url: `/f/${INTERESSE}`, payload: validInteresse(), headers: json });
    const basic = { authorization: `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}` };
    for (const url of ['/admin/', `/admin/${INTERESSE}.csv`, `/admin/${INTERESSE}.xlsx`]) {
      for (const headers of [{}, basic, { cookie: 'kv_verwaltung=erfunden' }]) {
        const res = await t.app.inject({ method: 'GET', url, headers });
        expect(res.statusCode, url).toBe(303);
        expect(res.headers['location']).toBe('/admin/anmelden');
        expect(res.headers['cache-control']).toBe('no-store');
        expect(res.body).not.toContain('erika.mustermann@stadt.de');
      }
    }
  });

  it('answers 401 with the sign-in page to wrong, half-right and differently written credentials, and sets no cookie', async () => {
    const t = await app();
    const attempts: [string, string][] = [
      [USER, 'geraten'],
      ['admin', PASSWORD],
      [USER.toUpperCase(), PASSWORD],
      [USER, `${PASSWORD} `],
      [USER, PASSWORD.slice(0, -1)],
    ];
    for (const [i, [name, password]] of attempts.entries()) {
      const res = await signInPost(t, name, password, `198.51.100.${i + 1}`);
      expect(res.statusCode, `${name}:${password}`).toBe(401);
      expect(res.headers['set-cookie']).toBeUndefined();
      expect(res.headers['cache-control']).toBe('no-store');
      expect(decodeHtml(res.body)).toContain('Benutzername oder Passwort sind falsch.');
    }
  });

  it(`answers 429 after ${ADMIN_MAX_FAILURES} failed logins from one address, even to the right password; other addresses are not affected`, async () => {
    const t = await app();
    // Opening the sign-in page does not count.
    for (let i = 0; i < 10; i++) expect((await t.app.inject({ method: 'GET', url: '/admin/anmelden', ...from('203.0.113.9') })).statusCode).toBe(200);
    for (let i = 0; i < ADMIN_MAX_FAILURES; i++) expect((await wrong(t, '203.0.113.9')).statusCode).toBe(401);
    const blocked = await right(t, '203.0.113.9');
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(ADMIN_FAILURE_WINDOW_MS / 1000 - 60);
    expect(blocked.headers['cache-control']).toBe('no-store');
    expect(blocked.headers['set-cookie']).toBeUndefined();
    expect(blocked.body).toContain('Zu viele fehlgeschlagene Anmeldungen');
    expect((await wrong(t, '203.0.113.9')).statusCode).toBe(429);
    expect((await right(t, '203.0.113.10')).statusCode).toBe(303);
  });

  it('does not let a spoofed X-Forwarded-For reset the count unless TRUST_PROXY is set', async () => {
    const t = await app();
    for (let i = 0; i < ADMIN_MAX_FAILURES; i++) await wrong(t, '203.0.113.20', { 'x-forwarded-for': `192.0.2.${i}` });
    expect((await right(t, '203.0.113.20', { 'x-forwarded-for': '192.0.2.200' })).statusCode).toBe(429);
  });

  it('behind one proxy (TRUST_PROXY=1) counts the address the proxy saw, whatever X-Forwarded-For the client wrote', async () => {
    const t = await app({ TRUST_PROXY: '1' });
    // nginx appends the client's address to what the client sent: the client controls only the left part.
    for (let i = 0; i < ADMIN_MAX_FAILURES; i++) await wrong(t, '127.0.0.1', { 'x-forwarded-for': `192.0.2.${i}, 198.51.100.77` });
    expect((await right(t, '127.0.0.1', { 'x-forwarded-for': '192.0.2.250, 198.51.100.77' })).statusCode).toBe(429);
    // Naming another client's address in the header does not lock that client out.
    expect((await right(t, '127.0.0.1', { 'x-forwarded-for': '198.51.100.78' })).statusCode).toBe(303);
  });

  it('forgets failures after the window, and remembers a bounded number of addresses', () => {
    const counter = new FailureCounter(1000);
    for (let i = 0; i < 3; i++) counter.record('a', 0);
    expect(counter.current('a', 500)).toEqual({ count: 3, until: 1000 });
    expect(counter.current('a', 1000).count).toBe(0);
    expect(counter.record('a', 1001)).toBe(1);
    for (let i = 0; i < 20_000; i++) counter.record(`10.0.${Math.floor(i / 256)}.${i % 256}`, 2000);
    expect(counter.size).toBeLessThanOrEqual(10_000);
  });
});

describe('caching', () => {
  it('never lets the admin list, the export, the form replies or /healthz be cached', async () => {
    const t = await app();
    const { cookie } = await signInApp(t.app, USER, PASSWORD);
    const responses = [
      await t.app.inject({ method: 'POST', url: `/f/${INTERESSE}`, payload: validInteresse(), headers: json }),
      await t.app.inject({ method: 'POST', url: `/f/${INTERESSE}`, payload: validInteresse({ email: 'x' }), headers: json }),
      await t.app.inject({ method: 'POST', url: `/f/${INTERESSE}`, payload: urlencoded(validInteresse()), headers: formPost }),
      await t.app.inject({ method: 'GET', url: '/healthz' }),
      await t.app.inject({ method: 'GET', url: '/admin/anmelden' }),
      await t.app.inject({ method: 'GET', url: '/admin/', headers: cookie }),
      await t.app.inject({ method: 'GET', url: `/admin/${INTERESSE}.csv`, headers: cookie }),
      await t.app.inject({ method: 'GET', url: '/admin/barriere-melden.csv', headers: cookie }),
    ];
    for (const res of responses) expect(res.headers['cache-control'], `${res.statusCode} ${res.headers['content-type']}`).toBe('no-store');
  });
});

describe('security headers on every response', () => {
  const inline = 'document.querySelector("[data-kopieren]")?.removeAttribute("hidden");';
  const hash = `'sha256-${createHash('sha256').update(inline).digest('base64')}'`;
  let site: HandMadeBuild;

  beforeAll(() => {
    site = handMadeBuild('kv-access-site-');
    for (const dir of ['_astro', 'angebote/musterdienst', 'downloads']) mkdirSync(join(site.dist, dir), { recursive: true });
    writeFileSync(join(site.dist, 'index.html'), '<!doctype html><title>Start</title>');
    writeFileSync(join(site.dist, 'angebote/musterdienst/index.html'), `<!doctype html><title>Angebot</title><script type="module">${inline}</script>`);
    writeFileSync(join(site.dist, '404.html'), '<!doctype html><title>Nicht gefunden</title>');
    writeFileSync(join(site.dist, '_astro/app.js'), 'export {};');
    writeFileSync(join(site.dist, 'downloads/einzelabruf.pdf'), '%PDF-1.4\n%%EOF\n');
    writeFileSync(join(site.dist, '_headers'), '/*\n');
  });
  afterAll(() => site.remove());

  // signedIn: the request carries the session cookie of a sign-in.
  const requests: { name: string; method?: 'GET' | 'POST' | 'OPTIONS' | 'DELETE'; url: string; headers?: Record<string, string>; payload?: string; status: number; signedIn?: boolean }[] = [
    { name: 'page', url: '/', status: 200 },
    { name: 'offer page', url: '/angebote/musterdienst/', status: 200 },
    { name: 'redirect to the slash', url: '/angebote/musterdienst', status: 301 },
    { name: 'asset', url: '/_astro/app.js', status: 200 },
    { name: 'PDF', url: '/downloads/einzelabruf.pdf', status: 200 },
    { name: '404 page', url: '/gibt-es-nicht/', status: 404 },
    { name: '_headers is not served', url: '/_headers', status: 404 },
    { name: 'form success', method: 'POST', url: `/f/${INTERESSE}`, headers: json, payload: JSON.stringify(validInteresse()), status: 200 },
    { name: 'form 303', method: 'POST', url: `/f/${INTERESSE}`, headers: formPost, payload: urlencoded(validInteresse()), status: 303 },
    { name: 'form 422', method: 'POST', url: `/f/${INTERESSE}`, headers: json, payload: '{}', status: 422 },
    { name: 'form 400', method: 'POST', url: `/f/${INTERESSE}`, headers: json, payload: '{', status: 400 },
    { name: 'form 413', method: 'POST', url: `/f/${INTERESSE}`, headers: json, payload: JSON.stringify({ x: 'x'.repeat(40_000) }), status: 413 },
    { name: 'form 415', method: 'POST', url: `/f/${INTERESSE}`, headers: { 'content-type': 'text/plain' }, payload: 'x', status: 415 },
    { name: 'form 403', method: 'POST', url: `/f/${INTERESSE}`, headers: { ...json, origin: 'https://evil.example' }, payload: '{}', status: 403 },
    { name: 'form 404', method: 'POST', url: '/f/gibt-es-nicht', headers: json, payload: '{}', status: 404 },
    { name: 'form 405', method: 'DELETE', url: `/f/${INTERESSE}`, status: 405 },
    { name: 'CORS preflight', method: 'OPTIONS', url: `/f/${INTERESSE}`, headers: { origin: SITE, 'access-control-request-method': 'POST' }, status: 204 },
    { name: 'health', url: '/healthz', status: 200 },
    { name: 'admin without session', url: '/admin/', status: 303 },
    { name: 'admin sign-in page', url: '/admin/anmelden', status: 200 },
    { name: 'admin sign-in 401', method: 'POST', url: '/admin/anmelden', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: signInBody(USER, 'geraten'), status: 401 },
    { name: 'admin list', url: '/admin/', signedIn: true, status: 200 },
    { name: 'admin export', url: `/admin/${INTERESSE}.csv`, signedIn: true, status: 200 },
    { name: 'admin 404', url: '/admin/x.csv', signedIn: true, status: 404 },
    { name: 'admin 403 without CSRF token', method: 'POST', url: '/admin/abmelden', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: '', signedIn: true, status: 403 },
  ];

  function expectHeaders(res: { headers: Record<string, unknown> }, label: string, formOrigins: string[]): void {
    const csp = String(res.headers['content-security-policy']);
    const directives = parseCsp(csp);
    expect(directives.get('script-src'), label).toEqual(["'self'", hash]);
    expect(directives.get('script-src-attr'), label).toEqual(["'none'"]);
    expect(directives.get('default-src'), label).toEqual(["'self'"]);
    expect(directives.get('frame-ancestors'), label).toEqual(["'none'"]);
    expect(directives.get('object-src'), label).toEqual(["'none'"]);
    expect(directives.get('base-uri'), label).toEqual(["'self'"]);
    expect(directives.get('form-action'), label).toEqual(["'self'", ...formOrigins]);
    expect(directives.get('connect-src'), label).toEqual(["'self'", ...formOrigins]);
    expect(csp, label).not.toMatch(/'unsafe-(inline|eval)'/);
    expect(directives.get('style-src-attr'), label).toEqual(["'none'"]);
    expect(res.headers['x-content-type-options'], label).toBe('nosniff');
    expect(res.headers['referrer-policy'], label).toBe('strict-origin-when-cross-origin');
    expect(res.headers['permissions-policy'], label).toMatch(/camera=\(\).*geolocation=\(\).*microphone=\(\)/);
    expect(res.headers['x-frame-options'], label).toBe('DENY');
  }

  it.each(requests.map((r) => [r.name, r] as const))('%s', async (_name, r) => {
    const t = await app({ DIST_DIR: site.dist });
    const session = r.signedIn === true ? (await signInApp(t.app, USER, PASSWORD)).cookie : {};
    const res = await t.app.inject({ method: r.method ?? 'GET', url: r.url, headers: { ...r.headers, ...session }, ...(r.payload === undefined ? {} : { payload: r.payload }) });
    expect(res.statusCode).toBe(r.status);
    expectHeaders(res, r.name, []);
    expect(res.headers['strict-transport-security'], 'no HSTS over plain HTTP').toBeUndefined();
  });

  it('adds the hosted form endpoint to form-action and connect-src when PUBLIC_FORM_ENDPOINT is set', async () => {
    const t = await app({ DIST_DIR: site.dist, PUBLIC_FORM_ENDPOINT: 'https://formspree.io' });
    expectHeaders(await t.app.inject({ method: 'GET', url: '/' }), 'hosted Formspree', ['https://formspree.io']);
  });

  it('sends the headers on a 429 of the form endpoint and of the admin login, and on a 503 of the storage', async () => {
    const limited = await app({ DIST_DIR: site.dist, FORM_RATE_LIMIT: '1' });
    await limited.app.inject({ method: 'POST', url: `/f/${INTERESSE}`, payload: validInteresse(), headers: json });
    const flood = await limited.app.inject({ method: 'POST', url: `/f/${INTERESSE}`, payload: validInteresse(), headers: json });
    expect(flood.statusCode).toBe(429);
    expectHeaders(flood, 'form 429', []);
    for (let i = 0; i < ADMIN_MAX_FAILURES; i++) await wrong(limited);
    const locked = await right(limited);
    expect(locked.statusCode).toBe(429);
    expectHeaders(locked, 'admin 429', []);

    const parent = tempDir('kv-access-broken-');
    try {
      const broken = await app({ DIST_DIR: site.dist, ...(await brokenStorageEnv(parent.path)) });
      const res = await broken.app.inject({ method: 'POST', url: `/f/${INTERESSE}`, payload: validInteresse(), headers: json });
      expect(res.statusCode).toBe(503);
      expectHeaders(res, 'storage 503', []);
      expect(res.headers['cache-control']).toBe('no-store');
    } finally {
      parent.remove();
    }
  });

  it('sends HSTS when the site is HTTPS, or behind a trusted proxy that says HTTPS, but not for a spoofed X-Forwarded-Proto', async () => {
    const https = await app({ DIST_DIR: site.dist, SITE_URL: 'https://kommunalvertreter.nrw' });
    const behindProxy = await app({ DIST_DIR: site.dist, TRUST_PROXY: '127.0.0.1' });
    const direct = await app({ DIST_DIR: site.dist });
    const proto = { 'x-forwarded-proto': 'https' };
    for (const url of ['/', '/_astro/app.js', '/gibt-es-nicht/', '/healthz']) {
      const viaHttps = await https.app.inject({ method: 'GET', url });
      expect(viaHttps.headers['strict-transport-security'], url).toBe('max-age=31536000; includeSubDomains');
      expect(String(viaHttps.headers['content-security-policy'])).toMatch(/; upgrade-insecure-requests$/);
      expect((await behindProxy.app.inject({ method: 'GET', url, headers: proto })).headers['strict-transport-security'], url).toBe('max-age=31536000; includeSubDomains');
      expect((await behindProxy.app.inject({ method: 'GET', url })).headers['strict-transport-security'], url).toBeUndefined();
      expect((await direct.app.inject({ method: 'GET', url, headers: proto })).headers['strict-transport-security'], url).toBeUndefined();
    }
  });
});
