/** Byte budgets of the built pages (deterministic, so asserted here; timings are only printed by `npm run bench`). */
import { test, expect } from './fixtures.ts';
import { builtSitemapPaths } from './pages.ts';
import { KB, pageWeight } from '../../scripts/lib/page-weight.ts';

const FORM_PAGES = new Set(['/interesse/', '/barrierefreiheit/barriere-melden/']);
const COPY_BUTTON_PAGES = new Set(['/angebote/aufenthaltstitel/']);

for (const path of builtSitemapPaths()) {
  test(`byte budget of ${path}`, () => {
    const weight = pageWeight('dist', path);
    expect(weight.kinds.css.gzip, 'CSS gzip').toBeLessThanOrEqual(15 * KB);
    if (FORM_PAGES.has(path)) expect(weight.kinds.js.gzip, 'JS gzip on a form page').toBeLessThanOrEqual(25 * KB);
    else if (COPY_BUTTON_PAGES.has(path)) expect(weight.kinds.js.gzip, 'copy button JS gzip').toBeLessThanOrEqual(600);
    else expect(weight.kinds.js.raw, 'JS on a content page').toBe(0);
    expect(weight.total.gzip, 'first visit gzip').toBeLessThanOrEqual(100 * KB);
    expect(weight.files.filter((f) => /\.(woff2?|ttf|otf)$/.test(f)).every((f) => f.endsWith('.woff2') && f.startsWith('/_astro/'))).toBe(true);
  });
}

test('the offer page loads only the latin font subsets; the start page adds cyrillic for the Ukrainian notice', () => {
  const offer = pageWeight('dist', '/angebote/aufenthaltstitel/').files.filter((f) => f.endsWith('.woff2'));
  expect(offer.map((f) => f.replace(/\.[\w-]+\.woff2$/, ''))).toEqual(['/_astro/fira-sans-latin-400-normal', '/_astro/fira-sans-latin-700-normal']);
  const start = pageWeight('dist', '/').files.filter((f) => f.includes('cyrillic'));
  expect(start).toHaveLength(2);
});
