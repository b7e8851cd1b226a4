/**
 * The per-client limits count an IPv6 client by its /64 (form rate limit, login lockout), and many
 * failed logins from many clients slow every login (visible in /metrics).
 */
import { describe, expect, it } from 'vitest';
import { clientKey } from '../../server/http/client-key.ts';
import { LoginThrottle } from '../../server/admin/login-throttle.ts';
import { cleanupAfterEach } from './cleanups.ts';
import { bearer, INTERESSE, json, signInBody, validInteresse, type TestApp } from './helpers.ts';

const USER = 'dnrw';
const PASSWORD = 'ein-langes-zufaelliges-passwort-4711';
const METRICS_TOKEN = 'drossel-test-metriken-0123456789abcdef';
const cleanups = cleanupAfterEach();
/** A request that came through the trusted proxy 127.0.0.1 for `client`. */
const via = (client: string) => ({ remoteAddress: '127.0.0.1', headers: { 'x-forwarded-for': client } });
/** A sign-in through the form as `user` with `password`. */
const signIn = (t: TestApp, password: string, { remoteAddress, headers }: { remoteAddress: string; headers?: Record<string, string> }, user = USER) =>
  t.app.inject({ method: 'POST', url: '/admin/anmelden', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, payload: signInBody(user, password), remoteAddress });

describe('client keys', () => {
  it('keys IPv4 by the address, IPv6 by its /64 in any spelling, and IPv4-mapped IPv6 as IPv4', () => {
    expect(clientKey('192.0.2.7')).toBe('192.0.2.7');
    expect(clientKey('::ffff:192.0.2.7')).toBe('192.0.2.7');
    expect(clientKey('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64');
    expect(clientKey('2001:0db8:0001:0002:ffff:ffff:ffff:fffe')).toBe('2001:db8:1:2::/64');
    expect(clientKey('2001:db8:1:2:a:b:1.2.3.4')).toBe('2001:db8:1:2::/64');
    expect(clientKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(clientKey('2001:db8:1:3::1')).not.toBe(clientKey('2001:db8:1:2::1'));
    expect(clientKey('::1')).toBe('0:0:0:0::/64');
  });
});

describe('IPv6 clients by /64 (TRUST_PROXY=127.0.0.1)', () => {
  it('locks the admin login of the whole /64 after 5 failures from 8 of its addresses; another /64 logs in', async () => {
    const t = await cleanups.app({ ADMIN_USER: USER, ADMIN_PASSWORD: PASSWORD, TRUST_PROXY: '127.0.0.1' });
    const statuses: number[] = [];
    for (let i = 1; i <= 8; i++) {
      statuses.push((await signIn(t, 'geraten', via(`2001:db8:1:2::${i.toString(16)}`))).statusCode);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
    expect((await signIn(t, PASSWORD, via('2001:db8:1:2:ffff::9'))).statusCode).toBe(429);
    expect((await signIn(t, PASSWORD, via('2001:db8:1:3::1'))).statusCode).toBe(303);
  });

  it('counts the form rate limit per /64', async () => {
    const t = await cleanups.app({ FORM_RATE_LIMIT: '3', TRUST_PROXY: '127.0.0.1' });
    const post = (client: string) => {
      const { remoteAddress, headers } = via(client);
      return t.app.inject({ method: 'POST', url: `/f/${INTERESSE}`, payload: validInteresse(), headers: { ...json, ...headers }, remoteAddress });
    };
    const statuses = [];
    for (let i = 1; i <= 5; i++) statuses.push((await post(`2001:db8:aa:bb::${i}`)).statusCode);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    expect((await post('2001:db8:aa:bc::1')).statusCode).toBe(200);
  });
});

describe('failed logins of many clients', () => {
  it('slow every login, the right one too, and show in /metrics', { timeout: 60_000 }, async () => {
    const t = await cleanups.app({ ADMIN_USER: USER, ADMIN_PASSWORD: PASSWORD, METRICS_TOKEN });
    // 25 clients, one wrong password each, each for another name: no client and no name reaches its
    // limit, all of them together 25 (one name tried 25 times is slowed on its own, accounts.test.ts).
    for (let i = 1; i <= 25; i++) {
      expect((await signIn(t, 'geraten', { remoteAddress: `198.51.100.${i}` }, `konto${i}`)).statusCode).toBe(401);
    }
    const start = performance.now();
    expect((await signIn(t, PASSWORD, { remoteAddress: '203.0.113.1' })).statusCode).toBe(303);
    const took = performance.now() - start;
    // 5 failures over the threshold of 20, 100 ms each.
    expect(took).toBeGreaterThanOrEqual(490);
    const res = await t.app.inject({ method: 'GET', url: '/metrics', headers: bearer(METRICS_TOKEN) });
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/^kv_admin_login_failures_recent 25$/m);
    expect(res.body).toMatch(/^kv_admin_login_failures_total 25$/m);
    expect(res.body).toMatch(/^kv_admin_login_delay_seconds 0\.5$/m);
  });

  it('lets slowed logins through one at a time, the delay apart', async () => {
    const throttle = new LoginThrottle({ globalSlowAfter: 2, accountSlowAfter: 100, delayStepMs: 50, maxDelayMs: 1_000 });
    expect(throttle.delayFor(null)).toBe(0);
    for (let i = 0; i < 4; i++) throttle.recordFailure(`192.0.2.${i}`, `konto${i}`);
    expect(throttle.delayFor(null)).toBe(100);
    const start = performance.now();
    const done = await Promise.all([0, 1, 2].map(() => throttle.admit('x').then(() => performance.now() - start)));
    expect(done[2]).toBeGreaterThanOrEqual(295);
    const account = new LoginThrottle({ globalSlowAfter: 100, accountSlowAfter: 1, delayStepMs: 50 });
    for (let i = 0; i < 3; i++) account.recordFailure(`192.0.2.${i}`, 'dnrw');
    expect(account.delayFor('dnrw')).toBe(100);
    expect(account.delayFor('andere')).toBe(0);
  });
});
