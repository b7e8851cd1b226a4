/** Byte budgets of the built pages (deterministic, so asserted here; timings are only printed by `npm run bench`). */
import { test, expect } from '../fixtures.ts';
import { builtSitemapPaths, siteDist } from '../pages.ts';
import { KB, pageWeight } from '../../../src/lib/page-weight.ts';
import { pageKind } from '../../../src/lib/routes.ts';

const paths = builtSitemapPaths();

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

test('a page without Ukrainian text loads only the latin font subsets; the pages with the applicant notice add cyrillic', () => {
  const latin = pageWeight(siteDist, '/kontakt/').files.filter((f) => f.endsWith('.woff2'));
  expect(latin.map((f) => f.replace(/\.[\w-]+\.woff2$/, ''))).toEqual(['/_astro/fira-sans-latin-400-normal', '/_astro/fira-sans-latin-700-normal']);
  for (const path of ['/', ...paths.filter((p) => pageKind(p) === 'offer')]) {
    expect(pageWeight(siteDist, path).files.filter((f) => f.includes('cyrillic')), path).toHaveLength(2);
  }
});
