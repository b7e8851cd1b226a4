/**
 * The throttle of failed logins, one small piece to reuse wherever someone logs in (the admin area
 * now; named accounts later). Failures are counted in a fixed window three ways:
 *
 * - per client (clientKey: an IPv4 address or an IPv6 /64): after `clientLimit` failures that
 *   client is refused (429) until its window ends, even with the right password;
 * - per account and over all accounts: past `accountSlowAfter` or `globalSlowAfter` failures every
 *   login of that account (or every login at all) is slowed: logins are let through one at a time,
 *   `delayStepMs` apart for each failure over the threshold, at most `maxDelayMs`. Many clients
 *   guessing at once (40 wrong passwords from 8 addresses) so get a few tries a second, not hundreds.
 */
import { ADMIN_FAILURE_WINDOW_MS } from '../../shared/lib/processing.ts';

/** Failures per key in a fixed window, remembering at most `maxKeys` keys. */
export class FailureCounter {
  private readonly failures = new Map<string, { count: number; until: number }>();
  private readonly windowMs: number;
  private readonly maxKeys: number;
  constructor(windowMs: number, maxKeys = 10_000) {
    this.windowMs = windowMs;
    this.maxKeys = maxKeys;
  }

  /** Failures of `key` in its current window, and when that window ends (0: none). */
  current(key: string, now = Date.now()): { count: number; until: number } {
    const entry = this.failures.get(key);
    if (entry === undefined) return { count: 0, until: 0 };
    if (entry.until <= now) {
      this.failures.delete(key);
      return { count: 0, until: 0 };
    }
    return entry;
  }

  record(key: string, now = Date.now()): number {
    const entry = this.failures.get(key);
    if (entry !== undefined && entry.until > now) entry.count += 1;
    else {
      this.failures.delete(key);
      this.failures.set(key, { count: 1, until: now + this.windowMs });
    }
    if (this.failures.size > this.maxKeys) {
      for (const [k, value] of this.failures) if (value.until <= now) this.failures.delete(k);
      while (this.failures.size > this.maxKeys) this.failures.delete(this.failures.keys().next().value as string);
    }
    return this.failures.get(key)?.count ?? 0;
  }

  /** Keys remembered (expired ones until they are looked at or pushed out). */
  get size(): number {
    return this.failures.size;
  }
}

export interface LoginThrottleOptions {
  readonly windowMs?: number;
  readonly clientLimit?: number;
  readonly accountSlowAfter?: number;
  readonly globalSlowAfter?: number;
  readonly delayStepMs?: number;
  readonly maxDelayMs?: number;
}

/** Failed logins per client and window before the client gets 429. */
export const CLIENT_LOGIN_LIMIT = 5;
const GLOBAL = '*';

export class LoginThrottle {
  readonly clients: FailureCounter;
  private readonly accounts: FailureCounter;
  private readonly all: FailureCounter;
  private readonly options: Required<LoginThrottleOptions>;
  /** When the next slowed login may go ahead. */
  private nextSlot = 0;

  constructor(options: LoginThrottleOptions = {}) {
    this.options = {
      windowMs: ADMIN_FAILURE_WINDOW_MS,
      clientLimit: CLIENT_LOGIN_LIMIT,
      accountSlowAfter: 10,
      globalSlowAfter: 20,
      delayStepMs: 100,
      maxDelayMs: 2_000,
      ...options,
    };
    this.clients = new FailureCounter(this.options.windowMs);
    this.accounts = new FailureCounter(this.options.windowMs);
    this.all = new FailureCounter(this.options.windowMs, 1);
  }

  /** Milliseconds until `client` may try again, or 0. */
  blockedFor(client: string, now = Date.now()): number {
    const { count, until } = this.clients.current(client, now);
    return count >= this.options.clientLimit ? until - now : 0;
  }

  /** Failed logins of all clients in the current window. */
  recentFailures(now = Date.now()): number {
    return this.all.current(GLOBAL, now).count;
  }

  /** How far apart logins of `account` are let through now: 0 unless the account or all logins are slowed. */
  delayFor(account: string | null, now = Date.now()): number {
    const { accountSlowAfter, globalSlowAfter, delayStepMs, maxDelayMs } = this.options;
    const over = Math.max(
      this.recentFailures(now) - globalSlowAfter,
      account === null ? 0 : this.accounts.current(account, now).count - accountSlowAfter,
    );
    return over > 0 ? Math.min(maxDelayMs, over * delayStepMs) : 0;
  }

  /** Waits until a login of `account` may be checked: slowed logins go one at a time, `delayFor` apart. */
  async admit(account: string | null, now = Date.now()): Promise<number> {
    const delay = this.delayFor(account, now);
    if (delay === 0) return 0;
    const slot = Math.max(now + delay, this.nextSlot + delay);
    this.nextSlot = slot;
    await new Promise((resolve) => setTimeout(resolve, slot - now));
    return slot - now;
  }

  /** Counts a failed login; returns the failures of all clients in the window. */
  recordFailure(client: string, account: string | null, now = Date.now()): number {
    this.clients.record(client, now);
    if (account !== null) this.accounts.record(account, now);
    return this.all.record(GLOBAL, now);
  }
}
