/**
 * The editors' page of open items (/redaktion/offen/) on the fixture site: it lists a gap of the
 * fixture content with its file and field, its link opens that entry in the editing UI, and the page
 * passes axe.
 */
import { findGaps } from '../../../shared/lib/gaps.ts';
import { field, openEditingUi } from '../../../scripts/lib/cms-browser.ts';
import { axeFor } from '../fixtures.ts';
import { fixtureRepository } from './repository.ts';
import { expect, test } from './fixtures.ts';

test('names file and field of each gap and links to the entry in the editing UI', async ({ page }) => {
  const repository = fixtureRepository();
  const site = 'tests/fixtures/content/site/site.yaml';
  const gap = findGaps(site, repository.get(site)?.toString('utf8') ?? '').find((g) => /Telefon/.test(g.what));
  expect(gap, 'the fixture site.yaml has a gap for the phone number').toBeDefined();

  await page.goto('/redaktion/offen/');
  const row = page.getByRole('row').filter({ hasText: gap?.what ?? '' });
  await expect(row).toContainText(site);
  await expect(row).toContainText('Organisation → Telefon');
  const link = row.getByRole('link', { name: /^Bearbeiten/ });
  expect((await axeFor(page).analyze()).violations).toEqual([]);

  const href = (await link.getAttribute('href')) ?? '';
  await openEditingUi(page, repository);
  await page.goto(href);
  await expect((await field(page, 'Telefon')).getByRole('textbox', { name: 'Telefon', exact: true })).toHaveValue(`[LÜCKE: ${gap?.what}]`);
});
