/**
 * The site's page frame for the pages the form server writes (message pages, the admin area, a
 * form's error page), so that they look and behave like every other page: header, footer, skip
 * link, stylesheet. The build renders the frame once with the real layout and placeholders
 * (src/pages/kv-frame.astro) and moves it to dist/_kv/frame.html, which is never served; the
 * server fills it. A form's error page is the form's own built page, with the island replaced by
 * the server-rendered form.
 */
import { escapeHtml } from './escape-html.ts';

/** Where the build renders the frame (dist/kv-frame/index.html), before moving it to FRAME_FILE. */
export const FRAME_ROUTE = 'kv-frame';
/** The frame in dist/. */
export const FRAME_FILE = '_kv/frame.html';
/** Placeholder of the page title (title, description, Open Graph). */
export const FRAME_TITLE = 'KV-FRAME-TITLE';
/** Placeholder of the page content inside <main>. */
export const FRAME_MAIN = '<!--kv:main-->';


/** Checks that a frame has both placeholders; the message names the file. */
export function assertFrame(frame: string, file: string): void {
  for (const marker of [FRAME_TITLE, FRAME_MAIN]) {
    if (!frame.includes(marker)) throw new Error(`${file}: der Platzhalter ${marker} fehlt. Bauen Sie die Website neu (npm run build).`);
  }
}

/** The frame with a page: `title` is text, `main` is HTML (rendered and escaped by Preact). */
export function fillFrame(frame: string, page: { readonly title: string; readonly main: string }): string {
  // Functions as replacements: a `$` in the content must stay a `$`.
  return frame.replaceAll(FRAME_TITLE, () => escapeHtml(page.title)).replace(FRAME_MAIN, () => page.main);
}

/** The built frame page without the Open Graph address of its build route (the server's pages have none). */
export function frameFromBuiltPage(html: string): string {
  return html.replace(/<meta property="og:url" content="[^"]*"\s*\/?>/, '');
}

/** Prefixes the page's <title> (e.g. "Fehler: "). */
export function prefixTitle(html: string, prefix: string): string {
  return html.replace('<title>', () => `<title>${escapeHtml(prefix)}`);
}

/** The server-rendered island of a form page: the <astro-island> whose content is the <form>. */
const FORM_ISLAND = /<astro-island\b[^>]*>(?=<form\b)[\s\S]*?<\/astro-island>/;

/** True when a built page holds a form island that `replaceFormIsland` can replace. */
export function hasFormIsland(html: string): boolean {
  return FORM_ISLAND.test(html);
}

/**
 * A built form page with its island replaced by `form` (server-rendered HTML). Without the island
 * element nothing hydrates over the server's errors and input.
 */
export function replaceFormIsland(html: string, form: string): string {
  return html.replace(FORM_ISLAND, () => form);
}

/** The HTML inside a built page's form island (what the island rendered at build time). */
export function formIslandContent(html: string): string | null {
  const island = FORM_ISLAND.exec(html)?.[0];
  return island === undefined ? null : island.replace(/^<astro-island\b[^>]*>/, '').replace(/(<!--astro:end-->)?<\/astro-island>$/, '');
}
