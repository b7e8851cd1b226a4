/**
 * nginx in front of the server: Debian's nginx runs the shipped deploy/nginx-proxy.conf (ports,
 * certificate and upstream replaced; a throwaway self-signed certificate) in front of a real
 * server, once for each form of TRUST_PROXY docs/betrieb.md offers: the proxy's address, and a hop
 * count. Clients connect from different loopback addresses (127.0.0.2, 127.0.0.3 …), so nginx
 * forwards a different address for each. A client that writes its own X-Forwarded-For gains
 * nothing, the per-client limits count the forwarded address, and the proxy's many connections
 * are never capped as if they were one client's.
 */
import { randomBytes } from 'node:crypto';
import { Agent, request } from 'node:https';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../../scripts/lib/wait-for.ts';
import { sendRaw } from '../lib/raw-request.ts';
import { startNginx, type Nginx } from '../lib/nginx.ts';
import { startServer, type ChildServer } from './child-server.ts';
import { INTERESSE, json, signInBody, tempDir, validInteresse } from './helpers.ts';

const ADMIN = { ADMIN_USER: 'dnrw', ADMIN_PASSWORD: 'nginx-test-geheim-4711' };

describe.each(['127.0.0.1', '1'])('nginx in front (deploy/nginx-proxy.conf, TRUST_PROXY=%s)', (trustProxy) => {
  let tmp: ReturnType<typeof tempDir>;
  let nginx: Nginx | undefined;
  let server: ChildServer;
  let base = '';

  async function send(method: 'GET' | 'POST', path: string, headers: Record<string, string> = {}, localAddress?: string): Promise<number> {
    const body = method === 'POST' ? { body: JSON.stringify(validInteresse()) } : {};
    return (await sendRaw(`${base}${path}`, { method, headers: { ...json, ...headers }, ...body, ...(localAddress === undefined ? {} : { localAddress }) })).status;
  }
  const post = (headers: Record<string, string>, from?: string) => send('POST', `/f/${INTERESSE}`, headers, from);

  beforeAll(async () => {
    tmp = tempDir('kv-nginx-proxy-');
    // A cap of 8 open connections per address (default 64): nginx alone keeps 16 open to the server,
    // so a cap that counted the proxy as one client would refuse connections at once.
    server = await startServer({ DATA_DIR: join(tmp.path, 'data'), TRUST_PROXY: trustProxy, FORM_RATE_LIMIT: '3', CONNECTIONS_PER_ADDRESS: '8', ...ADMIN });
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

  it('counts the rate limit per real client: rotating X-Forwarded-For does not get around it, another client is served', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push(await post({ 'x-forwarded-for': `192.0.2.${i}` }, '127.0.0.2'));
    console.log(`nginx proxy, TRUST_PROXY=${trustProxy}: 6 posts from 127.0.0.2 with rotating X-Forwarded-For, FORM_RATE_LIMIT=3: ${statuses.join(', ')}`);
    expect(statuses.filter((s) => s === 200)).toHaveLength(3);
    expect(statuses.slice(3)).toEqual([429, 429, 429]);
    expect(await post({}, '127.0.0.3')).toBe(200);
  });

  it('passes on HSTS for the host and its subdomains (the server sees X-Forwarded-Proto https)', async () => {
    const reply = await sendRaw(`${base}/healthz`);
    expect(reply.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
  });

  it('keeps an authority’s status link (its token) out of the access log, which has the other requests', async () => {
    const token = randomBytes(32).toString('base64url');
    const reply = await sendRaw(`${base}/status/${token}`);
    expect(reply.status, 'the server answers an unknown link').toBe(404);
    await send('GET', '/healthz?nach-dem-statuslink');
    // nginx writes a request's log line after its answer: wait for the line of the later request.
    await waitFor(() => (nginx?.accessLog() ?? '').includes('GET /healthz?nach-dem-statuslink HTTP/'));
    const log = nginx?.accessLog() ?? '';
    expect(log).not.toContain(token);
    expect(log).not.toContain('/status/');
  });

  it('locks the admin login of the client that failed, not of the others behind the same proxy', async () => {
    const signIn = async (password: string, localAddress: string, headers: Record<string, string> = {}): Promise<number> =>
      (
        await sendRaw(`${base}/admin/anmelden`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
          body: signInBody(ADMIN.ADMIN_USER, password),
          localAddress,
        })
      ).status;
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push(await signIn('geraten', '127.0.0.4', { 'x-forwarded-for': `192.0.2.${i}` }));
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    expect(await signIn(ADMIN.ADMIN_PASSWORD, '127.0.0.4')).toBe(429);
    expect(await signIn(ADMIN.ADMIN_PASSWORD, '127.0.0.5')).toBe(303);
  });

  it('answers all of 200 submissions sent 100 at a time: the proxy is not one client to the connection cap', { timeout: 60_000 }, async () => {
    // 100 clients (127.0.1.1 …), each with its TLS connection opened beforehand, post at once; the
    // server answers each after the commit they share, so nginx holds many connections to it at once
    // (more than CONNECTIONS_PER_ADDRESS).
    const agents = Array.from({ length: 100 }, (_, i) => new Agent({ keepAlive: true, maxSockets: 1, rejectUnauthorized: false, localAddress: `127.0.1.${i + 1}` }));
    const call = (agent: Agent, method: 'GET' | 'POST', path: string): Promise<number> =>
      new Promise((resolve, reject) => {
        const body = method === 'POST' ? JSON.stringify(validInteresse()) : undefined;
        request(`${base}${path}`, { agent, method, headers: json }, (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        })
          .on('error', reject)
          .end(body);
      });
    try {
      await Promise.all(agents.map((agent) => call(agent, 'GET', '/healthz')));
      const statuses: number[] = [];
      for (let round = 0; round < 2; round++) statuses.push(...(await Promise.all(agents.map((agent) => call(agent, 'POST', `/f/${INTERESSE}`)))));
      const tally = Object.entries(Object.groupBy(statuses, (s) => String(s))).map(([s, list]) => `${list?.length ?? 0} × ${s}`);
      console.log(`nginx proxy, TRUST_PROXY=${trustProxy}: 200 submissions, 100 at a time: ${tally.join(', ')}`);
      expect(statuses.filter((s) => s === 200)).toHaveLength(200);
    } finally {
      for (const agent of agents) agent.destroy();
    }
  });
});
