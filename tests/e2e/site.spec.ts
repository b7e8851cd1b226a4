import { test, expect } from './fixtures.ts';
import { builtSitemapPaths } from './pages.ts';
import { de } from '../../src/strings/de.ts';

test.describe('start page', () => {
  test('lists the offers generated from the content and the latest news', async ({ page }) => {
    await page.goto('/');
    const offers = page.getByRole('region', { name: 'Angebote zur Nachnutzung' });
    await expect(offers.getByRole('link', { name: 'Aufenthaltstitel' })).toHaveAttribute('href', '/angebote/aufenthaltstitel/');
    const news = page.getByRole('region', { name: 'Aktuelles' });
    await expect(news.getByRole('heading', { level: 3 }).first()).toBeVisible();
    await expect(news.getByRole('link', { name: 'Alle Meldungen' })).toHaveAttribute('href', '/aktuelles/');
  });

  test('links to Leichte Sprache and Gebärdensprache', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('link', { name: 'Informationen in Leichter Sprache' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Leichte Sprache');
    await page.goto('/');
    await page.getByRole('link', { name: 'Informationen in Deutscher Gebärdensprache' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Deutsche Gebärdensprache');
    await expect(page.getByRole('main').getByText('wird ergänzt').first()).toBeVisible();
  });
});

test('header and footer navigation reach every section', async ({ page }) => {
  await page.goto('/');
  const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
  await nav.getByRole('link', { name: 'Kontakt' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kontakt');
  await expect(nav.getByRole('link', { name: 'Kontakt' })).toHaveAttribute('aria-current', 'page');
  const footer = page.getByRole('navigation', { name: 'Rechtliches und Barrierefreiheit' });
  for (const name of ['Impressum', 'Datenschutzerklärung', 'Erklärung zur Barrierefreiheit', 'Leichte Sprache', 'Deutsche Gebärdensprache']) {
    await expect(footer.getByRole('link', { name })).toBeVisible();
  }
});

test('contact page has the mailbox, both contacts, the address and the BeBPo recipient', async ({ page }) => {
  await page.goto('/kontakt/');
  const main = page.getByRole('main');
  await expect(main.getByRole('link', { name: 'kommunalvertreter@digitales.nrw.de' }).first()).toHaveAttribute('href', 'mailto:kommunalvertreter@digitales.nrw.de');
  await expect(main.getByRole('heading', { name: 'Katja Linnenschmidt' })).toBeVisible();
  await expect(main.getByRole('heading', { name: 'Cansu Aktepe' })).toBeVisible();
  await expect(main.locator('address')).toContainText('Rheinische Str. 1');
  await expect(main).toContainText('Empfängername im BeBPo: d-NRW AöR');
});

test('Impressum shows open gaps as "wird ergänzt" and the organisation from site.yaml', async ({ page }) => {
  await page.goto('/impressum/');
  const main = page.getByRole('main');
  await expect(main).toContainText('d-NRW AöR');
  await expect(main).toContainText('Anstalt des öffentlichen Rechts');
  await expect(main.locator('address')).toContainText('44137 Dortmund');
  expect(await main.getByText('wird ergänzt', { exact: true }).count()).toBeGreaterThanOrEqual(3);
  await expect(main).not.toContainText('LÜCKE');
});

test('Erklärung zur Barrierefreiheit links to the electronic feedback form and names the Ombudsstelle', async ({ page }) => {
  await page.goto('/barrierefreiheit/');
  await expect(page.getByRole('main').getByRole('link', { name: /Barriere melden/ }).first()).toHaveAttribute('href', '/barrierefreiheit/barriere-melden/');
  await expect(page.getByRole('main')).toContainText('Ombudsstelle für barrierefreie Informationstechnik');
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

test('an unknown address answers 404 with a helpful page', async ({ page }) => {
  const response = await page.goto('/gibt-es-nicht/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Seite nicht gefunden');
  await expect(page.getByRole('main').getByRole('link', { name: 'Aufenthaltstitel' })).toBeVisible();
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
    await page.goto('/');
    await page.getByRole('region', { name: 'Angebote zur Nachnutzung' }).getByRole('link', { name: 'Aufenthaltstitel' }).click();
    await expect(page.getByRole('region', { name: 'Downloads' }).getByRole('link')).toHaveCount(2);
  });
});

test('at 200 % zoom (640 px wide) the navigation and content stay usable without horizontal scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 640, height: 400 });
  await page.goto('/angebote/aufenthaltstitel/');
  await expect(page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Interesse bekunden' })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
});

// Search traffic for "Aufenthaltstitel" lands on the start page and on the offer pages.
const applicantPages = ['/', ...builtSitemapPaths().filter((path) => /^\/angebote\/[^/]+\/$/.test(path))];
for (const path of applicantPages) {
  test(`${path} tells applicants in German, English and Ukrainian that they cannot apply here`, async ({ page }) => {
    await page.goto(path);
    const notice = page.getByRole('region', { name: de.applicants.heading });
    await expect(notice).toContainText(de.applicants.de);
    await expect(notice.locator('[lang="en"]')).toContainText(de.applicants.en);
    await expect(notice.locator('[lang="uk"]')).toContainText(de.applicants.uk);
    await expect(notice.locator('[lang="uk"] h3')).toHaveText(de.applicants.ukHeading);
  });
}

test('the sitemap has offer pages for the applicant notice check', () => {
  expect(applicantPages.length).toBeGreaterThan(1);
});
