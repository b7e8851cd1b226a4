/**
 * Readable under every condition, on every page of the built sitemap (WCAG 2.2 AA beyond axe):
 * - forced colours (Windows high contrast): every element in the keyboard focus order shows a
 *   visible focus indicator (pixels that change around it, at least a 1 px ring);
 * - the text of a focused element keeps a contrast of at least 4.5:1;
 * - at 320 px, with the web fonts blocked (fallback font) and with the WCAG 1.4.12 text spacing, no
 *   sideways scrolling and no words running over their boxes; on form pages also in the error state.
 */
import { test, expect } from '../fixtures.ts';
import { builtSitemapPaths } from '../pages.ts';
import { blockWebFonts, changedPixels, sidewaysOverflow, TEXT_SPACING_CSS, walkFocusOrder } from '../readable.ts';
import { formStrings } from '../../../src/strings/form.ts';

// The injected text-spacing style must apply whatever the Content-Security-Policy allows.
test.use({ bypassCSP: true });
test.describe.configure({ timeout: 120_000 });

const MIN_FOCUS_CONTRAST = 4.5;

for (const path of builtSitemapPaths()) {
  test(`page ${path}: focused text keeps ${MIN_FOCUS_CONTRAST}:1, and in forced colours every focusable element shows its focus`, async ({ page }) => {
    await page.goto(path);

    const lowContrast: string[] = [];
    const stopsInColour = await walkFocusOrder(page, async (stop) => {
      if (stop.contrast !== null && stop.contrast < MIN_FOCUS_CONTRAST) lowContrast.push(`${stop.name}: ${stop.contrast.toFixed(2)}:1, ${stop.contrastDetail}`);
    });
    expect(stopsInColour.length, 'elements in the focus order').toBeGreaterThan(3);
    expect.soft(lowContrast, 'focused elements whose text is below 4.5:1').toEqual([]);

    await page.emulateMedia({ forcedColors: 'active' });
    expect(await page.evaluate(() => matchMedia('(forced-colors: active)').matches)).toBe(true);
    const focused: Buffer[] = [];
    const stops = await walkFocusOrder(page, async (stop) => {
      focused.push(await page.screenshot({ clip: stop.clip, animations: 'disabled' }));
    });
    expect(stops.map((s) => s.name), 'the same focus order in forced colours').toEqual(stopsInColour.map((s) => s.name));
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const invisible: string[] = [];
    for (const [index, stop] of stops.entries()) {
      await page.evaluate(({ x, y }) => window.scrollTo(x, y), stop.scroll);
      const unfocused = await page.screenshot({ clip: stop.clip, animations: 'disabled' });
      const changed = await changedPixels(page, focused[index] ?? Buffer.alloc(0), unfocused);
      if (changed < stop.perimeter) invisible.push(`${stop.name}: ${changed} px change on focus, a 1 px ring is ${Math.round(stop.perimeter)}`);
    }
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
