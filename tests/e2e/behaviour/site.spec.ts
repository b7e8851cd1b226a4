/** The site's frame and its fixed pages, against the fixture content (expectations derived from it). */
import type { Locator } from '@playwright/test';
import { test, expect } from '../fixtures.ts';
import { sitemapUrls } from '../../../scripts/lib/sitemap.ts';
import { fixture } from '../content.ts';
import { de } from '../../../shared/strings/de.ts';

const org = fixture.site.organisation;

// One visit to the start page, two steps.
test('start page: lists the offers from the content and the latest news, and links to Leichte Sprache and Gebärdensprache', async ({ page }) => {
  await page.goto('/');
  await test.step('lists the offers from the content and the latest news', async () => {
    const offers = page.getByRole('region', { name: 'Angebote zur Nachnutzung' });
    await expect(offers.getByRole('link')).toHaveCount(fixture.offers.length);
    const news = page.getByRole('region', { name: 'Aktuelles' });
    await expect(news.getByRole('heading', { level: 3 }).first()).toBeVisible();
    await expect(news.getByRole('link', { name: 'Alle Meldungen' })).toHaveAttribute('href', '/aktuelles/');
  });

  await test.step('links to Leichte Sprache and Gebärdensprache', async () => {
    await page.getByRole('link', { name: de.home.leichteSprache }).click();
    await expect(page).toHaveURL(/\/leichte-sprache\/$/);
    await page.goto('/');
    await page.getByRole('link', { name: de.home.gebaerdensprache }).click();
    await expect(page).toHaveURL(/\/gebaerdensprache\/$/);
    await expect(page.getByRole('main').getByText('wird ergänzt').first()).toBeVisible();
  });
});

