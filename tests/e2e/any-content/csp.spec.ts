/**
 * The built pages run under the Content-Security-Policy the server sends (no 'unsafe-inline' for
 * scripts or styles; inline scripts and <style> blocks allowed by hash, no style attribute): the
 * pages outside the sitemap (thank-you pages, 404) report no violation (each sitemap page is
 * checked on its visit in every-page.spec.ts), and the scripts still work — the copy button on the
 * offer page and the form island, hydrated and used.
 */
import { expect, test } from '../fixtures.ts';
import { builtOffers, siteBuilt } from '../content.ts';
import { expectServedCsp, watchViolations } from '../csp-watch.ts';

const firstOffer = builtOffers(siteBuilt())[0]?.id ?? '';

// The sitemap's pages are checked on their visit in every-page.spec.ts; these are the others.
test('the thank-you pages and the 404 page are served with the CSP and violate it nowhere', async ({ page }) => {
  const violations = await watchViolations(page);
  const thankYouPages = [`/angebote/${firstOffer}/interesse/danke/?ref=KV-2026-000001`, '/barrierefreiheit/barriere-melden/danke/?ref=BF-2026-000001'];
  for (const path of [...thankYouPages, '/gibt-es-nicht/']) {
    await expectServedCsp(await page.goto(path, { waitUntil: 'load' }), path);
    expect(await violations(), path).toEqual([]);
  }
});

test('the copy button works under the CSP', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const violations = await watchViolations(page);
  await page.goto(`/angebote/${firstOffer}/`);
  await page.getByRole('button', { name: 'Empfängernamen kopieren' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Kopiert' })).toBeAttached();
  const target = (await page.locator('#bebpo-empfaenger').textContent())?.trim() ?? '';
  expect(target).not.toBe('');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(target);
  expect(await violations()).toEqual([]);
});

test('the form island hydrates, validates (lazy-loaded code) and sends under the CSP', async ({ page }) => {
  const violations = await watchViolations(page);
  await page.goto('/barrierefreiheit/barriere-melden/');
  // client:interaction: the island's code loads and runs on the first interaction.
  await Promise.all([page.waitForResponse((response) => /\.js$/.test(new URL(response.url()).pathname)), page.getByLabel('Welche Seite ist betroffen?').focus()]);
  await page.getByRole('button', { name: 'Absenden' }).click();
  await expect(page.getByRole('heading', { name: 'Es gibt ein Problem' })).toBeVisible();
  await page.getByLabel('Welche Seite ist betroffen?').fill('/kontakt/');
  await page.getByLabel('Beschreiben Sie die Barriere').fill('CSP-Test: der Fokus ist unsichtbar.');
  await page.getByRole('button', { name: 'Absenden' }).click();
  await expect(page.locator('.form-reference')).toHaveText(/^BF-\d{4}-\d{6}$/);
  expect(await violations()).toEqual([]);
});
