/**
 * The admin area as d-NRW staff use it, on the fixture build: the sign-in page (labelled fields,
 * German errors, no JavaScript needed), the list in the admin frame (no public navigation, who is
 * signed in, sign-out), readable at 1280 and 320 px — no word, number, date, e-mail address or
 * Eingangsnummer broken inside, the table scrolling in its own labelled region with its header row
 * and first column kept in view — axe and the CSP on every admin page, and signing out. And the
 * staff flow of a rollout: filter the list, move a Vorgang through every step of the fixture offer,
 * see the overview's numbers and chart change, create a status link, open it in a fresh browser
 * without cookies, revoke it and see the German page that says so (axe and no broken word at 1280
 * and 320 px on the overview, the Vorgang page with its links and the status page).
 */
import type AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { builtOffers, fixtureBuilt, interestForm } from '../content.ts';
import { E2E_ADMIN_PASSWORD, E2E_ADMIN_USER } from '../env.ts';
import { watchViolations } from '../csp-watch.ts';
import { axeFor, expect, test } from '../fixtures.ts';

test.describe.configure({ timeout: 120_000 });

/** Signs in through the sign-in page, as staff do. */
async function signIn(page: Page, password = E2E_ADMIN_PASSWORD): Promise<void> {
  await page.goto('/admin/anmelden');
  await page.getByLabel('Benutzername').fill(E2E_ADMIN_USER);
  await page.getByLabel('Passwort').fill(password);
  await page.getByRole('button', { name: 'Anmelden' }).click();
}

/**
 * The words of every table cell that do not fit on one line: in a cell of whole values (.whole: a
 * Eingangsnummer, a date, an e-mail address) the whole value, elsewhere each run between spaces (a
 * compound may wrap after its hyphen). Checked with Range.getClientRects(): one rectangle per word.
 */
function brokenWords(page: Page, cells = '.table-region th, .table-region td'): Promise<string[]> {
  return page.evaluate((selector) => {
    const broken: string[] = [];
    for (const cell of document.querySelectorAll<HTMLElement>(selector)) {
      const whole = cell.classList.contains('whole');
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        for (const match of text.matchAll(whole ? /\S(?:.*\S)?/g : /[^\s-]+-?|-/g)) {
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          if (range.getClientRects().length !== 1) broken.push(match[0]);
        }
      }
    }
    return broken;
  }, cells);
}

/** At 1280 and 320 px: no word broken in `cells`, nothing but a table's region scrolls sideways, axe finds nothing. */
async function readableAtBothWidths(page: Page, axe: () => AxeBuilder, cells?: string): Promise<void> {
  for (const width of [1280, 320]) {
    await page.setViewportSize({ width, height: 900 });
    expect(await brokenWords(page, cells), `${page.url()} at ${width} px`).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `${page.url()} at ${width} px`).toBe(true);
    expect((await axe().analyze()).violations.map((v) => v.id)).toEqual([]);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** Today in Germany as staff type it (TT.MM.JJJJ). */
const today = (): string => new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date());

const offer = builtOffers(fixtureBuilt())[0]!;
const form = interestForm(fixtureBuilt(), offer.id);
const choices = form.fields.find((field) => field.type === 'checkboxes')?.options ?? [];

