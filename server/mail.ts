/**
 * Notification e-mails through an outbox. A submission's mail is written to the outbox in the
 * same transaction as the submission; a worker sends due mails and retries failures with
 * exponential backoff, so a mail server that is down delays the mail but never loses it. The
 * Message-ID is derived from the reference number, so a receiving system can drop the rare
 * duplicate (SMTP accepted, process died before the outbox was updated).
 */
import nodemailer from 'nodemailer';
import type { Transporter } from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer/index.js';
import type { FormDefinition, FormRegistry } from '../src/forms/index.ts';
import type { OutboxConfig } from './config.ts';
import type { DueMail, Store, StoredSubmission } from './db.ts';
import { displayValue, escapeHtml, fieldLabel, formatReceivedAt, singleLine } from './format.ts';

export interface MailSettings {
  readonly from: string;
  readonly to: string;
  readonly portalName: string;
  /** Host part of Message-IDs. */
  readonly messageIdDomain: string;
}

/** The notification for one submission: every field as text and as escaped HTML. */
export function composeMail(form: FormDefinition, submission: StoredSubmission, settings: MailSettings): Mail.Options {
  const data = submission.data;
  const received = formatReceivedAt(submission.receivedAt);
  const subjectValue = singleLine(String(data[form.subjectField] ?? ''), 80);
  const subject = singleLine(`${form.submissionName}: ${subjectValue}`, 200);
  const rows = form.fields.map((field) => ({ label: fieldLabel(field), value: displayValue(field, data[field.name]) }));

  const text = [
    `Neue Einsendung über das Formular „${form.texts.pageTitle}“ im Portal ${settings.portalName}.`,
    '',
    `Vorgangsnummer: ${submission.reference}`,
    `Eingegangen: ${received}`,
    '',
    ...rows.flatMap(({ label, value }) =>
      value.includes('\n') ? [`${label}:`, ...value.split(/\r?\n/).map((line) => `  ${line}`)] : [`${label}: ${value || '–'}`],
    ),
    '',
    form.replyToField !== undefined && typeof data[form.replyToField] === 'string'
      ? 'Mit „Antworten“ schreiben Sie direkt an die Person, die das Formular ausgefüllt hat.'
      : 'Die Person hat keine E-Mail-Adresse angegeben.',
  ].join('\n');

  const html = `<!doctype html>
<html lang="de"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family: sans-serif; line-height: 1.5">
<p>Neue Einsendung über das Formular „${escapeHtml(form.texts.pageTitle)}“ im Portal ${escapeHtml(settings.portalName)}.</p>
<table style="border-collapse: collapse">
<tr><th scope="row" style="text-align: left; padding: 4px 12px 4px 0; vertical-align: top">Vorgangsnummer</th><td style="padding: 4px 0">${escapeHtml(submission.reference)}</td></tr>
<tr><th scope="row" style="text-align: left; padding: 4px 12px 4px 0; vertical-align: top">Eingegangen</th><td style="padding: 4px 0">${escapeHtml(received)}</td></tr>
${rows
  .map(
    ({ label, value }) =>
      `<tr><th scope="row" style="text-align: left; padding: 4px 12px 4px 0; vertical-align: top">${escapeHtml(label)}</th><td style="padding: 4px 0; white-space: pre-wrap">${escapeHtml(value || '–')}</td></tr>`,
  )
  .join('\n')}
</table>
</body></html>`;

  const message: Mail.Options = {
    from: settings.from,
    to: settings.to,
    subject,
    text,
    html,
    messageId: `<${submission.reference}.${submission.id}@${settings.messageIdDomain}>`,
    headers: { 'X-Portal-Form': form.name, 'X-Portal-Reference': submission.reference },
  };
  const replyTo = form.replyToField === undefined ? undefined : data[form.replyToField];
  // The address passed the form's e-mail check (no spaces, no line breaks, one @); the name is
  // reduced to one line. nodemailer encodes both, so no header can be injected.
  if (typeof replyTo === 'string' && /^[^\s@<>,;"]+@[^\s@<>,;"]+$/.test(replyTo)) {
    const nameValue = form.replyToNameField === undefined ? undefined : data[form.replyToNameField];
    message.replyTo = typeof nameValue === 'string' && nameValue !== '' ? { name: singleLine(nameValue, 100), address: replyTo } : replyTo;
  }
  return message;
}

/** The delay before attempt number `attempts + 1`, doubling from `baseDelayMs` up to `maxDelayMs`. */
export function retryDelay(attempts: number, config: OutboxConfig): number {
  const exponent = Math.min(Math.max(attempts - 1, 0), 30);
  return Math.min(config.baseDelayMs * 2 ** exponent, config.maxDelayMs);
}

/** A short description of a send failure without personal data (no addresses, no server reply text). */
export function describeFailure(error: unknown): string {
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

export interface Outbox {
  /** Sends every due mail once; resolves with the number sent. Runs never overlap. */
  runOnce(): Promise<number>;
  /** Asks the worker to look at the outbox soon (after a new submission). */
  kick(): void;
  start(): void;
  /** Stops the loop and waits for a send in progress. */
  stop(): Promise<void>;
}

export interface OutboxOptions {
  readonly store: Store;
  readonly forms: FormRegistry;
  readonly transport: Transporter | null;
  readonly settings: MailSettings;
  readonly config: OutboxConfig;
  readonly log: OutboxLogger;
}

export function createTransport(smtpUrl: string): Transporter | null {
  if (smtpUrl === '') return null;
  return nodemailer.createTransport(smtpUrl, {
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  } as object);
}

export function createOutbox({ store, forms, transport, settings, config, log }: OutboxOptions): Outbox {
  /** Runs are chained, so two runs never send the same mail at the same time. */
  let chain: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | null = null;
  let stopped = true;
  /** Set by stop(): runs still queued in the chain end at once, a send in progress finishes. */
  let stopping = false;

  async function send(mail: DueMail): Promise<boolean> {
    const form = forms.get(mail.submission.form);
    const context = { reference: mail.submission.reference, form: mail.submission.form, attempt: mail.attempts + 1 };
    if (transport === null) return false;
    if (!form) {
      store.markFailed(mail.outboxId, 'UNKNOWN_FORM', Date.now() + config.maxDelayMs);
      log.error(context, 'Mail nicht gesendet: unbekanntes Formular');
      return false;
    }
    try {
      await transport.sendMail(composeMail(form, mail.submission, settings));
      store.markSent(mail.outboxId, new Date());
      log.info(context, 'Benachrichtigung gesendet');
      return true;
    } catch (error) {
      const reason = describeFailure(error);
      const delay = retryDelay(mail.attempts + 1, config);
      store.markFailed(mail.outboxId, reason, Date.now() + delay);
      log.warn({ ...context, reason, retryInMs: delay }, 'Benachrichtigung fehlgeschlagen, neuer Versuch folgt');
      return false;
    }
  }

  async function drain(): Promise<number> {
    if (transport === null) return 0;
    let sent = 0;
    for (const mail of store.dueMails(Date.now(), 20)) {
      if (stopping) break;
      if (await send(mail)) sent += 1;
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
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      runOnce()
        .catch((error: unknown) => log.error({ reason: describeFailure(error) }, 'Fehler im Mail-Ausgang'))
        .finally(() => schedule(config.pollMs));
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
        let pending: number | null = null;
        try {
          pending = store.pendingMailCount();
        } catch {
          // storage unavailable: /healthz reports it; the server starts anyway
        }
        log.warn({ pending }, 'SMTP_URL ist nicht gesetzt: Benachrichtigungen bleiben im Ausgang, bis ein Mailserver konfiguriert ist');
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
