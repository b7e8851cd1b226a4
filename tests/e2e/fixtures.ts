/**
 * The shared Playwright fixture: every test records the requests the pages of its browser context
 * make and fails when one leaves the site's origin (fonts, scripts and images are self-hosted; no
 * trackers). It listens on the context, so a test that only asks the server (`request`) opens no
 * page.
 */
import { test as base, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { AXE_TAGS } from '../../src/lib/accessibility-checks.ts';

/**
 * axe on `page` with the rules of AXE_TAGS, run in the page itself (legacy mode): the default mode
 * opens one more page per check to put the results of the frames together, and the site's pages
 * have no frames. That page was half of each check's time (0.6 instead of 1.3 s on the offer page).
 */
export const axeFor = (page: Page): AxeBuilder => new AxeBuilder({ page }).withTags([...AXE_TAGS]).setLegacyMode();

export const test = base.extend<{ externalRequests: string[]; axe: () => AxeBuilder }>({
  externalRequests: [
    async ({ context, baseURL }, use) => {
      const origin = new URL(baseURL ?? 'http://127.0.0.1').origin;
      const external: string[] = [];
      context.on('request', (request) => {
        const url = new URL(request.url());
        if (url.protocol !== 'data:' && url.protocol !== 'blob:' && url.origin !== origin) external.push(request.url());
      });
      await use(external);
      expect(external, 'requests that left the site origin').toEqual([]);
    },
    { auto: true },
  ],
  axe: async ({ page }, use) => {
    // The statement names these versions and levels (<GepruefteRegeln />): one list for both.
    await use(() => axeFor(page));
  },
});

export { expect };
