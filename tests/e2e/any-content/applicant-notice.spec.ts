/**
 * Applicants who land here (search traffic for the service they want to apply for) read on the start
 * page and on every offer page, in German, English and Ukrainian, that they cannot apply here.
 */
import { test, expect } from '../fixtures.ts';
import { builtSitemapPaths } from '../pages.ts';
import { de } from '../../../src/strings/de.ts';
import { pageKind } from '../../../src/lib/routes.ts';

const applicantPages = ['/', ...builtSitemapPaths().filter((path) => pageKind(path) === 'offer')];

for (const path of applicantPages) {
  test(`${path} tells applicants in German, English and Ukrainian that they cannot apply here`, async ({ page }) => {
    await page.goto(path);
    const notice = page.getByRole('region', { name: de.applicants.heading });
    await expect(notice).toContainText(de.applicants.de);
    await expect(notice.locator('[lang="en"]')).toContainText(de.applicants.en);
    await expect(notice.locator('[lang="uk"]')).toContainText(de.applicants.uk);
    await expect(notice.locator('[lang="uk"] h3')).toHaveText(de.applicants.ukHeading);
  });
}

test('the sitemap has offer pages for the applicant notice check', () => {
  expect(applicantPages.length).toBeGreaterThan(1);
});
