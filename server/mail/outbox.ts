/**
 * The mail outbox worker. A submission's mail is written to the outbox in the same transaction as
 * the submission; this worker claims due mails with a lease (so with several instances each mail is
 * sent by one of them, and a dead instance's claims are taken over when the lease ends), sends them
 * over pooled SMTP connections and retries failures with exponential backoff: a mail server that is
 * down delays a mail but never loses it.
 */
import { hostname } from 'node:os';
import { performance } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import nodemailer from 'nodemailer';
import type { Transporter } from 'nodemailer';
import type { FormRegistry } from '../../shared/forms/index.ts';
import type { OutboxConfig } from '../config.ts';
import { viewOfStored } from '../store/stored-forms.ts';
import { composeMail, type MailSettings } from './mail.ts';
import { storageErrorReason, type DueMail, type Store } from '../store/index.ts';

/**
 * SMTP connections one instance keeps open, and mails claimed per round. stop() waits for the
 * round in flight: at most CLAIM_BATCH / SMTP_CONNECTIONS mails one after another per connection.
 */
const SMTP_CONNECTIONS = 10;
const CLAIM_BATCH = 100;

/** The delay before attempt number `attempts + 1`, doubling from `baseDelayMs` up to `maxDelayMs`. */
export function retryDelay(attempts: number, config: Pick<OutboxConfig, 'baseDelayMs' | 'maxDelayMs'>): number {
  const exponent = Math.min(Math.max(attempts - 1, 0), 30);
  return Math.min(config.baseDelayMs * 2 ** exponent, config.maxDelayMs);
}

/** A short description of a send failure without personal data (no addresses, no server reply text). */
function describeFailure(error: unknown): string {
  if (error && typeof error === 'object') {
    const e = error as { code?: unknown; responseCode?: unknown; command?: unknown };
    const parts = [e.code, e.responseCode, e.command].filter((p) => typeof p === 'string' || typeof p === 'number');
    if (parts.length > 0) return parts.join(' ');
  }
  return 'UNKNOWN';
}

export interface OutboxLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface OutboxEvents {
  onSent?(count: number): void;
  onFailure?(reason: string): void;
}

export interface Outbox {
  /** Claims and sends due mails until none are left; resolves with the number sent. Runs never overlap. */
  runOnce(): Promise<number>;
  /** Asks the worker to look at the outbox soon (after a new submission). */
  kick(): void;
  start(): void;
  /** Stops the loop and waits for the sends in progress. */
  stop(): Promise<void>;
}

export interface OutboxOptions {
  readonly store: Store;
  readonly forms: FormRegistry;
  readonly transport: Transporter | null;
  readonly settings: MailSettings;
  readonly config: OutboxConfig;
  readonly log: OutboxLogger;
  readonly events?: OutboxEvents;
}

/** A pooled SMTP transport (connections reused for many mails), or null without SMTP_URL. */
export function createTransport(smtpUrl: string): Transporter | null {
  if (smtpUrl === '') return null;
  return nodemailer.createTransport(smtpUrl, {
    pool: true,
    maxConnections: SMTP_CONNECTIONS,
    maxMessages: 1_000,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  } as object);
}

/** Pause between rounds while the event loop is more than BUSY_UTILISATION busy. */
const BUSY_PAUSE_MS = 200;
const BUSY_UTILISATION = 0.6;

/** Whether the event loop was mostly busy since the last call. */
function busyMeter(): () => boolean {
  let last = performance.eventLoopUtilization();
  return () => {
    const now = performance.eventLoopUtilization();
    const busy = performance.eventLoopUtilization(now, last).utilization > BUSY_UTILISATION;
    last = now;
    return busy;
  };
}

