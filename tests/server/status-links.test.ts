/**
 * Status links for the authority (issue 19 point 6), through inject on the project's store with an
 * injected clock: staff create one on the Vorgang's page (the address shown once, only its SHA-256
 * stored), the authority's page shows the Behörde, the offer, the step, what comes next (the
 * Einzelabruf's way where that is next) and the contacts and nothing personal; revoked and expired
 * links say so in German (410), an unknown one answers 404; the purge takes a purged Vorgang's links.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { loggedPath } from '../../server/http/request-log.ts';
import { statusPage } from '../../server/pages/StatusPage.tsx';
import { serverStrings } from '../../server/strings/server.ts';
import { createPageRenderer } from '../../server/pages/render.tsx';
import { purgeExpiredSubmissions } from '../../server/store/retention.ts';
import { de } from '../../shared/strings/de.ts';
import { cleanupAfterEach } from './cleanups.ts';
import { fixture as facts } from '../lib/content-facts.ts';
import { rawRows } from '../lib/test-store.ts';
import type { RolloutStep } from '../../shared/lib/rollout.ts';
import { decodeHtml, fixture, FIXTURE_SERVER_DIR, fixtureOffers, fixtureRollout, INTERESSE, json, repoRoot, signInApp, stepValues, validInteresse } from './helpers.ts';

const cleanups = cleanupAfterEach();
const ADMIN = { ADMIN_USER: 'dnrw', ADMIN_PASSWORD: 'richtig-geheim' };
const DAY = 86_400_000;
const steps = fixtureRollout.get(INTERESSE) ?? [];
const w = serverStrings.status;
/** The status page's list of steps to going live, the current one marked „▶ “ (its aria-current). */
const wayOf = (html: string): string[] =>
  [...(new RegExp(`<h2>${w.wayHeading}</h2><ol>(.*?)</ol>`, 's').exec(html)?.[1] ?? '').matchAll(/<li( aria-current="step")?>(.*?)<\/li>/gs)].map(
    ([, current, text = '']) => `${current === undefined ? '' : '▶ '}${text.replace(/<[^>]+>/g, '')}`,
  );
/** What wayOf should read with the Vorgang at steps[at]: the steps to going live („beendet“ is not one). */
const expectedWay = (at: number): string[] =>
  steps.flatMap((step, i) =>
    step.abschluss && step.meilenstein !== 'live' ? [] : [i < at ? `${step.titel} – ${w.wayPassed}` : i === at ? `▶ ${step.titel} – ${w.wayCurrent}` : step.titel],
  );
const offer = fixture.rollout.find((o) => o.form === INTERESSE);
/** The names of the fixture offer's contacts (content), which the status page must not show. */
const contactNames = (facts.offers.find((o) => `interesse-${o.id}` === INTERESSE)?.kontakte ?? []).map(
  (ref) => (load(readFileSync(join(repoRoot, 'tests', 'fixtures', 'content', 'contacts', `${ref.id}.yaml`), 'utf8')) as { name: string }).name,
);

/** The terms and values of a page's definition list, in order. */
const factsOf = (html: string): [string, string][] => [...html.matchAll(/<dt[^>]*>([^<]*)<\/dt><dd[^>]*><bdi>([^<]*)<\/bdi><\/dd>/g)].map((m) => [m[1] ?? '', m[2] ?? '']);

