/**
 * The Vorgänge in the admin area, through inject on the project's store: the list on /admin/, one
 * Vorgang's page with its submissions newest first, and both only behind the sign-in.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { authorityOf } from '../../server/store/authority.ts';
import type { RolloutStep } from '../../shared/lib/rollout.ts';
import { cleanupAfterEach } from './cleanups.ts';
import { decodeHtml, fixtureForms, fixtureOffers, fixtureRollout, INTERESSE, json, signInApp, stepValues, validInteresse, type TestApp } from './helpers.ts';

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
    expect(text).toContain(`<h1>Vorgang ${first}</h1>`);
    expect(text).toContain('<dt>Behörde</dt><dd><bdi>Stadt Beispielstadt, Ausländerbehörde</bdi></dd>');
    expect(text).toContain(`<title>Vorgang ${first}: Stadt Beispielstadt, Ausländerbehörde – `);
    expect(text).toContain('Einsendungen dieser Behörde (2), neueste zuerst');
    // Newest first; the other authority's submission is not there.
    expect(text.indexOf(second)).toBeGreaterThan(-1);
    expect(text.indexOf(second)).toBeLessThan(text.indexOf(`<th scope="row" class="whole">${first}</th>`));
    expect(text.indexOf('Zweite Anfrage')).toBeLessThan(text.indexOf('Erste Anfrage'));
    expect(text).not.toContain('Andere Behörde');
  });

  it('filters the list by offer, step and Kreis/Stadt (choices from the data) and searches, as a GET form', async () => {
    const t = await cleanups.app(ADMIN);
    const post = async (form: string, overrides: Record<string, unknown>): Promise<string> =>
      (await t.app.inject({ method: 'POST', url: `/f/${form}`, payload: validInteresse(overrides), headers: json })).json<{ id: string }>().id;
    const second = `interesse-${fixtureOffers[1]?.id}`;
    const city = await post(INTERESSE, { behoerde: 'Stadt Beispielstadt', ags: '05999001' });
    const kreis = await post(INTERESSE, { behoerde: 'Kreis Muster', ags: '05999' });
    const choices = fixtureForms.get(second)?.fields.find((field) => field.type === 'checkboxes')?.options ?? [];
    const other = await post(second, { behoerde: 'Gemeinde Südort', ags: '05888002', antragsstrecken: choices.slice(0, 1) });
    const session = await signInApp(t.app, ADMIN.ADMIN_USER, ADMIN.ADMIN_PASSWORD);
    const [, step] = fixtureRollout.get(INTERESSE) ?? [];
    expect((await move(t, session, city, { von: '', ...stepValues(step ?? { id: '', titel: '', abschluss: false, angaben: [] }) })).statusCode).toBe(303);
    const listed = async (query: string): Promise<string[]> => {
      const body = decodeHtml((await t.app.inject({ method: 'GET', url: `/admin/?${query}`, headers: session.cookie })).body);
      return [city, kreis, other].filter((number) => body.includes(`<a href="/admin/vorgang/${number}">`));
    };
    const page = decodeHtml((await t.app.inject({ method: 'GET', url: '/admin/', headers: session.cookie })).body);
    expect(page).toContain('<form method="get" action="/admin/" role="search" aria-label="Vorgänge filtern"');
    expect(page).toContain('<option value="05999">05999 – Kreis Muster, Stadt Beispielstadt</option>');
    expect(page).toContain('<option value="05888">05888 – Gemeinde Südort</option>');
    expect(await listed(`angebot=${second}`)).toEqual([other]);
    expect(await listed('kreis=05999')).toEqual([city, kreis]);
    expect(await listed(`kreis=05999&stand=${step?.id}`)).toEqual([city]);
    expect(await listed('suche=s%C3%BCDORT')).toEqual([other]);
    const none = decodeHtml((await t.app.inject({ method: 'GET', url: '/admin/?suche=Niemand', headers: session.cookie })).body);
    expect(none).toContain('Vorgänge (0 von 3)');
    expect(none).toContain('Kein Vorgang passt zu diesem Filter.');
    expect(none).toContain('value="Niemand"');
  });

  it('exports each submission with its Vorgang, the Vorgang\'s status and the day each step was reached (CSV and XLSX)', async () => {
    const { t, number, session } = await oneVorgang();
    const steps = fixtureRollout.get(INTERESSE) ?? [];
    const dated = steps.find((step) => step.angaben.some((a) => a.art === 'datum'));
    if (dated === undefined) throw new Error('Die Fixture braucht einen Schritt mit Datum.');
    expect((await move(t, session, number, { von: '', ...stepValues(dated, { [`angabe-${dated.angaben.find((a) => a.art === 'datum')?.id}`]: '02.03.2026' }) })).statusCode).toBe(303);
    const csv = (await t.app.inject({ method: 'GET', url: `/admin/${INTERESSE}.csv`, headers: session.cookie })).body.slice(1);
    // The Vorgang columns come last and hold no semicolon: read them from the end of the line.
    const [header, row] = csv.split('\r\n').map((line) => line.split(';').slice(-(2 + steps.length)));
    const cell = (label: string): string | undefined => row?.[header?.indexOf(label) ?? -1];
    expect(cell('Vorgang')).toBe(number);
    expect(cell('Stand')).toBe(dated.titel);
    expect(cell(`Datum: ${dated.titel}`)).toBe('02.03.2026');
    expect(cell(`Datum: ${steps.at(-1)?.titel}`)).toBe('');
    const xlsx = await t.app.inject({ method: 'GET', url: `/admin/${INTERESSE}.xlsx`, headers: session.cookie });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    const labels = (sheet?.getRow(3).values as unknown[]).slice(1);
    const values = (sheet?.getRow(4).values as unknown[]).slice(1);
    expect(values[labels.indexOf('Vorgang')]).toBe(number);
    expect(values[labels.indexOf(`Datum: ${dated.titel}`)]).toBe('02.03.2026');
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

  it('moves a Vorgang through every step of its offer with the target step\'s fields, and shows who, when, from, to and what was entered', async () => {
    const { t, number, session } = await oneVorgang();
    const steps = fixtureRollout.get(INTERESSE) ?? [];
    expect(steps.length).toBeGreaterThan(2);
    // The page offers the step after the first with its fields.
    const page = decodeHtml((await t.app.inject({ method: 'GET', url: `/admin/vorgang/${number}`, headers: session.cookie })).body);
    expect(page).toContain(`„${steps[1]?.titel}“ eintragen`);
    for (const angabe of steps[1]?.angaben ?? []) expect(page).toContain(angabe.titel);
    let from = '';
    for (const [i, step] of steps.slice(1).entries()) {
      const res = await move(t, session, number, { von: from, ...stepValues(step), notiz: `Schritt ${i + 1}` });
      expect(res.statusCode, res.body).toBe(303);
      expect(res.headers.location).toBe(`/admin/vorgang/${number}#verlauf`);
      from = step.id;
    }
    const after = decodeHtml((await t.app.inject({ method: 'GET', url: `/admin/vorgang/${number}`, headers: session.cookie })).body);
    const last = steps.at(-1);
    // Where it stands, and each change with its note, newest first.
    expect(after).toContain(`<dd><bdi>${last?.titel} (abgeschlossen)</bdi></dd>`);
    const notes = steps.slice(1).map((_, i) => after.indexOf(`<bdi>Schritt ${i + 1}</bdi>`));
    expect(notes.every((at) => at > 0)).toBe(true);
    expect([...notes].sort((a, b) => b - a)).toEqual(notes);
    expect(after).toMatch(/<td class="whole">dnrw<\/td>/);
    const dated = steps.slice(1).flatMap((step) => step.angaben.filter((a) => a.art === 'datum').map((a) => `${a.titel}: 01.03.2026`));
    for (const text of dated) expect(after).toContain(text);
    const list = decodeHtml((await t.app.inject({ method: 'GET', url: '/admin/', headers: session.cookie })).body);
    expect(list).toContain(`<td class="text">${last?.titel} (abgeschlossen)</td>`);
  });

  it('refuses impossible input with German messages and keeps what was typed; records nothing', async () => {
    const { t, number, session } = await oneVorgang();
    const target = (fixtureRollout.get(INTERESSE) ?? []).find((step) => step.angaben.some((a) => a.art === 'datum') && step.angaben.some((a) => a.art === 'auswahl'));
    if (target === undefined) throw new Error('Die Fixture braucht einen Schritt mit Datum und Auswahl.');
    const date = target.angaben.find((a) => a.art === 'datum');
    const choice = target.angaben.find((a) => a.art === 'auswahl');
    const cases: [Record<string, string>, string][] = [
      [{ [`angabe-${date?.id}`]: '' }, `Geben Sie „${date?.titel}“ an.`],
      [{ [`angabe-${date?.id}`]: '31.02.2026' }, `Bei „${date?.titel}“ steht kein gültiges Datum.`],
      [{ [`angabe-${date?.id}`]: '01.01.2999' }, `Das Datum bei „${date?.titel}“ liegt in der Zukunft.`],
      [{ [`angabe-${choice?.id}`]: 'Erfunden' }, `Wählen Sie bei „${choice?.titel}“ eine der Möglichkeiten.`],
      [{ nach: 'gibt-es-nicht' }, 'Diesen Schritt hat das Angebot nicht (mehr).'],
    ];
    for (const [overrides, message] of cases) {
      const res = await move(t, session, number, { von: '', ...stepValues(target), notiz: 'Bitte behalten <b>', ...overrides });
      expect(res.statusCode, message).toBe(422);
      const html = decodeHtml(res.body);
      expect(html).toContain(message);
      expect(html).toContain('<title>Fehler: ');
      expect(html).toContain('Bitte behalten <b></textarea>');
      expect(res.body).not.toContain('<b></textarea>');
    }
    expect(await t.app.store.vorgangHistory((await t.app.store.findVorgang(number))?.id ?? 0)).toEqual([]);
  });

  it('refuses a move from a step the Vorgang has already left (someone else moved it), keeping the input', async () => {
    const { t, number, session } = await oneVorgang();
    const [, second, third] = fixtureRollout.get(INTERESSE) ?? [];
    if (second === undefined || third === undefined) throw new Error('Die Fixture braucht drei Rollout-Schritte.');
    expect((await move(t, session, number, { von: '', ...stepValues(second) })).statusCode).toBe(303);
    const stale = await move(t, session, number, { von: '', ...stepValues(third), notiz: 'Meine Notiz' });
    expect(stale.statusCode).toBe(409);
    expect(decodeHtml(stale.body)).toContain(`Jemand anderes hat den Vorgang inzwischen geändert (jetzt: „${second.titel}“)`);
    expect(stale.body).toContain('Meine Notiz</textarea>');
    expect(await t.app.store.vorgangHistory((await t.app.store.findVorgang(number))?.id ?? 0)).toHaveLength(1);
    // Without the session's CSRF token: refused before anything is looked at.
    const forged = await t.app.inject({
      method: 'POST',
      url: `/admin/vorgang/${number}/schritt`,
      headers: { ...session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ von: second.id, ...stepValues(third) }).toString(),
    });
    expect(forged.statusCode).toBe(403);
    expect(await t.app.store.vorgangHistory((await t.app.store.findVorgang(number))?.id ?? 0)).toHaveLength(1);
  });

  it('shows per offer how many Vorgänge stand at each step, as a chart and a table, and the median days from the dates staff entered', async () => {
    const t = await cleanups.app(ADMIN);
    const session = await signInApp(t.app, ADMIN.ADMIN_USER, ADMIN.ADMIN_PASSWORD);
    const steps = fixtureRollout.get(INTERESSE) ?? [];
    const einzelabruf = steps.find((step) => step.meilenstein === 'einzelabruf');
    const live = steps.find((step) => step.meilenstein === 'live');
    if (einzelabruf === undefined || live === undefined) throw new Error('Die Fixture braucht die Meilensteine einzelabruf und live.');
    const overview = async () => decodeHtml((await t.app.inject({ method: 'GET', url: '/admin/uebersicht', headers: session.cookie })).body);
    const rowOf = (html: string, titel: string) => new RegExp(`<th scope="row" class="text">${titel}</th><td class="whole">(\\d+)</td>`).exec(html)?.[1];
    const empty = await overview();
    expect(empty).toContain('<a href="/admin/uebersicht">Übersicht</a>');
    expect(rowOf(empty, steps[0]?.titel ?? '?')).toBe('0');
    expect(empty.match(/noch keine Daten/g)).toHaveLength(2 * fixtureOffers.length);

    // Three authorities wrote on 01.01.2026 (in Germany); staff date the Einzelabruf 11.01. and 21.01., live 10.02.
    const numbers: string[] = [];
    for (const ags of ['05999001', '05999002', '05999003']) {
      const [saved] = await t.app.store.saveSubmissions([
        { form: INTERESSE, prefix: 'KV', data: validInteresse({ ags }), spam: false, authority: authorityOf(validInteresse({ ags })), now: new Date('2026-01-01T09:00:00Z') },
      ]);
      numbers.push(saved?.reference ?? '');
    }
    const dateOf = (step: RolloutStep) => `angabe-${step.angaben.find((a) => a.art === 'datum')?.id}`;
    const moveTo = async (number: string, from: string, step: RolloutStep, day: string) =>
      expect((await move(t, session, number, { von: from, ...stepValues(step, { [dateOf(step)]: day }) })).statusCode).toBe(303);
    await moveTo(numbers[0]!, '', einzelabruf, '11.01.2026');
    await moveTo(numbers[0]!, einzelabruf.id, live, '10.02.2026');
    await moveTo(numbers[1]!, '', einzelabruf, '21.01.2026');
    const html = await overview();
    expect(rowOf(html, steps[0]?.titel ?? '?')).toBe('1');
    expect(rowOf(html, einzelabruf.titel)).toBe('1');
    expect(rowOf(html, live.titel)).toBe('1');
    expect(html).toContain('<dt>Interesse bis Einzelabruf (Median)</dt><dd>15 Tage (gezählte Vorgänge: 2)</dd>');
    expect(html).toContain('<dt>Einzelabruf bis live (Median)</dt><dd>30 Tage (gezählte Vorgänge: 1)</dd>');
    // The chart: one bar per step with Vorgänge, its name pointing to the table, the numbers as text.
    const chart = /<svg class="chart" role="img" aria-label="([^"]+)"[\s\S]*?<\/svg>/.exec(html);
    expect(chart?.[1]).toContain('Dieselben Zahlen stehen in der Tabelle daneben.');
    expect(chart?.[0].match(/<rect class="chart-bar"/g)).toHaveLength(3);
    expect(chart?.[0]).toContain(`>${live.titel}</text>`);
  });

  it('keeps a step the content no longer offers readable in the history and as the status, marked „nicht mehr angeboten“', async () => {
    const { t, number, session } = await oneVorgang();
    const vorgang = await t.app.store.findVorgang(number);
    const retired = { id: 'frueher', titel: 'Früherer Schritt' };
    await t.app.store.moveVorgang({ vorgangId: vorgang?.id ?? 0, at: '2026-02-01T10:00:00.000Z', account: 'anna', from: null, to: retired, ends: false, angaben: [], note: '' });
    const html = decodeHtml((await t.app.inject({ method: 'GET', url: `/admin/vorgang/${number}`, headers: session.cookie })).body);
    expect(html).toContain('<dd><bdi>Früherer Schritt (nicht mehr angeboten)</bdi></dd>');
    expect(html).toContain('<td class="text">Früherer Schritt (nicht mehr angeboten)</td>');
    // Moving on from it works: the form offers the offer's first step.
    const first = (fixtureRollout.get(INTERESSE) ?? [])[0];
    expect((await move(t, session, number, { von: retired.id, ...stepValues(first ?? { id: '', titel: '', abschluss: false, angaben: [] }) })).statusCode).toBe(303);
  });
});

async function oneVorgang(): Promise<{ t: TestApp; number: string; session: Awaited<ReturnType<typeof signInApp>> }> {
  const t = await cleanups.app(ADMIN);
  const number = (await t.app.inject({ method: 'POST', url: `/f/${INTERESSE}`, payload: validInteresse(), headers: json })).json<{ id: string }>().id;
  return { t, number, session: await signInApp(t.app, ADMIN.ADMIN_USER, ADMIN.ADMIN_PASSWORD) };
}

function move(t: TestApp, session: Awaited<ReturnType<typeof signInApp>>, number: string, fields: Record<string, string>) {
  return t.app.inject({
    method: 'POST',
    url: `/admin/vorgang/${number}/schritt`,
    headers: { ...session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ _csrf: session.csrfToken, ...fields }).toString(),
  });
}
