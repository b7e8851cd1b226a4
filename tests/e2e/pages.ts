import { join } from 'node:path';
import { builtSitemapPaths as sitemapPathsOf, builtSitemapUrls as sitemapUrlsOf } from '../../scripts/lib/sitemap.ts';
import { siteRoot } from './env.ts';

/** The build the `site` project checks (dist/ of this project, or of E2E_SITE_ROOT). */
export const siteDist = join(siteRoot, 'dist');

/** Every page URL of the built sitemap (the build runs before the browser tests), with the configured site origin. */
export const builtSitemapUrls = (): URL[] => sitemapUrlsOf(siteDist);

/** Every page path of the built sitemap. */
export const builtSitemapPaths = (): string[] => sitemapPathsOf(siteDist);