test.describe('the admin area', () => {
  test.beforeAll(async ({ request }) => {
    // Long values of every kind the list shows: a long Behörde, an e-mail address with hyphens, free text.
    const sent = await request.post(`/f/${form.name}`, {
      headers: { accept: 'application/json' },
      data: {
        behoerde: 'Kreisverwaltung Recklinghausen, Ausländerbehörde und Einbürgerungsangelegenheiten',
        ags: '05562',
        ansprechperson: 'Maximiliane Müller-Lüdenscheidt',
        funktion: 'Sachgebietsleitung Aufenthaltsrecht',
        email: 'maximiliane.mueller-luedenscheidt@kreis-recklinghausen.example',
        telefon: '02361 53-4711',
        antragsstrecken: choices.slice(0, 2),
        start: '2027-03',
        nachricht: 'Wir möchten die Antragsstrecke Aufenthaltserlaubnis zur Beschäftigung ab dem Frühjahr nutzen.\nBitte melden Sie sich bei der Sachgebietsleitung.',
      },
    });
    expect(sent.status()).toBe(200);
  });

  test('asks for name and password on a sign-in page in the admin frame, and says in German what is wrong', async ({ page, axe }) => {
    const violations = await watchViolations(page);
    const response = await page.goto('/admin/');
    expect(response?.url()).toMatch(/\/admin\/anmelden$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Anmelden' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Hauptnavigation' })).toHaveCount(0);
    await expect(page.getByRole('contentinfo')).toHaveCount(0);
    expect((await axe().analyze()).violations.map((v) => v.id)).toEqual([]);

    await page.getByRole('button', { name: 'Anmelden' }).click();
    await expect(page).toHaveTitle(/^Fehler: Anmelden – /);
    await expect(page.getByRole('alert')).toContainText('Geben Sie Ihren Benutzernamen ein.');
    await expect(page.getByLabel('Passwort')).toHaveAccessibleDescription('Fehler: Geben Sie Ihr Passwort ein.');
    expect((await axe().analyze()).violations.map((v) => v.id)).toEqual([]);

    await signIn(page, 'geraten');
    await expect(page.getByRole('alert')).toContainText('Benutzername oder Passwort sind falsch.');
    await expect(page.getByLabel('Benutzername')).toHaveValue(E2E_ADMIN_USER);
    await expect(page.getByLabel('Passwort')).toHaveValue('');
    expect((await axe().analyze()).violations.map((v) => v.id)).toEqual([]);
    expect(await violations()).toEqual([]);
  });

  for (const width of [1280, 320]) {
    test(`at ${width} px lists the submissions without breaking a word, the table scrolling in its own region`, async ({ page, axe }) => {
      await page.setViewportSize({ width, height: 900 });
      const violations = await watchViolations(page);
      await signIn(page);
      await expect(page).toHaveURL(/\/admin\/$/);
      await expect(page.getByRole('heading', { level: 1, name: 'Vorgänge und Einsendungen' })).toBeVisible();
      await expect(page.getByRole('banner')).toContainText(`Angemeldet als ${E2E_ADMIN_USER}`);
      await expect(page.getByRole('navigation', { name: 'Hauptnavigation' })).toHaveCount(0);

      const region = page.getByRole('region', { name: new RegExp(`^${form.submissionName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(\\d+\\)$`) });
      await expect(region.getByRole('table')).toBeVisible();
      await expect(region.getByRole('cell', { name: 'maximiliane.mueller-luedenscheidt@kreis-recklinghausen.example' }).first()).toBeVisible();
      expect(await brokenWords(page)).toEqual([]);
      // No part of the page but the region scrolls sideways.
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

      // The region takes the keyboard focus; scrolled, the header row and the first column stay in view.
      await region.focus();
      await expect(region).toBeFocused();
      const header = region.getByRole('columnheader').first();
      const firstColumn = region.getByRole('rowheader').first();
      const before = { header: (await header.boundingBox())!, first: (await firstColumn.boundingBox())! };
      await region.evaluate((element) => element.scrollTo(element.scrollWidth, element.scrollHeight));
      const after = { header: (await header.boundingBox())!, first: (await firstColumn.boundingBox())! };
      expect(after.header.y).toBeCloseTo(before.header.y, 0);
      expect(after.first.x).toBeCloseTo(before.first.x, 0);

      expect((await axe().analyze()).violations.map((v) => v.id)).toEqual([]);

      // One Vorgang's page (facts, move form, history, submissions): no word broken, no sideways scrolling, axe.
      await page.getByRole('region', { name: /^Vorgänge \(\d+\)$/ }).getByRole('link').first().click();
      await expect(page.getByRole('heading', { level: 1, name: /^Vorgang / })).toBeVisible();
      await expect(page.getByRole('heading', { level: 2, name: 'Vorgang weiterführen' })).toBeVisible();
      expect(await brokenWords(page)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      expect((await axe().analyze()).violations.map((v) => v.id)).toEqual([]);
      expect(await violations()).toEqual([]);
    });
  }

  test('a member of staff filters the list, moves a Vorgang through every step, sees the overview change, and gives the authority a status link she then revokes', async ({ page, browser, request, axe }) => {
    // Four steps, three pages at two widths with axe each, a second browser: 37 s alone, 84 s under load.
    test.setTimeout(240_000);
    const violations = await watchViolations(page);
    const steps = fixtureBuilt().rollout.find((o) => o.form === form.name)?.steps ?? [];
    expect(steps.length).toBeGreaterThan(2);
    // An authority of its own (its own Gemeindeschlüssel): nothing else in the run moves its Vorgang.
    const behoerde = `Gemeinde Prüfstadt ${Date.now() % 100_000}, Ausländerbehörde`;
    const ags = `05${String(Date.now() % 1_000_000).padStart(6, '0')}`;
    const sent = await request.post(`/f/${form.name}`, {
      headers: { accept: 'application/json' },
      data: { behoerde, ags, ansprechperson: 'Petra Prüf', funktion: 'Leitung', email: 'petra.pruef@pruefstadt.example', telefon: '0201 4711', antragsstrecken: choices.slice(0, 1), start: '2027-03', nachricht: 'Bitte melden.' },
    });
    expect(sent.status()).toBe(200);
    await signIn(page);

    // The overview before: how many Vorgänge stand at the last step.
    const countAt = async (titel: string): Promise<number> =>
      Number(
        await page
          .getByRole('region', { name: offer.titel, exact: true })
          .getByRole('row')
          .filter({ has: page.getByRole('rowheader', { name: titel, exact: true }) })
          .getByRole('cell')
          .textContent({ timeout: 10_000 }),
      );
    await page.getByRole('navigation', { name: 'Bereiche der Verwaltung' }).getByRole('link', { name: 'Übersicht' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Übersicht: Stand der Nachnutzung' })).toBeVisible();
    const last = steps.at(-1)!;
    const before = await countAt(last.titel);

    // Filter the list by offer and search the Behörde; open its Vorgang.
    await page.getByRole('link', { name: 'Vorgänge und Einsendungen' }).click();
    const filters = page.getByRole('search', { name: 'Vorgänge filtern' });
    await filters.getByLabel('Angebot').selectOption({ label: offer.titel });
    await filters.getByLabel('Suche', { exact: true }).fill(behoerde.slice(0, 20).toUpperCase());
    await filters.getByRole('button', { name: 'Filtern' }).click();
    const list = page.getByRole('region', { name: /^Vorgänge \(1 von \d+\)$/ });
    await expect(list.getByRole('row')).toHaveCount(2);
    await list.getByRole('link').click();
    await expect(page.getByRole('heading', { level: 1, name: /^Vorgang KV-/ })).toBeVisible();

    // Move it through every step, each time with the fields of the step it goes to.
    for (const step of steps.slice(1)) {
      for (const angabe of step.angaben) {
        if (angabe.art === 'auswahl') await page.getByRole('radio', { name: angabe.optionen[0]!, exact: true }).check();
        else await page.getByLabel(angabe.titel, { exact: true }).fill(angabe.art === 'datum' ? today() : 'Im Test beendet');
      }
      await page.getByLabel('Notiz').fill(`Weiter zu ${step.titel}`);
      await page.getByRole('button', { name: `„${step.titel}“ eintragen` }).click();
      await expect(page).toHaveURL(/#verlauf$/);
      await expect(page.getByRole('region', { name: 'Verlauf' }).getByRole('row', { name: new RegExp(`Weiter zu ${step.titel}`) })).toHaveCount(1);
    }
    await expect(page.locator('.facts')).toContainText(`${last.titel} (abgeschlossen)`);
    const vorgang = page.url().replace(/#.*$/, '');

    // The overview counts it at the last step now; the chart shows the same number.
    await page.goto('/admin/uebersicht');
    expect(await countAt(last.titel)).toBe(before + 1);
    await expect(page.getByRole('img', { name: new RegExp(`^Balkendiagramm: Vorgänge je Schritt bei „${offer.titel}“`) })).toContainText(`${last.titel}${before + 1}`);
    await readableAtBothWidths(page, axe);

    // A status link: its address once, opened in a fresh browser without cookies.
    await page.goto(vorgang);
    await page.getByLabel('Gültig für').selectOption({ label: '30 Tage' });
    await page.getByRole('button', { name: 'Statuslink erstellen' }).click();
    await expect(page.getByRole('heading', { level: 3, name: 'Statuslink erstellt' })).toBeVisible();
    const url = await page.getByLabel('Neuer Statuslink').inputValue();
    expect(url).toMatch(/\/status\/[A-Za-z0-9_-]{43}$/);
    await readableAtBothWidths(page, axe);
    const authority = await browser.newContext({ locale: 'de-DE' });
    const other = await authority.newPage();
    const shown = await other.goto(url);
    expect(shown?.status()).toBe(200);
    expect(await authority.cookies()).toEqual([]);
    await expect(other.getByRole('heading', { level: 1, name: 'Stand Ihrer Nachnutzung' })).toBeVisible();
    await expect(other.getByRole('definition').filter({ hasText: behoerde })).toHaveCount(1);
    await expect(other.getByRole('definition').filter({ hasText: last.titel })).toHaveCount(1);
    await expect(other.getByRole('main')).not.toContainText('Petra Prüf');
    await readableAtBothWidths(other, () => axeFor(other), 'main dd');

    // Revoked: the authority's page says so in German.
    await page.goto(vorgang);
    await page.getByRole('button', { name: /^Statuslink vom .* widerrufen$/ }).click();
    await expect(page.getByRole('region', { name: 'Statuslinks für die Behörde' }).getByRole('cell', { name: /^widerrufen am / })).toBeVisible();
    const revoked = await other.reload();
    expect(revoked?.status()).toBe(410);
    await expect(other.getByRole('heading', { level: 1, name: 'Dieser Link wurde widerrufen' })).toBeVisible();
    await expect(other.getByRole('main')).not.toContainText(behoerde);
    expect((await axeFor(other).analyze()).violations.map((v) => v.id)).toEqual([]);
    await authority.close();
    expect(await violations()).toEqual([]);
  });

  test('signs out with the button in the header; the list then asks for a sign-in again', async ({ page, axe }) => {
    const violations = await watchViolations(page);
    await signIn(page);
    await page.getByRole('button', { name: 'Abmelden' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Abgemeldet' })).toBeVisible();
    expect((await axe().analyze()).violations.map((v) => v.id)).toEqual([]);
    await page.goto('/admin/');
    await expect(page.getByRole('heading', { level: 1, name: 'Anmelden' })).toBeVisible();
    expect(await violations()).toEqual([]);
  });

  test('refuses a changing request without the CSRF token with a German page in the admin frame', async ({ page, axe }) => {
    await signIn(page);
    // The sign-out form with its token removed, sent as the browser would.
    await page.locator('input[name="_csrf"]').evaluate((input) => input.remove());
    await page.getByRole('button', { name: 'Abmelden' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Anfrage abgelehnt' })).toBeVisible();
    await expect(page.getByRole('banner')).toContainText(`Angemeldet als ${E2E_ADMIN_USER}`);
    expect((await axe().analyze()).violations.map((v) => v.id)).toEqual([]);
  });
});
