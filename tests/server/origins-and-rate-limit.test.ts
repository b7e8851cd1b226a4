/**
 * Who may post and how often: CORS for the browser islands of the allowed origins only, and the
 * rate limit per client address (X-Forwarded-For only behind TRUST_PROXY).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { cleanupAfterEach } from './cleanups.ts';
import { INTERESSE, interesse, json, SITE, validInteresse, type TestApp } from './helpers.ts';

const cleanups = cleanupAfterEach();

describe('CORS', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await cleanups.app();
  });

  it('answers the preflight @formspree/core sends from an allowed origin', async () => {
    const res = await t.app.inject({
      method: 'OPTIONS',
      url: `/f/${INTERESSE}`,
      headers: {
        origin: SITE,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,formspree-client,formspree-session-data',
      },
    });
    expect(res.statusCode).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe(SITE);
    const allowed = String(res.headers['access-control-allow-headers']).split(/,\s*/);
    expect(allowed).toEqual(expect.arrayContaining(['content-type', 'formspree-client', 'formspree-session-data']));
    expect(res.headers['access-control-allow-methods']).toContain('POST');
  });

  it('gives no CORS permission to other origins', async () => {
    const res = await t.app.inject({
      method: 'OPTIONS',
      url: `/f/${INTERESSE}`,
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('allows origins from ALLOWED_ORIGINS', async () => {
    const other = await cleanups.app({ ALLOWED_ORIGINS: 'https://kommunalvertreter.nrw, https://www.kommunalvertreter.nrw' });
    const res = await other.app.inject({ method: 'POST', url: `/f/${INTERESSE}`, payload: validInteresse(), headers: { ...json, origin: 'https://www.kommunalvertreter.nrw' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe('https://www.kommunalvertreter.nrw');
    expect(res.json<{ next: string }>().next).toMatch(new RegExp(`^https://www\\.kommunalvertreter\\.nrw${interesse.thankYouPath}`));
  });
});

describe('rate limit', () => {
  it('answers the request over FORM_RATE_LIMIT per minute with 429 JSON and Retry-After', async () => {
    const limited = await cleanups.app({ FORM_RATE_LIMIT: '3' });
    const send = () => limited.app.inject({ method: 'POST', url: `/f/${INTERESSE}`, payload: validInteresse(), headers: json });
    for (let i = 0; i < 3; i++) expect((await send()).statusCode).toBe(200);
    const res = await send();
    expect(res.statusCode).toBe(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(res.json()).toEqual({ errors: [{ code: 'RATE_LIMITED', message: expect.stringMatching(/^Sie haben in kurzer Zeit/) }] });
    expect((await limited.app.store.listSubmissions(INTERESSE))).toHaveLength(3);
  });

  it('ignores X-Forwarded-For unless TRUST_PROXY says so', async () => {
    const untrusted = await cleanups.app({ FORM_RATE_LIMIT: '1' });
    const trusted = await cleanups.app({ FORM_RATE_LIMIT: '1', TRUST_PROXY: '1' });
    const from = (app: TestApp, address: string) =>
      app.app.inject({ method: 'POST', url: `/f/${INTERESSE}`, payload: validInteresse(), headers: { ...json, 'x-forwarded-for': address } });
    expect((await from(untrusted, '203.0.113.1')).statusCode).toBe(200);
    expect((await from(untrusted, '203.0.113.2')).statusCode).toBe(429);
    expect((await from(trusted, '203.0.113.1')).statusCode).toBe(200);
    expect((await from(trusted, '203.0.113.2')).statusCode).toBe(200);
    expect((await from(trusted, '203.0.113.2')).statusCode).toBe(429);
  });
});
