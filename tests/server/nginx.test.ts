/**
 * Static hosting with nginx: runs Debian's nginx (not as a daemon, on free loopback ports) with
 * the shipped deploy/nginx.conf (only ports, certificate and root replaced; a throwaway
 * self-signed certificate) including deploy/nginx-site.conf and the header snippet the build wrote
 * to the server folder beside the site (dist-server/nginx/), against the built site. Every answer must carry the same security headers the
 * form server sends for the same build. Needs a build (`npx astro build`, which `npm test` runs
 * first); NGINX_TEST_DIST points it at another build folder.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import type { IncomingHttpHeaders } from 'node:http';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileInfo } from '../../src/lib/file-info.ts';
import { serverDirOf } from '../../shared/lib/server-files.ts';
import { EDITING_UI_SNIPPET, NGINX_DIR } from '../../policy/static-hosting.ts';
import { parseCsp } from '../lib/csp.ts';
import { sendRaw, type RawReply } from '../lib/raw-request.ts';
import { startNginx, type Nginx } from '../lib/nginx.ts';
import { buildDeploymentEnv, createTestApp, repoRoot, type TestApp } from './helpers.ts';

const dist = process.env['NGINX_TEST_DIST'] ?? join(repoRoot, 'dist');
const nginxFiles = join(serverDirOf(dist), NGINX_DIR);
const SECURITY_HEADERS = [
  'content-security-policy',
  'x-content-type-options',
  'referrer-policy',
  'permissions-policy',
  'x-frame-options',
  'cross-origin-opener-policy',
  'cross-origin-resource-policy',
  'strict-transport-security',
];

const get = (url: string, headers: Record<string, string> = {}): Promise<RawReply> => sendRaw(url, { headers });

let nginx: Nginx | undefined;
let https = '';
let http = '';
let server: TestApp;

beforeAll(async () => {
  if (!existsSync(join(dist, 'index.html')) || !existsSync(join(nginxFiles, 'security-headers.conf'))) {
    throw new Error(`${dist} ist kein Build mit ${join(nginxFiles, 'security-headers.conf')}: bauen Sie zuerst (npm run build).`);
  }
  nginx = await startNginx({
    config: 'nginx.conf',
    replace: [[/^\s*root \S+;$/, `    root ${dist};`]],
    prepare: (prefix) => {
      const snippets = join(prefix, 'snippets', 'kommunalvertreter');
      mkdirSync(snippets, { recursive: true });
      copyFileSync(join(repoRoot, 'deploy', 'nginx-site.conf'), join(snippets, 'site.conf'));
      copyFileSync(join(nginxFiles, 'security-headers.conf'), join(snippets, 'security-headers.conf'));
      copyFileSync(join(nginxFiles, EDITING_UI_SNIPPET), join(snippets, EDITING_UI_SNIPPET));
    },
    ready: async (base) => (await get(`${base}/`)).status > 0,
  });
  ({ https, http } = nginx);

  // The form server on the same build, for the comparison.
  server = await createTestApp({ ...buildDeploymentEnv(), DIST_DIR: dist, SITE_URL: 'https://kommunalvertreter.nrw' });
});

afterAll(async () => {
  nginx?.stop();
  await server?.close();
});

/** The CSP of a reply as directive → values. */
const csp = (headers: IncomingHttpHeaders): Map<string, string[]> => parseCsp(headers['content-security-policy']);

/** SHA-256 CSP sources of the executable inline scripts of a page. */
function inlineHashes(html: string): string[] {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
    .filter(([, attributes = '', content = '']) => content !== '' && !/\bsrc=/.test(attributes) && !/type="application\/ld\+json"/.test(attributes))
    .map(([, , content = '']) => `'sha256-${createHash('sha256').update(content).digest('base64')}'`);
}

/** Any download the build has, of any type a download may have (src/lib/content-schemas.ts). */
const download = (): string => {
  const name = readdirSync(join(dist, 'downloads')).sort().find((f) => /\.(pdf|docx|xlsx|pptx|odt|ods|odp)$/.test(f));
  if (name === undefined) throw new Error('dist/downloads/ hat keine Download-Datei');
  return `/downloads/${name}`;
};
/** The MIME type the portal announces for a download (src/lib/file-info.ts), which nginx must send. */
const downloadType = async (url: string): Promise<RegExp> => {
  const { mime } = await readFileInfo(join(dist, url));
  return new RegExp(`^${mime.replace(/[.+]/g, '\\$&')}(;|$)`);
};
/** The first offer page the build lists on /angebote/ (whatever the content's offers are). */
const offerPage = (): string => {
  const path = /href="(\/angebote\/[^"/]+\/)"/.exec(readFileSync(join(dist, 'angebote', 'index.html'), 'utf8'))?.[1];
  if (path === undefined) throw new Error('dist/angebote/index.html verlinkt kein Angebot');
  return path;
};
const asset = (): string => {
  const name = readdirSync(join(dist, '_astro')).find((f) => f.endsWith('.js') || f.endsWith('.css'));
  if (name === undefined) throw new Error('dist/_astro/ ist leer');
  return `/_astro/${name}`;
};

