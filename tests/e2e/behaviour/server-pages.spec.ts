/**
 * The pages the form server writes, as a browser shows them: the error page of a form post without
 * JavaScript and its message pages are in the site's frame, pass axe and run under the CSP without
 * a violation (the admin area has its own frame: admin.spec.ts). And the character count of long texts, with and without JavaScript.
 * axe needs JavaScript in the page: the server's pages are posted to as a plain form (no island)
 * from a page with JavaScript on.
 */
import type { Page } from '@playwright/test';
import { barriereMeldenMeta } from '../../../shared/forms/index.ts';
import { FORM_SLOT_ATTRIBUTE, FORM_SLOT_VALUE } from '../../../shared/lib/server-files.ts';
import { builtOffers, fixtureBuilt, interestForm } from '../content.ts';
import { watchViolations } from '../csp-watch.ts';
import { expect, test } from '../fixtures.ts';

test.describe.configure({ timeout: 120_000 });

const limit = barriereMeldenMeta.fields.find((field) => field.name === 'beschreibung')?.maxLength ?? 0;
const countLimit = new RegExp(`Sie können bis zu ${limit} Zeichen eingeben\\.`);

/** A plain form post (what a browser without the island sends) from a page of the site. */
async function plainPost(page: Page, action: string, fields: readonly (readonly [string, string])[]): Promise<void> {
  await page.goto('/kontakt/');
  await page.evaluate(
    ({ action, fields }) => {
      const form = document.createElement('form');
      form.method = 'post';
      form.action = action;
      for (const [name, value] of fields) form.append(Object.assign(document.createElement('input'), { type: 'hidden', name, value }));
      document.body.append(form);
      form.submit();
    },
    { action, fields },
  );
  await page.waitForURL(`**${action}`);
}

type Axe = () => { analyze: () => Promise<{ violations: { id: string }[] }> };

async function expectFramedAndAccessible(page: Page, axe: Axe, violations: () => Promise<string[]>): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expect(page).toHaveTitle(new RegExp(` – ${fixtureBuilt().site.portalName}$`));
  await expect(page.getByRole('banner')).toBeVisible();
  await expect(page.getByRole('contentinfo')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  const skip = page.getByRole('link', { name: 'Zum Inhalt springen' });
  await skip.focus();
  await skip.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();
  expect((await axe().analyze()).violations.map((v) => v.id)).toEqual([]);
  expect(await violations()).toEqual([]);
}

test.describe('the error page of a form post without JavaScript', () => {
  test.describe('in a browser without JavaScript', () => {
    test.use({ javaScriptEnabled: false });

    test('names the errors, keeps the input and states the limit of a long text', async ({ page }) => {
      await page.goto('/barrierefreiheit/barriere-melden/');
      const text = page.getByLabel('Beschreiben Sie die Barriere');
      await expect(text).toHaveAccessibleDescription(countLimit);
      await text.fill('x'.repeat(limit + 1));
      await page.getByRole('button', { name: 'Absenden' }).click();

      await expect(page).toHaveTitle(/^Fehler: /);
      const summary = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'Es gibt ein Problem' }) });
      await expect(summary.locator('..')).toBeFocused();
      await expect(summary.getByRole('link')).toHaveText([
        'Geben Sie an, welche Seite betroffen ist',
        `Die Beschreibung darf höchstens ${limit} Zeichen lang sein`,
      ]);
      await expect(text).toHaveValue('x'.repeat(limit + 1));
      await expect(text).toHaveAttribute('aria-invalid', 'true');
      await expect(text).toHaveAccessibleDescription(countLimit);
      await expect(page.getByRole('link', { name: 'Datenschutzhinweise zu diesem Formular' })).toHaveAttribute('href', barriereMeldenMeta.privacyHref);
    });
  });

  for (const form of [barriereMeldenMeta, ...builtOffers(fixtureBuilt()).map((offer) => interestForm(fixtureBuilt(), offer.id))]) {
    test(`${form.name}: is in the site frame, passes axe and runs under the CSP`, async ({ page, axe }) => {
      const violations = await watchViolations(page);
      await plainPost(page, `/f/${form.name}`, [['email', 'kaputt'], ['_next', form.thankYouPath]]);
      await expect(page).toHaveTitle(/^Fehler: /);
      await expect(page.getByRole('heading', { name: 'Es gibt ein Problem' })).toBeVisible();
      await expect(page.getByRole('link', { name: 'Datenschutzhinweise zu diesem Formular' })).toHaveAttribute('href', form.privacyHref);
      // Our element around the form holds the server's form and nothing else: no island hydrates over it.
      await expect(page.locator(`[${FORM_SLOT_ATTRIBUTE}="${FORM_SLOT_VALUE}"] > *`)).toHaveCount(1);
      await expect(page.locator(`[${FORM_SLOT_ATTRIBUTE}="${FORM_SLOT_VALUE}"] > form`)).toHaveCount(1);
      await expectFramedAndAccessible(page, axe, violations);
    });
  }
});

test('a message page of the form server is in the site frame', async ({ page, axe }) => {
  const violations = await watchViolations(page);
  const response = await page.goto('/f/barriere-melden');
  expect(response?.status()).toBe(405);
  await expect(page.getByRole('heading', { level: 1, name: 'Das Formular wurde nicht gesendet' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Zur Startseite', exact: true })).toBeVisible();
  await expectFramedAndAccessible(page, axe, violations);
});

test('with JavaScript, a long text counts down what is left and marks going over the limit', async ({ page }) => {
  await page.goto('/barrierefreiheit/barriere-melden/');
  const text = page.getByLabel('Beschreiben Sie die Barriere');
  // The island's code loads and runs on the first interaction.
  await Promise.all([page.waitForResponse((response) => /\.js$/.test(new URL(response.url()).pathname)), text.focus()]);
  await expect(text).toHaveAccessibleDescription(countLimit);
  const visible = page.locator('[aria-hidden="true"]').filter({ hasText: /^Sie haben / });
  const announced = page.locator('[aria-live="polite"]').filter({ hasText: /^Sie haben / });
  await expect(visible).toHaveText(`Sie haben noch ${limit} Zeichen.`);

  await text.fill('Kontrast');
  await expect(visible).toHaveText(`Sie haben noch ${limit - 8} Zeichen.`);
  await expect(announced).toHaveText(`Sie haben noch ${limit - 8} Zeichen.`);
  await expect(text).toHaveValue('Kontrast');

  await text.fill('x'.repeat(limit + 3));
  await expect(visible).toHaveText('Sie haben 3 Zeichen zu viel.');
  await expect(visible).toHaveClass(/error/);
  await expect(announced).toHaveText('Sie haben 3 Zeichen zu viel.');
  await expect(text).toHaveValue('x'.repeat(limit + 3));
});
