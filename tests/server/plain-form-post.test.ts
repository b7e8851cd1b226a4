/**
 * A plain form post, as a browser without JavaScript sends it (urlencoded, Accept: text/html): 303
 * to the thank-you page with the reference number, or a German error page that keeps the input.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { cleanupAfterEach } from './cleanups.ts';
import { decodeHtml, formPost, INTERESSE, interesse, interesseOptions, postForm, SITE, urlencoded, validInteresse, type TestApp } from './helpers.ts';

const cleanups = cleanupAfterEach();
let t: TestApp;
beforeEach(async () => {
  t = await cleanups.app();
});
const post = (payload: unknown, headers?: Record<string, string>, url?: string) => postForm(t, payload, headers, url);

describe('plain form post (no JavaScript)', () => {
  it('redirects with 303 to the thank-you page with the reference number', async () => {
    const res = await post(urlencoded(validInteresse()), formPost);
    expect(res.statusCode).toBe(303);
    const location = new URL(String(res.headers['location']));
    expect(location.origin + location.pathname).toBe(`${SITE}${interesse.thankYouPath}`);
    expect(location.searchParams.get('ref')).toBe((await t.app.store.listSubmissions(INTERESSE))[0]?.reference);
  });

  it('follows a relative or allowed _next, but never to another origin', async () => {
    const relative = await post(urlencoded(validInteresse({ _next: `${interesse.thankYouPath}?quelle=formular` })), formPost);
    expect(String(relative.headers['location'])).toMatch(new RegExp(`^${SITE}${interesse.thankYouPath}\\?quelle=formular&ref=KV-`));
    for (const _next of ['https://evil.example/phish', '//evil.example/x', 'javascript:alert(1)']) {
      const res = await post(urlencoded(validInteresse({ _next })), formPost);
      expect(res.statusCode).toBe(303);
      expect(String(res.headers['location']), _next).toMatch(new RegExp(`^${SITE}${interesse.thankYouPath}\\?ref=KV-`));
    }
  });

  it('redirects the barrier report to its own thank-you page', async () => {
    const res = await post(urlencoded({ seite: '/', beschreibung: 'Fokus unsichtbar' }), formPost, '/f/barriere-melden');
    expect(res.statusCode).toBe(303);
    expect(String(res.headers['location'])).toMatch(new RegExp(`^${SITE}/barrierefreiheit/barriere-melden/danke/\\?ref=BF-`));
  });

  it('answers errors with a German page that lists them and keeps every input, escaped', async () => {
    const res = await post(
      urlencoded(validInteresse({ behoerde: '', email: '<script>alert(1)</script>', nachricht: 'Zeile "eins" & <b>zwei</b>', _next: interesse.thankYouPath })),
      formPost,
    );
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    const html = res.body;
    expect(html).toContain(`<title>Fehler: ${interesse.texts.pageTitle}`);
    expect(html).toContain('Es gibt ein Problem');
    expect(html).toContain('<a href="#behoerde">Geben Sie den Namen Ihrer Behörde ein</a>');
    expect(html).toContain('<a href="#email">Geben Sie eine E-Mail-Adresse im richtigen Format ein, z. B. name@beispiel.de</a>');
    expect(html).toMatch(/<p id="email-error"[^>]*><span class="visually-hidden">Fehler:<\/span> Geben Sie eine E-Mail-Adresse/);
    expect(html).toContain('aria-describedby="email-hint email-error"');
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).not.toContain('<b>zwei</b>');
    expect(decodeHtml(html)).toContain('value="<script>alert(1)</script>"');
    expect(decodeHtml(html)).toContain('Zeile "eins" & <b>zwei</b></textarea>');
    expect(html).toContain(`value="${String(interesseOptions[0])}" checked`);
    expect(html).toContain(`<form action="/f/${INTERESSE}" method="post"`);
    expect(html).toContain(`name="_next" value="${interesse.thankYouPath}"`);
    expect((await t.app.store.listSubmissions(INTERESSE))).toHaveLength(0);
  });

  it('answers a disallowed content type with a German page for browsers', async () => {
    const res = await post('x', { ...formPost, 'content-type': 'text/plain' });
    expect(res.statusCode).toBe(415);
    expect(res.body).toContain('Das Formular wurde nicht gesendet');
    expect(res.body).toContain('Zurück-Funktion Ihres Browsers');
  });
});
