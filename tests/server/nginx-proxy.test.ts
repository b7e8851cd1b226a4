/**
 * nginx in front of the server: Debian's nginx runs the shipped deploy/nginx-proxy.conf (ports,
 * certificate and upstream replaced; a throwaway self-signed certificate) in front of a real
 * server with TRUST_PROXY=127.0.0.1. A client that writes its own X-Forwarded-For gains nothing.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendRaw } from '../lib/raw-request.ts';
import { startServer, type ChildServer } from './child-server.ts';
import { INTERESSE, freePort, json, repoRoot, tempDir, validInteresse, waitFor } from './helpers.ts';

const nginxBinary = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((path) => existsSync(path));
let tmp: ReturnType<typeof tempDir>;
let nginx: ChildProcess;
let server: ChildServer;
let base = '';

async function send(method: 'GET' | 'POST', path: string, headers: Record<string, string> = {}): Promise<number> {
  const body = method === 'POST' ? { body: JSON.stringify(validInteresse()) } : {};
  return (await sendRaw(`${base}${path}`, { method, headers: { ...json, ...headers }, ...body })).status;
}
const post = (headers: Record<string, string>) => send('POST', `/f/${INTERESSE}`, headers);

beforeAll(async () => {
  if (nginxBinary === undefined) throw new Error('nginx fehlt: apt-get install nginx (.ci/run tut das).');
  tmp = tempDir('kv-nginx-proxy-');
  server = await startServer({ DATA_DIR: join(tmp.path, 'data'), TRUST_PROXY: '127.0.0.1', FORM_RATE_LIMIT: '3' });
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-keyout', join(tmp.path, 'key.pem'), '-out', join(tmp.path, 'cert.pem')], { stdio: 'pipe' });
  const [httpPort, httpsPort] = [await freePort(), await freePort()];
  const replacements: [RegExp, string][] = [
    [/^\s*server 127\.0\.0\.1:4321 .*$/m, `    server ${new URL(server.base).host};`],
    [/^\s*listen 80;$/m, `    listen 127.0.0.1:${httpPort};`],
    [/^\s*listen \[::\]:80;$/m, ''],
    [/^\s*listen 443 ssl http2;$/m, `    listen 127.0.0.1:${httpsPort} ssl http2;`],
    [/^\s*listen \[::\]:443 ssl http2;$/m, ''],
    [/^\s*ssl_certificate \S+;$/m, `    ssl_certificate ${join(tmp.path, 'cert.pem')};`],
    [/^\s*ssl_certificate_key \S+;$/m, `    ssl_certificate_key ${join(tmp.path, 'key.pem')};`],
  ];
  let site = readFileSync(join(repoRoot, 'deploy', 'nginx-proxy.conf'), 'utf8');
  for (const [pattern, replacement] of replacements) {
    if (!pattern.test(site)) throw new Error(`deploy/nginx-proxy.conf: ${pattern} fehlt; passen Sie tests/server/nginx-proxy.test.ts an.`);
    site = site.replace(pattern, replacement);
  }
  const temp = (name: string) => join(tmp.path, name);
  writeFileSync(temp('site.conf'), site);
  writeFileSync(
    temp('nginx.conf'),
    `daemon off;\nmaster_process off;\nworker_processes 1;\nerror_log stderr warn;\npid ${temp('nginx.pid')};\nevents { worker_connections 64; }\nhttp {\n    access_log off;\n` +
      ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((n) => `    ${n}_temp_path ${temp(n)};\n`).join('') +
      `    include ${temp('site.conf')};\n}\n`,
  );
  nginx = spawn(nginxBinary, ['-e', 'stderr', '-p', tmp.path, '-c', temp('nginx.conf')], { stdio: 'ignore' });
  base = `https://127.0.0.1:${httpsPort}`;
  await waitFor(async () => (await send('GET', '/healthz').catch(() => 0)) === 200, 10_000);
});

afterAll(async () => {
  nginx?.kill('SIGTERM');
  await server?.stop('SIGKILL');
  tmp?.remove();
});

describe('nginx in front (deploy/nginx-proxy.conf, TRUST_PROXY=127.0.0.1)', () => {
  it('counts the rate limit per real client: rotating X-Forwarded-For does not get around it', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push(await post({ 'x-forwarded-for': `192.0.2.${i}` }));
    console.log(`nginx proxy: 6 posts with rotating X-Forwarded-For, FORM_RATE_LIMIT=3: ${statuses.join(', ')}`);
    expect(statuses.filter((s) => s === 200)).toHaveLength(3);
    expect(statuses.slice(3)).toEqual([429, 429, 429]);
  });
});
