import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inlineHashes, MANIFEST_FILE } from '../../policy/manifest.ts';
import { serverDirOf } from '../../shared/lib/server-files.ts';
import { startServer } from './child-server.ts';
import { parseCsp } from '../lib/csp.ts';
import { createTestApp, handMadeBuild, INTERESSE, markBuilt, tempDir, type HandMadeBuild, type TestApp } from './helpers.ts';

const inline = '(()=>{document.documentElement.dataset.js="1"})();';
let build: HandMadeBuild;
let t: TestApp;

beforeAll(async () => {
  build = handMadeBuild('kv-dist-');
  mkdirSync(join(build.dist, '_astro'));
  mkdirSync(join(build.dist, 'interesse'));
  writeFileSync(join(build.dist, 'index.html'), `<!doctype html><title>Start</title><script>${inline}</script><script type="module" src="/_astro/a.js"></script>`);
  writeFileSync(join(build.dist, 'interesse', 'index.html'), '<!doctype html><title>Interesse</title>');
  // A page as the build writes it: its stylesheet inline, so well over the compression threshold.
  mkdirSync(join(build.dist, 'lang'));
  writeFileSync(join(build.dist, 'lang', 'index.html'), `<!doctype html><title>Lang</title><style>${'.a{color:#123456}'.repeat(1000)}</style><p>Text</p>`);
  writeFileSync(join(build.dist, '404.html'), '<!doctype html><title>Nicht gefunden</title><h1>Seite nicht gefunden</h1>');
  writeFileSync(join(build.dist, '_astro', 'a.js'), 'console.log(1)');
  markBuilt(build.dist, { PUBLIC_FORM_ENDPOINT: 'https://formspree.io' });
  t = await createTestApp({ DIST_DIR: build.dist, PUBLIC_FORM_ENDPOINT: 'https://formspree.io' });
});
afterAll(async () => {
  await t.close();
  build.remove();
});

