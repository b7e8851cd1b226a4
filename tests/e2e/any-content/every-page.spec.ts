/**
 * Checks that hold whatever the content is: titles and descriptions are unique, no internal link is
 * broken, the sitemap lists every page the content makes; and one visit to each page of the sitemap
 * (one browser context each: a context costs about as much CPU as a whole page's checks) that
 * checks, in this order:
 * - the page is served with the Content-Security-Policy, and violates it nowhere during the visit;
 * - the fonts the browser loads (first, while the HTTP cache is empty) are the ones the byte budget
 *   counts;
 * - axe, and the full page frame (lang, title, description, canonical, Open Graph, one h1, the skip
 *   link);
 * - readable beyond axe (WCAG 2.2 AA): the text of each element in the keyboard focus order keeps a
 *   contrast of at least 4.5:1 while focused, and in forced colours (Windows high contrast) each
 *   shows a visible focus indicator (pixels that change around it, at least a 1 px ring). The page
 *   frame (skip link, header, breadcrumbs, footer) is one component on every page, so its focus
 *   stops are walked on one page (the first with breadcrumbs) and each page's content (`main`) on
 *   every page;
 * - at 320 px no sideways scrolling, also with the web fonts blocked (fallback font) and with the
 *   WCAG 1.4.12 text spacing, and no words running over their boxes; on form pages also in the
 *   error state.
 * The page stays under the Content-Security-Policy the server sends throughout: the test's own
 * styles are adopted style sheets (tests/e2e/readable.ts). Runs on the real content (and on the
 * editors' walk copy, on the pages it changed: E2E_PAGES).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from '../fixtures.ts';
import { builtOffers, siteBuilt } from '../content.ts';
import { siteRoot } from '../env.ts';
import { allSitemapUrls, builtSitemapUrls, siteDist } from '../pages.ts';
import { expectServedCsp, watchViolations } from '../csp-watch.ts';
import { changedPixelsOnFocus, stillCamera, type FocusedShot } from '../focus-shots.ts';
import { applyTextSpacing, blockWebFonts, sidewaysOverflow, walkFocusOrder } from '../readable.ts';
import { pageWeight } from '../../../scripts/lib/page-weight.ts';
import { AXE_TAGS, describeWcagTags } from '../../../src/lib/accessibility-checks.ts';
import { findDrafts } from '../../../src/lib/drafts.ts';
import { formStrings } from '../../../shared/strings/form.ts';
import { de } from '../../../shared/strings/de.ts';

const MIN_FOCUS_CONTRAST = 4.5;

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

const withBreadcrumbs = (path: string) => readFileSync(join(siteDist, path, 'index.html'), 'utf8').includes(`aria-label="${de.breadcrumbLabel}"`);
const visited = builtSitemapUrls();
/** The page on which the whole frame is walked too. */
const framePage = visited.map((url) => url.pathname).find(withBreadcrumbs) ?? visited[0]?.pathname;

for (const { pathname: path, href: configuredUrl } of visited) {
  const within = path === framePage ? null : 'main';
  test(`page ${path}: the CSP, the fonts the byte budget counts, no axe violations, the full page frame, focus visible and readable (${within === null ? 'the whole page with its frame' : 'the content'}), usable at 320 px with the fallback font and the text spacing`, async ({ page, axe }) => {
    test.setTimeout(120_000);
    const fonts = new Set<string>();
    page.on('request', (request) => {
      if (request.resourceType() === 'font') fonts.add(new URL(request.url()).pathname);
    });
    const violations = await watchViolations(page);
    const response = await page.goto(path);

    await test.step('served with the CSP, and no violation of it', async () => {
      await expectServedCsp(response, path);
      expect(await violations()).toEqual([]);
    });

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

    await test.step(`focused text keeps ${MIN_FOCUS_CONTRAST}:1, and in forced colours every focusable element shows its focus`, async () => {
      // The skip link moved the browser's starting point for the Tab key into main; the walk of the
      // whole page starts at the top of a fresh load.
      if (within === null) await page.goto(path);
      const camera = await stillCamera(page);
      // The walk in normal colours measures the contrast of each focused element's text.
      const lowContrast: string[] = [];
      const stopsInColour = await walkFocusOrder(
        page,
        async (stop) => {
          if (stop.contrast !== null && stop.contrast < MIN_FOCUS_CONTRAST) lowContrast.push(`${stop.name}: ${stop.contrast.toFixed(2)}:1, ${stop.contrastDetail}`);
        },
        { within },
      );
      // The frame alone has more than 3 stops (a page's content may have none: a short news item).
      if (within === null) expect(stopsInColour.length, 'elements in the focus order').toBeGreaterThan(3);
      expect.soft(lowContrast, 'focused elements whose text is below 4.5:1').toEqual([]);

      // The walk in forced colours takes a screenshot of each focused element; without focus, the
      // same places must differ by at least a 1 px ring.
      await page.emulateMedia({ forcedColors: 'active' });
      expect(await page.evaluate(() => matchMedia('(forced-colors: active)').matches)).toBe(true);
      const shots: FocusedShot[] = [];
      const stops = await walkFocusOrder(
        page,
        async (stop) => {
          shots.push({ clip: stop.clip, scroll: stop.scroll, png: await camera(stop.clip, stop.scroll) });
        },
        { within, contrast: false },
      );
      expect(stops.map((s) => s.name), 'the same focus order in forced colours').toEqual(stopsInColour.map((s) => s.name));
      const changed = await changedPixelsOnFocus(page, camera, shots);
      const invisible = stops.flatMap((stop, index) => {
        const pixels = changed[index] ?? 0;
        return pixels < stop.perimeter ? [`${stop.name}: ${pixels} px change on focus, a 1 px ring is ${Math.round(stop.perimeter)}`] : [];
      });
      expect(invisible, 'focusable elements without a visible focus indicator in forced colours').toEqual([]);
      await page.emulateMedia({ forcedColors: 'none' });
    });

    await page.setViewportSize({ width: 320, height: 640 });
    const check = async (condition: string) => {
      await page.evaluate(() => document.fonts.ready);
      const overflow = await sidewaysOverflow(page);
      expect.soft(overflow.page, `${condition}: the page scrolls sideways by`).toBeLessThanOrEqual(0);
      expect.soft(overflow.boxes, `${condition}: content running over its box`).toEqual([]);
    };

    await test.step('fits a 320 px wide screen without sideways scrolling, with the web fonts and with the text spacing', async () => {
      await page.goto(path);
      await check('web fonts');
      await applyTextSpacing(page);
      await check('web fonts with text spacing');
    });

    await test.step('the same with the fallback font (web fonts blocked), and on a form page in the error state', async () => {
      await blockWebFonts(page);
      await page.goto(path);
      await check('fallback font');
      await applyTextSpacing(page);
      await check('fallback font with text spacing');

      const submit = page.getByRole('button', { name: formStrings.submit, exact: true });
      if ((await submit.count()) > 0) {
        await submit.click();
        await expect(page).toHaveTitle(new RegExp(`^${formStrings.titlePrefix}`));
        await expect(page.getByRole('heading', { name: formStrings.summaryHeading })).toBeVisible();
        await applyTextSpacing(page);
        await check('form error state, fallback font with text spacing');
      }
      await page.unrouteAll();
    });

    await test.step('no violation of the CSP during the whole visit', async () => {
      expect(await violations()).toEqual([]);
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
