/**
 * Sign-in and sessions of the admin area. A session is a random token (256 bits) in a cookie; the
 * store keeps only its SHA-256, the account and two times: it ends ADMIN_SESSION_IDLE_MS after the
 * last request (idle expiry) and ADMIN_SESSION_MAX_MS after signing in (absolute expiry), both in
 * shared/lib/processing.ts, where the Datenschutzerklärung reads them. The CSRF token of a session is
 * derived from its token (a synchroniser token bound to the session; the store cannot derive it).
 *
 * Who may sign in: the named accounts of the store (`npm run admin`); while there is none,
 * ADMIN_USER with ADMIN_PASSWORD (the first account). Once an account exists, ADMIN_PASSWORD is
 * refused (and the log says so), and sessions begun with it end.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import { ADMIN_SESSION_IDLE_MS, ADMIN_SESSION_MAX_MS } from '../../shared/lib/processing.ts';
import { accountName } from './accounts.ts';
import { dummyHash, verifyPassword } from './passwords.ts';
import { safeEqual } from '../http/safe-equal.ts';
import type { AccountStore } from '../store/types.ts';

/** The session cookie's name. */
export const SESSION_COOKIE = 'kv_verwaltung';

/** ADMIN_USER and ADMIN_PASSWORD, the account until the store has one; null without ADMIN_PASSWORD. */
export interface FallbackAccount {
  readonly user: string;
  readonly password: string;
}

export interface SessionOptions {
  readonly store: AccountStore;
  readonly fallback: FallbackAccount | null;
  readonly log: FastifyBaseLogger;
  /** Milliseconds since 1970; tests pass their own clock. */
  readonly now?: () => number;
}

/** A signed-in request's session. */
export interface Session {
  readonly account: string;
  /** The value the hidden field `_csrf` of every form that changes something must carry. */
  readonly csrfToken: string;
}

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('base64url');

/** What the store keeps of a token. */
export const tokenHash = (token: string): string => sha256(token);

/** The CSRF token of the session with `token`. */
export const csrfTokenOf = (token: string): string => sha256(`csrf\u0000${token}`);

/** Log line at start when ADMIN_PASSWORD is set but accounts exist. */
export const FALLBACK_IGNORED = 'ADMIN_PASSWORD ist gesetzt, gilt aber nicht mehr: es gibt benannte Konten (npm run admin). Entfernen Sie ADMIN_PASSWORD aus der Konfiguration';

/** Log line at start when the admin area exists but nobody can sign in. */
export const NO_ACCOUNT = 'Die Verwaltung hat noch kein Konto: legen Sie eines an mit npm run admin -- add <Name>';

/** Log line when ADMIN_PASSWORD is given at sign-in but accounts exist. */
export const FALLBACK_REFUSED = 'Anmeldung mit ADMIN_PASSWORD abgelehnt: es gibt benannte Konten (npm run admin); ADMIN_PASSWORD gilt nur, solange es keines gibt';

export class Sessions {
  private readonly store: AccountStore;
  private readonly fallback: FallbackAccount | null;
  private readonly log: FastifyBaseLogger;
  readonly now: () => number;

  constructor({ store, fallback, log, now = Date.now }: SessionOptions) {
    this.store = store;
    this.fallback = fallback;
    this.log = log;
    this.now = now;
  }

  private isFallback(name: string, password: string): boolean {
    if (this.fallback === null) return false;
    const user = safeEqual(name, this.fallback.user);
    return safeEqual(password, this.fallback.password) && user;
  }

  /** The account `name` signs in as with `password`, or null. */
  async verify(name: string, password: string): Promise<string | null> {
    if ((await this.store.countAccounts()) === 0) return this.isFallback(name, password) ? (this.fallback?.user ?? null) : null;
    const account = await this.store.findAccount(accountName(name));
    // An unknown name takes as long as a known one.
    const ok = await verifyPassword(password, account?.passwordHash ?? (await dummyHash()));
    if (account !== null && ok) return account.name;
    if (this.isFallback(name, password)) this.log.warn(FALLBACK_REFUSED);
    return null;
  }

  /** Starts a session of `account`; returns its token (for the cookie, never stored). */
  async start(account: string): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await this.store.createSession(tokenHash(token), account, this.now());
    return token;
  }

  /** The session of `token`, if it is valid now (and then it counts as used); an expired one is deleted. */
  async resolve(token: string | undefined): Promise<Session | null> {
    if (token === undefined || token === '') return null;
    const hash = tokenHash(token);
    const found = await this.store.findSession(hash);
    if (found === null) return null;
    const now = this.now();
    const expired = now - found.lastSeenAt >= ADMIN_SESSION_IDLE_MS || now - found.createdAt >= ADMIN_SESSION_MAX_MS;
    const allowed = found.accountStored || (this.fallback !== null && found.account === this.fallback.user && (await this.store.countAccounts()) === 0);
    if (expired || !allowed) {
      await this.store.deleteSession(hash);
      return null;
    }
    await this.store.touchSession(hash, now);
    return { account: found.account, csrfToken: csrfTokenOf(token) };
  }

  /** Ends the session of `token` (signing out). */
  async end(token: string): Promise<void> {
    await this.store.deleteSession(tokenHash(token));
  }

  /** Deletes every expired session; returns how many. */
  purge(): Promise<number> {
    const now = this.now();
    return this.store.purgeSessions(now - ADMIN_SESSION_IDLE_MS, now - ADMIN_SESSION_MAX_MS);
  }
}