describe('static site', () => {
  it('serves pages from dist/ with no-cache and hashed assets as immutable', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/interesse/' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<title>Interesse</title>');
    expect(page.headers['cache-control']).toBe('no-cache');
    const asset = await t.app.inject({ method: 'GET', url: '/_astro/a.js' });
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('sends pages compressed (brotli or gzip, as the browser asks), to a client that asks for none as they are, and small answers uncompressed', async () => {
    const original = readFileSync(join(build.dist, 'lang', 'index.html'));
    const br = await t.app.inject({ method: 'GET', url: '/lang/', headers: { 'accept-encoding': 'br, gzip' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.rawPayload.length).toBeLessThan(original.length / 10);
    expect(brotliDecompressSync(br.rawPayload).equals(original)).toBe(true);
    const gzip = await t.app.inject({ method: 'GET', url: '/lang/', headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.rawPayload).equals(original)).toBe(true);
    const plain = await t.app.inject({ method: 'GET', url: '/lang/' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload.equals(original)).toBe(true);
    const small = await t.app.inject({ method: 'GET', url: '/healthz', headers: { 'accept-encoding': 'br, gzip' } });
    expect(small.headers['content-encoding']).toBeUndefined();
  });

  it('redirects a directory without trailing slash', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/interesse' });
    expect(res.statusCode).toBe(301);
    expect(res.headers['location']).toBe('/interesse/');
  });

  it('answers unknown pages with dist/404.html and status 404', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/gibt-es-nicht/' });
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('Seite nicht gefunden');
  });
});

describe('security headers', () => {
  it('sends the CSP hashes the build manifest lists, without hashing the pages again', async () => {
    const site = handMadeBuild('kv-dist-manifest-');
    try {
      writeFileSync(join(site.dist, 'index.html'), `<!doctype html><title>Start</title><script>${inline}</script>`);
      markBuilt(site.dist);
      const manifest = { version: 1, scriptHashes: ["'sha256-vom-Build'"], styleHashes: ["'sha256-Stil-vom-Build'"], deployment: { FORM_BACKEND: 'eigener-server', RETENTION_DAYS: 365, SPAM_RETENTION_DAYS: 30 } };
      writeFileSync(join(serverDirOf(site.dist), MANIFEST_FILE), JSON.stringify(manifest));
      const built = await createTestApp({ DIST_DIR: site.dist });
      const csp = String((await built.app.inject({ method: 'GET', url: '/' })).headers['content-security-policy']);
      await built.close();
      expect(csp).toContain("script-src 'self' 'sha256-vom-Build';");
      expect(csp).toContain("style-src 'self' 'sha256-Stil-vom-Build';");
    } finally {
      site.remove();
    }
  });

  it('sends the CSP, with the build\'s hashes and form endpoint, and the other headers on every response', async () => {
    for (const url of ['/', '/healthz', `/f/${INTERESSE}`]) {
      const res = url === `/f/${INTERESSE}` ? await t.app.inject({ method: 'POST', url, payload: {} }) : await t.app.inject({ method: 'GET', url });
      const csp = String(res.headers['content-security-policy']);
      const directives = parseCsp(csp);
      const { scriptHashes, styleHashes } = inlineHashes(build.dist);
      expect(directives.get('script-src')).toEqual(["'self'", ...scriptHashes]);
      expect(scriptHashes).toHaveLength(1);
      expect(directives.get('style-src')).toEqual(["'self'", ...styleHashes]);
      expect(directives.get('style-src-attr')).toEqual(["'none'"]);
      expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
      expect(directives.get('object-src')).toEqual(["'none'"]);
      expect(directives.get('base-uri')).toEqual(["'self'"]);
      expect(directives.get('form-action')).toEqual(["'self'", 'https://formspree.io']);
      expect(directives.get('connect-src')).toEqual(["'self'", 'https://formspree.io']);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
      expect(res.headers['permissions-policy']).toContain('camera=()');
    }
  });
});

describe('the editing UI (/redaktion/)', () => {
  it('has its own headers: the git host the build names, the sign-in pop-up, never indexed; the site keeps its own', async () => {
    const site = handMadeBuild('kv-dist-redaktion-');
    try {
      writeFileSync(join(site.dist, 'index.html'), '<!doctype html><title>Start</title>');
      mkdirSync(join(site.dist, 'redaktion', 'offen'), { recursive: true });
      writeFileSync(join(site.dist, 'redaktion', 'index.html'), '<!doctype html><title>Redaktion</title>');
      writeFileSync(join(site.dist, 'redaktion', 'config.yml'), 'backend:\n  name: gitlab\n');
      writeFileSync(join(site.dist, 'redaktion', 'offen', 'index.html'), '<!doctype html><title>Offen</title>');
      markBuilt(site.dist, {}, ['https://git.example.nrw']);
      const built = await createTestApp({ DIST_DIR: site.dist });
      try {
        for (const url of ['/redaktion/', '/redaktion/config.yml', '/redaktion/offen/']) {
          const res = await built.app.inject({ method: 'GET', url });
          expect(res.statusCode, url).toBe(200);
          const directives = parseCsp(String(res.headers['content-security-policy']));
          expect(directives.get('connect-src'), url).toEqual(["'self'", 'data:', 'blob:', 'https://git.example.nrw']);
          expect(directives.get('img-src'), url).toContain('blob:');
          expect(res.headers['cross-origin-opener-policy'], url).toBe('same-origin-allow-popups');
          expect(res.headers['x-robots-tag'], url).toBe('noindex, nofollow');
        }
        const start = await built.app.inject({ method: 'GET', url: '/' });
        expect(parseCsp(String(start.headers['content-security-policy'])).get('connect-src')).toEqual(["'self'"]);
        expect(start.headers['cross-origin-opener-policy']).toBe('same-origin');
        expect(start.headers['x-robots-tag']).toBeUndefined();
      } finally {
        await built.close();
      }
    } finally {
      site.remove();
    }
  });
});

describe('the settings the site was built for', () => {
  it('the server refuses to start, in one German line naming the variable, when its settings differ from the build\'s', async () => {
    const site = handMadeBuild('kv-dist-settings-');
    const data = tempDir('kv-data-settings-');
    try {
      writeFileSync(join(site.dist, 'index.html'), '<!doctype html><title>Start</title>');
      markBuilt(site.dist, { RETENTION_DAYS: '90' });
      await expect(createTestApp({ DIST_DIR: site.dist })).rejects.toThrow(/^Der Server startet nicht: RETENTION_DAYS ist hier „365“, beim Bau der Website in .* war es „90“\./);
      const started = startServer({ DIST_DIR: site.dist, DATA_DIR: data.path, RETENTION_DAYS: '90', NOTIFY_TO: 'team@example.org' });
      const output = await started.then(
        async (server) => `${server.output()} (gestartet)`.concat(String(await server.stop())),
        (error: Error) => error.message,
      );
      const lines = output.split('\n').filter((line) => line.startsWith('Der Server startet nicht'));
      expect(lines).toEqual([expect.stringMatching(/^Der Server startet nicht: NOTIFY_TO ist hier „team@example\.org“, beim Bau der Website in .* war es nicht gesetzt\./)]);
      expect(output).not.toMatch(/^\s+at /m);
    } finally {
      site.remove();
      data.remove();
    }
  });
});
