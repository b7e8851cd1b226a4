/**
 * The server's environment (server/config.ts on top of shared/lib/env.ts): the settings issue 10
 * added, each refused with a German message that names the variable.
 */
import { describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD_MIN_LENGTH, loadConfig } from '../../server/config.ts';
import { repoRoot } from './helpers.ts';

const load = (env: Record<string, string>) => loadConfig({ DIST_DIR: '', ...env }, repoRoot);

describe('TRUST_PROXY', () => {
  it('takes a hop count or proxy addresses and networks', () => {
    expect(load({}).trustProxy).toBe(false);
    expect(load({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(load({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(load({ TRUST_PROXY: '127.0.0.1, 10.0.0.0/8, ::1' }).trustProxy).toEqual(['127.0.0.1', '10.0.0.0/8', '::1']);
  });

  it('refuses true (every client could name its own address) and anything that is not an address', () => {
    expect(() => load({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY=true ist nicht erlaubt/);
    expect(() => load({ TRUST_PROXY: 'TRUE' })).toThrow(/TRUST_PROXY=true ist nicht erlaubt/);
    expect(() => load({ TRUST_PROXY: 'nginx' })).toThrow(/TRUST_PROXY: „nginx“ ist keine IP-Adresse/);
    expect(() => load({ TRUST_PROXY: '10.0.0.0/33' })).toThrow(/TRUST_PROXY: „10.0.0.0\/33“/);
  });
});

describe('ADMIN_PASSWORD', () => {
  it(`refuses a password shorter than ${ADMIN_PASSWORD_MIN_LENGTH} characters at start, naming the variable`, () => {
    expect(() => load({ ADMIN_PASSWORD: 'a' })).toThrow(/ADMIN_PASSWORD ist zu kurz: mindestens 12 Zeichen/);
    expect(() => load({ ADMIN_PASSWORD: 'x'.repeat(ADMIN_PASSWORD_MIN_LENGTH - 1) })).toThrow(/ADMIN_PASSWORD/);
    expect(load({ ADMIN_PASSWORD: 'x'.repeat(ADMIN_PASSWORD_MIN_LENGTH) }).adminPassword).toHaveLength(ADMIN_PASSWORD_MIN_LENGTH);
  });

  it('keeps the password as written: spaces are part of it, not trimmed', () => {
    expect(load({ ADMIN_PASSWORD: '  ein langes Passwort  ' }).adminPassword).toBe('  ein langes Passwort  ');
    // Twelve characters only with the spaces: accepted, because they count.
    expect(load({ ADMIN_PASSWORD: '  zehn-zeich' }).adminPassword).toBe('  zehn-zeich');
    expect(load({ ADMIN_PASSWORD: '' }).adminPassword).toBe('');
  });
});

describe('DATABASE_URL and the new limits', () => {
  it('switches to PostgreSQL only for a postgres:// URL', () => {
    expect(load({}).databaseUrl).toBeNull();
    expect(load({ DATABASE_URL: 'postgres://kv@db.example/kv' }).databaseUrl).toBe('postgres://kv@db.example/kv');
    expect(load({ DATABASE_URL: 'postgresql://kv@db.example/kv' }).databaseUrl).toBe('postgresql://kv@db.example/kv');
    expect(() => load({ DATABASE_URL: 'mysql://db.example/kv' })).toThrow(/DATABASE_URL muss mit postgres:\/\/ oder postgresql:\/\/ beginnen/);
  });

  it('names the variable of a wrong lease, timeout or connection cap', () => {
    expect(load({}).outbox.leaseMs).toBe(120_000);
    expect(load({}).http).toEqual({ requestTimeoutMs: 20_000, connectionsPerAddress: 64 });
    expect(() => load({ OUTBOX_LEASE_MS: '10' })).toThrow(/OUTBOX_LEASE_MS=10 liegt nicht zwischen 1000 und 3600000/);
    expect(() => load({ REQUEST_TIMEOUT_MS: 'bald' })).toThrow(/REQUEST_TIMEOUT_MS="bald" ist keine ganze Zahl/);
    expect(() => load({ CONNECTIONS_PER_ADDRESS: '-1' })).toThrow(/CONNECTIONS_PER_ADDRESS/);
  });
});