test('header and footer navigation reach every section', async ({ page }) => {
  await page.goto('/');
  const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
  await nav.getByRole('link', { name: 'Kontakt' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kontakt');
  await expect(nav.getByRole('link', { name: 'Kontakt' })).toHaveAttribute('aria-current', 'page');
  await nav.getByRole('link', { name: 'Interesse bekunden' }).click();
  await expect(page).toHaveURL(/\/interesse\/$/);
  const footer = page.getByRole('navigation', { name: 'Rechtliches und Barrierefreiheit' });
  await expect(footer.getByRole('link')).toHaveCount(5);
  for (const name of ['Impressum', 'Datenschutzerklärung', 'Erklärung zur Barrierefreiheit']) await expect(footer.getByRole('link', { name })).toBeVisible();
});

test('contact page has the mailbox, every contact, the address and the BeBPo recipient from the content', async ({ page }) => {
  await page.goto('/kontakt/');
  const main = page.getByRole('main');
  await expect(main.getByRole('link', { name: org.postfach }).first()).toHaveAttribute('href', `mailto:${org.postfach}`);
  for (const name of ['Bert Beispiel', 'Frieda Fiktiv', 'Paula Platzhalter']) await expect(main.getByRole('heading', { name })).toBeVisible();
  await expect(main.locator('address')).toContainText(org.anschrift.strasse);
  await expect(main).toContainText(`Empfängername im BeBPo: ${org.bebpoEmpfaenger}`);
});

test.describe('an open editorial gap shows as "wird ergänzt", never as the marker', () => {
  /** The gap as page text: "wird ergänzt", marked so a reader can tell (tooltip "Angabe wird ergänzt"). */
  const gapIn = (scope: Locator) => scope.getByTitle(de.gapLabel, { exact: true });

  test('in a YAML value (site.yaml) shown on a content page', async ({ page }) => {
    await page.goto('/impressum/');
    const main = page.getByRole('main');
    await expect(main).toContainText(org.vertretung);
    await expect(main.getByText(de.gap, { exact: true })).toHaveCount(1);
    await expect(gapIn(main)).toHaveText(de.gap);
    await expect(main).not.toContainText('LÜCKE');
  });

  test('in a Markdown body (.md), in an MDX body (.mdx) and in a frontmatter field shown as text', async ({ page }) => {
    await page.goto('/angebote/beispielantrag/');
    await expect(gapIn(page.getByRole('main').getByText('Ansprechpartner vor Ort:'))).toHaveText(de.gap);
    await page.goto('/angebote/musterdienst/');
    const main = page.getByRole('main');
    await expect(gapIn(main.getByText('Sprechzeiten:'))).toHaveText(de.gap);
    await expect(main.getByRole('term').filter({ hasText: de.offer.reifegrad }).locator('+ dd')).toHaveText(de.gap);
    await expect(main).not.toContainText('LÜCKE');
  });

  test('in a value that is also an attribute (meta description, Open Graph, structured data): plain text there', async ({ page }) => {
    const offer = fixture.offers.find((o) => o.kurzbeschreibung.includes('[LÜCKE:'));
    expect(offer, 'the fixture has a gap in a kurzbeschreibung').toBeDefined();
    const description = (offer?.kurzbeschreibung ?? '').replace(/\[LÜCKE:[^\]]*\]/, de.gap);
    await page.goto(`/angebote/${offer?.id}/`);
    await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', description);
    await expect(page.locator('meta[property="og:description"]')).toHaveAttribute('content', description);
    const data = (await page.locator('script[type="application/ld+json"]').allTextContents()).map((b) => JSON.parse(b) as Record<string, unknown>);
    expect(data.find((d) => d['@type'] === 'GovernmentService')?.['description']).toBe(description);
    await expect(gapIn(page.getByRole('main').locator('p.text-xl'))).toHaveText(de.gap);
  });

  test('on no page of the sitemap, in no feed', async ({ request }) => {
    const paths = sitemapUrls(await (await request.get('/sitemap-0.xml')).text()).map((url) => url.pathname);
    expect(paths.length).toBeGreaterThan(10);
    for (const path of [...paths, '/aktuelles/rss.xml', '/gibt-es-nicht/']) expect(await (await request.get(path)).text(), path).not.toContain('LÜCKE');
  });
});

test('Erklärung zur Barrierefreiheit links to the electronic feedback form', async ({ page }) => {
  await page.goto('/barrierefreiheit/');
  await expect(page.getByRole('main').getByRole('link', { name: /Barriere melden/ }).first()).toHaveAttribute('href', '/barrierefreiheit/barriere-melden/');
});

test('news: list, item page and a valid RSS feed', async ({ page, request }) => {
  await page.goto('/aktuelles/');
  const first = page.getByRole('main').getByRole('heading', { level: 2 }).first().getByRole('link');
  const title = await first.textContent();
  await first.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title ?? '');
  await expect(page.getByRole('navigation', { name: 'Sie sind hier' }).getByRole('link', { name: 'Aktuelles' })).toBeVisible();
  const rss = await request.get('/aktuelles/rss.xml');
  expect(rss.status()).toBe(200);
  const xml = await rss.text();
  expect(xml).toMatch(/^<\?xml/);
  expect(xml).toContain(`<title>${title}</title>`);
  expect(xml).toContain('<language>de-de</language>');
});

test('an unknown address answers 404 with a helpful page that links every offer', async ({ page }) => {
  const response = await page.goto('/gibt-es-nicht/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Seite nicht gefunden');
  for (const offer of fixture.offers) await expect(page.getByRole('main').getByRole('link', { name: offer.titel })).toBeVisible();
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex');
});

test('robots.txt points to the sitemap and keeps the admin out', async ({ request }) => {
  const robots = await (await request.get('/robots.txt')).text();
  expect(robots).toMatch(/^Sitemap: https?:\/\/.+\/sitemap-index\.xml$/m);
  expect(robots).toContain('Disallow: /admin/');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the start page and the offer page work', async ({ page }) => {
    const offer = fixture.offers[0]!;
    await page.goto('/');
    await page.getByRole('region', { name: 'Angebote zur Nachnutzung' }).getByRole('link', { name: offer.titel }).click();
    await expect(page.getByRole('region', { name: 'Downloads' }).getByRole('link')).toHaveCount(offer.downloads.length);
  });
});

test('at 200 % zoom (640 px wide) the navigation and content stay usable without horizontal scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 640, height: 400 });
  await page.goto(`/angebote/${fixture.offers[0]!.id}/`);
  await expect(page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Interesse bekunden' })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
});
