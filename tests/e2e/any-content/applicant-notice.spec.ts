/**
 * Applicants who land here (search traffic for the service they want to apply for) read on the start
 * page and on every offer page, in German, English and Ukrainian, that they cannot apply here, and
 * where to apply: the offer's own words (hinweisAntragstellende) or the general ones.
 */
import { test, expect } from '../fixtures.ts';
import { siteContent } from '../content.ts';
import { de } from '../../../src/strings/de.ts';
import { offerPath } from '../../../src/lib/routes.ts';
import type { OfferData } from '../../../src/lib/offer-schema.ts';

type Notice = NonNullable<OfferData['hinweisAntragstellende']>;
const { offers } = siteContent();
const own = offers.flatMap((offer) => (offer.hinweisAntragstellende ? [offer.hinweisAntragstellende] : []));
const applicantPages: [string, Notice[]][] = [
  ['/', own.length > 0 ? own : [de.applicants.general]],
  ...offers.map((offer): [string, Notice[]] => [offerPath(offer.id), [offer.hinweisAntragstellende ?? de.applicants.general]]),
];

for (const [path, notices] of applicantPages) {
  test(`${path} tells applicants in German, English and Ukrainian that they cannot apply here`, async ({ page }) => {
    await page.goto(path);
    for (const notice of notices) {
      const region = page.getByRole('region', { name: notice.de.frage, exact: true });
      await expect(region).toContainText(`${de.applicants.notHere.de} ${notice.de.wo}`);
      await expect(region.locator('[lang="en"]')).toContainText(`${de.applicants.notHere.en} ${notice.en.wo}`);
      await expect(region.locator('[lang="uk"]')).toContainText(`${de.applicants.notHere.uk} ${notice.uk.wo}`);
      await expect(region.locator('[lang="uk"] h3')).toHaveText(notice.uk.frage);
    }
  });
}

test('the content has offer pages for the applicant notice check', () => {
  expect(applicantPages.length).toBeGreaterThan(1);
});
