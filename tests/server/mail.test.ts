import { simpleParser } from 'mailparser';
import type { Transporter } from 'nodemailer';
import { describe, expect, it, vi } from 'vitest';
import { composeMail } from '../../server/mail/mail.ts';
import { createOutbox, retryDelay } from '../../server/mail/outbox.ts';
import type { Store } from '../../server/store/index.ts';
import { cleanupAfterEach } from './cleanups.ts';
import { createTestApp, fixture, fixtureOffers, freePort, INTERESSE, interesseOptions, json, validInteresse, waitFor } from './helpers.ts';

const cleanups = cleanupAfterEach();

describe('notification e-mail', () => {
  it('sends every field as text and escaped HTML to NOTIFY_TO, with Reply-To the submitter\'s address alone', async () => {
    const sink = await cleanups.sink();
    const t = await cleanups.app({ SMTP_URL: sink.url, MAIL_FROM: 'Portal <portal@example.org>', NOTIFY_TO: 'team@example.org' }, {});
    const res = await t.app.inject({
      method: 'POST',
      url: `/f/${INTERESSE}`,
      payload: validInteresse({ nachricht: 'Hallo <b>Team</b> & Co.\nZweite Zeile' }),
      headers: json,
    });
    const { id } = res.json<{ id: string }>();
    await waitFor(() => sink.mails.length === 1);
    const received = sink.mails[0]!;
    expect(received.to).toEqual(['team@example.org']);
    expect(received.from).toBe('portal@example.org');
    const mail = await simpleParser(received.raw);
    expect(mail.subject).toBe(`Interessenbekundung ${fixtureOffers[0]?.titel}: Stadt Dortmund, Ausländerbehörde`);
    expect(mail.headers.get('x-portal-reference')).toBe(id);
    expect(mail.headers.get('x-portal-form')).toBe(INTERESSE);
    expect(mail.replyTo?.text).toBe('erika.mustermann@stadt.de');
    expect(mail.messageId).toMatch(new RegExp(`^<${id}\\.\\d+@127\\.0\\.0\\.1>$`));
    for (const line of [
      `Eingangsnummer: ${id}`,
      'Behörde: Stadt Dortmund, Ausländerbehörde',
      'Gemeinde- oder Kreisschlüssel: 05913000',
      'Ansprechperson: Erika Mustermann',
      'E-Mail-Adresse: erika.mustermann@stadt.de',
      'Telefon: 0231 123456',
      `Antragsstrecken: ${interesseOptions.slice(0, 2).join('; ')}`,
      'Gewünschter Start: 03.2027',
      '  Hallo <b>Team</b> & Co.',
      '  Zweite Zeile',
    ]) {
      expect(mail.text).toContain(line);
    }
    expect(mail.html).toContain('Hallo &lt;b&gt;Team&lt;/b&gt; &amp; Co.');
    expect(mail.html).not.toContain('<b>Team</b>');
    await waitFor(async () => (await t.app.store.outboxStatus()).pending === 0);
  });

  it('cannot be used for header injection through the name or the subject', async () => {
    const sink = await cleanups.sink();
    const t = await cleanups.app({ SMTP_URL: sink.url }, {});
    const injection = { ansprechperson: 'Eve\r\nBcc: victim@example.org', behoerde: 'Amt\r\nX-Evil: 1' };
    // The form refuses line breaks in one-line fields; a row stored before that rule still mails safely.
    expect((await t.app.inject({ method: 'POST', url: `/f/${INTERESSE}`, payload: validInteresse(injection), headers: json })).statusCode).toBe(422);
    t.app.store.saveSubmission({ form: INTERESSE, prefix: 'KV', data: validInteresse(injection), spam: false });
    t.app.outbox.kick();
    await waitFor(() => sink.mails.length === 1);
    const mail = await simpleParser(sink.mails[0]!.raw);
    expect(mail.headers.has('bcc')).toBe(false);
    expect(mail.headers.has('x-evil')).toBe(false);
    expect(sink.mails[0]!.to).toEqual([fixture.site.postfach]);
    expect(mail.replyTo?.text).toBe('erika.mustermann@stadt.de');
  });

  it('gives Reply-To no display name, so a name cannot pose as another address or sender', async () => {
    const sink = await cleanups.sink();
    const t = await cleanups.app({ SMTP_URL: sink.url }, {});
    const names = ['"security@digitales.nrw.de"', 'Stadt \u202Emoc.evil\u202C', '=?utf-8?B?c2VjdXJpdHlAZGlnaXRhbGVzLm5ydy5kZQ==?=', 'Poststelle <poststelle@digitales.nrw.de>'];
    for (const ansprechperson of names) {
      const data = validInteresse({ ansprechperson, email: 'angreifer@example.org' });
      const res = await t.app.inject({ method: 'POST', url: `/f/${INTERESSE}`, payload: data, headers: json });
      // The form refuses direction controls in one-line fields; a row stored before that rule still mails safely.
      if (res.statusCode === 422) await t.app.store.saveSubmission({ form: INTERESSE, prefix: 'KV', data, spam: false });
      else expect(res.statusCode).toBe(200);
    }
    t.app.outbox.kick();
    await waitFor(() => sink.mails.length === names.length);
    const replyTos = await Promise.all(sink.mails.map(async (m) => (await simpleParser(m.raw)).replyTo?.text));
    console.log(`reply-to: ${names.length} impersonating names, Reply-To headers ${JSON.stringify([...new Set(replyTos)])}`);
    expect(replyTos).toEqual(names.map(() => 'angreifer@example.org'));
    for (const m of sink.mails) expect(m.raw).toMatch(/^Reply-To: angreifer@example\.org\r?$/m);
  });

  it('sends a barrier report without e-mail address and without Reply-To', async () => {
    const sink = await cleanups.sink();
    const t = await cleanups.app({ SMTP_URL: sink.url }, {});
    await t.app.inject({ method: 'POST', url: '/f/barriere-melden', payload: { seite: '/kosten/', beschreibung: 'Tabelle ohne Überschriften' }, headers: json });
    await waitFor(() => sink.mails.length === 1);
    const mail = await simpleParser(sink.mails[0]!.raw);
    expect(mail.headers.has('reply-to')).toBe(false);
    expect(mail.text).toContain('Beschreibung: Tabelle ohne Überschriften');
    expect(mail.text).toContain('Die Person hat keine E-Mail-Adresse angegeben.');
  });

  it('sends no mail for a honeypot submission', async () => {
    const sink = await cleanups.sink();
    const t = await cleanups.app({ SMTP_URL: sink.url }, {});
    await t.app.inject({ method: 'POST', url: `/f/${INTERESSE}`, payload: validInteresse({ _gotcha: 'bot' }), headers: json });
    await t.app.inject({ method: 'POST', url: `/f/${INTERESSE}`, payload: validInteresse(), headers: json });
    await waitFor(() => sink.mails.length === 1);
    await t.app.outbox.runOnce();
    expect(sink.mails).toHaveLength(1);
  });
});

