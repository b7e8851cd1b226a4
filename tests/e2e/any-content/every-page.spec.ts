/**
 * Checks that hold whatever the content is: every page of the sitemap passes axe, has the full page
 * frame and fits 320 px; titles and descriptions are unique; no internal link is broken; the sitemap
 * lists every page the content makes. Runs on the real content (and on the editors' walk copy).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from '../fixtures.ts';
import { builtOffers, siteBuilt } from '../content.ts';
import { siteRoot } from '../env.ts';
import { allSitemapUrls, builtSitemapUrls, siteDist } from '../pages.ts';
import { pageWeight } from '../../../scripts/lib/page-weight.ts';
import { AXE_TAGS, describeWcagTags } from '../../../src/lib/accessibility-checks.ts';
import { findDrafts } from '../../../src/lib/drafts.ts';

/** Whole-site checks (sitemap, titles, links) take every page; the page-by-page checks those E2E_PAGES names, if set. */
const paths = allSitemapUrls().map((url) => url.pathname);
const content = siteBuilt();

test('the sitemap lists the fixed pages, every offer with its interest form, every content page and every published news item', () => {
  // A folder with no files is not in git (e.g. content/news once every news item is removed): no pages.
  // A news item without `datum` is a draft and has no page yet (src/lib/drafts.ts).
  const pageFiles = (folder: 'pages' | 'news') => {
    const dir = join(siteRoot, 'content', folder);
    const files = existsSync(dir) ? readdirSync(dir).filter((f) => /\.mdx?$/.test(f)) : [];
    const drafts = folder === 'news' ? findDrafts(files.map((f) => ({ file: f, text: readFileSync(join(dir, f), 'utf8') }))) : [];
    return files.filter((f) => !drafts.includes(f)).map((f) => f.replace(/\.mdx?$/, ''));
  };
  const expected = [
    '/',
    '/angebote/',
    '/aktuelles/',
    '/kontakt/',
    '/interesse/',
    '/barrierefreiheit/barriere-melden/',
    ...builtOffers(content).flatMap((offer) => [`/angebote/${offer.id}/`, `/angebote/${offer.id}/interesse/`]),
    ...pageFiles('pages').map((id) => `/${id}/`),
    ...pageFiles('news').map((id) => `/aktuelles/${id}/`),
  ];
  expect([...paths].sort()).toEqual([...new Set(expected)].sort());
});

for (const { pathname: path, href: configuredUrl } of builtSitemapUrls()) {
  test(`page ${path}: no axe violations, the full page frame, usable at 320 px, exactly the fonts the byte budget counts`, async ({ page, axe }) => {
    const fonts = new Set<string>();
    page.on('request', (request) => {
      if (request.resourceType() === 'font') fonts.add(new URL(request.url()).pathname);
    });
    await page.goto(path);

    await test.step('the browser loads exactly the fonts the byte budget counts', async () => {
      await page.evaluate(() => document.fonts.ready);
      const counted = pageWeight(siteDist, path).files.filter((f) => f.endsWith('.woff2'));
      expect(counted.length).toBeGreaterThan(0);
      expect([...fonts].sort()).toEqual([...counted].sort());
    });

    await test.step(`axe reports no violations of ${describeWcagTags(AXE_TAGS)}`, async () => {
      const results = await axe().analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    });

    await test.step('lang, title, description, canonical, Open Graph, one h1', async () => {
      await expect(page.locator('html')).toHaveAttribute('lang', 'de');
      await expect(page).toHaveTitle(new RegExp(` – ${content.site.portalName}$`));
      expect((await page.locator('meta[name="description"]').getAttribute('content'))?.length).toBeGreaterThan(20);
      await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', configuredUrl);
      await expect(page.locator('meta[property="og:title"]')).toHaveCount(1);
      await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
    });

    await test.step('the skip link is the first stop and moves focus to the content', async () => {
      await page.keyboard.press('Tab');
      const skip = page.getByRole('link', { name: 'Zum Inhalt springen' });
      await expect(skip).toBeFocused();
      await skip.press('Enter');
      await expect(page.locator('main')).toBeFocused();
    });

    await test.step('fits a 320 px wide screen without horizontal scrolling', async () => {
      await page.setViewportSize({ width: 320, height: 640 });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    });
  });
}

test('every page has a unique title and description', async ({ request }) => {
  const titles = new Map<string, string>();
  const descriptions = new Map<string, string>();
  for (const path of paths) {
    const html = await (await request.get(path)).text();
    const title = /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '';
    const description = /<meta name="description" content="([^"]*)"/.exec(html)?.[1] ?? '';
    expect(titles.get(title), `title of ${path} also on`).toBeUndefined();
    expect(descriptions.get(description), `description of ${path} also on`).toBeUndefined();
    titles.set(title, path);
    descriptions.set(description, path);
  }
});

test('no internal link or download is broken', async ({ request }) => {
  const checked = new Map<string, number>();
  for (const path of paths) {
    const html = await (await request.get(path)).text();
    for (const [, href] of html.matchAll(/\s(?:href|src)="([^"#]+)[^"]*"/g)) {
      if (!href || /^(https?:|mailto:|tel:)/.test(href)) continue;
      const target = new URL(href, `http://x${path}`).pathname;
      if (!checked.has(target)) checked.set(target, (await request.get(target)).status());
    }
  }
  const broken = [...checked].filter(([, status]) => status !== 200);
  expect(broken).toEqual([]);
  expect(checked.size).toBeGreaterThan(15);
});