/** An app whose clock the test moves, one Vorgang, a signed-in session. */
async function setUp() {
  let now = Date.parse('2026-03-10T09:00:00Z');
  const t = await cleanups.app(ADMIN, { transport: null, now: () => now });
  const number = (await t.app.inject({ method: 'POST', url: `/f/${INTERESSE}`, payload: validInteresse(), headers: json })).json<{ id: string }>().id;
  const session = await signInApp(t.app, ADMIN.ADMIN_USER, ADMIN.ADMIN_PASSWORD);
  const post = (url: string, fields: Record<string, string> = {}) =>
    t.app.inject({
      method: 'POST',
      url,
      headers: { ...session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: session.csrfToken, ...fields }).toString(),
    });
  /** Creates a link valid `days` days: its address as the answering page shows it. */
  const create = async (days = '90'): Promise<string> => {
    const res = await post(`/admin/vorgang/${number}/statuslink`, { gueltigkeit: days });
    expect(res.statusCode, res.body).toBe(200);
    const url = /value="(http[^"]+\/status\/[^"]+)"/.exec(res.body)?.[1];
    if (url === undefined) throw new Error('Die Antwort zeigt keinen Statuslink.');
    return url;
  };
  const open = (url: string) => t.app.inject({ method: 'GET', url: new URL(url).pathname });
  /** Moves the Vorgang from `from` ('' the first step) to `step` with valid fields. */
  const moveTo = async (step: RolloutStep, from: string): Promise<void> => {
    expect((await post(`/admin/vorgang/${number}/schritt`, { von: from, ...stepValues(step) })).statusCode).toBe(303);
  };
  return { t, number, session, post, create, open, moveTo, advance: (ms: number) => (now += ms) };
}