describe('outbox', () => {
  it('accepts the submission while SMTP is down and sends exactly one mail once it is back', async () => {
    const port = await freePort();
    const t = await cleanups.app({ SMTP_URL: `smtp://127.0.0.1:${port}`, OUTBOX_RETRY_BASE_MS: '50', OUTBOX_RETRY_MAX_MS: '200' }, { startOutbox: false });
    const res = await t.app.inject({ method: 'POST', url: `/f/${INTERESSE}`, payload: validInteresse(), headers: json });
    expect(res.statusCode).toBe(200);
    expect(await t.app.outbox.runOnce()).toBe(0);
    expect(await t.app.outbox.runOnce()).toBe(0);
    expect((await t.app.store.outboxStatus()).pending).toBe(1);

    const sink = await cleanups.sink(undefined, port);
    // The clock jumps past the retry delay (at most 200 ms) instead of waiting for it.
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + 1_000);
      const [first, second] = await Promise.all([t.app.outbox.runOnce(), t.app.outbox.runOnce()]);
      expect(first + second).toBe(1);
      vi.setSystemTime(Date.now() + 1_000);
      expect(await t.app.outbox.runOnce()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
    expect(sink.mails).toHaveLength(1);
    expect((await t.app.store.outboxStatus()).pending).toBe(0);
    expect((await simpleParser(sink.mails[0]!.raw)).text).toContain(`Eingangsnummer: ${res.json<{ id: string }>().id}`);
  });

  it('keeps pending mails across a restart and sends them from the new process', async () => {
    const port = await freePort();
    const first = await createTestApp({ SMTP_URL: `smtp://127.0.0.1:${port}` }, { startOutbox: false });
    await first.app.inject({ method: 'POST', url: `/f/${INTERESSE}`, payload: validInteresse(), headers: json });
    await first.app.close();
    const sink = await cleanups.sink(undefined, port);
    const { buildApp } = await import('../../server/http/app.ts');
    const app = await buildApp(first.config);
    await app.ready();
    // The sink has the mail a moment before the outbox records it as sent: wait for both.
    await waitFor(async () => sink.mails.length === 1 && (await app.store.outboxStatus()).pending === 0);
    expect(sink.mails).toHaveLength(1);
    await app.close();
    const { rmSync } = await import('node:fs');
    rmSync(first.dataDir, { recursive: true, force: true });
  });

  it('gives a mail the same Message-ID when another instance sends it again after a lease ran out', async () => {
    const t = await cleanups.app({}, { transport: null, startOutbox: false });
    await t.app.inject({ method: 'POST', url: `/f/${INTERESSE}`, payload: validInteresse(), headers: json });
    const now = Date.now();
    const [first] = await t.app.store.claimDueMails('instanz-a', now, 1_000, 1);
    const [again] = await t.app.store.claimDueMails('instanz-b', now + 1_001, 1_000, 1);
    const settings = { from: 'a@example.org', to: 'b@example.org', portalName: 'Portal', messageIdDomain: 'portal.example' };
    const a = composeMail(t.app.forms.get(INTERESSE)!, first!.submission, settings).messageId;
    const b = composeMail(t.app.forms.get(INTERESSE)!, again!.submission, settings).messageId;
    expect(a).toMatch(new RegExp(`^<${first!.submission.reference}\\.\\d+@portal\\.example>$`));
    expect(b).toBe(a);
  });

  it('marks the mails a round delivered as sent even when storing another one\'s failure fails', async () => {
    const t = await cleanups.app({}, { transport: null, startOutbox: false });
    await t.app.store.saveSubmissions([1, 2].map(() => ({ form: INTERESSE, prefix: 'KV', data: validInteresse(), spam: false })));
    // The first mail of the round is accepted, the second refused; recording the refusal fails.
    let calls = 0;
    const transport = {
      sendMail: async () => {
        calls += 1;
        if (calls === 2) throw Object.assign(new Error('refused'), { code: 'EENVELOPE', responseCode: 550 });
        return {};
      },
      close: () => undefined,
    } as unknown as Transporter;
    const store: Store = { ...t.app.store, markFailed: () => Promise.reject(Object.assign(new Error('disk full'), { code: 'SQLITE_FULL' })) };
    const errors: object[] = [];
    const quiet = () => undefined;
    const outbox = createOutbox({
      store,
      forms: t.app.forms,
      transport,
      settings: { from: 'a@example.org', to: 'b@example.org', portalName: 'Portal', messageIdDomain: 'portal.example' },
      config: t.config.outbox,
      log: { info: quiet, warn: quiet, error: (obj) => errors.push(obj) },
    });

    expect(await outbox.runOnce()).toBe(1);
    expect(calls).toBe(2);
    expect(errors).toEqual([expect.objectContaining({ reason: 'SQLITE_FULL' })]);
    expect((await t.app.store.outboxStatus()).pending).toBe(1);
    // After the lease only the refused mail is due again: the delivered one is not sent twice.
    const again = await t.app.store.claimDueMails('instanz-b', Date.now() + t.config.outbox.leaseMs + 1, 1_000, 10);
    expect(again).toHaveLength(1);
    await outbox.stop();
  });

  it('doubles the delay after each failure up to the maximum', () => {
    const config = { pollMs: 1000, baseDelayMs: 1000, maxDelayMs: 10_000 };
    expect([1, 2, 3, 4, 5, 6].map((n) => retryDelay(n, config))).toEqual([1000, 2000, 4000, 8000, 10_000, 10_000]);
  });
});

describe('shutdown with a mail backlog', () => {
  it('finishes the round of mails in progress, leaves the rest in the outbox and closes', async () => {
    const sink = await cleanups.sink({ delayMs: 100 });
    const t = await cleanups.app({ SMTP_URL: sink.url }, { startOutbox: false });
    const total = 250;
    await t.app.store.saveSubmissions(Array.from({ length: total }, () => ({ form: INTERESSE, prefix: 'KV', data: validInteresse(), spam: false })));
    t.app.outbox.start();
    await waitFor(() => sink.mails.length >= 1);
    const { app } = t;
    const started = performance.now();
    await app.close();
    const seconds = (performance.now() - started) / 1000;
    const delivered = sink.mails.length;
    // Closed: the pooled transport has ended its connections, no mail is on its way.
    await waitFor(() => sink.connections === 0);
    console.log(`shutdown with backlog: closed after ${seconds.toFixed(2)} s, delivered ${delivered} of ${total} before closing, ${sink.mails.length} after`);
    expect(delivered).toBeLessThan(total);
    expect(sink.mails.length).toBe(delivered);
  });
});
