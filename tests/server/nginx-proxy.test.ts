/**
 * nginx in front of the server: Debian's nginx runs the shipped deploy/nginx-proxy.conf (ports,
 * certificate and upstream replaced; a throwaway self-signed certificate) in front of a real
 * server with TRUST_PROXY=127.0.0.1. A client that writes its own X-Forwarded-For gains nothing.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendRaw } from '../lib/raw-request.ts';
import { startNginx, type Nginx } from '../lib/nginx.ts';
import { startServer, type ChildServer } from './child-server.ts';
import { INTERESSE, json, tempDir, validInteresse } from './helpers.ts';

let tmp: ReturnType<typeof tempDir>;
let nginx: Nginx | undefined;
let server: ChildServer;
let base = '';

async function send(method: 'GET' | 'POST', path: string, headers: Record<string, string> = {}): Promise<number> {
  const body = method === 'POST' ? { body: JSON.stringify(validInteresse()) } : {};
  return (await sendRaw(`${base}${path}`, { method, headers: { ...json, ...headers }, ...body })).status;
}
const post = (headers: Record<string, string>) => send('POST', `/f/${INTERESSE}`, headers);

beforeAll(async () => {
  tmp = tempDir('kv-nginx-proxy-');
  server = await startServer({ DATA_DIR: join(tmp.path, 'data'), TRUST_PROXY: '127.0.0.1', FORM_RATE_LIMIT: '3' });
  nginx = await startNginx({
    config: 'nginx-proxy.conf',
    replace: [[/^\s*server 127\.0\.0\.1:4321 .*$/, `    server ${new URL(server.base).host};`]],
    ready: async (https) => {
      base = https;
      return (await send('GET', '/healthz')) === 200;
    },
  });
});

afterAll(async () => {
  nginx?.stop();
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
