import { readFileSync } from 'node:fs';

/** Every page URL of the built sitemap (the build runs before the browser tests), with the configured site origin. */
export function builtSitemapUrls(): URL[] {
  const xml = readFileSync('dist/sitemap-0.xml', 'utf8');
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1] ?? ''));
}

export function builtSitemapPaths(): string[] {
  return builtSitemapUrls().map((url) => url.pathname);
}
