/**
 * Measurements for the readability steps of each page's visit
 * (tests/e2e/any-content/every-page.spec.ts), independent of the content: walking the keyboard
 * focus order, the contrast of the focused element's text, and content that sticks out sideways
 * (the pixels a focus changes: focus-shots.ts).
 */
import type { Page } from '@playwright/test';

/** WCAG 1.4.12 Text Spacing: the minimum a user may set without losing content. */
export const TEXT_SPACING_CSS = `* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }`;

/**
 * Adds `css` to the page as a constructed style sheet, once per page load. The page keeps running
 * under the Content-Security-Policy the server sends: it refuses <style> elements without their
 * hash, but not a sheet adopted by the document.
 */
export async function addStyle(page: Page, css: string): Promise<void> {
  await page.evaluate((text) => {
    const added = (window.__kvStyles ??= new Set());
    if (added.has(text)) return;
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(text);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    added.add(text);
  }, css);
}

/** Sets the WCAG text spacing on the page (once per page load); fails if the page does not take it. */
export async function applyTextSpacing(page: Page): Promise<void> {
  await addStyle(page, TEXT_SPACING_CSS);
  const wordSpacing = await page.evaluate(() => parseFloat(getComputedStyle(document.body).wordSpacing));
  if (!(wordSpacing > 0)) throw new Error(`the text spacing did not apply (word-spacing of body: ${wordSpacing})`);
}

/** Web fonts never arrive: every page shows its fallback font. */
export async function blockWebFonts(page: Page): Promise<void> {
  await page.route(/\.(woff2?|ttf|otf)(\?.*)?$/, (route) => route.abort());
}

export interface FocusStop {
  /** How a person recognises the element: tag, role, text. */
  readonly name: string;
  /** Viewport rectangle around the element and its focus ring. */
  readonly clip: { x: number; y: number; width: number; height: number };
  readonly scroll: { x: number; y: number };
  /** Box perimeter in CSS px: a visible indicator changes at least this many pixels (a 1 px ring). */
  readonly perimeter: number;
  /** Lowest contrast of the element's visible text against its background while focused (null: no text, or not measured). */
  readonly contrast: number | null;
  readonly contrastDetail: string;
}

declare global {
  interface Window {
    __kvStops?: Element[];
    __kvStyles?: Set<string>;
  }
}

/** Pixels of padding around an element in which its focus indicator may be drawn. */
const RING = 10;

/**
 * State of the element that has focus now: where it is and (with `contrast`) how readable its
 * text is; null when focus is back on the body, on an element seen before (the walk has gone
 * round) or outside the element `within` selects. Runs in the page.
 */
