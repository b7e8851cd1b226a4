/**
 * The Content-Security-Policy in the browser tests: the header a page is served with, and the
 * violations the page reports (every-page.spec.ts on each sitemap page, csp.spec.ts on the pages
 * outside the sitemap and for the scripts).
 */
import { expect, type Page, type Response } from '@playwright/test';

/** Collects CSP violations: the page's own event (the document loaded last) and the console (every document of the page). */
export async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
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
  return async () => [...(await page.evaluate(() => (window as unknown as { cspViolations?: string[] }).cspViolations ?? [])), ...fromConsole];
}

/** The page was served with a CSP without 'unsafe-inline': scripts and <style> blocks by hash, no style attribute. */
export async function expectServedCsp(response: Response | null, path: string): Promise<void> {
  const csp = (await response?.allHeaders())?.['content-security-policy'] ?? '';
  expect(csp, path).toMatch(/script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')*;/);
  expect(csp, path).not.toContain("'unsafe-inline'");
  expect(csp, path).toMatch(/style-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+; style-src-attr 'none';/);
}
