/**
 * "Auf dieser Seite" on every offer page: one link per h2 heading below it, in order, each leading
 * to its heading. The offers are read from the built /angebote/ page, not named here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from '../fixtures.ts';
import { de } from '../../../shared/strings/de.ts';
import { siteDist } from '../pages.ts';

const offers = [...new Set([...readFileSync(join(siteDist, 'angebote', 'index.html'), 'utf8').matchAll(/href="(\/angebote\/[^"/]+\/)"/g)].map((m) => m[1] ?? ''))];

test('the catalogue lists offers', () => {
  expect(offers.length).toBeGreaterThan(0);
});

for (const path of offers) {
  test(`offer page ${path}: "${de.contents.heading}" links to each section heading, in order`, async ({ page }) => {
    await page.goto(path);
    const contents = page.getByRole('navigation', { name: de.contents.heading });
    await expect(contents).toBeVisible();
    const links = await contents.getByRole('link').evaluateAll((as) => as.map((a) => ({ text: a.textContent?.trim() ?? '', href: a.getAttribute('href') ?? '' })));
    const headings = await page.locator('main h2[id]').evaluateAll((hs, own) =>
      hs.filter((h) => h.id !== own).map((h) => ({ text: h.textContent?.replace(/\s+/g, ' ').trim() ?? '', href: `#${h.id}` })),
      await contents.getByRole('heading').getAttribute('id'),
    );
    expect(links.length).toBeGreaterThanOrEqual(3);
    expect(links).toEqual(headings);

    const last = links.at(-1);
    await contents.getByRole('link', { name: last?.text ?? '', exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`${last?.href ?? ''}$`));
    await expect(page.getByRole('heading', { level: 2, name: last?.text ?? '', exact: true })).toBeInViewport();
  });
}
