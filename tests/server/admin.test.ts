import { afterEach, describe, expect, it } from 'vitest';
import { neutraliseFormula } from '../../server/csv.ts';
import { safeEqual } from '../../server/admin.ts';
import { basicAuth, createTestApp, decodeHtml, fixture, INTERESSE, interesseOptions, json, validInteresse, type TestApp } from './helpers.ts';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const auth = basicAuth('dnrw', 'richtig-geheim');

describe('admin area', () => {
  it('does not exist without ADMIN_PASSWORD (404)', async () => {
    t = await createTestApp();
    expect((await t.app.inject({ method: 'GET', url: '/admin/' })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/admin/${INTERESSE}.csv`, headers: basicAuth('admin', '') })).statusCode).toBe(404);
  });

  it('asks for Basic auth and refuses wrong credentials', async () => {
    t = await createTestApp({ ADMIN_USER: 'dnrw', ADMIN_PASSWORD: 'richtig-geheim' });
    const none = await t.app.inject({ method: 'GET', url: '/admin/' });
    expect(none.statusCode).toBe(401);
    expect(none.headers['www-authenticate']).toMatch(/^Basic realm="Verwaltung"/);
    expect(none.headers['cache-control']).toBe('no-store');
    for (const headers of [basicAuth('dnrw', 'falsch'), basicAuth('admin', 'richtig-geheim'), basicAuth('dnrw', 'richtig-geheim ')]) {
      expect((await t.app.inject({ method: 'GET', url: `/admin/${INTERESSE}.csv`, headers })).statusCode).toBe(401);
    }
  });

  it('lists the submissions of every form, escaped, with no-store', async () => {
    t = await createTestApp({ ADMIN_USER: 'dnrw', ADMIN_PASSWORD: 'richtig-geheim' });
    await t.app.inject({ method: 'POST', url: `/f/${INTERESSE}`, payload: validInteresse({ behoerde: '<img src=x onerror=alert(1)> Stadt' }), headers: json });
    await t.app.inject({ method: 'POST', url: `/f/${INTERESSE}`, payload: validInteresse({ _gotcha: 'bot', behoerde: 'Spam GmbH' }), headers: json });
    await t.app.inject({ method: 'POST', url: '/f/barriere-melden', payload: { seite: '/kontakt/', beschreibung: 'Kein Fokus' }, headers: json });
    const res = await t.app.inject({ method: 'GET', url: '/admin/', headers: auth });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toContain(`Interessenbekundung ${fixture.offers[0]?.titel} (1)`);
    expect(res.body).toContain(`Interessenbekundung ${fixture.offers[1]?.titel} (0)`);
    expect(res.body).toContain('Barrieremeldung (1)');
    expect(decodeHtml(res.body)).toContain('<img src=x onerror=alert(1)> Stadt');
    expect(res.body).not.toContain('<img src=x');
    expect(res.body).not.toContain('Spam GmbH');
    expect(res.body).toContain('1 Einsendung(en) als Spam erkannt');
    expect(res.body).toContain('Kein Fokus');
    expect(res.body).toMatch(/<td[^>]*>03\.2027<\/td>/);
  });

  it('exports a form as CSV with BOM, semicolons and neutralised formulas, without spam', async () => {
    t = await createTestApp({ ADMIN_USER: 'dnrw', ADMIN_PASSWORD: 'richtig-geheim' });
    await t.app.inject({
      method: 'POST',
      url: `/f/${INTERESSE}`,
      payload: validInteresse({ behoerde: '=HYPERLINK("http://evil.example","klick")', funktion: '@SUM(A1)', nachricht: '-2+3\nzweite "Zeile"; mit Semikolon' }),
      headers: json,
    });
    await t.app.inject({ method: 'POST', url: `/f/${INTERESSE}`, payload: validInteresse({ _gotcha: 'x', behoerde: 'Spam GmbH' }), headers: json });
    const res = await t.app.inject({ method: 'GET', url: `/admin/${INTERESSE}.csv`, headers: auth });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(new RegExp(`^attachment; filename="${INTERESSE}-\\d{4}-\\d{2}-\\d{2}\\.csv"$`));
    expect(res.headers['cache-control']).toBe('no-store');
    const csv = res.body;
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const [header] = csv.slice(1).split('\r\n');
    expect(header).toBe(
      'Vorgangsnummer;Eingegangen;Angebot;Behörde;Gemeinde- oder Kreisschlüssel;Ansprechperson;Funktion;E-Mail-Adresse;Telefon;Antragsstrecken;Gewünschter Start;Nachricht',
    );
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""klick"")"`);
    expect(csv).toContain(";'@SUM(A1);");
    expect(csv).toContain(`"'-2+3\nzweite ""Zeile""; mit Semikolon"`);
    expect(csv).toContain(`;${fixture.offers[0]?.titel};`);
    expect(csv).toContain(`;"${interesseOptions.slice(0, 2).join('; ')}";`);
    expect(csv).toContain(';03.2027;');
    expect(csv).not.toContain('Spam GmbH');
    expect((await t.app.inject({ method: 'GET', url: '/admin/unbekannt.csv', headers: auth })).statusCode).toBe(404);
  });
});

describe('CSV formula neutralisation', () => {
  it('prefixes cells starting with = + - @ TAB or CR and leaves others alone', () => {
    for (const cell of ['=1+1', '+49 231', '-1', '@x', '\tx', '\rx']) expect(neutraliseFormula(cell)).toBe(`'${cell}`);
    for (const cell of ['Stadt', '0231', ' =x', '']) expect(neutraliseFormula(cell)).toBe(cell);
  });
});

describe('constant-time comparison', () => {
  it('compares secrets of any length', () => {
    expect(safeEqual('a', 'a')).toBe(true);
    expect(safeEqual('a', 'ab')).toBe(false);
    expect(safeEqual('', '')).toBe(true);
  });
});
