/**
 * Form islands hydrate on first interaction (`client:interaction`), not at load: every sitemap page
 * with a form loads no island code until someone reaches for the form; a submit that comes first is
 * handled by the island once it is ready; without the island's code the form posts as without
 * JavaScript.
 */
import { readFileSync } from 'node:fs';
import type { Frame, Page } from '@playwright/test';
import { test, expect } from '../fixtures.ts';
import { builtSitemapPaths, siteDist } from '../pages.ts';
import { formStrings } from '../../../shared/strings/form.ts';
import { htmlFileFor, scriptKind, scriptUrls } from '../../../scripts/lib/page-weight.ts';

/** Pages of the sitemap with a form (built page: the form island), and the island's code (the JS the page names). */
const formPages = builtSitemapPaths().flatMap((path) => {
  const code = scriptUrls(readFileSync(htmlFileFor(siteDist, path), 'utf8'));
  return scriptKind(siteDist, path) === 'form-island' ? [{ path, code }] : [];
});

test('the sitemap has pages with a form island, each with its code', () => {
  expect(formPages.length).toBeGreaterThan(0);
  for (const { path, code } of formPages) expect(code.length, path).toBeGreaterThan(0);
});

function islandRequests(page: Page, code: readonly string[]): string[] {
  const requests: string[] = [];
  page.on('request', (request) => {
    if (code.includes(new URL(request.url()).pathname)) requests.push(new URL(request.url()).pathname);
  });
  return requests;
}

for (const { path, code } of formPages) {
  // One visit (one browser context): the island's code is in the HTTP cache after the first step,
  // which does not change when it runs (on the first interaction) or how a submit before it is
  // ready is handled.
  test(`page ${path}: the form island loads on the first interaction, handles a submit before it is ready, and without its code the form posts as without JavaScript`, async ({ page }) => {
    await test.step('the island loads on the first interaction, not with the page', async () => {
      const requests = islandRequests(page, code);
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      expect(requests, 'island code loaded before any interaction').toEqual([]);

      await page.getByRole('textbox').first().focus();
      await expect.poll(() => [...new Set(requests)].sort()).toEqual([...code].sort());
      expect(requests).toHaveLength(code.length);
    });

    await test.step('a submit before the island is ready is handled by the island, in the page', async () => {
      await page.goto(path);
      const navigations: string[] = [];
      const onNavigation = (frame: Frame) => {
        if (frame === page.mainFrame()) navigations.push(frame.url());
      };
      page.on('framenavigated', onNavigation);
      const title = await page.title();
      await page.getByRole('button', { name: formStrings.submit, exact: true }).click();
      // The GOV.UK summary: a focused box around the alert that holds the heading and the links.
      const summary = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: formStrings.summaryHeading }) });
      await expect(summary.locator('..')).toBeFocused();
      await expect(page).toHaveTitle(`${formStrings.titlePrefix}${title}`);
      expect(navigations, 'the page was left').toEqual([]);
      page.off('framenavigated', onNavigation);
    });

    await test.step('without the island\'s code the form posts as without JavaScript', async () => {
      await page.route((url) => code.includes(url.pathname), (route) => route.abort());
      await page.goto(path);
      await page.getByRole('button', { name: formStrings.submit, exact: true }).click();
      await expect(page).toHaveURL(/\/f\//);
      await expect(page).toHaveTitle(new RegExp(`^${formStrings.titlePrefix}`));
    });
  });
}