describe('status links', () => {
  it('are created on the Vorgang page with the address shown once; the page shows Behörde, offer, step, next step and contacts, nothing personal', async () => {
    const { t, number, session, post, create, open } = await setUp();
    const page = decodeHtml((await t.app.inject({ method: 'GET', url: `/admin/vorgang/${number}`, headers: session.cookie })).body);
    expect(page).toContain('<option value="90" selected>90 Tage</option>');
    expect(page).toContain('Noch kein Statuslink.');
    const url = await create();
    expect(url).toMatch(new RegExp(`^${t.config.siteUrl}/status/[A-Za-z0-9_-]{43}$`));
    // Afterwards the page shows the link's dates and state, never its address.
    const after = decodeHtml((await t.app.inject({ method: 'GET', url: `/admin/vorgang/${number}`, headers: session.cookie })).body);
    expect(after).not.toContain(new URL(url).pathname);
    expect(after).toContain('<th scope="row" class="whole">10.03.2026, 10:00 Uhr</th><td class="whole">08.06.2026, 11:00 Uhr</td><td class="text">gültig</td>');
    // A validity the form does not offer is refused in German, nothing created.
    const refused = await post(`/admin/vorgang/${number}/statuslink`, { gueltigkeit: '9999' });
    expect(refused.statusCode).toBe(422);
    expect(decodeHtml(refused.body)).toContain('Wählen Sie, wie lange der Link gilt.');
    expect(await t.app.store.statusLinks((await t.app.store.findVorgang(number))?.id ?? 0)).toHaveLength(1);

    const res = await open(url);
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-robots-tag']).toBe('noindex, nofollow');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    const html = decodeHtml(res.body);
    expect(html).toContain('<h1>Stand Ihrer Nachnutzung</h1>');
    expect(factsOf(html)).toEqual([
      ['Behörde', 'Stadt Dortmund, Ausländerbehörde'],
      ['Angebot', fixtureOffers[0]?.titel],
      ['Aktueller Schritt', steps[0]?.titel],
    ]);
    expect(offer?.kontakte.length).toBeGreaterThan(0);
    for (const contact of offer?.kontakte ?? []) expect(html).toContain(`${contact.rolle}, E-Mail: <a href="mailto:${contact.email}">${contact.email}</a>`);
    expect(html).toContain('Dieser Link gilt bis zum 08.06.2026.');
    // Nothing of the person who wrote, nor the Eingangsnummer, nor the names of the offer's contacts.
    expect(contactNames.length).toBeGreaterThan(0);
    for (const personal of ['Erika Mustermann', 'erika.mustermann@stadt.de', '0231 123456', number, 'Bitte melden Sie sich', ...contactNames]) expect(html).not.toContain(personal);
  });

  it('say what comes next: the next step, and where that is the Einzelabruf how to send it (BeBPo or post in N copies)', async () => {
    const { create, open, moveTo } = await setUp();
    const url = await create();
    const einzelabruf = steps.findIndex((step) => step.meilenstein === 'einzelabruf');
    if (einzelabruf < 1 || offer === undefined) throw new Error('Die Fixture braucht einen Einzelabruf-Schritt nach dem ersten.');
    const before = steps[einzelabruf - 1];
    // Move it to the step before the Einzelabruf (the first step: it stands there already).
    if (einzelabruf > 1) await moveTo(before!, '');
    const html = decodeHtml((await open(url)).body);
    expect(wayOf(html)).toEqual(expectedWay(einzelabruf - 1));
    expect(html).toContain('Der nächste Schritt: Ihr unterzeichneter Einzelabruf. So senden Sie ihn:');
    expect(html).toContain(`Füllen Sie den ${offer.einreichung.dokument} aus und lassen Sie ihn von ${offer.einreichung.unterzeichnetVon} unterzeichnen.`);
    expect(html).toContain(`Empfängername im BeBPo: <strong>${fixture.site.bebpoEmpfaenger}</strong>`);
    expect(html).toContain(fixture.site.anschrift.strasse);
    expect(html).toMatch(new RegExp(`in \\w+ Ausführung an:`));
    // One step on: the next step's title.
    await moveTo(steps[einzelabruf]!, einzelabruf > 1 ? before!.id : '');
    const later = decodeHtml((await open(url)).body);
    expect(factsOf(later)).toContainEqual(['Aktueller Schritt', steps[einzelabruf]?.titel]);
    // The steps to going live, with the one it stands at marked, the ones before it passed.
    expect(wayOf(later)).toEqual(expectedWay(einzelabruf));
    expect(wayOf(later).filter((line) => line.startsWith('▶ '))).toHaveLength(1);
    expect(later).toContain(`Der nächste Schritt: ${steps[einzelabruf + 1]?.titel}.`);
    expect(later).not.toContain(fixture.site.bebpoEmpfaenger);
  });

  it('show an open editorial gap in the content as „wird ergänzt“, never its marker', () => {
    if (offer === undefined) throw new Error('Die Fixture braucht ein Angebot mit Rollout.');
    const gap = (what: string) => `[LÜCKE: ${what}]`;
    const pages = createPageRenderer(FIXTURE_SERVER_DIR, { portalName: fixture.site.portalName, postfach: fixture.site.postfach });
    const html = decodeHtml(
      statusPage(pages, {
        behoerde: 'Stadt Lückenhausen',
        offerTitle: gap('Titel'),
        status: { current: gap('Schritt'), next: { kind: 'einzelabruf' }, way: [{ titel: gap('Schritt'), state: 'current' }] },
        offer: { ...offer, kontakte: [{ rolle: gap('Rolle'), email: 'team@example.org' }], einreichung: { ...offer.einreichung, unterzeichnetVon: gap('Unterzeichnung') } },
        einreichung: { bebpoEmpfaenger: gap('BeBPo'), anschrift: { ...fixture.site.anschrift, strasse: gap('Straße') } },
        expiresAt: '2026-06-01T00:00:00.000Z',
      }),
    );
    expect(html).not.toContain('LÜCKE');
    expect(html.split(de.gap).length - 1).toBeGreaterThanOrEqual(7);
  });

  it('say in German when revoked (410) or expired (410); an unknown token answers 404 without saying whether it existed', async () => {
    const { t, number, post, create, open, advance } = await setUp();
    const revokedUrl = await create('30');
    const expiringUrl = await create('30');
    const [, first] = await t.app.store.statusLinks((await t.app.store.findVorgang(number))?.id ?? 0);
    const revoke = await post(`/admin/vorgang/${number}/statuslink/${first?.id}/widerrufen`);
    expect(revoke.statusCode).toBe(303);
    expect(revoke.headers.location).toBe(`/admin/vorgang/${number}#statuslinks`);
    // Revoking twice: there is no such (unrevoked) link.
    expect((await post(`/admin/vorgang/${number}/statuslink/${first?.id}/widerrufen`)).statusCode).toBe(404);
    const revoked = await open(revokedUrl);
    expect(revoked.statusCode).toBe(410);
    expect(revoked.headers['cache-control']).toBe('no-store');
    expect(decodeHtml(revoked.body)).toContain('<h1>Dieser Link wurde widerrufen</h1>');
    expect(decodeHtml(revoked.body)).not.toContain('Stadt Dortmund');
    expect((await open(expiringUrl)).statusCode).toBe(200);
    advance(30 * DAY);
    const expired = await open(expiringUrl);
    expect(expired.statusCode).toBe(410);
    expect(decodeHtml(expired.body)).toContain('<h1>Dieser Link ist abgelaufen</h1>');
    expect(decodeHtml(expired.body)).toContain('galt bis zum 09.04.2026');
    // Revoked wins over expired; both stay told apart from an unknown token.
    expect((await open(revokedUrl)).statusCode).toBe(410);
    for (const path of [`/status/${'A'.repeat(43)}`, '/status/kurz', `${new URL(expiringUrl).pathname}x`]) {
      const unknown = await t.app.inject({ method: 'GET', url: path });
      expect(unknown.statusCode, path).toBe(404);
      expect(decodeHtml(unknown.body)).toContain('<h1>Diese Statusseite gibt es nicht</h1>');
      expect(unknown.headers['x-robots-tag']).toBe('noindex, nofollow');
    }
    const page = decodeHtml((await t.app.inject({ method: 'GET', url: `/admin/vorgang/${number}`, headers: (await signInApp(t.app, ADMIN.ADMIN_USER, ADMIN.ADMIN_PASSWORD)).cookie })).body);
    expect(page).toContain('<td class="text">abgelaufen</td>');
    expect(page).toContain('<td class="text">widerrufen am 10.03.2026, 10:00 Uhr</td>');
    // Guessing tokens is slowed like every public route: 60 a minute per client, then a German 429 page.
    let last = await t.app.inject({ method: 'GET', url: `/status/${'B'.repeat(43)}` });
    for (let i = 0; i < 60 && last.statusCode !== 429; i += 1) last = await t.app.inject({ method: 'GET', url: `/status/${'B'.repeat(43)}` });
    expect(last.statusCode).toBe(429);
    expect(decodeHtml(last.body)).toContain('<h1>Zu viele Anfragen</h1>');
  });

  it('store only the SHA-256 of the token, and go with their Vorgang when the purge deletes its data', async () => {
    const { t, number, create, open, moveTo } = await setUp();
    const url = await create('365');
    const token = new URL(url).pathname.split('/').at(-1) ?? '';
    const rows = await rawRows(t.config, 'SELECT * FROM status_links');
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(token);
    const { createHash } = await import('node:crypto');
    expect(rows[0]?.['token_hash']).toBe(createHash('sha256').update(token).digest('base64url'));
    // Nor does the log line of a request hold it.
    expect(loggedPath(`/status/${token}?x=1`)).toBe('/status/…');

    // End the Vorgang (its abschluss step), then purge RETENTION_DAYS after: its link goes with its submissions.
    await moveTo(steps.at(-1)!, '');
    const ended = Date.parse((await t.app.store.findVorgang(number))?.endedAt ?? '');
    await purgeExpiredSubmissions(t.app.store, t.config, ended + (t.config.retentionDays - 1) * DAY);
    expect((await open(url)).statusCode).toBe(200);
    await purgeExpiredSubmissions(t.app.store, t.config, ended + (t.config.retentionDays + 1) * DAY);
    expect(await rawRows(t.config, 'SELECT * FROM status_links')).toEqual([]);
    expect((await open(url)).statusCode).toBe(404);
  });
});
