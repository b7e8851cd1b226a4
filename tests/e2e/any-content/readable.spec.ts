/**
 * Readable under every condition, on every page of the built sitemap (WCAG 2.2 AA beyond axe):
 * - forced colours (Windows high contrast): every element in the keyboard focus order shows a
 *   visible focus indicator (pixels that change around it, at least a 1 px ring);
 * - the text of a focused element keeps a contrast of at least 4.5:1;
 *   the page frame (skip link, header, breadcrumbs, footer) is one component on every page, so its
 *   focus stops are walked on one page (the first with breadcrumbs) and every page's content
 *   (`main`) on each page;
 * - at 320 px, with the web fonts blocked (fallback font) and with the WCAG 1.4.12 text spacing, no
 *   sideways scrolling and no words running over their boxes; on form pages also in the error state.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from '../fixtures.ts';
import { builtSitemapPaths, siteDist } from '../pages.ts';
import { changedPixelsOnFocus, stillCamera, type FocusedShot } from '../focus-shots.ts';
import { blockWebFonts, sidewaysOverflow, TEXT_SPACING_CSS, walkFocusOrder } from '../readable.ts';
import { formStrings } from '../../../shared/strings/form.ts';
import { de } from '../../../shared/strings/de.ts';

// The injected text-spacing style must apply whatever the Content-Security-Policy allows.
test.use({ bypassCSP: true });
test.describe.configure({ timeout: 120_000 });

const MIN_FOCUS_CONTRAST = 4.5;

const paths = builtSitemapPaths();
const withBreadcrumbs = (path: string) => readFileSync(join(siteDist, path, 'index.html'), 'utf8').includes(`aria-label="${de.breadcrumbLabel}"`);
/** The page on which the whole frame is walked too. */
const framePage = paths.find(withBreadcrumbs) ?? paths[0];

for (const path of paths) {
  const within = path === framePage ? null : 'main';
  const what = within === null ? 'the whole page with its frame' : 'the content';
  test(`page ${path}, ${what}: focused text keeps ${MIN_FOCUS_CONTRAST}:1, and in forced colours every focusable element shows its focus`, async ({ page }) => {
    await page.goto(path);
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
  });

  test(`page ${path}: no sideways scrolling at 320 px with the fallback font and the WCAG text spacing`, async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    const check = async (condition: string) => {
      await page.evaluate(() => document.fonts.ready);
      const overflow = await sidewaysOverflow(page);
      expect.soft(overflow.page, `${condition}: the page scrolls sideways by`).toBeLessThanOrEqual(0);
      expect.soft(overflow.boxes, `${condition}: content running over its box`).toEqual([]);
    };

    await blockWebFonts(page);
    await page.goto(path);
    await check('fallback font');
    await page.addStyleTag({ content: TEXT_SPACING_CSS });
    await check('fallback font with text spacing');

    const submit = page.getByRole('button', { name: formStrings.submit, exact: true });
    if ((await submit.count()) > 0) {
      await submit.click();
      await expect(page).toHaveTitle(new RegExp(`^${formStrings.titlePrefix}`));
      await expect(page.getByRole('heading', { name: formStrings.summaryHeading })).toBeVisible();
      if ((await page.locator('style', { hasText: 'word-spacing: 0.16em' }).count()) === 0) await page.addStyleTag({ content: TEXT_SPACING_CSS });
      await check('form error state, fallback font with text spacing');
    }

    await page.unrouteAll();
    await page.goto(path);
    await page.addStyleTag({ content: TEXT_SPACING_CSS });
    await check('web fonts with text spacing');
  });
}
