/**
 * The editing UI of the build `npm test` makes (no CMS_* settings, src/cms/backend.ts): it offers
 * only the local-folder mode, on this machine, and says in German how GitLab is set up; nothing
 * leaves the site (the shared fixture fails on any request to another origin). It is never indexed
 * and in no sitemap; its page of open items lists the build's gaps.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { NO_GIT_HOST_PATH } from '../../../src/cms/backend.ts';
import { cmsPageTexts } from '../../../src/strings/cms.ts';
import { expect, test } from '../fixtures.ts';
import { allSitemapUrls, siteDist } from '../pages.ts';

const backend = (load(readFileSync(join(siteDist, 'redaktion', 'config.yml'), 'utf8')) as { backend: Record<string, unknown> }).backend;
/** The build has no git host: CMS_BACKEND was not set. */
const localOnly = String(backend['api_root']).endsWith(NO_GIT_HOST_PATH);

test('without CMS settings, the editing UI offers only the local-folder mode and says how to connect GitLab', async ({ page }) => {
  await page.goto('/redaktion/');
  await expect(page.getByRole('note')).toContainText(localOnly ? cmsPageTexts.localOnly : cmsPageTexts.openItems);
  if (!localOnly) return;
  // 127.0.0.1 is this machine: the CMS offers the folder of a clone there.
  await expect(page.getByRole('button', { name: 'Mit lokalem Repository arbeiten' })).toBeEnabled();
  await expect(page.getByRole('button')).toHaveText(['Mit lokalem Repository arbeiten']);
});

test('the editing UI is never indexed and in no sitemap', async ({ page, request }) => {
  expect(allSitemapUrls().filter((url) => url.pathname.startsWith('/redaktion/'))).toEqual([]);
  expect(await (await request.get('/robots.txt')).text()).toMatch(/^Disallow: \/redaktion\/$/m);
  for (const path of ['/redaktion/', '/redaktion/offen/']) {
    const response = await page.goto(path);
    expect(response?.headers()['x-robots-tag'], path).toBe('noindex, nofollow');
    const robots = await page.locator('meta[name="robots"]').evaluateAll((metas) => metas.map((m) => m.getAttribute('content')));
    expect(robots.length, path).toBeGreaterThan(0);
    for (const content of robots) expect(content, path).toMatch(/noindex/);
  }
});
