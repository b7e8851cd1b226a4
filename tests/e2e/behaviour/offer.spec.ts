/**
 * An offer's page, against the fixture offers: every fact of the offer file is on its page, and
 * the page leads to the offer's own interest form. Expectations come from the fixture content.
 */
import { test, expect } from '../fixtures.ts';
import { fixture } from '../content.ts';
import { de, fill } from '../../../shared/strings/de.ts';
import { phaseRange } from '../../../src/lib/cost-phases.ts';
import { offerPath } from '../../../shared/lib/routes.ts';

const offer = fixture.offers[0]!;
const OFFER = `/angebote/${offer.id}/`;
const site = fixture.site.organisation;

// One visit to the offer page (one browser context); each fact of the offer file is a step.
test('the offer page shows every fact of its offer file', async ({ page, request }) => {
  await page.goto(OFFER);

  await test.step('title, facts, Leistungen with OZG-IDs and their Antragsstrecken', async () => {
    await expect(page.getByRole('heading', { level: 1, name: offer.titel })).toBeVisible();
    const main = page.getByRole('main');
    for (const fact of [offer.themenfeldfuehrer, offer.umsetzer, offer.federfuehrung, offer.zielgruppe]) await expect(main).toContainText(fact);
    for (const leistung of offer.leistungen) {
      await expect(main.getByText(`OZG-ID ${leistung.ozgId}`)).toBeVisible();
      for (const strecke of leistung.antragsstrecken) await expect(main.getByRole('listitem').getByText(strecke, { exact: true })).toBeVisible();
    }
  });

  await test.step('costs: every phase with its legal basis, the past one closed and the current one marked', async () => {
    const phases = page.getByRole('region', { name: 'Kosten' }).getByRole('listitem');
    await expect(phases).toHaveCount(offer.kostenphasen.length);
    for (const [index, phase] of offer.kostenphasen.entries()) {
      await expect(phases.nth(index)).toContainText(phase.titel);
      await expect(phases.nth(index)).toContainText(phase.rechtsgrundlage);
    }
    await expect(phases.first()).toContainText('Status: abgeschlossen');
    await expect(phases.last()).toContainText('Status: gilt jetzt');
  });

  await test.step('the call to action invites the offer’s target group as the original page did, and the cost intro refers to the OZG-Leistungen above it', async () => {
    const invitation = page.getByRole('region', { name: de.offer.startHeading });
    await expect(invitation).toContainText(`${fill(de.offer.startText, { zielgruppe: offer.zielgruppe, organisation: site.name })} ${de.offer.startEmail} ${site.postfach}.`);
    await expect(page.getByRole('region', { name: de.offer.costsHeading })).toContainText(de.offer.costsIntro);
    const leistungenAboveCosts = await page.evaluate(
      ([leistungen, costs]) => {
        const heading = [...document.querySelectorAll('h3')].find((h) => h.textContent === leistungen);
        const intro = [...document.querySelectorAll('p')].find((p) => p.textContent === costs);
        return heading !== undefined && intro !== undefined && (heading.compareDocumentPosition(intro) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
      },
      [de.offer.leistungenHeading, de.offer.costsIntro],
    );
    expect(leistungenAboveCosts, '„o. g. OZG-Leistungen“: the Leistungen are listed above the costs').toBe(true);
  });

  await test.step('downloads: each document with type, size and pages, served as PDF; stand-ins are marked', async () => {
    const downloads = page.getByRole('region', { name: 'Downloads' });
    await expect(downloads.getByRole('link')).toHaveCount(offer.downloads.length);
    for (const link of await downloads.getByRole('link').all()) {
      await expect(link).toHaveAccessibleName(/\(PDF, [\d,]+ KB, \d+ Seiten?\)$/);
      const response = await request.get((await link.getAttribute('href')) ?? '');
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toContain('application/pdf');
    }
    // The fixture has one stand-in (platzhalter: true) and one official file among this offer's downloads.
    await expect(downloads.getByText(de.offer.placeholder)).toHaveCount(1);
  });

  await test.step('submission: the document, the BeBPo recipient first, then the postal route with the number of copies', async () => {
    const steps = page.getByRole('region', { name: 'So senden Sie den Einzelabruf' }).getByRole('listitem');
    await expect(steps).toHaveCount(3);
    await expect(steps.nth(0)).toContainText(offer.einreichung.unterzeichnetVon);
    await expect(steps.nth(1)).toContainText('bevorzugte Weg');
    await expect(steps.nth(1).locator('#bebpo-empfaenger')).toHaveText(site.bebpoEmpfaenger);
    await expect(steps.nth(2)).toContainText(`in ${de.offer.copies[offer.einreichung.ausfertigungenPost]} Ausführung`);
    await expect(steps.nth(2).locator('address')).toContainText(site.anschrift.strasse);
  });

  await test.step('contacts: each with its own address, or the organisation mailbox', async () => {
    const contacts = fixture.offers[0]!.kontakte.map((ref) => ref.id);
    expect(contacts.length).toBeGreaterThan(1);
    const lists = page.getByRole('region', { name: de.offer.contactsHeading });
    await expect(lists.getByRole('listitem')).toHaveCount(contacts.length);
    await expect(lists.getByRole('link', { name: site.postfach })).toHaveAttribute('href', `mailto:${site.postfach}`);
    await expect(lists.getByRole('link', { name: /@/ })).toHaveCount(contacts.length);
  });

  await test.step("the call to action leads to the offer's own interest form", async () => {
    await expect(page.getByRole('main').getByRole('link', { name: 'Interesse bekunden' })).toHaveAttribute('href', `${OFFER}interesse/`);
  });

  await test.step('structured data describes a GovernmentService of the organisation with its Leistungen', async () => {
    const data = (await page.locator('script[type="application/ld+json"]').allTextContents()).map((b) => JSON.parse(b) as Record<string, unknown>);
    const service = data.find((d) => d['@type'] === 'GovernmentService');
    const org = data.find((d) => d['@type'] === 'GovernmentOrganization');
    expect(service?.['name']).toBe(offer.titel);
    expect(service?.['provider']).toEqual({ '@id': org?.['@id'] });
    expect((service?.['hasOfferCatalog'] as { itemListElement: unknown[] }).itemListElement).toHaveLength(offer.leistungen.length);
  });
});

test('an offer whose facts no editor has checked states its current phase as its source did, never as applying now', async ({ page }) => {
  const unchecked = fixture.offers.find((o) => o.stand === undefined && o.originalseite !== undefined);
  expect(unchecked, 'the fixture has an offer without stand, with an original page').toBeDefined();
  await page.goto(offerPath(unchecked!.id));
  const costs = page.getByRole('region', { name: 'Kosten' });
  const current = unchecked!.kostenphasen.at(-1)!;
  await expect(costs.getByRole('listitem').last()).toContainText(`Status: gilt laut Originalseite (${unchecked!.originalseite!.jahr}) ${phaseRange(current)}`);
  await expect(costs).not.toContainText(de.offer.phaseStatus.aktuell);
});

test('an offer written in plain Markdown (.md) gets its page too', async ({ page }) => {
  const markdown = fixture.offers.find((o) => o.id === 'beispielantrag')!;
  await page.goto(`/angebote/${markdown.id}/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(markdown.titel);
  await expect(page.getByRole('main').locator('strong', { hasText: 'einfachem Markdown' })).toBeVisible();
});

test.describe('the BeBPo recipient copy button', () => {
  test('copies the recipient name and says so', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto(OFFER);
    await page.getByRole('button', { name: 'Empfängernamen kopieren' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Kopiert' })).toBeAttached();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(site.bebpoEmpfaenger);
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });
    test('the button is hidden and the name stays plain text', async ({ page }) => {
      await page.goto(OFFER);
      await expect(page.getByRole('button', { name: 'Empfängernamen kopieren' })).toBeHidden();
      await expect(page.locator('#bebpo-empfaenger')).toHaveText(site.bebpoEmpfaenger);
    });
  });
});

test('print: no navigation, link targets printed, submission steps kept together', async ({ page }) => {
  await page.goto(OFFER);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Hauptnavigation' })).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Sie sind hier' })).toBeHidden();
  const after = await page.getByRole('link', { name: site.postfach }).first().evaluate((a) => getComputedStyle(a, '::after').content);
  expect(after).toContain(`mailto:${site.postfach}`);
  const submission = page.getByRole('region', { name: 'So senden Sie den Einzelabruf' });
  expect(await submission.evaluate((el) => getComputedStyle(el).breakInside)).toBe('avoid');
});
