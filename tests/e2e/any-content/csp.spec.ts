/**
 * The built pages run under the Content-Security-Policy the server sends (no 'unsafe-inline' for
 * scripts or styles; inline scripts and <style> blocks allowed by hash, no style attribute): no page
 * of the sitemap reports a violation, and the scripts still work — the copy button on the offer page
 * and the form island, hydrated and used.
 */
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures.ts';
import { builtOffers, siteBuilt } from '../content.ts';
import { allSitemapUrls } from '../pages.ts';

const firstOffer = builtOffers(siteBuilt())[0]?.id ?? '';

/** Collects CSP violations from the page's own event and from the console. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const list: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = list;
    document.addEventListener('securitypolicyviolation', (event) => {
      list.push(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`);
    });
  });
  const fromConsole: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) fromConsole.push(message.text());
  });
  return async () => [...(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)), ...fromConsole];
}

test('no page of the sitemap violates the CSP, and each is served with one', async ({ page }) => {
  test.setTimeout(60_000);
  const violations = await watchViolations(page);
  const thankYouPages = [`/angebote/${firstOffer}/interesse/danke/?ref=KV-2026-000001`, '/barrierefreiheit/barriere-melden/danke/?ref=BF-2026-000001'];
  for (const path of [...allSitemapUrls().map((url) => url.pathname), ...thankYouPages, '/gibt-es-nicht/']) {
    const response = await page.goto(path, { waitUntil: 'load' });
    const csp = (await response?.allHeaders())?.['content-security-policy'] ?? '';
    expect(csp, path).toMatch(/script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')*;/);
    expect(csp, path).not.toContain("'unsafe-inline'");
    expect(csp, path).toMatch(/style-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+; style-src-attr 'none';/);
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