function describeFocus({ ring, within, contrast: measure }: { ring: number; within: string | null; contrast: boolean }): FocusStop | null {
  const element = document.activeElement;
  const seen = (window.__kvStops ??= []);
  if (element === null || element === document.body || seen.includes(element)) return null;
  if (within !== null && !document.querySelector(within)?.contains(element)) return null;
  seen.push(element);
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = 1;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  const toRgba = (color: string): [number, number, number, number] => {
    if (ctx === null) return [0, 0, 0, 1];
    ctx.clearRect(0, 0, 1, 1);
    ctx.fillStyle = color;
    ctx.fillRect(0, 0, 1, 1);
    const [r = 0, g = 0, b = 0, a = 0] = ctx.getImageData(0, 0, 1, 1).data;
    return [r, g, b, a / 255];
  };
  const over = (top: [number, number, number, number], below: [number, number, number]): [number, number, number] =>
    [0, 1, 2].map((i) => (top[i] ?? 0) * top[3] + (below[i] ?? 0) * (1 - top[3])) as [number, number, number];
  const background = (from: Element): [number, number, number] => {
    const layers: [number, number, number, number][] = [];
    for (let node: Element | null = from; node !== null; node = node.parentElement) {
      const rgba = toRgba(getComputedStyle(node).backgroundColor);
      if (rgba[3] > 0) layers.push(rgba);
      if (rgba[3] >= 1) break;
    }
    return layers.reduceRight<[number, number, number]>((below, layer) => over(layer, below), [255, 255, 255]);
  };
  const luminance = ([r, g, b]: [number, number, number]): number => {
    const lin = (c: number) => (c / 255 <= 0.04045 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  };
  const ratio = (a: [number, number, number], b: [number, number, number]) => {
    const [l1, l2] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
    return (l1 + 0.05) / (l2 + 0.05);
  };
  // Every element with its own visible text inside the focused element (and form controls themselves).
  const texts = new Set<Element>();
  if (measure && element.matches('input:not([type=checkbox]):not([type=radio]), textarea, select')) texts.add(element);
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = measure ? walker.nextNode() : null; node !== null; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (parent === null || (node.textContent ?? '').trim() === '') continue;
    const box = parent.getBoundingClientRect();
    if (box.width > 1 && box.height > 1 && parent.checkVisibility({ visibilityProperty: true, opacityProperty: true })) texts.add(parent);
  }
  let contrast: number | null = null;
  let contrastDetail = '';
  for (const text of texts) {
    const style = getComputedStyle(text);
    const bg = background(text);
    const fg = over(toRgba(style.color), bg);
    const value = ratio(fg, bg);
    if (contrast === null || value < contrast) {
      contrast = value;
      contrastDetail = `text rgb(${fg.map(Math.round).join(', ')}) on rgb(${bg.map(Math.round).join(', ')})`;
    }
  }
  const rect = element.getBoundingClientRect();
  const x = Math.max(0, Math.floor(rect.left - ring));
  const y = Math.max(0, Math.floor(rect.top - ring));
  const clip = {
    x,
    y,
    width: Math.max(1, Math.min(window.innerWidth, Math.ceil(rect.right + ring)) - x),
    height: Math.max(1, Math.min(window.innerHeight, Math.ceil(rect.bottom + ring)) - y),
  };
  const label = (element.getAttribute('aria-label') ?? element.textContent ?? (element as HTMLInputElement).name ?? '').trim().replace(/\s+/g, ' ').slice(0, 50);
  const role = element.getAttribute('type') ?? element.getAttribute('role') ?? '';
  return {
    name: `<${element.tagName.toLowerCase()}${role === '' ? '' : ` ${role}`}> „${label}“`,
    clip,
    scroll: { x: window.scrollX, y: window.scrollY },
    perimeter: 2 * (Math.min(rect.width, window.innerWidth) + Math.min(rect.height, window.innerHeight)),
    contrast,
    contrastDetail,
  };
}

/**
 * Walks the page with the Tab key from the top to the last focusable element; calls `atStop` while
 * each element has the keyboard focus. With `within` (a selector of a focusable container such as
 * `main`), the walk starts with focus on that container and ends where focus leaves it. With
 * `contrast: false` the stops' contrast is not measured (null).
 */
export async function walkFocusOrder(
  page: Page,
  atStop: (stop: FocusStop, index: number) => Promise<void>,
  { within = null, contrast = true, limit = 300 }: { within?: string | null; contrast?: boolean; limit?: number } = {},
): Promise<FocusStop[]> {
  await page.evaluate((selector) => {
    window.__kvStops = [];
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
    if (selector !== null) {
      const container = document.querySelector<HTMLElement>(selector);
      if (container === null) throw new Error(`no ${selector} on this page`);
      container.focus();
    }
  }, within);
  const stops: FocusStop[] = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(describeFocus, { ring: RING, within, contrast });
    if (stop === null) break;
    stops.push(stop);
    await atStop(stop, i);
  }
  return stops;
}

/**
 * Sideways overflow: how far the page scrolls sideways, and every block whose content sticks out
 * of its own box (words running over card or notice borders). Scroll containers and clipped
 * boxes (visually hidden text) are left out.
 */
export async function sidewaysOverflow(page: Page): Promise<{ page: number; boxes: string[] }> {
  return page.evaluate(() => {
    const root = document.documentElement;
    const boxes: string[] = [];
    for (const element of document.body.querySelectorAll('*')) {
      const style = getComputedStyle(element);
      if (style.display === 'inline' || style.display === 'contents' || style.overflowX !== 'visible' || style.position === 'absolute') continue;
      if (element.clientWidth === 0 || !element.checkVisibility()) continue;
      const excess = element.scrollWidth - element.clientWidth;
      if (excess > 1) {
        const text = (element.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 60);
        boxes.push(`<${element.tagName.toLowerCase()}${element.className ? ` class="${String(element.className)}"` : ''}> +${excess}px „${text}“`);
      }
    }
    return { page: root.scrollWidth - root.clientWidth, boxes };
  });
}
