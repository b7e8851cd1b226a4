/**
 * The fixture of the editing UI's browser tests: every request that would leave the site's origin
 * is aborted and counted (none may), and every answer of the site itself must succeed, so a file
 * the build forgot to vendor shows up too. The one exception is ./vendor/ below /redaktion/, where
 * the CMS looks for optional modules this build does not ship (src/cms/bundle.ts): those features
 * (e.g. PDF thumbnails) stay off, and the test lists what was asked for. The test repository of the
 * CMS lives in the browser context, so tests do not share it.
 */
import { test as base, expect } from '@playwright/test';

export interface Traffic {
  /** Every request the page made, in order. */
  readonly requests: string[];
  /** Requests to another origin, aborted. */
  readonly offOrigin: string[];
  /** Answers of the site with an error status. */
  readonly failed: string[];
  /** Optional modules the CMS asked for and this build does not ship. */
  readonly notVendored: string[];
}

export const test = base.extend<{ traffic: Traffic }>({
  traffic: [
    async ({ context, page, baseURL }, use) => {
      const origin = new URL(baseURL ?? 'http://127.0.0.1').origin;
      const traffic = { requests: [] as string[], offOrigin: [] as string[], failed: [] as string[], notVendored: [] as string[] };
      await context.route('**/*', (route) => {
        const url = new URL(route.request().url());
        if (url.protocol === 'data:' || url.protocol === 'blob:' || url.origin === origin) return route.continue();
        traffic.offOrigin.push(url.href);
        return route.abort('blockedbyclient');
      });
      page.on('request', (request) => traffic.requests.push(request.url()));
      page.on('response', (response) => {
        if (response.status() < 400) return;
        const path = new URL(response.url()).pathname;
        if (response.status() === 404 && path.startsWith('/redaktion/vendor/')) traffic.notVendored.push(path);
        else traffic.failed.push(`${response.status()} ${response.url()}`);
      });
      await use(traffic);
      if (traffic.notVendored.length > 0) console.log(`Optional CMS modules not shipped, asked for: ${[...new Set(traffic.notVendored)].join(', ')}`);
      expect(traffic.offOrigin, 'requests that would have left the site origin').toEqual([]);
      expect(traffic.failed, 'answers of the site with an error status').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
