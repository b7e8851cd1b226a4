/**
 * Applicants who land here (search traffic for the service they want to apply for) read, on every
 * page they can land on, in German, English and Ukrainian, that they cannot apply here and where to
 * apply: the offer's own words (hinweisAntragstellende) or the general ones; directly above each
 * interest form a short form of it. German terms inside the English and Ukrainian texts are marked
 * lang="de". Expectations come from the content the site was built from.
 */
import type { Page } from '@playwright/test';
import { test, expect } from '../fixtures.ts';
import { siteContent } from '../content.ts';
import { builtSitemapPaths, isChosenPage } from '../pages.ts';
import { de } from '../../../shared/strings/de.ts';
import { interestFormPath, offerPath } from '../../../shared/lib/routes.ts';
import type { OfferData } from '../../../src/lib/offer-schema.ts';

type Notice = Omit<NonNullable<OfferData['hinweisAntragstellende']>, 'deutscheBegriffe'> & { deutscheBegriffe?: readonly string[] };
const { offers } = siteContent();
const own = offers.flatMap((offer) => (offer.hinweisAntragstellende ? [offer.hinweisAntragstellende] : []));
const everyOffer: Notice[] = own.length > 0 ? own : [de.applicants.general];
const newsPages = builtSitemapPaths().filter((path) => /^\/aktuelles\/[^/]+\/$/.test(path));
/** A path that does not exist: the 404 page. */
const NOT_FOUND = '/diese-seite-gibt-es-nicht/';
const applicantPages: [string, Notice[]][] = [
  ...['/', '/angebote/', '/interesse/', '/kontakt/', '/aktuelles/', ...newsPages, NOT_FOUND].map((path): [string, Notice[]] => [path, everyOffer]),
  ...offers.map((offer): [string, Notice[]] => [offerPath(offer.id), [offer.hinweisAntragstellende ?? de.applicants.general]]),
].filter(([path]) => isChosenPage(path));

/** The German terms of `notice` that stand in its English or Ukrainian text outside an element with lang="de". */
async function unmarkedGermanTerms(page: Page, selector: string, notice: Notice): Promise<string[]> {
  const terms = [...de.applicants.germanTerms, ...(notice.deutscheBegriffe ?? [])];
  return page.locator(selector).evaluateAll(
    (regions, wanted) => {
      const found: string[] = [];
      for (const region of regions) {
        for (const part of region.querySelectorAll('[lang="en"], [lang="uk"]')) {
          const walker = document.createTreeWalker(part, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
            if (node.parentElement?.closest('[lang]')?.getAttribute('lang') === 'de') continue;
            for (const term of wanted) {
              if (new RegExp(`(?<![\\p{L}\\p{N}])${term}(?![\\p{L}\\p{N}])`, 'u').test(node.textContent ?? '')) found.push(`${term} in „${node.textContent}“`);
            }
          }
        }
      }
      return found;
    },
    terms.map((term) => term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')),
  );
}

for (const [path, notices] of applicantPages) {
  test(`${path} tells applicants in German, English and Ukrainian that they cannot apply here, German terms marked as German`, async ({ page }) => {
    const response = await page.goto(path);
    expect(response?.status()).toBe(path === NOT_FOUND ? 404 : 200);
    for (const notice of notices) {
      const region = page.getByRole('region', { name: notice.de.frage, exact: true });
      await expect(region).toContainText(`${de.applicants.notHere.de} ${notice.de.wo}`);
      await expect(region.locator('[lang="en"]')).toContainText(`${de.applicants.notHere.en} ${notice.en.wo}`);
      await expect(region.locator('[lang="uk"]')).toContainText(`${de.applicants.notHere.uk} ${notice.uk.wo}`);
      await expect(region.locator('[lang="uk"] h3')).toHaveText(notice.uk.frage);
      expect(await unmarkedGermanTerms(page, '[data-applicant-notice]', notice)).toEqual([]);
    }
  });
}

for (const offer of offers.filter((o) => isChosenPage(interestFormPath(o.id)))) {
  test(`${interestFormPath(offer.id)} has the short applicant notice directly above the form`, async ({ page }) => {
    const notice: Notice = offer.hinweisAntragstellende ?? de.applicants.general;
    await page.goto(interestFormPath(offer.id));
    const region = page.getByRole('region', { name: de.applicants.shortLabel, exact: true });
    await expect(region).toContainText(`${de.applicants.notHere.de} ${notice.de.wo}`);
    await expect(region.locator('[lang="en"]')).toContainText(`${de.applicants.notHere.en} ${notice.en.wo}`);
    await expect(region.locator('[lang="uk"]')).toContainText(`${de.applicants.notHere.uk} ${notice.uk.wo}`);
    // Directly above: the next element (Astro's hydration script aside) holds the form.
    await expect(region.locator('xpath=following-sibling::*[not(self::script) and not(self::style)][1]').locator('form')).toHaveCount(1);
    expect(await unmarkedGermanTerms(page, '[data-applicant-notice="kurz"]', notice)).toEqual([]);
  });
}

test('the content has offer pages for the applicant notice check', () => {
  expect(offers.length).toBeGreaterThan(0);
});
