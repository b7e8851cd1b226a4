/**
 * The form server's pages for a flood (429), broken storage (503) and a locked admin login (429), as
 * a browser shows them: under the CSP (no 'unsafe-inline' for styles, no style attribute) without a
 * single violation. They need a server of their own with a rate limit of one post a minute, or
 * without usable storage: each is the real server (`node server/cli/start.ts`) on the fixture build, on
 * a free port, with the fixture site's settings.
 */
import { test as base, expect, type Page } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseEnv } from 'node:util';
import { startServerProcess, type ServerProcess } from '../../../scripts/lib/server-process.ts';
import { tempDir, type TempDir } from '../../../scripts/lib/temp-dir.ts';
import { barriereMeldenMeta } from '../../../shared/forms/index.ts';
import { watchViolations } from '../csp-watch.ts';
import { E2E_ADMIN_USER } from '../env.ts';

const root = resolve(import.meta.dirname, '../../..');
const fixtureEnv = parseEnv(readFileSync(join(root, 'tests', 'fixtures', 'fixture.env'), 'utf8')) as Record<string, string>;
const form = barriereMeldenMeta;
// Another origin than the fixture site's: the shared fixture's same-origin check does not apply.
const test = base;
test.describe.configure({ mode: 'serial', timeout: 90_000 });

let dir: TempDir;
let limited: ServerProcess;
let broken: ServerProcess;

test.beforeAll(async () => {
  dir = tempDir('kv-e2e-errors-');
  const env = { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', ...fixtureEnv, LOG_LEVEL: 'warn' };
  limited = await startServerProcess({ env: { ...env, DATA_DIR: join(dir.path, 'data'), FORM_RATE_LIMIT: '1' }, healthy: true });
  writeFileSync(join(dir.path, 'kein-ordner'), '');
  broken = await startServerProcess({ env: { ...env, DATA_DIR: join(dir.path, 'kein-ordner') } });
});

test.afterAll(async () => {
  await limited?.stop();
  await broken?.stop();
  dir?.remove();
});

/** A plain form post of valid data from the contact page of `origin`; resolves with the answer's status. */
async function plainPost(page: Page, origin: string): Promise<number> {
  await page.goto(`${origin}/kontakt/`);
  const answer = page.waitForResponse((response) => response.url().endsWith(`/f/${form.name}`));
  const left = page.waitForURL((url) => url.pathname !== '/kontakt/', { waitUntil: 'load' });
  await page.evaluate(
    ({ action }) => {
      const element = document.createElement('form');
      element.method = 'post';
      element.action = action;
      for (const [name, value] of [['seite', '/kontakt/'], ['beschreibung', 'CSP-Test der Fehlerseiten']]) element.append(Object.assign(document.createElement('input'), { type: 'hidden', name, value }));
      document.body.append(element);
      element.submit();
    },
    { action: `${origin}/f/${form.name}` },
  );
  const status = (await answer).status();
  await left;
  return status;
}

async function expectStrictCsp(page: Page): Promise<void> {
  const csp = (await page.request.get(page.url())).headers()['content-security-policy'] ?? '';
  expect(csp).toMatch(/style-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+;/);
  expect(csp).toContain("style-src-attr 'none'");
  expect(csp).not.toContain('unsafe-inline');
}

test('the page for too many posts (429) shows no CSP violation', async ({ page }) => {
  const violations = await watchViolations(page);
  expect(await plainPost(page, limited.base)).toBe(303);
  expect(await plainPost(page, limited.base)).toBe(429);
  await expect(page.getByText('Sie haben in kurzer Zeit sehr viele Formulare gesendet')).toBeVisible();
  await expect(page.getByRole('banner')).toBeVisible();
  await expectStrictCsp(page);
  expect(await violations()).toEqual([]);
});

test('the page for storage that is not available (503) shows no CSP violation', async ({ page }) => {
  const violations = await watchViolations(page);
  expect(await plainPost(page, broken.base)).toBe(503);
  await expect(page.getByText('Das Formular kann gerade nicht gespeichert werden').first()).toBeVisible();
  await expect(page.getByRole('banner')).toBeVisible();
  expect(await violations()).toEqual([]);
});

test('the page of a locked admin login (429) shows no CSP violation', async ({ page }) => {
  const wrong = { name: E2E_ADMIN_USER, password: 'geraten' };
  for (let i = 0; i < 5; i++) expect((await page.request.post(`${limited.base}/admin/anmelden`, { form: wrong })).status()).toBe(401);
  const violations = await watchViolations(page);
  await page.goto(`${limited.base}/admin/anmelden`);
  await page.getByLabel('Benutzername').fill(E2E_ADMIN_USER);
  await page.getByLabel('Passwort').fill('geraten');
  const [response] = await Promise.all([page.waitForResponse(`${limited.base}/admin/anmelden`), page.getByRole('button', { name: 'Anmelden' }).click()]);
  expect(response.status()).toBe(429);
  await expect(page.getByRole('heading', { level: 1, name: 'Zu viele fehlgeschlagene Anmeldungen' })).toBeVisible();
  expect(await violations()).toEqual([]);
});
