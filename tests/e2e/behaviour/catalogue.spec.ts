/**
 * The catalogue of offers, against the fixture content (two fictional offers, one .mdx and one
 * .md): every offer appears on the start page, under Angebote, on /interesse/, in the sitemap, the
 * RSS feed and the structured data, and has its own interest form with its own choices and key.
 */
import { expect, test } from '../fixtures.ts';
import { fixture, fixtureBuilt, interestForm } from '../content.ts';
import { readMails } from '../env.ts';
import { OPEN_CHOICE } from '../../../shared/forms/index.ts';
import { sitemapUrls } from '../../../scripts/lib/sitemap.ts';

const offers = fixture.offers;

test('the fixture has more than one offer, so these checks mean something', () => {
  expect(offers.length).toBeGreaterThan(1);
});

test('the start page, Angebote and /interesse/ list every offer', async ({ page }) => {
  await page.goto('/');
  const home = page.getByRole('region', { name: 'Angebote zur Nachnutzung' });
  for (const offer of offers) await expect(home.getByRole('link', { name: offer.titel })).toHaveAttribute('href', `/angebote/${offer.id}/`);
  await page.goto('/angebote/');
  for (const offer of offers) await expect(page.getByRole('main').getByRole('link', { name: offer.titel })).toHaveAttribute('href', `/angebote/${offer.id}/`);
  await page.goto('/interesse/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Interesse bekunden');
  for (const offer of offers) {
    await expect(page.getByRole('link', { name: `Interesse an „${offer.titel}“ bekunden` })).toHaveAttribute('href', `/angebote/${offer.id}/interesse/`);
  }
});

test('the sitemap lists every offer and its form, and no thank-you page', async ({ request }) => {
  const xml = await (await request.get('/sitemap-0.xml')).text();
  const paths = sitemapUrls(xml).map((url) => url.pathname);
  for (const offer of offers) expect(paths).toEqual(expect.arrayContaining([`/angebote/${offer.id}/`, `/angebote/${offer.id}/interesse/`]));
  expect(paths.filter((path) => path.includes('/danke/'))).toEqual([]);
});

test('the RSS feed lists every offer; only an offer with a publication date carries one', async ({ request }) => {
  const xml = await (await request.get('/aktuelles/rss.xml')).text();
  const items = [...xml.matchAll(/<item>([\s\S]*?)<\/item>/g)].map((m) => m[1] ?? '');
  for (const offer of offers) {
    const item = items.find((i) => i.includes(`/angebote/${offer.id}/</link>`));
    expect(item, offer.id).toBeDefined();
    if (offer.veroeffentlicht === undefined) expect(item).not.toContain('<pubDate>');
    else expect(item).toContain(`<pubDate>${offer.veroeffentlicht.toUTCString()}</pubDate>`);
  }
  expect(offers.some((offer) => offer.veroeffentlicht === undefined)).toBe(true);
});

test('the start page and Angebote describe every offer as structured data', async ({ page }) => {
  for (const path of ['/', '/angebote/']) {
    await page.goto(path);
    const data = (await page.locator('script[type="application/ld+json"]').allTextContents()).map((b) => JSON.parse(b) as Record<string, unknown>);
    const catalogue = data.find((d) => d['@type'] === 'OfferCatalog') as { itemListElement: { item: { name: string; url: string } }[] } | undefined;
    expect(catalogue?.itemListElement.map((e) => e.item.name), path).toEqual(offers.map((o) => o.titel));
    expect(catalogue?.itemListElement.map((e) => new URL(e.item.url).pathname)).toEqual(offers.map((o) => `/angebote/${o.id}/`));
  }
});

// One browser context for every offer's form, a step each.
test(`the form of each offer offers its own Antragsstrecken and "${OPEN_CHOICE}", no other offer's`, async ({ page }) => {
  for (const offer of offers) {
    await test.step(offer.titel, async () => {
      await page.goto(`/angebote/${offer.id}/interesse/`);
      const group = page.getByRole('group', { name: 'Welche Antragsstrecken möchten Sie nutzen?' });
      const own = [...new Set(offer.leistungen.flatMap((l) => l.antragsstrecken)), OPEN_CHOICE];
      await expect(group.getByRole('checkbox')).toHaveCount(own.length);
      for (const name of own) await expect(group.getByRole('checkbox', { name, exact: true })).toBeVisible();
      for (const leistung of offer.leistungen) await expect(group).toContainText(`„${leistung.name}“ (OZG-ID ${leistung.ozgId})`);
    });
  }
});

test('an offer with its own form key (PUBLIC_FORM_KEY_/FORM_KEY_INTERESSE_<ID>) posts under it and arrives named after the offer', async ({ page }) => {
  const offer = offers.find((o) => o.id === 'beispielantrag')!;
  const form = interestForm(fixtureBuilt(), offer.id);
  await page.goto(`/angebote/${offer.id}/interesse/`);
  await expect(page.locator('form')).toHaveAttribute('action', '/f/bsp4711');
  const behoerde = `Beispielamt ${Date.now()}`;
  await page.getByLabel('Name Ihrer Behörde').fill(behoerde);
  await page.getByLabel('Name der Ansprechperson').fill('Bea Beispiel');
  await page.getByLabel('E-Mail-Adresse').fill('bea@beispielamt.example');
  await page.getByRole('checkbox', { name: OPEN_CHOICE }).check();
  await page.getByRole('button', { name: 'Absenden' }).click();
  await expect(page.getByRole('heading', { name: form.texts.confirmationHeading })).toBeFocused();
  const reference = (await page.locator('.form-reference').textContent()) ?? '';
  await expect.poll(() => readMails().find((m) => m.reference === reference)?.subject, { timeout: 10_000 }).toBe(`Interessenbekundung ${offer.titel}: ${behoerde}`);
});
