import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { siteRoot } from './env.ts';

/** The build the `site` project checks (dist/ of this project, or of E2E_SITE_ROOT). */
export const siteDist = join(siteRoot, 'dist');

/** Every page URL of the built sitemap (the build runs before the browser tests), with the configured site origin. */
export function builtSitemapUrls(dist: string = siteDist): URL[] {
  const xml = readFileSync(join(dist, 'sitemap-0.xml'), 'utf8');
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1] ?? ''));
}

export function builtSitemapPaths(dist: string = siteDist): string[] {
  return builtSitemapUrls(dist).map((url) => url.pathname);
}
