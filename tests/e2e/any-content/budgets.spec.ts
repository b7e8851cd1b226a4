/**
 * Byte budgets of the built pages (deterministic, so asserted here; timings are only printed by
 * `npm run bench`). Read from the build, no browser; that the browser loads exactly the fonts counted
 * here is checked on each page's visit in every-page.spec.ts.
 */
import { test, expect } from '@playwright/test';
import { builtSitemapPaths, siteDist } from '../pages.ts';
import { BUDGET, jsBudget, pageWeight } from '../../../scripts/lib/page-weight.ts';

const paths = builtSitemapPaths();

for (const path of paths) {
  test(`byte budget of ${path}`, () => {
    const weight = pageWeight(siteDist, path);
    expect(weight.kinds.css.gzip, 'CSS gzip').toBeLessThanOrEqual(BUDGET.cssGzip);
    // The form island's or the copy button's JS in gzip bytes; on any other page no JS at all (raw bytes).
    const js = jsBudget(weight.scriptKind);
    expect(weight.kinds.js[js.measure], `${js.label} ${js.measure}`).toBeLessThanOrEqual(js.max);
    expect(weight.total.gzip, 'first visit gzip').toBeLessThanOrEqual(BUDGET.firstVisitGzip);
    expect(weight.files.filter((f) => /\.(woff2?|ttf|otf)$/.test(f)).every((f) => f.endsWith('.woff2') && f.startsWith('/_astro/'))).toBe(true);
  });
}