export function createOutbox({ store, forms, transport, settings, config, log, events = {} }: OutboxOptions): Outbox {
  /** This instance's name on its claims. */
  const owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const busy = busyMeter();
  let chain: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | null = null;
  let stopped = true;
  /** A scheduled run is in progress; a kick meanwhile asks for another one right after it. */
  let active = false;
  let again = false;
  /** Set by stop(): no new round starts, the sends in progress finish. */
  let stopping = false;

  /**
   * Sends one mail; true when the SMTP server accepted it. A failure is recorded for the next
   * attempt; if that record cannot be stored, the promise rejects (the claim then runs out and the
   * mail is retried after the lease).
   */
  async function send(smtp: Transporter, mail: DueMail): Promise<boolean> {
    // A form the content no longer has is described by the stored fields: its mail still goes out.
    const form = viewOfStored(forms, mail.submission.form, [mail.submission]);
    const context = { reference: mail.submission.reference, form: mail.submission.form, attempt: mail.attempts + 1 };
    try {
      await smtp.sendMail(composeMail(form, mail.submission, settings));
      log.info(context, 'Benachrichtigung gesendet');
      return true;
    } catch (error) {
      const reason = describeFailure(error);
      const delay = retryDelay(mail.attempts + 1, config);
      events.onFailure?.(reason);
      log.warn({ ...context, reason, retryInMs: delay }, 'Benachrichtigung fehlgeschlagen, neuer Versuch folgt');
      await store.markFailed(mail.outboxId, reason, Date.now() + delay);
      return false;
    }
  }

  async function drain(): Promise<number> {
    if (transport === null) return 0;
    const smtp = transport;
    let sent = 0;
    while (!stopping) {
      const claimed = await store.claimDueMails(owner, Date.now(), config.leaseMs, CLAIM_BATCH);
      if (claimed.length === 0) break;
      // All of the batch goes to the pooled transport at once: it keeps every connection busy
      // (handing mails over one by one leaves connections waiting between mails). Composing is
      // done a few mails at a time, so requests in between are not held up.
      const sends: Promise<boolean>[] = [];
      for (const [i, mail] of claimed.entries()) {
        if (i > 0 && i % SMTP_CONNECTIONS === 0) await new Promise((resolve) => setImmediate(resolve));
        sends.push(send(smtp, mail));
      }
      // Settled, not all: a send that throws (its failure could not be stored) must not keep the
      // mails delivered in this round from being marked sent, or they would go out again after
      // the lease.
      const results = await Promise.allSettled(sends);
      const done = claimed.filter((_, i) => results[i]?.status === 'fulfilled' && results[i].value).map((mail) => mail.outboxId);
      for (const [i, result] of results.entries()) {
        if (result.status === 'rejected') {
          const mail = claimed[i];
          log.error(
            { reference: mail?.submission.reference, form: mail?.submission.form, reason: storageErrorReason(result.reason) },
            'Fehlversuch nicht gespeichert; die Benachrichtigung wird nach Ablauf der Reservierung erneut versucht',
          );
        }
      }
      await store.markSent(done, new Date());
      events.onSent?.(done.length);
      sent += done.length;
      if (done.length < claimed.length) break;
      // Answering comes first: with a full round behind it while the event loop is busy (a burst
      // of submissions), the next round waits a little; the backlog goes out after the burst.
      const loaded = busy();
      if (loaded && claimed.length === CLAIM_BATCH) await new Promise((resolve) => setTimeout(resolve, BUSY_PAUSE_MS));
    }
    return sent;
  }

  function runOnce(): Promise<number> {
    const run = chain.then(drain, drain);
    chain = run.catch(() => undefined);
    return run;
  }

  function schedule(delay: number): void {
    if (stopped) return;
    if (active) {
      again ||= delay === 0;
      return;
    }
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      active = true;
      again = false;
      runOnce()
        .catch((error: unknown) => log.error({ reason: describeFailure(error) }, 'Fehler im Mail-Ausgang'))
        .finally(() => {
          active = false;
          schedule(again ? 0 : config.pollMs);
        });
    }, delay);
    timer.unref();
  }

  return {
    runOnce,
    kick() {
      schedule(0);
    },
    start() {
      if (!stopped) return;
      stopped = false;
      stopping = false;
      if (transport === null) {
        store.outboxStatus().then(
          ({ pending }) => log.warn({ pending }, 'SMTP_URL ist nicht gesetzt: Benachrichtigungen bleiben im Ausgang, bis ein Mailserver konfiguriert ist'),
          () => log.warn({}, 'SMTP_URL ist nicht gesetzt: Benachrichtigungen bleiben im Ausgang, bis ein Mailserver konfiguriert ist'),
        );
      }
      schedule(0);
    },
    async stop() {
      stopped = true;
      stopping = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await chain;
      transport?.close();
    },
  };
}