describe('nginx with deploy/nginx.conf and the build', () => {
  it.each([
    ['the start page', (): string => '/', 200, /^text\/html/, 'no-cache'],
    ['the offer page', offerPage, 200, /^text\/html/, 'no-cache'],
    ['a download', download, 200, downloadType, 'no-cache'],
    ['a hashed asset', asset, 200, /^(application\/javascript|text\/css)/, 'public, max-age=31536000, immutable'],
    ['an unknown page (the 404 page)', (): string => '/gibt-es-nicht/', 404, /^text\/html/, 'no-cache'],
    ['the _headers file (not served)', (): string => '/_headers', 404, /^text\/html/, 'no-cache'],
  ] as const)('%s carries the security headers of the form server', async (_name, path, status, type, cacheControl) => {
    const url = path();
    const [fromNginx, fromServer] = await Promise.all([get(`${https}${url}`), server.app.inject({ method: 'GET', url })]);
    expect(fromNginx.status).toBe(status);
    expect(String(fromNginx.headers['content-type'])).toMatch(type instanceof RegExp ? type : await type(url));
    expect(fromNginx.headers['cache-control']).toBe(cacheControl);
    if (status === 404) expect(fromNginx.body.toString()).toBe(readFileSync(join(dist, '404.html'), 'utf8'));
    for (const name of SECURITY_HEADERS) {
      expect(fromNginx.headers[name], `${name} from nginx`).toBeDefined();
      expect(fromNginx.headers[name], `${name}: nginx and the form server differ (built with another PUBLIC_FORM_ENDPOINT?)`).toBe(fromServer.headers[name]);
    }
    const policy = csp(fromNginx.headers);
    expect(policy.get('script-src')).not.toContain("'unsafe-inline'");
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'self'"]);
    expect(fromNginx.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
  });

  it.each([
    ['the editing UI', '/redaktion/', /^text\/html/],
    ['its bundle', '/redaktion/sveltia-cms.js', /^application\/javascript/],
    ['its configuration', '/redaktion/config.yml', /./],
    ['the page of open items', '/redaktion/offen/', /^text\/html/],
  ] as const)('%s carries the editing UI’s headers of the form server', async (_name, url, type) => {
    const [fromNginx, fromServer] = await Promise.all([get(`${https}${url}`), server.app.inject({ method: 'GET', url })]);
    expect(fromNginx.status).toBe(200);
    expect(String(fromNginx.headers['content-type'])).toMatch(type);
    expect(fromNginx.headers['cache-control']).toBe('no-cache');
    for (const name of [...SECURITY_HEADERS, 'x-robots-tag']) {
      expect(fromNginx.headers[name], `${name} from nginx`).toBeDefined();
      expect(fromNginx.headers[name], `${name}: nginx and the form server differ`).toBe(fromServer.headers[name]);
    }
    expect(fromNginx.headers['cross-origin-opener-policy']).toBe('same-origin-allow-popups');
    expect(fromNginx.headers['x-robots-tag']).toBe('noindex, nofollow');
  });

  it('allows exactly the inline scripts of the offer page and the form page by hash', async () => {
    for (const url of [offerPage(), `${offerPage()}interesse/`]) {
      const page = await get(`${https}${url}`);
      const hashes = inlineHashes(page.body.toString());
      expect(hashes.length, `${url} has inline scripts`).toBeGreaterThan(0);
      expect(csp(page.headers).get('script-src')).toEqual(expect.arrayContaining(hashes));
    }
  });

  it('sends the pages gzip-compressed to a browser that accepts it, and as they are otherwise', async () => {
    const original = readFileSync(join(dist, 'index.html'));
    const compressed = await get(`${https}/`, { 'accept-encoding': 'gzip' });
    expect(compressed.headers['content-encoding']).toBe('gzip');
    expect(compressed.body.length).toBeLessThan(original.length / 2);
    expect(gunzipSync(compressed.body).equals(original)).toBe(true);
    const plain = await get(`${https}/`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.equals(original)).toBe(true);
  });

  it('redirects plain HTTP to HTTPS', async () => {
    const res = await get(`${http}${offerPage()}`);
    expect(res.status).toBe(301);
    expect(res.headers['location']).toBe(`https://127.0.0.1${offerPage()}`);
  });

  it('ships the site configuration of deploy/ and the same headers in _headers', async () => {
    expect(readFileSync(join(nginxFiles, 'site.conf'), 'utf8'), 'dist-server/nginx/site.conf is stale: rebuild').toBe(
      readFileSync(join(repoRoot, 'deploy', 'nginx-site.conf'), 'utf8'),
    );
    const { headers } = await get(`${https}/`);
    const file = readFileSync(join(dist, '_headers'), 'utf8');
    for (const line of ['Content-Security-Policy', 'X-Content-Type-Options', 'Referrer-Policy', 'Permissions-Policy', 'Strict-Transport-Security']) {
      expect(file).toContain(`  ${line}: ${String(headers[line.toLowerCase()])}\n`);
    }
  });
});
