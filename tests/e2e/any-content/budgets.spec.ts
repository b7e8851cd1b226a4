/** Byte budgets of the built pages (deterministic, so asserted here; timings are only printed by `npm run bench`). */
import { test, expect } from '../fixtures.ts';
import { builtSitemapPaths, siteDist } from '../pages.ts';
import { KB, pageWeight } from '../../../src/lib/page-weight.ts';
import { pageKind } from '../../../src/lib/routes.ts';

const paths = builtSitemapPaths();
const offerPage = paths.find((path) => pageKind(path) === 'offer') ?? '';

for (const path of paths) {
  test(`byte budget of ${path}`, () => {
    const weight = pageWeight(siteDist, path);
    expect(weight.kinds.css.gzip, 'CSS gzip').toBeLessThanOrEqual(15 * KB);
    const kind = pageKind(path);
    if (kind === 'form') expect(weight.kinds.js.gzip, 'JS gzip on a form page').toBeLessThanOrEqual(25 * KB);
    else if (kind === 'offer') expect(weight.kinds.js.gzip, 'copy button JS gzip').toBeLessThanOrEqual(600);
    else expect(weight.kinds.js.raw, 'JS on a content page').toBe(0);
    expect(weight.total.gzip, 'first visit gzip').toBeLessThanOrEqual(100 * KB);
    expect(weight.files.filter((f) => /\.(woff2?|ttf|otf)$/.test(f)).every((f) => f.endsWith('.woff2') && f.startsWith('/_astro/'))).toBe(true);
  });
}

test('the offer page loads only the latin font subsets; the start page adds cyrillic for the Ukrainian notice', () => {
  const offer = pageWeight(siteDist, offerPage).files.filter((f) => f.endsWith('.woff2'));
  expect(offer.map((f) => f.replace(/\.[\w-]+\.woff2$/, ''))).toEqual(['/_astro/fira-sans-latin-400-normal', '/_astro/fira-sans-latin-700-normal']);
  const start = pageWeight(siteDist, '/').files.filter((f) => f.includes('cyrillic'));
  expect(start).toHaveLength(2);
});
