/**
 * A form's error page is the form's own built page, with the island replaced by the
 * server-rendered form.
 */
import { escapeHtml } from './escape-html.ts';

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
