/**
 * A stored submission is never lost, not even when its form disappears from the content (an
 * offer's file removed, a form renamed, rows of an older version): it stays in the admin list and
 * the exports, and its notification still goes out.
 */
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { serverStrings } from '../../server/strings/server.ts';
import { storedFormView } from '../../server/store/stored-forms.ts';
import { cleanupAfterEach } from './cleanups.ts';
import { decodeHtml, signInApp, waitFor } from './helpers.ts';

const cleanups = cleanupAfterEach();

const GONE = 'interesse-entfernter-dienst';
const title = serverStrings.storedForm.title.replace('{name}', GONE);
const data = { behoerde: 'Stadt Altdorf', email: 'alt@altdorf.example', antragsstrecken: ['Erste', 'Zweite'], nachricht: 'Zeile eins\nZeile zwei' };

describe('submissions of a form the content no longer has', () => {
  it('are described by their stored fields: lists stay lists, texts with line breaks stay texts', () => {
    const view = storedFormView(GONE, [{ data }, { data: { behoerde: 'B', telefon: '0231 1' } }]);
    expect(view.fields.map((f) => [f.name, f.type])).toEqual([
      ['behoerde', 'text'],
      ['email', 'text'],
      ['antragsstrecken', 'checkboxes'],
      ['nachricht', 'textarea'],
      ['telefon', 'text'],
    ]);
    expect(view).toMatchObject({ name: GONE, submissionName: title, subjectField: 'behoerde', replyToField: 'email' });
  });

  it('keep their notification, their place in the admin list and their exports', async () => {
    const sink = await cleanups.sink();
    const t = await cleanups.app({ SMTP_URL: sink.url, OUTBOX_POLL_MS: '50', ADMIN_USER: 'dnrw', ADMIN_PASSWORD: 'richtig-geheim' }, {});
    await t.app.ready();
    const [saved] = await t.app.store.saveSubmissions([{ form: GONE, prefix: 'KV', data, spam: false }]);
    t.app.outbox.kick();
    await waitFor(() => sink.mails.length === 1, 10_000);
    const mail = await simpleParser(sink.mails[0]!.raw);
    expect(mail.subject).toBe(`${title}: Stadt Altdorf`);
    expect(mail.headers.get('x-portal-reference')).toBe(saved!.reference);
    expect(mail.replyTo?.text).toBe('alt@altdorf.example');
    expect(mail.text).toContain('antragsstrecken: Erste; Zweite');
    expect((await t.app.store.outboxStatus()).pending).toBe(0);

    const auth = (await signInApp(t.app, 'dnrw', 'richtig-geheim')).cookie;
    const list = decodeHtml((await t.app.inject({ method: 'GET', url: '/admin/', headers: auth })).body);
    expect(list).toContain(`${title} (1)`);
    expect(list).toContain(saved!.reference);
    const csv = await t.app.inject({ method: 'GET', url: `/admin/${GONE}.csv`, headers: auth });
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('behoerde');
    expect(csv.body).toContain('Stadt Altdorf');
    expect((await t.app.inject({ method: 'GET', url: `/admin/${GONE}.xlsx`, headers: auth })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/admin/nie-gespeichert.csv', headers: auth })).statusCode).toBe(404);
  });
});
