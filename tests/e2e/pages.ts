import { join } from 'node:path';
import { builtSitemapUrls as sitemapUrlsOf } from '../../scripts/lib/sitemap.ts';
import { siteRoot } from './env.ts';

/** The build the `site` project checks (dist/ of this project, or of E2E_SITE_ROOT). */
export const siteDist = join(siteRoot, 'dist');

/** Every page URL of the built sitemap (the build runs before the browser tests), with the configured site origin. */
export const allSitemapUrls = (): URL[] => sitemapUrlsOf(siteDist);

/**
 * E2E_PAGES: the paths (comma-separated) the page-by-page checks visit, e.g. the pages the editors'
 * walk added or changed on its copy; the run on the real content visits every page. A path that is
 * not in the sitemap stops the run, so a typo cannot leave a page unchecked.
 */
function chosenPages(): readonly string[] | undefined {
  const list = process.env['E2E_PAGES']?.split(',').map((path) => path.trim()).filter((path) => path !== '');
  return list !== undefined && list.length > 0 ? list : undefined;
}

/** The page URLs the page-by-page checks visit: every page of the built sitemap, or those E2E_PAGES names. */
export function builtSitemapUrls(): URL[] {
  const all = allSitemapUrls();
  const chosen = chosenPages();
  if (chosen === undefined) return all;
  const missing = chosen.filter((path) => !all.some((url) => url.pathname === path));
  if (missing.length > 0) throw new Error(`E2E_PAGES: not in the sitemap of ${siteDist}: ${missing.join(', ')}`);
  return all.filter((url) => chosen.includes(url.pathname));
}

/** The page paths the page-by-page checks visit (see builtSitemapUrls). */
export const builtSitemapPaths = (): string[] => builtSitemapUrls().map((url) => url.pathname);

/** Whether the page-by-page checks visit `path`: always without E2E_PAGES, else when it names it. */
export function isChosenPage(path: string): boolean {
  return chosenPages()?.includes(path) ?? true;
}
