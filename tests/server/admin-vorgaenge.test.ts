/**
 * The Vorgänge in the admin area, through inject on the project's store: the list on /admin/, one
 * Vorgang's page with its submissions newest first, and both only behind the sign-in.
 */
import { describe, expect, it } from 'vitest';
import { cleanupAfterEach } from './cleanups.ts';
import { decodeHtml, fixtureOffers, INTERESSE, json, signInApp, validInteresse } from './helpers.ts';

const cleanups = cleanupAfterEach();
const ADMIN = { ADMIN_USER: 'dnrw', ADMIN_PASSWORD: 'richtig-geheim' };

describe('Vorgänge in the admin area', () => {
  it('lists one Vorgang per authority and offer and shows its submissions newest first', async () => {
    const t = await cleanups.app(ADMIN);
    const post = async (overrides: Record<string, unknown>): Promise<string> =>
      (await t.app.inject({ method: 'POST', url: `/f/${INTERESSE}`, payload: validInteresse(overrides), headers: json })).json<{ id: string }>().id;
    const first = await post({ behoerde: 'Stadt Beispielstadt', ags: '05999001', nachricht: 'Erste Anfrage' });
    const other = await post({ behoerde: 'Kreis Muster', ags: '', nachricht: 'Andere Behörde' });
    const second = await post({ behoerde: 'Stadt Beispielstadt, Ausländerbehörde', ags: '05999001', nachricht: 'Zweite Anfrage' });
    await post({ _gotcha: 'bot', behoerde: 'Spam GmbH' });
    const auth = (await signInApp(t.app, ADMIN.ADMIN_USER, ADMIN.ADMIN_PASSWORD)).cookie;

    const list = await t.app.inject({ method: 'GET', url: '/admin/', headers: auth });
    expect(list.statusCode).toBe(200);
    const html = decodeHtml(list.body);
    expect(html).toContain('Vorgänge (2)');
    expect(list.body).toContain(`<a href="/admin/vorgang/${first}">${first}</a>`);
    expect(list.body).toContain(`<a href="/admin/vorgang/${other}">${other}</a>`);
    expect(html).not.toContain('Spam GmbH');
    expect(html).toContain(fixtureOffers[0]?.titel ?? '?');

    const page = await t.app.inject({ method: 'GET', url: `/admin/vorgang/${first}`, headers: auth });
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('no-store');
    const text = decodeHtml(page.body);
    expect(text).toContain(`<h1>Vorgang ${first}: <bdi>Stadt Beispielstadt, Ausländerbehörde</bdi></h1>`);
    expect(text).toContain('Einsendungen dieser Behörde (2), neueste zuerst');
    // Newest first; the other authority's submission is not there.
    expect(text.indexOf(second)).toBeGreaterThan(-1);
    expect(text.indexOf(second)).toBeLessThan(text.indexOf(`<th scope="row" class="whole">${first}</th>`));
    expect(text.indexOf('Zweite Anfrage')).toBeLessThan(text.indexOf('Erste Anfrage'));
    expect(text).not.toContain('Andere Behörde');
  });

  it('answers an unknown Vorgang with a German 404 page, and shows none without a sign-in', async () => {
    const t = await cleanups.app(ADMIN);
    const id = (await t.app.inject({ method: 'POST', url: `/f/${INTERESSE}`, payload: validInteresse(), headers: json })).json<{ id: string }>().id;
    const anonymous = await t.app.inject({ method: 'GET', url: `/admin/vorgang/${id}` });
    expect(anonymous.statusCode).not.toBe(200);
    expect(anonymous.body).not.toContain('Erika Mustermann');
    const auth = (await signInApp(t.app, ADMIN.ADMIN_USER, ADMIN.ADMIN_PASSWORD)).cookie;
    const missing = await t.app.inject({ method: 'GET', url: '/admin/vorgang/KV-1999-000001', headers: auth });
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toContain('Vorgang nicht gefunden');
  });
});
