/**
 * The pixels a keyboard focus changes, for the focus step of each page's visit
 * (tests/e2e/any-content/every-page.spec.ts): a screenshot of each focused element, then the same
 * places without focus, compared in the browser.
 */
import type { Page } from '@playwright/test';
import { addStyle, type FocusStop } from './readable.ts';

/** A stop's focused screenshot (base64 PNG of exactly `clip`) and the scroll position it was taken at. */
export interface FocusedShot {
  readonly clip: FocusStop['clip'];
  readonly scroll: FocusStop['scroll'];
  readonly png: string;
}

/** Takes a PNG (base64) of a rectangle of the viewport, the page scrolled to `scroll`. */
export type Camera = (clip: FocusStop['clip'], scroll: FocusStop['scroll']) => Promise<string>;

/**
 * A camera that asks Chromium directly (DevTools protocol): one round trip per screenshot, where
 * page.screenshot() adds three evaluates in the page (prepare, fonts, restore) each time; measured
 * 8 ms of CPU per screenshot of a button against 13.5 ms. What page.screenshot() prepares each
 * time is done here once: no transitions or animations (every focus style is in its final state
 * at once), no caret; the fonts have loaded.
 */
export async function stillCamera(page: Page): Promise<Camera> {
  await addStyle(page, '*, *::before, *::after { transition: none !important; animation: none !important; caret-color: transparent !important; }');
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  const cdp = await page.context().newCDPSession(page);
  return async (clip, scroll) => {
    // The protocol's clip is in page coordinates.
    const shot = await cdp.send('Page.captureScreenshot', { format: 'png', clip: { ...clip, x: clip.x + scroll.x, y: clip.y + scroll.y, scale: 1 }, captureBeyondViewport: false, optimizeForSpeed: true });
    return shot.data;
  };
}

type Clip = FocusStop['clip'];
const union = (a: Clip, b: Clip): Clip => {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, width: Math.max(a.x + a.width, b.x + b.width) - x, height: Math.max(a.y + a.height, b.y + b.height) - y };
};

/**
 * How many pixels of each focused screenshot differ from the same place without focus, one count
 * per shot. Focus is taken away; for each scroll position the shots share, the page is scrolled
 * there and one screenshot covers all their clips; one evaluate decodes every PNG in the browser
 * and compares each focused clip with its part of the unfocused screenshot.
 */
export async function changedPixelsOnFocus(page: Page, camera: Camera, shots: readonly FocusedShot[]): Promise<number[]> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const at = ({ x, y }: FocusStop['scroll']) => `${x},${y}`;
  const areas = new Map<string, { scroll: FocusStop['scroll']; area: Clip }>();
  for (const { clip, scroll } of shots) {
    const known = areas.get(at(scroll));
    areas.set(at(scroll), { scroll, area: known === undefined ? clip : union(known.area, clip) });
  }
  const unfocused: { area: Clip; png: string }[] = [];
  for (const { scroll, area } of areas.values()) {
    await page.evaluate(({ x, y }) => window.scrollTo(x, y), scroll);
    unfocused.push({ area, png: await camera(area, scroll) });
  }
  const keys = [...areas.keys()];
  const focused = shots.map(({ clip, scroll, png }) => ({ clip, of: keys.indexOf(at(scroll)), png }));
  return page.evaluate(
    async ({ focused, unfocused }) => {
      const decode = (base64: string) => createImageBitmap(new Blob([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], { type: 'image/png' }));
      /** The pixels of `clip` (viewport coordinates) in an image that shows the viewport's `area`. */
      const pixels = (image: ImageBitmap, area: { x: number; y: number }, clip: { x: number; y: number; width: number; height: number }) => {
        const ctx = new OffscreenCanvas(clip.width, clip.height).getContext('2d', { willReadFrequently: true });
        if (ctx === null) throw new Error('no 2d context');
        ctx.drawImage(image, area.x - clip.x, area.y - clip.y);
        return ctx.getImageData(0, 0, clip.width, clip.height).data;
      };
      const before = await Promise.all(unfocused.map(({ png }) => decode(png)));
      return Promise.all(
        focused.map(async ({ clip, of, png }) => {
          const image = before[of];
          const area = unfocused[of]?.area;
          if (image === undefined || area === undefined) throw new Error('no unfocused screenshot at this scroll position');
          const x = pixels(await decode(png), clip, clip);
          const y = pixels(image, area, clip);
          let changed = 0;
          for (let i = 0; i < Math.min(x.length, y.length); i += 4) {
            if (Math.abs((x[i] ?? 0) - (y[i] ?? 0)) + Math.abs((x[i + 1] ?? 0) - (y[i + 1] ?? 0)) + Math.abs((x[i + 2] ?? 0) - (y[i + 2] ?? 0)) > 48) changed++;
          }
          return changed;
        }),
      );
    },
    { focused, unfocused },
  );
}
