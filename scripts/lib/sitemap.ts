/** The pages of the built site as its sitemap lists them (dist/sitemap-0.xml), for the browser tests and the bench. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The page URLs of a sitemap document, with the configured site origin. */
export function sitemapUrls(xml: string): URL[] {
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1] ?? ''));
}

/** Every page URL of the sitemap of the build in `dist`. */
export function builtSitemapUrls(dist: string): URL[] {
  return sitemapUrls(readFileSync(join(dist, 'sitemap-0.xml'), 'utf8'));
}

/** Every page path of the sitemap of the build in `dist`. */
export function builtSitemapPaths(dist: string): string[] {
  return builtSitemapUrls(dist).map((url) => url.pathname);
}
